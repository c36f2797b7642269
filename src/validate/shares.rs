//! Shares of one consumer's commodity, on one basis, may not add up to more than the whole in any year.

use std::collections::{BTreeMap, BTreeSet};

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
        for over in totals_over_one(scenario, &indices) {
            found.push(over_one(scenario, consumer, commodity, basis, &over));
        }
    }
}

/// Shares are summed as whole millionths of millionths, so that adding and removing them in any order is exact.
const UNITS: f64 = 1e12;

/// A year (or "any year", `None`, when no record names one) in which a group's shares add up to more than one.
struct OverOne {
    year: Option<i32>,
    /// The applying records named in the message: the first [`LISTED`] and always the last.
    listed: Vec<usize>,
    /// How many records apply.
    count: usize,
    total: f64,
}

/// Every year in which the group's shares add up to more than one.
///
/// The years at which the set of applying records can change are the years the records name; a sweep over them
/// in order adds each record when its period starts and removes it after it ends, so a group of n records costs
/// O(n log n), not n records times n years.
fn totals_over_one(scenario: &Scenario, indices: &[usize]) -> Vec<OverOne> {
    let share_units = |index: usize| (scenario.energy[index].share * UNITS).round() as i64;
    let over = |units: i64| units as f64 / UNITS > 1.0 + TOLERANCE;
    let mut years: Vec<i32> = indices.iter().flat_map(|&index| scenario.energy[index].period().named_years()).collect();
    if years.is_empty() {
        let always: Vec<usize> =
            indices.iter().copied().filter(|&index| scenario.energy[index].period().is_always()).collect();
        let units: i64 = always.iter().map(|&index| share_units(index)).sum();
        let total = units as f64 / UNITS;
        let found = OverOne { year: None, listed: listed(always.iter().copied()), count: always.len(), total };
        return if over(units) { vec![found] } else { vec![] };
    }
    years.sort_unstable();
    years.dedup();
    let mut starts: Vec<(i32, usize)> = indices.iter().map(|&index| (years_of(scenario, index).0, index)).collect();
    let mut ends: Vec<(i32, usize)> = indices.iter().map(|&index| (years_of(scenario, index).1, index)).collect();
    starts.sort_unstable();
    ends.sort_unstable();
    let (mut next_start, mut next_end) = (0, 0);
    let mut applying: BTreeSet<usize> = BTreeSet::new();
    let mut units: i64 = 0;
    let mut found = Vec::new();
    for year in years {
        while let Some(&(_, index)) = starts.get(next_start).filter(|(first, _)| *first <= year) {
            applying.insert(index);
            units += share_units(index);
            next_start += 1;
        }
        while let Some(&(_, index)) = ends.get(next_end).filter(|(last, _)| *last < year) {
            applying.remove(&index);
            units -= share_units(index);
            next_end += 1;
        }
        if over(units) {
            found.push(OverOne {
                year: Some(year),
                listed: listed(applying.iter().copied()),
                count: applying.len(),
                total: units as f64 / UNITS,
            });
        }
    }
    found
}

/// How many applying records a message names; the last one is always named, as the diagnostic sits on it.
const LISTED: usize = 10;

fn listed(applying: impl DoubleEndedIterator<Item = usize> + Clone) -> Vec<usize> {
    let mut named: Vec<usize> = applying.clone().take(LISTED).collect();
    if let Some(last) = applying.clone().next_back()
        && named.last() != Some(&last)
    {
        named.push(last);
    }
    named
}

/// The first and last year a record applies in, open ends as the extremes (as `Period::applies_in` reads them).
fn years_of(scenario: &Scenario, index: usize) -> (i32, i32) {
    let period = scenario.energy[index].period();
    if let Some(year) = period.year {
        return (year, year);
    }
    let first = period.from_date().map_or(i32::MIN, |date| date.year);
    let last = period.until_date().map_or(i32::MAX, |date| date.year);
    (first, last)
}

/// A share as a percentage, with one decimal where it is not whole (so that 100.4% never reads as 100%).
pub(super) fn exact_percent(share: f64) -> String {
    let percent = share * 100.0;
    if (percent - percent.round()).abs() < 0.05 { format!("{percent:.0}%") } else { format!("{percent:.1}%") }
}

fn over_one(
    scenario: &Scenario,
    consumer: &str,
    commodity: &Commodity,
    basis: ShareBasis,
    over: &OverOne,
) -> Diagnostic {
    let part = |index: &usize| format!("energy[{index}] {}", exact_percent(scenario.energy[*index].share));
    let mut parts: Vec<String> = over.listed.iter().map(part).collect();
    if over.count > over.listed.len()
        && let Some(last) = parts.pop()
    {
        parts.push(format!("{} more", over.count - over.listed.len()));
        parts.push(last);
    }
    let basis_text = match basis {
        ShareBasis::Consumption => "consumption",
        ShareBasis::Imports => "imports",
    };
    let when = over.year.map(|year| format!(" in {year}")).unwrap_or_default();
    let message = format!(
        "{} shares of {}'s {basis_text}{when} add up to {} ({}); together they may not exceed 100%",
        commodity.label(),
        super::shortened(consumer),
        exact_percent(over.total),
        parts.join(" + "),
    );
    let last = over.listed.last().copied().unwrap_or_default();
    Diagnostic::error(format!("energy[{last}].share"), message)
}
