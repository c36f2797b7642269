//! The Charts tab: supply mix, exposure ranking, shares over time and the flow diagram. They share the app-wide
//! selection and year with the graph. Each chart's data comes from `crate::charts`, cached per document revision
//! and option; the chart files only draw it and return actions.

mod alignment_map;
pub(crate) mod common;
mod exposure;
mod flows;
mod over_time;
mod supply_mix;
mod year_ease;

use std::rc::Rc;

use eframe::egui;

use super::cache::Cached;
use crate::charts::{self, exposure::Exposure, flows::FlowDiagram, over_time::Series, supply_mix::SupplyMix};
use crate::model::{Commodity, Scenario};
use crate::state::{Action, Document, ViewState};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartKind {
    #[default]
    SupplyMix,
    Exposure,
    OverTime,
    Flows,
    AlignmentMap,
}

impl ChartKind {
    const ALL: [(ChartKind, &'static str, &'static str); 5] = [
        (ChartKind::SupplyMix, "Supply mix", "Where the selected consumers' energy comes from"),
        (ChartKind::Exposure, "Exposure", "How dependent every consumer is on one supplier"),
        (ChartKind::OverTime, "Over time", "Each consumer's share from one supplier, year by year"),
        (ChartKind::Flows, "Flows", "Suppliers, routes and consumers of one commodity as a flow diagram"),
        (ChartKind::AlignmentMap, "Alignment map", "Every voter placed by how alike it votes: blocs show as clusters"),
    ];
}

/// What every chart draws from.
pub struct ChartContext<'a> {
    pub scenario: &'a Scenario,
    pub view: &'a ViewState,
    /// The year shown: the app-wide one, or the latest when "All years" is chosen.
    pub year: i32,
    /// Suppliers and their colours.
    pub colours: &'a common::SupplierColours,
}

/// The document revision (and options) derived data was built from.
#[derive(Debug, Clone, PartialEq)]
struct Key<Options> {
    document: u64,
    revision: u64,
    options: Options,
}

/// Supplier, commodity and the selected consumers: what the over-time chart was built for.
type OverTimeOptions = (String, Commodity, Vec<String>);

#[derive(Default)]
pub struct ChartsView {
    pub chart: ChartKind,
    /// The supplier of the exposure, over-time charts; `None`: the one with most consumers.
    pub supplier: Option<String>,
    /// The commodity of the exposure, over-time and flow charts; `None`: the first (gas, where there is gas).
    pub commodity: Option<Commodity>,
    /// The exposure chart's threshold line, as a share.
    pub threshold: Option<f64>,
    /// Suppliers with their colours, and commodities: shared by every chart (and cheap to hand out).
    basics: Cached<Key<()>, Rc<(common::SupplierColours, Vec<Commodity>)>>,
    supply_mix: Cached<Key<(i32, Vec<String>)>, Vec<SupplyMix>>,
    /// The old year's bars, bands and nodes while a change of year eases in.
    supply_mix_before: year_ease::YearEase<Vec<SupplyMix>>,
    exposure: Cached<Key<(i32, String, Commodity)>, Vec<Exposure>>,
    exposure_before: year_ease::YearEase<Vec<Exposure>>,
    over_time: Cached<Key<OverTimeOptions>, Vec<Series>>,
    flows: Cached<Key<(i32, Commodity)>, (FlowDiagram, charts::sankey::SankeyLayout)>,
    flows_before: year_ease::YearEase<charts::sankey::SankeyLayout>,
    /// Where the exposure plot and the flow diagram were last drawn, to find their bars and bands on screen.
    exposure_drawn_at: Option<egui_plot::PlotTransform>,
    flows_drawn_at: Option<egui::Rect>,
    /// The alignment map of the document's votes, and where its plot was last drawn.
    alignment: Cached<Key<()>, Option<crate::analysis::alignment_map::AlignmentMap>>,
    alignment_drawn_at: Option<egui_plot::PlotTransform>,
}

impl<Options> Key<Options> {
    fn of(document: &Document, options: Options) -> Self {
        Key { document: document.id, revision: document.revision, options }
    }

    /// Whether this key is `old` with another year and nothing else changed; `parts` splits the options into the
    /// year and the rest.
    fn year_alone_changed<Rest: PartialEq>(&self, old: Option<&Self>, parts: impl Fn(&Options) -> (i32, Rest)) -> bool {
        old.is_some_and(|old| {
            let ((old_year, old_rest), (year, rest)) = (parts(&old.options), parts(&self.options));
            (old.document, old.revision) == (self.document, self.revision) && old_rest == rest && old_year != year
        })
    }
}

/// The exposure threshold when none is chosen: half of supply.
const DEFAULT_THRESHOLD: f64 = 0.5;

impl ChartsView {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        let basics = self
            .basics
            .get(Key::of(document, ()), || {
                Rc::new((common::SupplierColours::new(charts::suppliers(scenario)), charts::commodities(scenario)))
            })
            .clone();
        let (colours, commodities) = (&basics.0, &basics.1);
        let suppliers = &colours.suppliers;
        ui.horizontal(|ui| {
            for (kind, label, tooltip) in ChartKind::ALL {
                if ui.selectable_label(self.chart == kind, label).on_hover_text(tooltip).clicked() {
                    self.chart = kind;
                }
            }
        });
        if self.chart == ChartKind::AlignmentMap {
            // Votes, not energy: this chart needs neither a year nor a supplier.
            let map =
                self.alignment.get(Key::of(document, ()), || crate::analysis::alignment_map::alignment_map(scenario));
            actions.extend(alignment_map::ui(ui, scenario, view, map.as_ref(), &mut self.alignment_drawn_at));
            return;
        }
        let Some(year) = view.chart_year_of(document.derived()) else {
            ui.label("This scenario has no dated records to chart yet.");
            return;
        };
        let chart = ChartContext { scenario, view, year, colours };
        let supplier = self.supplier.clone().filter(|id| suppliers.contains(id)).or_else(|| suppliers.first().cloned());
        let commodity =
            self.commodity.clone().filter(|known| commodities.contains(known)).or_else(|| commodities.first().cloned());
        if self.chart != ChartKind::SupplyMix {
            self.options_ui(ui, scenario, suppliers, commodities, supplier.as_deref(), commodity.as_ref());
        }
        common::year_note(ui, view.year, year);
        ui.separator();
        let (Some(supplier), Some(commodity)) = (supplier, commodity) else {
            ui.label("This scenario has no energy flows between actors yet.");
            return;
        };
        actions.extend(match self.chart {
            ChartKind::SupplyMix => self.supply_mix_ui(ui, &chart, document),
            ChartKind::Exposure => {
                let threshold = self.threshold.unwrap_or(DEFAULT_THRESHOLD);
                let key = Key::of(document, (year, supplier.clone(), commodity.clone()));
                let year_alone = key.year_alone_changed(self.exposure.key(), |(year, supplier, commodity)| {
                    (*year, (supplier.clone(), commodity.clone()))
                });
                self.exposure_before.begin_if(year_alone, self.exposure.last(), ui);
                let ranking = self
                    .exposure
                    .get(key, || charts::exposure::exposure_ranking(scenario, &supplier, &commodity, year));
                let bars = match self.exposure_before.under_way(ui) {
                    Some((before, share)) => charts::exposure::bars_between(before, ranking, share as f64),
                    None => charts::exposure::bars_between(ranking, ranking, 1.0),
                };
                let drawn = exposure::Drawn { ranking, bars: &bars };
                exposure::ui(ui, &chart, &supplier, &commodity, threshold, drawn, &mut self.exposure_drawn_at)
            }
            ChartKind::OverTime => {
                let selected: Vec<String> = view.selection.iter().cloned().collect();
                let series = self.over_time.get(
                    Key::of(document, (supplier.clone(), commodity.clone(), selected.clone())),
                    || {
                        let limited = charts::over_time::share_over_time(scenario, &supplier, &commodity, &selected);
                        if limited.is_empty() {
                            charts::over_time::share_over_time(scenario, &supplier, &commodity, &[])
                        } else {
                            limited
                        }
                    },
                );
                let limited = !selected.is_empty() && series.iter().all(|line| view.is_selected(&line.consumer));
                over_time::ui(ui, &chart, &supplier, &commodity, series, limited)
            }
            ChartKind::AlignmentMap => Vec::new(),
            ChartKind::Flows => {
                let key = Key::of(document, (year, commodity.clone()));
                let year_alone =
                    key.year_alone_changed(self.flows.key(), |(year, commodity)| (*year, commodity.clone()));
                self.flows_before.begin_if(year_alone, self.flows.last().map(|(_, layout)| layout), ui);
                let (diagram, layout) = self.flows.get(key, || {
                    let diagram = charts::flows::flow_diagram(scenario, &commodity, year);
                    let layout = charts::sankey::layout(&diagram.drawn, flows::LAYOUT_HEIGHT, flows::LAYOUT_GAP);
                    (diagram, layout)
                });
                let eased = (self.flows_before.under_way(ui))
                    .map(|(before, share)| charts::sankey_change::between(before, layout, share));
                let layout = eased.as_ref().unwrap_or(layout);
                flows::ui(ui, &chart, &commodity, diagram, layout, &mut self.flows_drawn_at)
            }
        });
    }

    /// Where the exposure chart last drew the bar ranked `rank` (0: most dependent), for tests and tools.
    pub fn exposure_bar_on_screen(&self, rank: usize) -> Option<egui::Pos2> {
        Some(exposure::bar_on_screen(self.exposure_drawn_at.as_ref()?, rank))
    }

    /// Where the alignment map last drew a voter, for tests and tools.
    pub fn alignment_point_on_screen(&self, id: &str) -> Option<egui::Pos2> {
        let map = self.alignment.last()?.as_ref()?;
        alignment_map::point_on_screen(map, self.alignment_drawn_at.as_ref()?, id)
    }

    /// Where the flow diagram last drew a band of energy record `record`, for tests and tools.
    pub fn flow_band_on_screen(&self, record: usize) -> Option<egui::Pos2> {
        let (_, layout) = self.flows.last()?;
        flows::band_on_screen(self.flows_drawn_at?, layout, record)
    }

    fn supply_mix_ui(&mut self, ui: &mut egui::Ui, chart: &ChartContext<'_>, document: &Document) -> Vec<Action> {
        let scenario = chart.scenario;
        let selected: Vec<String> = chart.view.selection.iter().cloned().collect();
        let key = Key::of(document, (chart.year, selected.clone()));
        let year_alone = key.year_alone_changed(self.supply_mix.key(), |(year, selected)| (*year, selected.clone()));
        self.supply_mix_before.begin_if(year_alone, self.supply_mix.last(), ui);
        let mixes = self.supply_mix.get(key, || {
            if selected.is_empty() {
                let defaults = charts::supply_mix::default_consumers(scenario, chart.year);
                charts::supply_mix::supply_mix(scenario, &defaults[..defaults.len().min(4)], chart.year)
            } else {
                charts::supply_mix::supply_mix(scenario, &selected, chart.year)
            }
        });
        let showing_default = selected.is_empty();
        match self.supply_mix_before.under_way(ui) {
            Some((before, share)) => {
                let eased = charts::supply_mix::between(before, mixes, share as f64);
                supply_mix::ui(ui, chart, &eased, showing_default)
            }
            None => supply_mix::ui(ui, chart, mixes, showing_default),
        }
    }

    /// Supplier, commodity and (for exposure) threshold pickers.
    fn options_ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        suppliers: &[String],
        commodities: &[Commodity],
        supplier: Option<&str>,
        commodity: Option<&Commodity>,
    ) {
        ui.horizontal(|ui| {
            if self.chart != ChartKind::Flows {
                let label = ui.label("Supplier");
                egui::ComboBox::from_id_salt("chart_supplier")
                    .selected_text(supplier.map_or("none", |id| scenario.actor_name(id)))
                    .show_ui(ui, |ui| {
                        for id in suppliers {
                            if ui.selectable_label(supplier == Some(id.as_str()), scenario.actor_name(id)).clicked() {
                                self.supplier = Some(id.clone());
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
            let label = ui.label("Commodity");
            egui::ComboBox::from_id_salt("chart_commodity")
                .selected_text(commodity.map_or("none", Commodity::label))
                .show_ui(ui, |ui| {
                    for known in commodities {
                        if ui.selectable_label(commodity == Some(known), known.label()).clicked() {
                            self.commodity = Some(known.clone());
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            if self.chart == ChartKind::Exposure {
                let mut percent = self.threshold.unwrap_or(DEFAULT_THRESHOLD) * 100.0;
                let label = ui.label("Threshold");
                let slider = egui::Slider::new(&mut percent, 0.0..=100.0).suffix("%").integer();
                if ui.add(slider).labelled_by(label.id).on_hover_text("Draw the line at this share").changed() {
                    self.threshold = Some(percent / 100.0);
                }
            }
        });
    }
}
