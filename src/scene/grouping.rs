//! Drawing many actors as a few: the graph can group actors by UN region, sub-region or first bloc, each group
//! one node (collapsed) or its members (expanded), with the records between groups summed into one link per
//! pair and layer. Pure: built from a scenario and the graph scene, tested without a window; the graph view
//! keeps which groups are expanded.

use std::collections::{BTreeSet, HashMap};

use super::graph::{EdgeMeaning, GraphScene, SceneEdge, SceneNode};
use crate::model::{ActorKind, Commodity, Layer, RecordRef, Scenario, Stance};

/// What actors are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum GroupBy {
    #[default]
    Nothing,
    Region,
    Subregion,
    Bloc,
}

impl GroupBy {
    pub const ALL: [GroupBy; 4] = [GroupBy::Nothing, GroupBy::Region, GroupBy::Subregion, GroupBy::Bloc];

    pub fn label(self) -> &'static str {
        match self {
            GroupBy::Nothing => "No grouping",
            GroupBy::Region => "UN region",
            GroupBy::Subregion => "UN sub-region",
            GroupBy::Bloc => "First bloc",
        }
    }
}

/// A set of actors that can be drawn as one node.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The node's id: "group: Europe". Actor ids never contain spaces, so it never names an actor.
    pub id: String,
    /// What the group is called: the region, or the bloc's name.
    pub name: String,
    /// Actor indices, in scenario order.
    pub members: Vec<usize>,
    pub expanded: bool,
}

/// Every group of a scenario under one way of grouping, and which group each actor is in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grouping {
    pub by: GroupBy,
    pub groups: Vec<Group>,
    /// Per actor (index in `scenario.actors`), the index of its group in `groups`.
    pub group_of: Vec<Option<usize>>,
}

impl Grouping {
    /// Groups the actors; `expanded` names the groups (by id) drawn as their members. A group of one actor is no
    /// group: that actor is drawn as itself.
    pub fn new(scenario: &Scenario, by: GroupBy, expanded: &BTreeSet<String>) -> Grouping {
        let mut grouping = Grouping { by, groups: Vec::new(), group_of: vec![None; scenario.actors.len()] };
        if by == GroupBy::Nothing {
            return grouping;
        }
        let first_blocs = scenario.first_blocs();
        let mut index_of: HashMap<String, usize> = HashMap::new();
        for (actor_index, actor) in scenario.actors.iter().enumerate() {
            let name = match by {
                GroupBy::Nothing => None,
                GroupBy::Region => actor.region.clone(),
                GroupBy::Subregion => actor.subregion.clone(),
                GroupBy::Bloc => first_blocs.get(actor.id.as_str()).map(|bloc| scenario.actor_name(bloc).to_owned()),
            };
            let Some(name) = name.filter(|name| !name.trim().is_empty()) else { continue };
            let group = *index_of.entry(name.clone()).or_insert_with(|| {
                let id = format!("group: {name}");
                let expanded = expanded.contains(&id);
                grouping.groups.push(Group { id, name, members: Vec::new(), expanded });
                grouping.groups.len() - 1
            });
            grouping.groups[group].members.push(actor_index);
            grouping.group_of[actor_index] = Some(group);
        }
        // In order of name, so that a region keeps its colour here and on the alignment map, whatever the order
        // of the actors in the file.
        let mut order: Vec<usize> = (0..grouping.groups.len()).collect();
        order.sort_by(|&a, &b| grouping.groups[a].name.cmp(&grouping.groups[b].name));
        let mut place = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            place[old] = new;
        }
        let mut groups: Vec<Option<Group>> = std::mem::take(&mut grouping.groups).into_iter().map(Some).collect();
        grouping.groups = order.iter().filter_map(|&old| groups[old].take()).collect();
        for group in grouping.group_of.iter_mut().flatten() {
            *group = place[*group];
        }
        for group in grouping.groups.iter().filter(|group| group.members.len() < 2) {
            grouping.group_of[group.members[0]] = None;
        }
        grouping
    }

    /// The collapsed group an actor is drawn in, if any.
    pub fn collapsed_group_of(&self, actor: usize) -> Option<usize> {
        let group = self.group_of.get(actor).copied().flatten()?;
        (!self.groups[group].expanded).then_some(group)
    }

    /// The ids of the collapsed groups, which decide how the layout is made.
    pub fn collapsed_ids(&self) -> Vec<String> {
        self.real_groups().filter(|group| !group.expanded).map(|group| group.id.clone()).collect()
    }

    /// The ids of every group, collapsed or expanded.
    pub fn ids(&self) -> Vec<String> {
        self.real_groups().map(|group| group.id.clone()).collect()
    }

    /// The groups of two or more actors (one actor alone is drawn as itself).
    fn real_groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|group| group.members.len() > 1)
    }

    /// The group with this node id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.groups.iter().position(|group| group.id == id)
    }
}

/// How much larger than one actor's node a group of `members` is drawn: it grows with the square root of its
/// size, slowly, so that a region of 50 outweighs one of 5 without hiding the links between them.
pub fn size_factor(members: usize) -> f32 {
    (1.0 + 0.3 * (members as f32).sqrt()).min(4.0)
}

/// What a group node stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupNode {
    /// Its index in `Grouping::groups`.
    pub group: usize,
    /// Actor indices of the members the scene shows (those with a visible link, or all when asked).
    pub shown_members: Vec<usize>,
    /// Their ids, in the same order.
    pub shown_member_ids: Vec<String>,
    /// All the group's members, shown or not.
    pub members: usize,
    /// Records between two members of the group: not drawn while it is collapsed.
    pub links_inside: usize,
}

/// The records between two nodes of the scene, one of them a group, in one layer.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkSummary {
    pub layer: Layer,
    pub records: Vec<RecordRef>,
    /// The commodity of every energy flow summed, when they all carry the same one.
    pub commodity: Option<Commodity>,
    /// The stance of every sanctions stance summed, when they are all the same.
    pub stance: Option<Stance>,
    /// The mean strength of the ties summed (0 for other layers).
    pub mean_strength: f64,
}

/// The scene with each collapsed group's shown members drawn as one node: `node_by_id` sends the members' ids to
/// the group's node, and records between a group and another node become one summed edge per direction and layer.
pub fn collapse(mut scene: GraphScene, grouping: &Grouping) -> GraphScene {
    if grouping.by != GroupBy::Nothing {
        scene.groups = grouping.groups.iter().map(|group| group.name.clone()).collect();
        for node in &mut scene.nodes {
            node.in_group = grouping.group_of.get(node.actor).copied().flatten();
        }
    }
    if scene.nodes.iter().all(|node| grouping.collapsed_group_of(node.actor).is_none()) {
        return scene;
    }
    let mut collapsed = GraphScene {
        sanctions_target: scene.sanctions_target.clone(),
        blocs: scene.blocs.clone(),
        groups: scene.groups.clone(),
        ..GraphScene::default()
    };
    let mut group_nodes: HashMap<usize, usize> = HashMap::new();
    let mut new_index = Vec::with_capacity(scene.nodes.len());
    for node in &scene.nodes {
        let index = match grouping.collapsed_group_of(node.actor) {
            Some(group) => *group_nodes.entry(group).or_insert_with(|| {
                collapsed.nodes.push(group_node(grouping, group, node));
                collapsed.node_by_id.insert(grouping.groups[group].id.clone(), collapsed.nodes.len() - 1);
                collapsed.nodes.len() - 1
            }),
            None => {
                collapsed.nodes.push(node.clone());
                collapsed.nodes.len() - 1
            }
        };
        if let Some(summary) = &mut collapsed.nodes[index].group {
            summary.shown_members.push(node.actor);
            summary.shown_member_ids.push(node.id.clone());
            // A group's imports: the most any member imports, so that its size says how dependent its most
            // dependent member is.
            collapsed.nodes[index].energy_imports = collapsed.nodes[index].energy_imports.max(node.energy_imports);
        }
        collapsed.node_by_id.insert(node.id.clone(), index);
        new_index.push(index);
    }
    let mut summaries: Vec<(usize, usize, LinkSummary)> = Vec::new();
    let mut summary_at: HashMap<(usize, usize, Layer), usize> = HashMap::new();
    for edge in scene.edges {
        let (from, to) = (new_index[edge.from], new_index[edge.to]);
        if from == to {
            if let Some(summary) = &mut collapsed.nodes[from].group {
                summary.links_inside += 1;
            }
            continue;
        }
        if collapsed.nodes[from].group.is_none() && collapsed.nodes[to].group.is_none() {
            collapsed.edges.push(SceneEdge { from, to, ..edge });
            continue;
        }
        let layer = layer_of(&edge.meaning);
        // Ties go both ways: the ties between two groups are one link, whichever side each record names first.
        let (from, to) = if layer == Layer::Ties { (from.min(to), from.max(to)) } else { (from, to) };
        let at = *summary_at.entry((from, to, layer)).or_insert_with(|| {
            summaries.push((from, to, LinkSummary::empty(layer, &edge.meaning)));
            summaries.len() - 1
        });
        summaries[at].2.add(&edge.meaning, edge.record);
    }
    for (from, to, summary) in summaries {
        let record = summary.records[0];
        collapsed.edges.push(SceneEdge { from, to, meaning: EdgeMeaning::Summary(summary), record, fan_slot: 0 });
    }
    count_links(&mut collapsed);
    super::graph::arrange_edges(&mut collapsed);
    collapsed
}

fn group_node(grouping: &Grouping, group: usize, first_shown: &SceneNode) -> SceneNode {
    let found = &grouping.groups[group];
    SceneNode {
        actor: first_shown.actor,
        id: found.id.clone(),
        name: format!("{} ({})", found.name, found.members.len()),
        kind: if grouping.by == GroupBy::Bloc { ActorKind::Bloc } else { ActorKind::State },
        bloc: if grouping.by == GroupBy::Bloc { first_shown.bloc.clone() } else { None },
        energy_imports: 0.0,
        degree: 0,
        ties: 0,
        stance_on_target: None,
        in_group: Some(group),
        group: Some(GroupNode {
            group,
            shown_members: Vec::new(),
            shown_member_ids: Vec::new(),
            members: found.members.len(),
            links_inside: 0,
        }),
    }
}

/// Degrees and tie counts as drawn: a summed edge counts once per record it stands for.
fn count_links(scene: &mut GraphScene) {
    for node in &mut scene.nodes {
        node.degree = 0;
        node.ties = 0;
    }
    for edge in &scene.edges {
        let (records, ties) = match &edge.meaning {
            EdgeMeaning::Summary(summary) => {
                let count = summary.records.len();
                (count, if summary.layer == Layer::Ties { count } else { 0 })
            }
            EdgeMeaning::Tie { .. } => (1, 1),
            _ => (1, 0),
        };
        for node in [edge.from, edge.to] {
            scene.nodes[node].degree += records;
            scene.nodes[node].ties += ties;
        }
    }
}

pub fn layer_of(meaning: &EdgeMeaning) -> Layer {
    match meaning {
        EdgeMeaning::Energy { .. } => Layer::Energy,
        EdgeMeaning::Sanctions { .. } => Layer::Sanctions,
        EdgeMeaning::Tie { .. } => Layer::Ties,
        EdgeMeaning::Summary(summary) => summary.layer,
    }
}

impl LinkSummary {
    fn empty(layer: Layer, first: &EdgeMeaning) -> LinkSummary {
        let (commodity, stance) = match first {
            EdgeMeaning::Energy { commodity, .. } => (Some(commodity.clone()), None),
            EdgeMeaning::Sanctions { stance } => (None, Some(*stance)),
            _ => (None, None),
        };
        LinkSummary { layer, records: Vec::new(), commodity, stance, mean_strength: 0.0 }
    }

    fn add(&mut self, meaning: &EdgeMeaning, record: RecordRef) {
        self.records.push(record);
        match meaning {
            EdgeMeaning::Energy { commodity, .. } if self.commodity.as_ref() != Some(commodity) => {
                self.commodity = None
            }
            EdgeMeaning::Sanctions { stance } if self.stance != Some(*stance) => self.stance = None,
            EdgeMeaning::Tie { strength, .. } => {
                self.mean_strength += (strength - self.mean_strength) / self.records.len() as f64
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::GraphFilters;

    const TEXT: &str = r#"Scenario(format: 1, title: "Regions",
        actors: [
            Actor(id: "RUS", name: "Russia", kind: State, region: "Europe"),
            Actor(id: "SRB", name: "Serbia", kind: State, region: "Europe"),
            Actor(id: "HUN", name: "Hungary", kind: State, region: "Europe"),
            Actor(id: "CHN", name: "China", kind: State, region: "Asia"),
            Actor(id: "IND", name: "India", kind: State, region: "Asia"),
            Actor(id: "BRA", name: "Brazil", kind: State, region: "Americas"),
            Actor(id: "EU", name: "European Union", kind: Bloc, members: ["HUN"]),
        ],
        energy: [
            EnergyFlow(supplier: "RUS", consumer: "SRB", commodity: Gas, share: 0.85, year: 2022),
            EnergyFlow(supplier: "RUS", consumer: "CHN", commodity: Oil, share: 0.2, year: 2022),
            EnergyFlow(supplier: "RUS", consumer: "IND", commodity: Oil, share: 0.3, year: 2022),
        ],
        ties: [
            Tie(a: "CHN", b: "SRB", kind: Support, strength: 0.6),
            Tie(a: "CHN", b: "HUN", kind: Partnership, strength: 0.4),
            Tie(a: "BRA", b: "CHN", kind: Partnership, strength: 0.5),
        ],
    )"#;

    fn scenario() -> Scenario {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(TEXT)
            .expect("test scenario parses")
    }

    fn grouped(expanded: &[&str]) -> GraphScene {
        let scenario = scenario();
        let expanded: BTreeSet<String> = expanded.iter().map(|id| id.to_string()).collect();
        let grouping = Grouping::new(&scenario, GroupBy::Region, &expanded);
        let scene = super::super::graph::build(&scenario, None, &GraphFilters::default(), &BTreeSet::new(), false);
        collapse(scene, &grouping)
    }

    fn names(scene: &GraphScene) -> Vec<&str> {
        scene.nodes.iter().map(|node| node.name.as_str()).collect()
    }

    fn summary<'a>(scene: &'a GraphScene, from: &str, to: &str, layer: Layer) -> Option<&'a LinkSummary> {
        scene.edges.iter().find_map(|edge| match &edge.meaning {
            EdgeMeaning::Summary(summary)
                if scene.nodes[edge.from].id == from && scene.nodes[edge.to].id == to && summary.layer == layer =>
            {
                Some(summary)
            }
            _ => None,
        })
    }

    #[test]
    fn regions_become_groups_and_a_region_of_one_is_no_group() {
        let grouping = Grouping::new(&scenario(), GroupBy::Region, &BTreeSet::new());
        let groups: Vec<(&str, &[usize])> =
            grouping.groups.iter().map(|group| (group.id.as_str(), group.members.as_slice())).collect();
        // In order of name, whatever the order of the actors.
        assert_eq!(groups, [("group: Americas", &[5][..]), ("group: Asia", &[3, 4]), ("group: Europe", &[0, 1, 2])]);
        assert_eq!(grouping.group_of[5], None, "Brazil alone in its region is drawn as itself");
        assert_eq!(grouping.group_of[6], None, "the EU has no region");
        assert_eq!(grouping.collapsed_ids(), ["group: Asia", "group: Europe"]);
    }

    #[test]
    fn collapsed_groups_are_one_node_each_with_summed_links() {
        let scene = grouped(&[]);
        assert_eq!(names(&scene), ["Europe (3)", "Asia (2)", "Brazil"], "the EU has no visible link");
        // Russia's oil to China and India: one edge of two records; China's ties to Serbia and Hungary: another.
        let oil = summary(&scene, "group: Europe", "group: Asia", Layer::Energy).expect("Europe supplies Asia");
        assert_eq!(oil.records, [RecordRef::Energy(1), RecordRef::Energy(2)]);
        assert_eq!(oil.commodity, Some(Commodity::Oil), "both flows are oil");
        let ties = summary(&scene, "group: Europe", "group: Asia", Layer::Ties).expect("Asia's ties to Europe");
        assert_eq!(ties.records.len(), 2);
        assert!((ties.mean_strength - 0.5).abs() < 1e-9, "the mean of 0.6 and 0.4");
        let asia = &scene.nodes[scene.node_by_id["group: Asia"]];
        assert_eq!(summary(&scene, "group: Asia", "BRA", Layer::Ties).map(|s| s.records.len()), Some(1));
        let europe = scene.nodes[0].group.as_ref().unwrap();
        assert_eq!(europe.links_inside, 1, "Russia's gas to Serbia stays inside Europe");
        assert_eq!(europe.shown_members, [0, 1, 2]);
        assert_eq!(asia.degree, 5, "two oil flows, two ties to Europe, one to Brazil");
        assert_eq!(scene.node_by_id["SRB"], 0, "a member's id finds its group's node");
        assert!((scene.nodes[0].energy_imports - 0.85).abs() < 1e-9, "Serbia, its most dependent member");
    }

    #[test]
    fn an_expanded_group_shows_its_members_linked_to_the_other_groups() {
        let scene = grouped(&["group: Europe"]);
        assert_eq!(names(&scene), ["Russia", "Serbia", "Hungary", "Asia (2)", "Brazil"]);
        let gas = scene.edges.iter().find(|edge| matches!(edge.meaning, EdgeMeaning::Energy { .. }));
        let gas = gas.expect("Russia's gas to Serbia is its own edge again");
        assert_eq!((scene.nodes[gas.from].id.as_str(), scene.nodes[gas.to].id.as_str()), ("RUS", "SRB"));
        let oil = summary(&scene, "RUS", "group: Asia", Layer::Energy).expect("Russia supplies Asia");
        assert_eq!(oil.records.len(), 2);
        assert!(summary(&scene, "SRB", "group: Asia", Layer::Ties).is_some(), "China's tie to Serbia");
    }

    #[test]
    fn no_grouping_leaves_the_scene_as_it_is() {
        let scenario = scenario();
        let scene = super::super::graph::build(&scenario, None, &GraphFilters::default(), &BTreeSet::new(), false);
        let grouping = Grouping::new(&scenario, GroupBy::Nothing, &BTreeSet::new());
        assert_eq!(collapse(scene.clone(), &grouping), scene);
        let all_expanded = ["group: Europe".to_owned(), "group: Asia".to_owned()].into();
        let expanded = collapse(scene.clone(), &Grouping::new(&scenario, GroupBy::Region, &all_expanded));
        assert_eq!(expanded.edges, scene.edges);
        let ids = |scene: &GraphScene| scene.nodes.iter().map(|node| node.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&expanded), ids(&scene));
        let in_groups: Vec<Option<usize>> = expanded.nodes.iter().map(|node| node.in_group).collect();
        assert_eq!(in_groups, [Some(2), Some(2), Some(2), Some(1), Some(1), None], "Brazil is in no group");
        assert_eq!(expanded.groups, ["Americas", "Asia", "Europe"]);
    }

    #[test]
    fn blocs_group_their_members_with_the_bloc() {
        let grouping = Grouping::new(&scenario(), GroupBy::Bloc, &BTreeSet::new());
        assert_eq!(grouping.groups.len(), 1);
        assert_eq!(grouping.groups[0].name, "European Union");
        assert_eq!(grouping.groups[0].members, [2, 6], "Hungary and the EU itself");
    }
}
