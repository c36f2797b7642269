//! A year's figure that rests only on records of part of that year (a month's share) is counted weighted by the
//! part it covers (see `charts::flows_in`): `check` says so, since the year's share may have been quite another.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::format::percent;
use crate::model::{Commodity, Dated, Scenario, ShareBasis};

pub(super) fn check_part_year_figures(scenario: &Scenario, found: &mut Vec<Diagnostic>) {
    let mut by_pair: HashMap<(&str, &str, &Commodity, ShareBasis), Vec<usize>> = HashMap::new();
    for (index, flow) in scenario.energy.iter().enumerate() {
        by_pair.entry((&flow.supplier, &flow.consumer, &flow.commodity, flow.basis)).or_default().push(index);
    }
    for (index, flow) in scenario.energy.iter().enumerate() {
        let period = flow.period();
        // Only a period's first and last years can be covered in part.
        let mut years: Vec<i32> = period.named_years();
        years.sort_unstable();
        years.dedup();
        for year in years.into_iter().filter(|&year| period.is_part_of(year)) {
            let pair = &by_pair[&(flow.supplier.as_str(), flow.consumer.as_str(), &flow.commodity, flow.basis)];
            let whole_year = pair.iter().any(|&other| scenario.energy[other].period().share_of_year(year) >= 1.0);
            if whole_year {
                continue;
            }
            let covered = period.share_of_year(year);
            let message = format!(
                "{}'s {} from {} in {year} rests only on part-year records: {} for {} counts as {} of the year \
                 ({} of its days)",
                scenario.actor_name(&flow.consumer),
                flow.commodity.label().to_lowercase(),
                scenario.actor_name(&flow.supplier),
                percent(flow.share),
                period.describe(),
                percent(flow.share * covered),
                percent(covered),
            );
            found.push(Diagnostic::warning(format!("energy[{index}]"), message));
        }
    }
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
        let beside = warnings(&format!("Scenario(format: 1, title: \"t\", {ACTORS} energy: [{december}, {year}])"));
        assert!(beside.is_empty(), "{beside:?}");
        let spanning = r#"EnergyFlow(supplier: "RUS", consumer: "AUT", commodity: Gas, share: 0.6, from: "2021-01-01", until: "2023-12-31")"#;
        let whole = warnings(&format!("Scenario(format: 1, title: \"t\", {ACTORS} energy: [{spanning}])"));
        assert!(whole.is_empty(), "{whole:?}");
    }
}
