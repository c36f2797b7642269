//! What each chart shows, computed from the scenario: supply mixes, exposure rankings, shares over time, flow
//! diagrams, matrices and the timeline. Pure functions of the scenario and the chosen year; no egui here. The
//! views in `crate::ui::charts` draw these results and cache them per document revision.

pub mod exposure;
pub mod flows;
pub mod matrices;
pub mod over_time;
pub mod sankey;
pub mod sankey_change;
pub mod supply_mix;
pub mod timeline;

use std::borrow::Cow;
use std::collections::HashSet;

use crate::model::{Commodity, Dated, EnergyFlow, Scenario, ShareBasis};

/// The energy flows (with their indices) that apply in `year`, as they count for the year. A record that covers
/// only part of it (a month's figure) counts weighted by the share of the year it covers (98% in December is 8%
/// of the year), and not at all where a record of the same supplier, consumer, commodity and basis covers the
/// whole year. Every dependence, concentration, shock and chart of a year reads its flows here.
pub fn flows_in(scenario: &Scenario, year: i32) -> impl Iterator<Item = (usize, Cow<'_, EnergyFlow>)> {
    fn key(flow: &EnergyFlow) -> (&str, &str, &Commodity, ShareBasis) {
        (&flow.supplier, &flow.consumer, &flow.commodity, flow.basis)
    }
    // Most years have no part-year record: then no set is built.
    let any_part_year = scenario.energy.iter().any(|flow| flow.period().is_part_of(year));
    let whole_year: HashSet<_> = scenario
        .energy
        .iter()
        .filter(|_| any_part_year)
        .filter(|flow| flow.period().applies_in(year) && flow.period().share_of_year(year) >= 1.0)
        .map(key)
        .collect();
    scenario.energy.iter().enumerate().filter_map(move |(index, flow)| {
        if !flow.period().applies_in(year) {
            return None;
        }
        let covered = flow.period().share_of_year(year);
        if covered >= 1.0 {
            return Some((index, Cow::Borrowed(flow)));
        }
        if covered <= 0.0 || whole_year.contains(&key(flow)) {
            return None;
        }
        let mut weighted = flow.clone();
        weighted.share *= covered;
        // Whether a part-year volume is the period's or a yearly rate, the record does not say: left out.
        weighted.volume = None;
        Some((index, Cow::Owned(weighted)))
    })
}

/// How much of `consumer`'s `commodity` came from `supplier` in `year`, summed over the records that apply.
/// Shares of total consumption are preferred; shares of imports are used only where no consumption share is
/// recorded, and the basis says which it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Dependence {
    pub share: f64,
    pub basis: ShareBasis,
    /// Indices of the energy records summed.
    pub records: Vec<usize>,
}

pub fn dependence(
    scenario: &Scenario,
    supplier: &str,
    consumer: &str,
    commodity: &Commodity,
    year: i32,
) -> Option<Dependence> {
    let matching: Vec<(usize, Cow<'_, EnergyFlow>)> = flows_in(scenario, year)
        .filter(|(_, flow)| flow.supplier == supplier && flow.consumer == consumer && flow.commodity == *commodity)
        .collect();
    dependence_of(&matching)
}

/// The dependence that one pair's flows of a year (as `flows_in` gives them) add up to.
pub(crate) fn dependence_of(matching: &[(usize, Cow<'_, EnergyFlow>)]) -> Option<Dependence> {
    [ShareBasis::Consumption, ShareBasis::Imports].into_iter().find_map(|basis| {
        let on_basis = || matching.iter().filter(|(_, flow)| flow.basis == basis);
        let records: Vec<usize> = on_basis().map(|(index, _)| *index).collect();
        // The shares as they count for the year (a part-year record weighted), not as filed.
        let share = on_basis().map(|(_, flow)| flow.share).sum();
        (!records.is_empty()).then_some(Dependence { share, basis, records })
    })
}

/// Keeps shares of consumption, and shares of imports only for a consumer and commodity that has no share of
/// consumption among `items`, so that no consumer is counted twice on two bases. `key` gives an item's consumer,
/// commodity and basis.
pub fn prefer_consumption_shares<T>(items: Vec<T>, key: impl Fn(&T) -> (&str, &Commodity, ShareBasis)) -> Vec<T> {
    let with_consumption: std::collections::HashSet<(String, Commodity)> = items
        .iter()
        .map(&key)
        .filter(|(_, _, basis)| *basis == ShareBasis::Consumption)
        .map(|(consumer, commodity, _)| (consumer.to_owned(), commodity.clone()))
        .collect();
    items
        .into_iter()
        .filter(|item| {
            let (consumer, commodity, basis) = key(item);
            basis == ShareBasis::Consumption || !with_consumption.contains(&(consumer.to_owned(), commodity.clone()))
        })
        .collect()
}

/// Every commodity that some energy record names, in a stable order (Gas first).
pub fn commodities(scenario: &Scenario) -> Vec<Commodity> {
    let mut commodities: Vec<Commodity> = scenario.energy.iter().map(|flow| flow.commodity.clone()).collect();
    commodities.sort();
    commodities.dedup();
    commodities
}

/// Actors that supply some other actor, the one with most consumers first (then by name).
pub fn suppliers(scenario: &Scenario) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> = Default::default();
    for flow in scenario.energy.iter().filter(|flow| flow.supplier != flow.consumer) {
        counts.entry(&flow.supplier).or_default().insert(&flow.consumer);
    }
    let mut suppliers: Vec<(&str, usize)> = counts.into_iter().map(|(id, consumers)| (id, consumers.len())).collect();
    suppliers.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| crate::format::natural_cmp(scenario.actor_name(a.0), scenario.actor_name(b.0)))
    });
    suppliers.into_iter().map(|(id, _)| id.to_owned()).collect()
}

/// The basis as a few words for labels: "of consumption" or "of imports".
pub fn basis_words(basis: ShareBasis) -> &'static str {
    match basis {
        ShareBasis::Consumption => "of consumption",
        ShareBasis::Imports => "of imports",
    }
}

#[cfg(test)]
pub(crate) mod test_scenarios;

#[cfg(test)]
mod tests {
    use super::test_scenarios::{flow, small};
    use super::*;
    use crate::model::ShareBasis;

    #[test]
    fn dependence_sums_the_records_that_apply_and_prefers_consumption_shares() {
        let mut scenario = small();
        let mut imports = flow("RUS", "SRB", 0.9, 2023);
        imports.basis = ShareBasis::Imports;
        scenario.energy.push(imports);
        let found = dependence(&scenario, "RUS", "SRB", &Commodity::Gas, 2023).unwrap();
        assert_eq!(found.basis, ShareBasis::Consumption);
        assert!((found.share - 0.85).abs() < 1e-9);
        assert_eq!(dependence(&scenario, "RUS", "SRB", &Commodity::Gas, 2019), None);
        assert_eq!(dependence(&scenario, "RUS", "SRB", &Commodity::Oil, 2023), None);
    }

    #[test]
    fn suppliers_come_most_connected_first() {
        assert_eq!(suppliers(&small()), vec!["RUS", "AZE"]);
    }
}
