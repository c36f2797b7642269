//! Shares over time: how much of each consumer's commodity came from one supplier in each year of the file.

use crate::model::{Commodity, Scenario};

use super::Dependence;

/// One consumer's line: a point for every year in which some record gives its share.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub consumer: String,
    pub points: Vec<(i32, Dependence)>,
}

/// A series per consumer of `supplier`'s `commodity` in any year (own production excluded), limited to `only`
/// when it is not empty; ordered by name.
pub fn share_over_time(scenario: &Scenario, supplier: &str, commodity: &Commodity, only: &[String]) -> Vec<Series> {
    let mut consumers: Vec<&str> = scenario
        .energy
        .iter()
        .filter(|flow| flow.supplier == supplier && flow.consumer != supplier && flow.commodity == *commodity)
        .map(|flow| flow.consumer.as_str())
        .filter(|consumer| only.is_empty() || only.iter().any(|wanted| wanted == consumer))
        .collect();
    consumers.sort_by(|a, b| crate::format::natural_cmp(scenario.actor_name(a), scenario.actor_name(b)));
    consumers.dedup();
    let years = scenario.years();
    consumers
        .into_iter()
        .map(|consumer| Series {
            consumer: consumer.to_owned(),
            points: years
                .iter()
                .filter_map(|&year| Some((year, super::dependence(scenario, supplier, consumer, commodity, year)?)))
                .collect(),
        })
        .filter(|series| !series.points.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_scenarios::{flow, small};
    use super::*;

    fn shares(series: &Series) -> Vec<(i32, f64)> {
        series.points.iter().map(|(year, dependence)| (*year, dependence.share)).collect()
    }

    #[test]
    fn each_consumer_gets_a_point_per_year_with_a_record() {
        let scenario = small();
        let series = share_over_time(&scenario, "RUS", &Commodity::Gas, &[]);
        let consumers: Vec<&str> = series.iter().map(|series| series.consumer.as_str()).collect();
        assert_eq!(consumers, ["BGR", "HUN", "SRB"], "ordered by name: Bulgaria, Hungary, Serbia");
        assert_eq!(shares(&series[0]), [(2021, 0.77)]);
        assert_eq!(shares(&series[2]), [(2021, 0.80), (2023, 0.85)]);
    }

    #[test]
    fn a_period_record_gives_a_point_in_every_year_it_covers() {
        let mut scenario = small();
        let mut lasting = flow("RUS", "HUN", 0.5, 2022);
        lasting.year = None;
        lasting.from = Some("2021-06".to_owned());
        lasting.until = Some("2022".to_owned());
        scenario.energy.push(lasting);
        scenario.energy.push(flow("AZE", "AZE", 1.0, 2022));
        let series = share_over_time(&scenario, "RUS", &Commodity::Gas, &["HUN".to_owned()]);
        assert_eq!(series.len(), 1);
        // From June 2021 it covers 214 of 2021's 365 days, and counts for that part of the year.
        assert_eq!(shares(&series[0]), [(2021, 0.5 * 214.0 / 365.0), (2022, 0.5), (2023, 0.65)]);
    }
}
