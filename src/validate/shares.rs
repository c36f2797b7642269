//! Shares of one consumer's commodity, on one basis, may not add up to more than the whole in any year.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::model::{Commodity, Dated, Scenario, ShareBasis};

/// Rounding slack, so that 0.85 + 0.15 is not reported.
const TOLERANCE: f64 = 1e-6;

pub(super) fn check_share_sums(scenario: &Scenario, found: &mut Vec<Diagnostic>) {
    let mut groups: BTreeMap<(&str, &Commodity, ShareBasis), Vec<usize>> = BTreeMap::new();
    for (index, flow) in scenario.energy.iter().enumerate() {
        // Out-of-range shares are reported on their own; summing them would only repeat that.
        if (0.0..=1.0).contains(&flow.share) {
            groups.entry((flow.consumer.as_str(), &flow.commodity, flow.basis)).or_default().push(index);
        }
    }
    for ((consumer, commodity, basis), indices) in groups {
        for year in years_to_check(scenario, &indices) {
            let applying: Vec<usize> =
                indices.iter().copied().filter(|&index| applies(scenario, index, year)).collect();
            let total: f64 = applying.iter().map(|&index| scenario.energy[index].share).sum();
            if total > 1.0 + TOLERANCE {
                found.push(over_one(scenario, consumer, commodity, basis, year, &applying, total));
            }
        }
    }
}

/// The years at which the set of applying records can change: every year the group's records name.
/// `None` stands for "any year" when no record names one.
fn years_to_check(scenario: &Scenario, indices: &[usize]) -> Vec<Option<i32>> {
    let mut years: Vec<i32> = indices.iter().flat_map(|&index| scenario.energy[index].period().named_years()).collect();
    years.sort_unstable();
    years.dedup();
    if years.is_empty() { vec![None] } else { years.into_iter().map(Some).collect() }
}

fn applies(scenario: &Scenario, index: usize, year: Option<i32>) -> bool {
    let period = scenario.energy[index].period();
    year.map_or(period.is_always(), |year| period.applies_in(year))
}

fn over_one(
    scenario: &Scenario,
    consumer: &str,
    commodity: &Commodity,
    basis: ShareBasis,
    year: Option<i32>,
    applying: &[usize],
    total: f64,
) -> Diagnostic {
    let parts: Vec<String> =
        applying.iter().map(|&index| format!("energy[{index}] {}", scenario.energy[index].share)).collect();
    let basis_text = match basis {
        ShareBasis::Consumption => "consumption",
        ShareBasis::Imports => "imports",
    };
    let when = year.map(|year| format!(" in {year}")).unwrap_or_default();
    let message = format!(
        "{} shares of {consumer}'s {basis_text}{when} add up to {total:.3} ({}); shares are fractions of the whole and may not exceed 1",
        commodity.label(),
        parts.join(" + "),
    );
    Diagnostic::error(format!("energy[{}].share", applying[applying.len() - 1]), message)
}
