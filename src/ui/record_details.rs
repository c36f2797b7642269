//! The lines under a record in every tooltip: its route, when it applies, how certain it is, its note and the
//! sources it cites.

use eframe::egui;

use crate::model::{Certainty, Dated, RecordRef, Scenario};

/// Adds the record's details to a tooltip; a record that no longer exists adds nothing.
pub fn ui(ui: &mut egui::Ui, scenario: &Scenario, record: RecordRef) {
    let Some(details) = details(scenario, record) else { return };
    if let Some(route) = details.route {
        ui.label(format!("Route: {route}"));
    }
    ui.weak(format!("When: {}", details.when));
    match details.certainty {
        Some(Certainty::Reported) => {
            ui.weak("Reported second-hand by the source");
        }
        Some(Certainty::Estimate) => {
            ui.weak("An estimate: see the note");
        }
        _ => {}
    }
    if let Some(note) = details.note {
        ui.label(note);
    }
    let cited: Vec<String> = details
        .sources
        .iter()
        .map(|id| scenario.source(id).map_or_else(|| id.clone(), |source| source.title.clone()))
        .collect();
    if cited.is_empty() {
        ui.weak("No source cited");
    } else {
        ui.weak(format!("Sources: {}", cited.join("; ")));
    }
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
