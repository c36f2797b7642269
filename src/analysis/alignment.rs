//! Alignment from votes: how often two actors vote alike. An identical ballot scores 1, a yes or no against an
//! abstention 0.5, yes against no 0, as in the usual UN General Assembly agreement scores; an absence is left
//! out. A bloc as reference stands for the most common ballot of those who were its members on each vote's date.

use serde::Serialize;

use crate::model::{ActorKind, Ballot, Scenario, Vote};

/// The agreement of two ballots, or `None` when either actor was absent.
pub fn ballot_agreement(a: Ballot, b: Ballot) -> Option<f64> {
    match (a, b) {
        (Ballot::Absent, _) | (_, Ballot::Absent) => None,
        (a, b) if a == b => Some(1.0),
        (Ballot::Abstain, _) | (_, Ballot::Abstain) => Some(0.5),
        _ => Some(0.0),
    }
}

/// An agreement score from 0 to 1 over the votes both actors took part in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    pub score: f64,
    pub votes: usize,
    /// Indices of the votes counted, in file order.
    #[serde(skip)]
    pub records: Vec<usize>,
}

/// How `actor` voted in `vote`: its own ballot, or for a bloc without one, the most common ballot of its members
/// on the vote's date (`Actor::members_on`: a state that joined later does not count; ties and no members
/// present: none).
pub fn position(scenario: &Scenario, vote: &Vote, actor: &str) -> Option<Ballot> {
    if let Some(ballot) = vote.ballots.get(actor) {
        return Some(*ballot);
    }
    let bloc = scenario.actor(actor).filter(|found| found.kind == ActorKind::Bloc)?;
    let members = bloc.members_on(&vote.date);
    let mut counts: Vec<(Ballot, usize)> = Vec::new();
    for ballot in
        members.iter().filter_map(|member| vote.ballots.get(*member)).filter(|ballot| **ballot != Ballot::Absent)
    {
        match counts.iter_mut().find(|(known, _)| known == ballot) {
            Some((_, count)) => *count += 1,
            None => counts.push((*ballot, 1)),
        }
    }
    counts.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    match counts.as_slice() {
        [(ballot, first), rest @ ..] if rest.first().is_none_or(|(_, second)| second < first) => Some(*ballot),
        _ => None,
    }
}

/// The agreement of two actors over every vote both took part in; `None` when there is no such vote.
pub fn agreement(scenario: &Scenario, a: &str, b: &str) -> Option<Agreement> {
    let (records, scores): (Vec<usize>, Vec<f64>) = (scenario.votes.iter().enumerate())
        .filter_map(|(index, vote)| {
            Some((index, ballot_agreement(position(scenario, vote, a)?, position(scenario, vote, b)?)?))
        })
        .unzip();
    (!scores.is_empty()).then(|| Agreement {
        score: scores.iter().sum::<f64>() / scores.len() as f64,
        votes: scores.len(),
        records,
    })
}

/// Every actor with a ballot, and its agreement with `reference`, most in agreement first.
pub fn agreement_with(scenario: &Scenario, reference: &str) -> Vec<(String, Agreement)> {
    let mut voters: Vec<&str> =
        scenario.votes.iter().flat_map(|vote| vote.ballots.keys().map(String::as_str)).collect();
    voters.sort_unstable();
    voters.dedup();
    let mut scores: Vec<(String, Agreement)> = voters
        .into_iter()
        .filter(|voter| *voter != reference)
        .filter_map(|voter| Some((voter.to_owned(), agreement(scenario, voter, reference)?)))
        .collect();
    scores.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then_with(|| a.0.cmp(&b.0)));
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ballots_agree_fully_half_or_not_at_all() {
        assert_eq!(ballot_agreement(Ballot::Yes, Ballot::Yes), Some(1.0));
        assert_eq!(ballot_agreement(Ballot::Abstain, Ballot::Abstain), Some(1.0));
        assert_eq!(ballot_agreement(Ballot::Yes, Ballot::Abstain), Some(0.5));
        assert_eq!(ballot_agreement(Ballot::Abstain, Ballot::No), Some(0.5));
        assert_eq!(ballot_agreement(Ballot::Yes, Ballot::No), Some(0.0));
        assert_eq!(ballot_agreement(Ballot::Absent, Ballot::Yes), None);
    }

    #[test]
    fn serbia_and_russia_agree_in_an_eighth_of_the_bundled_votes() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.unwrap();
        // Both voted in four resolutions: three times yes against no (0), once an abstention against no (0.5).
        let found = agreement(&scenario, "SRB", "RUS").unwrap();
        assert_eq!(found.votes, 4);
        assert!((found.score - 0.125).abs() < 1e-12);
        let with_russia = agreement_with(&scenario, "RUS");
        assert!(with_russia.iter().any(|(actor, _)| actor == "SRB"));
        assert!(with_russia.windows(2).all(|pair| pair[0].1.score >= pair[1].1.score));
    }

    #[test]
    fn a_bloc_votes_as_most_of_its_members() {
        let text = r#"Scenario(format: 1, title: "Votes",
            actors: [
                Actor(id: "A", name: "A", kind: State), Actor(id: "B", name: "B", kind: State),
                Actor(id: "C", name: "C", kind: State), Actor(id: "X", name: "X", kind: State),
                Actor(id: "BLOC", name: "Bloc", kind: Bloc, members: ["A", "B", "C"]),
            ],
            votes: [
                Vote(id: "1", date: "2022", title: "One", ballots: {"A": Yes, "B": Yes, "C": No, "X": Yes}),
                Vote(id: "2", date: "2023", title: "Two", ballots: {"A": Yes, "B": No, "C": Absent, "X": No}),
            ])"#;
        let scenario = crate::io::load_text(text).scenario.unwrap();
        assert_eq!(position(&scenario, &scenario.votes[0], "BLOC"), Some(Ballot::Yes));
        assert_eq!(position(&scenario, &scenario.votes[1], "BLOC"), None, "a tie between yes and no");
        let found = agreement(&scenario, "X", "BLOC").unwrap();
        assert_eq!((found.score, found.votes), (1.0, 1));
    }

    #[test]
    fn a_bloc_counts_a_state_from_the_day_it_joined() {
        // FIN joins on 2023-04-04. In March A says yes, B and FIN no: without FIN the bloc is split; in November
        // the same ballots give the bloc's no, FIN's ballot breaking the tie.
        let text = r#"Scenario(format: 1, title: "Accession",
            actors: [
                Actor(id: "A", name: "A", kind: State), Actor(id: "B", name: "B", kind: State),
                Actor(id: "FIN", name: "Finland", kind: State), Actor(id: "X", name: "X", kind: State),
                Actor(id: "BLOC", name: "Bloc", kind: Bloc, members: ["A", "B"],
                    memberships: [Membership(member: "FIN", from: "2023-04-04", sources: ["s"])]),
            ],
            votes: [
                Vote(id: "1", date: "2023-03-02", title: "Before", ballots: {"A": Yes, "B": No, "FIN": No, "X": No}),
                Vote(id: "2", date: "2023-11-01", title: "After", ballots: {"A": Yes, "B": No, "FIN": No, "X": No}),
            ],
            sources: [Source(id: "s", title: "A source")])"#;
        let scenario = crate::io::load_text(text).scenario.unwrap();
        assert_eq!(position(&scenario, &scenario.votes[0], "BLOC"), None, "one yes, one no: FIN is not yet a member");
        assert_eq!(position(&scenario, &scenario.votes[1], "BLOC"), Some(Ballot::No), "two noes with FIN");
        let found = agreement(&scenario, "X", "BLOC").unwrap();
        assert_eq!((found.score, found.votes), (1.0, 1), "only the vote after the accession has a bloc position");
    }
}
