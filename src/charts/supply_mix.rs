//! Supply mix: where each consumer's commodity comes from in one year, supplier by supplier, with the share no
//! record accounts for shown as "other / unknown".

use crate::model::{Commodity, Scenario, ShareBasis, Volume};

/// One stacked bar: a consumer's use of one commodity (on one basis) split by supplier.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplyMix {
    pub consumer: String,
    pub commodity: Commodity,
    pub basis: ShareBasis,
    /// One segment per record, largest share first.
    pub segments: Vec<Segment>,
    /// The share no record accounts for (zero when the records sum to one or more).
    pub remainder: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub supplier: String,
    pub share: f64,
    pub volume: Option<Volume>,
    /// Index of the energy record.
    pub record: usize,
}

impl Segment {
    pub fn is_own_production(&self, mix: &SupplyMix) -> bool {
        self.supplier == mix.consumer
    }
}

/// The supply mixes of each consumer in `year`, in the order the consumers are given, then by commodity and basis.
pub fn supply_mix(scenario: &Scenario, consumers: &[String], year: i32) -> Vec<SupplyMix> {
    let mut mixes = Vec::new();
    for consumer in consumers {
        let mut own: Vec<SupplyMix> = Vec::new();
        for (record, flow) in super::flows_in(scenario, year).filter(|(_, flow)| flow.consumer == *consumer) {
            let segment = Segment { supplier: flow.supplier.clone(), share: flow.share, volume: flow.volume, record };
            match own.iter_mut().find(|mix| mix.commodity == flow.commodity && mix.basis == flow.basis) {
                Some(mix) => mix.segments.push(segment),
                None => own.push(SupplyMix {
                    consumer: consumer.clone(),
                    commodity: flow.commodity.clone(),
                    basis: flow.basis,
                    segments: vec![segment],
                    remainder: 0.0,
                }),
            }
        }
        for mix in &mut own {
            mix.segments.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.record.cmp(&b.record)));
            let total: f64 = mix.segments.iter().map(|segment| segment.share).sum();
            mix.remainder = (1.0 - total).max(0.0);
        }
        own.sort_by(|a, b| a.commodity.cmp(&b.commodity).then(a.basis.cmp(&b.basis)));
        mixes.extend(own);
    }
    mixes
}

/// Consumers worth offering when nothing is selected: those with the most records in `year`, most first, then
/// by id in natural order ("S2" before "S10").
pub fn default_consumers(scenario: &Scenario, year: i32) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for (record, _) in super::flows_in(scenario, year) {
        *counts.entry(scenario.energy[record].consumer.as_str()).or_default() += 1;
    }
    let mut consumers: Vec<(&str, usize)> = counts.into_iter().collect();
    consumers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| crate::format::natural_cmp(a.0, b.0)));
    consumers.into_iter().map(|(id, _)| id.to_owned()).collect()
}

/// The bars `share` of the way from one year's mixes to the next's, for the change of year to ease in: each
/// supplier's segment grows or shrinks from its old length to its new (from or to nothing when it is in one year
/// only), and so does the remainder. Bars of the new year only grow from nothing.
pub fn between(before: &[SupplyMix], after: &[SupplyMix], share: f64) -> Vec<SupplyMix> {
    let mix = |old: f64, new: f64| old + (new - old) * share;
    after
        .iter()
        .map(|new| {
            let same_bar = |old: &&SupplyMix| {
                old.consumer == new.consumer && old.commodity == new.commodity && old.basis == new.basis
            };
            let old = before.iter().find(same_bar);
            let old_share = |supplier: &str| {
                old.and_then(|old| old.segments.iter().find(|segment| segment.supplier == supplier))
                    .map_or(0.0, |segment| segment.share)
            };
            let mut segments: Vec<Segment> = (new.segments.iter())
                .map(|segment| Segment { share: mix(old_share(&segment.supplier), segment.share), ..segment.clone() })
                .collect();
            let leaving = old.into_iter().flat_map(|old| &old.segments);
            for segment in leaving.filter(|old| !new.segments.iter().any(|kept| kept.supplier == old.supplier)) {
                segments.push(Segment { share: mix(segment.share, 0.0), ..segment.clone() });
            }
            let remainder = mix(old.map_or(0.0, |old| old.remainder), new.remainder);
            SupplyMix { segments, remainder, ..new.clone() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_scenarios::small;
    use super::*;

    #[test]
    fn segments_come_largest_first_and_the_rest_is_unknown() {
        let scenario = small();
        let mixes = supply_mix(&scenario, &["SRB".to_owned()], 2023);
        assert_eq!(mixes.len(), 1);
        let mix = &mixes[0];
        assert_eq!(mix.commodity, Commodity::Gas);
        let suppliers: Vec<&str> = mix.segments.iter().map(|segment| segment.supplier.as_str()).collect();
        assert_eq!(suppliers, ["RUS", "SRB"]);
        assert!(mix.segments[1].is_own_production(mix));
        assert!(mix.remainder.abs() < 1e-9, "85% + 15% leaves nothing unknown");
    }

    #[test]
    fn a_partial_mix_leaves_a_remainder_and_other_years_are_left_out() {
        let scenario = small();
        let mixes = supply_mix(&scenario, &["BGR".to_owned(), "HUN".to_owned()], 2023);
        assert_eq!(mixes.len(), 2);
        assert_eq!(mixes[0].consumer, "BGR");
        assert_eq!(mixes[0].segments.len(), 1, "Russia's 2021 flow to Bulgaria does not apply in 2023");
        assert!((mixes[0].remainder - 0.67).abs() < 1e-9);
        assert!((mixes[1].remainder - 0.35).abs() < 1e-9);
    }

    #[test]
    fn shares_above_one_leave_no_negative_remainder() {
        let mut scenario = small();
        scenario.energy.push(super::super::test_scenarios::flow("AZE", "SRB", 0.2, 2023));
        let mixes = supply_mix(&scenario, &["SRB".to_owned()], 2023);
        assert_eq!(mixes[0].remainder, 0.0);
    }

    #[test]
    fn default_consumers_have_most_records_first() {
        let scenario = small();
        assert_eq!(default_consumers(&scenario, 2023), ["SRB", "BGR", "HUN"]);
    }

    #[test]
    fn consumers_with_as_many_records_come_in_natural_order() {
        let mut scenario = small();
        scenario.energy =
            ["S10", "S2", "S1"].iter().map(|id| super::super::test_scenarios::flow("RUS", id, 0.5, 2023)).collect();
        assert_eq!(default_consumers(&scenario, 2023), ["S1", "S2", "S10"]);
    }

    #[test]
    fn bars_ease_from_one_years_shares_to_the_next() {
        let segment =
            |supplier: &str, share: f64| Segment { supplier: supplier.into(), share, volume: None, record: 0 };
        let bar = |segments: Vec<Segment>, remainder: f64| SupplyMix {
            consumer: "SRB".into(),
            commodity: Commodity::Gas,
            basis: ShareBasis::Consumption,
            segments,
            remainder,
        };
        let before = [bar(vec![segment("RUS", 0.2), segment("HUN", 0.4)], 0.4)];
        let after = [bar(vec![segment("RUS", 0.6), segment("AZE", 0.2)], 0.2)];
        let halfway = between(&before, &after, 0.5);
        let rounded = |share: f64| (share * 1e9).round() / 1e9;
        let shares: Vec<(&str, f64)> =
            halfway[0].segments.iter().map(|segment| (segment.supplier.as_str(), rounded(segment.share))).collect();
        assert_eq!(shares, [("RUS", 0.4), ("AZE", 0.1), ("HUN", 0.2)], "grown, arriving and leaving");
        assert!((halfway[0].remainder - 0.3).abs() < 1e-12);
        assert_eq!(between(&before, &after, 1.0)[0].segments[..2], after[0].segments[..]);
        assert_eq!(between(&[], &after, 0.25)[0].segments[0].share, 0.15, "a new bar grows from nothing");
    }
}
