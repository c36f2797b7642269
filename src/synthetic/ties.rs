//! Diplomatic ties grown by preferential attachment (Barabási–Albert): states arrive one by one, in a random
//! order, and each links to states already there with a probability proportional to their number of ties, so a
//! few early states become hubs and most have few ties, as in real networks. Extra ties, until the count asked
//! for, join two states chosen the same way. Strengths are mostly positive within a region and between states of
//! the same camp, more often negative across them; each tie's kind follows its strength.

use std::collections::HashSet;

use super::SOURCE_ID;
use super::random::Random;
use super::states::State;
use crate::model::{Certainty, Tie, TieKind};

/// How many preferential draws may find a state already tied (or the state itself) before a draw falls back to
/// any state at all. The fallback succeeds at least half the time, so growing never stalls, even round a hub
/// that is tied to nearly everyone.
const PREFERENTIAL_TRIES: usize = 16;

/// The share of ties dated from a year (the others hold throughout).
const DATED_SHARE: f64 = 0.1;

/// The ties as pairs of state indices, with each state listed once per tie it has.
pub(super) struct TieGraph {
    pub(super) pairs: Vec<(usize, usize)>,
    /// Both ends of every tie: drawing from it picks a state in proportion to its number of ties.
    pub(super) ends: Vec<usize>,
    taken: HashSet<u64>,
}

/// How many ties `state_count` states can have, one per pair.
pub(super) fn most_ties(state_count: usize) -> u64 {
    let count = state_count as u64;
    count * count.saturating_sub(1) / 2
}

/// `tie_count` ties between `state_count` states, each pair at most once and no state with itself (at most
/// [`most_ties`], which the request was checked against).
pub(super) fn grow(state_count: usize, tie_count: usize, random: &mut Random) -> TieGraph {
    let tie_count = tie_count.min(usize::try_from(most_ties(state_count)).unwrap_or(usize::MAX));
    let mut graph = TieGraph {
        pairs: Vec::with_capacity(tie_count),
        ends: Vec::with_capacity(2 * tie_count),
        taken: HashSet::with_capacity(tie_count),
    };
    let mut arrivals: Vec<usize> = (0..state_count).collect();
    random.shuffle(&mut arrivals);
    let per_arrival = (tie_count / state_count.max(1)).max(1);
    for (position, &state) in arrivals.iter().enumerate().skip(1) {
        let count = per_arrival.min(position).min(tie_count - graph.pairs.len());
        if count == 0 {
            break;
        }
        graph.link_arrival(state, &arrivals[..position], count, random);
    }
    // When more than half of all pairs are asked for, drawing at random would mostly hit taken pairs, and the
    // whole list of pairs is at most twice the ties asked for: the rest are picked from the untaken ones.
    if tie_count as u64 > most_ties(state_count) / 2 {
        graph.add_untaken_pairs(state_count, tie_count, random);
    }
    while graph.pairs.len() < tie_count {
        graph.add_extra(state_count, random);
    }
    graph
}

impl TieGraph {
    fn add(&mut self, a: usize, b: usize) {
        self.taken.insert(pair_key(a, b));
        self.pairs.push((a, b));
        self.ends.extend([a, b]);
    }

    fn is_free(&self, a: usize, b: usize) -> bool {
        a != b && !self.taken.contains(&pair_key(a, b))
    }

    /// Ties from a newly arrived state to `count` distinct states among those already there.
    fn link_arrival(&mut self, state: usize, earlier: &[usize], count: usize, random: &mut Random) {
        // Among few earlier states, most would be drawn already: take a uniform sample of them instead.
        if count * 2 > earlier.len() {
            let mut candidates = earlier.to_vec();
            random.sample_to_front(&mut candidates, count);
            for &other in &candidates[..count] {
                self.add(state, other);
            }
            return;
        }
        for _ in 0..count {
            let other = self.draw_partner(state, earlier, random);
            self.add(state, other);
        }
    }

    /// A state among `earlier` not yet tied to `state`, by preference one with many ties.
    fn draw_partner(&self, state: usize, earlier: &[usize], random: &mut Random) -> usize {
        let mut tries = 0;
        loop {
            let candidate = if tries < PREFERENTIAL_TRIES && !self.ends.is_empty() {
                self.ends[random.below(self.ends.len())]
            } else {
                earlier[random.below(earlier.len())]
            };
            if self.is_free(state, candidate) {
                return candidate;
            }
            tries += 1;
        }
    }

    /// One more tie between two states, both chosen by preference among those with many ties.
    fn add_extra(&mut self, state_count: usize, random: &mut Random) {
        let mut tries = 0;
        loop {
            let (a, b) = if tries < PREFERENTIAL_TRIES && !self.ends.is_empty() {
                (self.ends[random.below(self.ends.len())], self.ends[random.below(self.ends.len())])
            } else {
                (random.below(state_count), random.below(state_count))
            };
            if self.is_free(a, b) {
                self.add(a, b);
                return;
            }
            tries += 1;
        }
    }

    /// Fills up to `tie_count` ties with a uniform sample of the pairs not yet tied.
    fn add_untaken_pairs(&mut self, state_count: usize, tie_count: usize, random: &mut Random) {
        let mut untaken: Vec<(usize, usize)> = (0..state_count)
            .flat_map(|a| (a + 1..state_count).map(move |b| (a, b)))
            .filter(|&(a, b)| self.is_free(a, b))
            .collect();
        let needed = tie_count.saturating_sub(self.pairs.len()).min(untaken.len());
        random.sample_to_front(&mut untaken, needed);
        for &(a, b) in &untaken[..needed] {
            self.add(a, b);
        }
    }
}

/// One number per unordered pair of states.
fn pair_key(a: usize, b: usize) -> u64 {
    let (low, high) = if a < b { (a, b) } else { (b, a) };
    ((low as u64) << 32) | high as u64
}

/// The tie records of the graph, in the order the ties grew.
pub(super) fn tie_records(graph: &TieGraph, states: &[State], random: &mut Random) -> Vec<Tie> {
    graph.pairs.iter().map(|&(a, b)| tie_between(&states[a], &states[b], random)).collect()
}

fn tie_between(a: &State, b: &State, random: &mut Random) -> Tie {
    // Neighbours in a region are mostly friends; states far apart between the camps more often are not.
    let base = if a.region() == b.region() { 0.9 } else { 0.7 };
    let positive = random.chance(base - 0.3 * (a.alignment - b.alignment).abs());
    let magnitude = (random.between(0.05, 1.0) * 100.0).round() / 100.0;
    let strength = if positive { magnitude } else { -magnitude };
    let from = random.chance(DATED_SHARE).then(|| random.whole_between(2020, 2023).to_string());
    Tie {
        a: a.id.clone(),
        b: b.id.clone(),
        kind: kind_of(strength),
        strength,
        topic: None,
        directed: false,
        year: None,
        from,
        until: None,
        certainty: Certainty::Stated,
        note: None,
        sources: vec![SOURCE_ID.to_owned()],
    }
}

/// The kind a tie of this strength is called, from Hostile (-1) through Neutral (about 0) to Alliance (+1).
fn kind_of(strength: f64) -> TieKind {
    match strength {
        s if s >= 0.7 => TieKind::Alliance,
        s if s >= 0.3 => TieKind::Partnership,
        s if s >= 0.1 => TieKind::Support,
        s if s > -0.1 => TieKind::Neutral,
        s if s > -0.4 => TieKind::Tension,
        s if s > -0.7 => TieKind::Dispute,
        _ => TieKind::Hostile,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn degrees(graph: &TieGraph, state_count: usize) -> Vec<usize> {
        let mut degrees = vec![0; state_count];
        for &end in &graph.ends {
            degrees[end] += 1;
        }
        degrees
    }

    fn assert_simple(graph: &TieGraph, state_count: usize, tie_count: usize) {
        assert_eq!(graph.pairs.len(), tie_count, "{state_count} states");
        let mut seen = HashSet::new();
        for &(a, b) in &graph.pairs {
            assert!(a != b && a < state_count && b < state_count);
            assert!(seen.insert(pair_key(a, b)), "pair {a}–{b} twice");
        }
    }

    #[test]
    fn every_count_of_ties_is_met_without_self_ties_or_repeated_pairs() {
        for (states, ties) in [(1, 0), (2, 1), (3, 3), (5, 4), (10, 3), (10, 30), (10, 45), (50, 1_000), (300, 900)] {
            let graph = grow(states, ties, &mut Random::for_part(9, 0));
            assert_simple(&graph, states, ties);
        }
    }

    #[test]
    fn a_few_hubs_hold_many_ties() {
        let (states, ties) = (2_000, 10_000);
        let graph = grow(states, ties, &mut Random::for_part(4, 0));
        assert_simple(&graph, states, ties);
        let mut degrees = degrees(&graph, states);
        degrees.sort_unstable_by(|a, b| b.cmp(a));
        let top: usize = degrees[..states / 100].iter().sum();
        // A uniform random graph of this size gives its top 1% about 2% of the tie ends.
        assert!(top * 100 > 6 * 2 * ties, "the top 1% hold {top} of {} tie ends", 2 * ties);
    }

    #[test]
    fn kinds_follow_the_sign_of_the_strength() {
        for strength in [-1.0, -0.7, -0.4, -0.1, -0.05, 0.0, 0.05, 0.1, 0.3, 0.7, 1.0] {
            let expected = f64::from(kind_of(strength).expected_sign());
            assert!(expected * strength >= 0.0, "{strength} is {:?}", kind_of(strength));
        }
    }
}
