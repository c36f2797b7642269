//! Dependence measures: for each consumer and commodity in a year, its suppliers' shares, the top supplier, and
//! how concentrated its supply is (the Herfindahl–Hirschman index).

use std::collections::HashMap;

use serde::Serialize;

use crate::charts::{flows_in, prefer_consumption_shares};
use crate::model::{Commodity, Dated, Reliability, Scenario, ShareBasis, SourceGrades};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplierShare {
    pub supplier: String,
    /// The share as it counts for the year: a record of part of the year weighted by the part it covers.
    pub share: f64,
    /// Indices of the energy records summed.
    pub records: Vec<usize>,
    /// What the part-year records among them say as filed, with their periods: "98% in Dec 2023".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub part_year: Vec<String>,
    /// The grade of the sources the share rests on: each record rests on its best-graded source, and the share
    /// on its weakest record (see `model::SourceGrades`).
    pub grade: Reliability,
}

impl SupplierShare {
    /// The share in words: "Russia 8%", or "Russia 8% (98% in Dec 2023)" when it rests on part of the year.
    pub fn words(&self, name: &str) -> String {
        let share = crate::format::percent(self.share);
        // A file may hold hundreds of part-year records for one pair: three are named, the rest counted.
        const NAMED: usize = 3;
        let mut named = self.part_year.iter().take(NAMED).cloned().collect::<Vec<_>>().join(", ");
        if self.part_year.len() > NAMED {
            named.push_str(&format!(" and {} more", self.part_year.len() - NAMED));
        }
        match self.part_year.is_empty() {
            true => format!("{name} {share}"),
            false => format!("{name} {share} ({named})"),
        }
    }
}

/// One consumer's supply of one commodity in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dependence {
    pub consumer: String,
    pub commodity: Commodity,
    pub basis: ShareBasis,
    pub year: i32,
    /// Suppliers (own production included, as the consumer itself), largest share first.
    pub suppliers: Vec<SupplierShare>,
    /// Concentration from 0 (many small suppliers) to 10,000 (one supplier of everything): the sum of the
    /// squared percentage shares.
    pub hhi: f64,
    /// How much of the consumer's supply its records account for: the sum of the shares, at most 1. The rest has
    /// no record: it may be one supplier or many.
    pub coverage: f64,
    /// Whether `hhi` is only a lower bound: the records cover less than [`FULL_COVERAGE`], and an unrecorded rest
    /// can only add to the index (from one big supplier) or leave it (from many small ones).
    pub hhi_lower_bound: bool,
}

/// The share of a consumer's supply its records must cover for its HHI to be taken as it is.
pub const FULL_COVERAGE: f64 = 0.9;

impl Dependence {
    /// The largest supplier with a share above zero: a record of a 0% share names no supplier of anything.
    pub fn top(&self) -> Option<&SupplierShare> {
        self.suppliers.first().filter(|top| top.share > 0.0)
    }

    /// "records cover 65% of Hungary's gas"-style words for the coverage: "records cover 65%".
    pub fn coverage_words(&self) -> String {
        format!("records cover {}", crate::format::percent(self.coverage))
    }

    /// The index as it may be stated: "7,450"; "at least 4,225" when the records cover too little; "unknown"
    /// when they cover nothing.
    pub fn hhi_words(&self) -> String {
        let index = crate::format::thousands(self.hhi.round());
        match (self.coverage > 0.0, self.hhi_lower_bound) {
            (false, _) => "unknown".to_owned(),
            (true, true) => format!("at least {index}"),
            (true, false) => index,
        }
    }

    /// The share from `supplier`, zero when it supplies nothing.
    /// The weakest grade among the suppliers' shares: what the row as a whole (its HHI) rests on.
    pub fn weakest_grade(&self) -> Option<Reliability> {
        self.suppliers.iter().map(|share| share.grade).max()
    }

    pub fn share_from(&self, supplier: &str) -> f64 {
        self.suppliers.iter().find(|share| share.supplier == supplier).map_or(0.0, |share| share.share)
    }
}

/// The Herfindahl–Hirschman index of shares given as fractions: Σ (100 · share)².
pub fn hhi(shares: impl IntoIterator<Item = f64>) -> f64 {
    shares.into_iter().map(|share| (share * 100.0).powi(2)).sum()
}

/// Every consumer's dependence for every commodity in `year`, by consumer name then commodity. Shares of
/// consumption are used; shares of imports only for a consumer and commodity with none of consumption.
pub fn dependences(scenario: &Scenario, year: i32) -> Vec<Dependence> {
    let grades = SourceGrades::of(scenario);
    let mut groups: Vec<Dependence> = Vec::new();
    // Each group's place by consumer, commodity and basis: a linear search was quadratic in the file's size.
    let mut group_index: HashMap<(String, Commodity, ShareBasis), usize> = HashMap::new();
    for (record, flow) in flows_in(scenario, year) {
        let key = (flow.consumer.clone(), flow.commodity.clone(), flow.basis);
        let group = match group_index.get(&key) {
            Some(&index) => &mut groups[index],
            None => {
                group_index.insert(key, groups.len());
                groups.push(Dependence {
                    consumer: flow.consumer.clone(),
                    commodity: flow.commodity.clone(),
                    basis: flow.basis,
                    year,
                    suppliers: Vec::new(),
                    hhi: 0.0,
                    coverage: 0.0,
                    hhi_lower_bound: true,
                });
                groups.last_mut().expect("just pushed")
            }
        };
        let filed = &scenario.energy[record];
        let grade = grades.best(&filed.sources);
        let part_year = filed
            .period()
            .is_part_of(year)
            .then(|| format!("{} in {}", crate::format::percent(filed.share), filed.period().describe()));
        match group.suppliers.iter_mut().find(|share| share.supplier == flow.supplier) {
            Some(share) => {
                share.share += flow.share;
                share.records.push(record);
                share.part_year.extend(part_year);
                share.grade = share.grade.max(grade);
            }
            None => group.suppliers.push(SupplierShare {
                supplier: flow.supplier.clone(),
                share: flow.share,
                records: vec![record],
                part_year: part_year.into_iter().collect(),
                grade,
            }),
        }
    }
    let kept: Vec<Dependence> =
        prefer_consumption_shares(groups, |group| (group.consumer.as_str(), &group.commodity, group.basis))
            .into_iter()
            .map(|mut group| {
                group.suppliers.sort_by(|a, b| b.share.total_cmp(&a.share).then_with(|| a.supplier.cmp(&b.supplier)));
                group.hhi = hhi(group.suppliers.iter().map(|share| share.share));
                group.coverage = group.suppliers.iter().map(|share| share.share).sum::<f64>().clamp(0.0, 1.0);
                group.hhi_lower_bound = group.coverage < FULL_COVERAGE - 1e-9;
                group
            })
            .collect();
    let mut kept = kept;
    kept.sort_by(|a, b| {
        scenario
            .actor_name(&a.consumer)
            .cmp(scenario.actor_name(&b.consumer))
            .then_with(|| a.commodity.cmp(&b.commodity))
    });
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_scenarios::{flow, small};

    #[test]
    fn a_months_figure_counts_for_its_part_of_the_year_and_gives_way_to_a_whole_years() {
        let mut scenario = small();
        let mut december = flow("RUS", "AUT", 0.98, 2023);
        (december.year, december.from, december.until) = (None, Some("2023-12".into()), Some("2023-12-31".into()));
        scenario.energy.push(december);
        let austria = |scenario: &Scenario| {
            dependences(scenario, 2023).into_iter().find(|dependence| dependence.consumer == "AUT").expect("Austria")
        };
        let alone = austria(&scenario);
        let expected = 0.98 * 31.0 / 365.0;
        assert!((alone.share_from("RUS") - expected).abs() < 1e-12, "{}", alone.share_from("RUS"));
        assert!(alone.hhi_lower_bound, "8% of the year covered: the index is a lower bound");
        let top = alone.top().expect("Russia");
        assert_eq!(top.part_year, ["98% in Dec 2023"]);
        assert_eq!(top.words("Russia"), "Russia 8.3% (98% in Dec 2023)");
        let many = SupplierShare { part_year: vec!["1% in Jan 2023".to_owned(); 5], ..top.clone() };
        assert!(many.words("Russia").ends_with("1% in Jan 2023 and 2 more)"), "{}", many.words("Russia"));
        // Beside a record of the whole year, the month is left out rather than added.
        scenario.energy.push(flow("RUS", "AUT", 0.6, 2023));
        let beside = austria(&scenario);
        assert!((beside.share_from("RUS") - 0.6).abs() < 1e-12);
        assert!(beside.top().expect("Russia").part_year.is_empty());
        assert_eq!(beside.suppliers[0].records.len(), 1);
    }

    #[test]
    fn hhi_runs_from_spread_to_single_supplier() {
        assert_eq!(hhi([1.0]), 10_000.0);
        assert!((hhi([0.85, 0.15]) - 7_450.0).abs() < 1e-9, "85² + 15²");
        assert!((hhi([0.25; 4]) - 2_500.0).abs() < 1e-9);
        assert_eq!(hhi([]), 0.0);
    }

    #[test]
    fn each_consumer_gets_its_suppliers_top_share_and_concentration() {
        let scenario = small();
        let found = dependences(&scenario, 2023);
        let consumers: Vec<&str> = found.iter().map(|dependence| dependence.consumer.as_str()).collect();
        assert_eq!(consumers, ["BGR", "HUN", "SRB"], "by name: Bulgaria, Hungary, Serbia");
        let serbia = &found[2];
        assert_eq!(serbia.top().unwrap().supplier, "RUS");
        assert!((serbia.hhi - 7_450.0).abs() < 1e-9);
        assert!((serbia.share_from("RUS") - 0.85).abs() < 1e-12);
        assert_eq!(serbia.share_from("AZE"), 0.0);
        assert!((found[1].hhi - 4_225.0).abs() < 1e-9, "Hungary: 65² with the rest unknown");
    }

    #[test]
    fn coverage_says_how_much_supply_the_records_account_for_and_bounds_the_index() {
        let found = dependences(&small(), 2023);
        // Serbia: Russia 85% and its own 15% cover all of its gas; Hungary: Russia's 65% alone.
        let (hungary, serbia) = (&found[1], &found[2]);
        assert!((serbia.coverage - 1.0).abs() < 1e-12 && !serbia.hhi_lower_bound);
        assert_eq!(serbia.hhi_words(), "7,450");
        assert!((hungary.coverage - 0.65).abs() < 1e-12 && hungary.hhi_lower_bound);
        assert_eq!(hungary.coverage_words(), "records cover 65%");
        assert_eq!(hungary.hhi_words(), "at least 4,225");
    }

    #[test]
    fn a_zero_share_names_no_top_supplier_and_no_index() {
        let mut scenario = small();
        scenario.energy.push(flow("RUS", "HRV", 0.0, 2023));
        let found = dependences(&scenario, 2023);
        let croatia = found.iter().find(|dependence| dependence.consumer == "HRV").expect("Croatia has a record");
        assert!(croatia.top().is_none(), "a 0% share makes no supplier top");
        assert_eq!(croatia.coverage, 0.0);
        assert_eq!(croatia.hhi_words(), "unknown");
    }

    #[test]
    fn import_shares_are_used_only_where_consumption_shares_are_missing() {
        let mut scenario = small();
        let mut imports = flow("RUS", "SRB", 1.0, 2023);
        imports.basis = ShareBasis::Imports;
        scenario.energy.push(imports);
        let mut turkey = flow("RUS", "TUR", 0.42, 2023);
        turkey.basis = ShareBasis::Imports;
        scenario.energy.push(turkey);
        let found = dependences(&scenario, 2023);
        let serbia: Vec<&Dependence> = found.iter().filter(|dependence| dependence.consumer == "SRB").collect();
        assert_eq!(serbia.len(), 1);
        assert_eq!(serbia[0].basis, ShareBasis::Consumption);
        assert!(found.iter().any(|dependence| dependence.consumer == "TUR" && dependence.basis == ShareBasis::Imports));
    }
}
