//! Shares over time: one line per consumer of a supplier's commodity across every year in the file, the chosen
//! year marked; below it each consumer's figures year by year.

use eframe::egui::{self, RichText};
use egui_plot::{HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot, Points, VLine};

use super::ChartContext;
use super::common;
use crate::charts::over_time::Series;
use crate::format::percent;
use crate::model::{Commodity, Dated, RecordRef, Scenario, ShareBasis};
use crate::scene::palette;
use crate::state::Action;

/// Marker shapes cycle with the colours, so that lines differ by more than colour alone.
const MARKERS: [MarkerShape; 5] =
    [MarkerShape::Circle, MarkerShape::Square, MarkerShape::Diamond, MarkerShape::Up, MarkerShape::Down];

pub fn ui(
    ui: &mut egui::Ui,
    chart: &ChartContext<'_>,
    supplier: &str,
    commodity: &Commodity,
    series: &[Series],
    limited_to_selection: bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let supplier_name = chart.scenario.actor_name(supplier);
    let commodity_name = commodity.label().to_lowercase();
    if series.is_empty() {
        ui.label(format!("No consumer gets {commodity_name} from {supplier_name} in any year of this file."));
        return actions;
    }
    ui.label(RichText::new(format!("Share of {commodity_name} from {supplier_name}, by year")).strong());
    if limited_to_selection {
        ui.weak("Showing the selected consumers. Clear the selection to see all.");
    }
    let plot_height = (ui.available_height() * 0.6).max(180.0);
    let years = series.iter().flat_map(|line| line.points.iter().map(|(year, _)| *year));
    let (first_year, last_year) =
        years.fold((chart.year, chart.year), |(low, high), year| (low.min(year), high.max(year)));
    let year_line = ui.visuals().strong_text_color().gamma_multiply(0.7);
    Plot::new("over_time")
        .height(plot_height)
        .legend(Legend::default().position(egui_plot::Corner::LeftBottom))
        .x_axis_label("Year")
        .y_axis_label(format!("Share from {supplier_name} (%)"))
        .include_y(0.0)
        .include_y(100.0)
        .include_x(f64::from(first_year) - 0.3)
        .include_x(f64::from(last_year) + 0.3)
        .allow_scroll(false)
        .x_grid_spacer(common::year_marks)
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .label_formatter(|hover| match hover {
            HoverPosition::NearDataPoint { plot_name, position, .. } if !plot_name.is_empty() => {
                Some(point_words(chart.scenario, series, plot_name, position.x.round() as i32, position.y))
            }
            _ => None,
        })
        .show(ui, |plot| {
            plot.vline(
                VLine::new("", f64::from(chart.year)).style(LineStyle::dashed_dense()).color(year_line).width(2.0),
            );
            for (index, line) in series.iter().enumerate() {
                let name = chart.scenario.actor_name(&line.consumer).to_owned();
                let colour = palette::group(index);
                let point = |(year, dependence): &(i32, crate::charts::Dependence)| {
                    [f64::from(*year), dependence.share * 100.0]
                };
                let points: Vec<[f64; 2]> = line.points.iter().map(point).collect();
                let width = if chart.view.is_selected(&line.consumer) { 4.0 } else { 2.5 };
                plot.line(Line::new(name.clone(), points).color(colour).width(width));
                // Shares of consumption filled, shares of imports hollow: the two are not the same measure.
                let shape = MARKERS[index % MARKERS.len()];
                for basis in [ShareBasis::Consumption, ShareBasis::Imports] {
                    let of_basis: Vec<[f64; 2]> =
                        line.points.iter().filter(|(_, dependence)| dependence.basis == basis).map(point).collect();
                    if !of_basis.is_empty() {
                        let filled = basis == ShareBasis::Consumption;
                        plot.points(
                            Points::new(name.clone(), of_basis).color(colour).radius(5.0).shape(shape).filled(filled),
                        );
                    }
                }
            }
        });
    let mixed = series.iter().any(|line| {
        let imports = line.points.iter().filter(|(_, dependence)| dependence.basis == ShareBasis::Imports).count();
        imports > 0 && imports < line.points.len()
    });
    common::how_to_read(
        ui,
        format!(
            "each line is one consumer's share of its {commodity_name} from {supplier_name}, year by year; a year \
             with no record has no point. The dashed line marks {}. {} Hover a point for its figure.",
            chart.year,
            common::PLOT_HINT
        ),
    );
    if mixed {
        ui.weak(
            "Hollow markers are shares of imports, used where a year records no share of consumption: a jump \
             between a filled and a hollow marker may be the change of measure, not of supply.",
        );
    }
    egui::ScrollArea::vertical().id_salt("over_time_values").auto_shrink([false, false]).show(ui, |ui| {
        for line in series {
            let figures: Vec<String> = line
                .points
                .iter()
                .map(|(year, dependence)| {
                    let of = if dependence.basis == ShareBasis::Imports { " of imports" } else { "" };
                    format!("{}{of} in {year}", percent(dependence.share))
                })
                .collect();
            let text = format!("{}: {}", chart.scenario.actor_name(&line.consumer), figures.join(", "));
            if ui.selectable_label(chart.view.is_selected(&line.consumer), text).clicked() {
                let additive = ui.input(|input| input.modifiers.shift);
                actions.push(Action::Select { id: line.consumer.clone(), additive });
            }
        }
    });
    actions
}

/// A hovered point in words: the consumer, the year and share with its basis, and the records it sums with their
/// certainty ("energy[0] · estimate").
fn point_words(scenario: &Scenario, series: &[Series], consumer_name: &str, year: i32, shown: f64) -> String {
    let found = series
        .iter()
        .filter(|line| scenario.actor_name(&line.consumer) == consumer_name)
        .flat_map(|line| line.points.iter())
        .find(|(point_year, _)| *point_year == year);
    let Some((_, dependence)) = found else { return format!("{consumer_name}\n{year}: {shown:.0}%") };
    let records: Vec<String> = (dependence.records.iter())
        .filter_map(|&index| {
            let flow = scenario.energy.get(index)?;
            let certainty = flow.certainty.word();
            Some(format!("{} · {} · {certainty}", RecordRef::Energy(index).path(), Dated::period(flow).describe()))
        })
        .collect();
    let basis = crate::charts::basis_words(dependence.basis);
    format!("{consumer_name}\n{year}: {shown:.0}% {basis}\n{}", records.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hovered_point_gives_its_share_basis_records_periods_and_certainty() {
        let scenario = crate::io::parse_scenario(crate::library::BUNDLED[0].text).expect("bundled parses");
        let series = crate::charts::over_time::share_over_time(&scenario, "RUS", &Commodity::Gas, &["SRB".to_owned()]);
        let words = point_words(&scenario, &series, "Serbia", 2023, 62.0);
        let lines: Vec<&str> = words.lines().collect();
        assert_eq!(lines[..2], ["Serbia", "2023: 62% of consumption"], "{words}");
        assert!(lines[2].starts_with("energy[") && lines[2].ends_with(" · 2023 · disputed"), "{words}");
        assert_eq!(point_words(&scenario, &series, "Nobody", 2023, 5.0), "Nobody\n2023: 5%");
    }
}
