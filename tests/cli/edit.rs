//! `geodep set` and `geodep rename` run as a separate process on a hand-written fixture: the exact text each
//! changes, and the refusals that leave the file as it was.

use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURE: &str = include_str!("../fixtures/hand-written.ron");

/// A copy of the fixture in a fresh folder.
fn copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("scenario.ron");
    std::fs::write(&path, FIXTURE).unwrap();
    (folder, path)
}

/// Runs geodep; returns (exit code, stdout, stderr).
fn geodep(args: &[&str], file: &Path) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_geodep"))
        .arg(args[0])
        .arg(file)
        .args(&args[1..])
        .output()
        .expect("the geodep binary runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into(),
        String::from_utf8_lossy(&output.stderr).into(),
    )
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn set_changes_only_the_value_and_keeps_a_backup() {
    let (_folder, path) = copy();
    let (code, stdout, stderr) = geodep(&["set", "energy[0].share", "0.7"], &path);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(text(&path), FIXTURE.replace("share: 0.850,", "share: 0.7,"));
    assert!(stdout.contains("set energy[0].share in") && stdout.contains("(1 line changed)"), "{stdout}");
    assert_eq!(std::fs::read_to_string(path.with_extension("ron.bak")).unwrap(), FIXTURE);
}

#[test]
fn set_names_actors_by_id_and_adds_a_field_the_record_left_out() {
    let (_folder, path) = copy();
    assert_eq!(geodep(&["set", "actors[SRB].name", "\"Republic of Serbia\""], &path).0, Some(0));
    assert_eq!(geodep(&["set", "energy[1].route", "\"Balkan Stream\""], &path).0, Some(0));
    let expected = FIXTURE.replace("name: \"Serbia\"", "name: \"Republic of Serbia\"").replace(
        "EnergyFlow(supplier: \"RUS\", consumer: \"BGR\", commodity: Gas, share: 1.0e0, year: 2021",
        "EnergyFlow(supplier: \"RUS\", consumer: \"BGR\", commodity: Gas, share: 1.0e0, route: \"Balkan Stream\", year: 2021",
    );
    assert_eq!(text(&path), expected);
}

#[test]
fn set_refuses_a_path_or_value_that_does_not_fit_and_leaves_the_file_alone() {
    let (_folder, path) = copy();
    for (args, reason) in [
        (["set", "energy[9].share", "0.7"], "names no value"),
        (["set", "actors[HUN].name", "\"Hungary\""], "no actor with id \"HUN\""),
        (["set", "energy[0].share", "\"most\""], "does not fit"),
        (["set", "energy[0].commodity", "Plutonium"], "does not fit"),
        (["set", "title", "\"a\", summary: \"b\""], "not one RON value"),
        (["set", "energy[0].share", "1.5"], "would bring the errors above"),
    ] {
        let (code, _, stderr) = geodep(&args, &path);
        assert_eq!(code, Some(1), "{args:?}");
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
        assert_eq!(text(&path), FIXTURE, "{args:?} left the file alone");
    }
    assert!(!path.with_extension("ron.bak").exists(), "nothing was written");
}

#[test]
fn rename_changes_only_the_lines_that_name_the_actor_or_source() {
    let (_folder, path) = copy();
    let (code, _, stderr) = geodep(&["rename", "BGR", "BG"], &path);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(text(&path), FIXTURE.replace("\"BGR\"", "\"BG\""));
    assert_eq!(geodep(&["rename", "s1", "source-1"], &path).0, Some(0));
    assert_eq!(text(&path), FIXTURE.replace("\"BGR\"", "\"BG\"").replace("\"s1\"", "\"source-1\""));
}

#[test]
fn rename_refuses_an_unknown_id_or_one_already_taken() {
    let (_folder, path) = copy();
    let (code, _, stderr) = geodep(&["rename", "HUN", "HU"], &path);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("no actor or source with id \"HUN\""), "{stderr}");
    let (code, _, stderr) = geodep(&["rename", "BGR", "SRB"], &path);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("already an actor with id \"SRB\""), "{stderr}");
    assert_eq!(text(&path), FIXTURE);
}

#[test]
fn set_gives_an_actor_a_region_and_sub_region() {
    let (_folder, path) = copy();
    let (code, _, stderr) = geodep(&["set", "actors[SRB].region", "\"Europe\""], &path);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(geodep(&["set", "actors[SRB].subregion", "\"Southern Europe\""], &path).0, Some(0));
    let expected = FIXTURE.replace(
        "Actor(id: \"SRB\", name: \"Serbia\", kind: State),",
        "Actor(id: \"SRB\", name: \"Serbia\", kind: State, region: \"Europe\", subregion: \"Southern Europe\"),",
    );
    assert_eq!(text(&path), expected);
}

#[test]
fn set_and_rename_reach_into_memberships() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("nato.ron");
    let original = r#"Scenario(
  format: 1,
  title: "NATO",
  actors: [
    Actor(id: "FIN", name: "Finland", kind: State),
    Actor(id: "NATO", name: "NATO", kind: Bloc, memberships: [
      Membership(member: "FIN", from: "2023-04", sources: ["nato"]),  // the 31st
    ]),
  ],
  sources: [Source(id: "nato", title: "Member countries")],
)
"#;
    std::fs::write(&path, original).unwrap();
    let (code, _, stderr) = geodep(&["set", "actors[NATO].memberships[0].from", "\"2023-04-04\""], &path);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(geodep(&["rename", "FIN", "FI"], &path).0, Some(0));
    assert_eq!(text(&path), original.replace("\"2023-04\"", "\"2023-04-04\"").replace("\"FIN\"", "\"FI\""));
    let (code, _, stderr) = geodep(&["set", "actors[NATO].memberships[0].member", "\"FINN\""], &path);
    assert_eq!(code, Some(1), "an unknown member is refused");
    assert!(
        stderr.contains("actors[1].memberships[0].member: unknown actor \"FINN\"; did you mean \"FI\"?"),
        "{stderr}"
    );
}
