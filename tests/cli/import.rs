//! `geodep import` run as a separate process: what it refuses before reading anything (an existing output, a
//! mapping that is not one, an input that is not a regular file), and a file of no known format reported and
//! nothing written.

use std::path::Path;
use std::process::{Command, Output};

fn geodep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_geodep"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("geodep runs")
}

fn text(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn an_existing_output_is_refused_unless_overwrite_is_given() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("mine.ron");
    std::fs::write(&out, "my work").unwrap();
    let input = folder.path().join("notes.bin");
    std::fs::write(&input, b"\x00 no table").unwrap();
    let run = geodep(&["import", text(&input), "--out", text(&out)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--overwrite"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "my work", "the file is untouched");
}

#[test]
fn a_file_of_no_known_format_is_reported_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("notes.bin");
    std::fs::write(&input, b"\x00 no table").unwrap();
    let out = folder.path().join("new.ron");
    let run = geodep(&["import", text(&input), "--out", text(&out)]);
    assert_eq!(run.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("notes.bin (unknown format)"), "{stdout}");
    assert!(stdout.contains("refused: not a format GeoDep imports"), "{stdout}");
    assert!(String::from_utf8_lossy(&run.stderr).contains("nothing could be imported"));
    assert!(!out.exists());
}

#[test]
fn a_mapping_that_is_not_one_is_refused_with_its_place() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("notes.bin");
    std::fs::write(&input, b"x").unwrap();
    let mapping = folder.path().join("map.ron");
    std::fs::write(&mapping, "(edges: AllTies(Alliance),\n wide: ())").unwrap();
    let out = folder.path().join("new.ron");
    let run = geodep(&["import", text(&input), "--out", text(&out), "--mapping", text(&mapping)]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("map.ron") && stderr.contains("wide") && stderr.contains("line 2"), "{stderr}");
    assert!(!out.exists());
}

#[cfg(unix)]
#[test]
fn an_input_that_is_not_a_regular_file_is_refused_at_once() {
    let folder = tempfile::tempdir().unwrap();
    let fifo = folder.path().join("pipe.csv");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let out = folder.path().join("new.ron");
    let run = geodep(&["import", text(&fifo), "--out", text(&out)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("named pipe"), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(!out.exists());
}
