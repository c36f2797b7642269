//! The graph at world scale through egui_kittest: grouping actors by region, expanding and collapsing a group by
//! double-clicking, selecting a group's members, and showing only the strongest links of a crowded graph.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::app::GeoDepApp;
use geodep::model::Scenario;
use geodep::scene::graph::EdgeMeaning;

use crate::common;

use common::click_at;

/// The app on the bundled world scenario (every UN member), its graph settled.
fn world_harness() -> Harness<'static, GeoDepApp> {
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(|_| {
        let mut app = GeoDepApp::new(geodep::app::Settings::default(), geodep::app::Startup::StartScreen);
        app.disable_native_dialogs();
        app
    });
    harness.run_steps(8);
    harness.get_by_label("The world and Russia's war on Ukraine, 2022–2023").click();
    harness.run_steps(4);
    settle(&mut harness);
    harness
}

/// Runs the graph's layout to the end, as it would over a few seconds of frames, and draws the result.
fn settle(harness: &mut Harness<'_, GeoDepApp>) {
    let document = harness.state().document.clone();
    harness.state_mut().views.graph.settle_layout(&document);
    harness.run_steps(4);
}

fn node_ids(harness: &Harness<'_, GeoDepApp>) -> Vec<String> {
    let scene = harness.state().views.graph.scene().expect("a scene");
    scene.nodes.iter().map(|node| node.id.clone()).collect()
}

fn on_screen(harness: &Harness<'_, GeoDepApp>, id: &str) -> egui::Pos2 {
    harness.state().views.graph.node_on_screen(id).unwrap_or_else(|| panic!("{id} is not drawn"))
}

fn double_click_at(harness: &mut Harness<'_, GeoDepApp>, position: egui::Pos2) {
    harness.hover_at(position);
    harness.run_steps(1);
    // Each queued event is a step of a quarter second in the harness, too slow for a double-click: the four
    // events go in one step, as a person's double-click arrives between two frames.
    for pressed in [true, false, true, false] {
        let button = egui::PointerButton::Primary;
        let modifiers = egui::Modifiers::NONE;
        harness.input_mut().events.push(egui::Event::PointerButton { pos: position, button, pressed, modifiers });
    }
    harness.run_steps(3);
}

fn group_by_region(harness: &mut Harness<'_, GeoDepApp>) {
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Group").click();
    harness.run_steps(2);
    harness.get_by_label("UN region").click();
    harness.run_steps(2);
    settle(harness);
}

/// The ids of the actors of a UN region in the open scenario.
fn region_members(scenario: &Scenario, region: &str) -> Vec<String> {
    let members = scenario.actors.iter().filter(|actor| actor.region.as_deref() == Some(region));
    members.map(|actor| actor.id.clone()).collect()
}

#[test]
fn grouping_by_region_draws_five_regions_and_a_double_click_expands_and_folds_one() {
    let mut harness = world_harness();
    let ungrouped = node_ids(&harness);
    assert!(ungrouped.len() > 60, "the world graph shows each state with a sanctions stance: {}", ungrouped.len());
    group_by_region(&mut harness);
    let grouped = node_ids(&harness);
    for region in ["Africa", "Americas", "Asia", "Europe", "Oceania"] {
        assert!(grouped.contains(&format!("group: {region}")), "{region} is one node: {grouped:?}");
    }
    assert!(grouped.len() < 20, "regions and the blocs, which have no region: {grouped:?}");
    assert!(!grouped.contains(&"FRA".to_owned()), "France is inside Europe");
    let scene = harness.state().views.graph.scene().unwrap();
    let europe = &scene.nodes[scene.node_by_id["group: Europe"]];
    let europeans = region_members(&harness.state().document.scenario, "Europe");
    assert_eq!(europe.name, format!("Europe ({})", europeans.len()));
    assert_eq!(scene.node_by_id["FRA"], scene.node_by_id["group: Europe"], "France's id finds Europe's node");
    assert!(
        scene.edges.iter().any(|edge| matches!(edge.meaning, EdgeMeaning::Summary(_))),
        "records between regions are summed"
    );

    // Double-click Europe: its members appear, the other regions stay collapsed.
    let europe_at = on_screen(&harness, "group: Europe");
    double_click_at(&mut harness, europe_at);
    settle(&mut harness);
    let expanded = node_ids(&harness);
    assert!(expanded.contains(&"FRA".to_owned()) && expanded.contains(&"POL".to_owned()), "{expanded:?}");
    assert!(!expanded.contains(&"group: Europe".to_owned()));
    assert!(expanded.contains(&"group: Africa".to_owned()), "Africa is still one node");
    assert!(harness.state().view.selection.is_empty(), "opening a group selects none of its members");

    // Double-click one of Europe's members: Europe folds back into one node.
    let poland_at = on_screen(&harness, "POL");
    double_click_at(&mut harness, poland_at);
    settle(&mut harness);
    assert_eq!(node_ids(&harness), grouped, "back as it was");
}

#[test]
fn clicking_a_group_selects_its_members_and_expand_all_shows_everyone() {
    let mut harness = world_harness();
    group_by_region(&mut harness);
    let oceania_at = on_screen(&harness, "group: Oceania");
    click_at(&mut harness, oceania_at, egui::Modifiers::NONE);
    let scene = harness.state().views.graph.scene().unwrap();
    let oceania = scene.nodes[scene.node_by_id["group: Oceania"]].group.clone().expect("a group node");
    let selection: Vec<String> = harness.state().view.selection.iter().cloned().collect();
    let mut shown = oceania.shown_member_ids.clone();
    shown.sort();
    assert!(selection.contains(&"AUS".to_owned()), "{selection:?}");
    assert_eq!(selection, shown, "every shown member of Oceania, and nothing else");

    harness.get_by_label("Expand all").click();
    harness.run_steps(2);
    settle(&mut harness);
    let ids = node_ids(&harness);
    assert!(ids.iter().all(|id| !id.starts_with("group: ")), "no group is collapsed: {ids:?}");
    harness.get_by_label("Collapse all").click();
    harness.run_steps(2);
    settle(&mut harness);
    assert!(node_ids(&harness).contains(&"group: Oceania".to_owned()));
}

/// 300 states, each supplied by five others and tied to ten, with shares and strengths that differ.
fn crowded_scenario() -> Scenario {
    use std::fmt::Write;
    let mut text = String::from("Scenario(format: 1, title: \"Crowded\", actors: [");
    for index in 0..300 {
        write!(text, "Actor(id: \"S{index}\", name: \"State {index}\", kind: State),").unwrap();
    }
    text.push_str("], energy: [");
    for index in 0..300 {
        for step in 1..=5 {
            let share = 0.01 + 0.03 * step as f64;
            let supplier = (index + step * 41) % 300;
            write!(text, "EnergyFlow(supplier: \"S{supplier}\", consumer: \"S{index}\", commodity: Gas, ").unwrap();
            write!(text, "share: {share}, year: 2022),").unwrap();
        }
    }
    text.push_str("], ties: [");
    for index in 0..300 {
        for step in 1..=10 {
            let other = (index + step * 7) % 300;
            let strength = 0.05 * step as f64;
            write!(text, "Tie(a: \"S{index}\", b: \"S{other}\", kind: Partnership, strength: {strength}),").unwrap();
        }
    }
    text.push_str("])");
    let loaded = geodep::io::load_text(&text);
    loaded.scenario.expect("the crowded scenario loads")
}

#[test]
fn a_crowded_graph_shows_the_strongest_links_and_says_how_many_of_how_many() {
    let scenario = crowded_scenario();
    assert_eq!((scenario.energy.len(), scenario.ties.len()), (1_500, 3_000));
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |_| {
        let mut app = GeoDepApp::new(geodep::app::Settings::default(), geodep::app::Startup::Untitled);
        app.disable_native_dialogs();
        app.document = geodep::app::Document::unsaved(scenario.clone(), "crowded");
        app.view = geodep::app::ViewState::for_scenario(&app.document.scenario);
        let document = app.document.clone();
        app.views.graph.settle_layout(&document);
        app
    });
    harness.run_steps(4);
    let count = harness.state().views.graph.link_count().expect("links are thinned");
    assert_eq!(count.total, 4_500, "every flow and tie of 2022");
    assert!(count.shown < count.total / 2, "{count:?}");
    let scene = harness.state().views.graph.scene().unwrap();
    assert_eq!(scene.edges.len(), count.shown);
    // Each node keeps its strongest links of each layer, so State 0's strongest tie (0.5 strength) is kept.
    let state_0 = scene.node_by_id["S0"];
    let strongest = scene.edges.iter().filter(|edge| {
        matches!(edge.meaning, EdgeMeaning::Tie { strength, .. } if strength > 0.49)
            && (edge.from == state_0 || edge.to == state_0)
    });
    assert!(strongest.count() >= 1, "State 0's strongest tie is drawn");
    let label = format!("Showing {} of 4,500 links", geodep::format::thousands(count.shown as f64));
    harness.get_by_label(&label);

    harness.get_by_label("More").click();
    harness.run_steps(3);
    let more = harness.state().views.graph.link_count().expect("still thinned");
    assert!(more.shown > count.shown, "{more:?} after {count:?}");

    harness.get_by_label("All").click();
    harness.run_steps(3);
    assert_eq!(harness.state().views.graph.link_count(), None);
    assert_eq!(harness.state().views.graph.scene().unwrap().edges.len(), 4_500);
    harness.get_by_label("Strongest links only");
}

#[test]
fn a_selected_actor_shows_all_its_links_in_a_crowded_graph() {
    let scenario = crowded_scenario();
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |_| {
        let mut app = GeoDepApp::new(geodep::app::Settings::default(), geodep::app::Startup::Untitled);
        app.disable_native_dialogs();
        app.document = geodep::app::Document::unsaved(scenario.clone(), "crowded");
        app.view = geodep::app::ViewState::for_scenario(&app.document.scenario);
        app
    });
    harness.run_steps(2);
    let links_of = |harness: &Harness<'_, GeoDepApp>, id: &str| {
        let scene = harness.state().views.graph.scene().unwrap();
        let node = scene.node_by_id[id];
        scene.edges.iter().filter(|edge| edge.from == node || edge.to == node).count()
    };
    let before = links_of(&harness, "S7");
    harness.state_mut().view.select("S7", false);
    harness.run_steps(2);
    // S7 consumes from five suppliers, supplies five consumers, and has ten ties of its own and ten to it.
    assert_eq!(links_of(&harness, "S7"), 30, "every link of the selection (before: {before})");
    assert!(before < 30);
}
