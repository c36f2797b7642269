//! The political records: blocs with dated memberships, sanctions against the largest producer with each state's
//! stance, General Assembly-like votes with a ballot from every state, and the event that began the sanctions.
//! All lean on each state's alignment, so that blocs, stances and ballots agree with each other as real ones do.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use super::SOURCE_ID;
use super::random::Random;
use super::states::{State, subregion_count, subregion_name};
use crate::model::{
    Actor, ActorKind, Ballot, Certainty, Event, Membership, MembershipStatus, SanctionStance, Stance, Vote, VoteTotals,
};

/// The bloc of the states most opposed to the sanctions target; it imposes sanctions as a bloc too.
const ALLIANCE_ID: &str = "northern-alliance";

/// The day the sanctions begin; the first stances date from it, the later ones from any day after it to 2023.
const SANCTIONS_START: &str = "2022-02-24";

/// The votes: id, date, title (`{target}` stands for the target's name) and how far the text leans against the
/// target, which moves every state's ballot that way.
const VOTES: [(&str, &str, &str, f64); 4] = [
    ("GA-1", "2022-03-02", "Condemning the actions of {target}", 0.45),
    ("GA-2", "2022-10-12", "The territorial integrity of states", 0.4),
    ("GA-3", "2022-11-14", "Reparations for the harm done by {target}", 0.0),
    ("GA-4", "2023-02-23", "Principles of a lasting peace", 0.35),
];

/// The share of ballots cast by no one.
const ABSENT_SHARE: f64 = 0.04;

pub(super) struct Politics {
    pub(super) blocs: Vec<Actor>,
    pub(super) sanctions: Vec<SanctionStance>,
    pub(super) votes: Vec<Vote>,
    pub(super) events: Vec<Event>,
}

/// The blocs, stances, votes and events of `states`, with sanctions against the state at index `target`;
/// `supplied` counts the flows each state supplies to others.
pub(super) fn politics(states: &[State], target: usize, supplied: &[usize], random: &mut Random) -> Politics {
    let target_state = &states[target];
    let event = Event {
        date: SANCTIONS_START.to_owned(),
        title: format!("Sanctions against {} begin", target_state.name),
        description: Some("The Northern Alliance and most of its members impose the first measures.".to_owned()),
        actors: vec![target_state.id.clone(), ALLIANCE_ID.to_owned()],
        sources: vec![SOURCE_ID.to_owned()],
    };
    Politics {
        blocs: blocs(states, supplied, random),
        sanctions: sanctions(states, target, random),
        votes: VOTES.iter().map(|&vote| cast_vote(vote, states, target, random)).collect(),
        events: vec![event],
    }
}

/// Five blocs of about 5 to 30% of the states each: the two camps, the largest producers, a union of the largest
/// region and a community of the largest sub-region.
fn blocs(states: &[State], supplied: &[usize], random: &mut Random) -> Vec<Actor> {
    let count = states.len();
    let part = |fraction: f64| ((count as f64 * fraction).round() as usize).clamp(1, count);
    let mut by_alignment: Vec<usize> = (0..count).collect();
    by_alignment.sort_by(|&a, &b| states[b].alignment.total_cmp(&states[a].alignment).then(a.cmp(&b)));
    let mut by_supply: Vec<usize> = (0..count).collect();
    by_supply.sort_by_key(|&state| (Reverse(supplied[state]), state));
    let region = largest_region(states);
    let subregion = largest_subregion(states);
    let in_region: Vec<usize> = (0..count).filter(|&state| states[state].region() == region).collect();
    let in_subregion: Vec<usize> = (0..count).filter(|&state| states[state].subregion() == subregion).collect();
    let subregion_name = subregion_name(subregion);
    let plans = [
        (
            ALLIANCE_ID.to_owned(),
            "Northern Alliance".to_owned(),
            by_alignment[..part(0.25)].to_vec(),
            "The quarter of states most opposed to the sanctions target.",
        ),
        (
            "eastern-pact".to_owned(),
            "Eastern Pact".to_owned(),
            by_alignment[count - part(0.07)..].to_vec(),
            "The sanctions target and the states closest to it.",
        ),
        (
            "producers-forum".to_owned(),
            "Producers' Forum".to_owned(),
            by_supply[..part(0.06)].to_vec(),
            "The states that supply the most energy flows.",
        ),
        (
            slug(&format!("Union of {region}")),
            format!("Union of {region}"),
            most_of(&in_region, 0.9, random),
            "Most states of the largest region.",
        ),
        (
            slug(&format!("{subregion_name} Community")),
            format!("{subregion_name} Community"),
            most_of(&in_subregion, 0.95, random),
            "Most states of the largest sub-region.",
        ),
    ];
    plans.into_iter().map(|(id, name, members, note)| bloc(id, name, note, members, states, random)).collect()
}

/// Each of `states` with the given chance, and at least the first.
fn most_of(states: &[usize], chance: f64, random: &mut Random) -> Vec<usize> {
    let chosen: Vec<usize> = states.iter().copied().filter(|_| random.chance(chance)).collect();
    if chosen.is_empty() { states.iter().copied().take(1).collect() } else { chosen }
}

/// A bloc actor. Most members belong throughout (`members`); some joined on a date, a few left again, and a few
/// are observers (`memberships`, each citing the source).
fn bloc(id: String, name: String, note: &str, mut members: Vec<usize>, states: &[State], random: &mut Random) -> Actor {
    members.sort_unstable();
    let mut actor = Actor::new(id, name, ActorKind::Bloc);
    actor.note = Some(note.to_owned());
    actor.sources = vec![SOURCE_ID.to_owned()];
    for member in members {
        let id = states[member].id.clone();
        let draw = random.unit();
        let (from, until, status) = if draw < 0.75 {
            actor.members.push(id);
            continue;
        } else if draw < 0.92 {
            (date_in(random, 1995, 2023), None, MembershipStatus::Member)
        } else if draw < 0.97 {
            (date_in(random, 1995, 2015), Some(date_in(random, 2020, 2023)), MembershipStatus::Member)
        } else {
            (date_in(random, 2015, 2023), None, MembershipStatus::Observer)
        };
        actor.memberships.push(Membership {
            member: id,
            from: Some(from),
            until,
            status,
            note: None,
            sources: vec![SOURCE_ID.to_owned()],
        });
    }
    actor
}

/// Each state's stance on sanctions against the target, by its alignment: those most opposed to the target
/// impose them, then some align or apply a part, those in between take no stance, those close to the target
/// refuse and its nearest allies oppose them. The alliance imposes them as a bloc.
fn sanctions(states: &[State], target: usize, random: &mut Random) -> Vec<SanctionStance> {
    let target_id = &states[target].id;
    let stance = |by: &str, stance: Stance, from: String| SanctionStance {
        by: by.to_owned(),
        target: target_id.clone(),
        stance,
        year: None,
        from: Some(from),
        until: None,
        certainty: Certainty::Stated,
        note: None,
        sources: vec![SOURCE_ID.to_owned()],
    };
    let mut stances = vec![stance(ALLIANCE_ID, Stance::Imposes, SANCTIONS_START.to_owned())];
    for (index, state) in states.iter().enumerate() {
        let taken = match state.alignment {
            _ if index == target => continue,
            alignment if alignment > 0.45 => Stance::Imposes,
            alignment if alignment > 0.25 => Stance::Aligns,
            alignment if alignment > 0.1 => Stance::Partial,
            alignment if alignment < -0.75 => Stance::Opposes,
            alignment if alignment < -0.2 => Stance::Refuses,
            _ => continue,
        };
        let first_wave = taken == Stance::Imposes && random.chance(0.6);
        let from = if first_wave { SANCTIONS_START.to_owned() } else { date_after_start(random) };
        stances.push(stance(&state.id, taken, from));
    }
    stances
}

/// A vote with a ballot from every state: each leans by its alignment and the vote's text, with some noise, so
/// states of a camp, a bloc or a region mostly vote alike. The totals count the ballots.
fn cast_vote(vote: (&str, &str, &str, f64), states: &[State], target: usize, random: &mut Random) -> Vote {
    let (id, date, title, lean) = vote;
    let mut ballots = BTreeMap::new();
    for (index, state) in states.iter().enumerate() {
        let leaning = state.alignment + lean + random.between(-0.3, 0.3);
        let ballot = if index == target {
            Ballot::No
        } else if random.chance(ABSENT_SHARE) {
            Ballot::Absent
        } else if leaning > 0.1 {
            Ballot::Yes
        } else if leaning < -0.45 {
            Ballot::No
        } else {
            Ballot::Abstain
        };
        ballots.insert(state.id.clone(), ballot);
    }
    let count = |wanted: Ballot| {
        let count = ballots.values().filter(|&&ballot| ballot == wanted).count();
        u32::try_from(count).unwrap_or(u32::MAX)
    };
    let totals = VoteTotals {
        yes: count(Ballot::Yes),
        no: count(Ballot::No),
        abstain: count(Ballot::Abstain),
        absent: Some(count(Ballot::Absent)),
    };
    Vote {
        id: id.to_owned(),
        date: date.to_owned(),
        title: title.replace("{target}", &states[target].name),
        body: Some("General Assembly".to_owned()),
        ballots,
        totals: Some(totals),
        note: None,
        sources: vec![SOURCE_ID.to_owned()],
    }
}

/// The region with the most states (the first in alphabetical order when two have as many).
fn largest_region(states: &[State]) -> &'static str {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for state in states {
        *counts.entry(state.region()).or_default() += 1;
    }
    counts.into_iter().max_by_key(|&(region, count)| (count, Reverse(region))).map_or("", |(region, _)| region)
}

/// The sub-region with the most states (the first listed when two have as many).
fn largest_subregion(states: &[State]) -> usize {
    let mut counts = vec![0usize; subregion_count()];
    for state in states {
        counts[state.subregion()] += 1;
    }
    (0..counts.len()).max_by_key(|&subregion| (counts[subregion], Reverse(subregion))).unwrap_or(0)
}

/// "Union of Africa" → "union-of-africa".
fn slug(name: &str) -> String {
    name.to_lowercase().replace(' ', "-")
}

/// A day from `first_year` to `last_year`, as "YYYY-MM-DD" (days up to the 28th, which every month has).
fn date_in(random: &mut Random, first_year: i32, last_year: i32) -> String {
    let year = random.whole_between(first_year, last_year);
    format!("{year}-{:02}-{:02}", random.whole_between(1, 12), random.whole_between(1, 28))
}

/// A day after the sanctions began: from March 2022 to the end of 2023.
fn date_after_start(random: &mut Random) -> String {
    let year = random.whole_between(2022, 2023);
    let first_month = if year == 2022 { 3 } else { 1 };
    format!("{year}-{:02}-{:02}", random.whole_between(first_month, 12), random.whole_between(1, 28))
}
