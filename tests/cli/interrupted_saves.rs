//! Saves killed at random moments: `geodep fmt` children are sent SIGKILL after random short delays (and, since
//! those rarely land while a temporary file exists, also as soon as one shows in the folder); after each kill
//! the file must parse and hold either the old text or the new; after one more save that finishes, the folder
//! must hold only the file and its `.bak` (no temporary file left behind).

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// A valid scenario that is not in canonical form (all on few lines) and large enough that a save takes a
/// moment, so that kills land before, during and after its writes.
fn old_text() -> String {
    let actors: String = (0..3_000)
        .map(|number| format!("Actor(id: \"A{number}\", name: \"Actor {number}\", kind: State, sources: [\"s\"]), "))
        .collect();
    format!(
        "Scenario(format: 1, title: \"Interrupted\", actors: [{actors}], sources: [Source(id: \"s\", title: \"S\")])\n"
    )
}

fn fmt_command(path: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_geodep"));
    command.arg("fmt").arg(path).stdout(Stdio::null()).stderr(Stdio::null());
    command
}

/// Delays from a fixed seed, spread over `span` (the same in every run).
fn delays(count: usize, span: Duration) -> Vec<Duration> {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..count)
        .map(|_| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            span.mul_f64((seed >> 11) as f64 / (1u64 << 53) as f64)
        })
        .collect()
}

fn assert_old_or_new(path: &Path, old: &str, new: &str) {
    let now = fs::read_to_string(path).unwrap();
    assert!(now == old || now == new, "after a kill the file is neither the old nor the new text");
    assert!(geodep::io::load_text(&now).scenario.is_some());
}

/// Watches the folder and kills the child as soon as a temporary file of a save shows in it (or lets it end).
fn kill_when_a_temporary_file_appears(child: &mut std::process::Child, folder: &Path) {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        let saving = names_in(folder).iter().any(|name| name.ends_with(".tmp"));
        if saving || started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            break;
        }
    }
    let _ = child.wait();
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(folder).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_save_killed_at_any_moment_leaves_old_or_new_and_the_next_save_tidies_up() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("scenario.ron");
    let old = old_text();
    fs::write(&path, &old).unwrap();
    // One save that finishes gives the new text and how long a save takes here.
    let started = Instant::now();
    assert!(fmt_command(&path).status().unwrap().success());
    let span = started.elapsed();
    let new = fs::read_to_string(&path).unwrap();
    assert_ne!(new, old);

    for delay in delays(40, span) {
        fs::write(&path, &old).unwrap();
        let mut child = fmt_command(&path).spawn().unwrap();
        thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        assert_old_or_new(&path, &old, &new);
    }
    // Kills at random moments rarely land in the short time a temporary file exists; these land there.
    for _ in 0..10 {
        fs::write(&path, &old).unwrap();
        let mut child = fmt_command(&path).spawn().unwrap();
        kill_when_a_temporary_file_appears(&mut child, folder.path());
        assert_old_or_new(&path, &old, &new);
    }

    fs::write(&path, &old).unwrap();
    assert!(fmt_command(&path).status().unwrap().success());
    assert_eq!(fs::read_to_string(&path).unwrap(), new);
    assert_eq!(names_in(folder.path()), ["scenario.ron", "scenario.ron.bak"]);
}
