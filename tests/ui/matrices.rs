//! The Matrices tab on the world scenario (195 states, six votes) through egui_kittest: the overview of the whole
//! matrix beside the grid, moving the grid by clicking and dragging in it, and ordering rows by bloc or by
//! similarity.

use crate::common;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use geodep::app::{Action, GeoDepApp, Settings, Startup};

use common::click_at;

/// The world scenario open in Matrices → Votes.
fn world_votes() -> Harness<'static, GeoDepApp> {
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(|creation| {
        let mut app = GeoDepApp::new(Settings::default(), Startup::Untitled);
        app.disable_native_dialogs();
        app.apply(&creation.egui_ctx, Action::OpenBundled("world-2022-2023.ron"));
        app
    });
    harness.run_steps(4);
    assert_eq!(harness.state().document.scenario.votes.len(), 6, "the world scenario is open");
    harness.get_by_label("Matrices").click();
    harness.run_steps(3);
    harness.get_by_label("Votes").click();
    harness.run_steps(3);
    harness
}

/// The overview's accessible description and where it is on screen.
fn overview(harness: &Harness<'_, GeoDepApp>) -> (String, egui::Rect) {
    let node = harness.get_by_label_contains("Whole matrix:");
    (node.accesskit_node().label().unwrap_or_default(), node.rect())
}

/// The first and last row (counting from one) the overview says the grid shows.
fn rows_in_view(description: &str) -> (usize, usize) {
    let rows = description.split("shows rows ").nth(1).unwrap_or_else(|| panic!("no rows in {description:?}"));
    let span = rows.split(',').next().unwrap();
    let (first, last) = span.split_once('–').unwrap_or_else(|| panic!("no span in {description:?}"));
    (first.parse().unwrap(), last.parse().unwrap())
}

/// What the grid tells a screen reader about `row`'s cell on the first vote.
fn first_vote_cell(harness: &Harness<'_, GeoDepApp>, row: usize) -> String {
    let app = harness.state();
    let scenario = &app.document.scenario;
    let id = &app.views.matrices.shown_rows()[row];
    let vote = scenario.votes.iter().find(|vote| vote.id == "ES-11/1").expect("ES-11/1");
    format!("{} on ES-11/1: {}", scenario.actor_name(id), vote.ballots[id].label())
}

/// Presses the primary button at `from`, moves to `to` in steps, and lets go there.
fn drag(harness: &mut Harness<'_, GeoDepApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run_steps(1);
    harness.drag_at(from);
    harness.run_steps(1);
    for step in 1..=4 {
        harness.hover_at(from.lerp(to, step as f32 / 4.0));
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(3);
}

#[test]
fn the_overview_marks_the_rows_in_view_and_a_click_or_drag_there_moves_the_grid() {
    let mut harness = world_votes();
    let rows = harness.state().views.matrices.shown_rows().len();
    assert!(rows > 190, "every UN member with a ballot: {rows}");
    let (description, picture) = overview(&harness);
    assert!(description.starts_with(&format!("Whole matrix: {rows} rows × 6 columns; the grid shows rows 1–")));
    let (first, last) = rows_in_view(&description);
    assert_eq!(first, 1);
    assert!((10..40).contains(&last), "{description}");
    let target_row = rows * 3 / 4;
    let far_cell = first_vote_cell(&harness, target_row);
    assert!(harness.query_by_label(&far_cell).is_none(), "{far_cell} is out of view at first");

    // A click three quarters down the picture centres the grid on the row three quarters down the matrix.
    let three_quarters = egui::pos2(picture.center().x, picture.top() + picture.height() * 0.75);
    click_at(&mut harness, three_quarters, egui::Modifiers::NONE);
    harness.run_steps(2);
    let (description, _) = overview(&harness);
    let (first, last) = rows_in_view(&description);
    assert!(first < target_row && target_row < last, "row {target_row} is in view: {description}");
    assert!(first > rows / 2, "{description}");
    harness.get_by_label(&far_cell);
    assert!(harness.query_by_label(&first_vote_cell(&harness, 0)).is_none(), "the first row is out of view");

    // Dragging the window up to the top brings the first rows back.
    let window_middle =
        egui::pos2(picture.center().x, picture.top() + picture.height() * (first + last) as f32 / 2.0 / rows as f32);
    drag(&mut harness, window_middle, picture.center_top());
    let (description, _) = overview(&harness);
    assert_eq!(rows_in_view(&description).0, 1, "{description}");
    harness.get_by_label(&first_vote_cell(&harness, 0));
    assert!(harness.query_by_label(&far_cell).is_none());
}

#[test]
fn by_similarity_those_who_voted_alike_sit_together_and_by_bloc_they_do_not() {
    let mut harness = world_votes();
    assert_eq!(harness.state().views.matrices.order, None, "not chosen yet: by similarity for 204 actors");
    let all_yes: Vec<String> = {
        let scenario = &harness.state().document.scenario;
        let mut voters: Vec<String> = scenario.votes[0].ballots.keys().cloned().collect();
        voters.retain(|id| scenario.votes.iter().all(|vote| vote.ballots.get(id) == Some(&geodep::model::Ballot::Yes)));
        voters
    };
    assert!(all_yes.len() > 50, "most members voted yes six times: {}", all_yes.len());
    // The places of those who voted yes six times, as a span of rows and a count.
    let places = |harness: &Harness<'_, GeoDepApp>| {
        let rows = harness.state().views.matrices.shown_rows();
        let places: Vec<usize> = (0..rows.len()).filter(|&row| all_yes.contains(&rows[row])).collect();
        (places.last().unwrap() - places.first().unwrap() + 1, places.len())
    };
    let (span, count) = places(&harness);
    assert_eq!(span, count, "one run of rows by similarity");
    let by_similarity = harness.state().views.matrices.shown_rows().to_vec();
    let top_cell = first_vote_cell(&harness, 0);
    harness.get_by_label(&top_cell);

    harness.get_by_label("By bloc").click();
    harness.run_steps(3);
    let by_bloc = harness.state().views.matrices.shown_rows().to_vec();
    assert_eq!(by_bloc, geodep::charts::matrices::votes_matrix(&harness.state().document.scenario).rows);
    let (span, count) = places(&harness);
    assert!(span > count + 20, "by bloc the yes voters are spread over {span} rows");
    assert!(harness.query_by_label(&top_cell).is_none(), "another actor heads the grid");
    harness.get_by_label(&first_vote_cell(&harness, 0));

    harness.get_by_label("By similarity").click();
    harness.run_steps(3);
    assert_eq!(harness.state().views.matrices.shown_rows(), by_similarity);
}

#[test]
fn a_small_matrix_has_no_overview_and_keeps_its_bloc_order() {
    let mut harness = common::bundled_harness();
    harness.get_by_label("Matrices").click();
    harness.run_steps(3);
    harness.get_by_label("Votes").click();
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Whole matrix").is_none(), "six rows take in at a glance");
    let order = harness.state().views.matrices.shown_rows().to_vec();
    assert_eq!(order, geodep::charts::matrices::votes_matrix(&harness.state().document.scenario).rows);
}
