//! The map view through egui_kittest: clicking a country selects its actor, routes pass through their transit
//! countries in order, the strip lists actors with no place, double-click and F move the camera, and a story's
//! map step shows the map.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::app::{CentralView, GeoDepApp};
use geodep::scene::graph::EdgeMeaning;

use crate::common;

use common::click_at;

/// The bundled scenario with the Map tab open (Ctrl+2).
fn map_harness() -> Harness<'static, GeoDepApp> {
    let mut harness = common::bundled_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run_steps(4);
    assert_eq!(harness.state().view.central, CentralView::Map);
    harness
}

fn country(harness: &Harness<'_, GeoDepApp>, id: &str) -> egui::Pos2 {
    harness.state().views.map.country_on_screen(id).unwrap_or_else(|| panic!("{id} is not on the map"))
}

#[test]
fn clicking_serbias_shape_selects_serbia_in_the_inspector() {
    let mut harness = map_harness();
    let serbia = country(&harness, "SRB");
    assert_eq!(harness.state().views.map.country_at_screen(serbia), Some("SRB"), "the point is inside Serbia");
    click_at(&mut harness, serbia, egui::Modifiers::NONE);
    assert_eq!(harness.state().view.selection.iter().collect::<Vec<_>>(), vec!["SRB"]);
    harness.get_by_label("State · id SRB");
    // Shift-click on Hungary adds it; a click on a country that is not an actor clears the selection.
    let hungary = country(&harness, "HUN");
    click_at(&mut harness, hungary, egui::Modifiers::SHIFT);
    assert_eq!(harness.state().view.selection.iter().collect::<Vec<_>>(), vec!["HUN", "SRB"]);
    let romania = country(&harness, "ROU");
    click_at(&mut harness, romania, egui::Modifiers::NONE);
    assert!(harness.state().view.selection.is_empty());
}

#[test]
fn hovering_a_country_outside_the_scenario_says_so() {
    let mut harness = map_harness();
    let romania = country(&harness, "ROU");
    harness.hover_at(romania);
    harness.run_steps(60); // Tooltips wait for the pointer to rest.
    harness.get_by_label("Romania");
    harness.get_by_label("Not an actor in this scenario");
}

#[test]
fn russian_gas_for_serbia_runs_through_turkey_then_bulgaria() {
    let mut harness = map_harness();
    harness.state_mut().view.year = Some(2023);
    harness.run_steps(3);
    let map = &harness.state().views.map;
    let scene = map.scene().expect("a scene");
    let paths = map.edge_paths_on_screen();
    let edge = scene
        .edges
        .iter()
        .position(|edge| {
            matches!(&edge.meaning, EdgeMeaning::Energy { via, .. } if via == &["TUR", "BGR"])
                && scene.nodes[edge.from].id == "RUS"
                && scene.nodes[edge.to].id == "SRB"
        })
        .expect("Russian gas to Serbia through Turkey and Bulgaria in 2023");
    let path = paths[edge].as_ref().expect("the route is drawn");
    // The countries the drawn line passes over, each once, in order.
    let mut passed: Vec<&str> = Vec::new();
    for &point in path {
        if let Some(id) = map.country_at_screen(point)
            && passed.last() != Some(&id)
        {
            passed.push(id);
        }
    }
    let order: Vec<usize> = ["TUR", "BGR", "SRB"]
        .iter()
        .map(|id| {
            passed.iter().position(|passed| passed == id).unwrap_or_else(|| panic!("{id} not passed: {passed:?}"))
        })
        .collect();
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "out of order: {passed:?}");
    // It starts on Russia's border nearest Turkey (on the outline itself, so in Russia or just off it).
    let start = map.country_at_screen(path[0]);
    assert!(start.is_none() || start == Some("RUS"), "the route starts in {start:?}");
}

#[test]
fn actors_with_no_place_are_listed_at_the_side_and_select_on_click() {
    let mut harness = map_harness();
    harness.get_by_label("Not on the map");
    // The Actors panel lists him too: the strip's entry is the one right of it.
    let entries = harness.get_all_by_label("Aleksandar Vučić").collect::<Vec<_>>();
    let strip_entry = entries.iter().max_by(|a, b| a.rect().left().total_cmp(&b.rect().left())).unwrap();
    strip_entry.click();
    harness.run_steps(3);
    assert_eq!(harness.state().view.selection.iter().collect::<Vec<_>>(), vec!["vucic"]);
}

#[test]
fn double_click_zooms_to_a_country_and_f_fits_the_scenario_again() {
    let mut harness = map_harness();
    let fitted = harness.state().views.map.zoom();
    let serbia = country(&harness, "SRB");
    harness.hover_at(serbia);
    harness.run_steps(1);
    // Each event is a step of a quarter second in the harness, too slow for a double-click: the four events
    // go in one step, as a person's double-click arrives between two frames.
    for pressed in [true, false, true, false] {
        let event = egui::Event::PointerButton {
            pos: serbia,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        harness.input_mut().events.push(event);
    }
    // The flight takes under a second.
    harness.run_steps(8);
    let zoomed = harness.state().views.map.zoom();
    assert!(zoomed > fitted * 2.0, "double-click on Serbia: zoom {fitted} → {zoomed}");
    let centre = harness.state().views.map.country_on_screen("SRB").unwrap();
    assert_eq!(harness.state().views.map.country_at_screen(centre), Some("SRB"));
    harness.key_press(egui::Key::F);
    harness.run_steps(3);
    assert!((harness.state().views.map.zoom() - fitted).abs() < fitted * 0.01);
}

#[test]
fn a_story_step_with_view_map_shows_the_map() {
    let mut harness = common::bundled_harness();
    let step =
        harness.state().document.scenario.story.iter().position(|step| step.view == geodep::model::ViewKind::Map);
    let step = step.expect("the bundled story has a map step");
    harness.state_mut().story_position = step;
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F5);
    harness.run_steps(4);
    assert_eq!(harness.state().view.central, CentralView::Map);
    assert!(harness.state().views.map.country_on_screen("BGR").is_some());
}

#[test]
fn colouring_by_dependence_on_russian_gas_shows_its_legend_and_each_countrys_share() {
    let mut harness = map_harness();
    harness.state_mut().view.year = Some(2023);
    harness.run_steps(3);
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Colour").click();
    harness.run_steps(2);
    harness.get_by_label("Dependence on Russia for gas").click();
    harness.run_steps(3);
    harness.get_by_label("Dependence on Russia for gas, 2023");
    harness.get_by_label("No data");
    harness.get_by_label("Russia: the supplier");
    let scenario = harness.state().document.scenario.clone();
    let measure = geodep::scene::choropleth::Measure::Dependence {
        supplier: "RUS".to_owned(),
        commodity: geodep::model::Commodity::Gas,
    };
    let expected = geodep::scene::choropleth::build(&scenario, 2023, &measure).describe("SRB");
    assert!(expected.starts_with("62% (energy["), "Serbia's share of Russian gas, with its record: {expected}");
    let serbia = country(&harness, "SRB");
    harness.hover_at(serbia);
    harness.run_steps(60); // Tooltips wait for the pointer to rest.
    harness.get_by_label(&format!("Serbia: {expected}"));
}

#[test]
fn a_shock_laid_over_the_views_colours_the_map_by_what_each_country_loses() {
    let mut harness = map_harness();
    let disruption = geodep::analysis::shock::Disruption::CloseTransit { actor: "BGR".to_owned() };
    harness.state_mut().view.overlay = Some(geodep::app::GraphOverlay::Shock(disruption));
    harness.state_mut().view.year = Some(2023);
    harness.run_steps(3);
    harness.get_by_label("Supply lost if Bulgaria closes to transit, 2023");
    harness.get_by_label("Clear overlay").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Supply lost if Bulgaria closes to transit, 2023").is_none());
}

#[test]
fn dragging_pans_the_map_with_the_pointer() {
    let mut harness = map_harness();
    let before = country(&harness, "SRB");
    common::drag_by(&mut harness, egui::pos2(700.0, 600.0), egui::vec2(50.0, 30.0), 5);
    let after = country(&harness, "SRB");
    assert!((after - before - egui::vec2(50.0, 30.0)).length() < 1.0, "Serbia moved from {before:?} to {after:?}");
}

/// A scenario no checker would pass: places off the globe and not numbers, a route of 20,000 waypoints, a flow
/// through unknown and placeless actors, an empty id. The map draws what it can and never panics.
fn hostile_scenario() -> geodep::model::Scenario {
    use geodep::model::*;
    let located = |id: &str, lat: f64, lon: f64| {
        let mut actor = Actor::new(id, id, ActorKind::Company);
        actor.location = Some(GeoPoint { lat, lon });
        actor
    };
    let actors = vec![
        Actor::new("SRB", "Serbia", ActorKind::State),
        Actor::new("RUS", "Russia", ActorKind::State),
        Actor::new("", "No id", ActorKind::State),
        Actor::new("EU", "European Union", ActorKind::Bloc),
        located("nowhere", f64::NAN, f64::NAN),
        located("far", 1e30, -1e30),
        located("pole", 90.0, 180.0),
    ];
    let waypoints =
        (0..20_000).map(|index| GeoPoint { lat: (index % 180) as f64 - 90.0, lon: f64::from(index) }).collect();
    let route = Route { name: "Long".into(), waypoints, note: None, sources: vec![] };
    let flow = |supplier: &str, consumer: &str, via: &[&str], route: Option<&str>| EnergyFlow {
        supplier: supplier.into(),
        consumer: consumer.into(),
        commodity: Commodity::Gas,
        share: f64::NAN,
        basis: ShareBasis::Consumption,
        volume: None,
        via: via.iter().map(|id| id.to_string()).collect(),
        route: route.map(str::to_owned),
        year: None,
        from: None,
        until: None,
        certainty: Certainty::Stated,
        note: None,
        sources: vec![],
    };
    let energy = vec![
        flow("RUS", "SRB", &["GHOST", "EU", "nowhere"], None),
        flow("far", "nowhere", &[], None),
        flow("RUS", "pole", &[], Some(" long ")),
    ];
    Scenario { title: "Hostile".into(), actors, energy, routes: vec![route], ..Scenario::default() }
}

#[test]
fn a_hostile_scenario_is_drawn_without_a_panic_and_still_answers_the_pointer() {
    use geodep::app::{Action, Document, ViewState};
    type State = (Document, ViewState, Vec<Action>, geodep::ui::map::MapView);
    let document = Document::unsaved(hostile_scenario(), "hostile");
    let view = ViewState::for_scenario(&document.scenario);
    let mut harness = Harness::builder().with_size([1200.0, 800.0]).build_ui_state(
        |ui, state: &mut State| {
            let (document, view, actions, map) = state;
            map.ui(ui, document, view, actions);
        },
        (document, view, Vec::new(), geodep::ui::map::MapView::default()),
    );
    harness.run_steps(3);
    let serbia = harness.state().3.country_on_screen("SRB").expect("Serbia is on the map");
    assert!(serbia.x.is_finite() && serbia.y.is_finite(), "{serbia:?}");
    click_at_map(&mut harness, serbia);
    assert!(harness.state().2.iter().any(|action| matches!(action, Action::Select { id, .. } if id == "SRB")));
    harness.key_press(egui::Key::F);
    harness.run_steps(3);
    harness.get_by_label("Not on the map");
}

fn click_at_map<State>(harness: &mut Harness<'_, State>, position: egui::Pos2) {
    harness.hover_at(position);
    harness.run_steps(1);
    for pressed in [true, false] {
        let button = egui::PointerButton::Primary;
        let modifiers = egui::Modifiers::NONE;
        harness.event(egui::Event::PointerButton { pos: position, button, pressed, modifiers });
        harness.run_steps(1);
    }
}

#[test]
fn who_voted_like_russia_on_the_annexations_takes_three_clicks_on_the_world_map() {
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(|_| {
        let mut app = GeoDepApp::new(geodep::app::Settings::default(), geodep::app::Startup::StartScreen);
        app.disable_native_dialogs();
        app
    });
    harness.run_steps(8);
    harness.get_by_label("The world and Russia's war on Ukraine, 2022–2023").click();
    harness.run_steps(4);
    // One: the Map tab. Two: Colour. Three: the annexations vote.
    harness.get_by_label("Map").click();
    harness.run_steps(4);
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Colour").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Ballots on ES-11/4").click();
    harness.run_steps(4);
    // The legend's title names the vote; its categories are the ballots.
    harness.get_by_label_contains("Ballots on ES-11/4 (UNGA: Russia's annexations");
    harness.get_by_label("Did not vote");
    let belarus = country(&harness, "BLR");
    harness.hover_at(belarus);
    harness.run_steps(60); // Tooltips wait for the pointer to rest.
    harness.get_by_label("Belarus: No");
}
