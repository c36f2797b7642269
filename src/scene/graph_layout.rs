//! Node positions for a scenario's graph: computed by `crate::layout` over every actor and every record of all
//! years (so that nodes stay put when the year or filters change), with the positions saved in the scenario pinned.
//! The Graph view and slides share it.
//!
//! The window never freezes while a layout runs: a small graph is stepped a few times per frame within a frame
//! budget (deterministically frame by frame, which the UI tests rely on); a large one settles on a worker thread
//! (`layout_worker`) whose newest positions each frame shows, with a progress bar.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::grouping::Grouping;
use super::layout_worker::{LayoutWorker, Report, Reporter, Stage};
use crate::layout::{ForceLayout, ForceSettings, LayoutInput, Point, Progress, circular_grouped, multilevel_start};
use crate::model::{ActorKind, Position, Scenario};

/// How long layout may run in one frame.
const FRAME_BUDGET: Duration = Duration::from_millis(6);
const SEED: u64 = 2023;
/// A force layout of more items than this runs on a worker thread: even a frame budget's worth of its steps would
/// make the window stutter, and its coarse levels take longer than a frame.
pub const WORKER_ABOVE: usize = 500;
/// How often a worker publishes its positions: about once per frame of a 60 Hz screen.
const PUBLISH_EVERY: Duration = Duration::from_millis(16);
/// Shares of the progress bar for the worker's stages that report nothing on their way, measured on a generated
/// graph of 5,000 states and 50,000 ties (coarse levels 0.16 s, 90 steps 0.27 s, separating overlaps 0.22 s).
/// A one-level layout (more than 6,000 nodes, see `layout::MULTILEVEL_UP_TO`) mostly converges long before its
/// step limit (10,000 states: 105 of 500 steps, 1.0 s in all): its bar follows how far it has settled
/// (`layout::Progress::fraction`).
const COARSE_LEVELS_SHARE: f32 = 0.25;
const SEPARATING_SHARE: f32 = 0.3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutKind {
    /// Force-directed, honouring the positions saved in the file (dragged nodes).
    Force,
    /// On a circle, grouped by bloc.
    CircleByBloc,
}

impl LayoutKind {
    pub const ALL: [LayoutKind; 2] = [LayoutKind::Force, LayoutKind::CircleByBloc];
    pub fn label(self) -> &'static str {
        match self {
            LayoutKind::Force => "Force-directed (keeps dragged nodes)",
            LayoutKind::CircleByBloc => "Circle, grouped by bloc",
        }
    }
}

#[derive(Default)]
pub struct LayoutState {
    /// (document id, revision, layout, collapsed groups) the positions were computed for.
    computed_for: Option<(u64, u64, LayoutKind, Vec<String>)>,
    /// Each placed item by id (an actor's, or a collapsed group's such as "group: Europe"): its index.
    item_index: HashMap<String, usize>,
    /// Per actor, the item it is drawn as: itself, or its collapsed group.
    item_of_actor: Vec<usize>,
    positions: Vec<[f32; 2]>,
    /// The force layout as it was left, kept while another layout is shown, so that going back to it gives the
    /// same picture, not a new one.
    force_kept: Option<KeptForce>,
    running: Option<Running>,
    progress: Option<LayoutProgress>,
    /// Why the last layout stopped before its end, for the view to say.
    failure: Option<String>,
}

/// A settled force layout put aside (see `LayoutState::force_kept`).
struct KeptForce {
    /// The document, revision and collapsed groups it was made for: back to those, it is shown as it was.
    made_for: (u64, u64, Vec<String>),
    item_index: HashMap<String, usize>,
    item_of_actor: Vec<usize>,
    positions: Vec<[f32; 2]>,
}

/// A force layout under way.
enum Running {
    /// Stepped on the UI thread within the frame budget (small graphs).
    InFrame(Box<ForceLayout>),
    /// On a worker thread (large graphs).
    Worker(LayoutWorker),
}

/// How far a running layout has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutProgress {
    /// How many nodes (actors and collapsed groups) are being placed.
    pub nodes: usize,
    /// Share of the work done, from 0 to 1.
    pub fraction: f32,
    /// What the layout is doing, such as "settling the nodes".
    pub doing: &'static str,
}

impl LayoutState {
    /// Starts a new layout when the document or the collapsed groups changed; advances a running one within the
    /// frame budget. Returns true while work remains (the caller asks for another frame).
    pub fn update(
        &mut self,
        document_id: u64,
        revision: u64,
        kind: LayoutKind,
        scenario: &Scenario,
        grouping: &Grouping,
    ) -> bool {
        let key = (document_id, revision, kind, grouping.collapsed_ids());
        if self.computed_for.as_ref() != Some(&key) {
            self.put_force_aside(kind);
            if !(kind == LayoutKind::Force && self.take_back_force(&key)) {
                self.start(scenario, kind, grouping);
            }
            self.computed_for = Some(key);
        }
        self.advance()
    }

    /// The canvas position of an actor by index in `scenario.actors` (its group's, while that is collapsed).
    pub fn position(&self, actor: usize) -> Option<[f32; 2]> {
        self.positions.get(*self.item_of_actor.get(actor)?).copied()
    }

    /// The canvas position of an actor or a collapsed group by its id.
    pub fn position_of(&self, id: &str) -> Option<[f32; 2]> {
        self.item_index.get(id).and_then(|&item| self.positions.get(item)).copied()
    }

    /// Puts a collapsed group where it was dropped, for this view only (a group is no record to save). A layout
    /// still running is finished first, so that it does not move the group back.
    pub fn place(&mut self, id: &str, position: [f32; 2]) {
        self.finish();
        if let Some(&item) = self.item_index.get(id) {
            self.positions[item] = position;
        }
    }

    /// How far the running layout has got, for a progress bar; `None` when finished.
    pub fn progress(&self) -> Option<LayoutProgress> {
        self.running.as_ref()?;
        self.progress
    }

    /// Why the last layout stopped before its end (its worker failed): the nodes stay where it had got them.
    pub fn failure(&self) -> Option<&str> {
        self.failure.as_deref()
    }

    /// Leaving a settled force layout for another: it is kept. One still running is not waited for (on a large
    /// graph that would freeze the window); it starts again when it is asked for again.
    fn put_force_aside(&mut self, kind: LayoutKind) {
        let Some((document, revision, LayoutKind::Force, collapsed)) = self.computed_for.clone() else { return };
        if kind == LayoutKind::Force || self.running.is_some() {
            return;
        }
        self.force_kept = Some(KeptForce {
            made_for: (document, revision, collapsed),
            item_index: self.item_index.clone(),
            item_of_actor: self.item_of_actor.clone(),
            positions: self.positions.clone(),
        });
    }

    /// Back to the force layout for the same document, revision and groups: shown as it was left. After an edit,
    /// its places are where the new layout starts (in `start`), so that the picture changes as little as it can.
    fn take_back_force(&mut self, key: &(u64, u64, LayoutKind, Vec<String>)) -> bool {
        let same = |kept: &KeptForce| kept.made_for == (key.0, key.1, key.3.clone());
        if !self.force_kept.as_ref().is_some_and(same) {
            return false;
        }
        let Some(kept) = self.force_kept.take() else { return false };
        (self.item_index, self.item_of_actor, self.positions) = (kept.item_index, kept.item_of_actor, kept.positions);
        (self.running, self.progress, self.failure) = (None, None, None);
        true
    }

    fn start(&mut self, scenario: &Scenario, kind: LayoutKind, grouping: &Grouping) {
        let items = Items::new(scenario, grouping);
        let initial = match (kind, self.force_kept.take()) {
            (LayoutKind::Force, Some(kept)) => {
                let place = |id: &String| kept.item_index.get(id).and_then(|&item| kept.positions.get(item)).copied();
                items.ids.iter().map(place).collect()
            }
            (_, kept) => {
                self.force_kept = kept;
                self.initial_positions(&items)
            }
        };
        let input = layout_input(scenario, kind, &items);
        // A replaced worker is told to stop when it is dropped here, and ends by itself.
        self.running = None;
        self.progress = None;
        self.failure = None;
        match kind {
            LayoutKind::CircleByBloc => {
                let actor_groups = bloc_groups(scenario);
                let groups: Vec<usize> = items.members.iter().map(|members| actor_groups[members[0]]).collect();
                self.positions = circular_grouped(&groups, &input.radii);
            }
            LayoutKind::Force if input.node_count > WORKER_ABOVE => self.start_worker(input, initial),
            LayoutKind::Force => {
                let (layout, _) = force_layout(input, initial);
                self.positions = layout.positions().to_vec();
                self.running = Some(Running::InFrame(Box::new(layout)));
            }
        }
        self.item_index = items.ids.into_iter().enumerate().map(|(item, id)| (id, item)).collect();
        self.item_of_actor = items.item_of_actor;
    }

    /// Starts the force layout on a worker thread (on the UI thread, a frame budget at a time, if no thread could
    /// be started). Until its first report the nodes are shown where the layout would start without coarse levels.
    fn start_worker(&mut self, input: LayoutInput, initial: Vec<Option<Point>>) {
        let nodes = input.node_count;
        let start = ForceLayout::with_initial_positions(input.clone(), initial.clone(), SEED, view_force_settings());
        self.positions = start.positions().to_vec();
        let stage = if initial.iter().all(Option::is_none) { Stage::CoarseLevels } else { Stage::Settling };
        self.progress = Some(LayoutProgress { nodes, fraction: 0.0, doing: stage.description() });
        let worker = LayoutWorker::spawn(move |reporter| settle(input, initial, reporter));
        self.running = Some(match worker {
            Ok(worker) => Running::Worker(worker),
            Err(_) => Running::InFrame(Box::new(start)),
        });
    }

    /// Where each item starts: where it was, or else where its members were (their centre, for a group just
    /// collapsed; around the group's place, for the members of a group just expanded, so that they burst out of
    /// it); nowhere yet for what is new.
    fn initial_positions(&self, items: &Items) -> Vec<Option<[f32; 2]>> {
        let mut burst_rank: HashMap<usize, usize> = HashMap::new();
        items
            .ids
            .iter()
            .zip(&items.members)
            .map(|(id, members)| {
                if let Some(position) = self.position_of(id) {
                    return Some(position);
                }
                let old_items: Vec<usize> =
                    members.iter().filter_map(|&actor| self.item_of_actor.get(actor).copied()).collect();
                let known: Vec<[f32; 2]> =
                    old_items.iter().filter_map(|&item| self.positions.get(item).copied()).collect();
                let centre = centre_of(&known)?;
                if let ([_], [old_item]) = (members.as_slice(), old_items.as_slice()) {
                    let group_size = self.item_of_actor.iter().filter(|&&item| item == *old_item).count();
                    let rank = burst_rank.entry(*old_item).or_insert(0);
                    *rank += 1;
                    return Some(around(centre, *rank - 1, group_size));
                }
                Some(centre)
            })
            .collect()
    }

    /// Advances the running layout: a frame budget's worth of steps, or the worker's newest positions. Returns
    /// true while work remains.
    fn advance(&mut self) -> bool {
        match self.running.as_mut() {
            None => false,
            Some(Running::InFrame(layout)) => {
                let started = Instant::now();
                let mut progress = layout.step(1);
                // Finished means converged or out of iterations: a large graph may stop at the limit unconverged.
                while !progress.is_finished() && started.elapsed() < FRAME_BUDGET {
                    progress = layout.step(1);
                }
                self.positions = layout.positions().to_vec();
                self.progress = Some(in_frame_progress(self.positions.len(), progress));
                if progress.is_finished() {
                    self.running = None;
                }
                !progress.is_finished()
            }
            Some(Running::Worker(worker)) => {
                // Whether it had ended is asked first, so that a report published just before the end is read.
                let ended = worker.has_ended();
                let finished = worker.take_newest().is_some_and(|report| self.take_report(report));
                if finished {
                    self.running = None;
                } else if ended {
                    self.worker_failed();
                }
                !finished && !ended
            }
        }
    }

    /// Shows a worker's report; whether the layout is finished.
    fn take_report(&mut self, report: Report) -> bool {
        let nodes = report.positions.len();
        self.positions = report.positions;
        self.progress = Some(LayoutProgress { nodes, fraction: report.fraction, doing: report.stage.description() });
        report.stage == Stage::Finished
    }

    /// A worker ended before finishing (it panicked): the nodes stay where it had got them, and the view says so.
    fn worker_failed(&mut self) {
        let Some(Running::Worker(mut worker)) = self.running.take() else { return };
        self.failure = Some(failure_message(worker.wait().err()));
    }

    /// Finishes a running layout at once (for tests and exports): the same positions as if it had run to its end
    /// frame by frame.
    pub fn finish(&mut self) {
        if let Some(Running::Worker(worker)) = &mut self.running {
            // The worker keeps going to its end; its last report is the finished layout.
            let ended = worker.wait();
            let finished = worker.take_newest().is_some_and(|report| self.take_report(report));
            self.running = None;
            if !finished {
                self.failure = Some(failure_message(ended.err()));
            }
        }
        while self.advance() {}
    }
}

/// Why a worker ended before finishing: the message of its panic, if it panicked.
fn failure_message(panic: Option<String>) -> String {
    let why = panic.unwrap_or_else(|| "it stopped early".to_owned());
    format!("The layout stopped unexpectedly ({why}); the nodes stay where it had got them.")
}

/// The force layout of `input` from where its items were: a large graph seen for the first time starts from its
/// coarse levels' shape (laid out here, the slow part of a large layout). Whether it did, too.
fn force_layout(input: LayoutInput, initial: Vec<Option<Point>>) -> (ForceLayout, bool) {
    let fresh = initial.iter().all(Option::is_none);
    let multilevel = fresh.then(|| multilevel_start(&input, SEED, view_force_settings())).flatten();
    let coarse_levels = multilevel.is_some();
    let (initial, settings) = multilevel.unwrap_or((initial, view_force_settings()));
    (ForceLayout::with_initial_positions(input, initial, SEED, settings), coarse_levels)
}

/// The progress of a layout stepped in frames: its steps, overlaps separated in the step that finishes.
fn in_frame_progress(nodes: usize, progress: Progress) -> LayoutProgress {
    let doing = if progress.is_finished() { Stage::Finished } else { Stage::Settling };
    LayoutProgress { nodes, fraction: progress.fraction(), doing: doing.description() }
}

/// A worker's job: the force layout of `input` run to its end, reporting its positions about once per frame and
/// stopping between steps when it is no longer wanted. The coarse levels and the last step (which separates
/// overlapping nodes) report nothing on their way and cannot be stopped; their shares of the bar are fixed.
fn settle(input: LayoutInput, initial: Vec<Option<Point>>, reporter: &Reporter) {
    let (mut layout, coarse_levels) = force_layout(input, initial);
    let first_share = if coarse_levels { COARSE_LEVELS_SHARE } else { 0.0 };
    let steps_share = 1.0 - first_share - SEPARATING_SHARE;
    let report = |layout: &ForceLayout, stage: Stage, fraction: f32| {
        reporter.publish(Report { positions: layout.positions().to_vec(), stage, fraction });
    };
    report(&layout, Stage::Settling, first_share);
    let mut published = Instant::now();
    loop {
        if reporter.should_stop() {
            return;
        }
        let progress = layout.progress();
        // The step that reaches the limit also separates the overlaps (a step that converges does it unannounced).
        if progress.iterations_done + 1 >= progress.max_iterations {
            report(&layout, Stage::SeparatingOverlaps, 1.0 - SEPARATING_SHARE);
        }
        let progress = layout.step(1);
        if progress.is_finished() {
            report(&layout, Stage::Finished, 1.0);
            return;
        }
        if published.elapsed() >= PUBLISH_EVERY {
            report(&layout, Stage::Settling, first_share + steps_share * progress.fraction());
            published = Instant::now();
        }
    }
}

/// The finished force layout of a scenario, one position per actor, as the Graph would show it at first.
pub fn settled_positions(scenario: &Scenario) -> Vec<[f32; 2]> {
    let mut state = LayoutState::default();
    state.update(0, 0, LayoutKind::Force, scenario, &Grouping::default());
    state.finish();
    state.positions
}

/// What the Graph view lays out for a scenario at first, without a window: every actor (ids in
/// `scenario.actors` order), linked by every record of any year, its saved positions pinned.
pub fn headless_input(scenario: &Scenario) -> (Vec<String>, LayoutInput) {
    let items = Items::new(scenario, &Grouping::default());
    let input = layout_input(scenario, LayoutKind::Force, &items);
    (items.ids, input)
}

/// The force layout run to the end with the Graph view's settings, level by level on a large graph (see
/// `layout::multilevel_layout`): `max_iterations` caps the steps (the view's own cap when `None`); `seed` picks the
/// start.
pub fn headless_layout(input: LayoutInput, max_iterations: Option<usize>, seed: u64) -> Vec<[f32; 2]> {
    let mut settings = view_force_settings();
    if let Some(iterations) = max_iterations {
        settings.max_iterations = iterations;
    }
    crate::layout::multilevel_layout(input, seed, settings)
}

/// The seed the Graph view lays scenarios out with.
pub const VIEW_SEED: u64 = SEED;

/// What the layout places: each actor by itself, or a collapsed group for all its members.
struct Items {
    ids: Vec<String>,
    /// Actor indices of each item.
    members: Vec<Vec<usize>>,
    item_of_actor: Vec<usize>,
}

impl Items {
    fn new(scenario: &Scenario, grouping: &Grouping) -> Items {
        let mut items = Items { ids: Vec::new(), members: Vec::new(), item_of_actor: Vec::new() };
        let mut group_items: HashMap<usize, usize> = HashMap::new();
        for (actor, record) in scenario.actors.iter().enumerate() {
            let item = match grouping.collapsed_group_of(actor) {
                Some(group) => *group_items.entry(group).or_insert_with(|| {
                    items.ids.push(grouping.groups[group].id.clone());
                    items.members.push(Vec::new());
                    items.ids.len() - 1
                }),
                None => {
                    items.ids.push(record.id.clone());
                    items.members.push(Vec::new());
                    items.ids.len() - 1
                }
            };
            items.members[item].push(actor);
            items.item_of_actor.push(item);
        }
        items
    }
}

fn centre_of(points: &[[f32; 2]]) -> Option<[f32; 2]> {
    let count = points.len() as f32;
    let sum = points.iter().fold([0.0, 0.0], |sum, point| [sum[0] + point[0], sum[1] + point[1]]);
    (!points.is_empty()).then(|| [sum[0] / count, sum[1] / count])
}

/// The `rank`-th of `count` places on a ring around `centre`, wide enough for that many nodes side by side.
fn around(centre: [f32; 2], rank: usize, count: usize) -> [f32; 2] {
    let radius = 30.0 * (count as f32).sqrt();
    let angle = std::f32::consts::TAU * rank as f32 / count.max(1) as f32;
    [centre[0] + radius * angle.cos(), centre[1] + radius * angle.sin()]
}

/// Every item, linked by every record of any year between its actors (weights: energy share, tie strength,
/// sanctions 0.5). A pair with many records is one link with the strongest weight, so that busy pairs are not
/// pulled into one spot. A group is as large as its members side by side; saved positions pin single actors.
fn layout_input(scenario: &Scenario, kind: LayoutKind, items: &Items) -> LayoutInput {
    let index: std::collections::HashMap<&str, usize> =
        scenario.actors.iter().enumerate().map(|(position, actor)| (actor.id.as_str(), position)).collect();
    let mut input = LayoutInput::new(items.ids.len());
    let mut strongest: std::collections::BTreeMap<(usize, usize), f32> = std::collections::BTreeMap::new();
    let mut link = |a: &str, b: &str, weight: f64| {
        if let (Some(&a), Some(&b)) = (index.get(a), index.get(b)) {
            let (a, b) = (items.item_of_actor[a], items.item_of_actor[b]);
            if a != b {
                let entry = strongest.entry((a.min(b), a.max(b))).or_insert(0.0);
                *entry = entry.max((weight.abs() as f32).max(0.1));
            }
        }
    };
    for flow in &scenario.energy {
        link(&flow.supplier, &flow.consumer, flow.share);
    }
    for stance in &scenario.sanctions {
        link(&stance.by, &stance.target, 0.5);
    }
    for tie in &scenario.ties {
        link(&tie.a, &tie.b, tie.strength);
    }
    // Blocs sit near their members (dated members too, whenever they were members).
    for bloc in scenario.actors.iter().filter(|actor| actor.kind == ActorKind::Bloc) {
        for member in bloc.members_at_any_time() {
            link(&bloc.id, member, 0.3);
        }
    }
    input.links = strongest.into_iter().map(|((a, b), weight)| (a, b, weight)).collect();
    input.radii = items
        .members
        .iter()
        .map(|members| match members.as_slice() {
            [actor] if scenario.actors[*actor].kind == ActorKind::Bloc => 16.0,
            [_] => 13.0,
            // Twice as large as drawn: groups are few and densely linked, and the links between them must show.
            group => 2.0 * 13.0 * super::grouping::size_factor(group.len()),
        })
        .collect();
    if kind == LayoutKind::Force {
        input.pinned = items
            .members
            .iter()
            .map(|members| match members.as_slice() {
                [actor] => scenario.layout.get(&scenario.actors[*actor].id).map(|&Position(x, y)| [x, y]),
                _ => None,
            })
            .collect();
    }
    input
}

/// A group number per actor: its first bloc's index (`Scenario::first_blocs`), or one shared "no bloc" group.
fn bloc_groups(scenario: &Scenario) -> Vec<usize> {
    let blocs: HashMap<&str, usize> = scenario
        .actors
        .iter()
        .filter(|actor| actor.kind == ActorKind::Bloc)
        .enumerate()
        .map(|(group, bloc)| (bloc.id.as_str(), group))
        .collect();
    let first_blocs = scenario.first_blocs();
    scenario
        .actors
        .iter()
        .map(|actor| {
            first_blocs.get(actor.id.as_str()).and_then(|bloc| blocs.get(bloc)).copied().unwrap_or(blocs.len())
        })
        .collect()
}

/// Links long enough that the labels of neighbouring nodes fit between them at the default zoom.
pub fn view_force_settings() -> ForceSettings {
    ForceSettings { ideal_link_length: 140.0, ..ForceSettings::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Scenario {
        crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads")
    }

    fn settled(scenario: &Scenario) -> Vec<[f32; 2]> {
        let mut state = LayoutState::default();
        state.update(1, 0, LayoutKind::Force, scenario, &Grouping::default());
        state.finish();
        state.positions
    }

    #[test]
    fn the_bundled_scenario_settles_without_overlaps_and_the_same_way_every_time() {
        let scenario = bundled();
        let positions = settled(&scenario);
        let items = Items::new(&scenario, &Grouping::default());
        let radii = layout_input(&scenario, LayoutKind::Force, &items).radii;
        assert_eq!(positions.len(), scenario.actors.len());
        for (first, a) in positions.iter().enumerate() {
            assert!(a[0].is_finite() && a[1].is_finite());
            for (second, b) in positions.iter().enumerate().skip(first + 1) {
                let gap = (a[0] - b[0]).hypot(a[1] - b[1]) - radii[first] - radii[second];
                let names = (&scenario.actors[first].id, &scenario.actors[second].id);
                assert!(gap >= -0.01, "{names:?} overlap by {}", -gap);
            }
        }
        assert_eq!(settled(&scenario), positions, "same seed, same layout");
    }

    #[test]
    fn going_back_to_the_force_layout_gives_back_the_picture_left() {
        let scenario = bundled();
        let mut state = LayoutState::default();
        state.update(1, 0, LayoutKind::Force, &scenario, &Grouping::default());
        state.finish();
        let force = state.positions.clone();
        state.update(1, 0, LayoutKind::CircleByBloc, &scenario, &Grouping::default());
        assert_ne!(state.positions, force, "the circle is another picture");
        state.update(1, 0, LayoutKind::Force, &scenario, &Grouping::default());
        state.finish();
        assert_eq!(state.positions, force, "every node where it was left");
        assert!(state.progress().is_none(), "nothing to lay out again");
    }

    #[test]
    fn a_large_sparse_graph_that_does_not_converge_still_finishes() {
        // 2,000 actors in a long chain: the layout stops at its iteration limit, and must say it is done.
        let text: String =
            (0..2_000).map(|index| format!("Actor(id: \"A{index}\", name: \"A{index}\", kind: State),")).collect();
        let ties: String = (1..2_000)
            .map(|index| format!("Tie(a: \"A{}\", b: \"A{index}\", kind: Partnership, strength: 0.5),", index - 1))
            .collect();
        let source = format!("Scenario(format: 1, title: \"chain\", actors: [{text}], ties: [{ties}])");
        let scenario: Scenario = ron::from_str(&source).expect("chain scenario parses");
        let mut state = LayoutState::default();
        state.update(1, 0, LayoutKind::Force, &scenario, &Grouping::default());
        state.finish();
        assert!(state.progress().is_none(), "the layout reports itself finished");
        let again = state.update(1, 0, LayoutKind::Force, &scenario, &Grouping::default());
        assert!(!again, "and asks for no more frames");
    }

    /// A generated scenario of 520 states and 5 blocs: large enough for the worker thread, small enough to lay out
    /// quickly in a test build.
    fn large() -> Scenario {
        let request = crate::synthetic::Request { states: 520, ties: 1_500, energy_flows: None, seed: 1 };
        crate::synthetic::generate(&request).expect("the request can be met")
    }

    /// The force layout of `scenario` from `initial` positions, stepped to its end on this thread.
    fn synchronous(scenario: &Scenario, initial: Vec<Option<Point>>) -> Vec<Point> {
        let items = Items::new(scenario, &Grouping::default());
        force_layout(layout_input(scenario, LayoutKind::Force, &items), initial).0.run_to_end()
    }

    fn is_on_worker(state: &LayoutState) -> bool {
        matches!(state.running, Some(Running::Worker(_)))
    }

    #[test]
    fn a_large_graph_settles_on_a_worker_with_the_same_positions_as_on_this_thread() {
        let scenario = large();
        let mut state = LayoutState::default();
        assert!(state.update(1, 0, LayoutKind::Force, &scenario, &Grouping::default()), "busy at first");
        assert!(is_on_worker(&state));
        state.finish();
        assert!(state.progress().is_none() && state.failure().is_none());
        let expected = synchronous(&scenario, vec![None; scenario.actors.len()]);
        let bits = |positions: &[Point]| positions.iter().map(|[x, y]| (x.to_bits(), y.to_bits())).collect::<Vec<_>>();
        assert_eq!(bits(&state.positions), bits(&expected), "bit for bit");
    }

    #[test]
    fn a_worker_reports_partial_progress_then_none() {
        let scenario = large();
        let mut state = LayoutState::default();
        let mut fractions = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(300);
        while state.update(1, 0, LayoutKind::Force, &scenario, &Grouping::default()) {
            let progress = state.progress().expect("progress while busy");
            assert_eq!(progress.nodes, scenario.actors.len());
            fractions.push(progress.fraction);
            assert!(Instant::now() < deadline, "the layout takes too long");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(fractions.len() >= 2, "{fractions:?}");
        assert!(fractions[0] < 1.0, "{fractions:?}");
        assert!(fractions.windows(2).all(|pair| pair[0] <= pair[1]), "never backwards: {fractions:?}");
        assert_eq!(state.progress(), None);
        assert_eq!(state.failure(), None);
        assert_eq!(state.positions, synchronous(&scenario, vec![None; scenario.actors.len()]));
    }

    #[test]
    fn a_new_revision_stops_the_running_worker_and_lays_out_the_new_graph() {
        let scenario = large();
        let mut state = LayoutState::default();
        state.update(1, 0, LayoutKind::Force, &scenario, &Grouping::default());
        let Some(Running::Worker(first)) = &state.running else { panic!("a worker") };
        let first = first.watch();
        // The edit: one more tie, between the first two states.
        let mut edited = scenario.clone();
        let mut tie = edited.ties[0].clone();
        (tie.a, tie.b) = (edited.actors[0].id.clone(), edited.actors[1].id.clone());
        edited.ties.push(tie);
        // The new layout starts from what the old one shows at this moment.
        let initial = state.initial_positions(&Items::new(&edited, &Grouping::default()));
        state.update(1, 1, LayoutKind::Force, &edited, &Grouping::default());
        assert!(first.told_to_stop());
        assert!(is_on_worker(&state));
        state.finish();
        assert_eq!(state.positions, synchronous(&edited, initial));
        let deadline = Instant::now() + Duration::from_secs(300);
        while !first.thread_ended() {
            assert!(Instant::now() < deadline, "the old worker never ended");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn a_small_graph_is_still_stepped_in_frames() {
        let scenario = bundled();
        let mut state = LayoutState::default();
        state.start(&scenario, LayoutKind::Force, &Grouping::default());
        assert!(matches!(state.running, Some(Running::InFrame(_))));
    }

    /// A state running `job` on a worker, as `start_worker` would.
    fn running(job: impl FnOnce(&Reporter) + Send + 'static) -> LayoutState {
        let worker = LayoutWorker::spawn(job).expect("a thread");
        LayoutState { running: Some(Running::Worker(worker)), ..LayoutState::default() }
    }

    fn report_then_panic(reporter: &Reporter) {
        let positions = vec![[1.0, 2.0], [3.0, 4.0]];
        reporter.publish(Report { positions, stage: Stage::Settling, fraction: 0.3 });
        panic!("a bug in the layout");
    }

    #[test]
    fn a_worker_that_panics_leaves_its_last_positions_and_a_message() {
        let mut state = running(report_then_panic);
        let deadline = Instant::now() + Duration::from_secs(60);
        while state.advance() {
            assert!(Instant::now() < deadline, "the failure is never noticed");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(state.positions, [[1.0, 2.0], [3.0, 4.0]]);
        assert_eq!(state.progress(), None);
        let failure = state.failure().expect("a message");
        assert!(failure.contains("a bug in the layout"), "{failure}");

        let mut state = running(report_then_panic);
        state.finish();
        assert_eq!(state.positions, [[1.0, 2.0], [3.0, 4.0]]);
        assert!(state.failure().expect("a message").contains("a bug in the layout"));
    }

    #[test]
    fn saved_positions_stay_where_they_were_put() {
        let mut scenario = bundled();
        scenario.layout.insert("CHN".into(), Position(500.0, -250.0));
        let positions = settled(&scenario);
        let china = scenario.actors.iter().position(|actor| actor.id == "CHN").unwrap();
        assert_eq!(positions[china], [500.0, -250.0]);
    }

    #[test]
    fn actors_are_grouped_by_their_first_bloc_dated_members_too() {
        let text = r#"Scenario(format: 1, title: "Groups",
            actors: [
                Actor(id: "FIN", name: "Finland", kind: State),
                Actor(id: "SRB", name: "Serbia", kind: State),
                Actor(id: "EU", name: "European Union", kind: Bloc, members: ["FIN"]),
                Actor(id: "NATO", name: "NATO", kind: Bloc, memberships: [
                    Membership(member: "FIN", from: "2023-04-04"),
                    Membership(member: "SRB", status: Observer),
                ]),
                Actor(id: "TUR", name: "Türkiye", kind: State),
            ])"#;
        let scenario = crate::io::load_text(text).scenario.unwrap();
        // Finland's first bloc is the EU (group 0), NATO is group 1, Serbia (an observer) and Türkiye have none (2).
        assert_eq!(bloc_groups(&scenario), [0, 2, 0, 1, 2]);
    }
}
