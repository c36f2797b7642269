//! What the graph shows for a scenario, a year and the filters: its nodes and edges with their meaning, but no
//! positions or colours. Pure and tested without a window; rebuilt only when the document, year or filters change.

use std::collections::{BTreeSet, HashMap, VecDeque};

use super::grouping::{GroupNode, LinkSummary};
use crate::model::{
    ActorKind, Commodity, Dated, RecordRef, Scenario, ShareBasis, SourceGrades, Stance, TieKind, Volume,
};
use crate::state::GraphFilters;

#[derive(Debug, Clone, PartialEq)]
pub struct SceneNode {
    /// Index into `scenario.actors`.
    pub actor: usize,
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// The first bloc that lists this actor as a member (or that it is), for grouping and colour; a member by
    /// `memberships` at any time counts, as `Scenario::first_bloc` says.
    pub bloc: Option<String>,
    /// Sum of the shares of consumption met by visible imports from other actors, over all commodities.
    pub energy_imports: f64,
    /// Number of visible edges touching the node.
    pub degree: usize,
    /// Number of visible diplomatic ties touching the node.
    pub ties: usize,
    /// Its sanctions stance towards `GraphScene::sanctions_target` in the year shown (the target itself: none).
    pub stance_on_target: Option<Stance>,
    /// For a collapsed group's node (see `scene::grouping`), what it stands for; `actor` is then its first shown
    /// member.
    pub group: Option<GroupNode>,
    /// With actors grouped, the group this node is or belongs to (its index in `GraphScene::groups`), for
    /// colouring by group.
    pub in_group: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EdgeMeaning {
    Energy {
        commodity: Commodity,
        share: f64,
        basis: ShareBasis,
        volume: Option<Volume>,
        via: Vec<String>,
    },
    Sanctions {
        stance: Stance,
    },
    Tie {
        kind: TieKind,
        strength: f64,
        directed: bool,
        topic: Option<String>,
    },
    /// Several records between a collapsed group and another node, drawn as one edge.
    Summary(LinkSummary),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SceneEdge {
    /// Node indices: supplier → consumer, sanctioning → target, a → b.
    pub from: usize,
    pub to: usize,
    pub meaning: EdgeMeaning,
    pub record: RecordRef,
    /// Position among the edges between the same two nodes: 0 straight, then +1, -1, +2, … bent apart.
    pub fan_slot: i32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct GraphScene {
    pub nodes: Vec<SceneNode>,
    pub edges: Vec<SceneEdge>,
    /// Each node by its id; with groups collapsed, each member's id finds its group's node too.
    pub node_by_id: HashMap<String, usize>,
    /// The actor most often named as a sanctions target (in any year), for colouring nodes by stance.
    pub sanctions_target: Option<String>,
    /// The blocs of the nodes, in node order: bloc colours are given in this order.
    pub blocs: Vec<String>,
    /// With actors grouped, the name of every group (collapsed or not), for colours and the legend.
    pub groups: Vec<String>,
    /// How many links end in an arrowhead at each node, for spreading a hub's heads (see
    /// `graph_style::arrival_radius`).
    pub arrivals: Vec<usize>,
}

/// Own production (supplier == consumer) is not an edge: it shows in tooltips and the inspector instead.
pub fn build(
    scenario: &Scenario,
    year: Option<i32>,
    filters: &GraphFilters,
    selection: &BTreeSet<String>,
    show_unconnected: bool,
) -> GraphScene {
    let actor_index: HashMap<&str, usize> =
        scenario.actors.iter().enumerate().map(|(index, actor)| (actor.id.as_str(), index)).collect();
    let links = visible_links(scenario, year, filters, &actor_index);
    let shown = shown_actors(scenario, &links, filters, selection, show_unconnected);
    let first_blocs = scenario.first_blocs();
    let mut scene = GraphScene::default();
    for &actor in &shown {
        let record = &scenario.actors[actor];
        scene.node_by_id.insert(record.id.clone(), scene.nodes.len());
        scene.nodes.push(SceneNode {
            actor,
            id: record.id.clone(),
            name: record.name.clone(),
            kind: record.kind,
            bloc: first_blocs.get(record.id.as_str()).map(|bloc| (*bloc).to_owned()),
            energy_imports: 0.0,
            degree: 0,
            ties: 0,
            stance_on_target: None,
            group: None,
            in_group: None,
        });
    }
    for link in links {
        let (Some(&from), Some(&to)) =
            (scene.node_by_id.get(&scenario.actors[link.from].id), scene.node_by_id.get(&scenario.actors[link.to].id))
        else {
            continue;
        };
        if let EdgeMeaning::Energy { share, basis: ShareBasis::Consumption, .. } = &link.meaning {
            scene.nodes[to].energy_imports += share;
        }
        scene.nodes[from].degree += 1;
        scene.nodes[to].degree += 1;
        if matches!(link.meaning, EdgeMeaning::Tie { .. }) {
            scene.nodes[from].ties += 1;
            scene.nodes[to].ties += 1;
        }
        scene.edges.push(SceneEdge { from, to, meaning: link.meaning, record: link.record, fan_slot: 0 });
    }
    arrange_edges(&mut scene);
    let mut seen = std::collections::HashSet::new();
    scene.blocs =
        scene.nodes.iter().filter_map(|node| node.bloc.clone()).filter(|bloc| seen.insert(bloc.clone())).collect();
    if let Some(target) = main_sanctions_target(scenario) {
        set_stance_target(&mut scene, scenario, year, &target);
    }
    scene
}

/// Which scene nodes show a selected actor: the actor's own node, or the group it is collapsed into.
pub fn selected_nodes(scene: &GraphScene, selection: &BTreeSet<String>) -> Vec<bool> {
    let mut selected = vec![false; scene.nodes.len()];
    for id in selection {
        if let Some(&node) = scene.node_by_id.get(id) {
            selected[node] = true;
        }
    }
    selected
}

/// Which scene nodes stay in full colour while `selection` is chosen: the selected ones and their direct
/// neighbours over shown edges. Every node when nothing shown is selected.
pub fn near_selection(scene: &GraphScene, selection: &BTreeSet<String>) -> Vec<bool> {
    let selected = selected_nodes(scene, selection);
    if !selected.contains(&true) {
        return vec![true; scene.nodes.len()];
    }
    let mut near = selected.clone();
    for edge in &scene.edges {
        if selected[edge.from] {
            near[edge.to] = true;
        }
        if selected[edge.to] {
            near[edge.from] = true;
        }
    }
    near
}

/// Records each node's sanctions stance towards `target` in the year, for colouring nodes by stance.
pub fn set_stance_target(scene: &mut GraphScene, scenario: &Scenario, year: Option<i32>, target: &str) {
    for node in &mut scene.nodes {
        node.stance_on_target = None;
    }
    for stance in scenario.sanctions.iter().filter(|stance| stance.target == target) {
        if applies(stance.period(), year)
            && let Some(&node) = scene.node_by_id.get(&stance.by)
        {
            scene.nodes[node].stance_on_target = Some(stance.stance);
        }
    }
    scene.sanctions_target = Some(target.to_owned());
}

/// Every actor named as a sanctions target, most often named first.
pub fn sanctions_targets(scenario: &Scenario) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for stance in &scenario.sanctions {
        *counts.entry(stance.target.as_str()).or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts.into_iter().map(|(target, _)| target.to_owned()).collect()
}

fn main_sanctions_target(scenario: &Scenario) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for stance in &scenario.sanctions {
        *counts.entry(stance.target.as_str()).or_default() += 1;
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(target, _)| target.to_owned())
}

/// A record drawn as a link, between actor indices.
struct Link {
    from: usize,
    to: usize,
    meaning: EdgeMeaning,
    record: RecordRef,
}

fn applies(period: crate::model::Period, year: Option<i32>) -> bool {
    year.is_none_or(|year| period.applies_in(year))
}

fn visible_links(
    scenario: &Scenario,
    year: Option<i32>,
    filters: &GraphFilters,
    actor_index: &HashMap<&str, usize>,
) -> Vec<Link> {
    let mut links = Vec::new();
    let grades = SourceGrades::of(scenario);
    let mut push = |from: &str, to: &str, meaning: EdgeMeaning, record: RecordRef| {
        if let (Some(&from), Some(&to)) = (actor_index.get(from), actor_index.get(to))
            && from != to
        {
            links.push(Link { from, to, meaning, record });
        }
    };
    if filters.energy {
        for (index, flow) in scenario.energy.iter().enumerate() {
            if filters.shows_flow(flow, &grades) && applies(flow.period(), year) {
                let meaning = EdgeMeaning::Energy {
                    commodity: flow.commodity.clone(),
                    share: flow.share,
                    basis: flow.basis,
                    volume: flow.volume,
                    via: flow.via.clone(),
                };
                push(&flow.supplier, &flow.consumer, meaning, RecordRef::Energy(index));
            }
        }
    }
    if filters.sanctions {
        for (index, stance) in scenario.sanctions.iter().enumerate() {
            if applies(stance.period(), year) && filters.graded_enough(&stance.sources, &grades) {
                let meaning = EdgeMeaning::Sanctions { stance: stance.stance };
                push(&stance.by, &stance.target, meaning, RecordRef::Sanctions(index));
            }
        }
    }
    if filters.ties {
        for (index, tie) in scenario.ties.iter().enumerate() {
            if filters.shows_tie(tie, &grades) && applies(tie.period(), year) {
                let meaning = EdgeMeaning::Tie {
                    kind: tie.kind,
                    strength: tie.strength,
                    directed: tie.directed,
                    topic: tie.topic.clone(),
                };
                push(&tie.a, &tie.b, meaning, RecordRef::Tie(index));
            }
        }
    }
    links
}

/// Actors in scenario order: those with a visible link (or all, when asked), limited to the focus when on.
fn shown_actors(
    scenario: &Scenario,
    links: &[Link],
    filters: &GraphFilters,
    selection: &BTreeSet<String>,
    show_unconnected: bool,
) -> Vec<usize> {
    let count = scenario.actors.len();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); count];
    for link in links {
        neighbours[link.from].push(link.to);
        neighbours[link.to].push(link.from);
    }
    let selected: Vec<usize> = (0..count).filter(|&index| selection.contains(&scenario.actors[index].id)).collect();
    if filters.focus && !selected.is_empty() {
        return within_depth(&neighbours, &selected, filters.focus_depth);
    }
    (0..count).filter(|&index| show_unconnected || !neighbours[index].is_empty() || selected.contains(&index)).collect()
}

/// Breadth-first from the selected nodes, up to `depth` links away; returned in index order.
fn within_depth(neighbours: &[Vec<usize>], start: &[usize], depth: usize) -> Vec<usize> {
    let mut distance: Vec<Option<usize>> = vec![None; neighbours.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    for &node in start {
        distance[node] = Some(0);
        queue.push_back(node);
    }
    while let Some(node) = queue.pop_front() {
        let next_distance = distance[node].unwrap_or(0) + 1;
        if next_distance > depth {
            continue;
        }
        for &neighbour in &neighbours[node] {
            if distance[neighbour].is_none() {
                distance[neighbour] = Some(next_distance);
                queue.push_back(neighbour);
            }
        }
    }
    (0..neighbours.len()).filter(|&index| distance[index].is_some()).collect()
}

/// Sets what depends on the scene's final links: their fan slots and the arrowheads arriving at each node.
pub(crate) fn arrange_edges(scene: &mut GraphScene) {
    assign_fan_slots(&mut scene.edges);
    scene.arrivals = vec![0; scene.nodes.len()];
    for edge in &scene.edges {
        if super::graph_style::edge_style(&edge.meaning).arrow.is_some() {
            scene.arrivals[edge.to] += 1;
        }
    }
}

/// Several records between the same pair fan out: slots 0, 1, -1, 2, -2 … in record order. Slots are counted in
/// the direction from the lower to the higher node index, so that A→B and B→A edges bend apart too.
fn assign_fan_slots(edges: &mut [SceneEdge]) {
    let mut seen: HashMap<(usize, usize), i32> = HashMap::new();
    for edge in edges.iter_mut() {
        let pair = (edge.from.min(edge.to), edge.from.max(edge.to));
        let count = seen.entry(pair).or_insert(0);
        let magnitude = (*count + 1) / 2;
        let slot = if *count % 2 == 1 { magnitude } else { -magnitude };
        // Normalise to the pair's direction, so the offset side is the same on screen for both directions.
        edge.fan_slot = if edge.from < edge.to { slot } else { -slot };
        *count += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"Scenario(format: 1, title: "t",
        actors: [
            Actor(id: "RUS", name: "Russia", kind: State),
            Actor(id: "SRB", name: "Serbia", kind: State),
            Actor(id: "BGR", name: "Bulgaria", kind: State),
            Actor(id: "EU", name: "European Union", kind: Bloc, members: ["BGR"]),
            Actor(id: "CHN", name: "China", kind: State),
            Actor(id: "vucic", name: "Vučić", kind: Person),
        ],
        energy: [
            EnergyFlow(supplier: "RUS", consumer: "SRB", commodity: Gas, share: 0.85, via: ["BGR"], year: 2022),
            EnergyFlow(supplier: "SRB", consumer: "SRB", commodity: Gas, share: 0.15, year: 2022),
            EnergyFlow(supplier: "RUS", consumer: "BGR", commodity: Gas, share: 0.77, year: 2021),
            EnergyFlow(supplier: "RUS", consumer: "SRB", commodity: Oil, share: 0.3, year: 2022),
        ],
        sanctions: [
            SanctionStance(by: "EU", target: "RUS", stance: Imposes, from: "2022-02-23"),
            SanctionStance(by: "SRB", target: "RUS", stance: Refuses, from: "2022-02-24"),
        ],
        ties: [ Tie(a: "CHN", b: "SRB", kind: Support, strength: 0.7, directed: true) ],
    )"#;

    fn scenario() -> Scenario {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(TEXT)
            .expect("test scenario parses")
    }

    fn build_for(year: Option<i32>, filters: &GraphFilters, selection: &[&str]) -> GraphScene {
        let selection: BTreeSet<String> = selection.iter().map(|id| id.to_string()).collect();
        build(&scenario(), year, filters, &selection, false)
    }

    fn ids(scene: &GraphScene) -> Vec<&str> {
        scene.nodes.iter().map(|node| node.id.as_str()).collect()
    }

    #[test]
    fn arrowheads_are_counted_where_they_arrive() {
        let scene = build_for(Some(2022), &GraphFilters::default(), &[]);
        let arriving = |id: &str| scene.arrivals[scene.node_by_id[id]];
        // Gas, oil and China's one-sided support end at Serbia; the EU's and Serbia's stances at Russia; the
        // undirected nothing ends at China.
        assert_eq!((arriving("SRB"), arriving("RUS"), arriving("CHN")), (3, 2, 0));
        let no_ties = GraphFilters { ties: false, ..GraphFilters::default() };
        assert_eq!(build_for(Some(2022), &no_ties, &[]).arrivals[scene.node_by_id["SRB"]], 2);
    }

    #[test]
    fn a_year_shows_its_records_and_own_production_is_no_edge() {
        let scene = build_for(Some(2022), &GraphFilters::default(), &[]);
        let energy = scene.edges.iter().filter(|edge| matches!(edge.meaning, EdgeMeaning::Energy { .. })).count();
        assert_eq!(
            energy, 2,
            "Russian gas and oil to Serbia in 2022; Bulgaria's 2021 flow and own production are not edges"
        );
        let serbia = &scene.nodes[scene.node_by_id["SRB"]];
        assert!((serbia.energy_imports - 1.15).abs() < 1e-9, "0.85 gas + 0.3 oil");
        assert_eq!(
            ids(&scene),
            vec!["RUS", "SRB", "EU", "CHN"],
            "unconnected actors (Bulgaria in 2022, Vučić) left out"
        );
    }

    #[test]
    fn selecting_keeps_the_selection_and_its_neighbours_in_colour() {
        let scene = build_for(Some(2022), &GraphFilters::default(), &[]);
        let near = |selection: &[&str]| {
            let selection: BTreeSet<String> = selection.iter().map(|id| id.to_string()).collect();
            let near = near_selection(&scene, &selection);
            let mut ids: Vec<&str> =
                (0..scene.nodes.len()).filter(|&at| near[at]).map(|at| scene.nodes[at].id.as_str()).collect();
            ids.sort();
            ids
        };
        // China's only shown link is its support for Serbia: Serbia and China stay, Russia and the EU are dimmed.
        assert_eq!(near(&["CHN"]), ["CHN", "SRB"]);
        // Serbia is linked to Russia (gas, oil, its refusal of sanctions) and China; the EU only to Russia.
        assert_eq!(near(&["SRB"]), ["CHN", "RUS", "SRB"]);
        assert_eq!(near(&[]).len(), scene.nodes.len(), "nothing selected: nothing dimmed");
        assert_eq!(near(&["vucic"]).len(), scene.nodes.len(), "a selection not shown dims nothing");
    }

    #[test]
    fn records_between_one_pair_fan_out_to_both_sides() {
        let scene = build_for(Some(2022), &GraphFilters::default(), &[]);
        let mut slots: Vec<i32> = scene
            .edges
            .iter()
            .filter(|edge| {
                let pair = [scene.nodes[edge.from].id.as_str(), scene.nodes[edge.to].id.as_str()];
                pair.contains(&"RUS") && pair.contains(&"SRB")
            })
            .map(|edge| edge.fan_slot.abs())
            .collect();
        slots.sort();
        // Gas, oil and Serbia's refusal of sanctions: one straight, two bent.
        assert_eq!(slots, vec![0, 1, 1]);
    }

    #[test]
    fn filters_hide_layers_commodities_and_small_shares() {
        let mut filters = GraphFilters { sanctions: false, ties: false, ..GraphFilters::default() };
        filters.hidden_commodities.insert(Commodity::Oil);
        let scene = build_for(Some(2022), &filters, &[]);
        assert_eq!(scene.edges.len(), 1);
        filters.minimum_share = 0.9;
        assert_eq!(build_for(Some(2022), &filters, &[]).edges.len(), 0);
    }

    #[test]
    fn focus_keeps_the_selection_and_neighbours_within_the_depth() {
        let filters = GraphFilters { focus: true, focus_depth: 1, ..GraphFilters::default() };
        let scene = build_for(Some(2022), &filters, &["CHN"]);
        assert_eq!(ids(&scene), vec!["SRB", "CHN"]);
        let deeper = GraphFilters { focus_depth: 2, ..filters };
        assert_eq!(ids(&build_for(Some(2022), &deeper, &["CHN"])), vec!["RUS", "SRB", "CHN"]);
    }

    #[test]
    fn stances_towards_the_main_target_colour_the_nodes() {
        let scene = build_for(Some(2022), &GraphFilters::default(), &[]);
        assert_eq!(scene.sanctions_target.as_deref(), Some("RUS"));
        assert_eq!(scene.nodes[scene.node_by_id["SRB"]].stance_on_target, Some(Stance::Refuses));
        assert_eq!(scene.nodes[scene.node_by_id["EU"]].stance_on_target, Some(Stance::Imposes));
        assert_eq!(scene.nodes[scene.node_by_id["CHN"]].stance_on_target, None);
    }

    #[test]
    fn another_target_can_be_chosen() {
        let scenario = scenario();
        assert_eq!(sanctions_targets(&scenario), vec!["RUS".to_owned()]);
        let mut scene = build_for(Some(2022), &GraphFilters::default(), &[]);
        set_stance_target(&mut scene, &scenario, Some(2022), "SRB");
        assert_eq!(scene.sanctions_target.as_deref(), Some("SRB"));
        assert!(scene.nodes.iter().all(|node| node.stance_on_target.is_none()), "nobody sanctions Serbia here");
    }

    #[test]
    fn a_dated_member_of_a_bloc_has_that_bloc_and_an_observer_none() {
        let text = r#"Scenario(format: 1, title: "Blocs",
            actors: [
                Actor(id: "FIN", name: "Finland", kind: State),
                Actor(id: "SRB", name: "Serbia", kind: State),
                Actor(id: "NATO", name: "NATO", kind: Bloc, memberships: [
                    Membership(member: "FIN", from: "2023-04-04"),
                    Membership(member: "SRB", status: Observer),
                ]),
            ],
            ties: [Tie(a: "FIN", b: "SRB", kind: Neutral, strength: 0.0)],
        )"#;
        let scenario: Scenario = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .expect("test scenario parses");
        let scene = build(&scenario, Some(2022), &GraphFilters::default(), &BTreeSet::new(), true);
        let blocs: Vec<Option<&str>> = scene.nodes.iter().map(|node| node.bloc.as_deref()).collect();
        assert_eq!(blocs, [Some("NATO"), None, Some("NATO")], "Finland's bloc in any year, as member_of counts it");
        assert_eq!(scene.blocs, ["NATO"]);
    }
}
