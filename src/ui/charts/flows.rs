//! The flow diagram (Sankey): suppliers on the left, routes or transit countries in the middle, consumers on the
//! right, band widths by volume or share. Geometry comes from `crate::charts::sankey`; this file scales it to the
//! screen, paints it, and finds what the pointer is over.

use eframe::egui::{self, Align2, Color32, FontId, Pos2, Rect, RichText, Sense};

use super::ChartContext;
use super::common;
use crate::charts::flows::{FlowDiagram, Weighting};
use crate::charts::sankey::{self, Column, SankeyBand, SankeyLayout};
use crate::format::percent;
use crate::model::{Commodity, RecordRef};
use crate::state::Action;

/// The layout is computed once in a box of this height and scaled to the screen.
pub const LAYOUT_HEIGHT: f32 = 1000.0;
pub const LAYOUT_GAP: f32 = 30.0;
const NODE_WIDTH: f32 = 14.0;
/// Room for labels left of the suppliers and right of the consumers.
const LABEL_ROOM: f32 = 170.0;
const SEGMENTS: usize = 24;
/// Above this many bands, curves are drawn with fewer segments.
const DENSE_BANDS: usize = 1_000;

/// The screen placement of the layout: where each column's nodes stand and how layout units map to points.
struct Placement {
    columns: [f32; 3],
    top: f32,
    scale: f32,
}

impl Placement {
    fn new(rect: Rect) -> Placement {
        let left = rect.left() + LABEL_ROOM;
        let right = rect.right() - LABEL_ROOM - NODE_WIDTH;
        let middle = (left + right) / 2.0;
        Placement { columns: [left, middle, right], top: rect.top(), scale: rect.height() / LAYOUT_HEIGHT }
    }

    fn node_rect(&self, column: Column, top: f32, bottom: f32) -> Rect {
        let x = self.columns[column.index()];
        Rect::from_min_max(
            egui::pos2(x, self.y(top)),
            egui::pos2(x + NODE_WIDTH, self.y(bottom).max(self.y(top) + 1.0)),
        )
    }

    fn y(&self, layout_y: f32) -> f32 {
        self.top + layout_y * self.scale
    }

    /// The band in screen points, and the x span it is drawn across.
    fn band(&self, layout: &SankeyLayout, band: &SankeyBand) -> (SankeyBand, f32, f32) {
        let from = self.columns[layout.nodes[band.from].column.index()] + NODE_WIDTH;
        let to = self.columns[layout.nodes[band.to].column.index()];
        let screen = SankeyBand {
            from_top: self.y(band.from_top),
            from_bottom: self.y(band.from_bottom),
            to_top: self.y(band.to_top),
            to_bottom: self.y(band.to_bottom),
            ..band.clone()
        };
        (screen, from, to)
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    chart: &ChartContext<'_>,
    commodity: &Commodity,
    diagram: &FlowDiagram,
    layout: &SankeyLayout,
    drawn_at: &mut Option<Rect>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let commodity_name = commodity.label().to_lowercase();
    if layout.bands.is_empty() {
        ui.label(format!("No {commodity_name} flows in {}.", chart.year));
        return actions;
    }
    ui.label(
        RichText::new(format!("{} flows in {}: suppliers, routes, consumers", commodity.label(), chart.year)).strong(),
    );
    ui.weak(match diagram.weighting {
        Weighting::Volume(unit) => format!("Band widths: volume in {}.", unit.label()),
        Weighting::Share => {
            "Band widths: each flow's share of its consumer's use (volumes are not all known).".to_owned()
        }
    });
    if let Some(folded) = &diagram.folded {
        ui.weak(folded);
    }
    common::how_to_read(
        ui,
        "each band is a flow, from its supplier (left) through its route (middle) to its consumer (right); a band's \
         thickness is its volume or share as said above, and a node's height the sum of its bands. Hover a band \
         for its record.",
    );
    let height = (ui.available_height() * 0.68).max(220.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(ui.available_width(), height), Sense::click());
    *drawn_at = Some(rect);
    let placement = Placement::new(diagram_area(rect));
    let hovered = response.hover_pos().and_then(|pointer| band_under(&placement, layout, pointer));
    paint(ui, chart, layout, &placement, hovered);
    let hovered_node = response.hover_pos().and_then(|pointer| node_under(&placement, layout, pointer));
    if let Some(node) = hovered_node {
        response.on_hover_ui_at_pointer(|ui| node_tooltip(ui, diagram, layout, node));
    } else if let Some(band) = hovered {
        let record = layout.bands[band].record;
        match diagram.summed.get(&record) {
            Some(records) => {
                let (from, to) = (&layout.nodes[layout.bands[band].from], &layout.nodes[layout.bands[band].to]);
                response.on_hover_ui_at_pointer(|ui| summed_tooltip(ui, chart, records, &from.label, &to.label));
            }
            None => {
                if response.clicked() {
                    actions.push(Action::SelectRecord(RecordRef::Energy(record)));
                }
                response.on_hover_ui_at_pointer(|ui| common::energy_tooltip(ui, chart.scenario, record));
            }
        }
    }
    // Only the visible lines are laid out: a large scenario has thousands of flows.
    let row_height = ui.spacing().interact_size.y.max(ui.text_style_height(&egui::TextStyle::Body));
    egui::ScrollArea::vertical().id_salt("flow_values").auto_shrink([false, false]).show_rows(
        ui,
        row_height,
        diagram.links.len(),
        |ui, rows| values_ui(ui, chart, diagram, rows, &mut actions),
    );
    actions
}

/// The diagram inside its allocated rectangle, with room above and below for the outer labels.
fn diagram_area(rect: Rect) -> Rect {
    rect.shrink2(egui::vec2(0.0, 8.0))
}

/// The middle of the first band drawn for `record` (supplier to route), on screen.
pub fn band_on_screen(rect: Rect, layout: &SankeyLayout, record: usize) -> Option<Pos2> {
    let placement = Placement::new(diagram_area(rect));
    let band = layout.bands.iter().find(|band| band.record == record)?;
    let (screen, from, to) = placement.band(layout, band);
    let x = (from + to) / 2.0;
    Some(egui::pos2(x, sankey::band_centre(&screen, from, to, x)))
}

/// The band under the pointer; the last drawn wins, as it is on top.
fn band_under(placement: &Placement, layout: &SankeyLayout, pointer: Pos2) -> Option<usize> {
    layout.bands.iter().enumerate().rev().find_map(|(index, band)| {
        let (screen, from, to) = placement.band(layout, band);
        sankey::band_contains(&screen, from, to, [pointer.x, pointer.y]).then_some(index)
    })
}

fn paint(
    ui: &egui::Ui,
    chart: &ChartContext<'_>,
    layout: &SankeyLayout,
    placement: &Placement,
    hovered: Option<usize>,
) {
    let painter = ui.painter();
    let hovered_record = hovered.map(|band| layout.bands[band].record);
    // Dense diagrams get coarser curves; all bands go into one mesh, which egui draws in one go.
    let segments = if layout.bands.len() > DENSE_BANDS { 6 } else { SEGMENTS };
    let mut mesh = egui::Mesh::default();
    for band in &layout.bands {
        let flow = &chart.scenario.energy[band.record];
        let emphasised = hovered_record == Some(band.record)
            || chart.view.highlighted_record == Some(RecordRef::Energy(band.record))
            || chart.view.is_selected(&flow.consumer)
            || chart.view.is_selected(&flow.supplier);
        let colour =
            if flow.supplier == flow.consumer { common::OWN_PRODUCTION } else { chart.colours.of(&flow.supplier) };
        let alpha = if emphasised { 0.9 } else { 0.6 };
        let (screen, from, to) = placement.band(layout, band);
        add_band(&mut mesh, &sankey::band_outline(&screen, from, to, segments), colour.gamma_multiply(alpha));
    }
    painter.add(egui::Shape::mesh(mesh));
    paint_nodes(ui, layout, placement);
}

/// Node bars, and the labels that fit: in each column a label is drawn only where it does not overlap the one
/// above it, so that crowded columns stay readable (hovering a node names it).
fn paint_nodes(ui: &egui::Ui, layout: &SankeyLayout, placement: &Placement) {
    let painter = ui.painter();
    let text_colour = ui.visuals().strong_text_color();
    let font = FontId::proportional(14.0);
    let line_height = ui.fonts_mut(|fonts| fonts.row_height(&font));
    let mut free_from = [f32::NEG_INFINITY; 3];
    for node in &layout.nodes {
        let rect = placement.node_rect(node.column, node.top, node.bottom);
        painter.rect_filled(rect, 2.0, ui.visuals().text_color());
        let column = node.column.index();
        if rect.center().y - line_height / 2.0 < free_from[column] {
            continue;
        }
        free_from[column] = rect.center().y + line_height / 2.0 + 2.0;
        let (anchor, position) = match node.column {
            Column::Source => (Align2::RIGHT_CENTER, rect.left_center() - egui::vec2(6.0, 0.0)),
            Column::Middle | Column::Target => (Align2::LEFT_CENTER, rect.right_center() + egui::vec2(6.0, 0.0)),
        };
        let galley = painter.layout_no_wrap(node.label.clone(), font.clone(), text_colour);
        let text_rect = anchor.anchor_size(position, galley.size());
        if node.column == Column::Middle {
            // Middle labels sit over the bands: give them a backing so they stay readable.
            painter.rect_filled(text_rect.expand(2.0), 3.0, ui.visuals().panel_fill.gamma_multiply(0.85));
        }
        painter.galley(text_rect.min, galley, text_colour);
    }
}

/// The node under the pointer.
fn node_under(placement: &Placement, layout: &SankeyLayout, pointer: Pos2) -> Option<usize> {
    layout.nodes.iter().position(|node| {
        placement.node_rect(node.column, node.top, node.bottom).expand2(egui::vec2(3.0, 1.0)).contains(pointer)
    })
}

/// Adds a band to the mesh from its outline (top edge left to right, then bottom edge right to left): the
/// outline is not convex, so it is filled as a strip of quads between the two edges.
fn add_band(mesh: &mut egui::Mesh, outline: &[[f32; 2]], colour: Color32) {
    let points = outline.len() / 2;
    let first = mesh.vertices.len() as u32;
    for index in 0..points {
        let top = outline[index];
        let bottom = outline[outline.len() - 1 - index];
        mesh.colored_vertex(egui::pos2(top[0], top[1]), colour);
        mesh.colored_vertex(egui::pos2(bottom[0], bottom[1]), colour);
        if index > 0 {
            let base = first + (index as u32 - 1) * 2;
            mesh.add_triangle(base, base + 1, base + 2);
            mesh.add_triangle(base + 1, base + 3, base + 2);
        }
    }
}

fn node_tooltip(ui: &mut egui::Ui, diagram: &FlowDiagram, layout: &SankeyLayout, index: usize) {
    let node = &layout.nodes[index];
    ui.label(RichText::new(&node.label).strong());
    // Every link arrives once at a middle or consumer node, and leaves a supplier once.
    let flows = layout
        .bands
        .iter()
        .filter(|band| band.to == index || (band.from == index && node.column == Column::Source))
        .count();
    let column = match node.column {
        Column::Source => "Supplier",
        Column::Middle => "Route",
        Column::Target => "Consumer",
    };
    let total = match diagram.weighting {
        Weighting::Volume(unit) => format!(", {:.2} {} in all", node.total, unit.label()),
        Weighting::Share => String::new(),
    };
    ui.label(format!("{column}: {flows} flow{}{total}", if flows == 1 { "" } else { "s" }));
}

/// A band that sums several flows: how many, between which nodes, and the largest few.
fn summed_tooltip(ui: &mut egui::Ui, chart: &ChartContext<'_>, records: &[usize], from: &str, to: &str) {
    ui.label(RichText::new(format!("{from} to {to}: {} flows summed", records.len())).strong());
    let mut largest: Vec<usize> = records.to_vec();
    let share = |record: &usize| chart.scenario.energy.get(*record).map_or(0.0, |flow| flow.share);
    largest.sort_by(|a, b| share(b).total_cmp(&share(a)));
    for &record in largest.iter().take(8) {
        if let Some(flow) = chart.scenario.energy.get(record) {
            let (supplier, consumer) =
                (chart.scenario.actor_name(&flow.supplier), chart.scenario.actor_name(&flow.consumer));
            let basis = crate::charts::basis_words(flow.basis);
            ui.label(format!("{supplier} to {consumer}: {} {basis}", percent(flow.share)));
            // Each number with its record, period and certainty, as in every tooltip.
            let certainty = flow.certainty.word();
            let when = crate::model::Dated::period(flow).describe();
            ui.weak(format!("{} · {when} · {certainty}", RecordRef::Energy(record).path()));
        }
    }
    if records.len() > 8 {
        ui.weak(format!("and {} more; every flow is listed below the diagram", records.len() - 8));
    }
}

/// Each flow as a line: "Russia to Serbia, TurkStream / Balkan Stream: 85%".
fn values_ui(
    ui: &mut egui::Ui,
    chart: &ChartContext<'_>,
    diagram: &FlowDiagram,
    rows: std::ops::Range<usize>,
    actions: &mut Vec<Action>,
) {
    for link in &diagram.links[rows] {
        let flow = &chart.scenario.energy[link.record];
        let period = crate::model::Dated::period(flow);
        let amount = match (diagram.weighting, flow.volume) {
            (Weighting::Volume(unit), Some(volume)) => format!("{} {}", volume.0, unit.label()),
            // A part-year figure is drawn as the part of the year it covers: say what it was, and when.
            _ if period.is_part_of(chart.year) => {
                format!("{} ({} in {})", percent(link.weight), percent(flow.share), period.describe())
            }
            _ => percent(flow.share),
        };
        let text = if flow.supplier == flow.consumer {
            format!("{}, own production: {amount}", link.target)
        } else {
            format!("{} to {}, {}: {amount}", link.source, link.target, link.middle)
        };
        let record = RecordRef::Energy(link.record);
        let response = ui.selectable_label(chart.view.highlighted_record == Some(record), text);
        if response.clicked() {
            actions.push(Action::SelectRecord(record));
        }
        response.on_hover_ui(|ui| common::energy_tooltip(ui, chart.scenario, link.record));
    }
}
