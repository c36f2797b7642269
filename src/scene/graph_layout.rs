//! Node positions for a scenario's graph: computed by `crate::layout` over every actor and every record of all
//! years (so that nodes stay put when the year or filters change), a few steps per frame so that the window never
//! freezes, with the positions saved in the scenario pinned. The Graph view and slides share it.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::grouping::Grouping;
use crate::layout::{ForceLayout, ForceSettings, LayoutInput, Progress, circular_grouped, multilevel_start};
use crate::model::{ActorKind, Position, Scenario};

/// How long layout may run in one frame.
const FRAME_BUDGET: Duration = Duration::from_millis(6);
const SEED: u64 = 2023;

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
    running: Option<ForceLayout>,
    progress: Option<Progress>,
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
            self.start(scenario, kind, grouping);
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

    /// Share of the running layout done, for a progress bar; `None` when finished.
    pub fn progress(&self) -> Option<f32> {
        self.running.as_ref()?;
        self.progress.map(|progress| progress.fraction())
    }

    fn start(&mut self, scenario: &Scenario, kind: LayoutKind, grouping: &Grouping) {
        let items = Items::new(scenario, grouping);
        let initial = self.initial_positions(&items);
        let input = layout_input(scenario, kind, &items);
        let radii = input.radii.clone();
        self.running = None;
        self.progress = None;
        match kind {
            LayoutKind::CircleByBloc => {
                let actor_groups = bloc_groups(scenario);
                let groups: Vec<usize> = items.members.iter().map(|members| actor_groups[members[0]]).collect();
                self.positions = circular_grouped(&groups, &radii);
            }
            LayoutKind::Force => {
                // A large graph seen for the first time starts from its coarse levels' shape (laid out here, at
                // once); its last level then runs a few steps per frame like any layout.
                let fresh = initial.iter().all(Option::is_none);
                let multilevel = fresh.then(|| multilevel_start(&input, SEED, view_force_settings())).flatten();
                let (initial, settings) = multilevel.unwrap_or((initial, view_force_settings()));
                let layout = ForceLayout::with_initial_positions(input, initial, SEED, settings);
                self.positions = layout.positions().to_vec();
                self.running = Some(layout);
            }
        }
        self.item_index = items.ids.into_iter().enumerate().map(|(item, id)| (id, item)).collect();
        self.item_of_actor = items.item_of_actor;
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
    fn advance(&mut self) -> bool {
        let Some(layout) = self.running.as_mut() else { return false };
        let started = Instant::now();
        let mut progress = layout.step(1);
        // Finished means converged or out of iterations: a large graph may stop at the limit unconverged.
        while !progress.is_finished() && started.elapsed() < FRAME_BUDGET {
            progress = layout.step(1);
        }
        self.positions = layout.positions().to_vec();
        self.progress = Some(progress);
        if progress.is_finished() {
            self.running = None;
        }
        !progress.is_finished()
    }

    /// Finishes a running layout at once (for tests and exports).
    pub fn finish(&mut self) {
        while self.advance() {}
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
