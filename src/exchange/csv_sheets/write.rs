//! A scenario as CSV sheets: comma-delimited, RFC 4180 quoting, CRLF line ends, `.` decimals, UTF-8 with a
//! byte-order mark (without it Excel reads UTF-8 as the local code page and garbles "Србија"; LibreOffice,
//! Google Sheets and this import all skip it). Floats are written in Rust's shortest form that reads back
//! exactly, so a sheet round-trips its figures.

use super::Sheet;
use super::cells::LIST_SEPARATOR;
use super::columns::Kind;
use crate::model::{Certainty, Commodity, Scenario, ShareBasis};

pub fn export(scenario: &Scenario) -> Vec<Sheet> {
    let mut sheets = vec![sheet(Kind::Actors, actors(scenario))];
    let optional = [
        (Kind::Energy, scenario.energy.is_empty(), energy as fn(&Scenario) -> Vec<Vec<String>>),
        (Kind::Sanctions, scenario.sanctions.is_empty(), sanctions),
        (Kind::Ties, scenario.ties.is_empty(), ties),
        (Kind::Votes, scenario.votes.is_empty(), votes),
        (Kind::Events, scenario.events.is_empty(), events),
    ];
    for (kind, empty, rows) in optional {
        if !empty {
            sheets.push(sheet(kind, rows(scenario)));
        }
    }
    sheets.push(sheet(Kind::Sources, sources(scenario)));
    if !scenario.layout.is_empty() {
        sheets.push(sheet(Kind::Layout, layout(scenario)));
    }
    sheets
}

fn sheet(kind: Kind, rows: Vec<Vec<String>>) -> Sheet {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to a Vec cannot fail, and every row has the header's length, so errors are impossible here;
    // they are still not unwrapped, and an impossible error leaves the sheet short rather than panicking.
    let _ = writer.write_record(kind.columns());
    for row in rows {
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let text = format!("\u{feff}{}", String::from_utf8_lossy(&bytes));
    Sheet { kind: kind.name(), text }
}

fn actors(scenario: &Scenario) -> Vec<Vec<String>> {
    scenario
        .actors
        .iter()
        .map(|actor| {
            vec![
                actor.id.clone(),
                actor.name.clone(),
                optional(&actor.local_name),
                actor.kind.label().to_owned(),
                actor.location.map_or(String::new(), |point| point.lat.to_string()),
                actor.location.map_or(String::new(), |point| point.lon.to_string()),
                optional(&actor.region),
                optional(&actor.subregion),
                list(&actor.groups),
                list(&actor.members),
                optional(&actor.note),
                list(&actor.sources),
            ]
        })
        .collect()
}

fn energy(scenario: &Scenario) -> Vec<Vec<String>> {
    scenario
        .energy
        .iter()
        .map(|flow| {
            vec![
                flow.supplier.clone(),
                flow.consumer.clone(),
                commodity(&flow.commodity),
                flow.share.to_string(),
                match flow.basis {
                    ShareBasis::Consumption => "Consumption",
                    ShareBasis::Imports => "Imports",
                }
                .to_owned(),
                flow.volume.map_or(String::new(), |volume| volume.0.to_string()),
                flow.volume.map_or(String::new(), |volume| volume.1.label().to_owned()),
                list(&flow.via),
                optional(&flow.route),
                year(flow.year),
                optional(&flow.from),
                optional(&flow.until),
                certainty(flow.certainty),
                optional(&flow.note),
                list(&flow.sources),
            ]
        })
        .collect()
}

fn sanctions(scenario: &Scenario) -> Vec<Vec<String>> {
    scenario
        .sanctions
        .iter()
        .map(|record| {
            vec![
                record.by.clone(),
                record.target.clone(),
                record.stance.label().to_owned(),
                year(record.year),
                optional(&record.from),
                optional(&record.until),
                certainty(record.certainty),
                optional(&record.note),
                list(&record.sources),
            ]
        })
        .collect()
}

fn ties(scenario: &Scenario) -> Vec<Vec<String>> {
    scenario
        .ties
        .iter()
        .map(|tie| {
            vec![
                tie.a.clone(),
                tie.b.clone(),
                tie.kind.label().to_owned(),
                tie.strength.to_string(),
                optional(&tie.topic),
                if tie.directed { "yes" } else { "" }.to_owned(),
                year(tie.year),
                optional(&tie.from),
                optional(&tie.until),
                certainty(tie.certainty),
                optional(&tie.note),
                list(&tie.sources),
            ]
        })
        .collect()
}

/// One row per ballot; the vote's own fields are repeated on each of its rows. A vote without ballots still
/// has a row, with the actor and ballot cells empty.
fn votes(scenario: &Scenario) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for vote in &scenario.votes {
        let totals = |count: fn(&crate::model::VoteTotals) -> Option<u32>| {
            vote.totals.as_ref().and_then(count).map_or(String::new(), |count| count.to_string())
        };
        let row = |actor: &str, ballot: &str| {
            vec![
                vote.id.clone(),
                vote.date.clone(),
                vote.title.clone(),
                optional(&vote.body),
                actor.to_owned(),
                ballot.to_owned(),
                totals(|totals| Some(totals.yes)),
                totals(|totals| Some(totals.no)),
                totals(|totals| Some(totals.abstain)),
                totals(|totals| totals.absent),
                optional(&vote.note),
                list(&vote.sources),
            ]
        };
        if vote.ballots.is_empty() {
            rows.push(row("", ""));
        }
        for (actor, ballot) in &vote.ballots {
            rows.push(row(actor, ballot.label()));
        }
    }
    rows
}

fn events(scenario: &Scenario) -> Vec<Vec<String>> {
    scenario
        .events
        .iter()
        .map(|event| {
            vec![
                event.date.clone(),
                event.title.clone(),
                optional(&event.description),
                list(&event.actors),
                list(&event.sources),
            ]
        })
        .collect()
}

fn sources(scenario: &Scenario) -> Vec<Vec<String>> {
    scenario
        .sources
        .iter()
        .map(|source| {
            vec![
                source.id.clone(),
                source.title.clone(),
                optional(&source.publisher),
                optional(&source.date),
                optional(&source.url),
                source.reliability.map_or(String::new(), |grade| grade.letter().to_owned()),
                optional(&source.note),
            ]
        })
        .collect()
}

fn layout(scenario: &Scenario) -> Vec<Vec<String>> {
    scenario
        .layout
        .iter()
        .map(|(actor, position)| vec![actor.clone(), position.0.to_string(), position.1.to_string()])
        .collect()
}

/// A commodity's name; the sheet writes `NuclearFuel` as the scenario format does, so that it reads back.
pub fn commodity(commodity: &Commodity) -> String {
    match commodity {
        Commodity::NuclearFuel => "NuclearFuel".to_owned(),
        other => other.label().to_owned(),
    }
}

fn certainty(certainty: Certainty) -> String {
    match certainty {
        Certainty::Stated => "",
        Certainty::Reported => "Reported",
        Certainty::Disputed => "Disputed",
        Certainty::Estimate => "Estimate",
    }
    .to_owned()
}

fn optional(text: &Option<String>) -> String {
    text.clone().unwrap_or_default()
}

fn year(year: Option<i32>) -> String {
    year.map_or(String::new(), |year| year.to_string())
}

fn list(items: &[String]) -> String {
    items.join(&format!("{LIST_SEPARATOR} "))
}
