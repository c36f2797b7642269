//! What hovering a node or an edge tells: the actor's key facts, or the record with its route and sources.

use eframe::egui::{self, RichText};

use crate::model::{Dated, Scenario, ShareBasis};
use crate::scene::graph::{EdgeMeaning, GraphScene};

pub enum Item {
    Node(usize),
    Edge(usize),
}

pub fn show(response: &egui::Response, scenario: &Scenario, scene: &GraphScene, item: Item, year: Option<i32>) {
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(360.0);
        let node = matches!(item, Item::Node(_));
        item_ui(ui, scenario, scene, item, year);
        if node {
            ui.weak("Click to select, shift-click to add, drag to pin.");
        }
    });
}

/// What the tooltip says of a node or an edge, for views with tooltips of their own (the map).
pub fn item_ui(ui: &mut egui::Ui, scenario: &Scenario, scene: &GraphScene, item: Item, year: Option<i32>) {
    match item {
        Item::Node(node) => node_ui(ui, scenario, scene, node, year),
        Item::Edge(edge) => edge_ui(ui, scenario, scene, edge),
    }
}

fn node_ui(ui: &mut egui::Ui, scenario: &Scenario, scene: &GraphScene, node: usize, year: Option<i32>) {
    let scene_node = &scene.nodes[node];
    let actor = &scenario.actors[scene_node.actor];
    ui.label(RichText::new(&actor.name).strong().size(16.0));
    if let Some(local) = &actor.local_name {
        ui.label(local);
    }
    ui.weak(format!("{} · {}", actor.kind.label(), actor.id));
    if let Some(bloc) = &scene_node.bloc {
        ui.label(format!("Bloc: {}", scenario.actor_name(bloc)));
    }
    for line in supply_lines(scenario, &actor.id, year) {
        ui.label(line);
    }
    ui.label(format!("{} visible link{}", scene_node.degree, if scene_node.degree == 1 { "" } else { "s" }));
}

/// "Gas: 85% from Russia (2023)" for the consumer's largest supplier of each commodity in the year.
fn supply_lines(scenario: &Scenario, consumer: &str, year: Option<i32>) -> Vec<String> {
    let mut lines = Vec::new();
    let flows = scenario.energy.iter().filter(|flow| {
        flow.consumer == consumer
            && flow.basis == ShareBasis::Consumption
            && year.is_none_or(|year| flow.period().applies_in(year))
    });
    let mut by_commodity: Vec<(&crate::model::Commodity, &crate::model::EnergyFlow)> = Vec::new();
    for flow in flows {
        match by_commodity.iter_mut().find(|(commodity, _)| **commodity == flow.commodity) {
            Some(entry) if entry.1.share < flow.share => entry.1 = flow,
            Some(_) => {}
            None => by_commodity.push((&flow.commodity, flow)),
        }
    }
    for (commodity, flow) in by_commodity {
        let source = if flow.supplier == consumer {
            "own production".to_owned()
        } else {
            format!("from {}", scenario.actor_name(&flow.supplier))
        };
        lines.push(format!(
            "{}: {:.0}% {source} ({})",
            commodity.label(),
            flow.share * 100.0,
            flow.period().describe()
        ));
    }
    lines
}

fn edge_ui(ui: &mut egui::Ui, scenario: &Scenario, scene: &GraphScene, edge: usize) {
    let scene_edge = &scene.edges[edge];
    let from = &scene.nodes[scene_edge.from].name;
    let to = &scene.nodes[scene_edge.to].name;
    match &scene_edge.meaning {
        EdgeMeaning::Energy { commodity, share, basis, volume, via } => {
            let basis = match basis {
                ShareBasis::Consumption => "of consumption",
                ShareBasis::Imports => "of imports",
            };
            ui.label(RichText::new(format!("{from} to {to}")).strong());
            ui.label(format!("{}: {:.0}% {basis}", commodity.label(), share * 100.0));
            if let Some(volume) = volume {
                ui.label(format!("Volume: {} {}", volume.0, volume.1.label()));
            }
            if !via.is_empty() {
                let route: Vec<&str> = via.iter().map(|id| scenario.actor_name(id)).collect();
                ui.label(format!("Through: {}", route.join(", then ")));
            }
        }
        EdgeMeaning::Sanctions { stance } => {
            ui.label(RichText::new(format!("{from} {} sanctions on {to}", stance.label().to_lowercase())).strong());
        }
        EdgeMeaning::Tie { kind, strength, directed, topic } => {
            let link = if *directed { "towards" } else { "and" };
            ui.label(RichText::new(format!("{from} {link} {to}")).strong());
            ui.label(format!("{} · strength {strength:+.2}", kind.label()));
            if let Some(topic) = topic {
                ui.label(format!("About: {topic}"));
            }
        }
    }
    crate::ui::record_details::ui(ui, scenario, scene_edge.record);
}
