//! A year's figure that rests only on records of part of that year (a month's share) is counted weighted by the
//! part it covers (see `charts::flows_in`): `check` says so, since the year's share may have been quite another.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::format::percent;
use crate::model::{Commodity, Dated, Scenario, ShareBasis};

/// A supplier, consumer, commodity and basis: the records of one figure.
type Pair<'a> = (&'a str, &'a str, &'a Commodity, ShareBasis);

pub(super) fn check_part_year_figures(scenario: &Scenario, found: &mut Vec<Diagnostic>) {
    // The years each supplier, consumer, commodity and basis has a record of the whole year for, as sorted,
    // merged ranges: a question about a year is then a binary search, whatever the number of records.
    let mut whole_years: HashMap<Pair<'_>, Vec<(i32, i32)>> = HashMap::new();
    for flow in &scenario.energy {
        if let Some(range) = whole_year_range(flow.period()) {
            whole_years.entry((&flow.supplier, &flow.consumer, &flow.commodity, flow.basis)).or_default().push(range);
        }
    }
    for ranges in whole_years.values_mut() {
        *ranges = merged(std::mem::take(ranges));
    }
    for (index, flow) in scenario.energy.iter().enumerate() {
        let period = flow.period();
        // Only a period's first and last years can be covered in part.
        let mut years: Vec<i32> = period.named_years();
        years.sort_unstable();
        years.dedup();
        let ranges = whole_years.get(&(flow.supplier.as_str(), flow.consumer.as_str(), &flow.commodity, flow.basis));
        for year in years.into_iter().filter(|&year| period.is_part_of(year)) {
            if ranges.is_some_and(|ranges| covers(ranges, year)) {
                continue;
            }
            found.push(Diagnostic::warning(format!("energy[{index}]"), message(scenario, flow, year)));
        }
    }
}

/// "Austria's gas from Russia in 2023 rests only on part-year records: 98% for Dec 2023 counts as 8.3% of the
/// year (8.5% of its days)".
fn message(scenario: &Scenario, flow: &crate::model::EnergyFlow, year: i32) -> String {
    let period = flow.period();
    let covered = period.share_of_year(year);
    format!(
        "{}'s {} from {} in {year} rests only on part-year records: {} for {} counts as {} of the year ({} of its \
         days)",
        super::shortened(scenario.actor_name(&flow.consumer)),
        super::shortened(&flow.commodity.label().to_lowercase()),
        super::shortened(scenario.actor_name(&flow.supplier)),
        percent(flow.share),
        period.describe(),
        percent(flow.share * covered),
        percent(covered),
    )
}

/// The first and last years a period covers whole (open ends as the extremes), if any.
fn whole_year_range(period: crate::model::Period<'_>) -> Option<(i32, i32)> {
    if let Some(year) = period.year {
        return Some((year, year));
    }
    let first = match period.from_date() {
        None => i32::MIN,
        Some(from) if from.first_day() == (from.year, 1, 1) => from.year,
        Some(from) => from.year.checked_add(1)?,
    };
    let last = match period.until_date() {
        None => i32::MAX,
        Some(until) if until.last_day() == (until.year, 12, 31) => until.year,
        Some(until) => until.year.checked_sub(1)?,
    };
    (first <= last).then_some((first, last))
}

/// Ranges sorted and joined where they overlap or touch.
fn merged(mut ranges: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    ranges.sort_unstable();
    let mut joined: Vec<(i32, i32)> = Vec::with_capacity(ranges.len());
    for (first, last) in ranges {
        match joined.last_mut() {
            Some(previous) if first <= previous.1.saturating_add(1) => previous.1 = previous.1.max(last),
            _ => joined.push((first, last)),
        }
    }
    joined
}

/// Whether sorted, merged `ranges` hold `year`.
fn covers(ranges: &[(i32, i32)], year: i32) -> bool {
    let after = ranges.partition_point(|&(first, _)| first <= year);
    after > 0 && ranges[after - 1].1 >= year
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(text: &str) -> Vec<Diagnostic> {
        let scenario = crate::io::parse_scenario(text).expect("parses");
        let mut found = Vec::new();
        check_part_year_figures(&scenario, &mut found);
        found
    }

    const ACTORS: &str =
        r#"actors: [Actor(id: "RUS", name: "Russia", kind: State), Actor(id: "AUT", name: "Austria", kind: State)],"#;

    #[test]
    fn whole_years_are_found_by_ranges() {
        assert_eq!(merged(vec![(2023, 2023), (2020, 2021), (2022, 2022), (2030, 2031)]), [(2020, 2023), (2030, 2031)]);
        let ranges = merged(vec![(2020, 2021), (2025, i32::MAX)]);
        assert!(covers(&ranges, 2020) && covers(&ranges, 2021) && covers(&ranges, 2090));
        assert!(!covers(&ranges, 2019) && !covers(&ranges, 2022));
        let period = |from, until| crate::model::Period { year: None, from, until };
        assert_eq!(whole_year_range(period(Some("2021-01-01"), Some("2023-12-31"))), Some((2021, 2023)));
        assert_eq!(whole_year_range(period(Some("2021-03"), Some("2023-06"))), Some((2022, 2022)));
        assert_eq!(whole_year_range(period(Some("2023-12"), Some("2023-12-31"))), None);
        assert_eq!(whole_year_range(period(None, Some("2022"))), Some((i32::MIN, 2022)));
    }

    #[test]
    fn a_month_alone_is_warned_of_and_a_month_beside_a_whole_year_is_not() {
        let december = r#"EnergyFlow(supplier: "RUS", consumer: "AUT", commodity: Gas, share: 0.98, basis: Imports, from: "2023-12", until: "2023-12-31")"#;
        let alone = warnings(&format!("Scenario(format: 1, title: \"t\", {ACTORS} energy: [{december}])"));
        assert_eq!(alone.len(), 1, "{alone:?}");
        assert_eq!(alone[0].path, "energy[0]");
        assert_eq!(
            alone[0].message,
            "Austria's gas from Russia in 2023 rests only on part-year records: 98% for Dec 2023 counts as 8.3% of \
             the year (8.5% of its days)"
        );
        let year =
            r#"EnergyFlow(supplier: "RUS", consumer: "AUT", commodity: Gas, share: 0.6, basis: Imports, year: 2023)"#;
        // A name of a million characters is cut, as in every other message.
        let long = "N".repeat(1_000_000);
        let huge = format!(
            r#"Scenario(format: 1, title: "t", actors: [Actor(id: "RUS", name: "{long}", kind: State), Actor(id: "AUT", name: "Austria", kind: State)], energy: [{december}])"#
        );
        let cut = warnings(&huge);
        assert!(
            cut[0].message.len() < 400 && cut[0].message.contains("(1000000 characters)"),
            "{}",
            cut[0].message.len()
        );
        let beside = warnings(&format!("Scenario(format: 1, title: \"t\", {ACTORS} energy: [{december}, {year}])"));
        assert!(beside.is_empty(), "{beside:?}");
        let spanning = r#"EnergyFlow(supplier: "RUS", consumer: "AUT", commodity: Gas, share: 0.6, from: "2021-01-01", until: "2023-12-31")"#;
        let whole = warnings(&format!("Scenario(format: 1, title: \"t\", {ACTORS} energy: [{spanning}])"));
        assert!(whole.is_empty(), "{whole:?}");
    }
}
