//! Exposure ranking: for one supplier and commodity, how dependent each of its consumers is in one year.

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
    let mut consumers: Vec<&str> = super::flows_in(scenario, year)
        .filter(|(_, flow)| flow.supplier == supplier && flow.consumer != supplier && flow.commodity == *commodity)
        .map(|(_, flow)| flow.consumer.as_str())
        .collect();
    consumers.sort_unstable();
    consumers.dedup();
    let mut ranking: Vec<Exposure> = consumers
        .into_iter()
        .filter_map(|consumer| {
            let dependence = super::dependence(scenario, supplier, consumer, commodity, year)?;
            Some(Exposure { consumer: consumer.to_owned(), dependence })
        })
        .collect();
    ranking.sort_by(|a, b| {
        b.dependence
            .share
            .total_cmp(&a.dependence.share)
            .then_with(|| scenario.actor_name(&a.consumer).cmp(scenario.actor_name(&b.consumer)))
    });
    ranking
}

/// How many consumers are at or above `threshold`.
pub fn count_at_or_above(ranking: &[Exposure], threshold: f64) -> usize {
    ranking.iter().filter(|exposure| exposure.dependence.share >= threshold - 1e-12).count()
}

#[cfg(test)]
mod tests {
    use super::super::test_scenarios::{flow, small};
    use super::*;

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
}
