//! The editor's table rows: each record kind's columns as text, and the filtered, sorted order of the rows.
//! No drawing here, so the order can be tested on its own.

use std::cmp::Ordering;

use crate::edit::RecordKind;
use crate::format::{percent, signed};
use crate::model::{Dated, Scenario};

/// The column headings of each kind's table.
pub fn columns(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Actor => &["Id", "Name", "Local name", "Kind", "Groups", "Sources"],
        RecordKind::Energy => {
            &["Supplier", "Consumer", "Commodity", "Share", "Basis", "Year", "Route", "Certainty", "Sources"]
        }
        RecordKind::Sanctions => &["By", "Target", "Stance", "When", "Certainty", "Sources"],
        RecordKind::Tie => &["Actor A", "Actor B", "Kind", "Strength", "When", "Topic", "Sources"],
        RecordKind::Vote => &["Id", "Date", "Title", "Ballots", "Sources"],
        RecordKind::Event => &["Date", "Title", "Actors", "Sources"],
        RecordKind::Source => &["Id", "Title", "Publisher", "Date", "Grade", "Cited by"],
        RecordKind::StoryStep => &["Step", "Title", "View", "Focus", "Year"],
    }
}

/// The text of each column for record `index` of `kind`.
pub fn cells(scenario: &Scenario, kind: RecordKind, index: usize) -> Vec<String> {
    let name = |id: &str| scenario.actor_name(id).to_owned();
    let names = |ids: &[String]| ids.iter().map(|id| scenario.actor_name(id)).collect::<Vec<_>>().join(", ");
    let list = |ids: &[String]| ids.join(", ");
    match kind {
        RecordKind::Actor => {
            let actor = &scenario.actors[index];
            vec![
                actor.id.clone(),
                actor.name.clone(),
                actor.local_name.clone().unwrap_or_default(),
                actor.kind.label().to_owned(),
                list(&actor.groups),
                list(&actor.sources),
            ]
        }
        RecordKind::Energy => {
            let flow = &scenario.energy[index];
            let basis = match flow.basis {
                crate::model::ShareBasis::Consumption => "consumption",
                crate::model::ShareBasis::Imports => "imports",
            };
            let route = flow.route.clone().unwrap_or_else(|| names(&flow.via));
            vec![
                name(&flow.supplier),
                name(&flow.consumer),
                flow.commodity.label().to_owned(),
                percent(flow.share),
                basis.to_owned(),
                flow.period().describe(),
                route,
                format!("{:?}", flow.certainty),
                list(&flow.sources),
            ]
        }
        RecordKind::Sanctions => {
            let stance = &scenario.sanctions[index];
            vec![
                name(&stance.by),
                name(&stance.target),
                stance.stance.label().to_owned(),
                stance.period().describe(),
                format!("{:?}", stance.certainty),
                list(&stance.sources),
            ]
        }
        RecordKind::Tie => {
            let tie = &scenario.ties[index];
            vec![
                name(&tie.a),
                name(&tie.b),
                tie.kind.label().to_owned(),
                signed(tie.strength),
                tie.period().describe(),
                tie.topic.clone().unwrap_or_default(),
                list(&tie.sources),
            ]
        }
        RecordKind::Vote => {
            let vote = &scenario.votes[index];
            vec![
                vote.id.clone(),
                vote.date.clone(),
                vote.title.clone(),
                vote.ballots.len().to_string(),
                list(&vote.sources),
            ]
        }
        RecordKind::Event => {
            let event = &scenario.events[index];
            vec![event.date.clone(), event.title.clone(), names(&event.actors), list(&event.sources)]
        }
        RecordKind::Source => {
            let source = &scenario.sources[index];
            vec![
                source.id.clone(),
                source.title.clone(),
                source.publisher.clone().unwrap_or_default(),
                source.date.clone().unwrap_or_default(),
                source.reliability.map_or(String::new(), |grade| grade.letter().to_owned()),
                crate::edit::references::source_citations(scenario, &source.id).to_string(),
            ]
        }
        RecordKind::StoryStep => {
            let step = &scenario.story[index];
            vec![
                (index + 1).to_string(),
                step.title.clone(),
                format!("{:?}", step.view),
                names(&step.focus),
                step.year.map(|year| year.to_string()).unwrap_or_default(),
            ]
        }
    }
}

/// How the table is sorted: by a column, up or down; `None` keeps the file's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub column: Option<usize>,
    pub descending: bool,
}

/// The rows shown: those whose text contains `filter` (ignoring case) in any column, in the chosen order. Each
/// row is (record index, its cells).
pub fn rows(scenario: &Scenario, kind: RecordKind, filter: &str, sort: Sort) -> Vec<(usize, Vec<String>)> {
    let filter = filter.trim().to_lowercase();
    let mut rows: Vec<(usize, Vec<String>)> = (0..kind.count(scenario))
        .map(|index| (index, cells(scenario, kind, index)))
        .filter(|(_, cells)| filter.is_empty() || cells.iter().any(|cell| cell.to_lowercase().contains(&filter)))
        .collect();
    if let Some(column) = sort.column {
        rows.sort_by(|a, b| {
            let order = compare_cells(&a.1[column], &b.1[column]).then(a.0.cmp(&b.0));
            if sort.descending { order.reverse() } else { order }
        });
    }
    rows
}

/// Numbers (a leading number, as in "85%" or "-0.5") compare as numbers, everything else as text.
fn compare_cells(a: &str, b: &str) -> Ordering {
    match (leading_number(a), leading_number(b)) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        _ => a.to_lowercase().cmp(&b.to_lowercase()),
    }
}

fn leading_number(text: &str) -> Option<f64> {
    let end = text
        .char_indices()
        .find(|&(position, character)| {
            !(character.is_ascii_digit() || character == '.' || (position == 0 && "+-".contains(character)))
        })
        .map_or(text.len(), |(position, _)| position);
    text[..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads")
    }

    #[test]
    fn filtering_keeps_rows_that_mention_the_text_in_any_column() {
        let scenario = scenario();
        let rows = rows(&scenario, RecordKind::Energy, "bosnia", Sort::default());
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|(_, cells)| cells[1] == "Bosnia and Herzegovina"));
    }

    #[test]
    fn sorting_by_share_compares_numbers_not_text() {
        let scenario = scenario();
        let sort = Sort { column: Some(3), descending: true };
        let shares: Vec<f64> = rows(&scenario, RecordKind::Energy, "", sort)
            .iter()
            .map(|(_, cells)| leading_number(&cells[3]).unwrap())
            .collect();
        assert!(shares.windows(2).all(|pair| pair[0] >= pair[1]), "{shares:?}");
        assert_eq!(shares[0], 100.0);
    }

    #[test]
    fn numbers_lead_cells_in_several_forms() {
        assert_eq!(leading_number("85%"), Some(85.0));
        assert_eq!(leading_number("-0.5"), Some(-0.5));
        assert_eq!(leading_number("+0.8"), Some(0.8));
        assert_eq!(leading_number("Gas"), None);
        assert_eq!(compare_cells("9%", "10%"), Ordering::Less, "not text order");
    }
}
