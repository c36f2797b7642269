//! What the charts share: colours per supplier, category axes, the hover text of an energy record, the colour
//! swatch in value lists.

use std::collections::HashMap;

use eframe::egui::{self, Color32, RichText};
use egui_plot::{GridInput, GridMark};

use crate::format::percent;
use crate::model::{RecordRef, Scenario};
use crate::scene::palette;

/// Own production is drawn in its own slate, the unknown rest in the grey of "none", suppliers in the identities'
/// colours (see `palette`).
pub const OWN_PRODUCTION: Color32 =
    Color32::from_rgb(palette::OWN_PRODUCTION.0, palette::OWN_PRODUCTION.1, palette::OWN_PRODUCTION.2);
pub const UNKNOWN: Color32 = Color32::from_rgb(palette::NO_GROUP.0, palette::NO_GROUP.1, palette::NO_GROUP.2);

/// The scenario's suppliers (most consumers first) and a stable colour for each: its place in that list.
pub struct SupplierColours {
    pub suppliers: Vec<String>,
    colours: HashMap<String, Color32>,
}

impl SupplierColours {
    pub fn new(suppliers: Vec<String>) -> Self {
        let colours =
            suppliers.iter().enumerate().map(|(index, id)| (id.clone(), palette::group(index).into())).collect();
        SupplierColours { suppliers, colours }
    }

    pub fn of(&self, id: &str) -> Color32 {
        self.colours.get(id).copied().unwrap_or(palette::NO_GROUP.into())
    }
}

/// Grid marks at whole numbers only, for axes whose positions are categories (bars, rows).
pub fn category_marks(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let first = low.ceil().max(-1.0e6) as i64;
    let last = high.floor().min(1.0e6) as i64;
    (first..=last).map(|value| GridMark { value: value as f64, step_size: 1.0 }).collect()
}

/// Grid marks at whole years, heavier every 5 and 10 years, so that labels thin out as the axis zooms out.
pub fn year_marks(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let step = if input.base_step_size > 2.0 { 5 } else { 1 };
    let first = (low.ceil().max(-1.0e6) as i64).div_euclid(step) * step;
    let last = high.floor().min(1.0e6) as i64;
    (first..=last)
        .step_by(step as usize)
        .take(2_000)
        .map(|year| {
            let step_size = if year % 10 == 0 {
                10.0
            } else if year % 5 == 0 {
                5.0
            } else {
                1.0
            };
            GridMark { value: year as f64, step_size }
        })
        .collect()
}

/// A plot of horizontal bars, one per category from the top down, 0 to 100% along the x axis, the categories'
/// names on the y axis.
pub fn horizontal_bar_plot<'a>(id: &str, height: f32, x_label: String, labels: Vec<String>) -> egui_plot::Plot<'a> {
    let count = labels.len();
    egui_plot::Plot::new(id)
        .height(height)
        .x_axis_label(x_label)
        .include_x(0.0)
        .include_x(100.0)
        .include_y(-0.5)
        .include_y(count as f64 - 0.5)
        .invert_y(true)
        .show_x(false)
        .show_y(false)
        .allow_scroll(false)
        .y_grid_spacer(category_marks)
        .y_axis_formatter(move |mark, _| category_label(&labels, mark.value))
        .y_axis_min_width(150.0)
}

/// The category label for a whole-number axis position, or nothing between categories.
pub fn category_label(labels: &[String], value: f64) -> String {
    let index = value.round();
    if (value - index).abs() > 1e-6 || index < 0.0 {
        return String::new();
    }
    labels.get(index as usize).cloned().unwrap_or_default()
}

/// Tooltip contents for one energy record: who supplies whom, the share, the volume, and the record's details.
pub fn energy_tooltip(ui: &mut egui::Ui, scenario: &Scenario, index: usize) {
    let Some(flow) = scenario.energy.get(index) else { return };
    ui.set_max_width(380.0);
    let supplier = scenario.actor_name(&flow.supplier);
    let consumer = scenario.actor_name(&flow.consumer);
    let heading = if flow.supplier == flow.consumer {
        format!("{consumer}: own production of {}", flow.commodity.label().to_lowercase())
    } else {
        format!("{supplier} to {consumer} · {}", flow.commodity.label())
    };
    ui.label(RichText::new(heading).strong());
    let mut amount = format!("{} {} of {consumer}", percent(flow.share), crate::charts::basis_words(flow.basis));
    if let Some(volume) = flow.volume {
        amount.push_str(&format!(" · {} {}", volume.0, volume.1.label()));
    }
    ui.label(amount);
    if !flow.via.is_empty() {
        let via: Vec<&str> = flow.via.iter().map(|id| scenario.actor_name(id)).collect();
        ui.label(format!("Through {}", via.join(", ")));
    }
    crate::ui::record_details::ui(ui, scenario, RecordRef::Energy(index));
    ui.weak("Click to select this record.");
}

/// A small filled square in a colour, drawn before a value's label so that lists double as legends.
pub fn swatch(ui: &mut egui::Ui, colour: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}

/// A line saying which year the chart shows, and why when no year is chosen.
pub fn year_note(ui: &mut egui::Ui, chosen: Option<i32>, shown: i32) {
    if chosen.is_none() {
        ui.weak(format!("Showing {shown}, the latest year. Choose a year above to see another."));
    }
}

/// A plot's height: what its contents need, but no more than `share` of the room left, and never less than a
/// readable minimum.
pub fn plot_height(ui: &egui::Ui, share: f32, contents_need: f32) -> f32 {
    contents_need.min(ui.available_height() * share).max(140.0)
}

/// The hint under zoomable plots.
/// A line under a chart or matrix saying what its marks mean and what it leaves out, for a first-time reader.
pub fn how_to_read(ui: &mut egui::Ui, text: impl Into<String>) {
    ui.weak(format!("How to read this: {}", text.into()));
}

pub const PLOT_HINT: &str = "Drag to pan, Ctrl + wheel to zoom, double-click to reset.";
