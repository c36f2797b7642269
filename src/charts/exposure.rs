//! Exposure ranking: for one supplier and commodity, how dependent each of its consumers is in one year.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Commodity, Scenario};

use super::Dependence;

#[derive(Debug, Clone, PartialEq)]
pub struct Exposure {
    pub consumer: String,
    pub dependence: Dependence,
}

/// Every consumer of `supplier`'s `commodity` in `year` (own production excluded), most dependent first, then by
/// name.
pub fn exposure_ranking(scenario: &Scenario, supplier: &str, commodity: &Commodity, year: i32) -> Vec<Exposure> {
    // One pass over the year's flows, grouped by consumer: asking for each consumer's dependence in turn read
    // every flow once per consumer.
    let mut by_consumer: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for (record, flow) in super::flows_in(scenario, year)
        .filter(|(_, flow)| flow.supplier == supplier && flow.consumer != supplier && flow.commodity == *commodity)
    {
        by_consumer.entry(scenario.energy[record].consumer.as_str()).or_default().push((record, flow));
    }
    let mut ranking: Vec<Exposure> = by_consumer
        .into_iter()
        .filter_map(|(consumer, flows)| {
            let dependence = super::dependence_of(&flows)?;
            Some(Exposure { consumer: consumer.to_owned(), dependence })
        })
        .collect();
    sort_ranking(scenario, &mut ranking);
    ranking
}

/// Every supplier's ranking for every commodity it supplies in `year`, as `exposure_ranking` gives each, from one
/// pass over the year's flows: asking for each supplier in turn read every flow once per supplier (80 s for a
/// report on 5,000 states and 50,000 flows).
pub fn all_rankings(scenario: &Scenario, year: i32) -> HashMap<(String, Commodity), Vec<Exposure>> {
    let mut groups: BTreeMap<(&str, &Commodity, &str), Vec<_>> = BTreeMap::new();
    for (record, flow) in super::flows_in(scenario, year) {
        let filed = &scenario.energy[record];
        if filed.supplier != filed.consumer {
            groups
                .entry((filed.supplier.as_str(), &filed.commodity, filed.consumer.as_str()))
                .or_default()
                .push((record, flow));
        }
    }
    let mut rankings: HashMap<(String, Commodity), Vec<Exposure>> = HashMap::new();
    for ((supplier, commodity, consumer), flows) in groups {
        if let Some(dependence) = super::dependence_of(&flows) {
            let exposure = Exposure { consumer: consumer.to_owned(), dependence };
            rankings.entry((supplier.to_owned(), commodity.clone())).or_default().push(exposure);
        }
    }
    for ranking in rankings.values_mut() {
        sort_ranking(scenario, ranking);
    }
    rankings
}

/// Most dependent first, then by name.
fn sort_ranking(scenario: &Scenario, ranking: &mut [Exposure]) {
    ranking.sort_by(|a, b| {
        b.dependence
            .share
            .total_cmp(&a.dependence.share)
            .then_with(|| scenario.actor_name(&a.consumer).cmp(scenario.actor_name(&b.consumer)))
    });
}

/// How many consumers are at or above `threshold`.
pub fn count_at_or_above(ranking: &[Exposure], threshold: f64) -> usize {
    ranking.iter().filter(|exposure| exposure.dependence.share >= threshold - 1e-12).count()
}

/// One bar of the ranking as drawn: its consumer, its place (0: the top; between two ranks while a change of
/// year eases in) and its length as a share.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedBar {
    pub consumer: String,
    pub rank: f64,
    pub share: f64,
}

/// The bars `share` of the way (0 to 1) from one year's ranking to the next's: a consumer in both slides from its
/// old rank to its new and its bar grows or shrinks; one new in `after` grows from nothing at its rank; one gone
/// shrinks to nothing at its old rank (and is listed last). With `before` equal to `after`, the plain ranking.
pub fn bars_between(before: &[Exposure], after: &[Exposure], share: f64) -> Vec<RankedBar> {
    let mix = |old: f64, new: f64| old * (1.0 - share) + new * share;
    let old_rank: std::collections::HashMap<&str, usize> =
        before.iter().enumerate().map(|(rank, exposure)| (exposure.consumer.as_str(), rank)).collect();
    let mut bars: Vec<RankedBar> = (after.iter().enumerate())
        .map(|(rank, new)| {
            let old = old_rank.get(new.consumer.as_str()).map(|&old| (old, &before[old]));
            let (from_rank, from_share) = old.map_or((rank, 0.0), |(old, exposure)| (old, exposure.dependence.share));
            RankedBar {
                consumer: new.consumer.clone(),
                rank: mix(from_rank as f64, rank as f64),
                share: mix(from_share, new.dependence.share),
            }
        })
        .collect();
    let staying: std::collections::HashSet<&str> = after.iter().map(|exposure| exposure.consumer.as_str()).collect();
    for (rank, old) in before.iter().enumerate().filter(|(_, old)| !staying.contains(old.consumer.as_str())) {
        bars.push(RankedBar {
            consumer: old.consumer.clone(),
            rank: rank as f64,
            share: mix(old.dependence.share, 0.0),
        });
    }
    bars
}

#[cfg(test)]
mod tests {
    use super::super::test_scenarios::{flow, small};
    use super::*;

    #[test]
    fn all_rankings_in_one_pass_are_each_suppliers_own_ranking() {
        for bundled in &crate::library::BUNDLED {
            let scenario = crate::io::load_text(bundled.text).scenario.expect("loads");
            for year in scenario.years() {
                let mut all = all_rankings(&scenario, year);
                for supplier in crate::charts::suppliers(&scenario) {
                    for commodity in crate::charts::commodities(&scenario) {
                        let one = exposure_ranking(&scenario, &supplier, &commodity, year);
                        let key = (supplier.clone(), commodity.clone());
                        assert_eq!(
                            all.remove(&key).unwrap_or_default(),
                            one,
                            "{} {supplier} {year}",
                            bundled.file_name
                        );
                    }
                }
                assert!(all.is_empty(), "no ranking left over: {:?}", all.keys().collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn consumers_are_ranked_by_dependence() {
        let scenario = small();
        let ranking = exposure_ranking(&scenario, "RUS", &Commodity::Gas, 2023);
        let names: Vec<(&str, f64)> =
            ranking.iter().map(|exposure| (exposure.consumer.as_str(), exposure.dependence.share)).collect();
        assert_eq!(names, [("SRB", 0.85), ("HUN", 0.65)]);
        assert_eq!(count_at_or_above(&ranking, 0.5), 2);
        assert_eq!(count_at_or_above(&ranking, 0.85), 1);
    }

    #[test]
    fn own_production_and_other_commodities_are_not_exposure() {
        let mut scenario = small();
        let mut oil = flow("RUS", "AZE", 0.5, 2023);
        oil.commodity = Commodity::Oil;
        scenario.energy.push(oil);
        let serbia = exposure_ranking(&scenario, "SRB", &Commodity::Gas, 2023);
        assert!(serbia.is_empty());
        let gas = exposure_ranking(&scenario, "RUS", &Commodity::Gas, 2023);
        assert!(gas.iter().all(|exposure| exposure.consumer != "AZE"));
    }

    #[test]
    fn equal_shares_are_ordered_by_name() {
        let mut scenario = small();
        scenario.energy.push(flow("RUS", "BGR", 0.65, 2023));
        let ranking = exposure_ranking(&scenario, "RUS", &Commodity::Gas, 2023);
        let names: Vec<&str> = ranking.iter().map(|exposure| exposure.consumer.as_str()).collect();
        assert_eq!(names, ["SRB", "BGR", "HUN"], "Bulgaria before Hungary at 65% each");
    }

    fn exposure(consumer: &str, share: f64) -> Exposure {
        let dependence = super::super::Dependence { share, basis: Default::default(), records: Vec::new() };
        Exposure { consumer: consumer.to_owned(), dependence }
    }

    #[test]
    fn bars_slide_between_ranks_and_grow_between_shares() {
        // 2022: Serbia 0.9 above Hungary 0.6 and Greece 0.4; 2023: Hungary 0.8 above Serbia 0.5, Austria new at
        // 0.2, Greece gone.
        let before = [exposure("SRB", 0.9), exposure("HUN", 0.6), exposure("GRC", 0.4)];
        let after = [exposure("HUN", 0.8), exposure("SRB", 0.5), exposure("AUT", 0.2)];
        let halfway = bars_between(&before, &after, 0.5);
        let bar = |consumer: &str| halfway.iter().find(|bar| bar.consumer == consumer).expect("bar drawn").clone();
        assert_eq!((bar("HUN").rank, bar("SRB").rank), (0.5, 0.5));
        assert!((bar("HUN").share - 0.7).abs() < 1e-12 && (bar("SRB").share - 0.7).abs() < 1e-12);
        assert_eq!((bar("AUT").rank, bar("AUT").share), (2.0, 0.1));
        assert_eq!((bar("GRC").rank, bar("GRC").share), (2.0, 0.2));
        assert_eq!(halfway.last().map(|bar| bar.consumer.as_str()), Some("GRC"), "what leaves is listed last");
        // At the end, the new year's ranking exactly, and what left has no length.
        let end = bars_between(&before, &after, 1.0);
        let plain: Vec<(&str, f64, f64)> = end.iter().map(|bar| (bar.consumer.as_str(), bar.rank, bar.share)).collect();
        assert_eq!(plain, [("HUN", 0.0, 0.8), ("SRB", 1.0, 0.5), ("AUT", 2.0, 0.2), ("GRC", 2.0, 0.0)]);
    }
}
