//! The Analysis tab: dependence and concentration, what-if shocks, vote alignment, sanctions coalitions,
//! consistency flags, the diplomatic network and the changes between two years. Results come from
//! `crate::analysis`, cached per document revision, year and option; shocks and changes can be laid over the
//! graph.

mod changes;
mod politics;
mod shock;
mod tables;

use eframe::egui;

use super::cache::{Cached, InBackground};
use crate::analysis::{dependence::Dependence, flags::Flag, network::ActorMeasures};
use crate::state::{Action, Document, ViewState};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Dependence,
    Shock,
    Flags,
    Alignment,
    Coalitions,
    Network,
    Changes,
}

impl Section {
    const ALL: [(Section, &'static str, &'static str); 7] = [
        (Section::Dependence, "Dependence", "Each consumer's top supplier and how concentrated its supply is"),
        (Section::Shock, "What if", "Cut a supplier, close a transit country or a route: who loses what"),
        (Section::Flags, "Flags", "Stances, dependence and votes that pull different ways"),
        (Section::Alignment, "Alignment", "How often actors vote alike"),
        (Section::Coalitions, "Coalitions", "Who takes part in sanctions against a target, bloc by bloc"),
        (Section::Network, "Network", "Degree and betweenness in the network of diplomatic ties"),
        (Section::Changes, "Changes", "What changed between two years"),
    ];
}

/// What the tables of a year hold.
pub struct YearResults {
    pub dependences: Vec<Dependence>,
    pub flags: Vec<Flag>,
    pub targets: Vec<String>,
}

#[derive(Default)]
pub struct AnalysisView {
    pub section: Section,
    pub shock: shock::ShockOptions,
    pub politics: politics::PoliticsOptions,
    pub changes: changes::ChangesOptions,
    results: Cached<(u64, u64, i32), YearResults>,
    /// Betweenness takes a noticeable moment on large scenarios (seconds at 50,000 ties), so the network is
    /// built only when shown, and above `NETWORK_IN_BACKGROUND` ties on a worker thread.
    network: Cached<(u64, u64, i32), Vec<ActorMeasures>>,
    network_in_background: InBackground<(u64, u64, i32), Vec<ActorMeasures>>,
}

impl AnalysisView {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        crate::ui::style::toolbar_row(ui, "analysis_sections", |ui| {
            for (section, label, tooltip) in Section::ALL {
                if ui.selectable_label(self.section == section, label).on_hover_text(tooltip).clicked() {
                    self.section = section;
                }
            }
        });
        let Some(year) = view.chart_year_of(document.derived()) else {
            ui.label("This scenario has no dated records to analyse yet.");
            return;
        };
        if view.year.is_none() && self.section != Section::Changes {
            ui.weak(format!("Showing {year}, the latest year. Choose a year above to see another."));
        }
        ui.separator();
        let results = self.results.get((document.id, document.revision, year), || YearResults {
            dependences: crate::analysis::dependence::dependences(scenario, year),
            flags: crate::analysis::flags::flags(scenario, year),
            targets: crate::analysis::coalition::targets(scenario, year),
        });
        let derived = document.derived();
        // Long tables scroll on their own and draw only the rows in view.
        match self.section {
            Section::Dependence => {
                return tables::dependence_ui(ui, scenario, derived, view, &results.dependences, actions);
            }
            Section::Network => {
                let key = (document.id, document.revision, year);
                let network = match scenario.ties.len() > NETWORK_IN_BACKGROUND {
                    false => Some(self.network.get(key, || crate::analysis::network::tie_network(scenario, year))),
                    true => self.network_in_background.get(key, ui.ctx(), || {
                        let ties = scenario.ties.clone();
                        move || crate::analysis::network::tie_network_of(&ties, year)
                    }),
                };
                match network {
                    Some(network) => tables::network_ui(ui, scenario, derived, view, network, actions),
                    None => working_out_network(ui, scenario.ties.len()),
                }
                return;
            }
            _ => {}
        }
        egui::ScrollArea::vertical().id_salt("analysis").auto_shrink([false, false]).show(ui, |ui| {
            match self.section {
                Section::Dependence | Section::Network => {}
                Section::Shock => self.shock.ui(ui, document, view, year, actions),
                Section::Flags => tables::flags_ui(ui, scenario, &results.flags, actions),
                Section::Alignment => self.politics.alignment_ui(ui, document, view, actions),
                Section::Coalitions => self.politics.coalition_ui(ui, document, year, &results.targets, actions),
                Section::Changes => self.changes.ui(ui, document, view, actions),
            }
        });
    }
}

/// Above this many ties the network measures are worked out on a worker thread: betweenness took 0.8 s at 20,000
/// ties and 6 s at 50,000, a frozen window.
const NETWORK_IN_BACKGROUND: usize = 5_000;

fn working_out_network(ui: &mut egui::Ui, ties: usize) {
    crate::ui::style::section_heading(ui, "The network of diplomatic ties");
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(format!(
            "Working out degree and betweenness over {} ties… on a network this size it takes a few seconds.",
            crate::format::thousands(ties as f64)
        ));
    });
}
