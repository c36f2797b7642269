//! The Inspector panel driven through egui_kittest on its own, by the labels a person sees.

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::model::Scenario;
use geodep::state::{Action, Document, ViewState};

type State = (Document, ViewState, Vec<Action>);

const SCENARIO: &str = r#"Scenario(
    format: 1,
    title: "Inspector test",
    actors: [
        Actor(id: "SRB", name: "Serbia", local_name: "Србија", kind: State, groups: ["Western Balkans"], note: "Candidate for EU membership."),
        Actor(id: "RUS", name: "Russia", local_name: "Россия", kind: State),
        Actor(id: "TUR", name: "Turkey", kind: State),
        Actor(id: "BGR", name: "Bulgaria", kind: State),
        Actor(id: "EU", name: "European Union", kind: Bloc, members: ["BGR"]),
    ],
    energy: [
        EnergyFlow(supplier: "RUS", consumer: "SRB", commodity: Gas, share: 0.85, volume: (2.2, Bcm), via: ["TUR", "BGR"],
            route: "TurkStream / Balkan Stream", year: 2022, certainty: Estimate, note: "Read from two balances.", sources: ["s1", "s3"]),
        EnergyFlow(supplier: "SRB", consumer: "SRB", commodity: Gas, share: 0.15, year: 2022),
    ],
    sanctions: [
        SanctionStance(by: "EU", target: "RUS", stance: Imposes, from: "2022-02-23", sources: ["s2"]),
        SanctionStance(by: "SRB", target: "RUS", stance: Refuses, from: "2022-02-24", sources: ["s2"]),
    ],
    ties: [
        Tie(a: "RUS", b: "SRB", kind: Support, strength: 0.8, topic: "Kosovo", directed: true, year: 2023, sources: ["s2"]),
    ],
    votes: [
        Vote(id: "ES-11/1", date: "2022-03-02", title: "Aggression against Ukraine", ballots: {"SRB": Yes, "RUS": No}, sources: ["s3"]),
    ],
    events: [
        Event(date: "2022-10-01", title: "Gas contract extended", actors: ["SRB", "RUS"], sources: ["s1"]),
    ],
    sources: [
        Source(id: "s1", title: "Energy balance of Serbia", publisher: "Statistical Office", date: "2023", reliability: A),
        Source(id: "s2", title: "Foreign policy review"),
        Source(id: "s3", title: "UN General Assembly record", url: "https://example.org/es-11-1", reliability: D),
    ],
)
"#;

fn scenario() -> Scenario {
    let report = geodep::io::load_text(SCENARIO);
    assert!(!report.has_errors(), "test scenario: {:?}", report.diagnostics);
    report.scenario.expect("test scenario loads")
}

fn harness(selection: &[&str], year: Option<i32>) -> Harness<'static, State> {
    harness_sized(selection, year, [900.0, 1400.0])
}

fn harness_sized(selection: &[&str], year: Option<i32>, size: [f32; 2]) -> Harness<'static, State> {
    let view =
        ViewState { selection: selection.iter().map(|id| id.to_string()).collect(), year, ..ViewState::default() };
    let mut harness = Harness::builder().with_size(size).build_ui_state(
        |ui, state: &mut State| {
            let (document, view, actions) = state;
            geodep::ui::inspector::ui(ui, &document.scenario, document.derived(), view, actions);
        },
        (Document::unsaved(scenario(), "test"), view, Vec::new()),
    );
    harness.run();
    harness
}

#[test]
fn without_selection_the_hint_is_shown() {
    let harness = harness(&[], Some(2022));
    harness.get_by_label("Inspector");
    harness.get_by_label(geodep::ui::inspector::HINT);
    assert!(harness.query_by_label_contains("Shift-click adds to the selection").is_some());
    assert!(harness.query_by_label("Clear selection").is_none(), "nothing to clear");
    assert!(harness.query_by_label("Serbia").is_none());
}

#[test]
fn the_selected_actor_is_described() {
    let harness = harness(&["SRB"], Some(2022));
    harness.get_by_label("Serbia");
    harness.get_by_label("Србија");
    harness.get_by_label("State · id SRB");
    harness.get_by_label("Candidate for EU membership.");
    harness.get_by_label("Groups: Western Balkans");
    assert!(harness.query_by_label("Россия").is_none(), "only the selection's local names are shown");
}

#[test]
fn energy_records_show_share_volume_route_and_certainty() {
    let harness = harness(&["SRB"], Some(2022));
    harness.get_by_label("Energy (2)");
    harness.get_by_label_contains("to Serbia · Gas · 85% of consumption · 2.2 bcm · 2022 · via");
    harness.get_by_role_and_label(Role::Link, "Turkey");
    harness.get_by_role_and_label(Role::Link, "Bulgaria");
    harness.get_by_label_contains("· TurkStream / Balkan Stream");
    harness.get_by_label_contains("(estimate)");
    harness.get_by_label("Serbia · Gas · own production · 15% of consumption · 2022");
}

#[test]
fn every_kind_of_record_is_listed_under_its_heading() {
    let harness = harness(&["SRB"], None);
    harness.get_by_label("Sanctions (1)");
    harness.get_by_label("Serbia refuses to sanction ");
    harness.get_by_label(" · from 2022-02-24");
    harness.get_by_label("Ties (1)");
    harness.get_by_label(" to Serbia · Support · +0.80 · Kosovo · 2023");
    harness.get_by_label("Votes (1)");
    harness.get_by_label("ES-11/1 · 2022-03-02 · Yes · Aggression against Ukraine");
    harness.get_by_label("Events (1)");
    harness.get_by_label("2022-10-01 · Gas contract extended · with ");
    assert!(harness.query_by_label_contains("Other years").is_none(), "no year chosen: every record is current");
}

#[test]
fn sanctions_read_as_a_sentence() {
    let harness = harness(&["RUS"], Some(2022));
    harness.get_by_label("Sanctions (2)");
    harness.get_by_role_and_label(Role::Link, "European Union");
    harness.get_by_label(" imposes on Russia · from 2022-02-23");
}

#[test]
fn records_of_other_years_are_still_listed() {
    let harness = harness(&["SRB"], Some(2022));
    harness.get_by_label("Ties (1)");
    harness.get_by_label("Other years (1)");
    harness.get_by_label(" to Serbia · Support · +0.80 · Kosovo · 2023");
}

#[test]
fn sources_are_links_and_missing_sources_are_said() {
    let harness = harness(&["SRB"], Some(2022));
    assert_eq!(harness.query_all_by_role_and_label(Role::Link, "[s3]").count(), 2, "the flow and the vote cite s3");
    assert_eq!(harness.query_all_by_label("[s1]").count(), 2, "the flow and the event cite s1");
    assert!(harness.query_by_role_and_label(Role::Link, "[s1]").is_none(), "s1 has no url");
    assert_eq!(harness.query_all_by_label("no source").count(), 2, "Serbia itself and its own production cite none");
    // Each source's grade beside it: s1 is graded A, s3 D, and s2 not at all.
    assert_eq!(harness.query_all_by_label(" A").count(), 2, "s1, cited by the flow and the event");
    assert_eq!(harness.query_all_by_label(" D").count(), 2, "s3, cited by the flow and the vote");
    assert!(harness.query_all_by_label(" ?").count() >= 1, "s2 is not graded");
}

#[test]
fn transit_actors_see_the_flows_through_them() {
    let harness = harness(&["TUR"], Some(2022));
    harness.get_by_label("Energy (1)");
    harness.get_by_label(" to ");
    harness.get_by_label(" · Gas · 85% of consumption · 2.2 bcm · 2022 · via Turkey, ");
    assert!(harness.query_by_label("No records involve this actor.").is_none());
}

#[test]
fn clicking_a_counterpart_selects_it() {
    let mut harness = harness(&["SRB"], Some(2022));
    let russia = harness.get_all_by_role_and_label(Role::Link, "Russia").next().expect("a link to Russia");
    russia.click();
    harness.run();
    assert_eq!(harness.state().2, vec![Action::Select { id: "RUS".to_owned(), additive: false }]);
}

#[test]
fn clear_selection_asks_to_clear() {
    let mut harness = harness(&["SRB"], Some(2022));
    harness.get_by_label("Clear selection").click();
    harness.run();
    assert_eq!(harness.state().2, vec![Action::ClearSelection]);
}

#[test]
fn blocs_list_members_and_members_list_blocs() {
    let mut harness = harness(&["BGR", "EU"], None);
    harness.get_by_label("Members: ");
    harness.get_by_label("Member of: ");
    harness.get_by_label("Bloc · id EU");
    harness.get_by_label("State · id BGR");
    harness.get_by_role_and_label(Role::Link, "European Union").click();
    harness.run();
    assert_eq!(harness.state().2, vec![Action::Select { id: "EU".to_owned(), additive: false }]);
}

#[test]
fn text_wraps_inside_a_narrow_window() {
    let width = 420.0;
    let harness = harness_sized(&["SRB", "RUS"], Some(2022), [width, 900.0]);
    let labels: Vec<_> = harness.query_all_by_role(Role::Label).chain(harness.query_all_by_role(Role::Link)).collect();
    assert!(labels.len() > 20, "expected many labels, found {}", labels.len());
    for node in labels {
        assert!(node.rect().max.x <= width + 0.5, "{node:?} overflows: {:?}", node.rect());
    }
}
