//! GraphML (<http://graphml.graphdrawing.org/>): import from what networkx, igraph, Gephi and yEd write, and
//! export of a scenario that networkx and Gephi read.
//!
//! Import: `<key>`s name the `<data>` values (a key without `for` serves every element; of two keys with one
//! id, the first is used; key defaults fill missing values, for at most [`MAX_DEFAULTED_KEYS`] keys); nested
//! graphs are flattened; hyperedges are skipped; yEd's node graphics give the label and position; node values
//! `x` and `y` (as Gephi writes them) give the position. An edge's `directed` attribute, else its graph's
//! `edgedefault`, says whether it is directed.
//!
//! Export: one graph with `edgedefault="directed"`; an undirected tie says so in its `directed` value, not in
//! the edge's `directed` attribute, because networkx refuses `directed="false"` edges in a directed graph.
//! The scenario's sources are kept in the graph's `sources` value, as JSON.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::xml::graph::{self, EDGE_VALUES, Graph, GraphEdge, GraphNode, NODE_VALUES, ValueType};
use super::xml::{self, Element, escape, place};
use super::{FileReport, ImportMapping, Imported, InputFormat};
use crate::model::Scenario;

pub fn import(name: &str, bytes: &[u8], mapping: &ImportMapping) -> Imported {
    let mut report = FileReport::new(name, Some(InputFormat::GraphMl));
    let Some(root) = xml::read_document(bytes, &mut report) else {
        return Imported { scenario: Scenario::default(), report };
    };
    if !root.name.eq_ignore_ascii_case("graphml") {
        report.refuse(format!("the file's root element is <{}>, not <graphml>", root.name));
        return Imported { scenario: Scenario::default(), report };
    }
    let keys = Keys::read(&root, &mut report);
    let mut graph = Graph::default();
    let mut graphs = root.children_named("graph");
    match graphs.next() {
        Some(first) => read_graph(first, &keys, &mut graph, &mut report),
        None => report.change("", "the file holds no <graph>"),
    }
    for other in graphs {
        report.change(format!("line {}", other.line), "a second top-level graph; its nodes and edges are added");
        read_graph(other, &keys, &mut graph, &mut report);
    }
    let scenario = graph::to_scenario(graph, mapping, &mut report);
    Imported { scenario, report }
}

/// Key defaults are given to every element without a value of that key; past this many keys with defaults, the
/// defaults are left out (and reported), so that a file cannot multiply its size by declaring many.
const MAX_DEFAULTED_KEYS: usize = 64;

/// One `<key>`: what `<data key="…">` values mean.
struct Key {
    /// `node`, `edge`, `graph` or `all`.
    domain: String,
    name: String,
}

struct Keys {
    by_id: HashMap<String, Vec<Key>>,
    /// Keys with a default, by domain, for elements that give no value.
    defaults: Vec<(String, String, String)>,
}

impl Keys {
    fn read(root: &Element, report: &mut FileReport) -> Keys {
        let mut keys = Keys { by_id: HashMap::new(), defaults: Vec::new() };
        for element in root.children_named("key") {
            let Some(id) = element.attribute("id") else {
                report.skip(format!("line {}", element.line), "a <key> without an id");
                continue;
            };
            let domain = match element.attribute("for") {
                Some(domain) => domain.to_ascii_lowercase(),
                None => {
                    report.change(place("key", Some(id), element.line), "no `for`: used for nodes, edges and graphs");
                    "all".to_owned()
                }
            };
            let name = element.attribute("attr.name").unwrap_or(id).to_owned();
            let default = element.child("default").map(|default| default.text.clone());
            let same_id = keys.by_id.entry(id.to_owned()).or_default();
            if same_id.iter().any(|key| key.domain == domain || key.domain == "all" || domain == "all") {
                report.skip(place("key", Some(id), element.line), "a second key with this id; the first is used");
                continue;
            }
            if let Some(default) = &default {
                if keys.defaults.len() < MAX_DEFAULTED_KEYS {
                    keys.defaults.push((domain.clone(), name.clone(), default.clone()));
                } else {
                    let why = format!("its default: more than {MAX_DEFAULTED_KEYS} keys have one");
                    report.skip(place("key", Some(id), element.line), why);
                }
            }
            same_id.push(Key { domain, name });
        }
        keys
    }

    fn name(&self, id: &str, domain: &str) -> Option<&str> {
        let candidates = self.by_id.get(id)?;
        let key = candidates.iter().find(|key| key.domain == domain || key.domain == "all").or(candidates.first())?;
        Some(&key.name)
    }

    /// The element's `<data>` values by key name, then the defaults of keys it gives no value for.
    fn values(&self, element: &Element, domain: &str, place: &str, report: &mut FileReport) -> Vec<(String, String)> {
        let mut values = Vec::new();
        for data in element.children_named("data") {
            let Some(id) = data.attribute("key") else {
                report.skip(place, "a <data> without a key");
                continue;
            };
            let name = match self.name(id, domain) {
                Some(name) => name.to_owned(),
                None => {
                    report.change(place, format!("key \"{id}\" is not declared; its value is kept under that name"));
                    id.to_owned()
                }
            };
            if data.children.is_empty() {
                values.push((name, data.text.clone()));
            } else {
                drawing_values(data, &mut values);
            }
        }
        if self.defaults.is_empty() {
            return values;
        }
        let given: HashSet<String> = values.iter().map(|(name, _)| name.clone()).collect();
        for (key_domain, name, default) in &self.defaults {
            if (key_domain == domain || key_domain == "all") && !given.contains(name) {
                values.push((name.clone(), default.clone()));
            }
        }
        values
    }
}

/// yEd's graphics: a `<y:Geometry x y>` gives the position and a `<y:NodeLabel>` the label.
fn drawing_values(data: &Element, values: &mut Vec<(String, String)>) {
    let mut stack = vec![data];
    while let Some(element) = stack.pop() {
        if element.name.eq_ignore_ascii_case("geometry") {
            for axis in ["x", "y"] {
                if let Some(value) = element.attribute(axis) {
                    values.push((axis.to_owned(), value.to_owned()));
                }
            }
        } else if element.name.eq_ignore_ascii_case("nodelabel") && !element.text.trim().is_empty() {
            values.push(("label".to_owned(), element.text.trim().to_owned()));
        }
        stack.extend(element.children.iter());
    }
}

/// The graph's nodes, edges and values, and those of graphs nested in its nodes (flattened).
fn read_graph(element: &Element, keys: &Keys, graph: &mut Graph, report: &mut FileReport) {
    let directed_by_default =
        element.attribute("edgedefault").is_some_and(|text| text.eq_ignore_ascii_case("directed"));
    let graph_place = place("graph", element.attribute("id"), element.line);
    graph.values.extend(keys.values(element, "graph", &graph_place, report));
    // Nested graphs are read from a stack of (graph element, its edge default), so depth costs no recursion.
    let mut pending = vec![(element, directed_by_default)];
    while let Some((current, directed_by_default)) = pending.pop() {
        for child in &current.children {
            match child.name.to_ascii_lowercase().as_str() {
                "node" => {
                    let node = read_node(child, keys, report);
                    for nested in child.children_named("graph") {
                        report.change(&node.place, "a graph nested in this node; its nodes and edges are added");
                        let nested_default = match nested.attribute("edgedefault") {
                            Some(text) => text.eq_ignore_ascii_case("directed"),
                            None => directed_by_default,
                        };
                        pending.push((nested, nested_default));
                    }
                    graph.nodes.push(node);
                }
                "edge" => {
                    if let Some(edge) = read_edge(child, directed_by_default, keys, report) {
                        graph.edges.push(edge);
                    }
                }
                "hyperedge" => {
                    report.skip(format!("line {}", child.line), "a hyperedge: GeoDep records join two actors")
                }
                _ => {}
            }
        }
    }
}

fn read_node(element: &Element, keys: &Keys, report: &mut FileReport) -> GraphNode {
    let id = element.attribute("id").unwrap_or_default().to_owned();
    let place = place("node", Some(&id).filter(|id| !id.is_empty()).map(String::as_str), element.line);
    let values = keys.values(element, "node", &place, report);
    GraphNode { id, place, label: None, values, position: None }
}

fn read_edge(element: &Element, directed_by_default: bool, keys: &Keys, report: &mut FileReport) -> Option<GraphEdge> {
    let place = place("edge", element.attribute("id"), element.line);
    let (Some(source), Some(target)) = (element.attribute("source"), element.attribute("target")) else {
        report.skip(place, "an edge without a source or a target");
        return None;
    };
    let directed = match element.attribute("directed") {
        Some(text) => text.trim().eq_ignore_ascii_case("true"),
        None => directed_by_default,
    };
    let values = keys.values(element, "edge", &place, report);
    Some(GraphEdge {
        source: source.trim().to_owned(),
        target: target.trim().to_owned(),
        directed,
        values,
        place,
        ..GraphEdge::default()
    })
}

/// The scenario as a graph file: actors as nodes (with `positions`, one per actor in the scenario's order),
/// each record as an edge.
pub fn export(scenario: &Scenario, positions: &[[f32; 2]]) -> String {
    let mut out = String::with_capacity(1024 + 512 * (scenario.actors.len() + scenario.energy.len()));
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    let graph_keys = [("title", ValueType::Text), ("sources", ValueType::Text)];
    let drawing_keys = [
        ("label", ValueType::Text),
        ("x", ValueType::Double),
        ("y", ValueType::Double),
        ("r", ValueType::Integer),
        ("g", ValueType::Integer),
        ("b", ValueType::Integer),
    ];
    write_keys(&mut out, "graph", "g", &graph_keys);
    write_keys(&mut out, "node", "n", &NODE_VALUES);
    write_keys(&mut out, "node", "n", &drawing_keys);
    write_keys(&mut out, "edge", "e", &EDGE_VALUES);
    write_keys(&mut out, "edge", "e", &[("weight", ValueType::Double)]);
    out.push_str("  <graph id=\"G\" edgedefault=\"directed\">\n");
    write_data(&mut out, "    ", "g", "title", &scenario.title);
    if let Some(sources) = graph::sources_json(scenario) {
        write_data(&mut out, "    ", "g", "sources", &sources);
    }
    for node in graph::export_nodes(scenario, positions) {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(node.id));
        for (name, value) in &node.values {
            write_data(&mut out, "      ", "n", name, value);
        }
        write_data(&mut out, "      ", "n", "label", node.label);
        let [x, y] = node.position;
        write_data(&mut out, "      ", "n", "x", &x.to_string());
        write_data(&mut out, "      ", "n", "y", &y.to_string());
        for (name, channel) in [("r", node.colour.0), ("g", node.colour.1), ("b", node.colour.2)] {
            write_data(&mut out, "      ", "n", name, &channel.to_string());
        }
        out.push_str("    </node>\n");
    }
    for edge in graph::export_edges(scenario) {
        let (id, source, target) = (escape(&edge.id), escape(edge.source), escape(edge.target));
        let _ = writeln!(out, "    <edge id=\"{id}\" source=\"{source}\" target=\"{target}\">");
        for (name, value) in &edge.values {
            write_data(&mut out, "      ", "e", name, value);
        }
        write_data(&mut out, "      ", "e", "weight", &edge.weight.to_string());
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn write_keys(out: &mut String, domain: &str, prefix: &str, keys: &[(&str, ValueType)]) {
    for (name, value_type) in keys {
        let value_type = match value_type {
            ValueType::Text => "string",
            ValueType::Double => "double",
            ValueType::Integer => "int",
            ValueType::Boolean => "boolean",
        };
        let _ = writeln!(
            out,
            "  <key id=\"{prefix}_{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{value_type}\"/>"
        );
    }
}

fn write_data(out: &mut String, indent: &str, prefix: &str, name: &str, value: &str) {
    let _ = writeln!(out, "{indent}<data key=\"{prefix}_{name}\">{}</data>", escape(value));
}
