//! Supply mix: a stacked horizontal bar per consumer and commodity, one segment per supplier, the unknown rest
//! in grey; below it the same figures as a list that doubles as the legend.

use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart};

use super::ChartContext;
use super::common::{self, OWN_PRODUCTION, UNKNOWN};
use crate::charts::supply_mix::SupplyMix;
use crate::format::percent;
use crate::model::RecordRef;
use crate::state::Action;

const BAR_HEIGHT: f64 = 0.6;

/// What the pointer is over: a mix and one of its segments (or its unknown rest).
struct Hit {
    mix: usize,
    segment: Option<usize>,
}

pub fn ui(ui: &mut egui::Ui, chart: &ChartContext<'_>, mixes: &[SupplyMix], showing_default: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    if mixes.is_empty() {
        ui.label(format!("No energy records for the selected actors in {}.", chart.year));
        ui.weak("Select a consumer in the actor list or on the graph, or choose another year.");
        return actions;
    }
    if showing_default {
        ui.weak("Nothing selected: showing the consumers with most records. Select actors to compare others.");
    }
    let labels: Vec<String> = mixes.iter().map(|mix| mix_label(chart, mix)).collect();
    let plot_height = common::plot_height(ui, 0.55, 80.0 + 60.0 * mixes.len() as f32);
    let response = common::horizontal_bar_plot("supply_mix", plot_height, "Share of supply (%)".to_owned(), labels)
        .show(ui, |plot| {
            for (index, mix) in mixes.iter().enumerate() {
                plot.bar_chart(mix_chart(chart, index, mix));
            }
        });
    let pointer = response.response.hover_pos().map(|position| response.transform.value_from_position(position));
    if let Some(hit) = pointer.and_then(|point| hit_test(mixes, point.x, point.y)) {
        let clicked = response.response.clicked();
        let mix = &mixes[hit.mix];
        response.response.on_hover_ui_at_pointer(|ui| match hit.segment {
            Some(segment) => common::energy_tooltip(ui, chart.scenario, mix.segments[segment].record),
            None => unknown_tooltip(ui, chart, mix),
        });
        if let (true, Some(segment)) = (clicked, hit.segment) {
            actions.push(Action::SelectRecord(RecordRef::Energy(mix.segments[segment].record)));
        }
    }
    common::how_to_read(
        ui,
        format!(
            "each bar is one consumer's supply of one commodity in {}; each coloured part is a supplier's recorded \
             share (its own production included), and the grey rest is what no record accounts for, not a \
             supplier. Shares of imports are marked as such. {}",
            chart.year,
            common::PLOT_HINT
        ),
    );
    egui::ScrollArea::vertical().id_salt("supply_mix_values").auto_shrink([false, false]).show(ui, |ui| {
        for mix in mixes {
            values_ui(ui, chart, mix, &mut actions);
        }
    });
    actions
}

/// "Serbia · Gas" (with "imports" when the shares are of imports).
fn mix_label(chart: &ChartContext<'_>, mix: &SupplyMix) -> String {
    let consumer = chart.scenario.actor_name(&mix.consumer);
    match mix.basis {
        crate::model::ShareBasis::Consumption => format!("{consumer} · {}", mix.commodity.label()),
        crate::model::ShareBasis::Imports => format!("{consumer} · {} imports", mix.commodity.label()),
    }
}

fn segment_name(chart: &ChartContext<'_>, mix: &SupplyMix, segment: usize) -> String {
    let segment = &mix.segments[segment];
    if segment.is_own_production(mix) {
        "Own production".to_owned()
    } else {
        chart.scenario.actor_name(&segment.supplier).to_owned()
    }
}

/// The colours of a bar's segments, in order: each its supplier's (own production its own), but never the same as
/// the segment before it. With more suppliers than the palette has colours two can share one; the second of two
/// neighbours then takes a lighter shade of it (or a darker one, should the lighter match too).
fn bar_colours(chart: &ChartContext<'_>, mix: &SupplyMix) -> Vec<egui::Color32> {
    let base = mix.segments.iter().map(|segment| {
        if segment.is_own_production(mix) { OWN_PRODUCTION } else { chart.colours.of(&segment.supplier) }
    });
    distinct_neighbours(base)
}

fn distinct_neighbours(colours: impl IntoIterator<Item = egui::Color32>) -> Vec<egui::Color32> {
    let shade = |colour: egui::Color32, towards: u8, amount: f32| {
        let mix = |channel: u8| (channel as f32 + (towards as f32 - channel as f32) * amount).round() as u8;
        egui::Color32::from_rgb(mix(colour.r()), mix(colour.g()), mix(colour.b()))
    };
    let mut chosen: Vec<egui::Color32> = Vec::new();
    for colour in colours {
        let previous = chosen.last().copied();
        let lighter = shade(colour, 255, 0.45);
        let pick = if previous != Some(colour) {
            colour
        } else if previous != Some(lighter) {
            lighter
        } else {
            shade(colour, 0, 0.35)
        };
        chosen.push(pick);
    }
    chosen
}

/// One consumer's bar: its segments side by side from 0 to 100%, then the unknown rest.
fn mix_chart(chart: &ChartContext<'_>, index: usize, mix: &SupplyMix) -> BarChart {
    let mut bars = Vec::new();
    let mut offset = 0.0;
    let colours = bar_colours(chart, mix);
    for (segment, &colour) in mix.segments.iter().zip(&colours) {
        let bar = Bar::new(index as f64, segment.share * 100.0).base_offset(offset).width(BAR_HEIGHT);
        bars.push(bar.fill(colour).stroke(egui::Stroke::new(1.0, egui::Color32::WHITE)));
        offset += segment.share * 100.0;
    }
    if mix.remainder > 0.0 {
        let bar = Bar::new(index as f64, mix.remainder * 100.0).base_offset(offset).width(BAR_HEIGHT);
        bars.push(bar.fill(UNKNOWN).stroke(egui::Stroke::new(1.0, egui::Color32::WHITE)));
    }
    BarChart::new(mix_label(chart, mix), bars).horizontal().allow_hover(false)
}

/// The segment under plot coordinates (x: percent, y: bar index).
fn hit_test(mixes: &[SupplyMix], x: f64, y: f64) -> Option<Hit> {
    let mix = y.round();
    if mix < 0.0 || (y - mix).abs() > BAR_HEIGHT / 2.0 || x < 0.0 {
        return None;
    }
    let mix = mix as usize;
    let found = mixes.get(mix)?;
    let mut end = 0.0;
    for (segment, share) in found.segments.iter().map(|segment| segment.share).enumerate() {
        end += share * 100.0;
        if x <= end {
            return Some(Hit { mix, segment: Some(segment) });
        }
    }
    (x <= end + found.remainder * 100.0).then_some(Hit { mix, segment: None })
}

fn unknown_tooltip(ui: &mut egui::Ui, chart: &ChartContext<'_>, mix: &SupplyMix) {
    ui.label(RichText::new("Other / unknown").strong());
    ui.label(format!(
        "{} of {}'s {} is not accounted for by any record in {}.",
        percent(mix.remainder),
        chart.scenario.actor_name(&mix.consumer),
        mix.commodity.label().to_lowercase(),
        chart.year
    ));
}

/// The figures as a list: a heading per bar, then "Russia: 85%" per supplier with its volume and certainty.
fn values_ui(ui: &mut egui::Ui, chart: &ChartContext<'_>, mix: &SupplyMix, actions: &mut Vec<Action>) {
    ui.add_space(6.0);
    let basis = crate::charts::basis_words(mix.basis);
    ui.label(RichText::new(format!("{}, share {basis}, {}", mix_label(chart, mix), chart.year)).strong());
    let colours = bar_colours(chart, mix);
    for (index, segment) in mix.segments.iter().enumerate() {
        ui.horizontal(|ui| {
            common::swatch(ui, colours[index]);
            let mut text = format!("{}: {}", segment_name(chart, mix, index), percent(segment.share));
            if let Some(volume) = segment.volume {
                text.push_str(&format!(" ({} {})", volume.0, volume.1.label()));
            }
            let flow = &chart.scenario.energy[segment.record];
            // A figure of part of the year counts weighted by that part: say what it was, and when.
            let period = crate::model::Dated::period(flow);
            if period.is_part_of(chart.year) {
                text.push_str(&format!(" · {} in {}", percent(flow.share), period.describe()));
            }
            if flow.certainty != crate::model::Certainty::Stated {
                text.push_str(&format!(" · {}", flow.certainty.word()));
            }
            let highlighted = chart.view.highlighted_record == Some(RecordRef::Energy(segment.record));
            let response = ui.selectable_label(highlighted, text);
            if response.clicked() {
                actions.push(Action::SelectRecord(RecordRef::Energy(segment.record)));
            }
            response.on_hover_ui(|ui| common::energy_tooltip(ui, chart.scenario, segment.record));
        });
    }
    if mix.remainder > 0.0 {
        ui.horizontal(|ui| {
            common::swatch(ui, UNKNOWN);
            ui.label(format!("Other / unknown: {}", percent(mix.remainder)));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::supply_mix::Segment;
    use crate::model::{Commodity, ShareBasis};

    fn mix() -> SupplyMix {
        let segment = |supplier: &str, share: f64, record: usize| Segment {
            supplier: supplier.to_owned(),
            share,
            volume: None,
            record,
        };
        SupplyMix {
            consumer: "SRB".to_owned(),
            commodity: Commodity::Gas,
            basis: ShareBasis::Consumption,
            segments: vec![segment("RUS", 0.6, 3), segment("SRB", 0.2, 4)],
            remainder: 0.2,
        }
    }

    #[test]
    fn the_pointer_finds_the_segment_under_it() {
        let mixes = [mix(), mix()];
        assert!(matches!(hit_test(&mixes, 30.0, 0.1), Some(Hit { mix: 0, segment: Some(0) })));
        assert!(matches!(hit_test(&mixes, 70.0, 1.2), Some(Hit { mix: 1, segment: Some(1) })));
        assert!(matches!(hit_test(&mixes, 90.0, 1.0), Some(Hit { mix: 1, segment: None })));
        assert!(hit_test(&mixes, 101.0, 1.0).is_none(), "past the bar's end");
        assert!(hit_test(&mixes, 30.0, 0.5).is_none(), "between bars");
        assert!(hit_test(&mixes, 30.0, 2.0).is_none(), "below the last bar");
    }

    #[test]
    fn no_two_neighbouring_segments_share_a_colour() {
        use eframe::egui::Color32;
        let (blue, orange) = (Color32::from_rgb(0, 114, 178), Color32::from_rgb(230, 159, 0));
        let chosen = distinct_neighbours([blue, blue, blue, orange, orange, blue]);
        assert!(chosen.windows(2).all(|pair| pair[0] != pair[1]), "{chosen:?}");
        assert_eq!(chosen[0], blue, "the first keeps its supplier's colour");
        assert_eq!(chosen[2], blue, "a colour comes back once its neighbour differs");
        assert_eq!(chosen[5], blue);
    }
}
