//! The Timeline tab: events and votes on a date axis (egui_plot: drag to pan, Ctrl + wheel to zoom, double-click
//! to reset). The chosen year is shaded; clicking the axis area chooses the year clicked, which every view follows.
//! Below it, the chosen year's entries with their actors and sources.

use eframe::egui::{self, Align2, Color32, RichText};
use egui_plot::{MarkerShape, Plot, PlotPoint, PlotTransform, Points, Span, Text};

use super::cache::Cached;
use super::inspector::row::sources_ui;
use crate::charts::timeline::{self, EntryKind, TimelineEntry};
use crate::model::{RecordRef, Scenario};
use crate::state::{Action, Document, ViewState};

/// Entries closer than this (in years) go to different lanes.
const LANE_GAP: f64 = 0.25;
const EVENT_COLOUR: Color32 = solid(crate::scene::palette::EVENT);
const VOTE_COLOUR: Color32 = solid(crate::scene::palette::VOTE);

const fn solid(colour: crate::scene::Rgba) -> Color32 {
    Color32::from_rgb(colour.0, colour.1, colour.2)
}

#[derive(Debug, Clone, PartialEq)]
struct Key {
    document: u64,
    revision: u64,
}

/// At most this many lanes are opened to give titles room; past them, titles wait for the tooltip.
const MAX_LANES: usize = 10;

#[derive(Default)]
pub struct TimelineView {
    entries: Cached<Key, Vec<TimelineEntry>>,
    /// The entries spread over lanes for their titles at a zoom (pixels per year, in steps of a tenth).
    laned: Cached<(Key, i64), Vec<TimelineEntry>>,
    /// Where the plot was last drawn, so that tests can click a date.
    last_transform: Option<PlotTransform>,
}

impl TimelineView {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        let entries = self
            .entries
            .get(Key { document: document.id, revision: document.revision }, || timeline::timeline(scenario, LANE_GAP));
        if entries.is_empty() {
            ui.label("This scenario has no dated events or votes yet.");
            return;
        }
        let chosen = view.chart_year_of(document.derived());
        toolbar(ui, &document.derived().years, view.year, actions);
        let title_font = egui::FontId::proportional(13.0);
        let character_width =
            f64::from(ui.painter().layout_no_wrap("abcdefghij".into(), title_font, Color32::WHITE).size().x) / 10.0;
        let title_width = move |title: &str| character_width * title.chars().count() as f64 + 24.0;
        // The zoom the plot was last drawn at, or what fitting the whole span would give.
        let span = entries[entries.len() - 1].position + 1.5 - (entries[0].position - 0.5);
        let pixels_per_year = self.last_transform.as_ref().map_or(f64::from(ui.available_width()) / span, |drawn| {
            f64::from(drawn.frame().width()) / drawn.bounds().width().max(1e-9)
        });
        let zoom_step = (pixels_per_year.max(1e-6).ln() * 10.0).round() as i64;
        let key = (Key { document: document.id, revision: document.revision }, zoom_step);
        let entries = self.laned.get(key, || {
            let mut laned = entries.clone();
            timeline::lanes_for_titles(&mut laned, pixels_per_year, LANE_GAP / 5.0, MAX_LANES, title_width);
            laned
        });
        let lanes = entries.iter().map(|entry| entry.lane).max().unwrap_or(0) + 1;
        let plot_height = super::charts::common::plot_height(ui, 0.5, 120.0 + 34.0 * lanes as f32);
        let response = Plot::new("timeline")
            .height(plot_height)
            .x_axis_label("Date")
            .show_axes([true, false])
            .show_grid([true, false])
            .include_y(-0.8)
            .include_y(lanes as f64 - 0.2)
            .include_x(entries[0].position - 0.5)
            .include_x(entries[entries.len() - 1].position + 1.5)
            .allow_scroll(false)
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .show_x(false)
            .show_y(false)
            .x_grid_spacer(super::charts::common::year_marks)
            .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
            .show(ui, |plot| {
                if let Some(year) = chosen {
                    plot.span(
                        Span::new(format!("{year}"), f64::from(year)..=f64::from(year + 1))
                            .fill(Color32::from_rgba_unmultiplied(240, 228, 66, 60)),
                    );
                }
                let pixels_per_year =
                    f64::from(plot.transform().frame().width()) / plot.plot_bounds().width().max(1e-9);
                let end = plot.plot_bounds().max()[0];
                let fits = timeline::titles_that_fit(entries, pixels_per_year, end, title_width);
                for (entry, fits) in entries.iter().zip(fits) {
                    plot_entry(plot, entry, fits);
                }
            });
        self.last_transform = Some(response.transform);
        let pointer = response.response.hover_pos().map(|position| response.transform.value_from_position(position));
        if let Some(point) = pointer {
            let hovered = nearest_entry(entries, &response.transform, point);
            if response.response.clicked() {
                match hovered {
                    Some(index) => actions.push(Action::SelectRecord(record_of(&entries[index]))),
                    None => actions.push(Action::SetYear(Some(point.x.floor() as i32))),
                }
            }
            match hovered {
                Some(index) => {
                    response.response.on_hover_ui_at_pointer(|ui| entry_tooltip(ui, scenario, &entries[index]));
                }
                None => {
                    response.response.on_hover_text_at_pointer(format!("Click to show {:.0}", point.x.floor()));
                }
            }
        }
        crate::ui::charts::common::how_to_read(
            ui,
            "each marker is a dated event or record on its date, in rows so that none overlap; the shaded band is \
             the chosen year. Titles are written where they fit; hover a marker for the rest. Click a date to \
             choose its year; click a marker to select its actors. Drag to pan, Ctrl + wheel to zoom, double-click \
             to reset.",
        );
        if let Some(year) = chosen {
            egui::ScrollArea::vertical().id_salt("timeline_entries").auto_shrink([false, false]).show(ui, |ui| {
                year_list(ui, scenario, view, entries, year, actions);
            });
        }
    }

    /// Where a date is on screen in the last drawn frame (for tests that click the timeline).
    pub fn screen_position(&self, year: f64) -> Option<egui::Pos2> {
        let transform = self.last_transform.as_ref()?;
        Some(transform.position_from_point(&PlotPoint::new(year, -0.5)))
    }
}

fn record_of(entry: &TimelineEntry) -> RecordRef {
    match entry.kind {
        EntryKind::Event => RecordRef::Event(entry.index),
        EntryKind::Vote => RecordRef::Vote(entry.index),
    }
}

/// Previous and next year, beside the legend.
fn toolbar(ui: &mut egui::Ui, years: &[i32], year: Option<i32>, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let current = year.or(years.last().copied());
        let position = current.and_then(|current| years.iter().position(|known| *known == current));
        let previous = position.and_then(|index| index.checked_sub(1)).and_then(|index| years.get(index));
        let next = position.and_then(|index| years.get(index + 1));
        if ui
            .add_enabled(previous.is_some(), egui::Button::new("Previous year"))
            .on_hover_text("Choose the previous year with records")
            .clicked()
        {
            actions.push(Action::SetYear(previous.copied()));
        }
        if ui
            .add_enabled(next.is_some(), egui::Button::new("Next year"))
            .on_hover_text("Choose the next year with records")
            .clicked()
        {
            actions.push(Action::SetYear(next.copied()));
        }
        ui.separator();
        marker_swatch(ui, EntryKind::Event);
        ui.label("Event");
        marker_swatch(ui, EntryKind::Vote);
        ui.label("Vote");
    });
}

/// The legend's marker: a blue circle for events, an orange diamond for votes, as on the plot.
fn marker_swatch(ui: &mut egui::Ui, kind: EntryKind) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    let centre = rect.center();
    match kind {
        EntryKind::Event => {
            ui.painter().circle_filled(centre, 6.0, EVENT_COLOUR);
        }
        EntryKind::Vote => {
            let points = vec![
                centre + egui::vec2(0.0, -7.0),
                centre + egui::vec2(7.0, 0.0),
                centre + egui::vec2(0.0, 7.0),
                centre + egui::vec2(-7.0, 0.0),
            ];
            ui.painter().add(egui::Shape::convex_polygon(points, VOTE_COLOUR, egui::Stroke::NONE));
        }
    }
}

fn plot_entry(plot: &mut egui_plot::PlotUi<'_>, entry: &TimelineEntry, show_title: bool) {
    let (colour, shape) = match entry.kind {
        EntryKind::Event => (EVENT_COLOUR, MarkerShape::Circle),
        EntryKind::Vote => (VOTE_COLOUR, MarkerShape::Diamond),
    };
    let y = entry.lane as f64;
    plot.points(
        Points::new("", vec![[entry.position, y]])
            .color(colour)
            .shape(shape)
            .radius(6.0)
            .filled(true)
            .allow_hover(false),
    );
    if show_title {
        let text = Text::new("", PlotPoint::new(entry.position, y), format!("  {}", entry.title))
            .anchor(Align2::LEFT_CENTER)
            .allow_hover(false);
        plot.text(text);
    }
}

/// The entry whose marker is within 10 points of the pointer, nearest first.
fn nearest_entry(entries: &[TimelineEntry], transform: &PlotTransform, point: PlotPoint) -> Option<usize> {
    let pointer = transform.position_from_point(&point);
    entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            (index, transform.position_from_point(&PlotPoint::new(entry.position, entry.lane as f64)).distance(pointer))
        })
        .filter(|(_, distance)| *distance <= 10.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(index, _)| index)
}

fn entry_tooltip(ui: &mut egui::Ui, scenario: &Scenario, entry: &TimelineEntry) {
    ui.set_max_width(380.0);
    ui.label(RichText::new(&entry.title).strong());
    let kind = match entry.kind {
        EntryKind::Event => "Event",
        EntryKind::Vote => "Vote",
    };
    ui.weak(format!("{kind} · {}", entry.date));
    if !entry.actors.is_empty() {
        let names: Vec<&str> = entry.actors.iter().map(|id| scenario.actor_name(id)).collect();
        ui.label(names.join(", "));
    }
    super::record_details::ui(ui, scenario, record_of(entry));
}

/// The chosen year's entries: date, title, actors (as links) and sources.
fn year_list(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    entries: &[TimelineEntry],
    year: i32,
    actions: &mut Vec<Action>,
) {
    let in_year: Vec<&TimelineEntry> = timeline::in_year(entries, year).collect();
    super::style::section_heading(
        ui,
        &format!(
            "{year}: {} event{} and vote{}",
            in_year.len(),
            if in_year.len() == 1 { "" } else { "s" },
            if in_year.len() == 1 { "" } else { "s" }
        ),
    );
    if in_year.is_empty() {
        ui.weak("Nothing dated in this year.");
    }
    for entry in in_year {
        let record = record_of(entry);
        ui.horizontal_wrapped(|ui| {
            ui.weak(entry.date.to_string());
            let title =
                ui.selectable_label(view.highlighted_record == Some(record), RichText::new(&entry.title).strong());
            if title.clicked() {
                actions.push(Action::SelectRecord(record));
            }
            for id in &entry.actors {
                if ui.link(scenario.actor_name(id)).clicked() {
                    actions.push(Action::Select { id: id.clone(), additive: ui.input(|input| input.modifiers.shift) });
                }
            }
            sources_ui(ui, scenario, &entry.sources);
        });
    }
}
