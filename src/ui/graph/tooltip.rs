//! What hovering a node or an edge tells: the actor's key facts, or the record with its route and sources.

use eframe::egui::{self, RichText};

use crate::model::{Dated, Layer, RecordRef, Scenario, ShareBasis};
use crate::scene::graph::{EdgeMeaning, GraphScene};
use crate::scene::grouping::{GroupNode, LinkSummary};

pub enum Item {
    Node(usize),
    Edge(usize),
}

pub fn show(response: &egui::Response, scenario: &Scenario, scene: &GraphScene, item: Item, year: Option<i32>) {
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(360.0);
        let hint = match item {
            Item::Node(node) if scene.nodes[node].group.is_some() => {
                "Double-click to show its members; click selects them all."
            }
            Item::Node(_) => "Click to select, shift-click to add, drag to pin.",
            Item::Edge(_) => "",
        };
        item_ui(ui, scenario, scene, item, year);
        if !hint.is_empty() {
            ui.weak(hint);
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
    if let Some(group) = &scene_node.group {
        group_ui(ui, scenario, &scene_node.name, group);
        return;
    }
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

/// How many a group holds, who they are (the first dozen), and the links inside it, which are not drawn.
fn group_ui(ui: &mut egui::Ui, scenario: &Scenario, name: &str, group: &GroupNode) {
    ui.label(RichText::new(name).strong().size(16.0));
    let shown = group.shown_members.len();
    ui.weak(format!("A group of {} actors; {shown} with visible links", group.members));
    const LISTED: usize = 12;
    let mut names: Vec<&str> = group.shown_members.iter().map(|&actor| scenario.actors[actor].name.as_str()).collect();
    names.sort_by(|a, b| crate::format::natural_cmp(a, b));
    let more = names.len().saturating_sub(LISTED);
    let mut listed = names.into_iter().take(LISTED).collect::<Vec<_>>().join(", ");
    if more > 0 {
        listed.push_str(&format!(" and {more} more"));
    }
    ui.label(listed);
    if group.links_inside > 0 {
        let plural = if group.links_inside == 1 { "" } else { "s" };
        ui.label(format!("{} link{plural} between its members, not drawn while it is collapsed", group.links_inside));
    }
}

/// "Gas: 85% of consumption from Russia (2023 · energy[0] · estimate)" for the consumer's largest supplier of each
/// commodity in the year: the share with its basis, period, record and certainty.
fn supply_lines(scenario: &Scenario, consumer: &str, year: Option<i32>) -> Vec<String> {
    let mut lines = Vec::new();
    let flows = scenario.energy.iter().enumerate().filter(|(_, flow)| {
        flow.consumer == consumer
            && flow.basis == ShareBasis::Consumption
            && year.is_none_or(|year| flow.period().applies_in(year))
    });
    let mut by_commodity: Vec<(&crate::model::Commodity, usize)> = Vec::new();
    for (index, flow) in flows {
        match by_commodity.iter_mut().find(|(commodity, _)| **commodity == flow.commodity) {
            Some(entry) if scenario.energy[entry.1].share < flow.share => entry.1 = index,
            Some(_) => {}
            None => by_commodity.push((&flow.commodity, index)),
        }
    }
    for (commodity, index) in by_commodity {
        let flow = &scenario.energy[index];
        let source = if flow.supplier == consumer {
            "own production".to_owned()
        } else {
            format!("from {}", scenario.actor_name(&flow.supplier))
        };
        let certainty = flow.certainty.word();
        lines.push(format!(
            "{}: {} of consumption {source} ({} · {} · {certainty})",
            commodity.label(),
            crate::format::percent(flow.share),
            flow.period().describe(),
            crate::model::RecordRef::Energy(index).path(),
        ));
    }
    lines
}

fn edge_ui(ui: &mut egui::Ui, scenario: &Scenario, scene: &GraphScene, edge: usize) {
    let scene_edge = &scene.edges[edge];
    let from = &scene.nodes[scene_edge.from].name;
    let to = &scene.nodes[scene_edge.to].name;
    match &scene_edge.meaning {
        EdgeMeaning::Summary(summary) => {
            summary_ui(ui, scenario, from, to, summary);
            return;
        }
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

/// A summed link: how many records of which layer, and the first few of them, one line each.
fn summary_ui(ui: &mut egui::Ui, scenario: &Scenario, from: &str, to: &str, summary: &LinkSummary) {
    let count = summary.records.len();
    let what = match (summary.layer, count) {
        (Layer::Energy, 1) => "energy flow",
        (Layer::Energy, _) => "energy flows",
        (Layer::Sanctions, 1) => "sanctions stance",
        (Layer::Sanctions, _) => "sanctions stances",
        (Layer::Ties, 1) => "tie",
        (Layer::Ties, _) => "ties",
    };
    let link = if summary.layer == Layer::Ties { "and" } else { "to" };
    ui.label(RichText::new(format!("{from} {link} {to}: {count} {what}")).strong());
    if summary.layer == Layer::Ties {
        ui.label(format!("Mean strength {:+.2}", summary.mean_strength));
    }
    const LISTED: usize = 10;
    for &record in summary.records.iter().take(LISTED) {
        ui.label(record_line(scenario, record));
    }
    if count > LISTED {
        ui.weak(format!("and {} more", count - LISTED));
    }
}

/// One record in a line: "Gas: Russia to Bulgaria, 77%", "Bulgaria imposes sanctions on Russia".
fn record_line(scenario: &Scenario, record: RecordRef) -> String {
    let name = |id: &str| scenario.actor_name(id).to_owned();
    match record {
        RecordRef::Energy(index) => scenario.energy.get(index).map(|flow| {
            let (from, to) = (name(&flow.supplier), name(&flow.consumer));
            format!("{}: {from} to {to}, {:.0}%", flow.commodity.label(), flow.share * 100.0)
        }),
        RecordRef::Sanctions(index) => scenario.sanctions.get(index).map(|stance| {
            let (by, target) = (name(&stance.by), name(&stance.target));
            format!("{by}: {} sanctions on {target}", stance.stance.label().to_lowercase())
        }),
        RecordRef::Tie(index) => scenario
            .ties
            .get(index)
            .map(|tie| format!("{} and {}: {} {:+.2}", name(&tie.a), name(&tie.b), tie.kind.label(), tie.strength)),
        _ => None,
    }
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actors_supply_lines_give_basis_period_record_and_certainty() {
        let scenario = crate::io::parse_scenario(crate::library::BUNDLED[0].text).expect("bundled parses");
        let lines = supply_lines(&scenario, "SRB", Some(2023));
        let gas = lines.iter().find(|line| line.starts_with("Gas: ")).expect("a gas line");
        assert!(gas.starts_with("Gas: 62% of consumption from Russia (2023 · energy["), "{gas}");
        assert!(gas.ends_with("] · disputed)"), "{gas}");
    }
}
