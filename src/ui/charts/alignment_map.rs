//! The alignment map: every voter placed by how alike it votes (classical multidimensional scaling, see
//! `analysis::alignment_map`), coloured by its UN region (or its first bloc), so that voting blocs show as
//! clusters.
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
    super::common::how_to_read(
        ui,
        "across: the largest difference in how members voted; up and down: the next (classical multidimensional \
         scaling). Members who cast the same ballots share a point. Colour: the UN region, or where there are none, \
         the first bloc an actor belongs to.",
    );
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
                    // No name: a label is not a series of the legend.
                    plot.text(Text::new("", PlotPoint::new(*x, *y), label).anchor(egui::Align2::LEFT_BOTTOM));
                }
            }
        });
    *drawn_at = Some(response.transform);
    let hovered = response.response.hover_pos().and_then(|pointer| nearest(map, &response.transform, pointer));
    if let Some(index) = hovered {
        let (id, place) = &map.points[index];
        let clicked = response.response.clicked();
        // Everyone who voted exactly alike sits on the same point: name them all.
        let mut alike: Vec<&str> = map
            .points
            .iter()
            .filter(|(_, other)| (other[0] - place[0]).abs() < 1e-6 && (other[1] - place[1]).abs() < 1e-6)
            .map(|(other, _)| scenario.actor_name(other))
            .collect();
        alike.sort_by(|a, b| crate::format::natural_cmp(a, b));
        response.response.on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(420.0);
            ui.label(RichText::new(scenario.actor_name(id)).strong());
            if alike.len() > 1 {
                ui.label(format!("Voted exactly alike ({}): {}", alike.len(), alike.join(", ")));
            }
            ui.weak("Click to select, shift-click to add.");
        });
        if clicked {
            let additive = ui.input(|input| input.modifiers.shift);
            actions.push(Action::Select { id: id.clone(), additive });
        }
    }
    actions
}

/// The voters grouped by their UN region when the scenario gives regions (five colours, none repeated), else by
/// the first bloc each belongs to; those in neither last, in grey.
fn colour_groups(scenario: &Scenario, map: &AlignmentMap) -> Vec<(String, Color32, Vec<usize>)> {
    let regions: HashMap<&str, &str> =
        scenario.actors.iter().filter_map(|actor| Some((actor.id.as_str(), actor.region.as_deref()?))).collect();
    if !regions.is_empty() {
        return region_groups(&regions, map);
    }
    bloc_groups(scenario, map)
}

fn region_groups(regions: &HashMap<&str, &str>, map: &AlignmentMap) -> Vec<(String, Color32, Vec<usize>)> {
    let mut names: Vec<&str> = regions.values().copied().collect();
    names.sort_unstable();
    names.dedup();
    let mut groups: Vec<(String, Color32, Vec<usize>)> = names
        .iter()
        .enumerate()
        .map(|(at, name)| ((*name).to_owned(), palette::group(at).into(), Vec::new()))
        .collect();
    let mut elsewhere = Vec::new();
    for (index, (id, _)) in map.points.iter().enumerate() {
        match regions.get(id.as_str()).and_then(|region| names.iter().position(|name| name == region)) {
            Some(at) => groups[at].2.push(index),
            None => elsewhere.push(index),
        }
    }
    groups.retain(|(_, _, members)| !members.is_empty());
    if !elsewhere.is_empty() {
        groups.push(("No region".to_owned(), palette::NO_GROUP.into(), elsewhere));
    }
    groups
}

fn bloc_groups(scenario: &Scenario, map: &AlignmentMap) -> Vec<(String, Color32, Vec<usize>)> {
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
