//! The path a story step's `route` draws: which energy records it names (by their route's name, or as
//! "SUPPLIER -> CONSUMER"), and each distinct course those records take, from the supplier through the transit
//! actors of `via` in order to the consumer. Plain data for the slides and the views; no drawing here, and no
//! change to the graph's scene beyond which actors it must show.

use std::collections::BTreeSet;

use super::Rgba;
use super::graph::GraphScene;
use crate::model::{Commodity, Dated, EnergyFlow, Scenario, same_route};
use crate::state::GraphFilters;

/// The highlighter band drawn under a step's route, on slides and on screen alike.
pub const ROUTE_HALO: Rgba = Rgba(255, 200, 0, 170);

/// What a step's `route` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteName<'a> {
    /// A route by the name energy flows give in `route` ("JANAF").
    Named(&'a str),
    /// Every flow from one actor to another ("RUS -> SRB").
    Flow { supplier: &'a str, consumer: &'a str },
}

impl<'a> RouteName<'a> {
    /// Reads "SUPPLIER -> CONSUMER" (or with "→") as a flow, anything else as a route's name.
    pub fn parse(text: &'a str) -> RouteName<'a> {
        let split = text.split_once("->").or_else(|| text.split_once('→'));
        match split {
            Some((supplier, consumer)) => RouteName::Flow { supplier: supplier.trim(), consumer: consumer.trim() },
            None => RouteName::Named(text.trim()),
        }
    }

    /// Whether this energy record is on the route.
    pub fn matches(&self, flow: &EnergyFlow) -> bool {
        match *self {
            RouteName::Named(name) => flow.route.as_deref().is_some_and(|route| same_route(route, name)),
            RouteName::Flow { supplier, consumer } => flow.supplier == supplier && flow.consumer == consumer,
        }
    }
}

/// One course of the route: the actors it passes in order, and the records that take it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoutePath {
    /// Actor ids: the supplier, each transit actor in order, the consumer.
    pub actors: Vec<String>,
    pub commodity: Commodity,
    /// The energy records (indices into `scenario.energy`) taking this course.
    pub records: Vec<usize>,
    /// The largest share among them, for the line's width.
    pub share: f64,
}

impl RoutePath {
    /// The transit actors: every actor of the course but its two ends.
    pub fn transit(&self) -> &[String] {
        &self.actors[1..self.actors.len() - 1]
    }

    /// How the course's line looks: as an energy flow of its commodity and largest share would.
    pub fn line_style(&self) -> super::graph_style::EdgeStyle {
        let meaning = super::graph::EdgeMeaning::Energy {
            commodity: self.commodity.clone(),
            share: self.share,
            basis: Default::default(),
            volume: None,
            via: Vec::new(),
        };
        super::graph_style::edge_style(&meaning)
    }
}

/// The distinct courses of the records `route` names that the graph shows for `year` and `filters` (the energy
/// layer, its hidden commodities, least share and least source grade), in record order. Transit actors that are unknown, or an end
/// of their own flow, are passed over.
pub fn route_paths(scenario: &Scenario, route: &str, year: Option<i32>, filters: &GraphFilters) -> Vec<RoutePath> {
    if !filters.energy {
        return Vec::new();
    }
    let name = RouteName::parse(route);
    let grades = crate::model::SourceGrades::of(scenario);
    let mut paths: Vec<RoutePath> = Vec::new();
    for (index, flow) in scenario.energy.iter().enumerate() {
        let shown = filters.shows_flow(flow, &grades) && year.is_none_or(|year| flow.period().applies_in(year));
        if !shown || flow.supplier == flow.consumer || !name.matches(flow) {
            continue;
        }
        let transit =
            flow.via.iter().filter(|id| **id != flow.supplier && **id != flow.consumer && scenario.actor(id).is_some());
        let actors: Vec<String> =
            std::iter::once(&flow.supplier).chain(transit).chain(std::iter::once(&flow.consumer)).cloned().collect();
        match paths.iter_mut().find(|path| path.actors == actors && path.commodity == flow.commodity) {
            Some(path) => {
                path.records.push(index);
                path.share = path.share.max(flow.share);
            }
            None => paths.push(RoutePath {
                actors,
                commodity: flow.commodity.clone(),
                records: vec![index],
                share: flow.share,
            }),
        }
    }
    paths
}

/// Every actor the paths pass, ends included: the graph must show them all for the paths to be drawn.
pub fn route_actors(paths: &[RoutePath]) -> BTreeSet<String> {
    paths.iter().flat_map(|path| path.actors.iter().cloned()).collect()
}

/// Whether any energy record of the scenario, in any year, is on the route: for the checker.
pub fn names_any_flow(scenario: &Scenario, route: &str) -> bool {
    let name = RouteName::parse(route);
    scenario.energy.iter().any(|flow| name.matches(flow))
}

/// A course as the graph's scene nodes it passes (a collapsed group once, however many of its members it passes);
/// `None` when one of its actors is not shown.
pub fn scene_nodes(scene: &GraphScene, path: &RoutePath) -> Option<Vec<usize>> {
    let mut nodes: Vec<usize> = Vec::with_capacity(path.actors.len());
    for id in &path.actors {
        let node = *scene.node_by_id.get(id)?;
        if nodes.last() != Some(&node) {
            nodes.push(node);
        }
    }
    (nodes.len() >= 2).then_some(nodes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serbia() -> Scenario {
        let bundled = crate::library::find("serbia-2023.ron").expect("bundled");
        crate::io::load_text(bundled.text).scenario.expect("loads")
    }

    fn courses(paths: &[RoutePath]) -> Vec<String> {
        paths.iter().map(|path| path.actors.join(">")).collect()
    }

    #[test]
    fn a_route_name_or_a_flow_is_read_from_the_text() {
        assert_eq!(RouteName::parse(" JANAF "), RouteName::Named("JANAF"));
        assert_eq!(RouteName::parse("RUS -> SRB"), RouteName::Flow { supplier: "RUS", consumer: "SRB" });
        assert_eq!(RouteName::parse("HRV→SRB"), RouteName::Flow { supplier: "HRV", consumer: "SRB" });
    }

    #[test]
    fn a_named_route_gives_each_distinct_course_of_its_flows_in_the_year() {
        let scenario = serbia();
        let filters = GraphFilters::default();
        let paths = route_paths(&scenario, "turkstream / balkan stream", Some(2023), &filters);
        // Serbia's two records (share of use, share of imports) take one course; Bosnia's and Hungary's go on.
        assert_eq!(courses(&paths), ["RUS>TUR>BGR>SRB", "RUS>TUR>BGR>SRB>BIH", "RUS>TUR>BGR>SRB>HUN"]);
        assert_eq!(paths[0].records.len(), 2);
        assert_eq!(paths[0].transit(), ["TUR", "BGR"]);
        assert_eq!(paths[0].share, 1.0);
        let janaf = route_paths(&scenario, "JANAF", Some(2022), &filters);
        assert_eq!(courses(&janaf), ["RUS>HRV>SRB"]);
        assert_eq!(janaf[0].commodity, Commodity::Oil);
        assert!(route_paths(&scenario, "JANAF", Some(2023), &filters).is_empty(), "Russian crude stopped in 2022");
    }

    #[test]
    fn a_flow_route_and_the_filters_choose_the_records() {
        let scenario = serbia();
        let mut filters = GraphFilters::default();
        let paths = route_paths(&scenario, "RUS -> SRB", Some(2022), &filters);
        assert_eq!(courses(&paths), ["RUS>TUR>BGR>SRB", "RUS>HRV>SRB"], "gas, then oil");
        filters.hidden_commodities.insert(Commodity::Gas);
        assert_eq!(courses(&route_paths(&scenario, "RUS -> SRB", Some(2022), &filters)), ["RUS>HRV>SRB"]);
        // Serbia's crude of 2022 rests on sources graded C at best: a grade of B or better hides it, as on the graph.
        filters.minimum_grade = Some(crate::model::Reliability::B);
        assert!(route_paths(&scenario, "RUS -> SRB", Some(2022), &filters).is_empty());
        filters.minimum_grade = None;
        filters.energy = false;
        assert!(route_paths(&scenario, "RUS -> SRB", Some(2022), &filters).is_empty());
        assert!(names_any_flow(&scenario, "JANAF") && !names_any_flow(&scenario, "Druzhba"));
    }
}
