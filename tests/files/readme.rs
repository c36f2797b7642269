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

/// The worked Eurostat example prints what the README shows, and gives the share it quotes.
#[test]
fn the_readme_eurostat_example_prints_what_it_shows() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let fixture = "tests/fixtures/exchange/eurostat-nrg_ti_gasm-extract.tsv";
    let bytes =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/exchange/eurostat-nrg_ti_gasm-extract.tsv"))
            .unwrap();
    let mapping = geodep::exchange::ImportMapping::from_ron(r#"(eurostat: (retrieved: "2024-01-31"))"#).unwrap();
    assert!(readme.contains(r#"$ echo '(eurostat: (retrieved: "2024-01-31"))' > map.ron"#));
    assert!(readme.contains(&format!("$ geodep import {fixture} --mapping map.ron --out gas.ron")));
    let name = "eurostat-nrg_ti_gasm-extract.tsv".to_owned();
    let files = [geodep::exchange::InputFile { name, bytes }];
    let (scenario, report) = geodep::exchange::import(&files, &mapping, &mut |_| {});
    for line in report.to_string().lines() {
        assert!(readme.contains(&format!("\n{line}\n")), "the README does not show the line {line:?}");
    }
    let bulgaria = scenario.energy.iter().find(|flow| flow.consumer == "BGR" && flow.year == Some(2021)).unwrap();
    assert_eq!((bulgaria.supplier.as_str(), format!("{:.2}", bulgaria.share)), ("RUS", "0.93".to_owned()));
    assert!(readme.contains("give `share: 0.93`, with `volume: Volume(11.905058, Bcm)`"));
    assert_eq!(bulgaria.volume.map(|volume| volume.0), Some(11.905058));
}
