//! The node and edge values both exports (GraphML, GEXF) write for a scenario's actors and records, and its
//! sources as JSON: the inverse of what `graph` reads back.

use super::commodity_name;
use crate::model::{Certainty, Position, Scenario, Volume};
use crate::scene::{Rgba, palette};

/// An actor as both exports write it.
pub struct ExportNode<'s> {
    pub id: &'s str,
    pub label: &'s str,
    pub values: Vec<(&'static str, String)>,
    pub position: [f32; 2],
    pub colour: Rgba,
}

/// A record as both exports write it.
pub struct ExportEdge<'s> {
    pub id: String,
    pub source: &'s str,
    pub target: &'s str,
    /// The share, the strength's size, or 1 for a stance: what graph tools draw as thickness.
    pub weight: f64,
    pub values: Vec<(&'static str, String)>,
    pub colour: Rgba,
}

/// The actors with their positions: the saved layout's where there is one, else the given one.
pub fn export_nodes<'s>(scenario: &'s Scenario, positions: &[[f32; 2]]) -> Vec<ExportNode<'s>> {
    scenario
        .actors
        .iter()
        .enumerate()
        .map(|(index, actor)| {
            let position = match scenario.layout.get(&actor.id) {
                Some(Position(x, y)) => [*x, *y],
                None => positions.get(index).copied().unwrap_or([0.0, 0.0]),
            };
            let mut values = vec![("kind", actor.kind.label().to_owned()), ("name", actor.name.clone())];
            push_some(&mut values, "local_name", actor.local_name.clone());
            push_list(&mut values, "groups", &actor.groups);
            push_list(&mut values, "members", &actor.members);
            if let Some(location) = actor.location {
                values.push(("lat", location.lat.to_string()));
                values.push(("lon", location.lon.to_string()));
            }
            push_some(&mut values, "note", actor.note.clone());
            push_list(&mut values, "sources", &actor.sources);
            ExportNode { id: &actor.id, label: &actor.name, values, position, colour: palette::ACTOR }
        })
        .collect()
}

/// Energy flows, sanctions stances and ties, with ids `energy-N`, `sanction-N`, `tie-N` (N from 0).
pub fn export_edges(scenario: &Scenario) -> Vec<ExportEdge<'_>> {
    let mut edges = Vec::with_capacity(scenario.energy.len() + scenario.sanctions.len() + scenario.ties.len());
    for (index, flow) in scenario.energy.iter().enumerate() {
        let mut values = vec![
            ("record", "energy".to_owned()),
            ("commodity", commodity_name(&flow.commodity).to_owned()),
            ("share", flow.share.to_string()),
            ("basis", format!("{:?}", flow.basis)),
        ];
        if let Some(Volume(amount, unit)) = flow.volume {
            values.push(("volume", amount.to_string()));
            values.push(("unit", format!("{unit:?}")));
        }
        push_list(&mut values, "via", &flow.via);
        push_some(&mut values, "route", flow.route.clone());
        values.push(("directed", "true".to_owned()));
        push_common(&mut values, (flow.year, &flow.from, &flow.until), flow.certainty, &flow.note, &flow.sources);
        edges.push(ExportEdge {
            id: format!("energy-{index}"),
            source: &flow.supplier,
            target: &flow.consumer,
            weight: flow.share,
            values,
            colour: palette::commodity(&flow.commodity),
        });
    }
    for (index, stance) in scenario.sanctions.iter().enumerate() {
        let mut values = vec![("record", "sanction".to_owned()), ("stance", stance.stance.label().to_owned())];
        values.push(("directed", "true".to_owned()));
        let period = (stance.year, &stance.from, &stance.until);
        push_common(&mut values, period, stance.certainty, &stance.note, &stance.sources);
        edges.push(ExportEdge {
            id: format!("sanction-{index}"),
            source: &stance.by,
            target: &stance.target,
            weight: 1.0,
            values,
            colour: palette::stance(stance.stance),
        });
    }
    for (index, tie) in scenario.ties.iter().enumerate() {
        let mut values = vec![
            ("record", "tie".to_owned()),
            ("tie_kind", tie.kind.label().to_owned()),
            ("strength", tie.strength.to_string()),
        ];
        push_some(&mut values, "topic", tie.topic.clone());
        values.push(("directed", tie.directed.to_string()));
        push_common(&mut values, (tie.year, &tie.from, &tie.until), tie.certainty, &tie.note, &tie.sources);
        edges.push(ExportEdge {
            id: format!("tie-{index}"),
            source: &tie.a,
            target: &tie.b,
            weight: tie.strength.abs(),
            values,
            colour: palette::strength(tie.strength),
        });
    }
    edges
}

/// The scenario's sources as the JSON list both formats keep at graph level; `None` when there are none.
pub fn sources_json(scenario: &Scenario) -> Option<String> {
    if scenario.sources.is_empty() {
        return None;
    }
    serde_json::to_string(&scenario.sources).ok()
}

fn push_some(values: &mut Vec<(&'static str, String)>, name: &'static str, value: Option<String>) {
    if let Some(value) = value {
        values.push((name, value));
    }
}

fn push_list(values: &mut Vec<(&'static str, String)>, name: &'static str, list: &[String]) {
    if !list.is_empty() {
        values.push((name, list.join(";")));
    }
}

fn push_common(
    values: &mut Vec<(&'static str, String)>,
    (year, from, until): (Option<i32>, &Option<String>, &Option<String>),
    certainty: Certainty,
    note: &Option<String>,
    sources: &[String],
) {
    push_some(values, "year", year.map(|year| year.to_string()));
    push_some(values, "from", from.clone());
    push_some(values, "until", until.clone());
    values.push(("certainty", format!("{certainty:?}")));
    push_some(values, "note", note.clone());
    push_list(values, "sources", sources);
}
