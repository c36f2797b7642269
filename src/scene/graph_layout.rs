//! Node positions for a scenario's graph: computed by `crate::layout` over every actor and every record of all
//! years (so that nodes stay put when the year or filters change), a few steps per frame so that the window never
//! freezes, with the positions saved in the scenario pinned. The Graph view and slides share it.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::layout::{ForceLayout, ForceSettings, LayoutInput, Progress, circular_grouped};
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
    /// (document id, revision, layout) the positions were computed for.
    computed_for: Option<(u64, u64, LayoutKind)>,
    ids: Vec<String>,
    positions: Vec<[f32; 2]>,
    running: Option<ForceLayout>,
    progress: Option<Progress>,
}

impl LayoutState {
    /// Starts a new layout when the document changed; advances a running one within the frame budget.
    /// Returns true while work remains (the caller asks for another frame).
    pub fn update(&mut self, document_id: u64, revision: u64, kind: LayoutKind, scenario: &Scenario) -> bool {
        let key = (document_id, revision, kind);
        if self.computed_for != Some(key) {
            self.start(scenario, kind);
            self.computed_for = Some(key);
        }
        self.advance()
    }

    /// The canvas position of an actor by index in `scenario.actors`.
    pub fn position(&self, actor: usize) -> Option<[f32; 2]> {
        self.positions.get(actor).copied()
    }

    /// Share of the running layout done, for a progress bar; `None` when finished.
    pub fn progress(&self) -> Option<f32> {
        self.running.as_ref()?;
        self.progress.map(|progress| progress.fraction())
    }

    fn start(&mut self, scenario: &Scenario, kind: LayoutKind) {
        let previous: std::collections::HashMap<&str, [f32; 2]> =
            self.ids.iter().map(String::as_str).zip(self.positions.iter().copied()).collect();
        let input = layout_input(scenario, kind);
        let radii = input.radii.clone();
        let initial: Vec<Option<[f32; 2]>> =
            scenario.actors.iter().map(|actor| previous.get(actor.id.as_str()).copied()).collect();
        let ids: Vec<String> = scenario.actors.iter().map(|actor| actor.id.clone()).collect();
        self.running = None;
        self.progress = None;
        match kind {
            LayoutKind::CircleByBloc => {
                let groups = bloc_groups(scenario);
                self.positions = circular_grouped(&groups, &radii);
            }
            LayoutKind::Force => {
                let layout = ForceLayout::with_initial_positions(input, initial, SEED, force_settings());
                self.positions = layout.positions().to_vec();
                self.running = Some(layout);
            }
        }
        self.ids = ids;
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
    state.update(0, 0, LayoutKind::Force, scenario);
    state.finish();
    state.positions
}

/// Every actor, linked by every record of any year (weights: energy share, tie strength, sanctions 0.5). A pair
/// with many records is one link with the strongest weight, so that busy pairs are not pulled into one spot.
fn layout_input(scenario: &Scenario, kind: LayoutKind) -> LayoutInput {
    let index: std::collections::HashMap<&str, usize> =
        scenario.actors.iter().enumerate().map(|(position, actor)| (actor.id.as_str(), position)).collect();
    let mut input = LayoutInput::new(scenario.actors.len());
    let mut strongest: std::collections::BTreeMap<(usize, usize), f32> = std::collections::BTreeMap::new();
    let mut link = |a: &str, b: &str, weight: f64| {
        if let (Some(&a), Some(&b)) = (index.get(a), index.get(b))
            && a != b
        {
            let entry = strongest.entry((a.min(b), a.max(b))).or_insert(0.0);
            *entry = entry.max((weight.abs() as f32).max(0.1));
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
    input.radii = scenario.actors.iter().map(|actor| if actor.kind == ActorKind::Bloc { 16.0 } else { 13.0 }).collect();
    if kind == LayoutKind::Force {
        input.pinned =
            scenario.actors.iter().map(|actor| scenario.layout.get(&actor.id).map(|&Position(x, y)| [x, y])).collect();
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
fn force_settings() -> ForceSettings {
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
        state.update(1, 0, LayoutKind::Force, scenario);
        state.finish();
        state.positions
    }

    #[test]
    fn the_bundled_scenario_settles_without_overlaps_and_the_same_way_every_time() {
        let scenario = bundled();
        let positions = settled(&scenario);
        let radii = layout_input(&scenario, LayoutKind::Force).radii;
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
        state.update(1, 0, LayoutKind::Force, &scenario);
        state.finish();
        assert!(state.progress().is_none(), "the layout reports itself finished");
        assert!(!state.update(1, 0, LayoutKind::Force, &scenario), "and asks for no more frames");
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
