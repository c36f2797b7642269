//! What GraphML and GEXF have in common: a graph of nodes and edges with named text values, read from either
//! format and turned into a scenario here (as the import mapping says), and a scenario's actors and records as
//! the node and edge values both exports write.
//!
//! The values GeoDep writes, one per field (lists joined with `;`):
//! - nodes: `kind`, `name`, `local_name`, `groups`, `members`, `lat`, `lon`, `note`, `sources`;
//! - edges: `record` (`energy`, `sanction` or `tie`), `commodity`, `share`, `basis`, `volume`, `unit`, `via`,
//!   `route`, `stance`, `tie_kind`, `strength`, `topic`, `directed`, `year`, `from`, `until`, `certainty`,
//!   `note`, `sources`;
//! - the graph: `sources`, the scenario's source list as JSON.
//!
//! Choices for files GeoDep did not write: an edge to a node the file does not declare makes an actor of that
//! id (kind State), as networkx and Gephi do, and the report says so; a self-loop is kept only as an energy
//! flow (own production) and skipped otherwise, since ties and stances need two actors; parallel edges are all
//! kept, and reported when they become ties.

use std::collections::{HashMap, HashSet};

use crate::exchange::{EdgeMapping, FileReport, ImportMapping};
use crate::model::date::Date;
use crate::model::{
    Actor, ActorKind, Certainty, Commodity, EnergyFlow, GeoPoint, Position, SanctionStance, Scenario, ShareBasis,
    Source, Stance, Tie, TieKind, Unit, Volume,
};

/// A node as read from a file, before it becomes an actor.
#[derive(Debug, Default)]
pub struct GraphNode {
    pub id: String,
    /// Where it is in the file, for the report: "node n3 (line 12)".
    pub place: String,
    pub label: Option<String>,
    /// Its attribute values by name, in the file's order.
    pub values: Vec<(String, String)>,
    pub position: Option<[f32; 2]>,
}

/// An edge as read from a file, before it becomes a record.
#[derive(Debug, Default)]
pub struct GraphEdge {
    pub place: String,
    pub source: String,
    pub target: String,
    pub directed: bool,
    pub weight: Option<String>,
    pub label: Option<String>,
    pub values: Vec<(String, String)>,
    /// GEXF times (`start`/`end`, spells), as written.
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Default)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    /// Graph-level values (GraphML `<data>` for the graph, GEXF attribute options GeoDep writes).
    pub values: Vec<(String, String)>,
}

/// The graph as a scenario, each skipped or changed element reported with its place.
pub fn to_scenario(graph: Graph, mapping: &ImportMapping, report: &mut FileReport) -> Scenario {
    let mut scenario = Scenario::default();
    read_sources(&graph.values, &mut scenario, report);
    let mut actor_at: HashMap<String, usize> = HashMap::with_capacity(graph.nodes.len());
    for node in graph.nodes {
        add_actor(node, &mut scenario, &mut actor_at, report);
    }
    let strength_scale = strength_scale(&graph.edges, mapping, report);
    let mut generic_pairs: HashSet<(String, String)> = HashSet::new();
    for edge in graph.edges {
        for end in [&edge.source, &edge.target] {
            if !actor_at.contains_key(end) {
                report.change(&edge.place, format!("node \"{end}\" is not declared; an actor of that id was made"));
                actor_at.insert(end.clone(), scenario.actors.len());
                scenario.actors.push(Actor::new(end.clone(), end.clone(), ActorKind::State));
            }
        }
        add_record(edge, mapping, strength_scale, &mut generic_pairs, &mut scenario, report);
    }
    count(&scenario, report);
    scenario
}

fn count(scenario: &Scenario, report: &mut FileReport) {
    for (what, number) in [
        ("actors", scenario.actors.len()),
        ("energy flows", scenario.energy.len()),
        ("sanctions stances", scenario.sanctions.len()),
        ("ties", scenario.ties.len()),
        ("sources", scenario.sources.len()),
        ("positions", scenario.layout.len()),
    ] {
        if number > 0 {
            report.mapped(what, number);
        }
    }
}

fn read_sources(values: &[(String, String)], scenario: &mut Scenario, report: &mut FileReport) {
    for (name, value) in values {
        if name != "sources" {
            continue;
        }
        match serde_json::from_str::<Vec<Source>>(value) {
            Ok(sources) => scenario.sources.extend(sources),
            Err(error) => report.skip("graph", format!("the graph's sources are not a GeoDep source list: {error}")),
        }
    }
}

mod export;
pub use export::{export_edges, export_nodes, sources_json};

/// Names that carry drawing, not meaning: read as the position or dropped.
const DRAWING_VALUES: [&str; 10] = ["x", "y", "z", "size", "r", "g", "b", "color", "colour", "label"];

fn add_actor(node: GraphNode, scenario: &mut Scenario, actor_at: &mut HashMap<String, usize>, report: &mut FileReport) {
    let id = node.id.trim().to_owned();
    if id.is_empty() {
        report.skip(&node.place, "a node without an id");
        return;
    }
    if actor_at.contains_key(&id) {
        report.skip(&node.place, format!("node \"{id}\" is declared twice; the first is kept"));
        return;
    }
    let mut fields = Fields::new(node.values);
    let position = node.position.or_else(|| Some([fields.number("x")?, fields.number("y")?]));
    // An empty name (a label that was only an entity left unexpanded, say) falls back to the id.
    let non_empty = |text: Option<String>| text.filter(|text| !text.trim().is_empty());
    let name = non_empty(fields.take("name"))
        .or_else(|| non_empty(node.label))
        .or_else(|| non_empty(fields.take("label")))
        .unwrap_or_else(|| id.clone());
    let kind = match fields.take("kind") {
        None => ActorKind::State,
        Some(text) => actor_kind(&text).unwrap_or_else(|| {
            report.change(&node.place, format!("kind \"{text}\" is not one GeoDep knows; the actor is a State"));
            ActorKind::State
        }),
    };
    let mut actor = Actor::new(id.clone(), name, kind);
    actor.local_name = fields.take("local_name");
    actor.groups = list(fields.take("groups"));
    actor.members = list(fields.take("members"));
    actor.sources = list(fields.take("sources"));
    match (fields.take("lat"), fields.take("lon")) {
        (Some(lat), Some(lon)) => match (lat.trim().parse(), lon.trim().parse()) {
            (Ok(lat), Ok(lon)) => actor.location = Some(GeoPoint { lat, lon }),
            _ => report.change(&node.place, format!("location ({lat}, {lon}) is not two numbers; left out")),
        },
        (None, None) => {}
        _ => report.change(&node.place, "a latitude or longitude without the other; left out"),
    }
    let note = fields.take("note");
    for name in DRAWING_VALUES {
        fields.take(name);
    }
    actor.note = with_rest(note, fields.rest());
    if let Some([x, y]) = position.filter(|[x, y]| x.is_finite() && y.is_finite()) {
        scenario.layout.insert(id.clone(), Position(x, y));
    }
    actor_at.insert(id, scenario.actors.len());
    scenario.actors.push(actor);
}

/// Weights of edges that become ties are divided by this, so that every strength is within -1 to 1.
fn strength_scale(edges: &[GraphEdge], mapping: &ImportMapping, report: &mut FileReport) -> f64 {
    let weighted_ties = |edge: &&GraphEdge| match &mapping.edges {
        EdgeMapping::Auto => !edge.values.iter().any(|(name, _)| name.eq_ignore_ascii_case("record")),
        EdgeMapping::AllTies(_) | EdgeMapping::ByAttribute { .. } => true,
        EdgeMapping::AllFlows(_) => false,
    };
    let largest = edges
        .iter()
        .filter(weighted_ties)
        .filter_map(|edge| written_weight(edge)?.trim().parse::<f64>().ok())
        .filter(|weight| weight.is_finite())
        .fold(0.0f64, |largest, weight| largest.max(weight.abs()));
    if largest > 1.0 {
        report.change(
            "",
            format!("edge weights were divided by {largest}, the largest, to give tie strengths from -1 to 1"),
        );
        largest
    } else {
        1.0
    }
}

/// The weight as written: GEXF's `weight` attribute, else a value named `weight` (GraphML, dynamic GEXF).
fn written_weight(edge: &GraphEdge) -> Option<&str> {
    edge.weight.as_deref().or_else(|| {
        let (_, value) = edge.values.iter().find(|(name, _)| name.eq_ignore_ascii_case("weight"))?;
        Some(value.as_str())
    })
}

/// What an edge becomes.
enum Becomes {
    Energy(Commodity),
    Stance(Stance),
    Tie(TieKind),
    /// A record GeoDep wrote, read from its own values.
    Written(String),
}

fn add_record(
    edge: GraphEdge,
    mapping: &ImportMapping,
    strength_scale: f64,
    generic_pairs: &mut HashSet<(String, String)>,
    scenario: &mut Scenario,
    report: &mut FileReport,
) {
    let mut fields = Fields::new(edge.values);
    let becomes = match &mapping.edges {
        EdgeMapping::Auto => match fields.take("record") {
            Some(record) => Becomes::Written(record),
            None => Becomes::Tie(TieKind::Partnership),
        },
        EdgeMapping::AllTies(kind) => Becomes::Tie(*kind),
        EdgeMapping::AllFlows(commodity) => Becomes::Energy(commodity.clone()),
        EdgeMapping::ByAttribute { attribute, ties, flows, stances } => {
            let Some(value) = fields.take(attribute) else {
                report.skip(&edge.place, format!("no value \"{attribute}\", which the mapping sorts edges by"));
                return;
            };
            if let Some(kind) = ties.get(&value) {
                Becomes::Tie(*kind)
            } else if let Some(commodity) = flows.get(&value) {
                Becomes::Energy(commodity.clone())
            } else if let Some(stance) = stances.get(&value) {
                Becomes::Stance(*stance)
            } else {
                report.skip(&edge.place, format!("{attribute} \"{value}\" is listed nowhere in the mapping"));
                return;
            }
        }
    };
    let ends = Ends { source: edge.source, target: edge.target, directed: edge.directed };
    let mut context = EdgeContext { place: &edge.place, fields, report };
    let period = context.period(edge.start, edge.end);
    let common = Common { period, certainty: context.certainty(), sources: list(context.fields.take("sources")) };
    let note = context.fields.take("note");
    // GraphML and dynamic GEXF give the weight as a value named `weight`.
    let written_weight = edge.weight.or_else(|| context.fields.take("weight"));
    let weight = context.weight(written_weight);
    let made = match becomes {
        Becomes::Written(record) => match record.trim().to_ascii_lowercase().as_str() {
            "energy" => context.written_energy(&ends).map(Record::Energy),
            "sanction" | "sanctions" | "stance" => context.written_stance(&ends).map(Record::Stance),
            "tie" => context.written_tie(&ends).map(Record::Tie),
            other => Err(format!("record \"{other}\" is not one GeoDep writes (energy, sanction, tie)")),
        },
        Becomes::Energy(commodity) => match weight {
            Some(share) if (0.0..=1.0).contains(&share) => Ok(Record::Energy(energy(&ends, commodity, share))),
            Some(share) => Err(format!("weight {share} is not a share from 0 to 1")),
            None => Err("no weight to read as the share".to_owned()),
        },
        Becomes::Stance(stance) => Ok(Record::Stance(stance_record(&ends, stance))),
        Becomes::Tie(kind) => {
            let strength = signed(kind, weight.unwrap_or(1.0) / strength_scale);
            let mut tie = tie_record(&ends, kind, strength);
            tie.directed = ends.directed;
            let pair = (ends.source.clone(), ends.target.clone());
            if ends.source != ends.target && !generic_pairs.insert(pair) {
                let message = format!("a second edge from {} to {}; both kept as ties", ends.source, ends.target);
                context.report.change(context.place, message);
            }
            Ok(Record::Tie(tie))
        }
    };
    // Energy flows and stances are directed by nature; GeoDep writes `directed` on them for other tools.
    context.fields.take("directed");
    let mut record = match made {
        Ok(record) => record,
        Err(why) => return context.report.skip(context.place, why),
    };
    if let Some(why) = record.self_loop_refused(&ends) {
        return context.report.skip(context.place, why);
    }
    if let Some(label) = edge.label.filter(|label| !label.trim().is_empty()) {
        context.fields.values.push(("label".to_owned(), label));
        context.fields.used.push(false);
    }
    let note = with_rest(note, context.fields.rest());
    record.fill(common, note);
    record.push_into(scenario);
}

struct Ends {
    source: String,
    target: String,
    directed: bool,
}

struct Common {
    period: (Option<i32>, Option<String>, Option<String>),
    certainty: Certainty,
    sources: Vec<String>,
}

enum Record {
    Energy(EnergyFlow),
    Stance(SanctionStance),
    Tie(Tie),
}

impl Record {
    fn self_loop_refused(&self, ends: &Ends) -> Option<&'static str> {
        if ends.source != ends.target {
            return None;
        }
        match self {
            Record::Energy(_) => None,
            Record::Stance(_) => Some("a self-loop: an actor cannot sanction itself"),
            Record::Tie(_) => Some("a self-loop: a tie needs two different actors"),
        }
    }

    fn fill(&mut self, common: Common, note: Option<String>) {
        let Common { period: (year, from, until), certainty, sources } = common;
        macro_rules! fill {
            ($record:expr) => {{
                ($record.year, $record.from, $record.until) = (year, from, until);
                $record.certainty = certainty;
                $record.sources = sources;
                $record.note = note;
            }};
        }
        match self {
            Record::Energy(flow) => fill!(flow),
            Record::Stance(stance) => fill!(stance),
            Record::Tie(tie) => fill!(tie),
        }
    }

    fn push_into(self, scenario: &mut Scenario) {
        match self {
            Record::Energy(flow) => scenario.energy.push(flow),
            Record::Stance(stance) => scenario.sanctions.push(stance),
            Record::Tie(tie) => scenario.ties.push(tie),
        }
    }
}

fn energy(ends: &Ends, commodity: Commodity, share: f64) -> EnergyFlow {
    EnergyFlow {
        supplier: ends.source.clone(),
        consumer: ends.target.clone(),
        commodity,
        share,
        basis: ShareBasis::default(),
        volume: None,
        via: Vec::new(),
        route: None,
        year: None,
        from: None,
        until: None,
        certainty: Certainty::default(),
        note: None,
        sources: Vec::new(),
    }
}

fn stance_record(ends: &Ends, stance: Stance) -> SanctionStance {
    SanctionStance {
        by: ends.source.clone(),
        target: ends.target.clone(),
        stance,
        year: None,
        from: None,
        until: None,
        certainty: Certainty::default(),
        note: None,
        sources: Vec::new(),
    }
}

fn tie_record(ends: &Ends, kind: TieKind, strength: f64) -> Tie {
    Tie {
        a: ends.source.clone(),
        b: ends.target.clone(),
        kind,
        strength,
        topic: None,
        directed: false,
        year: None,
        from: None,
        until: None,
        certainty: Certainty::default(),
        note: None,
        sources: Vec::new(),
    }
}

/// A weight as a strength of this kind: a positive weight on a hostile kind is made negative.
fn signed(kind: TieKind, strength: f64) -> f64 {
    if kind.expected_sign() < 0 && strength > 0.0 { -strength } else { strength }
}

/// One edge being read: its place, its values not yet read, and the report.
struct EdgeContext<'a> {
    place: &'a str,
    fields: Fields,
    report: &'a mut FileReport,
}

impl EdgeContext<'_> {
    fn required(&mut self, name: &str) -> Result<String, String> {
        self.fields.take(name).ok_or_else(|| format!("no {name}, which this record needs"))
    }

    fn number(&mut self, name: &str) -> Result<Option<f64>, String> {
        match self.fields.take(name) {
            None => Ok(None),
            Some(text) => match text.trim().parse::<f64>() {
                Ok(number) if number.is_finite() => Ok(Some(number)),
                _ => Err(format!("{name} \"{text}\" is not a number")),
            },
        }
    }

    fn weight(&mut self, written: Option<String>) -> Option<f64> {
        let text = written?;
        match text.trim().parse::<f64>() {
            Ok(weight) if weight.is_finite() => Some(weight),
            _ => {
                self.report.change(self.place, format!("weight \"{text}\" is not a number; left out"));
                None
            }
        }
    }

    fn certainty(&mut self) -> Certainty {
        let Some(text) = self.fields.take("certainty") else { return Certainty::default() };
        match text.trim().to_ascii_lowercase().as_str() {
            "stated" => Certainty::Stated,
            "reported" => Certainty::Reported,
            "disputed" => Certainty::Disputed,
            "estimate" => Certainty::Estimate,
            _ => {
                self.report
                    .change(self.place, format!("certainty \"{text}\" is not Stated, Reported, Estimate or Disputed"));
                Certainty::default()
            }
        }
    }

    /// `year`, `from`, `until` as GeoDep writes them, else the GEXF times.
    fn period(&mut self, start: Option<String>, end: Option<String>) -> (Option<i32>, Option<String>, Option<String>) {
        let year = self.fields.take("year");
        let from = self.fields.take("from");
        let until = self.fields.take("until");
        if year.is_some() || from.is_some() || until.is_some() {
            let year = year.and_then(|text| match text.trim().parse() {
                Ok(year) => Some(year),
                Err(_) => {
                    self.report.change(self.place, format!("year \"{text}\" is not a year; left out"));
                    None
                }
            });
            return (year, from, until);
        }
        let start = self.time(start);
        let end = self.time(end);
        match (start, end) {
            (Some(start), Some(end)) if start.year == end.year => (Some(start.year), None, None),
            (start, end) => (None, start.map(|time| time.text), end.map(|time| time.text)),
        }
    }

    fn time(&mut self, written: Option<String>) -> Option<Time> {
        let text = written?;
        match time(&text) {
            Ok(time) => time,
            Err(why) => {
                self.report.change(self.place, why);
                None
            }
        }
    }

    fn written_energy(&mut self, ends: &Ends) -> Result<EnergyFlow, String> {
        let commodity = commodity(&self.required("commodity")?);
        let share = self.number("share")?.ok_or("no share, which an energy flow needs")?;
        let mut flow = energy(ends, commodity, share);
        if let Some(basis) = self.fields.take("basis") {
            flow.basis = match basis.trim().to_ascii_lowercase().as_str() {
                "consumption" => ShareBasis::Consumption,
                "imports" => ShareBasis::Imports,
                _ => return Err(format!("basis \"{basis}\" is not Consumption or Imports")),
            };
        }
        let amount = self.number("volume")?;
        let unit = self.fields.take("unit");
        flow.volume = match (amount, unit) {
            (Some(amount), Some(unit)) => {
                Some(Volume(amount, parse_unit(&unit).ok_or(format!("unit \"{unit}\" is not one GeoDep knows"))?))
            }
            (None, None) => None,
            _ => return Err("a volume needs both an amount and a unit".to_owned()),
        };
        flow.via = list(self.fields.take("via"));
        flow.route = self.fields.take("route");
        Ok(flow)
    }

    fn written_stance(&mut self, ends: &Ends) -> Result<SanctionStance, String> {
        let text = self.required("stance")?;
        let stance = Stance::ALL
            .into_iter()
            .find(|stance| stance.label().eq_ignore_ascii_case(text.trim()))
            .ok_or(format!("stance \"{text}\" is not one GeoDep knows"))?;
        Ok(stance_record(ends, stance))
    }

    fn written_tie(&mut self, ends: &Ends) -> Result<Tie, String> {
        let text = self.required("tie_kind")?;
        let kind = TieKind::ALL
            .into_iter()
            .find(|kind| kind.label().eq_ignore_ascii_case(text.trim()))
            .ok_or(format!("tie kind \"{text}\" is not one GeoDep knows"))?;
        let strength = self.number("strength")?.ok_or("no strength, which a tie needs")?;
        let mut tie = tie_record(ends, kind, strength);
        tie.topic = self.fields.take("topic");
        tie.directed = match self.fields.take("directed") {
            None => ends.directed,
            Some(text) => boolean(&text).ok_or(format!("directed \"{text}\" is not true or false"))?,
        };
        Ok(tie)
    }
}

/// An edge's or node's values, each read at most once; those never read are kept in the note.
struct Fields {
    values: Vec<(String, String)>,
    used: Vec<bool>,
}

impl Fields {
    fn new(values: Vec<(String, String)>) -> Fields {
        let used = vec![false; values.len()];
        Fields { values, used }
    }

    /// The first value of this name (ignoring case); an empty value counts as none.
    fn take(&mut self, name: &str) -> Option<String> {
        let at = self.values.iter().position(|(key, _)| key.eq_ignore_ascii_case(name))?;
        self.used[at] = true;
        let value = std::mem::take(&mut self.values[at].1);
        let value = (!value.trim().is_empty()).then_some(value);
        // A second value of the same name (a dynamic GEXF value) is left for the note.
        self.values[at].0.clear();
        value
    }

    fn number(&mut self, name: &str) -> Option<f32> {
        self.take(name)?.trim().parse().ok()
    }

    /// The values never read, as "name: value; name: value".
    fn rest(&self) -> Option<String> {
        let rest: Vec<String> = self
            .values
            .iter()
            .zip(&self.used)
            .filter(|((_, value), used)| !**used && !value.trim().is_empty())
            .map(|((name, value), _)| format!("{name}: {value}"))
            .collect();
        (!rest.is_empty()).then(|| rest.join("; "))
    }
}

fn with_rest(note: Option<String>, rest: Option<String>) -> Option<String> {
    match (note, rest) {
        (Some(note), Some(rest)) => Some(format!("{note}; {rest}")),
        (note, rest) => note.or(rest),
    }
}

fn list(text: Option<String>) -> Vec<String> {
    text.map(|text| text.split(';').map(str::trim).filter(|item| !item.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default()
}

fn boolean(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

fn actor_kind(text: &str) -> Option<ActorKind> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("organization") {
        return Some(ActorKind::Organisation);
    }
    ActorKind::ALL.into_iter().find(|kind| kind.label().eq_ignore_ascii_case(text))
}

/// GeoDep writes a commodity by its variant name (`NuclearFuel`) and any other by its own name.
fn commodity(text: &str) -> Commodity {
    match text.trim().to_ascii_lowercase().as_str() {
        "gas" => Commodity::Gas,
        "oil" => Commodity::Oil,
        "coal" => Commodity::Coal,
        "electricity" => Commodity::Electricity,
        "nuclearfuel" | "nuclear fuel" => Commodity::NuclearFuel,
        _ => Commodity::Other(text.trim().to_owned()),
    }
}

fn commodity_name(commodity: &Commodity) -> &str {
    match commodity {
        Commodity::NuclearFuel => "NuclearFuel",
        other => other.label(),
    }
}

fn parse_unit(text: &str) -> Option<Unit> {
    let text = text.trim();
    Unit::ALL.into_iter().find(|unit| format!("{unit:?}").eq_ignore_ascii_case(text) || unit.label() == text)
}

/// A GEXF time as the scenario format writes dates.
struct Time {
    year: i32,
    text: String,
}

/// Dates (`2022-02-24`, a date-time whose date part is taken whatever its offset) and whole-number years
/// (`2022`, `2022.0`); infinite bounds are open. Other numbers (Gephi's time steps) are not dates.
fn time(text: &str) -> Result<Option<Time>, String> {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    if lower.is_empty() || ["inf", "+inf", "-inf", "infinity", "-infinity"].contains(&lower.as_str()) {
        return Ok(None);
    }
    let date_part = trimmed.split(['T', 't', ' ']).next().unwrap_or(trimmed);
    if date_part.len() >= 7 && date_part.as_bytes().get(4) == Some(&b'-') {
        return match Date::parse(date_part) {
            Ok(date) => Ok(Some(Time { year: date.year, text: date_part.to_owned() })),
            Err(error) => Err(format!("time \"{text}\" is not a date ({error}); left out")),
        };
    }
    match trimmed.parse::<f64>() {
        Ok(number) if number.fract() == 0.0 && (1000.0..=3000.0).contains(&number) => {
            let year = number as i32;
            Ok(Some(Time { year, text: year.to_string() }))
        }
        _ => Err(format!("time \"{text}\" is neither a date nor a year; left out")),
    }
}

// ----- Export -----

/// How a value is typed in the files' attribute declarations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    Text,
    Double,
    Integer,
    Boolean,
}

pub const NODE_VALUES: [(&str, ValueType); 9] = [
    ("kind", ValueType::Text),
    ("name", ValueType::Text),
    ("local_name", ValueType::Text),
    ("groups", ValueType::Text),
    ("members", ValueType::Text),
    ("lat", ValueType::Double),
    ("lon", ValueType::Double),
    ("note", ValueType::Text),
    ("sources", ValueType::Text),
];

pub const EDGE_VALUES: [(&str, ValueType); 19] = [
    ("record", ValueType::Text),
    ("commodity", ValueType::Text),
    ("share", ValueType::Double),
    ("basis", ValueType::Text),
    ("volume", ValueType::Double),
    ("unit", ValueType::Text),
    ("via", ValueType::Text),
    ("route", ValueType::Text),
    ("stance", ValueType::Text),
    ("tie_kind", ValueType::Text),
    ("strength", ValueType::Double),
    ("topic", ValueType::Text),
    ("directed", ValueType::Boolean),
    ("year", ValueType::Integer),
    ("from", ValueType::Text),
    ("until", ValueType::Text),
    ("certainty", ValueType::Text),
    ("note", ValueType::Text),
    ("sources", ValueType::Text),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_become_years_or_dates() {
        let text = |written: &str| time(written).map(|time| time.map(|time| time.text));
        assert_eq!(text("2022").ok(), Some(Some("2022".to_owned())));
        assert_eq!(text("2022.0").ok(), Some(Some("2022".to_owned())));
        assert_eq!(text("2022-02-24").ok(), Some(Some("2022-02-24".to_owned())));
        assert_eq!(text("2022-02-24T23:30:00+14:00").ok(), Some(Some("2022-02-24".to_owned())));
        assert_eq!(text("-inf").ok(), Some(None));
        assert!(text("3.5").is_err());
        assert!(text("2022-13-01").is_err());
    }

    #[test]
    fn unread_values_go_to_the_note() {
        let mut fields = Fields::new(vec![
            ("Name".to_owned(), "Serbia".to_owned()),
            ("population".to_owned(), "6.6".to_owned()),
            ("capital".to_owned(), "Belgrade".to_owned()),
        ]);
        assert_eq!(fields.take("name").as_deref(), Some("Serbia"));
        assert_eq!(fields.rest().as_deref(), Some("population: 6.6; capital: Belgrade"));
        assert_eq!(
            with_rest(Some("a note".to_owned()), fields.rest()).as_deref(),
            Some("a note; population: 6.6; capital: Belgrade")
        );
    }
}
