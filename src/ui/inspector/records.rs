//! Every record that involves an actor, turned into Inspector rows grouped by kind.

use crate::model::date::Date;
use crate::model::{
    Certainty, Dated, EnergyFlow, Event, Period, RecordRef, SanctionStance, Scenario, ShareBasis, Stance, Tie, Vote,
};

use super::row::{Line, Piece, Row};
use crate::derived::ActorRecords;
use crate::format::percent;

/// Between the two ends of a directed record. egui's default fonts have no arrow glyph (U+2192), so words.
const DIRECTED: &str = " to ";
/// Between the two actors of a mutual tie.
const MUTUAL: &str = " – ";

/// A heading and its rows, in file order.
pub struct Group<'a> {
    pub title: &'static str,
    pub rows: Vec<Row<'a>>,
}

/// The records involving actor `id` (listed in `records`, worked out once per revision), grouped as Energy,
/// Sanctions, Ties, Votes and Events. A row is current when its record applies in `year` (every record is
/// current when `year` is `None`).
pub fn groups<'a>(scenario: &'a Scenario, records: &ActorRecords, id: &'a str, year: Option<i32>) -> [Group<'a>; 5] {
    let applies = |period: Period<'_>| year.is_none_or(|year| period.applies_in(year));
    let dated = |date: &str| year.is_none_or(|year| dated_in(date, year));
    let involved = |ids: &[String]| ids.iter().any(|other| other == id);
    // The lists may be of an earlier revision for a moment (a large scenario is worked out in the background):
    // each record is checked to still involve the actor.
    let pick = |indices: &[usize], list_len: usize| -> Vec<usize> {
        indices.iter().copied().filter(|&index| index < list_len).collect()
    };
    let energy = pick(&records.energy, scenario.energy.len())
        .into_iter()
        .map(|index| (index, &scenario.energy[index]))
        .filter(|(_, flow)| flow.supplier == id || flow.consumer == id || involved(&flow.via));
    let sanctions = pick(&records.sanctions, scenario.sanctions.len())
        .into_iter()
        .map(|index| (index, &scenario.sanctions[index]))
        .filter(|(_, stance)| stance.by == id || stance.target == id);
    let ties = pick(&records.ties, scenario.ties.len())
        .into_iter()
        .map(|index| (index, &scenario.ties[index]))
        .filter(|(_, tie)| tie.a == id || tie.b == id);
    let votes = pick(&records.votes, scenario.votes.len())
        .into_iter()
        .map(|index| (index, &scenario.votes[index]))
        .filter(|(_, vote)| vote.ballots.contains_key(id));
    let events = pick(&records.events, scenario.events.len())
        .into_iter()
        .map(|index| (index, &scenario.events[index]))
        .filter(|(_, event)| involved(&event.actors));
    [
        group(
            "Energy",
            energy.map(|(index, flow)| {
                energy_row(scenario, id, flow, applies(flow.period())).about(RecordRef::Energy(index))
            }),
        ),
        group(
            "Sanctions",
            sanctions.map(|(index, stance)| {
                sanction_row(scenario, id, stance, applies(stance.period())).about(RecordRef::Sanctions(index))
            }),
        ),
        group(
            "Ties",
            ties.map(|(index, tie)| tie_row(scenario, id, tie, applies(tie.period())).about(RecordRef::Tie(index))),
        ),
        group("Votes", votes.map(|(index, vote)| vote_row(id, vote, dated(&vote.date)).about(RecordRef::Vote(index)))),
        group(
            "Events",
            events.map(|(index, event)| {
                event_row(scenario, id, event, dated(&event.date)).about(RecordRef::Event(index))
            }),
        ),
    ]
}

fn group<'a>(title: &'static str, rows: impl Iterator<Item = Row<'a>>) -> Group<'a> {
    Group { title, rows: rows.collect() }
}

/// Whether a date falls in `year`; an unparsable date counts as applying (the validator reports it).
fn dated_in(date: &str, year: i32) -> bool {
    Date::parse(date).map_or(true, |date| date.year == year)
}

fn period_text(period: Period<'_>) -> String {
    if period.is_always() { String::new() } else { format!(" · {}", period.describe()) }
}

fn energy_row<'a>(scenario: &'a Scenario, id: &'a str, flow: &'a EnergyFlow, current: bool) -> Row<'a> {
    let basis = match flow.basis {
        ShareBasis::Consumption => "consumption",
        ShareBasis::Imports => "imports",
    };
    let mut line = Line::new(scenario, id).actor(&flow.supplier);
    if flow.supplier == flow.consumer {
        line = line.text(&format!(" · {} · own production", flow.commodity.label()));
    } else {
        line = line.text(DIRECTED).actor(&flow.consumer).text(&format!(" · {}", flow.commodity.label()));
    }
    line = line.text(&format!(" · {} of {basis}", percent(flow.share)));
    if let Some(volume) = flow.volume {
        line = line.text(&format!(" · {} {}", volume.0, volume.1.label()));
    }
    line = line.text(&period_text(flow.period()));
    if !flow.via.is_empty() {
        line = line.text(" · via ").actors(flow.via.iter().map(String::as_str));
    }
    if let Some(route) = &flow.route {
        line = line.text(&format!(" · {route}"));
    }
    row(line, flow.certainty, flow.note.as_deref(), &flow.sources, current)
}

fn sanction_row<'a>(scenario: &'a Scenario, id: &'a str, stance: &'a SanctionStance, current: bool) -> Row<'a> {
    let verb = match stance.stance {
        Stance::Imposes => " imposes on ",
        Stance::Aligns => " aligns with sanctions on ",
        Stance::Partial => " partly sanctions ",
        Stance::Refuses => " refuses to sanction ",
        Stance::Opposes => " opposes sanctions on ",
    };
    let line = Line::new(scenario, id).actor(&stance.by).text(verb).actor(&stance.target);
    let line = line.text(&period_text(stance.period()));
    row(line, stance.certainty, stance.note.as_deref(), &stance.sources, current)
}

fn tie_row<'a>(scenario: &'a Scenario, id: &'a str, tie: &'a Tie, current: bool) -> Row<'a> {
    let link = if tie.directed { DIRECTED } else { MUTUAL };
    let mut line = Line::new(scenario, id).actor(&tie.a).text(link).actor(&tie.b);
    line = line.text(&format!(" · {} · {:+.2}", tie.kind.label(), tie.strength));
    if let Some(topic) = &tie.topic {
        line = line.text(&format!(" · {topic}"));
    }
    line = line.text(&period_text(tie.period()));
    row(line, tie.certainty, tie.note.as_deref(), &tie.sources, current)
}

fn vote_row<'a>(id: &str, vote: &'a Vote, current: bool) -> Row<'a> {
    let ballot = vote.ballots.get(id).map_or("", |ballot| ballot.label());
    let mut text = format!("{} · {} · {ballot} · {}", vote.id, vote.date, vote.title);
    if let Some(body) = &vote.body {
        text.push_str(&format!(" · {body}"));
    }
    if let Some(totals) = vote.totals {
        text.push_str(&format!(" · {} yes, {} no, {} abstain", totals.yes, totals.no, totals.abstain));
    }
    let pieces = vec![Piece::Text(text)];
    Row {
        pieces,
        certainty: Certainty::Stated,
        note: vote.note.as_deref(),
        sources: &vote.sources,
        current,
        record: None,
    }
}

fn event_row<'a>(scenario: &'a Scenario, id: &'a str, event: &'a Event, current: bool) -> Row<'a> {
    let mut line = Line::new(scenario, id).text(&format!("{} · {}", event.date, event.title));
    let others: Vec<&str> = event.actors.iter().map(String::as_str).filter(|actor| *actor != id).collect();
    if !others.is_empty() {
        line = line.text(" · with ").actors(others);
    }
    row(line, Certainty::Stated, event.description.as_deref(), &event.sources, current)
}

fn row<'a>(
    line: Line<'a>,
    certainty: Certainty,
    note: Option<&'a str>,
    sources: &'a [String],
    current: bool,
) -> Row<'a> {
    Row { pieces: line.finish(), certainty, note, sources, current, record: None }
}
