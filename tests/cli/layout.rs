//! `geodep layout` run as a separate process: the force layout without a window, on a scenario or an edge list,
//! written as `id,x,y` lines.

use std::path::Path;
use std::process::{Command, Output};

fn geodep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_geodep"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("geodep runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// (id, x, y) of each line after the header.
fn positions(csv: &str) -> Vec<(String, f32, f32)> {
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("id,x,y"), "a header first: {csv}");
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), 3, "{line}");
            (fields[0].to_owned(), fields[1].parse().unwrap(), fields[2].parse().unwrap())
        })
        .collect()
}

fn write(folder: &Path, name: &str, contents: &str) -> String {
    let path = folder.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

/// A square with a tail: a–b–c–d–a, and d–e.
const SQUARE_WITH_TAIL: &str = "source,target\na,b\nb,c\nc,d\nd,a\nd,e\n";

#[test]
fn an_edge_list_is_laid_out_one_line_per_node_and_the_same_every_time() {
    let folder = tempfile::tempdir().unwrap();
    let edges = write(folder.path(), "square.csv", SQUARE_WITH_TAIL);
    let first = geodep(&["layout", &edges, "--out", "-"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let laid_out = positions(&text(&first.stdout));
    let ids: Vec<&str> = laid_out.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"], "nodes in order of appearance");
    assert!(laid_out.iter().all(|(_, x, y)| x.is_finite() && y.is_finite()));
    let distance = |a: usize, b: usize| (laid_out[a].1 - laid_out[b].1).hypot(laid_out[a].2 - laid_out[b].2);
    // a and c are two links apart, a and b one: the layout keeps graph distance in the plane.
    assert!(distance(0, 2) > distance(0, 1), "a–c {} vs a–b {}", distance(0, 2), distance(0, 1));
    assert!(text(&first.stderr).contains("laid out 5 nodes and 5 links"), "{}", text(&first.stderr));
    let again = geodep(&["layout", &edges, "--out", "-"]);
    assert_eq!(again.stdout, first.stdout, "same input and seed, same positions");
    let other_seed = geodep(&["layout", &edges, "--out", "-", "--seed", "7"]);
    assert_ne!(other_seed.stdout, first.stdout, "another seed starts elsewhere");
}

#[test]
fn a_scenario_is_laid_out_with_every_actor_and_its_links_can_be_written_as_an_edge_list() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("positions.csv");
    let edges = folder.path().join("edges.csv");
    let run = geodep(&[
        "layout",
        "scenarios/serbia-2023.ron",
        "--out",
        out.to_str().unwrap(),
        "--edges-out",
        edges.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let scenario = geodep::io::load_file(Path::new("scenarios/serbia-2023.ron")).scenario.unwrap();
    let laid_out = positions(&std::fs::read_to_string(&out).unwrap());
    let ids: Vec<String> = laid_out.into_iter().map(|(id, _, _)| id).collect();
    let actors: Vec<String> = scenario.actors.iter().map(|actor| actor.id.clone()).collect();
    assert_eq!(ids, actors);
    let edge_list = std::fs::read_to_string(&edges).unwrap();
    assert!(edge_list.starts_with("source,target,weight\n"), "{edge_list}");
    assert!(edge_list.lines().any(|line| line.starts_with("SRB,RUS,")), "Serbia's gas from Russia: {edge_list}");
    // The edge list is itself an input: laid out again, it gives a position to each actor it links.
    let again = geodep(&["layout", edges.to_str().unwrap(), "--out", "-"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(positions(&text(&again.stdout)).iter().any(|(id, _, _)| id == "SRB"));
}

#[test]
fn iterations_cap_the_work() {
    let folder = tempfile::tempdir().unwrap();
    let edges = write(folder.path(), "square.csv", SQUARE_WITH_TAIL);
    let settled = geodep(&["layout", &edges, "--out", "-"]);
    let one_step = geodep(&["layout", &edges, "--out", "-", "--iterations", "1"]);
    assert!(one_step.status.success());
    assert_ne!(one_step.stdout, settled.stdout, "one step is not the settled layout");
}

#[test]
fn bad_input_is_refused_with_its_line_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let edges = write(folder.path(), "bad.csv", "a,b\nc\n");
    let out = folder.path().join("positions.csv");
    let run = geodep(&["layout", &edges, "--out", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains("line 2: expected source,target[,weight]"), "{}", text(&run.stderr));
    assert!(!out.exists(), "no positions file for a bad input");
    let missing = geodep(&["layout", "no-such-file.csv", "--out", "-"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("no-such-file.csv"), "{}", text(&missing.stderr));
    let broken = write(folder.path(), "broken.ron", "Scenario(format: 1, title: ");
    let run = geodep(&["layout", &broken, "--out", "-"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains("has errors"), "{}", text(&run.stderr));
}
