//! GraphML and GEXF: every bundled scenario and a scenario using every field come back from an export unchanged;
//! files written by networkx, igraph and the GEXF primer import as expected; each quirk of real files and each
//! malformed input is reported as the import module documents.

use std::collections::BTreeMap;
use std::path::Path;

use geodep::exchange::{EdgeMapping, FileReport, ImportMapping, Imported, NoteKind, gexf, graphml};
use geodep::model::*;
use proptest::prelude::*;

type Import = fn(&str, &[u8], &ImportMapping) -> Imported;
type Export = fn(&Scenario, &[[f32; 2]]) -> String;
const FORMATS: [(&str, Import, Export); 2] =
    [("graphml", graphml::import, graphml::export), ("gexf", gexf::import, gexf::export)];

fn bundled() -> Vec<(String, Scenario)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("scenarios").expect("the scenarios folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|extension| extension == "ron") {
            let report = geodep::io::load_file(&path);
            let scenario = report.scenario.unwrap_or_else(|| panic!("{} loads", path.display()));
            found.push((path.file_stem().unwrap_or_default().to_string_lossy().into_owned(), scenario));
        }
    }
    assert!(found.len() >= 4, "the bundled scenarios are found");
    found
}

/// Positions the caller would compute: one per actor, distinct.
fn positions(scenario: &Scenario) -> Vec<[f32; 2]> {
    (0..scenario.actors.len()).map(|index| [index as f32 * 10.0, -(index as f32) * 2.5]).collect()
}

/// What an export keeps: actors (not their M49 regions or dated memberships, which neither format has a place
/// for), energy flows, stances, ties, sources, and a position for every actor.
fn assert_same(original: &Scenario, back: &Scenario, what: &str) {
    let mut kept = original.actors.clone();
    for actor in &mut kept {
        (actor.region, actor.subregion) = (None, None);
        actor.memberships.clear();
    }
    assert_eq!(back.actors, kept, "{what}: actors");
    assert_eq!(back.energy, original.energy, "{what}: energy flows");
    assert_eq!(back.sanctions, original.sanctions, "{what}: sanctions stances");
    assert_eq!(back.ties, original.ties, "{what}: ties");
    assert_eq!(back.sources, original.sources, "{what}: sources");
    let given = positions(original);
    for (index, actor) in original.actors.iter().enumerate() {
        let expected = original.layout.get(&actor.id).copied().unwrap_or(Position(given[index][0], given[index][1]));
        assert_eq!(back.layout.get(&actor.id), Some(&expected), "{what}: position of {}", actor.id);
    }
}

fn round_trip(scenario: &Scenario, import: Import, export: Export) -> Imported {
    let text = export(scenario, &positions(scenario));
    import("exported", text.as_bytes(), &ImportMapping::default())
}

#[test]
fn every_bundled_scenario_comes_back_from_both_formats() {
    for (name, scenario) in bundled() {
        for (format, import, export) in FORMATS {
            let imported = round_trip(&scenario, import, export);
            let what = format!("{name}.{format}");
            assert!(imported.report.refused.is_none(), "{what}: {}", imported.report);
            assert!(imported.report.notes.is_empty(), "{what}: {}", imported.report);
            assert_same(&scenario, &imported.scenario, &what);
            assert_eq!(imported.report.mapped.get("actors"), Some(&scenario.actors.len()), "{what}");
        }
    }
}

fn every_field() -> Scenario {
    let actor = |id: &str, kind| Actor {
        id: id.to_owned(),
        name: format!("{id} name"),
        local_name: None,
        kind,
        location: None,
        region: None,
        subregion: None,
        groups: Vec::new(),
        members: Vec::new(),
        memberships: Vec::new(),
        note: None,
        sources: Vec::new(),
    };
    let mut bloc = actor("EU", ActorKind::Bloc);
    bloc.members = vec!["HUN".to_owned(), "BGR".to_owned()];
    bloc.groups = vec!["Europe".to_owned(), "Single market".to_owned()];
    let mut serbia = actor("SRB", ActorKind::State);
    serbia.local_name = Some("Србија".to_owned());
    serbia.location = Some(GeoPoint { lat: 44.82, lon: 20.46 });
    serbia.note = Some("Quotes \"here\", <tags> & 'apostrophes'\nsecond line\twith a tab".to_owned());
    serbia.sources = vec!["one".to_owned(), "two".to_owned()];
    let actors = vec![
        bloc,
        serbia,
        actor("HUN", ActorKind::State),
        actor("BGR", ActorKind::State),
        actor("gazprom", ActorKind::Company),
        actor("NATO", ActorKind::Organisation),
        actor("RS", ActorKind::Territory),
        actor("vucic", ActorKind::Person),
    ];
    let flow = EnergyFlow {
        supplier: "gazprom".to_owned(),
        consumer: "SRB".to_owned(),
        commodity: Commodity::Gas,
        share: 0.1 + 0.2,
        basis: ShareBasis::Imports,
        volume: Some(Volume(2.2, Unit::Bcm)),
        via: vec!["BGR".to_owned(), "HUN".to_owned()],
        route: Some("TurkStream".to_owned()),
        year: None,
        from: Some("2021-01".to_owned()),
        until: Some("2023-06-30".to_owned()),
        certainty: Certainty::Estimate,
        note: Some("an estimate".to_owned()),
        sources: vec!["one".to_owned()],
    };
    let own = EnergyFlow {
        supplier: "SRB".to_owned(),
        consumer: "SRB".to_owned(),
        commodity: Commodity::Other("Lignite".to_owned()),
        share: 1.0,
        basis: ShareBasis::Consumption,
        volume: Some(Volume(1e-7, Unit::KbPerDay)),
        via: Vec::new(),
        route: None,
        year: Some(2022),
        from: None,
        until: None,
        certainty: Certainty::Reported,
        note: None,
        sources: vec!["two".to_owned()],
    };
    let nuclear = EnergyFlow { commodity: Commodity::NuclearFuel, volume: None, ..own.clone() };
    let stance = SanctionStance {
        by: "EU".to_owned(),
        target: "NATO".to_owned(),
        stance: Stance::Partial,
        year: None,
        from: None,
        until: Some("2030".to_owned()),
        certainty: Certainty::Stated,
        note: Some("semi; colons; inside".to_owned()),
        sources: vec!["one".to_owned()],
    };
    let tie = Tie {
        a: "vucic".to_owned(),
        b: "RS".to_owned(),
        kind: TieKind::Support,
        strength: 0.75,
        topic: Some("Dayton".to_owned()),
        directed: true,
        year: Some(2023),
        from: None,
        until: None,
        certainty: Certainty::Stated,
        note: None,
        sources: vec!["two".to_owned()],
    };
    let hostile = Tie { kind: TieKind::Hostile, strength: -1.0, directed: false, topic: None, ..tie.clone() };
    let source = |id: &str| Source {
        id: id.to_owned(),
        title: format!("Source {id} & co"),
        publisher: Some("Publisher".to_owned()),
        date: Some("2023-12-25".to_owned()),
        url: Some("https://example.org/?a=1&b=2".to_owned()),
        reliability: Some(Reliability::B),
        note: Some("line one\nline two".to_owned()),
    };
    Scenario {
        title: "Every field".to_owned(),
        actors,
        energy: vec![flow, own, nuclear],
        sanctions: vec![stance],
        ties: vec![tie, hostile],
        sources: vec![source("one"), source("two")],
        layout: BTreeMap::from([("SRB".to_owned(), Position(1.5, -2.25))]),
        ..Scenario::default()
    }
}

#[test]
fn every_field_comes_back_from_both_formats() {
    let scenario = every_field();
    assert!(
        geodep::validate::validate(&scenario)
            .iter()
            .all(|problem| problem.severity != geodep::diagnostic::Severity::Error)
    );
    for (format, import, export) in FORMATS {
        let imported = round_trip(&scenario, import, export);
        assert!(imported.report.notes.is_empty(), "{format}: {}", imported.report);
        assert_same(&scenario, &imported.scenario, format);
        assert_eq!(imported.report.mapped.get("energy flows"), Some(&3), "{format}");
        assert_eq!(imported.report.mapped.get("ties"), Some(&2), "{format}");
    }
}

#[test]
fn an_exported_gexf_is_version_1_3_with_viz_and_unique_edge_ids() {
    let scenario = every_field();
    let text = gexf::export(&scenario, &positions(&scenario));
    assert!(text.contains("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""));
    assert!(text.contains("version=\"1.3\""));
    // SRB has a saved position, which wins over the given one; it has the app's colour for an actor.
    assert!(text.contains("<viz:position x=\"1.5\" y=\"-2.25\" z=\"0\"/>"), "{text}");
    assert!(text.contains("<viz:color r=\"100\" g=\"110\" b=\"60\"/>"));
    // Every edge is directed; the undirected hostile tie says so in its values.
    assert!(text.contains("<edge id=\"tie-1\" source=\"vucic\" target=\"RS\" weight=\"1\">"), "{text}");
    assert!(text.contains("<edge id=\"tie-0\" source=\"vucic\" target=\"RS\" weight=\"0.75\">"));
    let hostile = &text[text.find("<edge id=\"tie-1\"").unwrap_or_default()..];
    assert!(hostile.contains("<attvalue for=\"directed\" value=\"false\"/>"));
    let typed_edge = text.lines().any(|line| line.contains("<edge ") && line.contains(" type=\""));
    assert!(!typed_edge, "no edge type: networkx refuses undirected edges in a directed graph");
    let ids: Vec<&str> = text.split("<edge id=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    assert_eq!(ids.len(), 6);
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), 6);
}

// ----- Files written by other tools -----

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new("tests/fixtures/exchange").join(name)).expect("the fixture")
}

fn import_named(name: &str, bytes: &[u8], mapping: &ImportMapping) -> Imported {
    let file = geodep::exchange::InputFile { name: name.to_owned(), bytes: bytes.to_vec() };
    geodep::exchange::import_one(&file, mapping)
}

fn has_note(report: &FileReport, kind: NoteKind, place: &str, words: &str) -> bool {
    report.notes.iter().any(|note| note.kind == kind && note.place.contains(place) && note.message.contains(words))
}

#[test]
fn networkx_graphml_weights_become_partnership_strengths() {
    let imported =
        import_named("networkx-supply.graphml", &fixture("networkx-supply.graphml"), &ImportMapping::default());
    let (scenario, report) = (&imported.scenario, &imported.report);
    let names: Vec<(&str, &str, ActorKind)> =
        scenario.actors.iter().map(|actor| (actor.id.as_str(), actor.name.as_str(), actor.kind)).collect();
    assert_eq!(
        names,
        [
            ("RUS", "Russia", ActorKind::State),
            ("SRB", "Serbia", ActorKind::State),
            ("HUN", "Hungary", ActorKind::State)
        ]
    );
    assert!(has_note(report, NoteKind::Changed, "node HUN", "kind \"Country\""), "{report}");
    assert_eq!(scenario.actors[0].note.as_deref(), Some("population: 143.8"));
    // Weights 4, 2, 1 are divided by the largest.
    let ties: Vec<(&str, &str, f64, bool)> =
        scenario.ties.iter().map(|tie| (tie.a.as_str(), tie.b.as_str(), tie.strength, tie.directed)).collect();
    assert_eq!(ties, [("RUS", "SRB", 1.0, true), ("RUS", "HUN", 0.5, true), ("HUN", "SRB", 0.25, true)]);
    assert!(scenario.ties.iter().all(|tie| tie.kind == TieKind::Partnership));
    assert_eq!(scenario.ties[0].note.as_deref(), Some("pipeline: TurkStream"));
    assert!(has_note(report, NoteKind::Changed, "", "divided by 4"), "{report}");
    assert_eq!(report.mapped.get("ties"), Some(&3));
}

#[test]
fn networkx_gexf_times_positions_parallel_edges_and_a_self_loop() {
    let imported = import_named("networkx-ties.gexf", &fixture("networkx-ties.gexf"), &ImportMapping::default());
    let (scenario, report) = (&imported.scenario, &imported.report);
    assert_eq!(scenario.actors.len(), 3);
    assert_eq!(scenario.actors[1].name, "Bosnia and Herzegovina");
    assert_eq!(scenario.layout.get("SRB"), Some(&Position(10.0, -5.5)));
    assert_eq!(scenario.layout.get("BIH"), Some(&Position(-3.0, 2.0)));
    assert_eq!(scenario.layout.get("HRV"), None);
    assert_eq!(scenario.ties.len(), 2);
    // start = end = 2020 is the year 2020; 2019 to 2023 a period.
    assert_eq!((scenario.ties[0].year, scenario.ties[0].strength), (Some(2020), 0.5));
    let period = (scenario.ties[1].from.as_deref(), scenario.ties[1].until.as_deref());
    assert_eq!(period, (Some("2019"), Some("2023")));
    assert_eq!(scenario.ties[1].note.as_deref(), Some("networkx_key: 1"));
    assert!(has_note(report, NoteKind::Changed, "edge 1,", "a second edge from SRB to BIH"), "{report}");
    assert!(has_note(report, NoteKind::Skipped, "edge 2,", "self-loop"), "{report}");
}

#[test]
fn igraph_graphml_keeps_its_node_ids_and_names() {
    let imported =
        import_named("igraph-triangle.graphml", &fixture("igraph-triangle.graphml"), &ImportMapping::default());
    let scenario = &imported.scenario;
    let actors: Vec<(&str, &str)> =
        scenario.actors.iter().map(|actor| (actor.id.as_str(), actor.name.as_str())).collect();
    assert_eq!(actors, [("n0", "MKD"), ("n1", "ALB"), ("n2", "GRC")]);
    let strengths: Vec<f64> = scenario.ties.iter().map(|tie| tie.strength).collect();
    assert_eq!(strengths, [0.3, 0.6, 0.9]);
    assert!(scenario.ties.iter().all(|tie| !tie.directed));
    assert!(imported.report.notes.is_empty(), "{}", imported.report);
}

#[test]
fn the_gexf_primer_file_in_version_1_1() {
    let imported = import_named("simple.gexf", &fixture("gexf-primer-simple.gexf"), &ImportMapping::default());
    let names: Vec<&str> = imported.scenario.actors.iter().map(|actor| actor.name.as_str()).collect();
    assert_eq!(names, ["Hello", "Word"]);
    assert_eq!(imported.scenario.ties.len(), 1);
    assert_eq!((imported.scenario.ties[0].strength, imported.scenario.ties[0].directed), (1.0, true));
    assert!(imported.report.notes.is_empty(), "{}", imported.report);
}

#[test]
fn mappings_make_flows_or_sort_edges_by_a_value() {
    let all_flows = ImportMapping { edges: EdgeMapping::AllFlows(Commodity::Oil), ..ImportMapping::default() };
    let imported = import_named("supply.graphml", &fixture("networkx-supply.graphml"), &all_flows);
    // Only the weight 1.0 is a share; 4 and 2 are not.
    assert_eq!(imported.scenario.energy.len(), 1);
    assert_eq!((imported.scenario.energy[0].share, &imported.scenario.energy[0].commodity), (1.0, &Commodity::Oil));
    assert_eq!(imported.report.count(NoteKind::Skipped), 2);

    let text = r#"<graphml><key id="t" for="edge" attr.name="type"/><graph edgedefault="directed">
        <node id="A"/><node id="B"/>
        <edge id="e1" source="A" target="B"><data key="t">gas</data><data key="weight">0.4</data></edge>
        <edge id="e2" source="A" target="B"><data key="t">sanction</data></edge>
        <edge id="e3" source="B" target="A"><data key="t">feud</data><data key="weight">0.5</data></edge>
        <edge id="e4" source="B" target="A"><data key="t">trade</data></edge>
        </graph></graphml>"#;
    let by_type = ImportMapping {
        edges: EdgeMapping::ByAttribute {
            attribute: "type".to_owned(),
            ties: BTreeMap::from([("feud".to_owned(), TieKind::Dispute)]),
            flows: BTreeMap::from([("gas".to_owned(), Commodity::Gas)]),
            stances: BTreeMap::from([("sanction".to_owned(), Stance::Imposes)]),
        },
        ..ImportMapping::default()
    };
    let imported = import_named("typed.graphml", text.as_bytes(), &by_type);
    let scenario = &imported.scenario;
    assert_eq!((scenario.energy.len(), scenario.sanctions.len(), scenario.ties.len()), (1, 1, 1));
    assert_eq!(scenario.energy[0].share, 0.4);
    // A positive weight on a hostile kind is made negative.
    assert_eq!((scenario.ties[0].kind, scenario.ties[0].strength), (TieKind::Dispute, -0.5));
    assert!(has_note(&imported.report, NoteKind::Skipped, "edge e4", "type \"trade\" is listed nowhere"));
}

// ----- Quirks of real files -----

fn graphml(text: &str) -> Imported {
    import_named("quirk.graphml", text.as_bytes(), &ImportMapping::default())
}

fn gexf_text(text: &str) -> Imported {
    import_named("quirk.gexf", text.as_bytes(), &ImportMapping::default())
}

#[test]
fn keys_without_for_and_duplicate_key_ids() {
    let imported = graphml(
        r#"<graphml>
<key id="k" attr.name="kind"/>
<key id="d" for="node" attr.name="name"/>
<key id="d" for="node" attr.name="other"/>
<graph edgedefault="undirected"><node id="A"><data key="k">Bloc</data><data key="d">Alpha</data></node></graph>
</graphml>"#,
    );
    let actor = &imported.scenario.actors[0];
    assert_eq!((actor.kind, actor.name.as_str()), (ActorKind::Bloc, "Alpha"));
    assert!(has_note(&imported.report, NoteKind::Changed, "key k, line 2", "no `for`"), "{}", imported.report);
    assert!(has_note(&imported.report, NoteKind::Skipped, "key d, line 4", "a second key"), "{}", imported.report);
}

#[test]
fn key_defaults_apply_to_elements_without_a_value_up_to_a_limit() {
    let imported = graphml(
        r#"<graphml><key id="k" for="node" attr.name="kind"><default>Company</default></key>
<graph><node id="A"/><node id="B"><data key="k">Person</data></node></graph></graphml>"#,
    );
    let kinds: Vec<ActorKind> = imported.scenario.actors.iter().map(|actor| actor.kind).collect();
    assert_eq!(kinds, [ActorKind::Company, ActorKind::Person]);

    // 100 keys with defaults: the first 64 apply, the other 36 are reported, each node gets 64 values.
    let keys: String = (0..100)
        .map(|number| format!("<key id=\"k{number}\" for=\"node\" attr.name=\"v{number}\"><default>x</default></key>"))
        .collect();
    let imported = graphml(&format!("<graphml>{keys}<graph><node id=\"A\"/></graph></graphml>"));
    let note = imported.scenario.actors[0].note.as_deref().unwrap_or_default();
    assert_eq!(note.matches(": x").count(), 64);
    assert!(has_note(&imported.report, NoteKind::Skipped, "key k64,", "more than 64 keys"), "{}", imported.report);
    assert_eq!(imported.report.count(NoteKind::Skipped), 36);
}

#[test]
fn nested_graphs_are_flattened_and_hyperedges_skipped() {
    let imported = graphml(
        r#"<graphml><graph edgedefault="directed">
<node id="outer"><graph id="inner" edgedefault="undirected"><node id="outer::a"/><node id="outer::b"/>
<edge source="outer::a" target="outer::b"/></graph></node>
<hyperedge><endpoint node="outer"/></hyperedge>
</graph></graphml>"#,
    );
    let ids: Vec<&str> = imported.scenario.actors.iter().map(|actor| actor.id.as_str()).collect();
    assert_eq!(ids, ["outer", "outer::a", "outer::b"]);
    assert_eq!(imported.scenario.ties.len(), 1);
    assert!(!imported.scenario.ties[0].directed, "the nested graph's edge default applies");
    assert!(has_note(&imported.report, NoteKind::Changed, "node outer, line 2", "nested"), "{}", imported.report);
    assert!(has_note(&imported.report, NoteKind::Skipped, "line 4", "hyperedge"), "{}", imported.report);
}

#[test]
fn crlf_line_ends_other_namespaces_and_undeclared_nodes() {
    let text = "<?xml version=\"1.0\"?>\r\n<g:graphml xmlns:g=\"urn:somewhere-else\">\r\n<g:graph edgedefault=\"directed\">\r\n\
                <g:node id=\"A\"/>\r\n<g:edge id=\"e7\" source=\"A\" target=\"Z\"/>\r\n</g:graph>\r\n</g:graphml>\r\n";
    let imported = graphml(text);
    let ids: Vec<&str> = imported.scenario.actors.iter().map(|actor| actor.id.as_str()).collect();
    assert_eq!(ids, ["A", "Z"]);
    assert_eq!(imported.scenario.ties.len(), 1);
    assert!(
        has_note(&imported.report, NoteKind::Changed, "edge e7, line 5", "\"Z\" is not declared"),
        "{}",
        imported.report
    );
}

#[test]
fn yed_graphics_give_labels_and_positions() {
    let imported = graphml(
        r#"<graphml xmlns:y="http://www.yworks.com/xml/graphml"><key id="d6" for="node" yfiles.type="nodegraphics"/>
<graph edgedefault="directed"><node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30" width="30" x="12.5" y="-40"/>
<y:NodeLabel>Serbia</y:NodeLabel></y:ShapeNode></data></node></graph></graphml>"#,
    );
    assert_eq!(imported.scenario.actors[0].name, "Serbia");
    assert_eq!(imported.scenario.layout.get("n0"), Some(&Position(12.5, -40.0)));
}

#[test]
fn gexf_dynamic_times_in_every_format() {
    let imported = gexf_text(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph mode="dynamic" timeformat="date" defaultedgetype="directed">
<attributes class="edge" mode="dynamic"><attribute id="0" title="weight" type="double"/></attributes>
<nodes><node id="A" start="2001-01-01"/><node id="B"/></nodes>
<edges>
<edge id="d1" source="A" target="B" start="2022-02-24" end="2022-12-31"/>
<edge id="d2" source="A" target="B"><spells><spell start="2014-03-18" end="2015-01-01"/><spell start="2019-05-01" end="2020-06-30"/></spells></edge>
<edge id="d3" source="A" target="B" start="2022-02-24T23:30:00+14:00"/>
<edge id="d4" source="A" target="B" start="3.5" end="7"/>
<edge id="d5" source="A" target="B" timestamp="2004"><attvalues><attvalue for="0" value="0.5" timestamp="2004"/><attvalue for="0" value="0.7" timestamp="2005"/></attvalues></edge>
</edges></graph></gexf>"#,
    );
    let ties = &imported.scenario.ties;
    let periods: Vec<(Option<i32>, Option<&str>, Option<&str>)> =
        ties.iter().map(|tie| (tie.year, tie.from.as_deref(), tie.until.as_deref())).collect();
    assert_eq!(
        periods,
        [
            (Some(2022), None, None),
            (None, Some("2014-03-18"), Some("2020-06-30")),
            (None, Some("2022-02-24"), None),
            (None, None, None),
            (Some(2004), None, None),
        ]
    );
    assert_eq!(ties[4].strength, 0.5);
    let report = &imported.report;
    assert!(has_note(report, NoteKind::Changed, "edge d2", "2 spells"), "{report}");
    assert!(has_note(report, NoteKind::Changed, "edge d4", "time \"3.5\""), "{report}");
    assert!(has_note(report, NoteKind::Changed, "edge d5", "weight has several values"), "{report}");
    assert!(has_note(report, NoteKind::Changed, "node A", "node times are left out"), "{report}");
}

#[test]
fn gexf_integer_times_and_nested_nodes() {
    let imported = gexf_text(
        r#"<gexf version="1.3"><graph timeformat="integer" defaultedgetype="undirected"><nodes>
<node id="bloc"><nodes><node id="m1"/><node id="m2"/></nodes><edges><edge source="m1" target="m2" start="2019" end="2021"/></edges></node>
</nodes><edges><edge source="m1" target="bloc" type="directed"/></edges></graph></gexf>"#,
    );
    let ids: Vec<&str> = imported.scenario.actors.iter().map(|actor| actor.id.as_str()).collect();
    assert_eq!(ids, ["bloc", "m1", "m2"]);
    let ties: Vec<(&str, bool, Option<&str>)> =
        imported.scenario.ties.iter().map(|tie| (tie.a.as_str(), tie.directed, tie.from.as_deref())).collect();
    assert_eq!(ties, [("m1", true, None), ("m1", false, Some("2019"))]);
    assert!(has_note(&imported.report, NoteKind::Changed, "node bloc", "nested"), "{}", imported.report);
}

// ----- Malformed files -----

#[test]
fn a_truncated_file_keeps_what_came_before_and_says_so() {
    let scenario = every_field();
    let text = graphml::export(&scenario, &positions(&scenario));
    let cut = text.find("<node id=\"HUN\">").expect("HUN is exported");
    let imported = graphml(&text[..cut + 20]);
    let ids: Vec<&str> = imported.scenario.actors.iter().map(|actor| actor.id.as_str()).collect();
    assert_eq!(ids, ["EU", "SRB", "HUN"]);
    assert!(imported.report.notes.iter().any(|note| note.message.contains("cut short")), "{}", imported.report);
}

#[test]
fn encodings_declared_or_marked_are_read_and_others_refused() {
    let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml><graph><node id=\"A\"><data key=\"name\">Caf\xe9</data></node></graph></graphml>";
    let imported = graphml("");
    assert!(imported.report.refused.is_some());
    let imported = import_named("latin.graphml", latin, &ImportMapping::default());
    assert_eq!(imported.scenario.actors[0].name, "Café");

    let undeclared = b"<graphml><graph><node id=\"A\"><data key=\"name\">Caf\xe9</data></node></graph></graphml>";
    let imported = import_named("undeclared.graphml", undeclared, &ImportMapping::default());
    let refused = imported.report.refused.expect("refused");
    assert!(refused.contains("not UTF-8"), "{refused}");

    let scenario = every_field();
    let text = gexf::export(&scenario, &positions(&scenario));
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let imported = import_named("wide.gexf", &utf16, &ImportMapping::default());
    assert_same(&scenario, &imported.scenario, "UTF-16 GEXF");
}

#[test]
fn entities_are_reported_never_expanded_and_nothing_is_fetched() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE graphml [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<graphml><key id="n" for="node" attr.name="name"/><graph>
<node id="A"><data key="n">&lol9;</data></node>
<node id="B"><data key="n">&secret;B</data></node>
</graph></graphml>"#;
    let imported = graphml(laughs);
    let names: Vec<&str> = imported.scenario.actors.iter().map(|actor| actor.name.as_str()).collect();
    // A's only text was the entity, so its name falls back to its id.
    assert_eq!(names, ["A", "B"]);
    let report = &imported.report;
    assert!(has_note(report, NoteKind::Skipped, "line 10", "&lol9;"), "{report}");
    assert!(has_note(report, NoteKind::Skipped, "line 11", "&secret;"), "{report}");
    assert!(has_note(report, NoteKind::Changed, "line 2", "DOCTYPE ignored"), "{report}");
}

#[test]
fn other_roots_and_unknown_encodings_are_refused() {
    let imported = graphml("<html><body/></html>");
    assert_eq!(imported.report.refused.as_deref(), Some("the file's root element is <html>, not <graphml>"));
    let imported =
        import_named("x.gexf", b"<?xml version='1.0' encoding='Shift_JIS'?><gexf/>", &ImportMapping::default());
    assert!(imported.report.refused.as_deref().is_some_and(|why| why.contains("shift_jis")));
}

fn large_graphml(nodes: usize) -> String {
    let mut text =
        String::from("<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\"/><graph edgedefault=\"directed\">\n");
    for node in 0..nodes {
        text.push_str(&format!("<node id=\"n{node}\"/>\n"));
    }
    for node in 0..nodes {
        text.push_str(&format!(
            "<edge source=\"n{node}\" target=\"n{}\"><data key=\"w\">0.5</data></edge>\n",
            (node + 1) % nodes
        ));
    }
    text.push_str("</graph></graphml>\n");
    text
}

#[test]
fn a_hundred_thousand_nodes() {
    let text = large_graphml(100_000);
    let started = std::time::Instant::now();
    let imported = graphml(&text);
    eprintln!("100,000 nodes and edges from GraphML in {:?}", started.elapsed());
    assert_eq!(imported.scenario.actors.len(), 100_000);
    assert_eq!(imported.scenario.ties.len(), 100_000);
    let exported = gexf::export(&imported.scenario, &[]);
    let started = std::time::Instant::now();
    let back = gexf_text(&exported);
    eprintln!("and back from GEXF in {:?}", started.elapsed());
    assert_eq!(back.scenario.actors.len(), 100_000);
    assert_eq!(back.scenario.ties, imported.scenario.ties);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any bytes, and any cut of an export: a report, never a panic.
    #[test]
    fn no_bytes_make_an_import_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), cut in 0usize..6000) {
        let _ = graphml::import("random", &bytes, &ImportMapping::default());
        let _ = gexf::import("random", &bytes, &ImportMapping::default());
        let scenario = every_field();
        for (_, import, export) in FORMATS {
            let text = export(&scenario, &positions(&scenario));
            // Cut at any byte, even inside a character.
            let _ = import("cut", &text.as_bytes()[..cut.min(text.len())], &ImportMapping::default());
        }
    }
}

/// With `GEODEP_EXPORT_DIR` set, writes every bundled scenario's exports and `expected.json` there, for
/// `tests/readers/check_exports.py` when no built `geodep export` is at hand.
#[test]
fn exports_for_the_readers_when_asked() {
    let Some(folder) = std::env::var_os("GEODEP_EXPORT_DIR") else { return };
    let folder = Path::new(&folder);
    let mut expected = Vec::new();
    for (name, scenario) in bundled() {
        std::fs::write(folder.join(format!("{name}.graphml")), graphml::export(&scenario, &positions(&scenario)))
            .expect("written");
        std::fs::write(folder.join(format!("{name}.gexf")), gexf::export(&scenario, &positions(&scenario)))
            .expect("written");
        let edges = scenario.energy.len() + scenario.sanctions.len() + scenario.ties.len();
        expected.push(format!("\"{name}\": {{\"nodes\": {}, \"edges\": {edges}}}", scenario.actors.len()));
    }
    std::fs::write(folder.join("expected.json"), format!("{{{}}}\n", expected.join(", "))).expect("written");
}
