//! Presentation mode through egui_kittest: F5 plays each bundled story as slides, the keys a clicker sends step
//! through it, each step shows its caption and its focus actors, and Esc gives back the view as it was.

use std::path::Path;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::app::{Action, CentralView, GeoDepApp, Settings, Startup};
use geodep::model::ViewKind;

fn open_bundled(file_name: &'static str) -> Harness<'static, GeoDepApp> {
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |_| {
        let mut app = GeoDepApp::new(Settings::default(), Startup::Untitled);
        app.disable_native_dialogs();
        let ctx = egui::Context::default();
        app.apply(&ctx, Action::OpenBundled(file_name));
        let document = app.document.clone();
        app.views.graph.settle_layout(&document);
        app
    });
    harness.run_steps(4);
    harness
}

/// Runs frames until the camera has finished moving to the step (0.7 s at kittest's frame time).
fn settle(harness: &mut Harness<'_, GeoDepApp>) {
    harness.run_steps(90);
}

fn press(harness: &mut Harness<'_, GeoDepApp>, key: egui::Key) {
    harness.key_press(key);
    settle(harness);
}

/// Checks that the step on screen shows its caption, its counter and, on the graph, every focus actor inside
/// the window.
fn assert_step_shown(harness: &Harness<'_, GeoDepApp>, index: usize) {
    let app = harness.state();
    let story = &app.document.scenario.story;
    let step = &story[index];
    assert_eq!(app.presentation.as_ref().map(|shown| shown.step), Some(index));
    harness.get_by_label(&step.caption);
    harness.get_by_label(&format!("Step {} of {}", index + 1, story.len()));
    let focus: Vec<&str> = step.focus.iter().map(String::as_str).collect();
    let selected: Vec<&str> = app.view.selection.iter().map(String::as_str).collect();
    for id in &focus {
        assert!(selected.contains(id), "step {}: focus actor {id} is not selected", index + 1);
    }
    assert_eq!(app.view.year, step.year.or(app.view.year));
    if matches!(step.view, ViewKind::Graph | ViewKind::Map) {
        let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
        let shown: Vec<&str> =
            focus.iter().copied().filter(|id| app.views.graph.node_on_screen(id).is_some()).collect();
        assert!(!shown.is_empty(), "step {}: none of its focus actors is on the graph", index + 1);
        for id in shown {
            let position = app.views.graph.node_on_screen(id).expect("shown");
            assert!(window.contains(position), "step {}: {id} is drawn off screen at {position:?}", index + 1);
        }
    }
}

#[test]
fn every_bundled_story_plays_from_start_to_end_with_the_keys_a_clicker_sends() {
    for file_name in ["serbia-2023.ron", "western-balkans-gas.ron", "eu-russia-energy.ron", "unga-ukraine-votes.ron"] {
        let mut harness = open_bundled(file_name);
        press(&mut harness, egui::Key::F5);
        let steps = harness.state().document.scenario.story.len();
        for index in 0..steps {
            assert_step_shown(&harness, index);
            // Clickers send Page Down; keyboards use Right and Space.
            let key = [egui::Key::PageDown, egui::Key::ArrowRight, egui::Key::Space][index % 3];
            press(&mut harness, key);
        }
        assert_eq!(harness.state().presentation.as_ref().map(|shown| shown.step), Some(steps - 1), "{file_name}");
    }
}

#[test]
fn back_home_end_and_escape_restore_the_view_as_it_was() {
    let mut harness = open_bundled("serbia-2023.ron");
    harness.get_by_label("Charts").click();
    harness.run_steps(3);
    let before = harness.state().view.clone();
    press(&mut harness, egui::Key::F5);
    assert!(harness.query_by_label("Actors").is_none(), "the side panels are hidden on a slide");
    press(&mut harness, egui::Key::End);
    let last = harness.state().document.scenario.story.len() - 1;
    assert_step_shown(&harness, last);
    press(&mut harness, egui::Key::PageUp);
    assert_step_shown(&harness, last - 1);
    press(&mut harness, egui::Key::ArrowLeft);
    assert_step_shown(&harness, last - 2);
    press(&mut harness, egui::Key::Home);
    assert_step_shown(&harness, 0);
    press(&mut harness, egui::Key::ArrowLeft);
    assert_step_shown(&harness, 0);
    press(&mut harness, egui::Key::Escape);
    assert!(harness.state().presentation.is_none());
    assert_eq!(harness.state().view, before);
    assert_eq!(harness.state().view.central, CentralView::Charts);
    harness.get_by_label("Actors");
}

#[test]
fn shift_f5_starts_from_the_step_shown_last_and_the_buttons_step_too() {
    let mut harness = open_bundled("western-balkans-gas.ron");
    press(&mut harness, egui::Key::F5);
    harness.get_by_label("Next").click();
    settle(&mut harness);
    harness.get_by_label("Next").click();
    settle(&mut harness);
    assert_step_shown(&harness, 2);
    harness.get_by_label("End").click();
    settle(&mut harness);
    assert!(harness.state().presentation.is_none());
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F5);
    settle(&mut harness);
    assert_step_shown(&harness, 2);
}

#[test]
fn the_speaker_notes_show_the_steps_notes_and_what_comes_next() {
    let mut harness = open_bundled("serbia-2023.ron");
    press(&mut harness, egui::Key::F5);
    harness.get_by_label("Speaker notes").click();
    settle(&mut harness);
    let story = harness.state().document.scenario.story.clone();
    harness.get_by_label(story[0].notes.as_deref().expect("the first step has notes"));
    harness.get_by_label(&format!("Next: {}", story[1].title));
    harness.get_by_label("Next step").click();
    settle(&mut harness);
    harness.get_by_label(story[1].notes.as_deref().expect("the second step has notes"));
    assert_step_shown(&harness, 1);
}

#[test]
fn a_scenario_without_a_story_says_how_to_make_one() {
    let mut harness = Harness::builder().with_size([1200.0, 800.0]).build_eframe(|_| {
        let mut app = GeoDepApp::new(Settings::default(), Startup::Untitled);
        app.disable_native_dialogs();
        app
    });
    harness.run();
    press(&mut harness, egui::Key::F5);
    assert!(harness.state().presentation.is_none());
    harness.get_by_label_contains("This scenario has no story yet");
}

#[test]
fn the_current_view_becomes_a_new_step_that_undo_takes_back() {
    let mut harness = open_bundled("serbia-2023.ron");
    let before = harness.state().document.scenario.story.len();
    harness.get_by_label("Present").click();
    harness.run();
    harness.get_by_label("Add the current view as a step").click();
    harness.run();
    let story = &harness.state().document.scenario.story;
    assert_eq!(story.len(), before + 1);
    let added = story.last().expect("added");
    assert_eq!(added.view, ViewKind::Graph);
    assert_eq!(added.year, harness.state().view.year);
    assert!(added.camera.is_some(), "a graph step keeps the camera");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().document.scenario.story.len(), before);
}

/// Chooses a Present menu export, types `target` into the path entry (tests have no native dialog), and waits
/// for the background export to report `finished` in the status bar.
fn export_from_present_menu(
    harness: &mut Harness<'_, GeoDepApp>,
    item: &str,
    field: &str,
    target: &Path,
    finished: &str,
) {
    harness.get_by_label("Present").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
    harness.get_by_label(field).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(field).type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    for _ in 0..600 {
        if harness.query_by_label(finished).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.run_steps(1);
    }
    harness.get_by_label(finished);
}

#[test]
fn present_export_slides_writes_every_step_as_a_png_into_the_folder_typed() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let target = folder.path().join("handout");
    let mut harness = open_bundled("serbia-2023.ron");
    let steps = harness.state().document.scenario.story.len();
    let finished = format!("Wrote {steps} slides to {}", target.display());
    export_from_present_menu(&mut harness, "Export slides…", "Folder", &target, &finished);
    for step in 1..=steps {
        let file = target.join(format!("step-{step:02}.png"));
        let bytes = std::fs::read(&file).unwrap_or_else(|_| panic!("{} was written", file.display()));
        assert!(bytes.starts_with(b"\x89PNG"), "{} is a PNG", file.display());
    }
}

#[test]
fn present_export_this_steps_slide_writes_the_step_shown_last_as_one_png() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let target = folder.path().join("step.png");
    let mut harness = open_bundled("serbia-2023.ron");
    press(&mut harness, egui::Key::F5);
    press(&mut harness, egui::Key::PageDown);
    press(&mut harness, egui::Key::Escape);
    let finished = format!("Wrote {}", target.display());
    export_from_present_menu(&mut harness, "Export this step's slide…", "File path", &target, &finished);
    let written = std::fs::read(&target).expect("the slide was written");
    // Following the system, the slide is drawn in the theme the window shows.
    let dark = harness.ctx.theme() == egui::Theme::Dark;
    let theme = geodep::ui::style::export_theme(harness.state().settings.theme, dark);
    let deck = geodep::slide::Deck::themed(&harness.state().document.scenario, theme);
    let expected = deck.slide(1, 1920, 1080).expect("step 2");
    assert_eq!(written, geodep::slide::render::to_png(&expected).expect("renders"), "it is step 2's slide");
}

/// Rests the pointer on a focus actor of the step shown for longer than egui's tooltip delay.
fn rest_pointer_on(harness: &mut Harness<'_, GeoDepApp>, id: &str) -> egui::Pos2 {
    let at = harness.state().views.graph.node_on_screen(id).unwrap_or_else(|| panic!("{id} is not drawn"));
    harness.hover_at(at);
    harness.run_steps(60);
    at
}

#[test]
fn a_pointer_resting_on_the_graph_raises_a_tooltip_but_not_while_presenting() {
    let mut harness = open_bundled("serbia-2023.ron");
    rest_pointer_on(&mut harness, "SRB");
    harness.get_by_label("Click to select, shift-click to add, drag to pin.");
    harness.remove_cursor();
    press(&mut harness, egui::Key::F5);
    let at = rest_pointer_on(&mut harness, "SRB");
    assert!(
        harness.query_by_label("Click to select, shift-click to add, drag to pin.").is_none(),
        "a tooltip covers the slide"
    );
    // A click on the slide selects nothing: the step's focus stays as the step set it.
    let selection = harness.state().view.selection.clone();
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run_steps(3);
    assert_eq!(harness.state().view.selection, selection);
    assert!(harness.state().presentation.is_some());
}

#[test]
fn a_long_story_keeps_the_keys_on_the_band_not_in_tooltips() {
    let mut harness = open_bundled("serbia-2023.ron");
    press(&mut harness, egui::Key::F5);
    let next = harness.get_by_label("Next").rect().center();
    harness.hover_at(next);
    harness.run_steps(60);
    assert!(harness.query_by_label("Right, Space or Page Down").is_none(), "no tooltip pops up over the band");
    harness.get_by_label("Right, Space or Page Down: next; Left or Page Up: back; Home, End; N: notes; Esc leaves");
}

#[test]
fn present_export_handout_writes_a_pdf_with_a_page_per_step_and_the_sources() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let target = folder.path().join("handout.pdf");
    let mut harness = open_bundled("serbia-2023.ron");
    let scenario = harness.state().document.scenario.clone();
    let expected = geodep::slide::handout::plan(&scenario, geodep::slide::handout::HandoutOptions { notes: false });
    let finished = format!("Wrote a handout of {} pages to {}", expected.len(), target.display());
    export_from_present_menu(&mut harness, "Export handout…", "File path", &target, &finished);
    let written = lopdf::Document::load(&target).expect("the handout is a PDF");
    assert_eq!(written.get_pages().len(), expected.len());
    let first = written.extract_text(&[1]).expect("text");
    let squashed: String = first.chars().filter(|c| !c.is_whitespace()).collect();
    let caption: String = scenario.story[0].caption.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(squashed.contains(&caption), "{first}");
}

#[test]
fn a_step_about_a_route_highlights_its_course_through_the_transit_countries() {
    let mut harness = open_bundled("serbia-2023.ron");
    press(&mut harness, egui::Key::F5);
    press(&mut harness, egui::Key::ArrowRight);
    // Step 2 is a map of the TurkStream route: its four records shown in 2023 (two to Serbia, one each on to
    // Bosnia and Herzegovina and Hungary) are the highlighted lines.
    assert_step_shown(&harness, 1);
    let map = &harness.state().views.map;
    let scene = map.scene().expect("the map is drawn");
    let highlighted: Vec<(&str, &str)> = (scene.edges.iter().zip(map.highlighted_edges()))
        .filter(|(_, on_route)| *on_route)
        .map(|(edge, _)| (scene.nodes[edge.from].id.as_str(), scene.nodes[edge.to].id.as_str()))
        .collect();
    assert_eq!(highlighted, [("RUS", "SRB"), ("RUS", "SRB"), ("RUS", "BIH"), ("RUS", "HUN")]);
    // Step 3 is the graph of the oil by JANAF: one path, Russia through Croatia to Serbia, named for screen readers.
    press(&mut harness, egui::Key::ArrowRight);
    assert_step_shown(&harness, 2);
    harness.get_by_label("Highlighted route: Russia, Croatia, Serbia");
    let graph = &harness.state().views.graph;
    assert_eq!(graph.highlighted_route(), [["RUS", "HRV", "SRB"]]);
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
    for id in ["RUS", "HRV", "SRB"] {
        let at = graph.node_on_screen(id).expect("on the route, so shown");
        assert!(window.contains(at), "{id} at {at:?}");
    }
    // A step without a route highlights nothing.
    press(&mut harness, egui::Key::ArrowRight);
    assert!(harness.state().views.graph.highlighted_route().is_empty());
}
