//! Command-line integration tests: `geodep check` and `geodep fmt` run as a separate process on the
//! fixtures in `tests/fixtures/`, with every expected line and position worked out by hand from the
//! fixture text (columns count characters, 1-based).

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use geodep::io::{load_file, load_text, to_canonical_text};
use serde_json::Value;

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn stdout_lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

/// Runs `geodep` with `args` from the package root, so that fixture paths print as `tests/fixtures/…`.
fn geodep<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = Command::new(env!("CARGO_BIN_EXE_geodep"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the geodep binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A fixture's path relative to the package root, as the tests pass it to the binary.
fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

/// A fixture's absolute path, for reading it from the test itself.
fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// Copies a fixture into a fresh temporary folder and returns (folder guard, path of the copy).
fn copy_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    fs::copy(fixture_path(name), &path).expect("copy the fixture");
    (dir, path)
}

/// `path` with `.bak` appended to its file name, where `geodep fmt` keeps the previous version.
fn backup_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().expect("a file name").to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// The expected `check` lines of each fixture, in the order `check` prints them (errors first, then
/// by line and column). Worked out by hand from the fixture texts.
fn expected_lines(name: &str) -> Vec<String> {
    let file = fixture(name);
    let lines: &[&str] = match name {
        "broken-syntax.ron" => &[
            // Line 5: `local_name: "Србија" kind`: the comma is missing before `kind`, at character
            // 63 (the six Cyrillic letters are 12 bytes but 6 columns).
            "5:63: error: expected a comma between values, or a closing bracket",
        ],
        "broken-unknown-fields.ron" => &[
            "6:55: error: actors[1].colour: unknown field `colour` in actor",
            "9:70: error: energy[0].shrae: unknown field `shrae` in energy flow; did you mean \"share\"?",
            // The misspelt `share` is also missing; serde says so at the record's closing bracket.
            "9:110: error: energy[0]: missing field `share` in EnergyFlow",
        ],
        "broken-references.ron" => &[
            "7:15: error: actors[2].id: duplicate actor id \"SRB\" (first used by actors[0])",
            "10:20: error: energy[0].supplier: unknown actor \"RUSS\"; did you mean \"RUS\"?",
            "13:83: error: ties[0].sources[1]: unknown source \"s9\"",
            "16:108: error: votes[0].ballots[\"SBR\"]: unknown actor \"SBR\"; did you mean \"SRB\"?",
        ],
        "broken-values.ron" => &[
            "9:70: error: energy[0].share: share 150% is outside 0% to 100% (written 1.5 in the file)",
            "11:70: error: energy[2].share: Oil shares of SRB's consumption in 2022 add up to 110% \
             (energy[1] 70% + energy[2] 40%); together they may not exceed 100%",
            "14:67: error: sanctions[0].year: give either `year` or a `from`/`until` period, not both",
            "17:52: error: ties[0].strength: strength must be a finite number, not NaN",
            "20:15: error: events[0].date: bad date \"2023-02-30\": day 30 is not between 1 and 28",
        ],
        "future-format.ron" => {
            &["2:5: error: format: this file is format 99, written by a newer GeoDep; this version reads \
             formats up to 1. Update GeoDep to open it."]
        }
        "warnings-only.ron" => &[
            // `energy[0].sources` is not written, so the record itself is pointed at.
            "9:9: warning: energy[0].sources: energy flow cites no source",
        ],
        "valid.ron" | "with-comments.ron" => &[],
        other => panic!("no expectation for {other}"),
    };
    lines.iter().map(|line| format!("{file}:{line}")).collect()
}

const BROKEN: [&str; 5] = [
    "broken-syntax.ron",
    "broken-unknown-fields.ron",
    "broken-references.ron",
    "broken-values.ron",
    "future-format.ron",
];

// ------------------------------------------------------------------------------------------------
// geodep check: text output

#[test]
fn check_valid_file_prints_nothing_and_exits_0() {
    let run = geodep(["check", &fixture("valid.ron")]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr_lines(), ["checked 1 file(s): 0 error(s), 0 warning(s)"]);
}

#[test]
fn check_file_with_comments_is_clean() {
    let run = geodep(["check", &fixture("with-comments.ron")]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "");
}

#[test]
fn check_broken_syntax_reports_the_position_in_characters() {
    let run = geodep(["check", &fixture("broken-syntax.ron")]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout_lines(), expected_lines("broken-syntax.ron"));
    assert_eq!(run.stderr_lines(), ["checked 1 file(s): 1 error(s), 0 warning(s)"]);
}

#[test]
fn check_broken_unknown_fields_reports_every_misspelt_field() {
    let run = geodep(["check", &fixture("broken-unknown-fields.ron")]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout_lines(), expected_lines("broken-unknown-fields.ron"));
    assert_eq!(run.stderr_lines(), ["checked 1 file(s): 3 error(s), 0 warning(s)"]);
}

#[test]
fn check_broken_references_reports_every_reference() {
    let run = geodep(["check", &fixture("broken-references.ron")]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout_lines(), expected_lines("broken-references.ron"));
    assert_eq!(run.stderr_lines(), ["checked 1 file(s): 4 error(s), 0 warning(s)"]);
}

#[test]
fn check_broken_values_reports_every_value() {
    let run = geodep(["check", &fixture("broken-values.ron")]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout_lines(), expected_lines("broken-values.ron"));
    assert_eq!(run.stderr_lines(), ["checked 1 file(s): 5 error(s), 0 warning(s)"]);
}

#[test]
fn check_future_format_is_refused_with_one_error() {
    let run = geodep(["check", &fixture("future-format.ron")]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout_lines(), expected_lines("future-format.ron"));
}

#[test]
fn check_empty_file_has_an_error_without_position() {
    let run = geodep(["check", &fixture("empty.ron")]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stdout_lines(),
        ["tests/fixtures/empty.ron: error: the file is empty; a scenario starts with `Scenario(`"]
    );
}

#[test]
fn check_not_utf8_points_at_the_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-utf8.ron");
    // `Scenario(title: "` is 17 characters; the stray byte 0xFF is the 18th.
    fs::write(&path, b"Scenario(title: \"\xff\")").unwrap();
    let run = geodep([OsStr::new("check"), path.as_os_str()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let expected = format!(
        "{}:1:18: error: the file is not UTF-8 text; save it as UTF-8 (scenario files are plain text)",
        path.display()
    );
    assert_eq!(run.stdout_lines(), [expected]);
}

#[test]
fn check_binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("binary.ron");
    fs::write(&path, b"Scenario(\0)").unwrap();
    let run = geodep([OsStr::new("check"), path.as_os_str()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let expected =
        format!("{}: error: this is a binary file, not a RON scenario (it contains NUL bytes)", path.display());
    assert_eq!(run.stdout_lines(), [expected]);
}

#[test]
fn check_missing_file_is_an_error() {
    let run = geodep(["check", "tests/fixtures/no-such-file.ron"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let lines = run.stdout_lines();
    assert_eq!(lines.len(), 1, "{run:?}");
    let prefix = "tests/fixtures/no-such-file.ron: error: cannot open tests/fixtures/no-such-file.ron: ";
    assert!(lines[0].starts_with(prefix), "{run:?}");
}

#[test]
fn check_warnings_alone_exit_0() {
    let run = geodep(["check", &fixture("warnings-only.ron")]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout_lines(), expected_lines("warnings-only.ron"));
    assert_eq!(run.stderr_lines(), ["checked 1 file(s): 0 error(s), 1 warning(s)"]);
}

#[test]
fn check_every_fixture_as_one_run_lists_each_file_in_order() {
    let names = [
        "valid.ron",
        "broken-syntax.ron",
        "broken-unknown-fields.ron",
        "warnings-only.ron",
        "broken-references.ron",
        "broken-values.ron",
        "future-format.ron",
        "with-comments.ron",
    ];
    let mut args = vec!["check".to_owned()];
    args.extend(names.iter().map(|name| fixture(name)));
    let run = geodep(&args);
    assert_eq!(run.code, Some(1), "{run:?}");
    let expected: Vec<String> = names.iter().flat_map(|name| expected_lines(name)).collect();
    assert_eq!(run.stdout_lines(), expected);
    assert_eq!(run.stderr_lines(), ["checked 8 file(s): 14 error(s), 1 warning(s)"]);
}

#[test]
fn check_several_files_fails_if_any_has_an_error() {
    let run = geodep(["check", &fixture("valid.ron"), &fixture("warnings-only.ron"), &fixture("empty.ron")]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stdout_lines(),
        [
            "tests/fixtures/warnings-only.ron:9:9: warning: energy[0].sources: energy flow cites no source",
            "tests/fixtures/empty.ron: error: the file is empty; a scenario starts with `Scenario(`",
        ]
    );
    assert_eq!(run.stderr_lines(), ["checked 3 file(s): 1 error(s), 1 warning(s)"]);
}

#[test]
fn check_several_clean_files_exit_0() {
    let run = geodep(["check", &fixture("valid.ron"), &fixture("warnings-only.ron"), &fixture("with-comments.ron")]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout_lines(), expected_lines("warnings-only.ron"));
}

#[test]
fn check_positions_survive_crlf_line_ends_and_a_byte_order_mark() {
    let original = fs::read_to_string(fixture_path("broken-references.ron")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let crlf = dir.path().join("crlf.ron");
    fs::write(&crlf, original.replace('\n', "\r\n")).unwrap();
    let bom = dir.path().join("bom.ron");
    fs::write(&bom, format!("\u{feff}{original}")).unwrap();
    for path in [crlf, bom] {
        let run = geodep([OsStr::new("check"), path.as_os_str()]);
        assert_eq!(run.code, Some(1), "{run:?}");
        let expected: Vec<String> = expected_lines("broken-references.ron")
            .iter()
            .map(|line| line.replacen(&fixture("broken-references.ron"), &path.display().to_string(), 1))
            .collect();
        assert_eq!(run.stdout_lines(), expected, "{}", path.display());
    }
}

// ------------------------------------------------------------------------------------------------
// geodep check --format json

/// Parses `--format json` output, checking that every entry has exactly the documented keys.
fn json_entries(stdout: &str) -> Vec<serde_json::Map<String, Value>> {
    let value: Value = serde_json::from_str(stdout).unwrap_or_else(|error| panic!("not JSON ({error}): {stdout}"));
    let Value::Array(items) = value else { panic!("not a JSON array: {stdout}") };
    let keys: BTreeSet<&str> = ["file", "line", "column", "severity", "path", "message"].into();
    items
        .into_iter()
        .map(|item| {
            let Value::Object(object) = item else { panic!("not a JSON object: {item}") };
            assert_eq!(object.keys().map(String::as_str).collect::<BTreeSet<_>>(), keys);
            object
        })
        .collect()
}

/// The `FILE:LINE:COL: severity: path: message` line a JSON entry stands for, so JSON and text
/// output can be compared one to one.
fn as_text_line(entry: &serde_json::Map<String, Value>) -> String {
    let text = |key: &str| entry[key].as_str().unwrap_or_else(|| panic!("{key} is not a string: {entry:?}"));
    let mut line = text("file").to_owned();
    if let (Some(row), Some(column)) = (entry["line"].as_u64(), entry["column"].as_u64()) {
        line.push_str(&format!(":{row}:{column}"));
    } else {
        assert!(entry["line"].is_null() && entry["column"].is_null(), "{entry:?}");
    }
    line.push_str(&format!(": {}: ", text("severity")));
    if !text("path").is_empty() {
        line.push_str(&format!("{}: ", text("path")));
    }
    line.push_str(text("message"));
    line
}

#[test]
fn check_json_on_a_valid_file_is_an_empty_array() {
    let run = geodep(["check", "--format", "json", &fixture("valid.ron")]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(json_entries(&run.stdout).is_empty());
}

#[test]
fn check_json_gives_each_field_separately() {
    let run = geodep(["check", "--format", "json", &fixture("broken-references.ron")]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let entries = json_entries(&run.stdout);
    assert_eq!(entries.len(), 4);
    let first = &entries[0];
    assert_eq!(first["file"], "tests/fixtures/broken-references.ron");
    assert_eq!(first["line"], 7);
    assert_eq!(first["column"], 15);
    assert_eq!(first["severity"], "error");
    assert_eq!(first["path"], "actors[2].id");
    assert_eq!(first["message"], "duplicate actor id \"SRB\" (first used by actors[0])");
    let last = &entries[3];
    assert_eq!(last["line"], 16);
    assert_eq!(last["column"], 108);
    assert_eq!(last["path"], "votes[0].ballots[\"SBR\"]");
    assert_eq!(last["message"], "unknown actor \"SBR\"; did you mean \"SRB\"?");
    let as_text: Vec<String> = entries.iter().map(as_text_line).collect();
    assert_eq!(as_text, expected_lines("broken-references.ron"));
}

#[test]
fn check_json_matches_text_output_for_every_fixture() {
    let names = [
        "valid.ron",
        "warnings-only.ron",
        "broken-syntax.ron",
        "broken-unknown-fields.ron",
        "broken-references.ron",
        "broken-values.ron",
        "future-format.ron",
    ];
    let mut args = vec!["check".to_owned(), "--format".to_owned(), "json".to_owned()];
    args.extend(names.iter().map(|name| fixture(name)));
    let run = geodep(&args);
    assert_eq!(run.code, Some(1), "{run:?}");
    let entries = json_entries(&run.stdout);
    let expected: Vec<String> = names.iter().flat_map(|name| expected_lines(name)).collect();
    assert_eq!(entries.iter().map(as_text_line).collect::<Vec<_>>(), expected);
    let severities: Vec<&str> = entries.iter().map(|entry| entry["severity"].as_str().unwrap()).collect();
    assert_eq!(severities.iter().filter(|severity| **severity == "warning").count(), 1);
    assert_eq!(severities.iter().filter(|severity| **severity == "error").count(), 14);
}

#[test]
fn check_json_warning_only_exits_0_and_unknown_position_is_null() {
    let run = geodep(["check", "--format", "json", &fixture("warnings-only.ron")]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let entries = json_entries(&run.stdout);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["severity"], "warning");
    assert_eq!(entries[0]["path"], "energy[0].sources");
    assert_eq!(entries[0]["message"], "energy flow cites no source");
    assert_eq!((entries[0]["line"].as_u64(), entries[0]["column"].as_u64()), (Some(9), Some(9)));

    let run = geodep(["check", "--format", "json", &fixture("empty.ron")]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let entries = json_entries(&run.stdout);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["file"], "tests/fixtures/empty.ron");
    assert!(entries[0]["line"].is_null());
    assert!(entries[0]["column"].is_null());
    assert_eq!(entries[0]["severity"], "error");
    assert_eq!(entries[0]["path"], "");
    assert_eq!(entries[0]["message"], "the file is empty; a scenario starts with `Scenario(`");
}

// ------------------------------------------------------------------------------------------------
// geodep fmt

#[test]
fn fmt_rewrites_to_canonical_form_keeps_a_backup_and_is_idempotent() {
    let (_dir, path) = copy_fixture("valid.ron");
    let original = read(&path);
    let before = load_file(&path).scenario.expect("valid.ron loads");

    let run = geodep([OsStr::new("fmt"), path.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr_lines(), [format!("formatted {}", path.display())]);
    let formatted = read(&path);
    assert_ne!(formatted, original, "valid.ron is written compactly, not in the canonical form");
    assert_eq!(formatted, to_canonical_text(&before).into_bytes());
    let text = String::from_utf8(formatted.clone()).unwrap();
    assert!(text.starts_with("#![enable(implicit_some)]\nScenario(\n    format: 1,\n"), "{text}");
    assert!(text.contains("\n            local_name: \"Србија\",\n"), "{text}");
    assert!(text.ends_with(")\n"), "{text}");
    assert_eq!(read(&backup_of(&path)), original, "the .bak holds the original bytes");

    // Formatting again changes nothing, and --check agrees that the file is canonical.
    let run = geodep([OsStr::new("fmt"), path.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    assert_eq!(read(&path), formatted);
    assert_eq!(read(&backup_of(&path)), original, "an unchanged file is not backed up again");
    let run = geodep([OsStr::new("fmt"), OsStr::new("--check"), path.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(read(&path), formatted);

    // The formatted file checks clean and holds the same scenario.
    let run = geodep([OsStr::new("check"), path.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "");
    let after = load_file(&path);
    assert!(after.diagnostics.is_empty(), "{:?}", after.diagnostics);
    assert_eq!(after.scenario, Some(before));
}

#[test]
fn fmt_check_reports_a_non_canonical_file_and_leaves_it() {
    let (_dir, path) = copy_fixture("valid.ron");
    let original = read(&path);
    let run = geodep([OsStr::new("fmt"), OsStr::new("--check"), path.as_os_str()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout_lines(), [format!("{}: not in canonical form (run `geodep fmt` on it)", path.display())]);
    assert_eq!(read(&path), original);
    assert!(!backup_of(&path).exists());
}

#[test]
fn fmt_refuses_files_with_errors_and_leaves_them_untouched() {
    for name in BROKEN.into_iter().chain(["empty.ron"]) {
        let (_dir, path) = copy_fixture(name);
        let original = read(&path);
        let shown = path.display().to_string();
        let run = geodep([OsStr::new("fmt"), path.as_os_str()]);
        assert_eq!(run.code, Some(1), "{name}: {run:?}");
        assert_eq!(read(&path), original, "{name} was changed");
        assert!(!backup_of(&path).exists(), "{name}: a .bak was made");
        // stderr: the same error lines as `check` gives (warnings left out), then the refusal.
        let mut expected: Vec<String> = if name == "empty.ron" {
            vec![format!("{shown}: error: the file is empty; a scenario starts with `Scenario(`")]
        } else {
            expected_lines(name)
                .into_iter()
                .filter(|line| line.contains(": error: "))
                .map(|line| line.replacen(&fixture(name), &shown, 1))
                .collect()
        };
        expected.push(format!("{shown}: not formatted: fix the errors above first; the file is unchanged"));
        assert_eq!(run.stderr_lines(), expected, "{name}");
        assert_eq!(run.stdout, "", "{name}");
        // --check refuses too, and writes nothing either.
        let run = geodep([OsStr::new("fmt"), OsStr::new("--check"), path.as_os_str()]);
        assert_eq!(run.code, Some(1), "{name}: {run:?}");
        assert_eq!(read(&path), original, "{name} was changed by --check");
        assert!(!backup_of(&path).exists(), "{name}: a .bak was made by --check");
    }
}

#[test]
fn fmt_refuses_comments_unless_told_to_drop_them() {
    let (_dir, path) = copy_fixture("with-comments.ron");
    let original = read(&path);
    let before = load_file(&path);
    assert!(before.has_comments);
    let before = before.scenario.expect("with-comments.ron loads");

    let run = geodep([OsStr::new("fmt"), path.as_os_str()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stderr_lines(),
        [format!(
            "{}: not formatted: the file has comments, which formatting would remove; \
             pass --drop-comments to format it anyway",
            path.display()
        )]
    );
    assert_eq!(read(&path), original);
    assert!(!backup_of(&path).exists());

    let run = geodep([OsStr::new("fmt"), OsStr::new("--check"), path.as_os_str()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(read(&path), original);

    let run = geodep([OsStr::new("fmt"), OsStr::new("--drop-comments"), path.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let formatted = String::from_utf8(read(&path)).unwrap();
    assert_eq!(formatted, to_canonical_text(&before));
    assert!(!formatted.contains("//") && !formatted.contains("/*"), "{formatted}");
    assert_eq!(read(&backup_of(&path)), original);
    let after = load_file(&path);
    assert!(!after.has_comments);
    assert!(after.diagnostics.is_empty(), "{:?}", after.diagnostics);
    assert_eq!(after.scenario, Some(before));
}

#[test]
fn fmt_formats_a_file_with_warnings_only() {
    let (_dir, path) = copy_fixture("warnings-only.ron");
    let before = load_file(&path).scenario.expect("warnings do not stop loading");
    let run = geodep([OsStr::new("fmt"), path.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(String::from_utf8(read(&path)).unwrap(), to_canonical_text(&before));
    let run = geodep([OsStr::new("check"), path.as_os_str()]);
    assert_eq!(run.code, Some(0), "{run:?}");
    // One field per line now: the header (lines 1-4), `actors: [` (5), two actors of six lines
    // each (6-17), `],` (18) and `energy: [` (19) put the flow on line 20.
    assert_eq!(
        run.stdout_lines(),
        [format!("{}:20:9: warning: energy[0].sources: energy flow cites no source", path.display())]
    );
}

#[test]
fn fmt_several_files_formats_the_good_and_refuses_the_broken() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("valid.ron");
    let bad = dir.path().join("broken-values.ron");
    fs::copy(fixture_path("valid.ron"), &good).unwrap();
    fs::copy(fixture_path("broken-values.ron"), &bad).unwrap();
    let bad_original = read(&bad);
    let run = geodep([OsStr::new("fmt"), good.as_os_str(), bad.as_os_str()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let expected_good = to_canonical_text(&load_file(&fixture_path("valid.ron")).scenario.unwrap());
    assert_eq!(String::from_utf8(read(&good)).unwrap(), expected_good);
    assert!(backup_of(&good).exists());
    assert_eq!(read(&bad), bad_original);
    assert!(!backup_of(&bad).exists());
    let stderr = run.stderr_lines();
    assert_eq!(stderr.first().copied(), Some(format!("formatted {}", good.display()).as_str()));
    assert_eq!(stderr.len(), 1 + 5 + 1, "{run:?}");
}

// ------------------------------------------------------------------------------------------------
// Usage and help

#[test]
fn help_lists_the_subcommands() {
    let run = geodep(["--help"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("check"), "{}", run.stdout);
    assert!(run.stdout.contains("fmt"), "{}", run.stdout);

    let run = geodep(["check", "--help"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("--format"), "{}", run.stdout);
    assert!(run.stdout.contains("json"), "{}", run.stdout);

    let run = geodep(["fmt", "--help"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.contains("--check"), "{}", run.stdout);
    assert!(run.stdout.contains("--drop-comments"), "{}", run.stdout);
}

#[test]
fn usage_errors_exit_2() {
    let run = geodep(["check"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("<FILES>"), "{}", run.stderr);

    let run = geodep(["check", "--format", "xml", &fixture("valid.ron")]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stdout, "");

    let run = geodep(["fmt"]);
    assert_eq!(run.code, Some(2), "{run:?}");
}

// ------------------------------------------------------------------------------------------------
// The bundled scenario

#[test]
fn bundled_scenario_loads_and_round_trips_through_the_canonical_text() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/serbia-2023.ron");
    let report = load_file(&path);
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "the bundled scenario has errors: {errors:#?}");
    let scenario = report.scenario.expect("the bundled scenario loads");

    let canonical = to_canonical_text(&scenario);
    let reloaded = load_text(&canonical);
    assert!(!reloaded.has_errors(), "{:#?}", reloaded.diagnostics);
    assert!(!reloaded.has_comments);
    let reloaded = reloaded.scenario.expect("the canonical text loads");
    assert_eq!(reloaded, scenario);
    assert_eq!(to_canonical_text(&reloaded), canonical, "the canonical text is a fixed point");

    let run = geodep(["check", "scenarios/serbia-2023.ron"]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

// ------------------------------------------------------------------------------------------------

/// A value error in the scenario's own fields is reported together with the records' value errors,
/// under the field's name.
#[test]
fn check_reports_a_header_value_error_together_with_record_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("header.ron");
    let text = "Scenario(\n    format: 1,\n    title: 5,\n    actors: [\n        \
                Actor(id: \"SRB\", name: \"Serbia\", kind: Stat),\n    ],\n)\n";
    fs::write(&path, text).unwrap();
    let run = geodep([OsStr::new("check"), path.as_os_str()]);
    assert_eq!(run.code, Some(1), "{run:?}");
    let lines = run.stdout_lines();
    assert_eq!(lines.len(), 2, "both problems at once: {lines:#?}");
    assert!(lines[0].starts_with(&format!("{}:3:11: error: title: expected string", path.display())), "{lines:#?}");
    assert!(lines[1].starts_with(&format!("{}:5:48: error: actors[0]: unknown value `Stat`", path.display())));
}
