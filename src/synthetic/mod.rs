//! Synthetic scenarios of any size, for benchmarks and tests; `geodep generate` writes one.
//!
//! [`generate`] builds a [`Scenario`] that reads like real data at scale: states spread as unevenly over the UN
//! M49 regions as real ones, diplomatic ties grown by preferential attachment (so that a few hubs hold many ties),
//! energy flows whose shares per consumer, commodity and year add up to at most one, a few blocs with dated
//! memberships, sanctions against the largest producer, and General Assembly-like votes in which camps, blocs and
//! regions vote alike. Every record cites one source, which names the request. The scenario has no errors or
//! warnings for `geodep check`.
//!
//! It is pure and deterministic: no files, no clock, its own seeded random numbers, so that a request gives the
//! same scenario (and, once written, the same bytes) on every run and platform. Time and memory grow linearly
//! with the counts asked for (n log n where states are sorted).

mod energy;
mod politics;
mod random;
mod states;
mod ties;

use std::cmp::Reverse;

use random::Random;

use crate::format::thousands;
use crate::model::{Actor, CURRENT_FORMAT, Scenario, Source};

/// The most states a request may ask for.
pub const MAX_STATES: usize = 100_000;
/// The most ties a request may ask for (fewer when the states are too few to have so many pairs).
pub const MAX_TIES: usize = 1_000_000;
/// The most energy flows a request may ask for (fewer when the states are too few, see [`RequestError`]).
pub const MAX_ENERGY_FLOWS: usize = 1_000_000;

/// The id of the one source every record cites.
const SOURCE_ID: &str = "synthetic";

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// How many states (a few blocs come on top of them).
    pub states: usize,
    /// How many diplomatic ties between states.
    pub ties: usize,
    /// How many energy flows; twice the states when not given.
    pub energy_flows: Option<usize>,
    /// The seed of every random choice: the same seed, the same scenario.
    pub seed: u64,
}

/// Why a request cannot be met.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("a scenario needs at least 1 state")]
    NoStates,
    #[error("at most {} states can be generated, not {}", thousands(MAX_STATES as f64), thousands(*asked as f64))]
    TooManyStates { asked: usize },
    #[error(
        "{} can have at most {} ties (one per pair of states, and {} in all), not {}",
        states_text(*states), thousands(*most as f64), thousands(MAX_TIES as f64), thousands(*asked as f64)
    )]
    TooManyTies { asked: usize, most: u64, states: usize },
    #[error(
        "{} can have at most {} energy flows (4 commodities and 4 years for each consumer, from each \
         state or at most {} suppliers, and {} in all), not {}",
        states_text(*states), thousands(*most as f64), energy::MAX_SUPPLIERS, thousands(MAX_ENERGY_FLOWS as f64),
        thousands(*asked as f64)
    )]
    TooManyEnergyFlows { asked: usize, most: u64, states: usize },
}

/// "1 state", "10,000 states".
fn states_text(count: usize) -> String {
    if count == 1 { "1 state".to_owned() } else { format!("{} states", thousands(count as f64)) }
}

/// The counts of a request that can be met.
struct Counts {
    states: usize,
    ties: usize,
    energy_flows: usize,
}

impl Request {
    /// The energy flows asked for, or the default: twice the states.
    pub fn energy_flow_count(&self) -> usize {
        self.energy_flows.unwrap_or(self.states.saturating_mul(2))
    }

    /// Whether the request can be met, or why not.
    pub fn check(&self) -> Result<(), RequestError> {
        self.counts().map(|_| ())
    }

    fn counts(&self) -> Result<Counts, RequestError> {
        let states = self.states;
        if states == 0 {
            return Err(RequestError::NoStates);
        }
        if states > MAX_STATES {
            return Err(RequestError::TooManyStates { asked: states });
        }
        let most = ties::most_ties(states).min(MAX_TIES as u64);
        if self.ties as u64 > most {
            return Err(RequestError::TooManyTies { asked: self.ties, most, states });
        }
        let energy_flows = self.energy_flow_count();
        let most = energy::most_flows(states).min(MAX_ENERGY_FLOWS as u64);
        if energy_flows as u64 > most {
            return Err(RequestError::TooManyEnergyFlows { asked: energy_flows, most, states });
        }
        Ok(Counts { states, ties: self.ties, energy_flows })
    }
}

/// The scenario a request asks for, or why it cannot be made.
pub fn generate(request: &Request) -> Result<Scenario, RequestError> {
    let counts = request.counts()?;
    // Each part draws from its own stream (see `Random::for_part`).
    let stream = |part| Random::for_part(request.seed, part);
    let mut states = states::make_states(counts.states, &mut stream(0));
    let graph = ties::grow(counts.states, counts.ties, &mut stream(1));
    let ties = ties::tie_records(&graph, &states, &mut stream(2));
    let neighbours = states::states_by_subregion(&states);
    let energy = energy::energy_flows(counts.energy_flows, &states, &neighbours, &graph.ends, &mut stream(3));
    let target = largest_producer(&energy.supplied, &graph.ends);
    // The sanctions target heads its own camp, whatever its region made of it.
    states[target].alignment = -1.0;
    let politics = politics::politics(&states, target, &energy.supplied, &mut stream(4));
    let mut actors: Vec<Actor> = states.iter().map(states::State::actor).collect();
    actors.extend(politics.blocs);
    Ok(Scenario {
        format: CURRENT_FORMAT,
        title: format!(
            "Synthetic scenario: {}, {} ties, {} energy flows",
            states_text(counts.states),
            thousands(counts.ties as f64),
            thousands(counts.energy_flows as f64)
        ),
        summary: format!(
            "Made up by `{}` for benchmarks and tests: no record describes a real state.",
            command_line(request)
        ),
        as_of: Some("2023-12-31".to_owned()),
        actors,
        energy: energy.records,
        sanctions: politics.sanctions,
        ties,
        votes: politics.votes,
        events: politics.events,
        sources: vec![source(request)],
        ..Scenario::default()
    })
}

/// The command that makes this scenario again.
fn command_line(request: &Request) -> String {
    format!(
        "geodep generate --actors {} --ties {} --flows {} --seed {}",
        request.states,
        request.ties,
        request.energy_flow_count(),
        request.seed
    )
}

fn source(request: &Request) -> Source {
    Source {
        id: SOURCE_ID.to_owned(),
        title: format!("Generated by geodep generate with seed {}", request.seed),
        publisher: Some("GeoDep".to_owned()),
        date: None,
        url: None,
        reliability: None,
        note: Some(format!("Synthetic data, made again by `{}`.", command_line(request))),
    }
}

/// The state that supplies the most flows to others (the first of equals), or with no flows the one with the
/// most ties, or the first state.
fn largest_producer(supplied: &[usize], tie_ends: &[usize]) -> usize {
    let first_largest = |counts: &[usize]| {
        (0..counts.len()).max_by_key(|&state| (counts[state], Reverse(state))).filter(|&state| counts[state] > 0)
    };
    let mut degrees = vec![0; supplied.len()];
    for &end in tie_ends {
        degrees[end] += 1;
    }
    first_largest(supplied).or_else(|| first_largest(&degrees)).unwrap_or(0)
}

#[cfg(test)]
mod tests;
