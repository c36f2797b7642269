//! Exposure ranking: every consumer of one supplier's commodity as a horizontal bar, most dependent on top, with
//! a threshold line; clicking a bar selects that consumer.

use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, LineStyle, PlotPoint, PlotTransform, VLine};

use super::ChartContext;
use super::common;
use crate::charts::exposure::{Exposure, RankedBar, count_at_or_above};
use crate::format::percent;
use crate::model::Commodity;
use crate::state::Action;

const BAR_HEIGHT: f64 = 0.6;

/// What the chart shows: the year's ranking (its labels, list and hover) and the bars as drawn, which slide
/// between ranks while a change of year eases in.
pub struct Drawn<'a> {
    pub ranking: &'a [Exposure],
    pub bars: &'a [RankedBar],
}

pub fn ui(
    ui: &mut egui::Ui,
    chart: &ChartContext<'_>,
    supplier: &str,
    commodity: &Commodity,
    threshold: f64,
    drawn: Drawn<'_>,
    drawn_at: &mut Option<PlotTransform>,
) -> Vec<Action> {
    let ranking = drawn.ranking;
    let mut actions = Vec::new();
    let supplier_name = chart.scenario.actor_name(supplier);
    let commodity_name = commodity.label().to_lowercase();
    if ranking.is_empty() {
        ui.label(format!("No consumer gets {commodity_name} from {supplier_name} in {}.", chart.year));
        return actions;
    }
    ui.label(
        RichText::new(format!(
            "{} of {} consumers got at least {} of their {commodity_name} from {supplier_name} in {}.",
            count_at_or_above(ranking, threshold),
            ranking.len(),
            percent(threshold),
            chart.year
        ))
        .strong(),
    );
    let labels: Vec<String> =
        ranking.iter().map(|exposure| chart.scenario.actor_name(&exposure.consumer).to_owned()).collect();
    let plot_height = common::plot_height(ui, 0.6, 80.0 + 40.0 * ranking.len() as f32);
    let colour = chart.colours.of(supplier);
    let selected_stroke = egui::Stroke::new(3.0, ui.visuals().strong_text_color());
    let x_label = format!("Share of {commodity_name} from {supplier_name} (%)");
    let response = common::horizontal_bar_plot("exposure", plot_height, x_label, labels).show(ui, |plot| {
        let bars = (drawn.bars.iter())
            .map(|bar| {
                let selected = chart.view.is_selected(&bar.consumer);
                let stroke = if selected { selected_stroke } else { egui::Stroke::NONE };
                Bar::new(bar.rank, bar.share * 100.0).width(BAR_HEIGHT).fill(colour).stroke(stroke)
            })
            .collect();
        plot.bar_chart(BarChart::new("Dependence", bars).horizontal().allow_hover(false));
        plot.vline(
            VLine::new(format!("Threshold {}", percent(threshold)), threshold * 100.0)
                .style(LineStyle::dashed_loose())
                .width(2.0)
                .color(egui::Color32::from_rgb(213, 94, 0)),
        );
    });
    *drawn_at = Some(response.transform);
    let pointer = response.response.hover_pos().map(|position| response.transform.value_from_position(position));
    if let Some(index) = pointer.and_then(|point| bar_under(ranking, point.x, point.y)) {
        let clicked = response.response.clicked();
        let shift = ui.input(|input| input.modifiers.shift);
        let exposure = &ranking[index];
        response.response.on_hover_ui_at_pointer(|ui| {
            let consumer = chart.scenario.actor_name(&exposure.consumer);
            ui.label(RichText::new(consumer).strong());
            ui.label(format!(
                "{} {} from {supplier_name} in {}",
                percent(exposure.dependence.share),
                crate::charts::basis_words(exposure.dependence.basis),
                chart.year
            ));
            for &record in &exposure.dependence.records {
                crate::ui::record_details::ui(ui, chart.scenario, crate::model::RecordRef::Energy(record));
            }
            ui.weak("Click to select, shift-click to add.");
        });
        if clicked {
            actions.push(Action::Select { id: exposure.consumer.clone(), additive: shift });
        }
    }
    common::how_to_read(
        ui,
        format!(
            "each bar is one consumer's share of its {commodity_name} from {supplier_name} in {}, the most dependent \
             on top; the dashed line is the threshold. Consumers with no record of this supplier are left out. {}",
            chart.year,
            common::PLOT_HINT
        ),
    );
    egui::ScrollArea::vertical().id_salt("exposure_values").auto_shrink([false, false]).show(ui, |ui| {
        for (rank, exposure) in ranking.iter().enumerate() {
            let consumer = chart.scenario.actor_name(&exposure.consumer);
            let mut text = format!("{}. {consumer}: {}", rank + 1, percent(exposure.dependence.share));
            if exposure.dependence.basis == crate::model::ShareBasis::Imports {
                text.push_str(" of imports");
            }
            let response = ui.selectable_label(chart.view.is_selected(&exposure.consumer), text);
            if response.clicked() {
                let additive = ui.input(|input| input.modifiers.shift);
                actions.push(Action::Select { id: exposure.consumer.clone(), additive });
            }
        }
    });
    actions
}

/// Where the bar of the consumer ranked `rank` (0: most dependent) is on screen, a little in from its start.
pub fn bar_on_screen(transform: &PlotTransform, rank: usize) -> egui::Pos2 {
    transform.position_from_point(&PlotPoint::new(1.0, rank as f64))
}

/// The bar under plot coordinates (x: percent, y: rank).
fn bar_under(ranking: &[Exposure], x: f64, y: f64) -> Option<usize> {
    let index = y.round();
    if index < 0.0 || (y - index).abs() > BAR_HEIGHT / 2.0 || x < 0.0 {
        return None;
    }
    let exposure = ranking.get(index as usize)?;
    (x <= (exposure.dependence.share * 100.0).max(2.0)).then_some(index as usize)
}
