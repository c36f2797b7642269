//! `geodep generate` run as a separate process: a file that `geodep check` passes with no problem, the counts
//! asked for, the same bytes for the same seed, shares that fit, a tie network with hubs, an existing file left
//! alone without --overwrite (and kept as .bak with it), and wrong arguments refused with the reason.

use crate::limited;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use geodep::model::{ActorKind, Scenario};
use limited::{Finished, geodep, path_text};

/// Runs `geodep generate ARGS --out FOLDER/NAME` and returns the run and the path.
fn generate(folder: &Path, name: &str, args: &[&str]) -> (Finished, PathBuf) {
    let out = folder.join(name);
    let mut all: Vec<String> = ["generate", "--out", &path_text(&out)].iter().map(|arg| arg.to_string()).collect();
    all.extend(args.iter().map(|arg| arg.to_string()));
    (geodep(all), out)
}

fn load(path: &Path) -> Scenario {
    let report = geodep::io::load_file(path);
    assert_eq!(report.diagnostics, vec![], "{} loads with no problem", path.display());
    report.scenario.expect("the file loads")
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(folder).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn the_file_passes_check_with_no_error_or_warning() {
    let folder = tempfile::tempdir().unwrap();
    let (run, out) = generate(folder.path(), "world.ron", &["--actors", "200", "--ties", "800", "--seed", "7"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("wrote") && run.stderr.contains("200 states"), "{}", run.stderr);
    let check = geodep(["check", &path_text(&out)]);
    assert_eq!(check.code, Some(0), "{}{}", check.stdout, check.stderr);
    assert_eq!(check.stdout, "", "no problem is listed");
    assert!(check.stderr.contains("0 error(s), 0 warning(s)"), "{}", check.stderr);
    let text = fs::read_to_string(&out).unwrap();
    assert_eq!(text, geodep::io::to_canonical_text(&load(&out)), "written in GeoDep's canonical form");
    assert_eq!(names_in(folder.path()), ["world.ron"], "no temporary file is left behind");
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_ones() {
    let folder = tempfile::tempdir().unwrap();
    let args = ["--actors", "150", "--ties", "600", "--flows", "500"];
    let with_seed = |name: &str, seed: &str| {
        let (run, out) = generate(folder.path(), name, &[&args[..], &["--seed", seed]].concat());
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        fs::read(out).unwrap()
    };
    let first = with_seed("first.ron", "42");
    assert_eq!(first, with_seed("again.ron", "42"));
    assert_ne!(first, with_seed("other.ron", "43"));
}

#[test]
fn the_file_holds_the_counts_asked_for() {
    let folder = tempfile::tempdir().unwrap();
    let (run, out) = generate(folder.path(), "counts.ron", &["--actors", "120", "--ties", "700", "--flows", "999"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let scenario = load(&out);
    let states = scenario.actors.iter().filter(|actor| actor.kind == ActorKind::State).count();
    assert_eq!((states, scenario.ties.len(), scenario.energy.len()), (120, 700, 999));
    let (run, out) = generate(folder.path(), "default.ron", &["--actors", "80", "--ties", "0"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let scenario = load(&out);
    assert_eq!((scenario.ties.len(), scenario.energy.len()), (0, 160), "twice the states by default");
    assert!(scenario.actors.iter().any(|actor| actor.kind == ActorKind::Bloc));
    assert!(!scenario.sanctions.is_empty() && !scenario.votes.is_empty());
}

#[test]
fn shares_of_a_consumer_commodity_and_year_add_up_to_at_most_one() {
    let folder = tempfile::tempdir().unwrap();
    let (run, out) = generate(folder.path(), "shares.ron", &["--actors", "100", "--ties", "400", "--flows", "4000"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let scenario = load(&out);
    let mut totals: BTreeMap<(String, String, Option<i32>), f64> = BTreeMap::new();
    for flow in &scenario.energy {
        let key = (flow.consumer.clone(), flow.commodity.label().to_owned(), flow.year);
        *totals.entry(key).or_default() += flow.share;
    }
    let largest = totals.values().copied().fold(0.0, f64::max);
    assert!(largest <= 1.0, "a total of {largest}");
    assert!(largest > 0.5, "the largest total, {largest}, is a realistic one");
}

#[test]
fn a_few_hub_states_hold_many_of_the_ties() {
    let folder = tempfile::tempdir().unwrap();
    let (states, ties) = (2_000, 10_000);
    let args = ["--actors", &states.to_string(), "--ties", &ties.to_string(), "--flows", "0"].map(str::to_owned);
    let (run, out) = generate(folder.path(), "hubs.ron", &args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let scenario = load(&out);
    let mut degrees: HashMap<&str, usize> = HashMap::new();
    for tie in &scenario.ties {
        assert_ne!(tie.a, tie.b);
        *degrees.entry(&tie.a).or_default() += 1;
        *degrees.entry(&tie.b).or_default() += 1;
    }
    let mut counts: Vec<usize> = degrees.into_values().collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    let top: usize = counts[..states / 100].iter().sum();
    // In a uniform random graph of this size the top 1% of states hold about 2% of the tie ends.
    let share = top as f64 / (2 * ties) as f64;
    assert!(share > 0.06, "the top 1% of states hold {:.1}% of the tie ends", share * 100.0);
}

#[test]
fn an_existing_file_is_kept_unless_overwrite_is_given_and_then_kept_as_bak() {
    let folder = tempfile::tempdir().unwrap();
    let mine = folder.path().join("mine.ron");
    fs::write(&mine, "my work").unwrap();
    let (run, _) = generate(folder.path(), "mine.ron", &["--actors", "10", "--ties", "10"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("exists") && run.stderr.contains("--overwrite"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&mine).unwrap(), "my work", "the file is untouched");
    assert_eq!(names_in(folder.path()), ["mine.ron"]);
    let (run, _) = generate(folder.path(), "mine.ron", &["--actors", "10", "--ties", "10", "--overwrite"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(fs::read_to_string(folder.path().join("mine.ron.bak")).unwrap(), "my work");
    assert_eq!(load(&mine).actors.iter().filter(|actor| actor.kind == ActorKind::State).count(), 10);
    assert_eq!(names_in(folder.path()), ["mine.ron", "mine.ron.bak"]);
}

#[test]
fn requests_that_cannot_be_met_are_refused_with_the_reason_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let refusals: [(&[&str], &str); 8] = [
        (&["--actors", "0", "--ties", "0"], "--actors 0: a scenario needs at least 1 state"),
        (&["--actors", "100001", "--ties", "0"], "at most 100,000 states"),
        (&["--actors", "10", "--ties", "46"], "--ties 46: 10 states can have at most 45 ties"),
        (&["--actors", "1", "--ties", "0", "--flows", "17"], "--flows 17: 1 state can have at most 16 energy flows"),
        (&["--actors", "100000", "--ties", "1000000", "--flows", "1000000"], "more than GeoDep opens (64 MiB)"),
        (&["--actors", "many", "--ties", "1"], "invalid value 'many'"),
        (&["--actors", "-3", "--ties", "1"], "--actors"),
        (&["--ties", "1"], "--actors"),
    ];
    for (args, message) in refusals {
        let (run, _) = generate(folder.path(), "refused.ron", args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{args:?}: expected {message:?} in {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
    assert_eq!(names_in(folder.path()), Vec::<String>::new(), "nothing is written");
}
