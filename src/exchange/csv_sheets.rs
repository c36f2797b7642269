//! CSV sheets as spreadsheet users keep them: a sheet of actors and one per record kind (energy, sanctions,
//! ties, votes with a row per ballot, events, sources, layout), with the columns `docs/import-export.md`
//! lists. The import reads any delimiter, quoting, column order, BOM and line end; the export writes what the
//! import reads back unchanged.

pub(super) mod cells;
mod columns;
mod read;
mod write;

use std::collections::HashMap;

use super::{FileReport, ImportMapping, Imported};
use crate::model::{Scenario, Vote};
use cells::ShareColumn;
use columns::Kind;
use read::Row;

/// One CSV sheet of an export: what it holds ("actors", "energy"…) and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub kind: &'static str,
    pub text: String,
}

/// Every non-empty record kind of the scenario as a sheet, actors and sources always.
pub fn export(scenario: &Scenario) -> Vec<Sheet> {
    write::export(scenario)
}

pub fn import(name: &str, bytes: &[u8], mapping: &ImportMapping) -> Imported {
    let _ = mapping;
    let mut report = FileReport::new(name, None);
    let mut scenario = Scenario::default();
    let text = cells::decode(bytes, &mut report);
    let delimiter = cells::sniff_delimiter(&text);
    let mut reader = cells::reader(&text, delimiter);
    let headers = match reader.headers() {
        Ok(headers) if !headers.iter().all(|header| header.trim().is_empty()) => headers.clone(),
        _ => {
            report.refuse("the file has no header line");
            return Imported { scenario, report };
        }
    };
    let (columns, share_column) = column_positions(&headers);
    let Some(kind) = Kind::from_columns(&columns).or_else(|| Kind::from_file_name(name)) else {
        report.refuse(
            "its headers are not those of any sheet (actors, energy, sanctions, ties, votes, events, sources, \
             layout): see docs/import-export.md",
        );
        return Imported { scenario, report };
    };
    let missing: Vec<&str> = kind.required().iter().copied().filter(|column| !columns.contains_key(*column)).collect();
    if !missing.is_empty() {
        report.refuse(format!("a {} sheet needs the column(s) {}", kind.name(), missing.join(", ")));
        return Imported { scenario, report };
    }
    report_unknown_columns(kind, &headers, &mut report);
    let mut sheet = SheetReader { kind, scenario: &mut scenario, report: &mut report, vote_at: HashMap::new() };
    for (index, record) in reader.records().enumerate() {
        // Row 1 is the header, as a spreadsheet numbers it.
        let place = format!("row {}", index + 2);
        match record {
            Ok(cells) => {
                if cells.len() > headers.len() {
                    sheet.report.change(
                        &place,
                        format!(
                            "{} cells where the header has {}; the extra cells were left out",
                            cells.len(),
                            headers.len()
                        ),
                    );
                }
                if cells.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                let row = Row { cells: &cells, columns: &columns, delimiter, share_column };
                sheet.add(&row, &place);
            }
            Err(error) => sheet.report.skip(&place, format!("not readable as CSV: {error}")),
        }
    }
    Imported { scenario, report }
}

/// Each known column's position by its canonical name (the first of two columns of the same name wins), and
/// whether the share column is headed as percentages.
fn column_positions(headers: &csv::StringRecord) -> (HashMap<String, usize>, ShareColumn) {
    let mut columns = HashMap::new();
    let mut share_column = ShareColumn::Fraction;
    for (at, header) in headers.iter().enumerate() {
        let name = cells::column_name(header);
        if columns::is_percent_header(&name) {
            share_column = ShareColumn::Percent;
        }
        columns.entry(columns::canonical(&name).to_owned()).or_insert(at);
    }
    (columns, share_column)
}

fn report_unknown_columns(kind: Kind, headers: &csv::StringRecord, report: &mut FileReport) {
    for header in headers.iter() {
        let name = cells::column_name(header);
        if !kind.columns().contains(&columns::canonical(&name)) {
            report.skip(
                format!("column \"{}\"", header.trim()),
                format!("not a column of the {} sheet; its cells were not imported", kind.name()),
            );
        }
    }
}

/// Rows of one sheet becoming records of the partial scenario.
struct SheetReader<'s> {
    kind: Kind,
    scenario: &'s mut Scenario,
    report: &'s mut FileReport,
    /// Each vote's index in `scenario.votes` by id, so that its ballot rows join it.
    vote_at: HashMap<String, usize>,
}

impl SheetReader<'_> {
    fn add(&mut self, row: &Row, place: &str) {
        let added = match self.kind {
            Kind::Actors => read::actor(row).map(|actor| self.scenario.actors.push(actor)),
            Kind::Energy => read::energy(row).map(|flow| self.scenario.energy.push(flow)),
            Kind::Sanctions => read::sanction(row).map(|stance| self.scenario.sanctions.push(stance)),
            Kind::Ties => read::tie(row).map(|tie| self.scenario.ties.push(tie)),
            Kind::Votes => read::vote(row).and_then(|vote_row| self.add_ballot(vote_row, place)),
            Kind::Events => read::event(row).map(|event| self.scenario.events.push(event)),
            Kind::Sources => read::source(row).map(|source| self.scenario.sources.push(source)),
            Kind::Layout => read::position(row).map(|(actor, position)| {
                self.scenario.layout.insert(actor, position);
            }),
        };
        match added {
            Ok(()) if self.kind != Kind::Votes => self.report.mapped(mapped_label(self.kind), 1),
            Ok(()) => {}
            Err(why) => self.report.skip(place, why),
        }
    }

    fn add_ballot(&mut self, row: read::VoteRow, place: &str) -> Result<(), String> {
        let at = match self.vote_at.get(&row.vote.id) {
            Some(&at) => {
                if !same_vote(&self.scenario.votes[at], &row.vote) {
                    self.report.change(
                        place,
                        format!("vote \"{}\" is described differently on an earlier row; that row's wins", row.vote.id),
                    );
                }
                at
            }
            None => {
                self.vote_at.insert(row.vote.id.clone(), self.scenario.votes.len());
                self.scenario.votes.push(Vote { ballots: Default::default(), ..row.vote });
                self.report.mapped("votes", 1);
                self.scenario.votes.len() - 1
            }
        };
        if let Some((actor, ballot)) = row.ballot {
            let vote = &mut self.scenario.votes[at];
            if vote.ballots.contains_key(&actor) {
                return Err(format!("a second ballot of {actor} in vote \"{}\"; the first one was kept", vote.id));
            }
            vote.ballots.insert(actor, ballot);
            self.report.mapped("ballots", 1);
        }
        Ok(())
    }
}

fn same_vote(kept: &Vote, row: &Vote) -> bool {
    kept.date == row.date
        && kept.title == row.title
        && kept.body == row.body
        && kept.totals == row.totals
        && kept.note == row.note
        && kept.sources == row.sources
}

fn mapped_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Actors => "actors",
        Kind::Energy => "energy flows",
        Kind::Sanctions => "sanctions stances",
        Kind::Ties => "ties",
        Kind::Votes => "votes",
        Kind::Events => "events",
        Kind::Sources => "sources",
        Kind::Layout => "layout positions",
    }
}
