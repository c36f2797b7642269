//! One form per record kind, each drawn on a copy of the record: the editor compares the copy with the record
//! and turns a difference into an undoable edit named for the field that changed.

use eframe::egui;

use super::widgets::{self, Form, IdsOf};
use crate::edit::{Record, RecordKind};
use crate::model::{
    Actor, ActorKind, Ballot, Certainty, Commodity, EnergyFlow, Event, Layer, Membership, MembershipStatus,
    Reliability, SanctionStance, ShareBasis, Source, Stance, StoryCamera, StoryFilters, StoryShock, StoryStep, Tie,
    TieKind, ViewKind, Vote,
};

const CERTAINTIES: [(Certainty, &str); 4] = [
    (Certainty::Stated, "Stated by the source"),
    (Certainty::Reported, "Reported second-hand"),
    (Certainty::Estimate, "Estimate"),
    (Certainty::Disputed, "Disputed: sources disagree"),
];

/// A source's grade, or none; a record resting only on ungraded sources counts as F.
const RELIABILITIES: [(Option<Reliability>, &str); 7] = [
    (None, "Not graded"),
    (Some(Reliability::A), "A: completely reliable"),
    (Some(Reliability::B), "B: usually reliable"),
    (Some(Reliability::C), "C: fairly reliable"),
    (Some(Reliability::D), "D: not usually reliable"),
    (Some(Reliability::E), "E: unreliable"),
    (Some(Reliability::F), "F: cannot be judged"),
];

/// Draws the form for any record; the fields it shows are listed so that other problems are shown above it.
pub fn record_form(ui: &mut egui::Ui, form: &mut Form<'_>, record: &mut Record) {
    // Every field of the format has a row, except the id of an actor or source: Rename, above the form, changes
    // it, so its problems are listed with the record's own.
    let kind = record.kind();
    let shown: Vec<&str> = kind
        .record_type()
        .fields()
        .iter()
        .copied()
        .filter(|field| !(*field == "id" && matches!(kind, RecordKind::Actor | RecordKind::Source)))
        .collect();
    form.general_problems(ui, &shown);
    egui::Grid::new("record_form").num_columns(2).spacing([12.0, 6.0]).striped(true).show(ui, |ui| match record {
        Record::Actor(actor) => actor_form(ui, form, actor),
        Record::Energy(flow) => energy_form(ui, form, flow),
        Record::Sanctions(stance) => sanctions_form(ui, form, stance),
        Record::Tie(tie) => tie_form(ui, form, tie),
        Record::Vote(vote) => vote_form(ui, form, vote),
        Record::Event(event) => event_form(ui, form, event),
        Record::Source(source) => source_form(ui, form, source),
        Record::StoryStep(step) => story_form(ui, form, step),
    });
}

fn actor_form(ui: &mut egui::Ui, form: &mut Form<'_>, actor: &mut Actor) {
    let scenario = form.scenario;
    form.row(ui, "Name", "name", |ui| widgets::text(ui, &mut actor.name));
    form.row(ui, "Local name", "local_name", |ui| widgets::optional_text(ui, &mut actor.local_name, false));
    let kinds = ActorKind::ALL.map(|kind| (kind, kind.label()));
    form.row(ui, "Kind", "kind", |ui| widgets::choice(ui, "actor kind", &mut actor.kind, &kinds));
    form.row(ui, "Location", "location", |ui| widgets::location(ui, &mut actor.location));
    form.row(ui, "Region (UN M49)", "region", |ui| widgets::optional_text(ui, &mut actor.region, false));
    form.row(ui, "Sub-region", "subregion", |ui| widgets::optional_text(ui, &mut actor.subregion, false));
    form.row(ui, "Groups", "groups", |ui| widgets::labels(ui, &mut actor.groups));
    form.row(ui, "Members", "members", |ui| widgets::ids(ui, "members", scenario, &mut actor.members, IdsOf::Actors));
    form.row(ui, "Dated memberships", "memberships", |ui| memberships(ui, scenario, &mut actor.memberships));
    form.row(ui, "Note", "note", |ui| widgets::optional_text(ui, &mut actor.note, true));
    form.row(ui, "Sources", "sources", |ui| widgets::ids(ui, "sources", scenario, &mut actor.sources, IdsOf::Sources));
}

/// Each membership with its member, status, dates, note and sources and a button to remove it; then a picker that
/// adds a membership for an actor.
fn memberships(ui: &mut egui::Ui, scenario: &crate::model::Scenario, memberships: &mut Vec<Membership>) -> bool {
    let statuses = MembershipStatus::ALL.map(|status| (status, status.label()));
    let mut changed = false;
    let mut removed = None;
    for (index, membership) in memberships.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            changed |= widgets::actor(ui, &format!("membership {index} member"), scenario, &mut membership.member);
            changed |= widgets::choice(ui, &format!("membership {index} status"), &mut membership.status, &statuses);
            if ui.small_button("×").on_hover_text("Remove this membership").clicked() {
                removed = Some(index);
            }
        });
        ui.horizontal(|ui| {
            ui.label("from");
            changed |= widgets::optional_date(ui, &mut membership.from);
            ui.label("until");
            changed |= widgets::optional_date(ui, &mut membership.until);
        });
        ui.horizontal(|ui| {
            ui.label("note");
            changed |= widgets::optional_text(ui, &mut membership.note, false);
        });
        let sources_salt = format!("membership {index} sources");
        changed |= widgets::ids(ui, &sources_salt, scenario, &mut membership.sources, IdsOf::Sources);
        ui.separator();
    }
    if let Some(index) = removed {
        memberships.remove(index);
        changed = true;
    }
    let mut added: Vec<String> = Vec::new();
    if widgets::ids(ui, "add membership", scenario, &mut added, IdsOf::Actors) {
        memberships.extend(added.into_iter().map(|member| Membership { member, ..Membership::default() }));
        changed = true;
    }
    changed
}

fn commodities(current: &Commodity) -> Vec<(Commodity, &'static str)> {
    let mut options = vec![
        (Commodity::Gas, "Gas"),
        (Commodity::Oil, "Oil"),
        (Commodity::Coal, "Coal"),
        (Commodity::Electricity, "Electricity"),
        (Commodity::NuclearFuel, "Nuclear fuel"),
    ];
    if let Commodity::Other(_) = current {
        options.push((current.clone(), "Other"));
    }
    options
}

fn energy_form(ui: &mut egui::Ui, form: &mut Form<'_>, flow: &mut EnergyFlow) {
    let scenario = form.scenario;
    form.row(ui, "Supplier", "supplier", |ui| widgets::actor(ui, "supplier", scenario, &mut flow.supplier));
    form.row(ui, "Consumer", "consumer", |ui| widgets::actor(ui, "consumer", scenario, &mut flow.consumer));
    let commodities = commodities(&flow.commodity);
    form.row(ui, "Commodity", "commodity", |ui| widgets::choice(ui, "commodity", &mut flow.commodity, &commodities));
    form.row(ui, "Share", "share", |ui| widgets::share(ui, &mut flow.share));
    let bases = [(ShareBasis::Consumption, "of total consumption"), (ShareBasis::Imports, "of imports")];
    form.row(ui, "Share is", "basis", |ui| widgets::choice(ui, "basis", &mut flow.basis, &bases));
    form.row(ui, "Volume", "volume", |ui| widgets::volume(ui, &mut flow.volume));
    form.row(ui, "Transit (in order)", "via", |ui| widgets::ids(ui, "via", scenario, &mut flow.via, IdsOf::Actors));
    form.row(ui, "Route", "route", |ui| widgets::optional_text(ui, &mut flow.route, false));
    form.row(ui, "When", "year", |ui| widgets::period(ui, &mut flow.year, &mut flow.from, &mut flow.until));
    form.row(ui, "Certainty", "certainty", |ui| widgets::choice(ui, "certainty", &mut flow.certainty, &CERTAINTIES));
    form.row(ui, "Note", "note", |ui| widgets::optional_text(ui, &mut flow.note, true));
    form.row(ui, "Sources", "sources", |ui| widgets::ids(ui, "sources", scenario, &mut flow.sources, IdsOf::Sources));
}

fn sanctions_form(ui: &mut egui::Ui, form: &mut Form<'_>, stance: &mut SanctionStance) {
    let scenario = form.scenario;
    form.row(ui, "By", "by", |ui| widgets::actor(ui, "by", scenario, &mut stance.by));
    form.row(ui, "Against", "target", |ui| widgets::actor(ui, "target", scenario, &mut stance.target));
    let stances = Stance::ALL.map(|stance| (stance, stance.label()));
    form.row(ui, "Stance", "stance", |ui| widgets::choice(ui, "stance", &mut stance.stance, &stances));
    form.row(ui, "When", "year", |ui| widgets::period(ui, &mut stance.year, &mut stance.from, &mut stance.until));
    form.row(ui, "Certainty", "certainty", |ui| widgets::choice(ui, "certainty", &mut stance.certainty, &CERTAINTIES));
    form.row(ui, "Note", "note", |ui| widgets::optional_text(ui, &mut stance.note, true));
    form.row(ui, "Sources", "sources", |ui| widgets::ids(ui, "sources", scenario, &mut stance.sources, IdsOf::Sources));
}

fn tie_form(ui: &mut egui::Ui, form: &mut Form<'_>, tie: &mut Tie) {
    let scenario = form.scenario;
    form.row(ui, "Actor A", "a", |ui| widgets::actor(ui, "tie a", scenario, &mut tie.a));
    form.row(ui, "Actor B", "b", |ui| widgets::actor(ui, "tie b", scenario, &mut tie.b));
    let kinds = TieKind::ALL.map(|kind| (kind, kind.label()));
    form.row(ui, "Kind", "kind", |ui| widgets::choice(ui, "tie kind", &mut tie.kind, &kinds));
    form.row(ui, "Strength", "strength", |ui| widgets::strength(ui, &mut tie.strength));
    form.row(ui, "Topic", "topic", |ui| widgets::optional_text(ui, &mut tie.topic, false));
    form.row(ui, "One-sided (A towards B)", "directed", |ui| ui.checkbox(&mut tie.directed, "").changed());
    form.row(ui, "When", "year", |ui| widgets::period(ui, &mut tie.year, &mut tie.from, &mut tie.until));
    form.row(ui, "Certainty", "certainty", |ui| widgets::choice(ui, "certainty", &mut tie.certainty, &CERTAINTIES));
    form.row(ui, "Note", "note", |ui| widgets::optional_text(ui, &mut tie.note, true));
    form.row(ui, "Sources", "sources", |ui| widgets::ids(ui, "sources", scenario, &mut tie.sources, IdsOf::Sources));
}

fn vote_form(ui: &mut egui::Ui, form: &mut Form<'_>, vote: &mut Vote) {
    let scenario = form.scenario;
    form.row(ui, "Id", "id", |ui| widgets::text(ui, &mut vote.id));
    form.row(ui, "Date", "date", |ui| widgets::text(ui, &mut vote.date));
    form.row(ui, "Title", "title", |ui| widgets::text(ui, &mut vote.title));
    form.row(ui, "Body", "body", |ui| widgets::optional_text(ui, &mut vote.body, false));
    form.row(ui, "Ballots", "ballots", |ui| ballots(ui, scenario, vote));
    form.row(ui, "Official totals", "totals", |ui| widgets::vote_totals(ui, &mut vote.totals));
    form.row(ui, "Note", "note", |ui| widgets::optional_text(ui, &mut vote.note, true));
    form.row(ui, "Sources", "sources", |ui| widgets::ids(ui, "sources", scenario, &mut vote.sources, IdsOf::Sources));
}

/// Each actor's ballot, with a button to remove it, and a picker to add an actor's ballot.
fn ballots(ui: &mut egui::Ui, scenario: &crate::model::Scenario, vote: &mut Vote) -> bool {
    let options = [Ballot::Yes, Ballot::No, Ballot::Abstain, Ballot::Absent].map(|ballot| (ballot, ballot.label()));
    let mut changed = false;
    ui.vertical(|ui| {
        let mut removed = None;
        for (id, ballot) in vote.ballots.iter_mut() {
            ui.horizontal(|ui| {
                ui.label(scenario.actor_name(id));
                changed |= widgets::choice(ui, &format!("ballot {id}"), ballot, &options);
                if ui.small_button("×").on_hover_text("Remove this ballot").clicked() {
                    removed = Some(id.clone());
                }
            });
        }
        if let Some(id) = removed {
            vote.ballots.remove(&id);
            changed = true;
        }
        let mut voters: Vec<String> = Vec::new();
        if widgets::ids(ui, "add ballot", scenario, &mut voters, IdsOf::Actors) {
            for id in voters {
                vote.ballots.entry(id).or_insert(Ballot::Yes);
            }
            changed = true;
        }
    });
    changed
}

fn event_form(ui: &mut egui::Ui, form: &mut Form<'_>, event: &mut Event) {
    let scenario = form.scenario;
    form.row(ui, "Date", "date", |ui| widgets::text(ui, &mut event.date));
    form.row(ui, "Title", "title", |ui| widgets::text(ui, &mut event.title));
    form.row(ui, "Description", "description", |ui| widgets::optional_text(ui, &mut event.description, true));
    form.row(ui, "Actors", "actors", |ui| widgets::ids(ui, "event actors", scenario, &mut event.actors, IdsOf::Actors));
    form.row(ui, "Sources", "sources", |ui| widgets::ids(ui, "sources", scenario, &mut event.sources, IdsOf::Sources));
}

fn source_form(ui: &mut egui::Ui, form: &mut Form<'_>, source: &mut Source) {
    form.row(ui, "Title", "title", |ui| widgets::text(ui, &mut source.title));
    form.row(ui, "Publisher", "publisher", |ui| widgets::optional_text(ui, &mut source.publisher, false));
    form.row(ui, "Date", "date", |ui| widgets::optional_text(ui, &mut source.date, false));
    form.row(ui, "Address (URL)", "url", |ui| widgets::optional_text(ui, &mut source.url, false));
    form.row(ui, "Reliability", "reliability", |ui| {
        widgets::choice(ui, "reliability", &mut source.reliability, &RELIABILITIES)
    });
    form.row(ui, "Note", "note", |ui| widgets::optional_text(ui, &mut source.note, true));
}

fn story_form(ui: &mut egui::Ui, form: &mut Form<'_>, step: &mut StoryStep) {
    let scenario = form.scenario;
    form.row(ui, "Title", "title", |ui| widgets::text(ui, &mut step.title));
    form.row(ui, "Caption", "caption", |ui| {
        ui.add(egui::TextEdit::multiline(&mut step.caption).desired_width(260.0)).changed()
    });
    form.row(ui, "Speaker notes", "notes", |ui| widgets::optional_text(ui, &mut step.notes, true));
    let views = [
        (ViewKind::Graph, "Graph"),
        (ViewKind::Map, "Map"),
        (ViewKind::Charts, "Charts"),
        (ViewKind::Matrix, "Matrices"),
        (ViewKind::Votes, "Votes"),
        (ViewKind::Timeline, "Timeline"),
    ];
    form.row(ui, "View", "view", |ui| widgets::choice(ui, "view", &mut step.view, &views));
    form.row(ui, "Layers", "layers", |ui| layers(ui, &mut step.layers));
    form.row(ui, "Focus", "focus", |ui| widgets::ids(ui, "focus", scenario, &mut step.focus, IdsOf::Actors));
    form.row(ui, "Route", "route", |ui| {
        let changed = widgets::optional_text(ui, &mut step.route, false);
        ui.weak("A route's name as its flows give it, or one flow: SUPPLIER -> CONSUMER");
        changed
    });
    form.row(ui, "Year", "year", |ui| widgets::optional_year(ui, &mut step.year));
    form.row(ui, "Years played", "years", |ui| year_span(ui, &mut step.years));
    form.row(ui, "Shock", "shock", |ui| shock(ui, scenario, &mut step.shock));
    form.row(ui, "Camera", "camera", |ui| camera(ui, &mut step.camera));
    form.row(ui, "Filters", "filters", |ui| filters(ui, &mut step.filters));
}

/// No span, or the first and last year a step plays when presented.
fn year_span(ui: &mut egui::Ui, value: &mut Option<(i32, i32)>) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let mut set = value.is_some();
        if ui.checkbox(&mut set, "").on_hover_text("Play these years when the step is shown").changed() {
            *value = set.then_some((2021, 2023));
            changed = true;
        }
        if let Some((first, last)) = value {
            changed |= ui.add(egui::DragValue::new(first).range(1800..=2200)).changed();
            ui.label("to");
            changed |= ui.add(egui::DragValue::new(last).range(1800..=2200)).changed();
        }
    });
    changed
}

/// No shock, or one of the three kinds with what it names.
fn shock(ui: &mut egui::Ui, scenario: &crate::model::Scenario, value: &mut Option<StoryShock>) -> bool {
    let first_actor = || scenario.actors.first().map(|actor| actor.id.clone()).unwrap_or_default();
    let kinds = ["None", "Cut a supplier", "Close a transit country", "Close a route"];
    let current = match value {
        None => 0,
        Some(StoryShock::CutSupplier { .. }) => 1,
        Some(StoryShock::CloseTransit { .. }) => 2,
        Some(StoryShock::CloseRoute { .. }) => 3,
    };
    let mut chosen = current;
    let options: Vec<(usize, &str)> = kinds.iter().copied().enumerate().collect();
    let mut changed = false;
    ui.vertical(|ui| {
        if widgets::choice(ui, "shock_kind", &mut chosen, &options) {
            *value = match chosen {
                1 => Some(StoryShock::CutSupplier { supplier: first_actor(), commodity: None }),
                2 => Some(StoryShock::CloseTransit { actor: first_actor() }),
                3 => Some(StoryShock::CloseRoute { route: String::new() }),
                _ => None,
            };
            changed = true;
        }
        changed |= match value {
            Some(StoryShock::CutSupplier { supplier, .. }) => widgets::actor(ui, "shock_supplier", scenario, supplier),
            Some(StoryShock::CloseTransit { actor }) => widgets::actor(ui, "shock_transit", scenario, actor),
            Some(StoryShock::CloseRoute { route }) => widgets::text(ui, route),
            None => false,
        };
    });
    changed
}

/// A saved camera is shown and can be dropped, so that the step fits its focus actors again.
fn camera(ui: &mut egui::Ui, value: &mut Option<StoryCamera>) -> bool {
    match value {
        Some(camera) => {
            let mut cleared = false;
            ui.horizontal(|ui| {
                ui.label(format!("Centre ({:.0}, {:.0}), zoom {:.2}", camera.x, camera.y, camera.zoom));
                cleared = ui.button("Fit the focus instead").clicked();
            });
            if cleared {
                *value = None;
            }
            cleared
        }
        None => {
            ui.weak("Fits the focus actors (Present > Add the current view as a step saves a camera)");
            false
        }
    }
}

/// What the graph leaves out beyond the layers, in words, with a button to show everything again.
fn filters(ui: &mut egui::Ui, value: &mut Option<StoryFilters>) -> bool {
    let Some(filters) = value else {
        ui.weak("None: everything in the layers is shown");
        return false;
    };
    let mut parts = Vec::new();
    if !filters.hidden_commodities.is_empty() {
        let hidden: Vec<&str> = filters.hidden_commodities.iter().map(|commodity| commodity.label()).collect();
        parts.push(format!("hides {}", hidden.join(", ")));
    }
    if filters.minimum_share > 0.0 {
        parts.push(format!("flows from {}", crate::format::percent(filters.minimum_share)));
    }
    if filters.minimum_strength > 0.0 {
        parts.push(format!("ties from {:.1}", filters.minimum_strength));
    }
    if let Some(depth) = filters.neighbourhood {
        parts.push(format!("focus and {depth} link(s) around"));
    }
    let mut cleared = false;
    ui.horizontal(|ui| {
        ui.label(parts.join("; "));
        cleared = ui.button("Show everything").clicked();
    });
    if cleared {
        *value = None;
    }
    cleared
}

fn layers(ui: &mut egui::Ui, layers: &mut Vec<Layer>) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        for (layer, label) in [(Layer::Energy, "Energy"), (Layer::Sanctions, "Sanctions"), (Layer::Ties, "Ties")] {
            let mut shown = layers.contains(&layer);
            if ui.checkbox(&mut shown, label).changed() {
                if shown {
                    layers.push(layer);
                    layers.sort();
                } else {
                    layers.retain(|known| *known != layer);
                }
                changed = true;
            }
        }
    });
    changed
}
