//! GEXF (<https://gexf.net/>): import of versions 1.1, 1.2draft and 1.3, static and dynamic, and export as GEXF
//! 1.3, valid against its RelaxNG schema (kept in `tests/readers/gexf-1.3/`) and read by networkx and Gephi.
//!
//! Import: `<attributes>` name the `<attvalue>`s (`for`, or 1.1's `id`); nodes and edges nested in nodes are
//! flattened; `viz:position` gives the layout. An edge's times (`start`/`end`, `timestamp`, or its spells or
//! 1.1 slices, from the first's start to the last's end) become a `year` when both ends fall in one year, else
//! `from`/`until`; dates keep their day, whole-number times are read as years, other numbers are left out with
//! a note. Of a dynamic attribute's several values, the first is kept. Actors have no period: node times are
//! left out (and reported once).
//!
//! Export: `defaultedgetype="directed"` and every edge directed, from supplier, sanctioning actor or a tie's
//! first actor; an undirected tie says so in its `directed` value (false). GEXF 1.3 has no mixed graphs, and
//! networkx refuses `type="undirected"` edges in a directed graph and reads `type="mutual"` as two edges (losing
//! one when it makes a simple graph of the file), so the edge type cannot carry it without breaking networkx. GEXF 1.3 has no graph-level attributes, so the scenario's sources are kept, as JSON, in the
//! `<options>` of the node attribute `sources` — the list of what that attribute's ids may name.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::xml::graph::{self, EDGE_VALUES, Graph, GraphEdge, GraphNode, NODE_VALUES, ValueType};
use super::xml::{self, Element, escape, place};
use super::{FileReport, ImportMapping, Imported, InputFormat};
use crate::model::Scenario;

const KNOWN_VERSIONS: [&str; 5] = ["1.1", "1.1draft", "1.2", "1.2draft", "1.3"];

pub fn import(name: &str, bytes: &[u8], mapping: &ImportMapping) -> Imported {
    let mut report = FileReport::new(name, Some(InputFormat::Gexf));
    let Some(root) = xml::read_document(bytes, &mut report) else {
        return Imported { scenario: Scenario::default(), report };
    };
    if !root.name.eq_ignore_ascii_case("gexf") {
        report.refuse(format!("the file's root element is <{}>, not <gexf>", root.name));
        return Imported { scenario: Scenario::default(), report };
    }
    match root.attribute("version") {
        Some(version) if KNOWN_VERSIONS.contains(&version.trim()) => {}
        Some(version) => report.change("gexf", format!("version \"{version}\" is unknown; read as GEXF 1.3")),
        None => report.change("gexf", "no version; read as GEXF 1.3"),
    }
    let Some(graph_element) = root.child("graph") else {
        report.refuse("the file holds no <graph>");
        return Imported { scenario: Scenario::default(), report };
    };
    let graph = read_graph(graph_element, &mut report);
    let scenario = graph::to_scenario(graph, mapping, &mut report);
    Imported { scenario, report }
}

/// Attribute titles by id, for nodes and for edges.
#[derive(Default)]
struct Attributes {
    node: HashMap<String, String>,
    edge: HashMap<String, String>,
}

fn read_attributes(graph_element: &Element, graph: &mut Graph, report: &mut FileReport) -> Attributes {
    let mut attributes = Attributes::default();
    for declarations in graph_element.children_named("attributes") {
        let class = declarations.attribute("class").map(str::to_ascii_lowercase);
        for declaration in declarations.children_named("attribute") {
            let Some(id) = declaration.attribute("id") else {
                report.skip(format!("line {}", declaration.line), "an <attribute> without an id");
                continue;
            };
            let title = declaration.attribute("title").unwrap_or(id).to_owned();
            if let Some(options) = declaration.child("options")
                && title == "sources"
                && class.as_deref() == Some("node")
            {
                graph.values.push(("sources".to_owned(), options.text.clone()));
            }
            let classes: &[&str] = match class.as_deref() {
                Some("node") => &["node"],
                Some("edge") => &["edge"],
                _ => {
                    let at = place("attribute", Some(id), declaration.line);
                    report.change(at, "its class is neither node nor edge; used for both");
                    &["node", "edge"]
                }
            };
            for class in classes {
                let titles = if *class == "node" { &mut attributes.node } else { &mut attributes.edge };
                if titles.contains_key(id) {
                    let at = place("attribute", Some(id), declaration.line);
                    report.skip(at, "a second attribute with this id; the first is used");
                } else {
                    titles.insert(id.to_owned(), title.clone());
                }
            }
        }
    }
    attributes
}

/// Nodes and edges, including those nested in nodes (GEXF's hierarchy), read without recursion.
fn read_graph(graph_element: &Element, report: &mut FileReport) -> Graph {
    let mut graph = Graph::default();
    let attributes = read_attributes(graph_element, &mut graph, report);
    let directed_by_default =
        graph_element.attribute("defaultedgetype").is_some_and(|text| text.trim().eq_ignore_ascii_case("directed"));
    let mut node_times_reported = false;
    let mut pending: Vec<&Element> = vec![graph_element];
    while let Some(container) = pending.pop() {
        for nodes in container.children_named("nodes") {
            for element in nodes.children_named("node") {
                let node = read_node(element, &attributes.node, report);
                if !node_times_reported && has_times(element) {
                    report.change(&node.place, "node times are left out: actors have no period");
                    node_times_reported = true;
                }
                if element.child("nodes").is_some() || element.child("edges").is_some() {
                    report.change(&node.place, "nodes or edges nested in this node; they are added");
                    pending.push(element);
                }
                graph.nodes.push(node);
            }
        }
        for edges in container.children_named("edges") {
            for element in edges.children_named("edge") {
                if let Some(edge) = read_edge(element, directed_by_default, &attributes.edge, report) {
                    graph.edges.push(edge);
                }
            }
        }
    }
    graph
}

fn has_times(element: &Element) -> bool {
    ["start", "end", "timestamp", "startopen", "endopen"].iter().any(|name| element.attribute(name).is_some())
        || element.child("spells").is_some()
        || element.child("slices").is_some()
}

fn read_node(element: &Element, titles: &HashMap<String, String>, report: &mut FileReport) -> GraphNode {
    let id = element.attribute("id").unwrap_or_default().to_owned();
    let place = place("node", Some(id.as_str()).filter(|id| !id.is_empty()), element.line);
    let values = attribute_values(element, titles, &place, report);
    let position = element.child("position").and_then(|position| {
        let axis = |name| position.attribute(name)?.trim().parse::<f32>().ok();
        Some([axis("x")?, axis("y")?])
    });
    let label = element.attribute("label").map(str::to_owned);
    GraphNode { id, place, label, values, position }
}

fn read_edge(
    element: &Element,
    directed_by_default: bool,
    titles: &HashMap<String, String>,
    report: &mut FileReport,
) -> Option<GraphEdge> {
    let place = place("edge", element.attribute("id"), element.line);
    let (Some(source), Some(target)) = (element.attribute("source"), element.attribute("target")) else {
        report.skip(place, "an edge without a source or a target");
        return None;
    };
    let directed = match element.attribute("type").map(|text| text.trim().to_ascii_lowercase()) {
        Some(kind) => kind == "directed",
        None => directed_by_default,
    };
    let mut values = attribute_values(element, titles, &place, report);
    if let Some(kind) = element.attribute("kind") {
        values.push(("kind".to_owned(), kind.to_owned()));
    }
    let (start, end) = times(element, &place, report);
    Some(GraphEdge {
        source: source.trim().to_owned(),
        target: target.trim().to_owned(),
        directed,
        weight: element.attribute("weight").map(str::to_owned),
        label: element.attribute("label").map(str::to_owned),
        values,
        start,
        end,
        place,
    })
}

/// An edge's start and end: its own attributes, else the first spell's start and the last spell's end.
fn times(element: &Element, place: &str, report: &mut FileReport) -> (Option<String>, Option<String>) {
    let own = |first: &str, second: &str| element.attribute(first).or(element.attribute(second)).map(str::to_owned);
    if let Some(timestamp) = element.attribute("timestamp") {
        return (Some(timestamp.to_owned()), Some(timestamp.to_owned()));
    }
    let (start, end) = (own("start", "startopen"), own("end", "endopen"));
    if start.is_some() || end.is_some() {
        return (start, end);
    }
    if element.attribute("intervals").is_some() || element.attribute("timestamps").is_some() {
        report.change(place, "`intervals` and `timestamps` are not read; the edge has no period");
    }
    let spells: Vec<&Element> = element
        .children_named("spells")
        .chain(element.children_named("slices"))
        .flat_map(|spells| &spells.children)
        .collect();
    let (Some(first), Some(last)) = (spells.first(), spells.last()) else { return (None, None) };
    if spells.len() > 1 {
        report.change(
            place,
            format!("{} spells read as one period, from the first's start to the last's end", spells.len()),
        );
    }
    let bound = |spell: &Element, name: &str| spell.attribute(name).or(spell.attribute("timestamp")).map(str::to_owned);
    (bound(first, "start"), bound(last, "end"))
}

fn attribute_values(
    element: &Element,
    titles: &HashMap<String, String>,
    place: &str,
    report: &mut FileReport,
) -> Vec<(String, String)> {
    let mut values: Vec<(String, String)> = Vec::new();
    // Titles already given, so that an element with many values is still read in linear time.
    let mut given: HashSet<String> = HashSet::new();
    let mut dynamic_reported = false;
    for attvalues in element.children_named("attvalues") {
        for attvalue in attvalues.children_named("attvalue") {
            let Some(id) = attvalue.attribute("for").or(attvalue.attribute("id")) else {
                report.skip(place, "an <attvalue> without `for`");
                continue;
            };
            let title = match titles.get(id) {
                Some(title) => title.clone(),
                None => {
                    report.change(
                        place,
                        format!("attribute \"{id}\" is not declared; its value is kept under that name"),
                    );
                    id.to_owned()
                }
            };
            if !given.insert(title.clone()) {
                if !dynamic_reported {
                    report.change(place, format!("{title} has several values in time; the first is kept"));
                    dynamic_reported = true;
                }
                continue;
            }
            values.push((title, attvalue.attribute("value").unwrap_or_default().to_owned()));
        }
    }
    values
}

/// The scenario as a graph file: actors as nodes (with `positions`, one per actor in the scenario's order),
/// each record as an edge.
pub fn export(scenario: &Scenario, positions: &[[f32; 2]]) -> String {
    let mut out = String::with_capacity(1024 + 512 * (scenario.actors.len() + scenario.energy.len()));
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        // No xsi:schemaLocation: the RelaxNG schema allows no attributes on <gexf> but version and variant.
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n",
    );
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>GeoDep</creator>\n    <description>{}</description>\n  </meta>",
        escape(&scenario.title)
    );
    out.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    write_declarations(&mut out, "node", &NODE_VALUES, graph::sources_json(scenario));
    write_declarations(&mut out, "edge", &EDGE_VALUES, None);
    let nodes = graph::export_nodes(scenario, positions);
    let _ = writeln!(out, "    <nodes count=\"{}\">", nodes.len());
    for node in nodes {
        let _ = writeln!(out, "      <node id=\"{}\" label=\"{}\">", escape(node.id), escape(node.label));
        write_values(&mut out, &node.values);
        let colour = node.colour;
        let _ = writeln!(out, "        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>", colour.0, colour.1, colour.2);
        let [x, y] = node.position;
        let _ = writeln!(out, "        <viz:position x=\"{x}\" y=\"{y}\" z=\"0\"/>");
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n");
    let edges = graph::export_edges(scenario);
    let _ = writeln!(out, "    <edges count=\"{}\">", edges.len());
    for edge in edges {
        let _ = writeln!(
            out,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\">",
            escape(&edge.id),
            escape(edge.source),
            escape(edge.target),
            edge.weight
        );
        write_values(&mut out, &edge.values);
        let colour = edge.colour;
        let _ = writeln!(out, "        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>", colour.0, colour.1, colour.2);
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

fn write_declarations(out: &mut String, class: &str, values: &[(&str, ValueType)], sources: Option<String>) {
    let _ = writeln!(out, "    <attributes class=\"{class}\">");
    for (name, value_type) in values {
        let value_type = match value_type {
            ValueType::Text => "string",
            ValueType::Double => "double",
            ValueType::Integer => "integer",
            ValueType::Boolean => "boolean",
        };
        match (&sources, *name) {
            (Some(sources), "sources") => {
                let _ = writeln!(
                    out,
                    "      <attribute id=\"{name}\" title=\"{name}\" type=\"{value_type}\"><options>{}</options></attribute>",
                    escape(sources)
                );
            }
            _ => {
                let _ = writeln!(out, "      <attribute id=\"{name}\" title=\"{name}\" type=\"{value_type}\"/>");
            }
        }
    }
    out.push_str("    </attributes>\n");
}

fn write_values(out: &mut String, values: &[(&'static str, String)]) {
    out.push_str("        <attvalues>\n");
    for (name, value) in values {
        let _ = writeln!(out, "          <attvalue for=\"{name}\" value=\"{}\"/>", escape(value));
    }
    out.push_str("        </attvalues>\n");
}
