//! `geodep export` run as a separate process with no window: every step of a bundled story as PNG files of the
//! asked size that decode and are not blank, one step to a file, SVG, and clear refusals.

use std::path::Path;
use std::process::{Command, Output};

fn geodep(args: &[&str]) -> Output {
    geodep_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// `geodep` run in `folder`, where a stray file written by it would show.
fn geodep_in(folder: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_geodep"))
        .args(args)
        .current_dir(folder)
        // No display: the export must not need one.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("geodep runs")
}

/// A PNG's size and its pixels, one slice of channels each.
struct Decoded {
    size: (u32, u32),
    bytes: Vec<u8>,
    channels: usize,
}

impl Decoded {
    fn read(path: &Path) -> Decoded {
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).expect("the PNG exists")));
        let mut reader = decoder.read_info().expect("a PNG header");
        let mut bytes = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut bytes).expect("PNG pixels decode");
        bytes.truncate(info.buffer_size());
        Decoded { size: (info.width, info.height), bytes, channels: info.color_type.samples() }
    }

    fn pixels(&self) -> std::slice::Chunks<'_, u8> {
        self.bytes.chunks(self.channels)
    }
}

/// The image's size, and how many of its pixels are dark (text, lines, nodes) and how many distinct colours it has.
fn inspect(path: &Path) -> ((u32, u32), usize, usize) {
    let image = Decoded::read(path);
    let mut colours = std::collections::HashSet::new();
    let mut dark = 0;
    for pixel in image.pixels() {
        colours.insert(pixel.to_vec());
        if pixel[..3].iter().map(|&channel| channel as u32).sum::<u32>() < 200 {
            dark += 1;
        }
    }
    (image.size, dark, colours.len())
}

#[test]
fn all_steps_export_as_pngs_of_the_asked_size_that_are_not_blank() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let out_dir = folder.path().join("slides");
    let run = geodep(&[
        "export",
        "scenarios/western-balkans-gas.ron",
        "--all-steps",
        "--out-dir",
        out_dir.to_str().expect("utf-8 path"),
        "--size",
        "960x540",
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let scenario = geodep::io::load_file(Path::new("scenarios/western-balkans-gas.ron")).scenario.expect("loads");
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("the folder was made")
        .map(|entry| entry.expect("entry").file_name().into_string().expect("utf-8"))
        .collect();
    names.sort();
    let expected: Vec<String> = (1..=scenario.story.len()).map(|step| format!("step-{step:02}.png")).collect();
    assert_eq!(names, expected);
    for name in names {
        let (size, dark, colours) = inspect(&out_dir.join(&name));
        assert_eq!(size, (960, 540), "{name}");
        assert!(dark > 2_000, "{name}: only {dark} dark pixels; the text and graph are missing");
        assert!(colours > 20, "{name}: only {colours} colours; the slide is nearly blank");
    }
}

#[test]
fn one_step_exports_at_full_hd_by_default_and_as_svg_on_request() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let png = folder.path().join("step.png");
    let run = geodep(&["export", "scenarios/serbia-2023.ron", "--step", "2", "--out", png.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let (size, dark, _) = inspect(&png);
    assert_eq!(size, (1920, 1080));
    assert!(dark > 5_000);

    let svg = folder.path().join("step.svg");
    let run = geodep(&[
        "export",
        "scenarios/serbia-2023.ron",
        "--step",
        "2",
        "--out",
        svg.to_str().unwrap(),
        "--format",
        "svg",
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = std::fs::read_to_string(&svg).expect("the SVG is text");
    assert!(text.starts_with("<svg") || text.starts_with("<?xml"), "{}", &text[..80.min(text.len())]);
    assert!(text.contains("The route through Bulgaria"), "the step's title is in the SVG");
}

#[test]
fn a_step_that_does_not_exist_or_a_bad_size_is_refused_with_a_reason_and_no_file() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let out = folder.path().join("none.png");
    let run = geodep(&["export", "scenarios/serbia-2023.ron", "--step", "9", "--out", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("the story has steps 1 to 8; there is no step 9"), "{stderr}");
    assert!(!out.exists());

    let run = geodep(&[
        "export",
        "scenarios/serbia-2023.ron",
        "--step",
        "1",
        "--out",
        out.to_str().unwrap(),
        "--size",
        "big",
    ]);
    assert_eq!(run.status.code(), Some(2), "clap refuses a malformed size");
    assert!(String::from_utf8_lossy(&run.stderr).contains("WIDTHxHEIGHT"));
    assert!(!out.exists());

    let run = geodep(&["export", "scenarios/serbia-2023.ron"]);
    assert_eq!(run.status.code(), Some(2), "one of --step and --all-steps is required");
}

#[test]
fn each_view_exports_as_an_image_of_the_asked_size_and_year() {
    let folder = tempfile::tempdir().expect("temporary folder");
    for view in ["graph", "map", "charts", "matrices", "timeline"] {
        let out = folder.path().join(format!("{view}.png"));
        let run = geodep(&[
            "export",
            "scenarios/serbia-2023.ron",
            "--out",
            out.to_str().expect("utf-8 path"),
            "--view",
            view,
            "--year",
            "2023",
            "--size",
            "800x450",
        ]);
        assert!(run.status.success(), "{view}: {}", String::from_utf8_lossy(&run.stderr));
        assert!(String::from_utf8_lossy(&run.stdout).contains("wrote"), "{view}");
        let ((width, height), dark, colours) = inspect(&out);
        assert_eq!((width, height), (800, 450), "{view}");
        assert!(dark > 500 && colours > 10, "{view} looks blank: {dark} dark pixels, {colours} colours");
    }
    // The SVG of the graph names the view and the year in its head, and carries its legend.
    let svg = folder.path().join("graph.svg");
    let run = geodep(&["export", "scenarios/serbia-2023.ron", "--out", svg.to_str().unwrap(), "--year", "2023"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Graph, 2023"), "the head names the view and year");
    assert!(text.contains("Sanctions: imposes"), "the legend is drawn");
}

#[test]
fn an_unknown_extension_is_refused_with_the_formats_and_no_file() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let out = folder.path().join("view.jpg");
    let run = geodep(&["export", "scenarios/serbia-2023.ron", "--out", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains(".png or .svg") && stderr.contains(".graphml") && stderr.contains(".csv"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_span_of_years_writes_one_image_per_year_each_headed_with_its_year() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let out_dir = folder.path().join("years");
    let out_arg = out_dir.to_str().expect("utf-8 path");
    let run = geodep(&["export", "scenarios/serbia-2023.ron", "--years", "2021..2023", "--out-dir", out_arg]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("the folder was made")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["graph-2021.png", "graph-2022.png", "graph-2023.png"]);
    let ((width, height), dark, _) = inspect(&out_dir.join("graph-2022.png"));
    assert_eq!((width, height), (1920, 1080));
    assert!(dark > 500, "the 2022 graph is not blank");

    // As SVG, each image's head names its year.
    let run = geodep(&[
        "export",
        "scenarios/serbia-2023.ron",
        "--years",
        "2022..2023",
        "--view",
        "map",
        "--format",
        "svg",
        "--out-dir",
        out_arg,
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    for year in ["2022", "2023"] {
        let text = std::fs::read_to_string(out_dir.join(format!("map-{year}.svg"))).expect("the SVG was written");
        assert!(text.contains(&format!("Map, {year}")), "map-{year}.svg is headed with its year");
    }
}

/// The text of each page of a PDF, read back with lopdf through its fonts' ToUnicode maps, without any
/// whitespace: how the extractor spaces words and lines is its own business, the characters and their order are
/// what must survive.
fn pdf_pages(path: &Path) -> Vec<String> {
    let document = lopdf::Document::load(path).expect("the PDF reads");
    let pages = document.get_pages();
    pages.keys().map(|&number| squash(&document.extract_text(&[number]).expect("the page's text extracts"))).collect()
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn handout(scenario: &str, out: &Path, notes: bool) -> Output {
    let mut args = vec!["export", scenario, "--handout", out.to_str().expect("utf-8 path")];
    if notes {
        args.push("--notes");
    }
    geodep(&args)
}

#[test]
fn a_handout_has_a_page_per_step_with_its_caption_then_the_sources_and_notes_only_when_asked() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let scenario = geodep::io::load_file(Path::new("scenarios/serbia-2023.ron")).scenario.expect("loads");
    for notes in [false, true] {
        let out = folder.path().join(format!("handout-{notes}.pdf"));
        let run = handout("scenarios/serbia-2023.ron", &out, notes);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        assert!(String::from_utf8_lossy(&run.stdout).contains(&format!("wrote {}", out.display())));
        let pages = pdf_pages(&out);
        assert!(pages.len() > 8, "8 steps and the sources: {} pages", pages.len());
        for (index, step) in scenario.story.iter().enumerate() {
            let page = &pages[index];
            assert!(page.contains(&squash(&format!("Step {} of 8", index + 1))), "page {}: {page}", index + 1);
            assert!(page.contains(&squash(&step.title)), "page {}: {page}", index + 1);
            assert!(page.contains(&squash(&step.caption)), "page {} lacks its caption: {page}", index + 1);
            let note = squash(step.notes.as_deref().expect("every bundled step has notes"));
            assert_eq!(page.contains(&note), notes, "page {}: notes asked {notes}", index + 1);
            assert_eq!(page.contains("Speakernotes"), notes);
        }
        let sources = pages[8..].concat();
        assert!(pages[8].starts_with("Sources"), "{}", pages[8]);
        for source in &scenario.sources {
            assert!(
                sources.contains(&squash(&format!("[{}] {}", source.id, source.title))),
                "{} is missing",
                source.id
            );
            if let Some(url) = &source.url {
                assert!(sources.contains(&squash(url)), "{url} is missing");
            }
        }
        let count = pages.len();
        assert!(pages[count - 1].ends_with(&squash(&format!("Page {count} of {count}"))), "{}", pages[count - 1]);
    }
}

#[test]
fn a_handout_to_dash_goes_to_standard_output_and_writes_no_file() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/serbia-2023.ron");
    let run = geodep_in(folder.path(), &["export", scenario.to_str().expect("utf-8 path"), "--handout", "-"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.stdout.starts_with(b"%PDF-"), "standard output holds the PDF alone");
    assert!(!folder.path().join("-").exists(), "no file named \"-\" is written");
    let piped = folder.path().join("piped.pdf");
    std::fs::write(&piped, &run.stdout).expect("the PDF is kept");
    assert_eq!(pdf_pages(&piped).len(), pdf_pages_of_serbia_handout(), "the same pages as a handout to a file");
    // One step's slide goes the same way.
    let run =
        geodep_in(folder.path(), &["export", scenario.to_str().expect("utf-8 path"), "--step", "2", "--out", "-"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.stdout.starts_with(b"\x89PNG"), "standard output holds the PNG alone");
    assert!(!folder.path().join("-").exists());
}

/// How many pages the Serbia handout has when written to a file.
fn pdf_pages_of_serbia_handout() -> usize {
    let folder = tempfile::tempdir().expect("temporary folder");
    let out = folder.path().join("handout.pdf");
    assert!(handout("scenarios/serbia-2023.ron", &out, false).status.success());
    pdf_pages(&out).len()
}

#[test]
fn a_reversed_malformed_or_outside_span_is_refused_with_a_reason_and_no_file() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let out_dir = folder.path().join("years");
    let out_arg = out_dir.to_str().expect("utf-8 path");
    for (span, expected) in [
        ("2023..2019", "starts after it ends: write 2019..2023"),
        ("20x9..", "is not a span of years: write FIRST..LAST"),
        ("2019..2030", "2019..2030 reaches outside the scenario's years"),
    ] {
        let run = geodep(&["export", "scenarios/serbia-2023.ron", "--years", span, "--out-dir", out_arg]);
        assert!(!run.status.success(), "{span}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(expected), "{span}: {stderr}");
        assert!(!out_dir.exists(), "{span}: nothing is written");
    }
}

#[test]
fn long_notes_run_over_to_further_pages_and_non_latin_names_survive() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let file = "tests/fixtures/handout-long.ron";
    let scenario = geodep::io::load_file(Path::new(file)).scenario.expect("loads");
    let out = folder.path().join("handout.pdf");
    let run = handout(file, &out, true);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let pages = pdf_pages(&out);
    // The first step's notes (7,670 characters, about 80 lines of 14 points) take it onto a third page.
    let continued = squash(&format!("Step 1 of 2: {} (continued)", scenario.story[0].title));
    let first_step = pages.iter().take_while(|page| !page.contains("Step2of2")).count();
    assert!(first_step >= 3, "the first step has {first_step} pages");
    for page in &pages[1..first_step] {
        assert!(page.starts_with(&continued), "{page}");
    }
    // With the page furniture taken out, the caption and the notes read whole, in order.
    let mut text = pages[..first_step].concat().replace(&continued, "");
    for number in 1..=pages.len() {
        text = text.replace(&squash(&format!("Page {number} of {}", pages.len())), "");
    }
    let text = text.replace(&squash(&scenario.title), "");
    assert!(text.contains(&squash(&scenario.story[0].caption)), "{text}");
    assert!(text.contains(&squash(scenario.story[0].notes.as_deref().expect("notes"))), "{text}");
    for name in ["Vučić", "Вучич", "Политика", "Вучичогазе"] {
        assert!(pages.concat().contains(name), "{name} is not in the handout's text");
    }
    let step_two = &pages[first_step];
    assert!(step_two.contains("Shortcaption.") && !step_two.contains("Speakernotes"), "{step_two}");
    let sources = pages[first_step + 1..].concat();
    assert!(sources.contains(&squash("https://example.org/a/very/long/address/that/has/no/spaces")), "{sources}");

    let without = folder.path().join("without.pdf");
    assert!(handout(file, &without, false).status.success());
    assert_eq!(pdf_pages(&without).len(), pages.len() - first_step + 1, "without notes, one page per step");
}

#[test]
fn a_handout_is_refused_for_a_folder_an_unwritable_path_or_a_story_less_scenario() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let run = handout("scenarios/serbia-2023.ron", folder.path(), false);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("it is a folder; name the handout's file"), "{stderr}");
    assert!(folder.path().is_dir());

    let missing = folder.path().join("no-such-folder").join("handout.pdf");
    let run = handout("scenarios/serbia-2023.ron", &missing, false);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains(&format!("cannot write {}", missing.display())), "{stderr}");
    assert!(!missing.exists());

    let out = folder.path().join("empty.pdf");
    let run = handout("tests/fixtures/valid.ron", &out, false);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("the scenario has no story steps to export"));
    assert!(!out.exists());

    let run = geodep(&["export", "scenarios/serbia-2023.ron", "--notes", "--out", "x.png"]);
    assert_eq!(run.status.code(), Some(2), "--notes needs --handout");
}

/// How many of the image's pixels are nearly black and nearly white, and its top-left pixel.
fn light_and_dark(path: &Path) -> (usize, usize, [u8; 3]) {
    let image = Decoded::read(path);
    let brightness = |pixel: &[u8]| pixel[..3].iter().map(|&channel| channel as u32).sum::<u32>();
    let dark = image.pixels().filter(|pixel| brightness(pixel) < 150).count();
    let light = image.pixels().filter(|pixel| brightness(pixel) > 600).count();
    (dark, light, [image.bytes[0], image.bytes[1], image.bytes[2]])
}

#[test]
fn the_dark_theme_exports_light_text_on_a_dark_ground_and_light_stays_the_default() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let (dark_file, light_file, view_file) =
        (folder.path().join("dark.png"), folder.path().join("light.png"), folder.path().join("view.png"));
    let path = |file: &Path| file.to_str().expect("utf-8 path").to_owned();
    let story = "scenarios/serbia-2023.ron";
    let run = geodep(&["export", story, "--step", "2", "--out", &path(&dark_file), "--theme", "dark"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let run = geodep(&["export", story, "--step", "2", "--out", &path(&light_file)]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let run = geodep(&["export", story, "--out", &path(&view_file), "--view", "graph", "--theme", "dark"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    // The dark theme's background is rgb(24, 26, 30) (palette::Theme::Dark), the light one's white.
    let (dark, light, corner) = light_and_dark(&dark_file);
    assert_eq!(corner, [24, 26, 30]);
    assert!(dark > 1920 * 1080 / 2, "mostly dark: {dark} dark pixels");
    assert!(light > 2_000, "light text on it: only {light} light pixels");
    let (dark, light, corner) = light_and_dark(&light_file);
    assert_eq!(corner, [255, 255, 255]);
    assert!(light > 1920 * 1080 / 2 && dark > 2_000, "{light} light, {dark} dark pixels");
    assert_eq!(light_and_dark(&view_file).2, [24, 26, 30], "a view image follows --theme too");

    let run = geodep(&["export", story, "--step", "2", "--out", &path(&dark_file), "--theme", "sepia"]);
    assert!(!run.status.success());
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(said.contains("light") && said.contains("dark") && said.contains("projector"), "{said}");
}
