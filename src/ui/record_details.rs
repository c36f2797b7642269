//! The lines under a record in every tooltip: its route, when it applies, how certain it is, its note and the
//! sources it cites.

use eframe::egui;

use crate::model::{Certainty, Dated, RecordRef, Scenario};

/// Adds the record's details to a tooltip; a record that no longer exists adds nothing.
pub fn ui(ui: &mut egui::Ui, scenario: &Scenario, record: RecordRef) {
    for (text, weak) in lines(scenario, record) {
        if weak {
            ui.weak(text);
        } else {
            ui.label(text);
        }
    }
}

/// The lines under a record, each with whether it is drawn weak: its route, when it applies, where it is in the
/// file and how certain it is, its note, its sources. Every number a tooltip shows thus comes with its record,
/// its period and its certainty (the share's basis is on the line above, with the number).
fn lines(scenario: &Scenario, record: RecordRef) -> Vec<(String, bool)> {
    let Some(details) = details(scenario, record) else { return Vec::new() };
    let mut lines = Vec::new();
    if let Some(route) = details.route {
        lines.push((format!("Route: {route}"), false));
    }
    lines.push((format!("When: {}", details.when), true));
    let certainty = match details.certainty {
        Some(Certainty::Stated) => " · stated by the source",
        Some(Certainty::Reported) => " · reported second-hand by the source",
        Some(Certainty::Estimate) => " · an estimate: see the note",
        Some(Certainty::Disputed) => " · disputed: the sources disagree, see the note",
        None => "",
    };
    lines.push((format!("Record {}{certainty}", record.path()), true));
    if let Some(note) = details.note {
        lines.push((note.to_owned(), false));
    }
    let cited: Vec<String> = details
        .sources
        .iter()
        .map(|id| match scenario.source(id) {
            Some(source) => match source.reliability {
                Some(grade) => format!("{} (graded {})", source.title, grade.letter()),
                None => format!("{} (not graded)", source.title),
            },
            None => id.clone(),
        })
        .collect();
    if cited.is_empty() {
        lines.push(("No source cited".to_owned(), true));
    } else {
        lines.push((format!("Sources: {}", cited.join("; ")), true));
    }
    lines
}

struct Details<'a> {
    when: String,
    route: Option<&'a str>,
    certainty: Option<Certainty>,
    note: Option<&'a str>,
    sources: &'a [String],
}

fn details(scenario: &Scenario, record: RecordRef) -> Option<Details<'_>> {
    Some(match record {
        RecordRef::Energy(index) => {
            let flow = scenario.energy.get(index)?;
            Details {
                when: flow.period().describe(),
                route: flow.route.as_deref(),
                certainty: Some(flow.certainty),
                note: flow.note.as_deref(),
                sources: &flow.sources,
            }
        }
        RecordRef::Sanctions(index) => {
            let stance = scenario.sanctions.get(index)?;
            Details {
                when: stance.period().describe(),
                route: None,
                certainty: Some(stance.certainty),
                note: stance.note.as_deref(),
                sources: &stance.sources,
            }
        }
        RecordRef::Tie(index) => {
            let tie = scenario.ties.get(index)?;
            Details {
                when: tie.period().describe(),
                route: None,
                certainty: Some(tie.certainty),
                note: tie.note.as_deref(),
                sources: &tie.sources,
            }
        }
        RecordRef::Vote(index) => {
            let vote = scenario.votes.get(index)?;
            Details {
                when: vote.date.clone(),
                route: None,
                certainty: None,
                note: vote.note.as_deref(),
                sources: &vote.sources,
            }
        }
        RecordRef::Event(index) => {
            let event = scenario.events.get(index)?;
            Details {
                when: event.date.clone(),
                route: None,
                certainty: None,
                note: event.description.as_deref(),
                sources: &event.sources,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_says_where_it_is_when_it_applies_and_how_certain_it_is() {
        let scenario = crate::io::parse_scenario(crate::library::BUNDLED[0].text).expect("bundled parses");
        let texts = |record| lines(&scenario, record).into_iter().map(|(text, _)| text).collect::<Vec<_>>();
        for (index, flow) in scenario.energy.iter().enumerate() {
            let texts = texts(RecordRef::Energy(index));
            assert!(texts.iter().any(|text| text.starts_with("When: ")), "{texts:?}");
            let expected = match flow.certainty {
                Certainty::Stated => "stated by the source",
                Certainty::Reported => "reported second-hand",
                Certainty::Estimate => "an estimate",
                Certainty::Disputed => "disputed",
            };
            let record = format!("Record energy[{index}] · {expected}");
            assert!(texts.iter().any(|text| text.starts_with(&record)), "{texts:?}");
        }
        let sources = texts(RecordRef::Energy(0));
        let graded = |text: &String| text.starts_with("Sources: ") && text.contains(" (graded ");
        assert!(sources.iter().any(graded), "each cited source with its grade: {sources:?}");
        let vote = texts(RecordRef::Vote(0));
        assert!(vote.contains(&"Record votes[0]".to_owned()), "{vote:?}");
        assert!(texts(RecordRef::Energy(usize::MAX)).is_empty(), "a record gone adds nothing");
    }
}
