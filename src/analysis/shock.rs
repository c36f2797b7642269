//! Supply shocks: what each consumer loses if a supplier stops supplying (one commodity or all), a transit
//! country closes, or a named route shuts. A flow is lost when its supplier is cut, or when its route passes
//! through the closed country (its `via` list) or is the closed route.

use serde::Serialize;

use crate::charts::{flows_in, prefer_consumption_shares};
use crate::model::{Commodity, EnergyFlow, Scenario, ShareBasis, same_route};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Disruption {
    /// The supplier stops supplying `commodity` (every commodity when `None`).
    CutSupplier { supplier: String, commodity: Option<Commodity> },
    /// Nothing passes through this transit country any more.
    CloseTransit { actor: String },
    /// This named route shuts (compared without regard to letter case).
    CloseRoute { route: String },
}

impl Disruption {
    pub fn hits(&self, flow: &EnergyFlow) -> bool {
        match self {
            Disruption::CutSupplier { supplier, commodity } => {
                flow.supplier == *supplier
                    && flow.consumer != *supplier
                    && commodity.as_ref().is_none_or(|commodity| flow.commodity == *commodity)
            }
            Disruption::CloseTransit { actor } => flow.via.iter().any(|transit| transit == actor),
            Disruption::CloseRoute { route } => flow.route.as_deref().is_some_and(|named| same_route(named, route)),
        }
    }

    /// "Russia stops supplying gas", "Bulgaria closes to transit", "TurkStream shuts".
    pub fn describe(&self, scenario: &Scenario) -> String {
        match self {
            Disruption::CutSupplier { supplier, commodity: Some(commodity) } => {
                format!("{} stops supplying {}", scenario.actor_name(supplier), commodity.label().to_lowercase())
            }
            Disruption::CutSupplier { supplier, commodity: None } => {
                format!("{} stops supplying energy", scenario.actor_name(supplier))
            }
            Disruption::CloseTransit { actor } => format!("{} closes to transit", scenario.actor_name(actor)),
            Disruption::CloseRoute { route } => format!("the {route} route shuts"),
        }
    }
}

/// What one consumer loses of one commodity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loss {
    pub consumer: String,
    pub commodity: Commodity,
    pub basis: ShareBasis,
    /// The share of the consumer's supply (on `basis`) that the disruption cuts off.
    pub lost_share: f64,
    /// The records cut off.
    pub records: Vec<usize>,
}

/// Every consumer's loss in `year`, largest first (then by name). Shares of consumption are used; shares of
/// imports only for a consumer and commodity with no record of consumption shares hit.
pub fn shock(scenario: &Scenario, disruption: &Disruption, year: i32) -> Vec<Loss> {
    let mut losses: Vec<Loss> = Vec::new();
    for (record, flow) in flows_in(scenario, year).filter(|(_, flow)| disruption.hits(flow)) {
        let key = |loss: &Loss| {
            loss.consumer == flow.consumer && loss.commodity == flow.commodity && loss.basis == flow.basis
        };
        match losses.iter_mut().find(|loss| key(loss)) {
            Some(loss) => {
                loss.lost_share += flow.share;
                loss.records.push(record);
            }
            None => losses.push(Loss {
                consumer: flow.consumer.clone(),
                commodity: flow.commodity.clone(),
                basis: flow.basis,
                lost_share: flow.share,
                records: vec![record],
            }),
        }
    }
    let mut kept = prefer_consumption_shares(losses, |loss| (loss.consumer.as_str(), &loss.commodity, loss.basis));
    for loss in &mut kept {
        loss.lost_share = loss.lost_share.min(1.0);
    }
    kept.sort_by(|a, b| {
        b.lost_share
            .total_cmp(&a.lost_share)
            .then_with(|| scenario.actor_name(&a.consumer).cmp(scenario.actor_name(&b.consumer)))
    });
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Scenario {
        crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads")
    }

    fn lost(losses: &[Loss], consumer: &str, commodity: Commodity) -> Option<f64> {
        losses.iter().find(|loss| loss.consumer == consumer && loss.commodity == commodity).map(|loss| loss.lost_share)
    }

    #[test]
    fn closing_bulgaria_to_transit_cuts_the_russian_gas_of_serbia_and_bosnia() {
        let scenario = bundled();
        let losses = shock(&scenario, &Disruption::CloseTransit { actor: "BGR".into() }, 2023);
        assert_eq!(lost(&losses, "SRB", Commodity::Gas), Some(0.62), "Serbia's 62% Russian gas runs through Bulgaria");
        assert_eq!(lost(&losses, "BIH", Commodity::Gas), Some(1.0));
        assert_eq!(lost(&losses, "HUN", Commodity::Gas), Some(0.65), "Hungary's TurkStream gas too");
        assert_eq!(lost(&losses, "SRB", Commodity::Oil), None, "Serbia's oil comes through Croatia");
        assert_eq!(losses[0].consumer, "BIH", "the largest loss first");
    }

    #[test]
    fn cutting_a_supplier_spares_other_commodities_and_own_production() {
        let scenario = crate::charts::test_scenarios::small();
        let cut = Disruption::CutSupplier { supplier: "RUS".into(), commodity: Some(Commodity::Oil) };
        assert!(shock(&scenario, &cut, 2023).is_empty(), "no oil in the small scenario");
        let cut = Disruption::CutSupplier { supplier: "SRB".into(), commodity: None };
        assert!(shock(&scenario, &cut, 2023).is_empty(), "Serbia's own production is not a supply it can cut");
        let cut = Disruption::CutSupplier { supplier: "RUS".into(), commodity: None };
        let losses = shock(&scenario, &cut, 2023);
        assert_eq!(
            losses.iter().map(|loss| (loss.consumer.as_str(), loss.lost_share)).collect::<Vec<_>>(),
            [("SRB", 0.85), ("HUN", 0.65)]
        );
    }

    #[test]
    fn closing_a_named_route_ignores_letter_case() {
        let scenario = crate::charts::test_scenarios::small();
        let losses = shock(&scenario, &Disruption::CloseRoute { route: "balkan stream".into() }, 2023);
        assert_eq!(losses.len(), 1);
        assert_eq!(losses[0].records, [0]);
        assert_eq!(
            Disruption::CloseRoute { route: "TurkStream".into() }.describe(&scenario),
            "the TurkStream route shuts"
        );
    }
}
