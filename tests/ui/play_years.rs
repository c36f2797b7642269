//! Playing the years through egui_kittest: Play beside the year steps it on over (simulated) time and turns into
//! Pause, P toggles it, Pause and choosing a year by hand stop it, it stops at the last year, and a story step with
//! a span of years plays it when presented. Each kittest step advances egui's clock by 0.25 s.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::app::{Action, GeoDepApp, Settings, Startup};

/// Serbia 2023 on the graph, at the third-last of its years (the years with records).
fn open_serbia() -> Harness<'static, GeoDepApp> {
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(|_| {
        let mut app = GeoDepApp::new(Settings::default(), Startup::Untitled);
        app.disable_native_dialogs();
        let ctx = egui::Context::default();
        app.apply(&ctx, Action::OpenBundled("serbia-2023.ron"));
        let years = &app.document.derived().years;
        app.apply(&ctx, Action::SetYear(Some(years[years.len() - 3])));
        let document = app.document.clone();
        app.views.graph.settle_layout(&document);
        app
    });
    harness.run_steps(2);
    harness
}

/// The scenario's last three years, and its first.
fn years(harness: &Harness<'_, GeoDepApp>) -> ([i32; 3], i32) {
    let years = &harness.state().document.derived().years;
    let count = years.len();
    assert!(count >= 4, "Serbia 2023 has records in several years: {years:?}");
    ([years[count - 3], years[count - 2], years[count - 1]], years[0])
}

fn year(harness: &Harness<'_, GeoDepApp>) -> Option<i32> {
    harness.state().view.year
}

fn playing(harness: &Harness<'_, GeoDepApp>) -> bool {
    harness.state().playback.playing
}

#[test]
fn play_steps_through_the_years_each_for_a_second_then_stops_at_the_last() {
    let mut harness = open_serbia();
    let ([first, second, last], _) = years(&harness);
    harness.get_by_label("Play").click();
    harness.run_steps(1);
    assert!(playing(&harness));
    assert_eq!(year(&harness), Some(first), "the year shown is played from");
    // One second a year by default: four steps of 0.25 s.
    harness.run_steps(4);
    assert_eq!(year(&harness), Some(second));
    harness.get_by_label("Pause");
    harness.run_steps(4);
    assert_eq!(year(&harness), Some(last));
    assert!(!playing(&harness), "the last year ends the play");
    harness.run_steps(12);
    assert_eq!(year(&harness), Some(last), "it stays on the last year");
    harness.get_by_label("Play");
}

#[test]
fn pause_stops_on_the_year_shown() {
    let mut harness = open_serbia();
    let ([_, second, _], _) = years(&harness);
    harness.get_by_label("Play").click();
    harness.run_steps(5);
    assert_eq!(year(&harness), Some(second));
    harness.get_by_label("Pause").click();
    harness.run_steps(12);
    assert!(!playing(&harness));
    assert_eq!(year(&harness), Some(second), "no year passes while paused");
}

#[test]
fn p_plays_and_pauses() {
    let mut harness = open_serbia();
    let ([first, _, _], _) = years(&harness);
    harness.key_press(egui::Key::P);
    harness.run_steps(1);
    assert!(playing(&harness), "P starts playing");
    harness.key_press(egui::Key::P);
    harness.run_steps(8);
    assert!(!playing(&harness), "P again pauses");
    assert_eq!(year(&harness), Some(first));
}

#[test]
fn playing_from_the_last_year_starts_again_at_the_first() {
    let mut harness = open_serbia();
    let ([_, _, last], earliest) = years(&harness);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::SetYear(Some(last)));
    harness.get_by_label("Play").click();
    harness.run_steps(1);
    assert_eq!(year(&harness), Some(earliest), "the first year with records");
}

#[test]
fn choosing_a_year_by_hand_or_presenting_stops_the_play() {
    let mut harness = open_serbia();
    let ([_, _, _], earliest) = years(&harness);
    harness.get_by_label("Play").click();
    harness.run_steps(1);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::SetYear(Some(earliest)));
    harness.run_steps(8);
    assert!(!playing(&harness));
    assert_eq!(year(&harness), Some(earliest));

    harness.get_by_label("Play").click();
    harness.run_steps(1);
    assert!(playing(&harness));
    harness.key_press(egui::Key::F5);
    harness.run_steps(2);
    assert!(harness.state().presentation.is_some());
    assert!(!playing(&harness), "a presentation stops the play");
}

#[test]
fn the_speed_menu_sets_the_time_per_year_and_looping() {
    let mut harness = open_serbia();
    let ([_, second, last], earliest) = years(&harness);
    harness.get_by_label("1 s per year").click();
    harness.run_steps(2);
    harness.get_by_label("0.5 s per year").click();
    harness.run_steps(1);
    assert_eq!(harness.state().playback.seconds_per_year, 0.5);
    harness.get_by_label("Play").click();
    harness.run_steps(3);
    assert_eq!(year(&harness), Some(second), "half a second a year: two steps");
    harness.run_steps(2);
    assert_eq!(year(&harness), Some(last));

    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::SetPlayLoop(true));
    harness.state_mut().apply(&ctx, Action::SetYear(Some(second)));
    harness.state_mut().apply(&ctx, Action::PlayYears(true));
    harness.run_steps(3);
    assert_eq!(year(&harness), Some(last));
    harness.run_steps(2);
    assert_eq!(year(&harness), Some(earliest), "looping starts again at the first year");
    assert!(playing(&harness));
}

#[test]
fn a_story_step_with_a_span_of_years_plays_it_when_presented_and_replays_on_request() {
    let mut harness = open_serbia();
    let ([first, _, last], _) = years(&harness);
    harness.state_mut().document.scenario.story[0].years = Some((first, last));
    harness.key_press(egui::Key::F5);
    harness.run_steps(1);
    assert_eq!(year(&harness), Some(first), "the span starts at its first year");
    assert!(playing(&harness));
    harness.run_steps(9);
    assert_eq!(year(&harness), Some(last), "and ends at its last");
    assert!(!playing(&harness));
    harness.get_by_label(&format!("Play {first}–{last} again")).click();
    harness.run_steps(1);
    assert_eq!(year(&harness), Some(first));
    assert!(playing(&harness));
}
