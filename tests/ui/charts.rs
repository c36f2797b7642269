//! The Charts, Matrices and Timeline tabs on the bundled scenario through egui_kittest: what each shows, and that
//! clicking in them selects actors and records and chooses the year everywhere.

use crate::common;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::app::GeoDepApp;
use geodep::model::{Dated, RecordRef};

use common::{bundled_harness, click_at};

/// The bundled scenario with one central tab (and one chart in it) open.
fn open(tab: &str, chart: Option<&str>) -> Harness<'static, GeoDepApp> {
    let mut harness = bundled_harness();
    harness.get_by_label(tab).click();
    harness.run_steps(3);
    if let Some(chart) = chart {
        harness.get_by_label(chart).click();
        harness.run_steps(3);
    }
    harness
}

/// The index of the 2023 gas record from `supplier` to `consumer` (on the consumption basis).
fn gas_record(harness: &Harness<'_, GeoDepApp>, supplier: &str, consumer: &str) -> usize {
    let scenario = &harness.state().document.scenario;
    scenario
        .energy
        .iter()
        .position(|flow| {
            flow.supplier == supplier
                && flow.consumer == consumer
                && flow.commodity == geodep::model::Commodity::Gas
                && flow.basis == geodep::model::ShareBasis::Consumption
                && flow.period().applies_in(2023)
        })
        .unwrap_or_else(|| panic!("no 2023 gas record from {supplier} to {consumer}"))
}

fn selection(harness: &Harness<'_, GeoDepApp>) -> Vec<String> {
    harness.state().view.selection.iter().cloned().collect()
}

#[test]
fn the_supply_mix_shows_the_selected_consumers_suppliers_and_the_unknown_rest() {
    let mut harness = open("Charts", None);
    assert_eq!(harness.state().view.year, Some(2023));
    harness.get_by_label_contains("Nothing selected");
    harness.get_by_label("Serbia · Gas, share of consumption, 2023");
    harness.state_mut().view.select("HUN", false);
    harness.run_steps(3);
    harness.get_by_label("Hungary · Gas, share of consumption, 2023");
    harness.get_by_label_contains("Russia: 65% (5.6 bcm)");
    harness.get_by_label("Other / unknown: 35%");
    assert!(harness.query_by_label_contains("Nothing selected").is_none());
}

#[test]
fn clicking_a_supplier_in_the_supply_mix_picks_its_record_in_the_inspector() {
    let mut harness = open("Charts", None);
    harness.state_mut().view.select("HUN", false);
    harness.run_steps(3);
    harness.get_by_label_contains("Russia: 65%").click();
    harness.run_steps(3);
    let record = gas_record(&harness, "RUS", "HUN");
    assert_eq!(harness.state().view.highlighted_record, Some(RecordRef::Energy(record)));
    assert_eq!(selection(&harness), ["HUN"]);
    harness.get_by_label("Picked record");
}

#[test]
fn the_exposure_ranking_orders_consumers_and_counts_those_over_the_threshold() {
    let mut harness = open("Charts", Some("Exposure"));
    harness.get_by_label("3 of 4 consumers got at least 50% of their gas from Russia in 2023.");
    harness.get_by_label("1. Bosnia and Herzegovina: 100%");
    harness.get_by_label("2. Hungary: 65%");
    harness.get_by_label("3. Serbia: 62%");
    harness.get_by_label("4. Turkey: 42% of imports");
    harness.state_mut().views.charts.threshold = Some(0.9);
    harness.run_steps(3);
    harness.get_by_label("1 of 4 consumers got at least 90% of their gas from Russia in 2023.");
}

#[test]
fn clicking_an_exposure_bar_selects_that_consumer() {
    let mut harness = open("Charts", Some("Exposure"));
    let hungary_bar = harness.state().views.charts.exposure_bar_on_screen(1).expect("the exposure chart is drawn");
    click_at(&mut harness, hungary_bar, egui::Modifiers::NONE);
    assert_eq!(selection(&harness), ["HUN"]);
    let serbia_bar = harness.state().views.charts.exposure_bar_on_screen(2).unwrap();
    click_at(&mut harness, serbia_bar, egui::Modifiers::SHIFT);
    assert_eq!(selection(&harness), ["HUN", "SRB"]);
}

#[test]
fn shares_over_time_list_every_year_and_follow_the_selection() {
    let mut harness = open("Charts", Some("Over time"));
    harness.get_by_label("Share of gas from Russia, by year");
    harness.get_by_label("Bulgaria: 77% in 2021");
    harness.get_by_label_contains("Serbia: 82% in 2021, 62% in 2022, 62% in 2023");
    // Turkey's records are shares of its imports, and say so.
    harness.get_by_label_contains("Turkey: 42% of imports in 2023");
    harness.get_by_label_contains("How to read this: each line is one consumer's share of its gas from Russia");
    harness.state_mut().view.select("BGR", false);
    harness.run_steps(3);
    harness.get_by_label_contains("Showing the selected consumers");
    assert!(harness.query_by_label_contains("Serbia: 82%").is_none(), "only Bulgaria is selected");
}

#[test]
fn the_flow_diagram_lists_each_flow_once_and_a_band_click_picks_its_record() {
    let mut harness = open("Charts", Some("Flows"));
    harness.get_by_label("Gas flows in 2023: suppliers, routes, consumers");
    harness.get_by_label("Russia to Bosnia and Herzegovina, TurkStream / Balkan Stream: 100%");
    harness.get_by_label("Russia to Serbia, TurkStream / Balkan Stream: 62%");
    assert!(
        harness.query_by_label("Russia to Serbia, TurkStream / Balkan Stream: 100%").is_none(),
        "Serbia's share of imports is left out where its share of consumption is known"
    );
    let record = gas_record(&harness, "RUS", "BIH");
    let band = harness.state().views.charts.flow_band_on_screen(record).expect("the band is drawn");
    harness.hover_at(band);
    harness.run_steps(60); // Tooltips wait for the pointer to rest.
    harness.get_by_label("Russia to Bosnia and Herzegovina · Gas");
    harness.get_by_label_contains("100% of consumption of Bosnia and Herzegovina");
    click_at(&mut harness, band, egui::Modifiers::NONE);
    assert_eq!(harness.state().view.highlighted_record, Some(RecordRef::Energy(record)));
    assert_eq!(selection(&harness), ["BIH"]);
}

#[test]
fn the_sanctions_matrix_shows_each_stance_and_the_coalition_against_each_target() {
    let mut harness = open("Matrices", None);
    harness.get_by_label("Serbia on sanctions against Russia: refuses");
    harness.get_by_label("European Union on sanctions against Russia: imposes");
    harness.get_by_label_contains("Refuses (3):");
    harness.get_by_label("Serbia on sanctions against Russia: refuses").click();
    harness.run_steps(3);
    assert_eq!(selection(&harness), ["SRB"]);
    assert!(matches!(harness.state().view.highlighted_record, Some(RecordRef::Sanctions(_))));
}

#[test]
fn the_ties_matrix_shows_signed_strengths_both_ways_for_mutual_ties() {
    let harness = open("Matrices", Some("Diplomatic ties"));
    harness.get_by_label("Diplomatic ties in 2023: strength from -1 (hostile) to +1 (allied)");
    // The bundled scenario records a mutual dispute of -0.8 between Serbia and Kosovo.
    harness.get_by_label("Serbia to Kosovo: -0.8");
    harness.get_by_label("Kosovo to Serbia: -0.8");
}

#[test]
fn the_votes_matrix_shows_each_ballot_and_who_voted_how_on_each_vote() {
    let mut harness = open("Matrices", Some("Votes"));
    // The bundled file records six ballots on ES-11/1: Serbia, Bosnia, Hungary and Turkey yes, Russia no,
    // China abstaining.
    harness.get_by_label("Serbia on ES-11/1: Yes");
    harness.get_by_label("Russia on ES-11/1: No");
    harness.get_by_label("China on ES-11/1: Abstain");
    harness.get_by_label("Serbia on ES-11/5: Abstain");
    harness.get_by_label("Abstain (1): China");
    // Rows, and so names, come by bloc: the EU (Hungary), NATO (Turkey), then the rest by name.
    harness.get_by_label("Yes (4): Hungary, Turkey, Bosnia and Herzegovina, Serbia");
    harness.get_by_label("Serbia on ES-11/5: Abstain").click();
    harness.run_steps(3);
    assert_eq!(selection(&harness), ["SRB"]);
    let scenario = &harness.state().document.scenario;
    let reparations = scenario.votes.iter().position(|vote| vote.id == "ES-11/5").expect("ES-11/5");
    assert_eq!(harness.state().view.highlighted_record, Some(RecordRef::Vote(reparations)));
}

#[test]
fn clicking_the_timeline_chooses_the_year_everywhere() {
    let mut harness = open("Timeline", None);
    harness.get_by_label_contains("2023: ");
    harness.get_by_label("Serbian parliamentary and local elections");
    let mid_2022 = harness.state().views.timeline.screen_position(2022.5).expect("the timeline is drawn");
    click_at(&mut harness, mid_2022, egui::Modifiers::NONE);
    assert_eq!(harness.state().view.year, Some(2022));
    harness.get_by_label_contains("2022: ");
    assert!(harness.query_by_label("Serbian parliamentary and local elections").is_none());
    harness.get_by_label("Next year").click();
    harness.run_steps(3);
    assert_eq!(harness.state().view.year, Some(2023));
}

#[test]
fn ctrl_and_a_number_switch_the_central_view() {
    let mut harness = bundled_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    harness.run_steps(3);
    assert_eq!(harness.state().view.central, geodep::app::CentralView::Matrices);
    harness.get_by_label("Serbia on sanctions against Russia: refuses");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num3);
    harness.run_steps(3);
    assert_eq!(harness.state().view.central, geodep::app::CentralView::Charts);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run_steps(3);
    assert_eq!(harness.state().view.central, geodep::app::CentralView::Graph);
}

#[test]
fn the_alignment_map_places_voters_and_a_click_selects_one() {
    let mut harness = bundled_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num3);
    harness.run_steps(3);
    harness.get_by_label("Alignment map").click();
    harness.run_steps(4);
    harness.get_by_label_contains("voters placed by how alike they vote");
    let russia = harness.state().views.charts.alignment_point_on_screen("RUS").expect("Russia voted");
    let china = harness.state().views.charts.alignment_point_on_screen("CHN").expect("China voted");
    let serbia = harness.state().views.charts.alignment_point_on_screen("SRB").expect("Serbia voted");
    // Russia and China agree in 75% of their shared votes (no with abstain, no with no), Russia and Serbia in
    // 12.5%: China sits nearer.
    assert!(russia.distance(china) < russia.distance(serbia), "{russia:?} {china:?} {serbia:?}");
    click_at(&mut harness, russia, egui::Modifiers::NONE);
    assert_eq!(selection(&harness), ["RUS"]);
}

#[test]
fn every_chart_matrix_and_the_timeline_says_how_to_read_it() {
    let mut harness = open("Charts", None);
    for chart in ["Supply mix", "Exposure", "Over time", "Flows", "Alignment map"] {
        harness.get_by_label(chart).click();
        harness.run_steps(3);
        assert!(harness.query_by_label_contains("How to read this: ").is_some(), "the {chart} chart does not say");
    }
    harness.get_by_label("Matrices").click();
    harness.run_steps(3);
    for matrix in ["Sanctions", "Diplomatic ties", "Votes"] {
        harness.get_by_role_and_label(egui::accesskit::Role::Button, matrix).click();
        harness.run_steps(3);
        assert!(harness.query_by_label_contains("How to read this: ").is_some(), "the {matrix} matrix does not say");
    }
    harness.get_by_label("Timeline").click();
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("How to read this: ").is_some(), "the timeline does not say");
}
