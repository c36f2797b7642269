//! The graph on a slide: the step's actors and records as the Graph view shows them (same scene, layout,
//! shapes, colours, dashes and arrows), fitted around the step's focus actors, with names and a small key.

use std::collections::BTreeSet;

use super::scene::{Anchor, Outline, Rgba, Shape, SlideScene};
use super::{Area, render::text_width};
use crate::model::Scenario;
use crate::scene::graph::{EdgeMeaning, GraphScene, SceneEdge};
use crate::scene::graph_style::{self as style, Dash, EdgeStyle, NodeShape, SizeBy};
use crate::scene::overlay;
use crate::scene::palette;
use crate::state::ViewState;

const LABEL_SIZE: f32 = super::LABEL_TEXT_SIZE;
/// How close the slide may zoom in on its focus, per 1080 pixels of height.
const MAX_ZOOM: f32 = 2.0;
const MARGIN: f32 = 90.0;

/// Maps layout coordinates into the slide.
struct Placement {
    centre: [f32; 2],
    zoom: f32,
    area: Area,
}

impl Placement {
    fn place(&self, point: [f32; 2]) -> [f32; 2] {
        let [x, y] = self.area.centre();
        [x + (point[0] - self.centre[0]) * self.zoom, y + (point[1] - self.centre[1]) * self.zoom]
    }
}

/// `layout` holds every actor's settled position (by its place in the scenario), as the Graph first shows it.
pub fn draw(slide: &mut SlideScene, area: Area, scenario: &Scenario, layout: &[[f32; 2]], view: &ViewState, unit: f32) {
    let scene = crate::scene::graph::build(scenario, view.year, &view.filters, &view.selection, false);
    if scene.nodes.is_empty() {
        let note = "Nothing to show for this step's layers and year.";
        let ink = slide.colours().ink;
        slide.text(area.centre(), note, 30.0 * unit, ink, Anchor::Middle, false);
        return;
    }
    let positions: Vec<[f32; 2]> = scene.nodes.iter().map(|node| layout[node.actor]).collect();
    let radii: Vec<f32> = scene.nodes.iter().map(|node| style::node_radius(node, SizeBy::EnergyImports)).collect();
    let placement = fit(&scene, &positions, &radii, &view.selection, area, unit);
    let on_slide: Vec<[f32; 2]> = positions.iter().map(|&point| placement.place(point)).collect();
    let radius = |node: usize| (radii[node] * placement.zoom).max(5.0 * unit);
    for edge in &scene.edges {
        draw_edge(slide, edge, &on_slide, &radius, unit);
    }
    let overlay = view.overlay.as_ref().and_then(|overlay| {
        let year = view.chart_year(scenario)?;
        Some(overlay::build(scenario, year, overlay))
    });
    for (node, point) in on_slide.iter().enumerate() {
        let id = &scene.nodes[node].id;
        let fill = match &overlay {
            Some(overlay) => overlay.colour(id),
            None => palette::actor_kind(scene.nodes[node].kind),
        };
        let selected = view.selection.contains(id);
        draw_node(slide, style::node_shape(scene.nodes[node].kind), *point, radius(node), fill, selected, unit);
    }
    draw_labels(slide, &scene, &on_slide, &radius, &view.selection, area, unit);
    draw_key(slide, &scene, overlay.as_ref().map(|overlay| overlay.title.as_str()), area, unit);
}

/// Fits the focus actors (those shown), or every node when none is shown, into the area.
fn fit(
    scene: &GraphScene,
    positions: &[[f32; 2]],
    radii: &[f32],
    focus: &BTreeSet<String>,
    area: Area,
    unit: f32,
) -> Placement {
    let mut chosen: Vec<usize> = (0..scene.nodes.len()).filter(|&node| focus.contains(&scene.nodes[node].id)).collect();
    if chosen.is_empty() {
        chosen = (0..scene.nodes.len()).collect();
    }
    let largest = radii.iter().copied().fold(0.0, f32::max);
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    for &node in &chosen {
        for axis in 0..2 {
            min[axis] = min[axis].min(positions[node][axis] - largest);
            max[axis] = max[axis].max(positions[node][axis] + largest);
        }
    }
    let usable = [(area.width - 2.0 * MARGIN * unit).max(1.0), (area.height - 2.0 * MARGIN * unit).max(1.0)];
    let size = [(max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0)];
    let zoom = (usable[0] / size[0]).min(usable[1] / size[1]).min(MAX_ZOOM * unit);
    let centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
    Placement { centre, zoom: if zoom.is_finite() && zoom > 0.0 { zoom } else { unit }, area }
}

fn draw_edge(slide: &mut SlideScene, edge: &SceneEdge, at: &[[f32; 2]], radius: &dyn Fn(usize) -> f32, unit: f32) {
    let look = style::edge_style(&edge.meaning).in_theme(slide.theme);
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
    trim(&mut points, radius(edge.from), radius(edge.to) + 2.0 * unit);
    let width = look.width * 1.3 * unit;
    // Wider lines need longer dashes and gaps, or their round ends close the gaps.
    let dash = dash_pattern(look.dash, unit * slide.theme.line_width_factor());
    slide.add(Shape::Line { points, width, colour: look.colour, dash, arrow: look.arrow });
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

fn draw_node(
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
/// is left out, except a focus actor's.
fn draw_labels(
    slide: &mut SlideScene,
    scene: &GraphScene,
    at: &[[f32; 2]],
    radius: &dyn Fn(usize) -> f32,
    focus: &BTreeSet<String>,
    area: Area,
    unit: f32,
) {
    let size = LABEL_SIZE * unit;
    let mut order: Vec<usize> = (0..scene.nodes.len()).collect();
    order.sort_by_key(|&node| (!focus.contains(&scene.nodes[node].id), std::cmp::Reverse(scene.nodes[node].degree)));
    let mut placed: Vec<[f32; 4]> = Vec::new();
    for node in order {
        let [x, y] = at[node];
        if x < area.left || x > area.right() || y < area.top || y > area.bottom() {
            continue;
        }
        let name = &scene.nodes[node].name;
        let (width, height) = (text_width(name, size) + 10.0 * unit, size * 1.3);
        let gap = radius(node) + 6.0 * unit;
        let candidates = [
            [x - width / 2.0, y + gap, x + width / 2.0, y + gap + height],
            [x - width / 2.0, y - gap - height, x + width / 2.0, y - gap],
            [x + gap, y - height / 2.0, x + gap + width, y + height / 2.0],
            [x - gap - width, y - height / 2.0, x - gap, y + height / 2.0],
        ];
        let inside =
            |r: &[f32; 4]| r[0] >= area.left && r[2] <= area.right() && r[1] >= area.top && r[3] <= area.bottom();
        let free = |r: &[f32; 4]| placed.iter().all(|o| r[2] < o[0] || r[0] > o[2] || r[3] < o[1] || r[1] > o[3]);
        let must = focus.contains(&scene.nodes[node].id);
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
