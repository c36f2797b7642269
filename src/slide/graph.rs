//! The graph on a slide: the step's actors and records as the Graph view shows them (same scene, layout,
//! shapes, colours, dashes and arrows), framed so that every actor with a link drawn shows whole with its name;
//! the step's focus (and its route's actors) emphasised and records away from them dimmed; the step's route as one
//! highlighted path through its transit actors; the actors the step names that have no link, in a strip at the
//! side; names and a small key.

use std::collections::BTreeSet;

use super::framing::{self, Framed};
use super::scene::{Anchor, Arrowhead, Outline, Rgba, Shape, SlideScene};
use super::{Area, render::text_width};
use crate::model::{RecordRef, Scenario};
use crate::scene::graph::{EdgeMeaning, GraphScene, SceneEdge};
use crate::scene::graph_style::{self as style, Dash, EdgeStyle, NodeShape, SizeBy};
use crate::scene::overlay;
use crate::scene::palette;
use crate::scene::route_path::{self, ROUTE_HALO, RoutePath};
use crate::state::ViewState;

const LABEL_SIZE: f32 = super::LABEL_TEXT_SIZE;
/// How close the slide may zoom in on its focus, per 1080 pixels of height.
const MAX_ZOOM: f32 = 2.0;
/// How opaque records and actors away from the step's focus are drawn.
const DIMMED_OPACITY: f32 = 0.3;

/// Where everything of a graph slide goes, worked out before anything is drawn.
pub(super) struct Arrangement {
    pub scene: GraphScene,
    /// Each course of the step's route with the scene nodes it passes.
    pub routes: Vec<(RoutePath, Vec<usize>)>,
    /// The step's own actors: its focus and everything on its route.
    pub named: BTreeSet<String>,
    /// Which nodes have a link drawn (a record or the route): they are framed; the others go in the strip.
    pub linked: Vec<bool>,
    /// Each node's centre and radius on the slide.
    pub centres: Vec<[f32; 2]>,
    pub radii: Vec<f32>,
    /// Where the graph is framed: the content area but for the strip and the key.
    pub room: Area,
    pub strip: framing::Strip,
    /// The key, drawn aside (to keep the graph clear of it) and laid on top at the end.
    key: SlideScene,
    overlay: Option<overlay::OverlayView>,
}

impl Arrangement {
    /// A shown actor's node centre and radius on the slide, by id.
    #[cfg(test)]
    pub fn node(&self, id: &str) -> Option<([f32; 2], f32)> {
        self.scene.node_by_id.get(id).map(|&node| (self.centres[node], self.radii[node]))
    }
}

/// `layout` holds every actor's settled position (by its place in the scenario), as the Graph first shows it.
/// `None` when the step shows no actor.
pub(super) fn arrange(
    like: &SlideScene,
    area: Area,
    scenario: &Scenario,
    layout: &[[f32; 2]],
    view: &ViewState,
    unit: f32,
) -> Option<Arrangement> {
    let paths = match &view.route {
        Some(route) => route_path::route_paths(scenario, route, view.year, &view.filters),
        None => Vec::new(),
    };
    let mut named = view.selection.clone();
    named.extend(route_path::route_actors(&paths));
    // The step's own actors are shown even with no link of their own.
    let scene = crate::scene::graph::build(scenario, view.year, &view.filters, &named, false);
    if scene.nodes.is_empty() {
        return None;
    }
    let routes: Vec<(RoutePath, Vec<usize>)> = paths
        .into_iter()
        .filter_map(|path| {
            let nodes = route_path::scene_nodes(&scene, &path)?;
            Some((path, nodes))
        })
        .collect();
    let mut linked: Vec<bool> = scene.nodes.iter().map(|node| node.degree > 0).collect();
    for node in routes.iter().flat_map(|(_, nodes)| nodes) {
        linked[*node] = true;
    }
    if !linked.contains(&true) {
        linked.fill(true);
    }
    let overlay = view.overlay.as_ref().and_then(|overlay| {
        let year = view.chart_year(scenario)?;
        Some(overlay::build(scenario, year, overlay))
    });
    let mut key = SlideScene::themed(like.width, like.height, like.theme);
    draw_key(&mut key, &scene, overlay.as_ref().map(|overlay| overlay.title.as_str()), area, unit);
    let names: Vec<&str> =
        (0..scene.nodes.len()).filter(|&node| !linked[node]).map(|node| scene.nodes[node].name.as_str()).collect();
    let strip = framing::strip(&names, area, unit);
    let room = graph_room(area, strip.width, &key);
    let positions: Vec<[f32; 2]> = scene.nodes.iter().map(|node| layout[node.actor]).collect();
    let radii: Vec<f32> = scene.nodes.iter().map(|node| style::node_radius(node, SizeBy::EnergyImports)).collect();
    let size = LABEL_SIZE * unit;
    let framed: Vec<Framed> = (0..scene.nodes.len())
        .filter(|&node| linked[node])
        .map(|node| Framed {
            position: positions[node],
            radius: radii[node],
            label: [text_width(&scene.nodes[node].name, size) + 10.0 * unit, size * 1.3],
        })
        .collect();
    let placement = framing::fit(&framed, room, MAX_ZOOM * unit, unit);
    let centres = positions.iter().map(|&point| placement.place(point)).collect();
    let radii = radii.iter().map(|&radius| framing::radius_on_slide(radius, placement.zoom, unit)).collect();
    Some(Arrangement { scene, routes, named, linked, centres, radii, room, strip, key, overlay })
}

pub fn draw(slide: &mut SlideScene, area: Area, scenario: &Scenario, layout: &[[f32; 2]], view: &ViewState, unit: f32) {
    let Some(arranged) = arrange(slide, area, scenario, layout, view, unit) else {
        let note = "Nothing to show for this step's layers and year.";
        let ink = slide.colours().ink;
        slide.text(area.centre(), note, 30.0 * unit, ink, Anchor::Middle, false);
        return;
    };
    let Arrangement { scene, routes, named, linked, centres, radii, room, strip, key, overlay } = arranged;
    let radius = |node: usize| radii[node];
    let emphasised = crate::scene::graph::selected_nodes(&scene, &named);
    let near = crate::scene::graph::near_selection(&scene, &named);
    let on_route: std::collections::HashSet<RecordRef> =
        routes.iter().flat_map(|(path, _)| path.records.iter().map(|&index| RecordRef::Energy(index))).collect();
    let any_emphasised = emphasised.contains(&true);
    for edge in scene.edges.iter().filter(|edge| !on_route.contains(&edge.record)) {
        let dimmed = any_emphasised && !emphasised[edge.from] && !emphasised[edge.to];
        draw_edge(slide, edge, scene.arrivals[edge.to], &centres, &radius, dimmed, unit);
    }
    for (path, nodes) in &routes {
        draw_route(slide, path, nodes, &centres, &radius, unit);
    }
    for (node, point) in centres.iter().enumerate().filter(|(node, _)| linked[*node]) {
        let fill = node_fill(&scene, node, overlay.as_ref());
        let fill = if near[node] { fill } else { dimmed(fill) };
        let selected = view.selection.contains(&scene.nodes[node].id);
        draw_node(slide, style::node_shape(scene.nodes[node].kind), *point, radius(node), fill, selected, unit);
    }
    draw_labels(slide, &scene, &centres, &radius, &linked, &emphasised, room, unit);
    let unlinked: Vec<usize> = (0..scene.nodes.len()).filter(|&node| !linked[node]).collect();
    draw_strip(slide, &scene, &unlinked, &strip, view, overlay.as_ref(), area, unit);
    slide.shapes.extend(key.shapes);
}

/// The part of `area` the graph is framed in: right of the strip, left of the key.
fn graph_room(area: Area, strip_width: f32, key: &SlideScene) -> Area {
    let key_left = key.shapes.iter().map(|shape| shape.bounds().0[0]).fold(area.right(), f32::min);
    let left = area.left + strip_width;
    let right = if key.shapes.is_empty() { area.right() } else { key_left - 8.0 };
    Area { left, top: area.top, width: (right - left).max(1.0), height: area.height }
}

fn node_fill(scene: &GraphScene, node: usize, overlay: Option<&overlay::OverlayView>) -> Rgba {
    match overlay {
        Some(overlay) => overlay.colour(&scene.nodes[node].id),
        None => palette::ACTOR,
    }
}

/// A colour as drawn for what lies away from the step's focus.
fn dimmed(colour: Rgba) -> Rgba {
    Rgba(colour.0, colour.1, colour.2, (colour.3 as f32 * DIMMED_OPACITY).round() as u8)
}

/// The actors the step names that have no link drawn: each with its symbol and name in the strip.
#[allow(clippy::too_many_arguments)]
fn draw_strip(
    slide: &mut SlideScene,
    scene: &GraphScene,
    unlinked: &[usize],
    strip: &framing::Strip,
    view: &ViewState,
    overlay: Option<&overlay::OverlayView>,
    area: Area,
    unit: f32,
) {
    if strip.width == 0.0 {
        return;
    }
    let colours = slide.colours();
    framing::strip_text(slide, strip, area, colours.weak_ink, unit);
    for row in &strip.rows {
        let node = unlinked[row.index];
        let scene_node = &scene.nodes[node];
        let selected = view.selection.contains(&scene_node.id);
        let fill = node_fill(scene, node, overlay);
        draw_node(slide, style::node_shape(scene_node.kind), row.symbol, 12.0 * unit, fill, selected, unit);
        let name = framing::strip_name(&scene_node.name, strip, unit);
        slide.text(row.name, &name, framing::strip_name_size(unit), colours.ink, Anchor::Start, selected);
    }
}

/// One course of the step's route: a highlighter band, then the commodity's line through the centre of every
/// transit actor's node in order, with an arrowhead at the consumer.
fn draw_route(
    slide: &mut SlideScene,
    path: &RoutePath,
    nodes: &[usize],
    at: &[[f32; 2]],
    radius: &dyn Fn(usize) -> f32,
    unit: f32,
) {
    let mut points: Vec<[f32; 2]> = nodes.iter().map(|&node| at[node]).collect();
    let last = nodes.len() - 1;
    trim(&mut points, radius(nodes[0]), radius(nodes[last]) + 2.0 * unit);
    let look = path.line_style().in_theme(slide.theme);
    let width = (look.width * 1.3 * unit).max(5.0 * unit);
    let halo = Shape::Line {
        points: points.clone(),
        width: width + 16.0 * unit,
        colour: ROUTE_HALO,
        dash: Vec::new(),
        arrow: Arrowhead::None,
    };
    slide.add(halo);
    slide.add(Shape::Line { points, width, colour: look.colour, dash: Vec::new(), arrow: Arrowhead::Triangle });
}

/// One link as a curve; `arriving` arrowheads end at its target, spread on a ring when many (see
/// `graph_style::arrival_radius`).
fn draw_edge(
    slide: &mut SlideScene,
    edge: &SceneEdge,
    arriving: usize,
    at: &[[f32; 2]],
    radius: &dyn Fn(usize) -> f32,
    dim: bool,
    unit: f32,
) {
    let look = style::edge_style(&edge.meaning).in_theme(slide.theme);
    let colour = if dim { dimmed(look.colour) } else { look.colour };
    let (from, to) = (at[edge.from], at[edge.to]);
    let (dx, dy) = (to[0] - from[0], to[1] - from[1]);
    let length = (dx * dx + dy * dy).sqrt();
    if length < 1.0 {
        return;
    }
    // Several records between one pair bend apart, as on screen.
    let bend = edge.fan_slot as f32 * 30.0 * unit;
    let control = [(from[0] + to[0]) / 2.0 - dy / length * bend, (from[1] + to[1]) / 2.0 + dx / length * bend];
    let mut points: Vec<[f32; 2]> = (0..=16)
        .map(|step| {
            let t = step as f32 / 16.0;
            let along = |a: f32, c: f32, b: f32| (1.0 - t) * (1.0 - t) * a + 2.0 * (1.0 - t) * t * c + t * t * b;
            [along(from[0], control[0], to[0]), along(from[1], control[1], to[1])]
        })
        .collect();
    let mut end = radius(edge.to) + 2.0 * unit;
    if look.arrow.is_some() {
        end = style::arrival_radius(end, arriving, style::ARROWHEAD_SPAN * 1.3 * unit, length);
    }
    trim(&mut points, radius(edge.from), end);
    let width = look.width * 1.3 * unit;
    // Wider lines need longer dashes and gaps, or their round ends close the gaps.
    let dash = dash_pattern(look.dash, unit * slide.theme.line_width_factor());
    slide.add(Shape::Line { points, width, colour, dash, arrow: look.arrow });
}

/// The dash and gap lengths of a line pattern on a slide, as the graph draws them on screen, a third longer.
pub(super) fn dash_pattern(dash: Dash, unit: f32) -> Vec<f32> {
    dash.pattern().iter().map(|length| length * 1.33 * unit).collect()
}

/// Moves a curve's ends onto the edges of the nodes it joins.
fn trim(points: &mut [[f32; 2]], start: f32, end: f32) {
    let count = points.len();
    let towards = |from: [f32; 2], to: [f32; 2], distance: f32| {
        let (dx, dy) = (to[0] - from[0], to[1] - from[1]);
        let length = (dx * dx + dy * dy).sqrt().max(1e-3);
        [from[0] + dx / length * distance, from[1] + dy / length * distance]
    };
    points[0] = towards(points[0], points[1], start);
    points[count - 1] = towards(points[count - 1], points[count - 2], end);
}

pub(super) fn draw_node(
    slide: &mut SlideScene,
    shape: NodeShape,
    at: [f32; 2],
    radius: f32,
    fill: Rgba,
    selected: bool,
    unit: f32,
) {
    let background = slide.background;
    let outline = Some(Outline { width: 1.5 * unit, colour: background });
    let [x, y] = at;
    match shape {
        NodeShape::Circle => slide.add(Shape::Circle { centre: at, radius, fill, outline }),
        NodeShape::Ring => slide.add(Shape::Circle {
            centre: at,
            radius,
            fill: background,
            outline: Some(Outline { width: 4.0 * unit, colour: fill }),
        }),
        NodeShape::Square => slide.add(Shape::Rect {
            min: [x - radius, y - radius],
            max: [x + radius, y + radius],
            corner_radius: 2.0 * unit,
            fill,
            outline,
        }),
        NodeShape::Diamond => {
            let points =
                vec![[x, y - radius * 1.2], [x + radius * 1.2, y], [x, y + radius * 1.2], [x - radius * 1.2, y]];
            slide.add(Shape::Polygon { points, fill, outline });
        }
        NodeShape::Triangle => {
            let points =
                vec![[x, y - radius * 1.2], [x + radius * 1.1, y + radius * 0.8], [x - radius * 1.1, y + radius * 0.8]];
            slide.add(Shape::Polygon { points, fill, outline });
        }
        NodeShape::Hexagon => {
            let points = (0..6)
                .map(|corner| {
                    let angle = (60.0 * corner as f32).to_radians();
                    [x + radius * 1.1 * angle.cos(), y + radius * 1.1 * angle.sin()]
                })
                .collect();
            slide.add(Shape::Polygon { points, fill, outline });
        }
    }
    if selected {
        let ring = Outline { width: 4.0 * unit, colour: slide.colours().ink };
        slide.add(Shape::Circle {
            centre: at,
            radius: radius + 6.0 * unit,
            fill: Rgba(0, 0, 0, 0),
            outline: Some(ring),
        });
    }
}

/// Names under (or else above, right of, left of) their nodes, most important first; a name that fits nowhere
/// is left out, except an emphasised actor's (the step's focus and its route's), which goes under its node: the
/// framing keeps that place on the slide.
#[allow(clippy::too_many_arguments)]
fn draw_labels(
    slide: &mut SlideScene,
    scene: &GraphScene,
    at: &[[f32; 2]],
    radius: &dyn Fn(usize) -> f32,
    linked: &[bool],
    emphasised: &[bool],
    area: Area,
    unit: f32,
) {
    let size = LABEL_SIZE * unit;
    let mut order: Vec<usize> = (0..scene.nodes.len()).filter(|&node| linked[node]).collect();
    order.sort_by_key(|&node| (!emphasised[node], std::cmp::Reverse(scene.nodes[node].degree)));
    let mut placed: Vec<[f32; 4]> = Vec::new();
    for node in order {
        let [x, y] = at[node];
        let name = &scene.nodes[node].name;
        let (width, height) = (text_width(name, size) + 10.0 * unit, size * 1.3);
        let gap = radius(node) + framing::LABEL_GAP * unit;
        let candidates = [
            [x - width / 2.0, y + gap, x + width / 2.0, y + gap + height],
            [x - width / 2.0, y - gap - height, x + width / 2.0, y - gap],
            [x + gap, y - height / 2.0, x + gap + width, y + height / 2.0],
            [x - gap - width, y - height / 2.0, x - gap, y + height / 2.0],
        ];
        let inside =
            |r: &[f32; 4]| r[0] >= area.left && r[2] <= area.right() && r[1] >= area.top && r[3] <= area.bottom();
        let free = |r: &[f32; 4]| placed.iter().all(|o| r[2] < o[0] || r[0] > o[2] || r[3] < o[1] || r[1] > o[3]);
        let must = emphasised[node];
        let chosen = candidates.iter().find(|r| inside(r) && free(r)).or(must.then_some(&candidates[0]));
        if let Some(rect) = chosen {
            let plate = slide.colours().plate;
            slide.add(Shape::Rect {
                min: [rect[0], rect[1]],
                max: [rect[2], rect[3]],
                corner_radius: 4.0 * unit,
                fill: plate,
                outline: None,
            });
            let centre = [(rect[0] + rect[2]) / 2.0, (rect[1] + rect[3]) / 2.0];
            let ink = slide.colours().ink;
            slide.text(centre, name, size, ink, Anchor::Middle, must);
            placed.push(*rect);
        }
    }
}

/// What the lines and colours mean, for the layers on the slide: a line sample (its dash and arrowhead as the
/// graph draws them) and a word for each.
pub(super) fn draw_key(slide: &mut SlideScene, scene: &GraphScene, overlay: Option<&str>, area: Area, unit: f32) {
    let mut entries: Vec<(Option<EdgeStyle>, Rgba, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    for edge in &scene.edges {
        let (key, label) = match &edge.meaning {
            EdgeMeaning::Energy { commodity, .. } => {
                (format!("e{}", commodity.label()), format!("{} (width: share)", commodity.label()))
            }
            EdgeMeaning::Sanctions { stance } => {
                (format!("s{}", stance.label()), format!("Sanctions: {}", stance.label().to_lowercase()))
            }
            EdgeMeaning::Tie { strength, .. } if *strength < 0.0 => {
                ("t-".to_owned(), "Hostile tie (dotted)".to_owned())
            }
            EdgeMeaning::Tie { .. } => ("t+".to_owned(), "Friendly tie".to_owned()),
            EdgeMeaning::Summary(_) => ("sum".to_owned(), "Records summed (width: how many)".to_owned()),
        };
        if seen.insert(key) {
            let look = style::edge_style(&edge.meaning).in_theme(slide.theme);
            entries.push((Some(look), look.colour, label));
        }
    }
    entries.sort_by(|a, b| a.2.cmp(&b.2));
    if let Some(title) = overlay {
        let label = format!("{title}: the darker red, the more supply lost");
        entries.push((None, crate::scene::overlay::loss_colour(1.0), label));
    }
    let size = super::KEY_TEXT_SIZE * unit;
    let right = area.right() - 24.0 * unit;
    let mut y = area.top + 24.0 * unit;
    let ink = slide.colours().ink;
    for (look, colour, label) in entries.iter().take(10) {
        let text_right = right;
        let sample_right = text_right - text_width(label, size) - 14.0 * unit;
        if let Some(look) = look {
            // Wide enough that the dash and the arrowhead show; the arrowhead as the line's own.
            let factor = slide.theme.line_width_factor();
            let points = vec![[sample_right - 72.0 * unit, y], [sample_right, y]];
            let dash = dash_pattern(look.dash, unit * factor);
            slide.add(Shape::Line { points, width: 3.0 * unit * factor, colour: *colour, dash, arrow: look.arrow });
        } else {
            slide.add(Shape::Circle {
                centre: [sample_right - 12.0 * unit, y],
                radius: 10.0 * unit,
                fill: *colour,
                outline: None,
            });
        }
        slide.text([text_right, y], label, size, ink, Anchor::End, false);
        y += size * 1.5;
    }
}
