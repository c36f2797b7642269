//! The graph view through egui_kittest: selecting, filtering, focusing and dragging nodes.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::app::GeoDepApp;
use geodep::scene::graph::EdgeMeaning;

use crate::common;

use common::click_at;

fn harness() -> Harness<'static, GeoDepApp> {
    common::bundled_harness()
}

fn node(harness: &Harness<'_, GeoDepApp>, id: &str) -> egui::Pos2 {
    harness.state().views.graph.node_on_screen(id).unwrap_or_else(|| panic!("{id} is not drawn"))
}

fn energy_edges(harness: &Harness<'_, GeoDepApp>) -> usize {
    let scene = harness.state().views.graph.scene().expect("a scene");
    scene.edges.iter().filter(|edge| matches!(edge.meaning, EdgeMeaning::Energy { .. })).count()
}

#[test]
fn clicking_a_node_selects_it_and_shift_click_adds_another() {
    let mut harness = harness();
    let serbia = node(&harness, "SRB");
    click_at(&mut harness, serbia, egui::Modifiers::NONE);
    assert_eq!(harness.state().view.selection.iter().collect::<Vec<_>>(), vec!["SRB"]);
    let russia = node(&harness, "RUS");
    click_at(&mut harness, russia, egui::Modifiers::SHIFT);
    assert_eq!(harness.state().view.selection.iter().collect::<Vec<_>>(), vec!["RUS", "SRB"]);
}

#[test]
fn turning_the_energy_layer_off_hides_energy_arrows_and_their_legend() {
    let mut harness = harness();
    assert!(energy_edges(&harness) > 0);
    harness.get_by_label("Gas");
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Energy").click();
    harness.run_steps(3);
    assert_eq!(energy_edges(&harness), 0);
    assert!(harness.query_by_label("Gas").is_none(), "the legend lists only what is drawn");
    assert!(!harness.state().view.filters.energy);
}

#[test]
fn the_year_selector_changes_which_records_are_drawn() {
    let mut harness = harness();
    let year_2023 = energy_edges(&harness);
    harness.state_mut().view.year = Some(2021);
    harness.run_steps(3);
    let year_2021 = energy_edges(&harness);
    // In 2021 Bulgaria still took Russian gas (77%); in 2023 it took Azerbaijani gas and Hungary's flow is listed.
    assert_ne!(year_2021, year_2023);
    let scene = harness.state().views.graph.scene().unwrap();
    let bulgaria = scene.node_by_id["BGR"];
    let russia = scene.node_by_id["RUS"];
    assert!(
        scene.edges.iter().any(|edge| edge.from == russia
            && edge.to == bulgaria
            && matches!(edge.meaning, EdgeMeaning::Energy { .. }))
    );
}

#[test]
fn focus_shows_only_the_selection_and_its_neighbours() {
    let mut harness = harness();
    let all = harness.state().views.graph.scene().unwrap().nodes.len();
    harness.state_mut().view.select("CHN", false);
    harness.get_by_label("Focus").click();
    harness.run_steps(3);
    let scene = harness.state().views.graph.scene().unwrap();
    let shown: Vec<&str> = scene.nodes.iter().map(|node| node.id.as_str()).collect();
    assert!(shown.len() < all, "{shown:?}");
    assert!(shown.contains(&"CHN") && shown.contains(&"SRB"), "{shown:?}");
    assert!(!shown.contains(&"HRV"), "Croatia is not a neighbour of China: {shown:?}");
}

#[test]
fn dragging_a_node_pins_it_in_the_scenario_layout() {
    let mut harness = harness();
    assert!(!harness.state().document.scenario.layout.contains_key("CHN"));
    let start = node(&harness, "CHN");
    harness.drag_at(start);
    harness.run_steps(1);
    let target = start + egui::vec2(-60.0, 80.0);
    for step in 1..=6 {
        harness.hover_at(start + (target - start) * (step as f32 / 6.0));
        harness.run_steps(1);
    }
    harness.drop_at(target);
    harness.run_steps(3);
    let app = harness.state();
    let pinned = app.document.scenario.layout.get("CHN").copied().expect("China's position is saved");
    assert!(app.document.dirty, "moving a node is an unsaved change");
    let moved_to = node(&harness, "CHN");
    assert!((moved_to - target).length() < 2.0, "drawn where it was dropped: {moved_to:?} vs {target:?}");
    assert!(pinned.0.is_finite() && pinned.1.is_finite());
}

#[test]
fn f1_opens_the_help_with_every_shortcut() {
    let mut harness = harness();
    // A selection first (the help window may cover any node once open), which Esc must keep.
    harness.get_by_label("China, graph node").click();
    harness.run_steps(2);
    harness.key_press(egui::Key::F1);
    harness.run_steps(2);
    harness.get_by_label("Keyboard shortcuts and gestures");
    harness.get_by_label("Fit the whole graph in view");
    harness.get_by_label("Ctrl+S");
    // It fits the window (scrolling what does not fit), and Esc closes it without clearing the selection.
    let window = harness.ctx.content_rect();
    let close = harness.get_by_label("Close").rect();
    assert!(window.contains_rect(close), "the Close button is outside the window: {close:?} in {window:?}");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(harness.query_by_label("Keyboard shortcuts and gestures").is_none(), "Esc closes the help");
    assert_eq!(harness.state().view.selection.iter().collect::<Vec<_>>(), vec!["CHN"]);
}

#[test]
fn nodes_can_be_found_and_clicked_by_name() {
    let mut harness = harness();
    harness.get_by_label("China, graph node").click();
    harness.run_steps(3);
    assert_eq!(harness.state().view.selection.iter().collect::<Vec<_>>(), vec!["CHN"]);
}

#[test]
fn ctrl_dragging_from_one_actor_to_another_creates_a_record_between_them() {
    let mut harness = harness();
    let energy_before = harness.state().document.scenario.energy.len();
    let (russia, serbia) = (node(&harness, "RUS"), node(&harness, "SRB"));
    let ctrl = egui::Modifiers::COMMAND;
    harness.hover_at(russia);
    harness.run_steps(1);
    let press = |pressed, pos| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: ctrl,
    };
    harness.event_modifiers(press(true, russia), ctrl);
    harness.run_steps(1);
    for step in 1..=6 {
        let position = russia + (serbia - russia) * (step as f32 / 6.0);
        harness.event_modifiers(egui::Event::PointerMoved(position), ctrl);
        harness.run_steps(1);
    }
    harness.event_modifiers(press(false, serbia), ctrl);
    harness.run_steps(3);
    assert!(!harness.state().document.scenario.layout.contains_key("RUS"), "a Ctrl-drag does not move the node");
    harness.get_by_label("Link Russia to Serbia");
    harness.get_by_label("Energy flow: Russia supplies Serbia").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.document.scenario.energy.len(), energy_before + 1);
    let added = app.document.scenario.energy.last().unwrap();
    assert_eq!((added.supplier.as_str(), added.consumer.as_str()), ("RUS", "SRB"));
    assert_eq!(app.view.central, geodep::app::CentralView::Data, "the new record opens in the Data tab");
    harness.get_by_label(&format!("Energy flow {}", energy_before + 1));
}

/// A crowded scenario as a new user might generate one: 300 states, 1,500 energy flows, 3,000 ties.
fn crowded_scenario() -> geodep::model::Scenario {
    use geodep::model::*;
    let ids: Vec<String> = (0..300).map(|index| format!("S{index:03}")).collect();
    let actors = ids.iter().map(|id| Actor::new(id.clone(), format!("State {id}"), ActorKind::State)).collect();
    let flow = |supplier: &String, consumer: &String| EnergyFlow {
        supplier: supplier.clone(),
        consumer: consumer.clone(),
        commodity: Commodity::Gas,
        share: 0.2,
        basis: ShareBasis::Consumption,
        volume: None,
        via: vec![],
        route: None,
        year: Some(2022),
        from: None,
        until: None,
        certainty: Certainty::Stated,
        note: None,
        sources: vec![],
    };
    let tie = |a: &String, b: &String| Tie {
        a: a.clone(),
        b: b.clone(),
        kind: TieKind::Partnership,
        strength: 0.5,
        topic: None,
        directed: false,
        year: None,
        from: None,
        until: None,
        certainty: Certainty::Stated,
        note: None,
        sources: vec![],
    };
    // A third of the states import from fifteen suppliers each: drawn by imports, they are the largest nodes.
    let energy = (0..1_500).map(|index| flow(&ids[index % 300], &ids[(index * 7 + 1) % 100])).collect();
    let ties = (0..3_000).map(|index| tie(&ids[index % 300], &ids[(index * 13 + 5) % 300])).collect();
    Scenario { title: "Crowded".into(), actors, energy, ties, ..Scenario::default() }
}

#[test]
fn nodes_sized_by_imports_never_cover_each_other_on_a_crowded_circle() {
    use geodep::app::{Action, Document, ViewState};
    type State = (Document, ViewState, Vec<Action>, geodep::ui::graph::GraphView);
    let document = Document::unsaved(crowded_scenario(), "crowded");
    let view = ViewState::for_scenario(&document.scenario);
    let mut graph = geodep::ui::graph::GraphView::default();
    // On the circle, neighbours sit as close as the layout's own node size allows: nodes drawn larger by their
    // imports would cover each other.
    graph.options.layout = geodep::scene::graph_layout::LayoutKind::CircleByBloc;
    graph.settle_layout(&document);
    let mut harness = Harness::builder().with_size([1200.0, 900.0]).build_ui_state(
        |ui, state: &mut State| {
            let (document, view, actions, graph) = state;
            graph.ui(ui, document, view, actions);
        },
        (document, view, Vec::new(), graph),
    );
    harness.run_steps(4);
    let circles = harness.state().3.circles_on_screen();
    assert_eq!(circles.len(), 300);
    let mut overlapping = 0;
    for (index, (a, radius_a)) in circles.iter().enumerate() {
        for (b, radius_b) in &circles[index + 1..] {
            if a.distance(*b) + 0.01 < radius_a + radius_b {
                overlapping += 1;
            }
        }
    }
    assert_eq!(overlapping, 0, "{overlapping} pairs of nodes overlap");
}

#[test]
fn larger_text_scrolls_the_toolbar_sideways_rather_than_wrapping_it() {
    let mut harness = harness();
    for _ in 0..5 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
        harness.run_steps(2);
    }
    assert!(harness.state().settings.ui_scale >= 1.4, "Ctrl + draws larger: {}", harness.state().settings.ui_scale);
    let row = |label: &str| harness.get_by_label(label).rect().center().y;
    assert!((row("Layers") - row("Display…")).abs() < 2.0, "the graph's toolbar wrapped");
    // The tabs scroll above a strip for their scroll bar, so they sit a little higher than the year; a wrapped
    // row would be a whole line lower.
    let line = harness.get_by_label("Year").rect().height();
    assert!((row("Graph") - row("Year")).abs() < line / 2.0, "the tabs wrapped");
    // The year and Play stay in view however little room the tabs leave.
    let window = harness.ctx.content_rect();
    for label in ["Year", "Play"] {
        let shown = harness.get_by_label(label).rect();
        assert!(window.contains_rect(shown), "{label} is pushed out of the window: {shown:?} in {window:?}");
    }
}

#[test]
fn filters_stay_open_while_set_and_show_as_chips_that_remove_them() {
    let mut harness = harness();
    harness.get_by_label("Filters…").click();
    harness.run_steps(2);
    // Two choices in a row: the menu stays open after the first.
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Oil").click();
    harness.run_steps(2);
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Gas").click();
    harness.run_steps(2);
    let hidden = &harness.state().view.filters.hidden_commodities;
    assert_eq!(hidden.len(), 2, "both clicks took effect: {hidden:?}");
    // Closed, the filters in force are still in sight, each with a way to take it off.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(harness.query_by_label("Minimum share").is_none(), "the menu closed");
    harness.get_by_label("No gas  ×").click();
    harness.run_steps(2);
    let hidden: Vec<String> =
        harness.state().view.filters.hidden_commodities.iter().map(|commodity| commodity.label().to_owned()).collect();
    assert_eq!(hidden, ["Oil"]);
    assert!(harness.query_by_label("No gas  ×").is_none());
    harness.get_by_label("No oil  ×");
}

/// Pairs of nodes drawn over each other in the last frame.
fn overlapping_on_screen(harness: &Harness<'_, GeoDepApp>) -> usize {
    let circles = harness.state().views.graph.circles_on_screen();
    let mut overlapping = 0;
    for (index, (a, radius_a)) in circles.iter().enumerate() {
        for (b, radius_b) in &circles[index + 1..] {
            overlapping += usize::from(a.distance(*b) + 0.01 < radius_a + radius_b);
        }
    }
    overlapping
}

#[test]
fn changing_the_layout_frames_the_graph_again_and_going_back_restores_it() {
    let mut harness = harness();
    let before = node(&harness, "SRB");
    harness.get_by_label("Display…").click();
    harness.run_steps(2);
    harness.get_by_label("Circle, grouped by bloc").click();
    harness.run_steps(6);
    // Framed anew, the circle is large enough that no node covers another.
    assert_eq!(overlapping_on_screen(&harness), 0, "nodes overlap on the circle");
    harness.get_by_label("Force-directed (keeps dragged nodes)").click();
    harness.run_steps(6);
    let after = node(&harness, "SRB");
    assert!((after - before).length() < 1.0, "Serbia is back where it was: {before:?} then {after:?}");
}

#[test]
fn turning_focus_on_frames_the_focus_again_after_the_camera_was_moved_away() {
    let mut harness = harness();
    harness.get_by_label("Bosnia and Herzegovina, graph node").click();
    harness.run_steps(2);
    // Pan the graph down, twice: Bosnia leaves the canvas.
    for _ in 0..2 {
        common::drag_by(&mut harness, egui::pos2(300.0, 130.0), egui::vec2(0.0, 680.0), 8);
    }
    let canvas = egui::Rect::from_min_max(egui::pos2(240.0, 100.0), egui::pos2(1090.0, 880.0));
    assert!(!canvas.contains(node(&harness, "BIH")), "panned away first: {:?}", node(&harness, "BIH"));
    harness.get_by_label("Focus").click();
    harness.run_steps(6);
    let bosnia = node(&harness, "BIH");
    assert!(canvas.contains(bosnia), "Bosnia is framed again: {bosnia:?}");
}

#[test]
fn the_legend_folds_to_a_button_and_opens_again() {
    let mut harness = harness();
    harness.get_by_label("Node size: energy imports");
    harness.get_by_label("Hide").click();
    harness.run_steps(4);
    assert!(harness.query_by_label("Node size: energy imports").is_none(), "the legend is folded");
    assert!(!harness.state().views.graph.options.show_legend);
    harness.get_by_label("Legend").click();
    harness.run_steps(4);
    harness.get_by_label("Node size: energy imports");
}

#[test]
fn a_minimum_source_grade_hides_what_rests_on_weaker_sources_until_its_chip_is_removed() {
    let mut harness = harness();
    let has_link = |harness: &Harness<'_, GeoDepApp>, from: &str, to: &str| {
        let scene = harness.state().views.graph.scene().expect("a scene");
        let index = |id: &str| scene.nodes.iter().position(|node| node.id == id);
        scene.edges.iter().any(|edge| Some(edge.from) == index(from) && Some(edge.to) == index(to))
    };
    // Hungary's gas from Russia rests on a source graded D; Serbia's on one graded B.
    assert!(has_link(&harness, "RUS", "HUN") && has_link(&harness, "RUS", "SRB"));
    harness.get_by_label("Filters…").click();
    harness.run_steps(2);
    harness.get_by_label("C").click();
    harness.run_steps(3);
    assert_eq!(harness.state().view.filters.minimum_grade, Some(geodep::model::Reliability::C));
    assert!(!has_link(&harness, "RUS", "HUN"), "resting on D only: hidden");
    assert!(has_link(&harness, "RUS", "SRB"), "resting on B: kept");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.get_by_label("Sources C or better  ×").click();
    harness.run_steps(3);
    assert_eq!(harness.state().view.filters.minimum_grade, None);
    assert!(has_link(&harness, "RUS", "HUN"));
}
