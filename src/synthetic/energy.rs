//! Energy flows: where each consumer gets its gas, oil, coal and electricity from, year by year.
//!
//! A consumer keeps the same suppliers of a commodity from 2020 to 2023, with shares that drift from year to
//! year, as real supplies do. Suppliers are drawn by preference among the states with many ties, which stand in
//! for the big producers. The shares of one consumer, commodity and year add up to at most 0.96, leaving room
//! for what the scenario does not list. Some consumers also produce their own (a record whose supplier is the
//! consumer), and some imports cross one or two transit states, most often of the consumer's sub-region.

use super::SOURCE_ID;
use super::random::Random;
use super::states::State;
use crate::model::{Certainty, Commodity, EnergyFlow, ShareBasis};

/// The years every supply runs through.
pub(super) const YEARS: [i32; 4] = [2020, 2021, 2022, 2023];

const COMMODITY_COUNT: usize = 4;

/// The most suppliers one consumer has for one commodity in one year.
pub(super) const MAX_SUPPLIERS: usize = 50;

/// The share of supplies in which the consumer also produces its own.
const OWN_PRODUCTION_SHARE: f64 = 0.15;

/// The share of imports that cross transit states.
const TRANSIT_SHARE: f64 = 0.2;

/// How many preferential draws may find a supplier already chosen (or the consumer) before a draw falls back to
/// any state; the fallback succeeds at least half the time.
const PREFERENTIAL_TRIES: usize = 16;

/// How many draws look for transit states; a flow with no state found (a tiny scenario) has no transit.
const TRANSIT_TRIES: usize = 16;

/// The records, and how many flows each state supplies to others (own production not counted).
pub(super) struct EnergyFlows {
    pub(super) records: Vec<EnergyFlow>,
    pub(super) supplied: Vec<usize>,
}

/// One consumer's supply of one commodity: how many suppliers it has in each of [`YEARS`].
struct Supply {
    consumer: usize,
    commodity: usize,
    suppliers_by_year: [usize; YEARS.len()],
}

/// How many energy flows `state_count` states can have: every consumer, commodity and year with
/// [`MAX_SUPPLIERS`] (or, in a smaller scenario, every state).
pub(super) fn most_flows(state_count: usize) -> u64 {
    let suppliers = state_count.min(MAX_SUPPLIERS) as u64;
    state_count as u64 * (COMMODITY_COUNT * YEARS.len()) as u64 * suppliers
}

fn commodity(index: usize) -> Commodity {
    match index {
        0 => Commodity::Gas,
        1 => Commodity::Oil,
        2 => Commodity::Coal,
        _ => Commodity::Electricity,
    }
}

/// `flow_count` energy flows between `states` (at most [`most_flows`]); suppliers are drawn from `preferred`
/// (a state listed once per tie it has) when it holds any.
pub(super) fn energy_flows(
    flow_count: usize,
    states: &[State],
    neighbours: &[Vec<usize>],
    preferred: &[usize],
    random: &mut Random,
) -> EnergyFlows {
    let flow_count = flow_count.min(usize::try_from(most_flows(states.len())).unwrap_or(usize::MAX));
    let mut flows = EnergyFlows { records: Vec::with_capacity(flow_count), supplied: vec![0; states.len()] };
    for supply in plan_supplies(states.len(), flow_count, random) {
        add_supply(&mut flows, &supply, states, neighbours, preferred, random);
    }
    flows
}

/// Which consumers get which commodities from how many suppliers, `flow_count` flows in all, ordered by consumer
/// and commodity. The consumers and commodities are drawn at random; each has two suppliers on average, or more
/// when many flows are asked of few states.
fn plan_supplies(state_count: usize, flow_count: usize, random: &mut Random) -> Vec<Supply> {
    let room = state_count.min(MAX_SUPPLIERS);
    let mut pairs: Vec<usize> = (0..state_count * COMMODITY_COUNT).collect();
    random.shuffle(&mut pairs);
    let typical = (flow_count as f64 / (state_count * COMMODITY_COUNT * YEARS.len()).max(1) as f64).max(2.0);
    let spread = (2.0 * typical - 1.0).round() as usize;
    let mut remaining = flow_count;
    let mut supplies = Vec::new();
    for pair in pairs {
        if remaining == 0 {
            break;
        }
        let suppliers = (1 + random.below(spread)).min(room);
        let mut suppliers_by_year = [0; YEARS.len()];
        for slot in &mut suppliers_by_year {
            *slot = suppliers.min(remaining);
            remaining -= *slot;
        }
        supplies.push(Supply {
            consumer: pair / COMMODITY_COUNT,
            commodity: pair % COMMODITY_COUNT,
            suppliers_by_year,
        });
    }
    top_up(&mut supplies, remaining, room);
    supplies.sort_unstable_by_key(|supply| (supply.consumer, supply.commodity));
    supplies
}

/// Adds the flows still missing once every consumer and commodity has its supply: first an even part to each
/// year's supply, then, where some had no room, all that fits in order. The caller asks for no more than fits.
fn top_up(supplies: &mut [Supply], mut remaining: usize, room: usize) {
    let cells = supplies.len() * YEARS.len();
    for even in [true, false] {
        let slots = supplies.iter_mut().flat_map(|supply| supply.suppliers_by_year.iter_mut());
        for (cell, slot) in slots.enumerate() {
            if remaining == 0 {
                return;
            }
            let part = if even { remaining.div_ceil(cells - cell) } else { remaining };
            let added = part.min(room - *slot);
            *slot += added;
            remaining -= added;
        }
    }
}

/// The flows of one supply, year by year: the same suppliers, shares that drift.
fn add_supply(
    flows: &mut EnergyFlows,
    supply: &Supply,
    states: &[State],
    neighbours: &[Vec<usize>],
    preferred: &[usize],
    random: &mut Random,
) {
    let consumer = supply.consumer;
    let count = supply.suppliers_by_year.iter().copied().max().unwrap_or(0);
    let own = count >= states.len() || random.chance(OWN_PRODUCTION_SHARE);
    let mut suppliers = Vec::with_capacity(count);
    if own {
        suppliers.push(consumer);
    }
    suppliers.extend(pick_suppliers(count.saturating_sub(usize::from(own)), consumer, states.len(), preferred, random));
    let transits: Vec<Vec<String>> = suppliers
        .iter()
        .map(|&supplier| {
            let crosses = supplier != consumer && random.chance(TRANSIT_SHARE);
            if crosses { transit_states(supplier, consumer, states, neighbours, random) } else { Vec::new() }
        })
        .collect();
    // A few large suppliers and a tail of small ones; own production, where there is some, is large.
    let weights: Vec<f64> = suppliers
        .iter()
        .map(|&supplier| {
            if supplier == consumer {
                random.between(1.0, 3.0)
            } else {
                let size = random.between(0.1, 1.0);
                size * size
            }
        })
        .collect();
    let budget = random.between(0.55, 0.95);
    for (&year, &this_year) in YEARS.iter().zip(&supply.suppliers_by_year) {
        let shares = year_shares(&weights[..this_year], budget, random);
        for ((&supplier, share), via) in suppliers.iter().zip(shares).zip(&transits) {
            flows.records.push(flow(&states[supplier], &states[consumer], supply.commodity, share, via, year));
            if supplier != consumer {
                flows.supplied[supplier] += 1;
            }
        }
    }
}

/// One year's shares of the suppliers with these weights: the weights drift a little from year to year, and so
/// does the consumer's total (`budget`, at most 0.95), so that even a single supplier's share changes.
fn year_shares(weights: &[f64], budget: f64, random: &mut Random) -> Vec<f64> {
    let drifted: Vec<f64> = weights.iter().map(|weight| weight * random.between(0.75, 1.25)).collect();
    let total: f64 = drifted.iter().sum();
    let year_budget = budget * random.between(0.88, 1.0);
    // Rounded down to four decimals, so the shares never add up to more than the budget, plus at most 0.0001 for
    // each of the (at most 50) smallest ones raised to 0.0001.
    drifted.iter().map(|weight| ((year_budget * weight / total * 10_000.0).floor() / 10_000.0).max(0.0001)).collect()
}

/// `count` distinct suppliers other than `consumer`, by preference among `preferred`.
fn pick_suppliers(
    count: usize,
    consumer: usize,
    state_count: usize,
    preferred: &[usize],
    random: &mut Random,
) -> Vec<usize> {
    // When most states are needed, drawing would mostly find some already chosen: take a sample of all instead.
    if count * 2 > state_count.saturating_sub(1) {
        let mut candidates: Vec<usize> = (0..state_count).filter(|&state| state != consumer).collect();
        random.sample_to_front(&mut candidates, count);
        candidates.truncate(count);
        return candidates;
    }
    let mut chosen = Vec::with_capacity(count);
    let mut tries = 0;
    while chosen.len() < count {
        let candidate = if tries < PREFERENTIAL_TRIES && !preferred.is_empty() {
            preferred[random.below(preferred.len())]
        } else {
            random.below(state_count)
        };
        tries += 1;
        if candidate != consumer && !chosen.contains(&candidate) {
            chosen.push(candidate);
            tries = 0;
        }
    }
    chosen
}

/// One or two transit states between `supplier` and `consumer`, by preference the consumer's neighbours.
fn transit_states(
    supplier: usize,
    consumer: usize,
    states: &[State],
    neighbours: &[Vec<usize>],
    random: &mut Random,
) -> Vec<String> {
    let wanted = if random.chance(0.25) { 2 } else { 1 };
    let nearby = neighbours.get(states[consumer].subregion()).map_or(&[][..], Vec::as_slice);
    let mut chosen: Vec<usize> = Vec::with_capacity(wanted);
    for attempt in 0..TRANSIT_TRIES {
        if chosen.len() == wanted {
            break;
        }
        let candidate = if attempt < TRANSIT_TRIES / 2 && !nearby.is_empty() {
            nearby[random.below(nearby.len())]
        } else {
            random.below(states.len())
        };
        if candidate != supplier && candidate != consumer && !chosen.contains(&candidate) {
            chosen.push(candidate);
        }
    }
    chosen.into_iter().map(|state| states[state].id.clone()).collect()
}

fn flow(
    supplier: &State,
    consumer: &State,
    commodity_index: usize,
    share: f64,
    via: &[String],
    year: i32,
) -> EnergyFlow {
    EnergyFlow {
        supplier: supplier.id.clone(),
        consumer: consumer.id.clone(),
        commodity: commodity(commodity_index),
        share,
        basis: ShareBasis::Consumption,
        volume: None,
        via: via.to_vec(),
        route: None,
        year: Some(year),
        from: None,
        until: None,
        certainty: Certainty::Stated,
        note: None,
        sources: vec![SOURCE_ID.to_owned()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planned(state_count: usize, flow_count: usize) -> usize {
        let supplies = plan_supplies(state_count, flow_count, &mut Random::for_part(2, 0));
        let room = state_count.min(MAX_SUPPLIERS);
        assert!(supplies.iter().all(|supply| supply.suppliers_by_year.iter().all(|&count| count <= room)));
        supplies.iter().flat_map(|supply| supply.suppliers_by_year).sum()
    }

    #[test]
    fn the_plan_holds_exactly_the_flows_asked_for() {
        for (states, flows) in [(1, 0), (1, 1), (1, 16), (2, 64), (3, 100), (10, 20), (10, 1_600), (100, 5_000)] {
            assert!(flows as u64 <= most_flows(states), "{states} states, {flows} flows");
            assert_eq!(planned(states, flows), flows, "{states} states");
        }
        assert_eq!(planned(60, most_flows(60) as usize), most_flows(60) as usize, "every consumer full");
    }
}
