//! The README's scenario example stays valid as the format evolves.

#[test]
fn the_readme_example_scenario_checks_clean() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("```ron\n").expect("README has a ```ron example") + "```ron\n".len();
    let length = readme[start..].find("```").expect("the example is closed");
    let report = geodep::io::load_text(&readme[start..start + length]);
    assert!(report.scenario.is_some(), "{:#?}", report.diagnostics);
    assert_eq!(report.diagnostics, vec![], "the example should have no warnings either");
}
