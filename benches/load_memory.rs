//! Peak memory of `geodep check` on large valid scenarios (about 12 MB and 60 MB, the shape of
//! `scripts/generate_scenario.py valid`), beside a bare serde parse of the same file (read it, `ron::from_str`
//! into a `Scenario` with the loader's reader options, nothing else) in its own process. Run with `cargo bench --bench load_memory`.
//!
//! Each measurement is a child process's peak resident set as the kernel reports it (`wait4`), so it includes
//! the program itself, as GNU time's `%M` does (about 8 MiB for `geodep check` on a tiny file). The target (issue 16) is at most 6 times the file's size.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const BARE_PARSE: &str = "--bare-parse";

fn main() {
    let arguments: Vec<String> = std::env::args().collect();
    if let Some(at) = arguments.iter().position(|argument| argument == BARE_PARSE) {
        bare_parse(Path::new(&arguments[at + 1]));
        return;
    }
    let folder = tempfile::tempdir().expect("a temporary folder");
    println!(
        "{:<28} {:>12} {:>14} {:>8} {:>16} {:>8}",
        "file", "size", "geodep check", "× size", "bare serde parse", "ratio"
    );
    for megabytes in [12, 60] {
        let path = folder.path().join(format!("valid-{megabytes}.ron"));
        write_valid_scenario(&path, megabytes);
        let size = std::fs::metadata(&path).expect("the file just written").len();
        let check = peak_kib(Command::new(env!("CARGO_BIN_EXE_geodep")).arg("check").arg(&path));
        let bare = peak_kib(Command::new(std::env::current_exe().expect("this benchmark")).arg(BARE_PARSE).arg(&path));
        let size_kib = size as f64 / 1024.0;
        println!(
            "{:<28} {:>9.1} MB {:>10} KiB {:>7.2}× {:>12} KiB {:>7.2}×",
            format!("valid, {megabytes} MB"),
            size as f64 / 1e6,
            check,
            check as f64 / size_kib,
            bare,
            check as f64 / bare as f64,
        );
    }
}

/// The peer: what serde alone needs to hold the file and the scenario it describes.
fn bare_parse(path: &Path) {
    let text = std::fs::read_to_string(path).expect("a readable file");
    // The same reader options as the loader (implicit `Some`), nothing more.
    let scenario = geodep::io::parse_scenario(&text).expect("a valid scenario");
    std::hint::black_box(&scenario);
}

/// Runs `command` to its end and gives its peak resident set in KiB.
#[allow(clippy::zombie_processes, reason = "wait4 reaps the child: Child::wait would not give its rusage")]
fn peak_kib(command: &mut Command) -> i64 {
    let child = command.stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("the command starts");
    let mut status = 0;
    // SAFETY: rusage is plain data the kernel fills in; wait4 reaps only the child just spawned.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(reaped, child.id() as libc::pid_t, "wait4 failed");
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "the command failed: {command:?}");
    usage.ru_maxrss
}

/// About `megabytes` MB of actors and energy flows, each consumer with at most 20 suppliers at 0.01 a year.
fn write_valid_scenario(path: &Path, megabytes: usize) {
    let count = (megabytes * 1024 * 1024 / 125).max(10);
    let actor_count = (count / 20).max(10);
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("a writable folder"));
    let mut write = |text: String| file.write_all(text.as_bytes()).expect("room to write");
    write("Scenario(\n    format: 1,\n    title: \"Synthetic\",\n    actors: [\n".into());
    for index in 0..actor_count {
        write(format!(
            "        Actor(id: \"A{index:06}\", name: \"Actor number {index}\", kind: State, sources: [\"s\"]),\n"
        ));
    }
    write("    ],\n    energy: [\n".into());
    for index in 0..count {
        let (supplier, consumer) = ((index * 7 + 1) % actor_count, index % actor_count);
        let year = 2000 + index / actor_count;
        write(format!(
            "        EnergyFlow(supplier: \"A{supplier:06}\", consumer: \"A{consumer:06}\", commodity: Gas, \
             share: 0.01, year: {year}, sources: [\"s\"]),\n"
        ));
    }
    write("    ],\n    sources: [\n        Source(id: \"s\", title: \"Synthetic\"),\n    ],\n)\n".into());
}
