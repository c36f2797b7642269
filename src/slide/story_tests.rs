//! Story slides show their story: a step's route as one highlighted path through its transit countries, on the
//! graph and the map; graphs framed so that no actor or name is cropped; actors with no link set aside.

use super::scene::{Rgba, Shape, SlideScene};
use super::{Deck, content_area, graph};
use crate::model::{Scenario, ViewKind};
use crate::scene::route_path::ROUTE_HALO;
use crate::scene::story::view_for_step;
use crate::state::ViewState;

const WIDTH: u32 = 1920;
const HEIGHT: u32 = 1080;

fn serbia() -> Scenario {
    crate::io::load_text(crate::library::find("serbia-2023.ron").expect("bundled").text).scenario.expect("loads")
}

fn texts(slide: &SlideScene) -> Vec<&str> {
    fn text(shape: &Shape) -> Option<&str> {
        if let Shape::Text { text, .. } = shape { Some(text.as_str()) } else { None }
    }
    slide.shapes.iter().filter_map(text).collect()
}

/// The points of every line drawn in the route's highlighter colour.
fn highlighted(slide: &SlideScene) -> Vec<&[[f32; 2]]> {
    fn halo(shape: &Shape) -> Option<&[[f32; 2]]> {
        match shape {
            Shape::Line { points, colour, .. } if *colour == ROUTE_HALO => Some(points.as_slice()),
            _ => None,
        }
    }
    slide.shapes.iter().filter_map(halo).collect()
}

fn distance(a: [f32; 2], b: [f32; 2]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

/// Whether the line's points come within each stop's distance of it, stop after stop, in order.
fn passes_in_order(points: &[[f32; 2]], stops: &[([f32; 2], f32)]) -> bool {
    let mut next = 0;
    for &point in points {
        if next < stops.len() && distance(point, stops[next].0) <= stops[next].1 {
            next += 1;
        }
    }
    next == stops.len()
}

/// The step's slide, and where its graph placed each actor.
fn graph_slide(scenario: &Scenario, index: usize) -> (SlideScene, graph::Arrangement) {
    let deck = Deck::new(scenario);
    let step = &scenario.story[index];
    let view = view_for_step(step, scenario, &ViewState::default());
    let area = content_area(step, WIDTH, HEIGHT);
    let arranged =
        graph::arrange(&SlideScene::new(WIDTH, HEIGHT, Rgba::WHITE), area, scenario, deck.layout(), &view, 1.0)
            .expect("actors shown");
    (deck.slide(index, WIDTH, HEIGHT).expect("step exists"), arranged)
}

/// Ends of the path: within the node's radius and a little (the line stops at the node's edge); transit actors:
/// at the node's centre (the line runs through it).
fn stops(arranged: &graph::Arrangement, ids: &[&str]) -> Vec<([f32; 2], f32)> {
    let last = ids.len() - 1;
    ids.iter()
        .enumerate()
        .map(|(at, id)| {
            let (centre, radius) = arranged.node(id).unwrap_or_else(|| panic!("{id} is not on the slide"));
            (centre, if at == 0 || at == last { radius + 3.0 } else { 0.5 })
        })
        .collect()
}

#[test]
fn the_oil_step_draws_russia_croatia_serbia_as_one_highlighted_path_naming_croatia() {
    let scenario = serbia();
    let (slide, arranged) = graph_slide(&scenario, 2);
    let lines = highlighted(&slide);
    assert_eq!(lines.len(), 1, "one course of JANAF in 2022");
    assert!(passes_in_order(lines[0], &stops(&arranged, &["RUS", "HRV", "SRB"])), "{:?}", lines[0]);
    assert!(texts(&slide).contains(&"Croatia"), "{:?}", texts(&slide));
}

#[test]
fn the_turkstream_step_on_the_graph_passes_turkey_then_bulgaria() {
    let mut scenario = serbia();
    scenario.story[1].view = ViewKind::Graph;
    let (slide, arranged) = graph_slide(&scenario, 1);
    let lines = highlighted(&slide);
    // To Serbia, and on through Serbia to Bosnia and Herzegovina and to Hungary.
    assert_eq!(lines.len(), 3);
    assert!(passes_in_order(lines[0], &stops(&arranged, &["RUS", "TUR", "BGR", "SRB"])), "{:?}", lines[0]);
    assert!(passes_in_order(lines[2], &stops(&arranged, &["RUS", "TUR", "BGR", "SRB", "HUN"])), "{:?}", lines[2]);
    for name in ["Turkey", "Bulgaria"] {
        assert!(texts(&slide).contains(&name), "{name} is not named");
    }
}

#[test]
fn a_step_without_a_route_highlights_nothing() {
    let scenario = serbia();
    let slide = Deck::new(&scenario).slide(0, WIDTH, HEIGHT).expect("step 1");
    assert!(highlighted(&slide).is_empty());
}

#[test]
fn no_actor_or_name_of_any_bundled_graph_step_leaves_the_content_area() {
    for bundled in &crate::library::BUNDLED {
        let scenario = crate::io::load_text(bundled.text).scenario.expect("loads");
        let deck = Deck::new(&scenario);
        for (index, step) in scenario.story.iter().enumerate() {
            let view = view_for_step(step, &scenario, &ViewState::default());
            if super::Drawn::central(view.central, Default::default()) != super::Drawn::Graph {
                continue;
            }
            let area = content_area(step, WIDTH, HEIGHT);
            let mut slide = SlideScene::themed(WIDTH, HEIGHT, crate::scene::palette::Theme::Light);
            graph::draw(&mut slide, area, &scenario, deck.layout(), &view, 1.0);
            let place = format!("{} step {}", bundled.file_name, index + 1);
            for shape in slide.shapes.iter().filter(|shape| !matches!(shape, Shape::Line { .. })) {
                let (min, max) = shape.bounds();
                let inside = min[0] >= area.left - 0.5
                    && max[0] <= area.right() + 0.5
                    && min[1] >= area.top - 0.5
                    && max[1] <= area.bottom() + 0.5;
                assert!(inside, "{place}: {shape:?} reaches {min:?}..{max:?}, outside {area:?}");
            }
            let names = texts(&slide);
            for id in step.focus.iter().filter(|id| scenario.actor(id).is_some()) {
                let name = scenario.actor_name(id);
                let shown = names.iter().any(|text| *text == name || text.ends_with('…'));
                assert!(shown, "{place}: focus actor {name} is not named: {names:?}");
            }
        }
    }
}

#[test]
fn actors_with_no_link_go_in_the_strip_and_the_linked_ones_fill_the_slide() {
    let scenario = serbia();
    let (slide, arranged) = graph_slide(&scenario, 7);
    let people = ["vucic", "brnabic", "zakharova", "peskov"];
    for id in people {
        let node = arranged.scene.node_by_id[id];
        assert!(!arranged.linked[node], "{id} has a link in 2023");
        assert!(texts(&slide).contains(&scenario.actor_name(id)), "{id} is not in the strip");
    }
    assert!(arranged.strip.width > 0.0);
    let linked: Vec<usize> = (0..arranged.scene.nodes.len()).filter(|&node| arranged.linked[node]).collect();
    let span = |axis: usize| {
        let low = linked.iter().map(|&node| arranged.centres[node][axis]).fold(f32::MAX, f32::min);
        let high = linked.iter().map(|&node| arranged.centres[node][axis]).fold(f32::MIN, f32::max);
        high - low
    };
    // Fitted to the room (less margins, nodes and names), the centres span most of it along one side at least.
    let room = arranged.room;
    let area = content_area(&scenario.story[7], WIDTH, HEIGHT);
    assert!(room.width < area.width, "the strip and the key take their room");
    let filled = (span(0) / room.width).max(span(1) / room.height);
    assert!(filled > 0.7, "the linked actors span {filled:.2} of the room");
    assert!(span(1) > 0.6 * area.height, "{} of {}", span(1), area.height);
}
