//! The alignment map: every voter placed by how alike it votes (classical multidimensional scaling, see
//! `analysis::alignment_map`), coloured by the first bloc it belongs to, so that voting blocs show as clusters.
//! Hovering a point names it; a click selects it (Shift adds).

use std::collections::HashMap;

use eframe::egui::{self, Color32, RichText};
use egui_plot::{Legend, Plot, PlotPoint, PlotPoints, PlotTransform, Points, Text};

use crate::analysis::alignment_map::AlignmentMap;
use crate::model::{ActorKind, Scenario};
use crate::scene::palette;
use crate::state::{Action, ViewState};

/// How near (screen points) the pointer must be to a voter to hover it.
const REACH: f32 = 10.0;

pub fn ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    map: Option<&AlignmentMap>,
    drawn_at: &mut Option<PlotTransform>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(map) = map else {
        ui.label("The alignment map needs recorded votes of at least three actors.");
        return actions;
    };
    ui.label(
        RichText::new(format!(
            "{} voters placed by how alike they vote over {}: close together means voting alike.",
            map.points.len(),
            crate::format::count(scenario.votes.len(), "vote")
        ))
        .strong(),
    );
    ui.weak(format!(
        "The two axes show {:.0}% and {:.0}% of the differences between ballots (classical multidimensional scaling). \
         Colour: the first bloc an actor belongs to.",
        map.explained[0] * 100.0,
        map.explained[1] * 100.0
    ));
    let groups = colour_groups(scenario, map);
    let height = ui.available_height().max(200.0);
    let response = Plot::new("alignment_map")
        .height(height)
        .data_aspect(1.0)
        .show_axes([false, false])
        .show_grid(false)
        .legend(Legend::default())
        .allow_double_click_reset(true)
        .show(ui, |plot| {
            for (name, colour, members) in &groups {
                let points: PlotPoints = members.iter().map(|&index| map.points[index].1).collect();
                plot.points(Points::new(name.clone(), points).radius(5.0).color(*colour).allow_hover(false));
            }
            for (id, [x, y]) in &map.points {
                if view.is_selected(id) {
                    let label = RichText::new(scenario.actor_name(id)).strong();
                    plot.text(Text::new(id.clone(), PlotPoint::new(*x, *y), label).anchor(egui::Align2::LEFT_BOTTOM));
                }
            }
        });
    *drawn_at = Some(response.transform);
    let hovered = response.response.hover_pos().and_then(|pointer| nearest(map, &response.transform, pointer));
    if let Some(index) = hovered {
        let id = &map.points[index].0;
        let clicked = response.response.clicked();
        response.response.on_hover_ui_at_pointer(|ui| {
            ui.label(RichText::new(scenario.actor_name(id)).strong());
            ui.weak("Click to select, shift-click to add.");
        });
        if clicked {
            let additive = ui.input(|input| input.modifiers.shift);
            actions.push(Action::Select { id: id.clone(), additive });
        }
    }
    actions
}

/// The voters grouped by the first bloc (by size, largest first) each belongs to, with the bloc's colour; those
/// in no bloc last, in grey.
fn colour_groups(scenario: &Scenario, map: &AlignmentMap) -> Vec<(String, Color32, Vec<usize>)> {
    let mut blocs: Vec<&crate::model::Actor> =
        scenario.actors.iter().filter(|actor| actor.kind == ActorKind::Bloc && !actor.members.is_empty()).collect();
    blocs.sort_by(|a, b| b.members.len().cmp(&a.members.len()).then_with(|| a.name.cmp(&b.name)));
    let mut bloc_of: HashMap<&str, usize> = HashMap::new();
    for (at, bloc) in blocs.iter().enumerate() {
        for member in &bloc.members {
            bloc_of.entry(member.as_str()).or_insert(at);
        }
    }
    let mut groups: Vec<(String, Color32, Vec<usize>)> =
        blocs.iter().enumerate().map(|(at, bloc)| (bloc.name.clone(), palette::group(at).into(), Vec::new())).collect();
    let mut unaligned = Vec::new();
    for (index, (id, _)) in map.points.iter().enumerate() {
        match bloc_of.get(id.as_str()) {
            Some(&at) => groups[at].2.push(index),
            None => unaligned.push(index),
        }
    }
    groups.retain(|(_, _, members)| !members.is_empty());
    if !unaligned.is_empty() {
        groups.push(("In no bloc".to_owned(), palette::NO_GROUP.into(), unaligned));
    }
    groups
}

/// The voter nearest the pointer, within reach.
fn nearest(map: &AlignmentMap, transform: &PlotTransform, pointer: egui::Pos2) -> Option<usize> {
    map.points
        .iter()
        .enumerate()
        .map(|(index, (_, [x, y]))| (index, transform.position_from_point(&PlotPoint::new(*x, *y)).distance(pointer)))
        .filter(|(_, distance)| *distance <= REACH)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(index, _)| index)
}

/// Where a voter is drawn on screen, for tests.
pub fn point_on_screen(map: &AlignmentMap, transform: &PlotTransform, id: &str) -> Option<egui::Pos2> {
    let (_, [x, y]) = map.points.iter().find(|(voter, _)| voter == id)?;
    Some(transform.position_from_point(&PlotPoint::new(*x, *y)))
}
