//! The flow diagram's data: one commodity in one year as links from suppliers through routes or transit
//! countries to consumers, weighted by volume when every flow has one in the same unit, by share otherwise.
//! `sankey` lays the links out.

use std::collections::HashMap;

use crate::model::{Commodity, EnergyFlow, Scenario, Unit};

use super::sankey::SankeyLink;

/// What band widths stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weighting {
    /// Volumes, all in this unit.
    Volume(Unit),
    /// Shares of each consumer's use: some volumes are unknown, or in different units.
    Share,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowDiagram {
    pub weighting: Weighting,
    /// Every flow, one link each, in file order.
    pub links: Vec<SankeyLink>,
    /// What is drawn: `links`, with the suppliers, routes and consumers past the `MOST_SHOWN` largest of their
    /// column each summed into one "Other …" node, and the links between the same nodes summed into one.
    pub drawn: Vec<SankeyLink>,
    /// The records each drawn link of several records sums, by its `record` (the first of them).
    pub summed: HashMap<usize, Vec<usize>>,
    /// What was summed, when anything was: "The 15 largest of 300 consumers are shown; …".
    pub folded: Option<String>,
}

/// Each column shows at most this many nodes of its own; the rest are summed into one, so that a diagram of
/// hundreds of consumers stays readable.
pub const MOST_SHOWN: usize = 15;

/// The middle column's label for a flow: its named route, else its transit countries, else "Direct".
pub fn middle_label(scenario: &Scenario, flow: &EnergyFlow) -> String {
    if flow.supplier == flow.consumer {
        return OWN_PRODUCTION.to_owned();
    }
    if let Some(route) = &flow.route {
        return route.clone();
    }
    if flow.via.is_empty() {
        return DIRECT.to_owned();
    }
    let names: Vec<&str> = flow.via.iter().map(|id| scenario.actor_name(id)).collect();
    format!("via {}", names.join(", "))
}

pub const OWN_PRODUCTION: &str = "Own production";
pub const DIRECT: &str = "Direct";

/// The links for `commodity` in `year`, in file order. A consumer's shares of consumption are used; its shares
/// of imports only when it has none of consumption, so that no consumer is counted twice.
pub fn flow_diagram(scenario: &Scenario, commodity: &Commodity, year: i32) -> FlowDiagram {
    let of_commodity: Vec<(usize, std::borrow::Cow<'_, EnergyFlow>)> =
        super::flows_in(scenario, year).filter(|(_, flow)| flow.commodity == *commodity).collect();
    let flows = super::prefer_consumption_shares(of_commodity, |(_, flow)| {
        (flow.consumer.as_str(), &flow.commodity, flow.basis)
    });
    let weighting = common_unit(flows.iter().map(|(_, flow)| &**flow)).map_or(Weighting::Share, Weighting::Volume);
    let links = flows
        .into_iter()
        .map(|(record, flow)| SankeyLink {
            source: scenario.actor_name(&flow.supplier).to_owned(),
            middle: middle_label(scenario, &flow),
            target: scenario.actor_name(&flow.consumer).to_owned(),
            weight: match (weighting, flow.volume) {
                (Weighting::Volume(_), Some(volume)) => volume.0,
                _ => flow.share,
            },
            record,
        })
        .collect::<Vec<SankeyLink>>();
    let (drawn, summed, folded) = fold_small(&links);
    FlowDiagram { weighting, links, drawn, summed, folded }
}

/// Which of a link's three labels a column shows.
type ColumnLabel = fn(&SankeyLink) -> &str;

/// The links with each column's nodes past the `MOST_SHOWN` largest (by total weight; ties by name) renamed
/// "Other suppliers (285)", and the links that then join the same three nodes summed into one.
fn fold_small(links: &[SankeyLink]) -> (Vec<SankeyLink>, HashMap<usize, Vec<usize>>, Option<String>) {
    let columns: [(&str, &str, ColumnLabel); 3] = [
        ("suppliers", "Other suppliers", |link| &link.source),
        ("routes", "Other routes", |link| &link.middle),
        ("consumers", "Other consumers", |link| &link.target),
    ];
    let mut renames: Vec<HashMap<String, String>> = Vec::new();
    let mut notes = Vec::new();
    for (plural, other, label) in columns {
        let mut totals: HashMap<&str, f64> = HashMap::new();
        for link in links {
            *totals.entry(label(link)).or_default() += link.weight.max(0.0);
        }
        let mut ranked: Vec<(&str, f64)> = totals.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| crate::format::natural_cmp(a.0, b.0)));
        let folded = ranked.len().saturating_sub(MOST_SHOWN);
        let other = format!("{other} ({folded})");
        let rename: HashMap<String, String> =
            ranked.iter().skip(MOST_SHOWN).map(|(name, _)| ((*name).to_owned(), other.clone())).collect();
        if folded > 0 {
            notes.push(format!("the {MOST_SHOWN} largest of {} {plural}", ranked.len()));
        }
        renames.push(rename);
    }
    if notes.is_empty() {
        return (links.to_vec(), HashMap::new(), None);
    }
    let renamed = |column: usize, name: &String| renames[column].get(name).unwrap_or(name).clone();
    let mut drawn: Vec<SankeyLink> = Vec::new();
    let mut summed: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut at: HashMap<(String, String, String), usize> = HashMap::new();
    for link in links {
        let folded = SankeyLink {
            source: renamed(0, &link.source),
            middle: renamed(1, &link.middle),
            target: renamed(2, &link.target),
            ..link.clone()
        };
        let touches_other =
            folded.source != link.source || folded.middle != link.middle || folded.target != link.target;
        if !touches_other {
            drawn.push(folded);
            continue;
        }
        let key = (folded.source.clone(), folded.middle.clone(), folded.target.clone());
        match at.get(&key) {
            Some(&index) => {
                drawn[index].weight += folded.weight;
                summed.entry(drawn[index].record).or_insert_with(|| vec![drawn[index].record]).push(link.record);
            }
            None => {
                at.insert(key, drawn.len());
                drawn.push(folded);
            }
        }
    }
    let note = format!("Shown: {}; the others are summed as \"Other …\".", notes.join(", "));
    (drawn, summed, Some(note))
}

/// The unit every flow's volume is in, if every flow has a volume and they all share one unit.
fn common_unit<'a>(mut flows: impl Iterator<Item = &'a EnergyFlow>) -> Option<Unit> {
    let first = flows.next()?.volume?.1;
    flows.all(|flow| flow.volume.is_some_and(|volume| volume.1 == first)).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::super::test_scenarios::small;
    use super::*;
    use crate::model::{ShareBasis, Volume};

    #[test]
    fn links_run_from_supplier_through_route_to_consumer() {
        let scenario = small();
        let diagram = flow_diagram(&scenario, &Commodity::Gas, 2023);
        assert_eq!(diagram.weighting, Weighting::Share, "no volumes are known");
        let links: Vec<(&str, &str, &str, f64)> = diagram
            .links
            .iter()
            .map(|link| (link.source.as_str(), link.middle.as_str(), link.target.as_str(), link.weight))
            .collect();
        assert_eq!(
            links,
            [
                ("Russia", "Balkan Stream", "Serbia", 0.85),
                ("Serbia", "Own production", "Serbia", 0.15),
                ("Russia", "Direct", "Hungary", 0.65),
                ("Azerbaijan", "Direct", "Bulgaria", 0.33),
            ]
        );
        assert_eq!(diagram.links[2].record, 4);
    }

    #[test]
    fn past_the_largest_consumers_the_rest_are_summed_into_one_node() {
        let mut scenario = small();
        scenario.energy.clear();
        // Twenty consumers of Russian gas, consumer k taking k%: the five smallest are summed.
        for consumer in 1..=20 {
            let id = format!("C{consumer}");
            scenario.actors.push(super::super::test_scenarios::actor(
                &id,
                &format!("Consumer {consumer}"),
                crate::model::ActorKind::State,
            ));
            scenario.energy.push(super::super::test_scenarios::flow("RUS", &id, consumer as f64 / 100.0, 2023));
        }
        let diagram = flow_diagram(&scenario, &Commodity::Gas, 2023);
        assert_eq!(diagram.links.len(), 20, "the list keeps every flow");
        let targets: Vec<&str> = diagram.drawn.iter().map(|link| link.target.as_str()).collect();
        assert_eq!(targets.len(), MOST_SHOWN + 1);
        assert!(targets.contains(&"Consumer 20") && targets.contains(&"Consumer 6"), "{targets:?}");
        assert!(!targets.contains(&"Consumer 5"));
        let other = diagram.drawn.iter().find(|link| link.target == "Other consumers (5)").expect("one summed link");
        assert!((other.weight - 0.15).abs() < 1e-9, "1% + 2% + 3% + 4% + 5%");
        assert_eq!(diagram.summed[&other.record], [0, 1, 2, 3, 4], "the records it sums, first to last");
        let note = diagram.folded.expect("says what it summed");
        assert!(note.contains("the 15 largest of 20 consumers"), "{note}");
    }

    #[test]
    fn a_small_diagram_is_drawn_as_it_is() {
        let diagram = flow_diagram(&small(), &Commodity::Gas, 2023);
        assert_eq!(diagram.drawn, diagram.links);
        assert!(diagram.summed.is_empty() && diagram.folded.is_none());
    }

    #[test]
    fn shares_of_imports_are_used_only_for_consumers_without_shares_of_consumption() {
        let mut scenario = small();
        let mut serbia_imports = super::super::test_scenarios::flow("RUS", "SRB", 1.0, 2023);
        serbia_imports.basis = ShareBasis::Imports;
        let mut hungary_imports = super::super::test_scenarios::flow("AZE", "HUN", 0.1, 2023);
        hungary_imports.basis = ShareBasis::Imports;
        let mut turkey_imports = super::super::test_scenarios::flow("RUS", "TUR", 0.42, 2023);
        turkey_imports.basis = ShareBasis::Imports;
        scenario.energy.extend([serbia_imports, hungary_imports, turkey_imports]);
        let diagram = flow_diagram(&scenario, &Commodity::Gas, 2023);
        let records: Vec<usize> = diagram.links.iter().map(|link| link.record).collect();
        assert_eq!(records, [0, 1, 4, 5, 8], "Serbia's and Hungary's import shares are left out, Turkey's kept");
    }

    #[test]
    fn transit_countries_name_the_middle_when_there_is_no_route() {
        let mut scenario = small();
        scenario.energy[0].route = None;
        scenario.energy[0].via.push("HUN".to_owned());
        assert_eq!(middle_label(&scenario, &scenario.energy[0]), "via Bulgaria, Hungary");
    }

    #[test]
    fn volumes_weigh_the_bands_only_when_every_flow_has_one_in_one_unit() {
        let mut scenario = small();
        for flow in &mut scenario.energy {
            flow.volume = Some(Volume(flow.share * 10.0, Unit::Bcm));
        }
        let diagram = flow_diagram(&scenario, &Commodity::Gas, 2023);
        assert_eq!(diagram.weighting, Weighting::Volume(Unit::Bcm));
        assert!((diagram.links[0].weight - 8.5).abs() < 1e-9);
        scenario.energy[4].volume = Some(Volume(1.0, Unit::Twh));
        assert_eq!(flow_diagram(&scenario, &Commodity::Gas, 2023).weighting, Weighting::Share);
    }
}
