//! The Analysis tab on the bundled scenario through egui_kittest: each section shows its hand-checkable figures,
//! and shocks and changes can be laid over the graph.

use crate::common;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::analysis::shock::Disruption;
use geodep::app::{CentralView, GeoDepApp, GraphOverlay};

use common::bundled_harness;

fn section(name: &str) -> Harness<'static, GeoDepApp> {
    let mut harness = bundled_harness();
    harness.get_by_label("Analysis").click();
    harness.run_steps(3);
    harness.get_by_label(name).click();
    harness.run_steps(3);
    harness
}

/// The lowest widget on screen with this label.
fn lowest<'a>(harness: &'a Harness<'static, GeoDepApp>, label: &'a str) -> egui_kittest::Node<'a> {
    let nodes = harness.get_all_by_label(label);
    nodes.max_by(|a, b| a.rect().top().total_cmp(&b.rect().top())).unwrap_or_else(|| panic!("no {label:?}"))
}

#[test]
fn dependence_shows_each_consumers_top_supplier_and_concentration() {
    let harness = section("Dependence");
    // Bosnia and Herzegovina: Russia 100%: 100² = 10,000.
    harness.get_by_label("10,000, highly concentrated");
    // Serbia: only Russia's disputed 62% is recorded for 2023, so 62² = 3,844 is a lower bound.
    harness.get_by_label("62% of its gas");
    harness.get_by_label("at least 3,844");
    // Hungary: only Russia's 65% is recorded, so 65² is a lower bound of its concentration, and says so.
    harness.get_by_label("65% of its gas");
    harness.get_by_label("at least 4,225");
    // Each row names the weakest grade its figures rest on: Hungary's share rests on a source graded D.
    harness.get_by_label("Sources");
    harness.get_by_label("D (low)");
}

#[test]
fn closing_bulgaria_shows_who_loses_what_and_lays_it_over_the_graph() {
    let mut harness = section("What if");
    harness.get_by_label("Close a transit country").click();
    harness.run_steps(3);
    harness.get_by_label("What if Bulgaria closes to transit (2023)");
    harness.get_by_label("Bosnia and Herzegovina loses 100% of its gas");
    harness.get_by_label("Serbia loses 62% of its gas").hover();
    harness.run_steps(60); // Tooltips wait for the pointer to rest.
    // The hover names the record lost with its period, certainty and the grade of its best source.
    harness.get_by_label_contains("Serbia loses 62% of its gas\nenergy[3] · 2023 · disputed · sources B");
    // Its bar (the third largest loss) says the same.
    let tooltips = |harness: &Harness<'_, GeoDepApp>| {
        harness.query_all_by_label_contains("Serbia loses 62% of its gas\nenergy[3]").count()
    };
    harness.hover_at(egui::pos2(5.0, 890.0));
    harness.run_steps(60);
    assert_eq!(tooltips(&harness), 0, "away from the list, its tooltip goes");
    let bar = harness.state().views.analysis.shock.loss_bar_on_screen(2).expect("the bars are drawn");
    harness.hover_at(bar);
    harness.run_steps(60);
    assert!(tooltips(&harness) >= 1, "the bar's tooltip");
    harness.get_by_label("Show on the graph").click();
    harness.run_steps(4);
    let app = harness.state();
    assert_eq!(app.view.central, CentralView::Graph);
    assert_eq!(app.view.overlay, Some(GraphOverlay::Shock(Disruption::CloseTransit { actor: "BGR".into() })));
    harness.get_by_label("What if Bulgaria closes to transit (2023)");
    harness.get_by_label("Loses 100% of a commodity");
    harness.get_by_label("Clear overlay").click();
    harness.run_steps(3);
    assert_eq!(harness.state().view.overlay, None);
}

#[test]
fn flags_explain_themselves_and_open_their_records() {
    let mut harness = section("Flags");
    let text = "Serbia refuses sanctions on Russia while getting 62% of its gas from Russia in 2023";
    harness.get_by_label(text).click();
    harness.run_steps(3);
    let app = harness.state();
    assert!(matches!(app.view.highlighted_record, Some(geodep::model::RecordRef::Sanctions(_))));
    assert!(app.view.is_selected("SRB"));
}

#[test]
fn alignment_coalitions_and_network_show_their_figures() {
    let mut harness = section("Alignment");
    // Serbia and Russia both voted four times: yes against no three times, an abstention against no once.
    harness.get_by_label("Serbia: 12% over 4 votes");
    harness.get_by_label("Coalitions").click();
    harness.run_steps(3);
    harness.get_by_label("Refuses (3):");
    harness.get_by_label("European Union: 3 of 3 members take part, and the bloc itself");
    harness.get_by_label("Network").click();
    harness.run_steps(3);
    harness.get_by_label("0.893"); // Serbia, to three significant digits
}

#[test]
fn agreement_with_russia_colours_the_graph() {
    let mut harness = section("Alignment");
    harness.get_by_label("Show on the graph").click();
    harness.run_steps(4);
    assert_eq!(harness.state().view.overlay, Some(GraphOverlay::Agreement { reference: "RUS".into() }));
    harness.get_by_label("Agreement in votes with Russia");
    harness.get_by_label("Never agrees");
}

#[test]
fn changes_between_two_years_can_be_highlighted_on_the_graph() {
    let mut harness = section("Changes");
    harness.get_by_label("Bulgaria's gas from Russia: 77% -> no record");
    harness.get_by_label_contains("means the scenario has no record for that year");
    harness.get_by_label("Show on the graph").click();
    harness.run_steps(4);
    assert_eq!(harness.state().view.overlay, Some(GraphOverlay::Changes { from: 2021, to: 2023 }));
    harness.get_by_label("Changes from 2021 to 2023");
}

#[test]
fn comparing_with_another_file_lists_what_differs() {
    let folder = tempfile::tempdir().unwrap();
    let older = folder.path().join("older.ron");
    // The older version has Serbia and Kosovo's dispute at -0.5 instead of -0.8.
    let text = geodep::library::BUNDLED_SCENARIO.replacen("strength: -0.8,", "strength: -0.5,", 1);
    std::fs::write(&older, text).unwrap();
    let mut harness = section("Changes");
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, geodep::app::Action::CompareWithFile(older.clone()));
    harness.run_steps(3);
    harness.get_by_label(&format!("From {} to the open scenario:", older.display()));
    harness.get_by_label_contains("2023: Dispute tie between Serbia and Kosovo: -0.5 -> -0.8");
    // The file comparison's button is the lower one, below the comparison of years.
    lowest(&harness, "Show on the graph").scroll_to_me();
    harness.run_steps(4);
    lowest(&harness, "Show on the graph").click();
    harness.run_steps(4);
    let Some(GraphOverlay::Highlight { actors, .. }) = &harness.state().view.overlay else { panic!("a highlight") };
    assert_eq!(actors.iter().map(String::as_str).collect::<Vec<_>>(), ["SRB", "XKX"]);
}

#[test]
fn a_large_network_is_worked_out_behind_a_spinner_while_frames_keep_coming() {
    use std::time::{Duration, Instant};
    // 6,000 ties: above the size worked out on the window's own thread.
    let request = geodep::synthetic::Request { states: 1_000, ties: 6_000, energy_flows: None, seed: 1 };
    let scenario = geodep::synthetic::generate(&request).expect("the request can be met");
    let mut harness = egui_kittest::Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |_| {
        let mut app = GeoDepApp::new(geodep::app::Settings::default(), geodep::app::Startup::Untitled);
        app.disable_native_dialogs();
        app.document = geodep::app::Document::unsaved(scenario.clone(), "generated");
        app.view = geodep::app::ViewState::for_scenario(&app.document.scenario);
        app.view.central = CentralView::Analysis;
        app.views.analysis.section = geodep::ui::analysis::Section::Network;
        app
    });
    harness.step();
    harness.get_by_label_contains("Working out degree and betweenness over 6,000 ties");
    let deadline = Instant::now() + Duration::from_secs(300);
    while harness.query_by_label_contains("Working out").is_some() {
        assert!(Instant::now() < deadline, "the network measures never came");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.get_by_label("The network of diplomatic ties");
    harness.get_by_label_contains("Betweenness: how often it lies on the shortest path");
}
