//! The Alignment and Coalitions sections: agreement in votes with a chosen reference actor (a bloc stands for its
//! members' majority), and who takes part in sanctions against a chosen target.

use eframe::egui::{self, RichText};

use crate::analysis::alignment::{Agreement, agreement_with};
use crate::analysis::coalition::{Coalition, coalition};
use crate::format::{count, percent};
use crate::model::{ActorKind, Scenario};
use crate::state::{Action, Document, ViewState};
use crate::ui::cache::Cached;
use crate::ui::style::section_heading;

#[derive(Default)]
pub struct PoliticsOptions {
    /// The actor others' votes are compared with; `None`: the first voter (Russia in the bundled scenario).
    pub reference: Option<String>,
    /// The target of the coalition shown; `None`: the most sanctioned.
    pub target: Option<String>,
    agreements: Cached<(u64, u64, String), Vec<(String, Agreement)>>,
    coalition: Cached<(u64, u64, i32, String), Coalition>,
}

/// Actors with a ballot, and blocs whose members have one.
fn references(scenario: &Scenario) -> Vec<String> {
    let mut voters: Vec<String> = scenario.votes.iter().flat_map(|vote| vote.ballots.keys().cloned()).collect();
    voters.sort();
    voters.dedup();
    let votes = |member: &str| voters.binary_search_by(|voter| voter.as_str().cmp(member)).is_ok();
    let blocs =
        scenario.actors.iter().filter(|actor| actor.kind == ActorKind::Bloc && actor.members_at_any_time().any(votes));
    let mut found: Vec<String> = blocs.map(|bloc| bloc.id.clone()).collect();
    found.extend(voters);
    found
}

fn picker(ui: &mut egui::Ui, id: &str, scenario: &Scenario, options: &[String], chosen: &str) -> Option<String> {
    let mut picked = None;
    egui::ComboBox::from_id_salt(id).selected_text(scenario.actor_name(chosen)).show_ui(ui, |ui| {
        for option in options {
            if ui.selectable_label(option == chosen, scenario.actor_name(option)).clicked() {
                picked = Some(option.clone());
            }
        }
    });
    picked
}

impl PoliticsOptions {
    pub fn alignment_ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        view: &ViewState,
        actions: &mut Vec<Action>,
    ) {
        let scenario = &document.scenario;
        section_heading(ui, "Alignment in votes");
        ui.weak(
            "Agreement: 1 for the same ballot, 0.5 for an abstention against a yes or a no, 0 for yes against no, \
             averaged over the votes both cast (absences left out), as in the usual UN General Assembly scores.",
        );
        let options = references(scenario);
        let preferred = self.reference.clone().filter(|known| options.contains(known));
        let Some(reference) = preferred.or_else(|| options.iter().find(|id| *id == "RUS").or(options.first()).cloned())
        else {
            ui.label("This scenario has no votes.");
            return;
        };
        ui.horizontal(|ui| {
            ui.label("Agreement with");
            if let Some(picked) = picker(ui, "alignment_reference", scenario, &options, &reference) {
                self.reference = Some(picked);
            }
        });
        let overlay = crate::state::GraphOverlay::Agreement { reference: reference.clone() };
        if view.overlay.as_ref() == Some(&overlay) {
            if ui.button("Take off the graph").clicked() {
                actions.push(Action::SetOverlay(None));
            }
        } else if ui.button("Show on the graph").on_hover_text("Colour the actors by their agreement").clicked() {
            actions.push(Action::SetOverlay(Some(overlay)));
            actions.push(Action::ShowCentral(crate::state::CentralView::Graph));
        }
        let scores = self
            .agreements
            .get((document.id, document.revision, reference.clone()), || agreement_with(scenario, &reference));
        for (actor, agreement) in scores {
            let text = format!(
                "{}: {} over {}",
                scenario.actor_name(actor),
                percent(agreement.score),
                count(agreement.votes, "vote")
            );
            if ui.selectable_label(view.is_selected(actor), text).clicked() {
                actions.push(Action::Select { id: actor.clone(), additive: ui.input(|input| input.modifiers.shift) });
            }
        }
    }

    pub fn coalition_ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        year: i32,
        targets: &[String],
        actions: &mut Vec<Action>,
    ) {
        let scenario = &document.scenario;
        section_heading(ui, "Sanctions coalitions");
        let Some(target) =
            self.target.clone().filter(|known| targets.contains(known)).or_else(|| targets.first().cloned())
        else {
            ui.label(format!("No sanctions stances apply in {year}."));
            return;
        };
        ui.horizontal(|ui| {
            ui.label("Sanctions on");
            if let Some(picked) = picker(ui, "coalition_target", scenario, targets, &target) {
                self.target = Some(picked);
            }
        });
        let found = self
            .coalition
            .get((document.id, document.revision, year, target.clone()), || coalition(scenario, &target, year));
        for (stance, actors) in &found.stances {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{} ({}):", stance.label(), actors.len())).strong());
                for actor in actors {
                    if ui.link(scenario.actor_name(actor)).clicked() {
                        actions.push(Action::Select { id: actor.clone(), additive: false });
                    }
                }
            });
        }
        ui.add_space(6.0);
        for bloc in &found.blocs {
            let itself = if bloc.bloc_takes_part { ", and the bloc itself" } else { "" };
            ui.label(format!(
                "{}: {} of {} members take part{itself}",
                scenario.actor_name(&bloc.bloc),
                bloc.taking_part,
                bloc.members
            ));
        }
    }
}
