//! The What-if section: pick a disruption (a supplier cut, a transit country or a route closed), see who loses
//! what as a bar chart and a list, and lay the result over the graph.

use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart};

use crate::analysis::shock::{Disruption, Loss, shock};
use crate::derived::Derived;
use crate::format::percent;
use crate::model::{Commodity, Scenario, ShareBasis};
use crate::scene::choropleth::record_words;
use crate::state::{Action, CentralView, Document, GraphOverlay, ViewState};
use crate::ui::cache::Cached;
use crate::ui::charts::common;
use crate::ui::style::section_heading;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShockKind {
    #[default]
    CutSupplier,
    CloseTransit,
    CloseRoute,
}

#[derive(Default)]
pub struct ShockOptions {
    pub kind: ShockKind,
    /// The supplier, transit country or route chosen; `None` picks the first there is.
    pub choice: Option<String>,
    /// With a supplier cut: only this commodity (`None`: all).
    pub commodity: Option<Commodity>,
    losses: Cached<(u64, u64, i32, Disruption), Losses>,
    /// Where the bars were last drawn, for finding one on screen.
    bars_drawn_at: Option<egui_plot::PlotTransform>,
}

/// A disruption's losses with their words, worked out once per document revision, year and disruption rather
/// than every frame.
struct Losses {
    losses: Vec<Loss>,
    /// Each loss in words: "Serbia loses 62% of its gas".
    words: Vec<String>,
    /// Each loss's words, then every record it cuts off with its period, certainty and source grade, a line
    /// each: the hover of its bar and of its line in the list.
    details: Vec<String>,
}

impl Losses {
    fn of(scenario: &Scenario, disruption: &Disruption, year: i32) -> Losses {
        let losses = shock(scenario, disruption, year);
        let grades = crate::model::SourceGrades::of(scenario);
        let words: Vec<String> = losses.iter().map(|loss| loss_words(scenario, loss)).collect();
        let details = (losses.iter().zip(&words))
            .map(|(loss, words)| {
                let records = loss.records.iter().map(|&record| record_words(scenario, &grades, record));
                std::iter::once(words.clone()).chain(records).collect::<Vec<_>>().join("\n")
            })
            .collect();
        Losses { losses, words, details }
    }
}

fn loss_words(scenario: &Scenario, loss: &Loss) -> String {
    let basis = if loss.basis == ShareBasis::Imports { " imports" } else { "" };
    format!(
        "{} loses {} of its {}{basis}",
        scenario.actor_name(&loss.consumer),
        percent(loss.lost_share),
        loss.commodity.label().to_lowercase()
    )
}

impl ShockOptions {
    /// The middle of the `index`th loss's bar as last drawn (largest loss first), for tests and tools.
    pub fn loss_bar_on_screen(&self, index: usize) -> Option<egui::Pos2> {
        let lost = self.losses.last()?.losses.get(index)?.lost_share;
        Some(self.bars_drawn_at.as_ref()?.position_from_point(&egui_plot::PlotPoint::new(lost * 50.0, index as f64)))
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        view: &ViewState,
        year: i32,
        actions: &mut Vec<Action>,
    ) {
        let scenario = &document.scenario;
        section_heading(ui, "What if…");
        let Some(disruption) = self.controls_ui(ui, scenario, document.derived()) else {
            ui.label("This scenario has no energy flows to disrupt.");
            return;
        };
        let found = self.losses.get((document.id, document.revision, year, disruption.clone()), || {
            Losses::of(scenario, &disruption, year)
        });
        ui.add_space(6.0);
        ui.label(RichText::new(format!("What if {} ({year})", disruption.describe(scenario))).strong().size(17.0));
        overlay_buttons(ui, view, &disruption, actions);
        if found.losses.is_empty() {
            ui.label("No consumer loses supply.");
            return;
        }
        self.bars_drawn_at = Some(losses_chart(ui, scenario, found));
        for ((loss, words), details) in found.losses.iter().zip(&found.words).zip(&found.details) {
            let response = ui.selectable_label(view.is_selected(&loss.consumer), words).on_hover_text(details);
            if response.clicked() {
                actions.push(Action::Select { id: loss.consumer.clone(), additive: false });
            }
        }
    }

    /// The kind of disruption and what it hits; returns the disruption chosen.
    fn controls_ui(&mut self, ui: &mut egui::Ui, scenario: &Scenario, derived: &Derived) -> Option<Disruption> {
        ui.horizontal(|ui| {
            for (kind, label) in [
                (ShockKind::CutSupplier, "Cut a supplier"),
                (ShockKind::CloseTransit, "Close a transit country"),
                (ShockKind::CloseRoute, "Close a route"),
            ] {
                if ui.radio(self.kind == kind, label).clicked() && self.kind != kind {
                    self.kind = kind;
                    self.choice = None;
                }
            }
        });
        let options = match self.kind {
            ShockKind::CutSupplier => &derived.suppliers,
            ShockKind::CloseTransit => &derived.transit_countries,
            ShockKind::CloseRoute => &derived.routes,
        };
        let chosen =
            self.choice.clone().filter(|choice| options.contains(choice)).or_else(|| options.first().cloned())?;
        let shown = |id: &str| match self.kind {
            ShockKind::CloseRoute => id.to_owned(),
            _ => scenario.actor_name(id).to_owned(),
        };
        ui.horizontal(|ui| {
            egui::ComboBox::from_id_salt("shock_choice").selected_text(shown(&chosen)).show_ui(ui, |ui| {
                for option in options {
                    if ui.selectable_label(*option == chosen, shown(option)).clicked() {
                        self.choice = Some(option.clone());
                    }
                }
            });
            if self.kind == ShockKind::CutSupplier {
                let label = self.commodity.as_ref().map_or("every commodity", Commodity::label).to_owned();
                egui::ComboBox::from_id_salt("shock_commodity").selected_text(label).show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.commodity, None, "every commodity");
                    for commodity in crate::charts::commodities(scenario) {
                        let label = commodity.label().to_owned();
                        ui.selectable_value(&mut self.commodity, Some(commodity), label);
                    }
                });
            }
        });
        let chosen = self.choice.clone().filter(|choice| options.contains(choice)).unwrap_or(chosen);
        Some(match self.kind {
            ShockKind::CutSupplier => Disruption::CutSupplier { supplier: chosen, commodity: self.commodity.clone() },
            ShockKind::CloseTransit => Disruption::CloseTransit { actor: chosen },
            ShockKind::CloseRoute => Disruption::CloseRoute { route: chosen },
        })
    }
}

fn overlay_buttons(ui: &mut egui::Ui, view: &ViewState, disruption: &Disruption, actions: &mut Vec<Action>) {
    let overlay = GraphOverlay::Shock(disruption.clone());
    let shown = view.overlay.as_ref() == Some(&overlay);
    ui.horizontal(|ui| {
        if shown {
            if ui.button("Take off the graph").clicked() {
                actions.push(Action::SetOverlay(None));
            }
        } else if ui.button("Show on the graph").on_hover_text("Colour the graph's actors by what they lose").clicked()
        {
            actions.push(Action::SetOverlay(Some(overlay)));
            actions.push(Action::ShowCentral(CentralView::Graph));
        }
    });
}

/// One bar per consumer and commodity, coloured by the share lost; hovering one gives its loss and records.
fn losses_chart(ui: &mut egui::Ui, scenario: &Scenario, found: &Losses) -> egui_plot::PlotTransform {
    let losses = &found.losses;
    let labels: Vec<String> = losses
        .iter()
        .map(|loss| format!("{} · {}", scenario.actor_name(&loss.consumer), loss.commodity.label()))
        .collect();
    let height = common::plot_height(ui, 0.45, 70.0 + 36.0 * losses.len() as f32);
    let plot = common::horizontal_bar_plot("shock_losses", height, "Share of supply lost (%)".to_owned(), labels);
    let response = plot.show(ui, |plot| {
        let bars = losses
            .iter()
            .enumerate()
            .map(|(index, loss)| {
                let colour = egui::Color32::from(crate::scene::overlay::loss_colour(loss.lost_share));
                Bar::new(index as f64, loss.lost_share * 100.0).width(BAR_HEIGHT).fill(colour)
            })
            .collect();
        plot.bar_chart(BarChart::new("Lost", bars).horizontal().allow_hover(false));
    });
    // The plot's own hover text needs its coordinate read-outs, which these charts leave off: the bar under the
    // pointer is found here, as on the exposure chart.
    let pointer = response.response.hover_pos().map(|position| response.transform.value_from_position(position));
    let under = pointer.and_then(|point| {
        let index = point.y.round();
        let loss =
            losses.get(index as usize).filter(|_| index >= 0.0 && (point.y - index).abs() <= BAR_HEIGHT / 2.0)?;
        (point.x >= 0.0 && point.x <= (loss.lost_share * 100.0).max(2.0)).then_some(index as usize)
    });
    if let Some(index) = under {
        response.response.on_hover_text_at_pointer(&found.details[index]);
    }
    response.transform
}

const BAR_HEIGHT: f64 = 0.6;
