//! Standard output that fails (a reader that has gone, a full disk) and export targets that are not regular
//! files: every command must end with the conventional status and a message, never a panic, and must leave
//! devices, pipes and links as they were. Each run is a child process under the time limit of `limited`.

use crate::limited;

use std::fs;
use std::process::{Command, Stdio};

use limited::{Finished, geodep, path_text, run};

const SERBIA: &str = "scenarios/serbia-2023.ron";

fn geodep_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_geodep"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Runs with standard output a pipe whose reading end is closed before the command writes anything, as when
/// `head` has read what it wanted and gone.
fn with_closed_pipe(args: &[&str]) -> Finished {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    run(geodep_command(args), Stdio::from(writer))
}

fn with_full_disk(args: &[&str]) -> Finished {
    let full = fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full exists");
    run(geodep_command(args), Stdio::from(full))
}

#[test]
fn a_closed_pipe_ends_every_command_quietly_with_status_141() {
    let commands: [&[&str]; 5] = [
        &["report", SERBIA],
        &["shock", SERBIA, "--cut", "RUS"],
        &["diff", SERBIA, "--years", "2021", "2023"],
        &["check", "tests/fixtures/broken-references.ron"],
        &["report", SERBIA, "--format", "json"],
    ];
    for args in commands {
        for _ in 0..5 {
            let finished = with_closed_pipe(args);
            assert_eq!(finished.code, Some(141), "{args:?}: {finished:?}");
            assert!(!finished.stderr.contains("panicked"), "{args:?}: {}", finished.stderr);
            assert!(!finished.stderr.contains("cannot write"), "{args:?}: a closed pipe is not an error to report");
        }
    }
}

#[test]
fn a_full_disk_is_reported_with_status_1() {
    let commands: [&[&str]; 4] = [
        &["report", SERBIA],
        &["shock", SERBIA, "--cut", "RUS", "--format", "json"],
        &["diff", SERBIA, "--years", "2021", "2023"],
        // Warnings alone exit 0, so only the failed write can make this fail.
        &["check", "tests/fixtures/warnings-only.ron"],
    ];
    for args in commands {
        let finished = with_full_disk(args);
        assert_eq!(finished.code, Some(1), "{args:?}: {finished:?}");
        assert!(finished.stderr.contains("cannot write the output: No space left on device"), "{}", finished.stderr);
        assert!(!finished.stderr.contains("panicked"), "{}", finished.stderr);
    }
}

#[test]
fn check_of_a_clean_file_into_a_full_disk_still_succeeds_as_nothing_is_printed() {
    let finished = with_full_disk(&["check", "tests/fixtures/valid.ron"]);
    assert_eq!(finished.code, Some(0), "{finished:?}");
}

#[cfg(unix)]
#[test]
fn export_refuses_devices_and_pipes_and_leaves_them_as_they_were() {
    use std::os::unix::fs::FileTypeExt;
    let folder = tempfile::tempdir().unwrap();
    let pipe = folder.path().join("slide.png");
    assert!(Command::new("mkfifo").arg(&pipe).status().unwrap().success());
    for target in ["/dev/full".to_owned(), path_text(&pipe)] {
        let finished = geodep(["export", SERBIA, "--step", "1", "--out", &target]);
        finished.assert_refused(&target, "only regular files are written");
    }
    assert!(fs::symlink_metadata("/dev/full").unwrap().file_type().is_char_device());
    assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo());
}

#[cfg(unix)]
#[test]
fn export_through_a_link_writes_the_file_it_points_to_and_keeps_the_link() {
    let folder = tempfile::tempdir().unwrap();
    let real = folder.path().join("real.svg");
    fs::write(&real, "old").unwrap();
    let link = folder.path().join("link.svg");
    std::os::unix::fs::symlink("real.svg", &link).unwrap();
    let finished = geodep(["export", SERBIA, "--step", "1", "--out", &path_text(&link), "--format", "svg"]);
    assert_eq!(finished.code, Some(0), "{finished:?}");
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(fs::read_to_string(&real).unwrap().contains("<svg"));
}
