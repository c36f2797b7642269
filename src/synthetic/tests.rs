//! The generator's promises: the counts asked for, no problem for the validator, shares that fit, ballots and
//! totals that agree, blocs of a sensible size, the same scenario for the same seed, and refusals that say why.

use std::collections::{BTreeMap, HashSet};

use super::*;
use crate::model::{ActorKind, Ballot};

fn request(states: usize, ties: usize, energy_flows: Option<usize>, seed: u64) -> Request {
    Request { states, ties, energy_flows, seed }
}

fn made(states: usize, ties: usize, energy_flows: Option<usize>, seed: u64) -> Scenario {
    generate(&request(states, ties, energy_flows, seed)).expect("a request within the limits")
}

#[test]
fn scenarios_of_every_size_have_the_counts_asked_for_and_no_problem() {
    let sizes =
        [(1, 0, Some(16)), (2, 1, None), (3, 3, Some(30)), (10, 12, None), (40, 600, Some(900)), (300, 1_500, None)];
    for (states, ties, energy_flows) in sizes {
        let scenario = made(states, ties, energy_flows, 11);
        let state_count = scenario.actors.iter().filter(|actor| actor.kind == ActorKind::State).count();
        assert_eq!(state_count, states);
        assert_eq!(scenario.ties.len(), ties);
        assert_eq!(scenario.energy.len(), energy_flows.unwrap_or(2 * states));
        assert_eq!(crate::validate::validate(&scenario), vec![], "{states} states, {ties} ties");
    }
}

#[test]
fn the_same_seed_gives_the_same_scenario_and_another_seed_another() {
    assert_eq!(made(200, 800, None, 5), made(200, 800, None, 5));
    assert_ne!(made(200, 800, None, 5), made(200, 800, None, 6));
}

#[test]
fn shares_of_a_consumer_commodity_and_year_leave_room() {
    let scenario = made(300, 1_200, Some(5_000), 3);
    let mut totals: BTreeMap<(&str, String, Option<i32>), f64> = BTreeMap::new();
    for flow in &scenario.energy {
        assert!(flow.share > 0.0 && flow.share <= 1.0);
        *totals.entry((flow.consumer.as_str(), flow.commodity.label().to_owned(), flow.year)).or_default() +=
            flow.share;
        assert!(!flow.via.contains(&flow.supplier) && !flow.via.contains(&flow.consumer));
    }
    assert!(totals.values().all(|&total| total <= 0.96 + 1e-9), "{:?}", totals.values().copied().fold(0.0, f64::max));
    assert!(scenario.energy.iter().any(|flow| flow.supplier == flow.consumer), "some own production");
    assert!(scenario.energy.iter().any(|flow| !flow.via.is_empty()), "some transit");
}

#[test]
fn every_state_votes_and_the_totals_count_the_ballots() {
    let scenario = made(500, 2_000, None, 8);
    assert!(scenario.votes.len() >= 3);
    for vote in &scenario.votes {
        assert_eq!(vote.ballots.len(), 500);
        let count = |wanted| vote.ballots.values().filter(|&&ballot| ballot == wanted).count() as u32;
        let totals = vote.totals.expect("totals");
        assert_eq!(
            (totals.yes, totals.no, totals.abstain, totals.absent),
            (count(Ballot::Yes), count(Ballot::No), count(Ballot::Abstain), Some(count(Ballot::Absent)))
        );
        assert!(count(Ballot::Yes) > 0 && count(Ballot::No) > 0, "{}: camps vote apart", vote.id);
    }
}

#[test]
fn blocs_hold_a_few_to_a_third_of_the_states_and_sanctions_hit_the_largest_producer() {
    let scenario = made(1_000, 4_000, None, 2);
    let blocs: Vec<_> = scenario.actors.iter().filter(|actor| actor.kind == ActorKind::Bloc).collect();
    assert!((3..=8).contains(&blocs.len()));
    for bloc in &blocs {
        let members: HashSet<&str> = bloc.members_at_any_time().collect();
        assert!((30..=330).contains(&members.len()), "{} has {} members", bloc.id, members.len());
    }
    assert!(blocs.iter().any(|bloc| !bloc.memberships.is_empty()), "some memberships are dated");
    let target = &scenario.sanctions[0].target;
    assert!(scenario.sanctions.iter().all(|stance| &stance.target == target && &stance.by != target));
    let mut supplied: BTreeMap<&str, usize> = BTreeMap::new();
    for flow in scenario.energy.iter().filter(|flow| flow.supplier != flow.consumer) {
        *supplied.entry(flow.supplier.as_str()).or_default() += 1;
    }
    let most = supplied.values().copied().max().unwrap_or(0);
    assert_eq!(supplied.get(target.as_str()), Some(&most), "the target supplies the most flows");
    let stances: HashSet<_> = scenario.sanctions.iter().map(|stance| stance.stance).collect();
    assert!(stances.len() >= 4, "{stances:?}");
}

#[test]
fn requests_beyond_the_limits_are_refused_with_the_reason() {
    assert_eq!(generate(&request(0, 0, None, 1)), Err(RequestError::NoStates));
    assert_eq!(
        generate(&request(MAX_STATES + 1, 0, None, 1)),
        Err(RequestError::TooManyStates { asked: MAX_STATES + 1 })
    );
    let too_many_ties = generate(&request(10, 46, None, 1)).unwrap_err();
    assert_eq!(too_many_ties, RequestError::TooManyTies { asked: 46, most: 45, states: 10 });
    assert!(too_many_ties.to_string().contains("at most 45 ties"), "{too_many_ties}");
    assert!(made(10, 45, None, 1).ties.len() == 45, "every pair is allowed");
    assert!(matches!(generate(&request(1, 0, Some(17), 1)), Err(RequestError::TooManyEnergyFlows { most: 16, .. })));
    assert!(matches!(generate(&request(10, 0, Some(usize::MAX), 1)), Err(RequestError::TooManyEnergyFlows { .. })));
    assert!(matches!(generate(&request(usize::MAX, usize::MAX, None, 1)), Err(RequestError::TooManyStates { .. })));
}

#[test]
fn the_written_text_reads_back_as_the_same_scenario_with_no_problem() {
    let scenario = made(60, 200, None, 4);
    let report = crate::io::load_text(&crate::io::to_canonical_text(&scenario));
    assert_eq!(report.diagnostics, vec![]);
    assert_eq!(report.scenario, Some(scenario));
}
