//! The map on a slide: countries filled where they are actors (in their kind's colour, lighter), energy flows
//! drawn from the supplier's border along their route's waypoints, or through their transit countries in order,
//! to the consumer, sanctions and ties between the actors' places, names placed larger countries first without
//! overlap, and the graph's key.
//! Actors with no place on the map (blocs, organisations) are named in a line at the foot.

use std::collections::{BTreeSet, HashSet};

use super::scene::{Anchor, Arrowhead, Outline, Rgba, Shape, SlideScene};
use super::{Area, render::text_width};
use crate::model::{RecordRef, Scenario};
use crate::scene::graph::GraphScene;
use crate::scene::graph_style as style;
use crate::scene::map::{Bounds, MapGeometry, Places, geometry};
use crate::scene::palette;
use crate::scene::route_path::{self, ROUTE_HALO, RoutePath};
use crate::state::ViewState;

const LABEL_SIZE: f32 = super::LABEL_TEXT_SIZE;

/// Maps the projected plane into the slide, keeping its proportions.
struct Placement {
    bounds: Bounds,
    scale: f32,
    offset: [f32; 2],
}

impl Placement {
    fn fit(bounds: Bounds, area: Area, margin: f32) -> Placement {
        let [width, height] = bounds.size();
        let scale =
            ((area.width - 2.0 * margin) / width.max(1e-6)).min((area.height - 2.0 * margin) / height.max(1e-6));
        let [cx, cy] = area.centre();
        let centre = [(bounds.min[0] + bounds.max[0]) / 2.0, (bounds.min[1] + bounds.max[1]) / 2.0];
        let offset = [cx - centre[0] * scale, cy - centre[1] * scale];
        // What of the plane the whole area shows, to leave out countries that are off the slide.
        let shown = Bounds {
            min: [(area.left - offset[0]) / scale, (area.top - offset[1]) / scale],
            max: [(area.right() - offset[0]) / scale, (area.bottom() - offset[1]) / scale],
        };
        Placement { bounds: shown, scale, offset }
    }

    fn place(&self, [x, y]: [f32; 2]) -> [f32; 2] {
        [x * self.scale + self.offset[0], y * self.scale + self.offset[1]]
    }
}

pub fn draw(slide: &mut SlideScene, area: Area, scenario: &Scenario, view: &ViewState, unit: f32) {
    let map = geometry();
    let scene = crate::scene::graph::build(scenario, view.year, &view.filters, &view.selection, true);
    let places = map.places(scenario);
    let routes = route_courses(map, scenario, &places, view);
    // The step's own actors: its focus and everything on its route.
    let mut named = view.selection.clone();
    for (path, _) in &routes {
        named.extend(path.actors.iter().cloned());
    }
    let Some(bounds) = frame(map, scenario, view, &routes) else {
        slide.text(
            area.centre(),
            "No actor of this scenario has a place on the map.",
            30.0 * unit,
            slide.colours().ink,
            Anchor::Middle,
            false,
        );
        return;
    };
    let placement = Placement::fit(bounds, area, 60.0 * unit);
    slide.add(Shape::Rect {
        min: [area.left, area.top],
        max: [area.right(), area.bottom()],
        corner_radius: 0.0,
        fill: slide.colours().sea,
        outline: None,
    });
    draw_countries(slide, map, &scene, view, &placement, unit);
    let on_route: HashSet<RecordRef> =
        routes.iter().flat_map(|(path, _)| path.records.iter().map(|&index| RecordRef::Energy(index))).collect();
    for edge in scene.edges.iter().filter(|edge| !on_route.contains(&edge.record)) {
        draw_edge(slide, map, scenario, &places, &scene, edge, &placement, unit);
    }
    for (path, course) in &routes {
        draw_route(slide, path, course, &placement, unit);
    }
    draw_markers(slide, map, scenario, &scene, &placement, unit);
    draw_labels(slide, map, scenario, &scene, &named, &placement, area, unit);
    super::graph::draw_key(slide, &scene, None, area, unit);
    draw_placeless(slide, map, scenario, &scene, &named, area, unit);
}

/// Each course of the step's route with the points it is drawn through on the plane (as its first record's flow
/// is: along the route's waypoints or through its transit countries); courses with an end off the map are left
/// out.
fn route_courses(
    map: &MapGeometry,
    scenario: &Scenario,
    places: &Places<'_>,
    view: &ViewState,
) -> Vec<(RoutePath, Vec<[f32; 2]>)> {
    let Some(route) = &view.route else { return Vec::new() };
    route_path::route_paths(scenario, route, view.year, &view.filters)
        .into_iter()
        .filter_map(|path| {
            let flow = scenario.energy.get(*path.records.first()?)?;
            let course = map.flow_path(places, flow)?;
            Some((path, course))
        })
        .collect()
}

/// What the slide shows: the selected actors' places and every point of the step's route; the whole scenario
/// when neither has a place.
fn frame(
    map: &MapGeometry,
    scenario: &Scenario,
    view: &ViewState,
    routes: &[(RoutePath, Vec<[f32; 2]>)],
) -> Option<Bounds> {
    let focus = map.focus_bounds(&map.places(scenario), view.selection.iter().map(String::as_str));
    let route = routes
        .iter()
        .flat_map(|(_, course)| course.iter())
        .map(|&point| Bounds { min: point, max: point })
        .reduce(Bounds::union);
    match (focus, route) {
        (Some(focus), Some(route)) => Some(focus.union(route)),
        (focus, route) => focus.or(route).or_else(|| map.scenario_bounds(scenario)),
    }
}

/// One course of the step's route: a highlighter band under a white casing and the commodity's line, with an
/// arrowhead at the consumer.
fn draw_route(slide: &mut SlideScene, path: &RoutePath, course: &[[f32; 2]], placement: &Placement, unit: f32) {
    let points: Vec<[f32; 2]> =
        crate::scene::map::smooth(&course.iter().map(|&point| placement.place(point)).collect::<Vec<_>>());
    if points.len() < 2 {
        return;
    }
    let look = path.line_style().in_theme(slide.theme);
    let width = (look.width * 1.3 * unit).max(5.0 * unit);
    for (colour, extra) in [(ROUTE_HALO, 18.0), (Rgba::WHITE, 4.0)] {
        let band = Shape::Line {
            points: points.clone(),
            width: width + extra * unit,
            colour,
            dash: Vec::new(),
            arrow: Arrowhead::None,
        };
        slide.add(band);
    }
    slide.add(Shape::Line { points, width, colour: look.colour, dash: Vec::new(), arrow: Arrowhead::Triangle });
}

/// `colour` faded towards the slide's background by `amount` (lighter on a light slide, darker on a dark one).
fn faded(colour: Rgba, background: Rgba, amount: f32) -> Rgba {
    let mix = |channel: u8, to: u8| (channel as f32 + (to as f32 - channel as f32) * amount).round() as u8;
    Rgba::rgb(mix(colour.0, background.0), mix(colour.1, background.1), mix(colour.2, background.2))
}

/// Every country on the slide: actors in their kind's colour (selected ones stronger), the rest as plain land.
fn draw_countries(
    slide: &mut SlideScene,
    map: &MapGeometry,
    scene: &GraphScene,
    view: &ViewState,
    placement: &Placement,
    unit: f32,
) {
    let shown = &placement.bounds;
    let colours = slide.colours();
    for country in &map.countries {
        let (min, max) = (country.bounds.min, country.bounds.max);
        if max[0] < shown.min[0] || min[0] > shown.max[0] || max[1] < shown.min[1] || min[1] > shown.max[1] {
            continue;
        }
        let node = scene.node_by_id.get(&country.id).map(|&at| &scene.nodes[at]);
        let fill = match node {
            Some(node) if view.selection.contains(&node.id) => palette::map_actor_kind(node.kind),
            Some(node) => faded(palette::map_actor_kind(node.kind), colours.background, 0.5),
            None => colours.land,
        };
        for polygon in &country.polygons {
            let Some(outline) = polygon.first() else { continue };
            let points: Vec<[f32; 2]> = outline.iter().map(|&point| placement.place(point)).collect();
            slide.add(Shape::Polygon {
                points,
                fill,
                outline: Some(Outline { width: 1.2 * unit, colour: colours.border }),
            });
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_edge(
    slide: &mut SlideScene,
    map: &MapGeometry,
    scenario: &Scenario,
    places: &Places<'_>,
    scene: &GraphScene,
    edge: &crate::scene::graph::SceneEdge,
    placement: &Placement,
    unit: f32,
) {
    let (from, to) = (&scene.nodes[edge.from].id, &scene.nodes[edge.to].id);
    let flow = match edge.record {
        RecordRef::Energy(index) => scenario.energy.get(index),
        _ => None,
    };
    let path = match flow {
        Some(flow) => map.flow_path(places, flow),
        None => map.link_ends(places, from, to).map(Vec::from),
    };
    let Some(path) = path else { return };
    let points: Vec<[f32; 2]> =
        crate::scene::map::smooth(&path.iter().map(|&point| placement.place(point)).collect::<Vec<_>>());
    if points.len() < 2 {
        return;
    }
    let look = style::edge_style(&edge.meaning).in_theme(slide.theme);
    let dash = super::graph::dash_pattern(look.dash, unit * slide.theme.line_width_factor());
    if dash.is_empty() {
        // A casing in the background's colour keeps a blue gas route clear over any country.
        let casing = Shape::Line {
            points: points.clone(),
            width: (look.width * 1.3 + 4.0) * unit,
            colour: slide.background,
            dash: Vec::new(),
            arrow: Arrowhead::None,
        };
        slide.add(casing);
    }
    slide.add(Shape::Line { points, width: look.width * 1.3 * unit, colour: look.colour, dash, arrow: look.arrow });
}

/// Actors with a `location` that are not a country (cities, companies, territories) as dots there.
fn draw_markers(
    slide: &mut SlideScene,
    map: &MapGeometry,
    scenario: &Scenario,
    scene: &GraphScene,
    placement: &Placement,
    unit: f32,
) {
    for node in &scene.nodes {
        if map.country(&node.id).is_some() {
            continue;
        }
        let Some(point) = scenario.actor(&node.id).and_then(|actor| map.anchor(actor)) else { continue };
        let outline = Some(Outline { width: 2.0 * unit, colour: slide.colours().border });
        slide.add(Shape::Circle {
            centre: placement.place(point),
            radius: 9.0 * unit,
            fill: palette::map_actor_kind(node.kind),
            outline,
        });
    }
}

/// The actors' names at their places, larger countries first; a name that would overlap one already placed, or
/// leave the area, is left out.
#[allow(clippy::too_many_arguments)]
fn draw_labels(
    slide: &mut SlideScene,
    map: &MapGeometry,
    scenario: &Scenario,
    scene: &GraphScene,
    selection: &BTreeSet<String>,
    placement: &Placement,
    area: Area,
    unit: f32,
) {
    let size = LABEL_SIZE * unit;
    // (in the step's focus, area, where, name)
    let mut named: Vec<(bool, f32, [f32; 2], &str)> = scene
        .nodes
        .iter()
        .filter_map(|node| {
            let actor = scenario.actor(&node.id)?;
            let (area, point) = match map.country(&node.id) {
                Some(country) => (country.area, map.label_point(country, &placement.bounds)),
                None => (0.0, map.anchor(actor)?),
            };
            Some((selection.contains(&node.id), area, placement.place(point), node.name.as_str()))
        })
        .collect();
    // The step's own actors first, then larger countries first.
    named.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    let mut placed: Vec<[f32; 4]> = Vec::new();
    for (must, _, [x, y], name) in named {
        let (width, height) = (text_width(name, size) + 10.0 * unit, size * 1.3);
        let inside = |rect: &[f32; 4]| {
            rect[0] >= area.left && rect[2] <= area.right() && rect[1] >= area.top && rect[3] <= area.bottom()
        };
        // On the place, else just above or below it.
        let tries = [y, y - height, y + height]
            .map(|y| (y, [x - width / 2.0, y - height / 2.0, x + width / 2.0, y + height / 2.0]));
        let free = tries.into_iter().find(|(_, rect)| {
            inside(rect) && placed.iter().all(|o| rect[2] < o[0] || rect[0] > o[2] || rect[3] < o[1] || rect[1] > o[3])
        });
        // The step's own actors are named even where names crowd, if their place is on the slide.
        let free = free.or_else(|| (must && inside(&tries[0].1)).then_some(tries[0]));
        if let Some((y, rect)) = free {
            slide.add(Shape::Rect {
                min: [rect[0], rect[1]],
                max: [rect[2], rect[3]],
                corner_radius: 4.0 * unit,
                fill: slide.colours().plate,
                outline: None,
            });
            let ink = slide.colours().ink;
            slide.text([x, y], name, size, ink, Anchor::Middle, false);
            placed.push(rect);
        }
    }
}

/// "Not on the map: European Union, OSCE": the shown actors with no place, so that no one wonders where they went;
/// those with no link in the step only when the step names them.
fn draw_placeless(
    slide: &mut SlideScene,
    map: &MapGeometry,
    scenario: &Scenario,
    scene: &GraphScene,
    named: &BTreeSet<String>,
    area: Area,
    unit: f32,
) {
    let mut seen = HashSet::new();
    let names: Vec<&str> = scene
        .nodes
        .iter()
        .filter(|node| node.degree > 0 || named.contains(&node.id))
        .filter(|node| scenario.actor(&node.id).is_some_and(|actor| map.anchor(actor).is_none()))
        .filter(|node| seen.insert(node.id.as_str()))
        .map(|node| node.name.as_str())
        .collect();
    if names.is_empty() {
        return;
    }
    let text = format!("Not on the map (no place of their own): {}", names.join(", "));
    let position = [area.left + 56.0 * unit, area.bottom() - 24.0 * unit];
    let ink = slide.colours().weak_ink;
    slide.text(position, &text, super::KEY_TEXT_SIZE * unit, ink, Anchor::Start, false);
}

#[cfg(test)]
mod tests {
    use super::super::scene::{Arrowhead, Shape};
    use crate::model::{Layer, ViewKind};

    #[test]
    fn a_map_step_draws_countries_routes_and_names_not_the_graph() {
        let bundled = crate::library::find("serbia-2023.ron").unwrap();
        let mut scenario = crate::io::load_text(bundled.text).scenario.unwrap();
        let step = &mut scenario.story[0];
        step.view = ViewKind::Map;
        step.layers = vec![Layer::Energy];
        step.year = Some(2023);
        step.focus.clear();
        let slide = super::super::build(&scenario, 0, 1920, 1080).unwrap();
        let polygons = slide.shapes.iter().filter(|shape| matches!(shape, Shape::Polygon { .. })).count();
        assert!(polygons > 50, "only {polygons} country shapes");
        let texts: Vec<&str> = slide
            .shapes
            .iter()
            .filter_map(|shape| if let Shape::Text { text, .. } = shape { Some(text.as_str()) } else { None })
            .collect();
        for name in ["Serbia", "Bulgaria", "Hungary"] {
            assert!(texts.contains(&name), "{name} is not named: {texts:?}");
        }
        // Gas through transit countries: a curved line (more points than its two ends) with an arrowhead.
        let routes = slide.shapes.iter().filter(
            |shape| matches!(shape, Shape::Line { points, arrow: Arrowhead::Triangle, .. } if points.len() > 2),
        );
        assert!(routes.count() > 0, "no route through transit countries");
    }

    #[test]
    fn the_turkstream_step_highlights_the_route_through_turkey_and_bulgaria_to_serbia() {
        let bundled = crate::library::find("serbia-2023.ron").unwrap();
        let scenario = crate::io::load_text(bundled.text).scenario.unwrap();
        let slide = super::super::build(&scenario, 1, 1920, 1080).unwrap();
        let halo = |shape: &Shape| match shape {
            Shape::Line { points, colour, .. } if *colour == super::ROUTE_HALO => Some(points.clone()),
            _ => None,
        };
        let lines: Vec<Vec<[f32; 2]>> = slide.shapes.iter().filter_map(halo).collect();
        assert_eq!(lines.len(), 3, "to Serbia, and on to Bosnia and Herzegovina and to Hungary");
        // Back from the slide to the map's plane, as the slide was framed, to see which countries the line crosses.
        let step = &scenario.story[1];
        let view = crate::scene::story::view_for_step(step, &scenario, &crate::state::ViewState::default());
        let map = super::geometry();
        let places = map.places(&scenario);
        let routes = super::route_courses(map, &scenario, &places, &view);
        let bounds = super::frame(map, &scenario, &view, &routes).unwrap();
        let area = super::super::content_area(step, 1920, 1080);
        let placement = super::Placement::fit(bounds, area, 60.0);
        let mut crossed: Vec<&str> = Vec::new();
        for [x, y] in &lines[0] {
            let plane = [(x - placement.offset[0]) / placement.scale, (y - placement.offset[1]) / placement.scale];
            if let Some(country) = map.country_at(plane)
                && crossed.last() != Some(&country.id.as_str())
            {
                crossed.push(&country.id);
            }
        }
        let order: Vec<&str> = crossed.iter().copied().filter(|id| ["TUR", "BGR", "SRB"].contains(id)).collect();
        assert_eq!(order, ["TUR", "BGR", "SRB"], "crossed {crossed:?}");
        assert_eq!(crossed.last(), Some(&"SRB"), "the line ends in Serbia: {crossed:?}");
        let texts: Vec<&str> = slide
            .shapes
            .iter()
            .filter_map(|shape| if let Shape::Text { text, .. } = shape { Some(text.as_str()) } else { None })
            .collect();
        for name in ["Turkey", "Bulgaria", "Serbia", "Russia"] {
            assert!(texts.contains(&name), "{name} is not named: {texts:?}");
        }
        assert!(
            !texts.iter().any(|text| text.contains("Vučić")),
            "unlinked people the step does not name are left out"
        );
    }
}
