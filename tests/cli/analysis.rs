//! `geodep report`, `shock` and `diff` run as a separate process on tests/fixtures/analysis-small.ron, whose
//! figures are small enough to work out by hand:
//! - in 2023 Consumer One gets 60% of its gas from Supplier A through Transit T and 40% from Supplier B
//!   (HHI 60² + 40² = 5,200); Consumer Two gets 90% from A through T on the "Pipe" route and makes 10% itself
//!   (HHI 90² + 10² = 8,200);
//! - Consumer One refuses sanctions on A, Consumer Two imposes them; both depend on A for over half their gas;
//! - Consumer One is A's partner (+0.6) but agreed with it in a quarter of two votes (yes against no, then an
//!   abstention against no: (0 + 0.5) / 2).

use std::process::Command;

use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/analysis-small.ron";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn geodep(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_geodep"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the geodep binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn json(run: &Run) -> Value {
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|error| panic!("not JSON ({error}): {}", run.stdout))
}

#[test]
fn closing_the_transit_country_cuts_both_consumers_through_it() {
    let run = geodep(&["shock", FIXTURE, "--close-transit", "T"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().collect::<Vec<_>>(),
        [
            "Transit T closes to transit in 2023:",
            "  Consumer Two loses 90% of its gas",
            "  Consumer One loses 60% of its gas"
        ]
    );
}

#[test]
fn a_cut_supplier_or_a_closed_route_in_json() {
    let cut = json(&geodep(&["shock", FIXTURE, "--cut", "A", "--commodity", "gas", "--format", "json"]));
    assert_eq!(cut["disruption"]["kind"], "cut_supplier");
    assert_eq!(cut["losses"][0]["consumer"], "C2");
    assert_eq!(cut["losses"][0]["lost_share"], 0.9);
    assert_eq!(cut["losses"][1]["consumer_name"], "Consumer One");
    let route = json(&geodep(&["shock", FIXTURE, "--close-route", "pipe", "--format", "json"]));
    assert_eq!(route["losses"].as_array().unwrap().len(), 1, "only Consumer Two's flow takes the Pipe route");
    let earlier = json(&geodep(&["shock", FIXTURE, "--cut", "A", "--year", "2021", "--format", "json"]));
    assert_eq!(earlier["losses"][0]["lost_share"], 0.5);
}

#[test]
fn unknown_ids_and_missing_choices_are_refused_with_a_reason() {
    let unknown = geodep(&["shock", FIXTURE, "--cut", "AA"]);
    assert_eq!(unknown.code, Some(1));
    assert!(unknown.stderr.contains("unknown actor \"AA\"; did you mean \"A\"?"), "{}", unknown.stderr);
    let none = geodep(&["shock", FIXTURE]);
    assert_eq!(none.code, Some(1));
    assert!(none.stderr.contains("exactly one of --cut, --close-transit or --close-route"));
    let broken = geodep(&["report", "tests/fixtures/broken-references.ron"]);
    assert_eq!(broken.code, Some(1));
    assert!(broken.stderr.contains("has errors"), "{}", broken.stderr);
}

#[test]
fn the_report_gives_concentration_flags_network_and_alignment() {
    let report = json(&geodep(&["report", FIXTURE, "--format", "json"]));
    assert_eq!(report["year"], 2023);
    let dependence = report["dependence"].as_array().unwrap();
    let hhi =
        |consumer: &str| dependence.iter().find(|row| row["consumer"] == consumer).unwrap()["hhi"].as_f64().unwrap();
    assert!((hhi("C1") - 5_200.0).abs() < 1e-6);
    assert!((hhi("C2") - 8_200.0).abs() < 1e-6);
    // Both consumers' records cover all their gas, so their indices are taken as they are.
    for row in dependence {
        assert_eq!((row["coverage"].as_f64(), row["hhi_lower_bound"].as_bool()), (Some(1.0), Some(false)), "{row}");
        // The fixture grades none of its sources: every share rests on F.
        assert!(row["suppliers"].as_array().unwrap().iter().all(|share| share["grade"] == "F"), "{row}");
    }
    let sources = report["sources"].as_array().unwrap();
    assert!(!sources.is_empty() && sources.iter().all(|source| source["reliability"].is_null()), "{sources:?}");
    let flags: Vec<&str> =
        report["flags"].as_array().unwrap().iter().map(|flag| flag["text"].as_str().unwrap()).collect();
    assert!(flags.contains(
        &"Consumer One refuses sanctions on Supplier A while getting 60% of its gas from Supplier A in 2023"
    ));
    assert!(flags.contains(
        &"Consumer Two imposes sanctions on Supplier A while getting 90% of its gas from Supplier A in 2023"
    ));
    assert!(flags.iter().any(|text| text.starts_with("Consumer One and Supplier A have a friendly tie")));
    let customers = &report["customers"][0];
    assert_eq!(
        (customers["supplier"].as_str(), customers["consumers"][0]["consumer"].as_str()),
        (Some("A"), Some("C2"))
    );
    assert_eq!(customers["consumers"][1]["share"], 0.6);
    assert_eq!(report["network"][0]["actor"], "A", "A sits between the two consumers");
    assert_eq!(report["network"][0]["betweenness"], 1.0);
    let scores = report["alignment"]["scores"].as_array().unwrap();
    let one = scores.iter().find(|score| score["actor"] == "C1").unwrap();
    assert_eq!((one["score"].as_f64().unwrap(), one["votes"].as_u64().unwrap()), (0.25, 2));
}

#[test]
fn the_report_as_text_separates_its_sections_with_blank_lines() {
    let run = geodep(&["report", FIXTURE]);
    assert_eq!(run.code, Some(0));
    // A section heading follows an empty line, not a visible "\n" (output is made terminal-safe line by line).
    assert!(!run.stdout.contains("\\n"), "{}", run.stdout);
    assert!(run.stdout.contains("\n\nDependence (top supplier"), "{}", run.stdout);
}

#[test]
fn the_report_as_csv_is_the_dependence_table() {
    let run = geodep(&["report", FIXTURE, "--format", "csv"]);
    assert_eq!(run.code, Some(0));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "consumer,consumer_name,commodity,basis,year,top_supplier,top_share,hhi,coverage,hhi_lower_bound,weakest_grade"
    );
    // The fixture's sources are not graded: every figure counts as resting on F.
    assert_eq!(lines[1], "C1,Consumer One,Gas,consumption,2023,A,0.6000,5200.0,1.0000,false,F");
    assert_eq!(lines[2], "C2,Consumer Two,Gas,consumption,2023,A,0.9000,8200.0,1.0000,false,F");
}

#[test]
fn diff_compares_two_years_or_two_files() {
    let years = geodep(&["diff", FIXTURE, "--years", "2021", "2023"]);
    assert_eq!(years.code, Some(0));
    assert!(years.stdout.contains("Consumer One's gas from Supplier A: 50% -> 60%"), "{}", years.stdout);
    assert!(years.stdout.contains("Consumer One on sanctions against Supplier A: no record -> refuses"));

    let folder = tempfile::tempdir().unwrap();
    let changed = folder.path().join("changed.ron");
    let text = std::fs::read_to_string(FIXTURE).unwrap().replace("stance: Refuses", "stance: Aligns");
    std::fs::write(&changed, text).unwrap();
    let files = json(&geodep(&["diff", FIXTURE, changed.to_str().unwrap(), "--format", "json"]));
    let changes = files["changes"].as_array().unwrap();
    // The stance applies from 2022, and the files name 2021 (a flow), 2022 (a vote) and 2023: it differs in two.
    let years: Vec<&Value> = changes.iter().map(|change| &change["year"]).collect();
    assert_eq!(years, [2022, 2023], "{changes:#?}");
    assert_eq!(changes[0]["kind"], "stance");
    assert_eq!(changes[0]["before"], "Refuses");
    assert_eq!(changes[0]["text"], "Consumer One on sanctions against Supplier A: refuses -> aligns");
}
