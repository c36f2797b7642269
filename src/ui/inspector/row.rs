//! One record as a wrapped line of text and actor links, followed by its certainty and sources.

use eframe::egui::{self, RichText};

use crate::model::{Certainty, RecordRef, Reliability, Scenario, Source};
use crate::state::Action;

/// A piece of a record's line: plain text, or an actor drawn as a link that selects it.
#[derive(Debug, PartialEq)]
pub enum Piece<'a> {
    Text(String),
    Actor(&'a str),
}

/// A record as the Inspector lists it.
#[derive(Debug)]
pub struct Row<'a> {
    pub pieces: Vec<Piece<'a>>,
    pub certainty: Certainty,
    pub note: Option<&'a str>,
    pub sources: &'a [String],
    /// Whether the record applies in the app-wide year (or no year is chosen).
    pub current: bool,
    /// The record the row shows, so that a record picked in a chart can be highlighted.
    pub record: Option<RecordRef>,
}

impl<'a> Row<'a> {
    pub fn about(self, record: RecordRef) -> Row<'a> {
        Row { record: Some(record), ..self }
    }
}

/// Builds a row's pieces; the inspected actor and unknown ids become text, other actors links.
pub struct Line<'a> {
    scenario: &'a Scenario,
    focus: &'a str,
    pieces: Vec<Piece<'a>>,
}

impl<'a> Line<'a> {
    pub fn new(scenario: &'a Scenario, focus: &'a str) -> Self {
        Line { scenario, focus, pieces: Vec::new() }
    }

    pub fn text(mut self, text: &str) -> Self {
        match self.pieces.last_mut() {
            Some(Piece::Text(last)) => last.push_str(text),
            _ => self.pieces.push(Piece::Text(text.to_owned())),
        }
        self
    }

    pub fn actor(mut self, id: &'a str) -> Self {
        if id == self.focus || self.scenario.actor(id).is_none() {
            let name = self.scenario.actor_name(id);
            return self.text(name);
        }
        self.pieces.push(Piece::Actor(id));
        self
    }

    /// Actors separated by commas.
    pub fn actors(self, ids: impl IntoIterator<Item = &'a str>) -> Self {
        ids.into_iter()
            .enumerate()
            .fold(self, |line, (index, id)| if index == 0 { line } else { line.text(", ") }.actor(id))
    }

    pub fn finish(self) -> Vec<Piece<'a>> {
        self.pieces
    }
}

pub fn row_ui(ui: &mut egui::Ui, scenario: &Scenario, row: &Row<'_>, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        if !row.current {
            let dimmed = ui.visuals().hyperlink_color.gamma_multiply(0.6);
            ui.visuals_mut().hyperlink_color = dimmed;
        }
        for piece in &row.pieces {
            match piece {
                Piece::Text(text) if row.current => ui.label(text.as_str()),
                Piece::Text(text) => ui.label(RichText::new(text).weak()),
                Piece::Actor(id) => actor_link(ui, scenario, id, actions),
            };
        }
        certainty_ui(ui, row);
        ui.add_space(8.0);
        sources_ui(ui, scenario, row.sources);
    });
}

/// An actor's name as a link; clicking selects it, shift-click adds it to the selection.
pub fn actor_link(ui: &mut egui::Ui, scenario: &Scenario, id: &str, actions: &mut Vec<Action>) -> egui::Response {
    let name = scenario.actor_name(id);
    let response = ui.link(name).on_hover_text(format!("Select {name} (id {id}); shift-click adds to the selection"));
    if response.clicked() {
        let additive = ui.input(|input| input.modifiers.shift);
        actions.push(Action::Select { id: id.to_owned(), additive });
    }
    response
}

/// "Members: A, B" with each actor a link; nothing when the list is empty.
pub fn labelled_actors(ui: &mut egui::Ui, scenario: &Scenario, label: &str, ids: &[&str], actions: &mut Vec<Action>) {
    if ids.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.label(format!("{label} "));
        for (index, id) in ids.iter().enumerate() {
            if index > 0 {
                ui.label(", ");
            }
            actor_link(ui, scenario, id, actions);
        }
    });
}

fn certainty_ui(ui: &mut egui::Ui, row: &Row<'_>) {
    let (marker, meaning) = match row.certainty {
        Certainty::Reported => ("reported", Some("Repeated second-hand by the cited source.")),
        Certainty::Estimate => ("estimate", Some("An estimate or a reading of several sources.")),
        Certainty::Disputed => ("disputed", Some("The cited sources disagree; the note gives each.")),
        Certainty::Stated if row.note.is_some() => ("note", None),
        Certainty::Stated => return,
    };
    let hover: Vec<&str> = meaning.into_iter().chain(row.note).collect();
    ui.label(RichText::new(format!(" ({marker})")).italics().weak()).on_hover_text(hover.join("\n"));
}

/// Each source id as a small "[id]" link to its url, with its title, publisher and date on hover.
pub fn sources_ui(ui: &mut egui::Ui, scenario: &Scenario, ids: &[String]) {
    if ids.is_empty() {
        ui.label(RichText::new("no source").small().weak());
        return;
    }
    for (index, id) in ids.iter().enumerate() {
        if index > 0 {
            ui.add_space(4.0);
        }
        let text = RichText::new(format!("[{id}]")).small();
        match scenario.source(id) {
            Some(source) => {
                let hover = source_description(source);
                match &source.url {
                    Some(url) => crate::ui::source_link::source_link(ui, text, url),
                    None => ui.label(text),
                }
                .on_hover_text(hover);
                grade_ui(ui, source.reliability);
            }
            None => {
                ui.label(text.weak()).on_hover_text(format!("No source with id {id} in this scenario"));
            }
        }
    }
}

/// A source's grade as its letter beside the source; D and below in the warning colour, "?" when ungraded.
fn grade_ui(ui: &mut egui::Ui, grade: Option<Reliability>) {
    let (letter, hover) = match grade {
        Some(grade) => (grade.letter(), format!("Source reliability {}", grade.label())),
        None => ("?", "Source not graded: counts as F (reliability cannot be judged)".to_owned()),
    };
    let mut text = RichText::new(format!(" {letter}")).small().strong();
    if grade.is_none_or(Reliability::is_low) {
        text = text.color(ui.visuals().warn_fg_color);
    }
    ui.label(text).on_hover_text(hover);
}

fn source_description(source: &Source) -> String {
    let mut lines = vec![source.title.clone()];
    lines.extend(source.publisher.clone());
    lines.extend(source.date.clone());
    lines.extend(source.url.clone());
    lines.extend(source.reliability.map(|grade| format!("Reliability {}", grade.label())));
    lines.extend(source.note.clone());
    lines.join("\n")
}
