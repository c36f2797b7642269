//! The flow diagram's data: one commodity in one year as links from suppliers through routes or transit
//! countries to consumers, weighted by volume when every flow has one in the same unit, by share otherwise.
//! `sankey` lays the links out.

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
    pub links: Vec<SankeyLink>,
}

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
    let of_commodity: Vec<(usize, &EnergyFlow)> =
        super::flows_in(scenario, year).filter(|(_, flow)| flow.commodity == *commodity).collect();
    let flows = super::prefer_consumption_shares(of_commodity, |(_, flow)| {
        (flow.consumer.as_str(), &flow.commodity, flow.basis)
    });
    let weighting = common_unit(flows.iter().map(|(_, flow)| *flow)).map_or(Weighting::Share, Weighting::Volume);
    let links = flows
        .into_iter()
        .map(|(record, flow)| SankeyLink {
            source: scenario.actor_name(&flow.supplier).to_owned(),
            middle: middle_label(scenario, flow),
            target: scenario.actor_name(&flow.consumer).to_owned(),
            weight: match (weighting, flow.volume) {
                (Weighting::Volume(_), Some(volume)) => volume.0,
                _ => flow.share,
            },
            record,
        })
        .collect();
    FlowDiagram { weighting, links }
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
