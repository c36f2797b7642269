//! Saves that change only what changed: for random edits on the bundled scenarios, the patched text reads as
//! exactly the edited scenario, and every line outside the edited record is kept as it was.

use geodep::edit::{Edit, Record, RecordKind};
use geodep::io::patch::patch_text;
use geodep::io::text_index::TextIndex;
use geodep::model::Scenario;
use proptest::prelude::*;

fn bundled(which: usize) -> (&'static str, Scenario) {
    let text = geodep::library::BUNDLED[which % geodep::library::BUNDLED.len()].text;
    (text, geodep::io::load_text(text).scenario.expect("bundled scenario loads"))
}

/// The line range (0-based, end exclusive) the file writes record `index` of list `list` on.
fn record_lines(text: &str, list: &str, index: usize) -> std::ops::Range<usize> {
    let index_of_text = TextIndex::build(text);
    let node = index_of_text.root().and_then(|root| root.get_field(list)).and_then(|node| node.get_item(index));
    let span = node.expect("the record is in the file").span();
    let line = |offset: usize| text[..offset].matches('\n').count();
    line(span.start)..line(span.end) + 1
}

/// The byte offset where 0-based line `line` starts (the end of the text past the last line).
fn line_start(text: &str, line: usize) -> usize {
    if line == 0 {
        return 0;
    }
    text.match_indices('\n').nth(line - 1).map_or(text.len(), |(at, _)| at + 1)
}

/// Lines of `before` that `after` lost, by a line diff.
fn removed_lines(before: &str, after: &str) -> Vec<usize> {
    let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    (prefix..old.len() - suffix).collect()
}

#[derive(Debug, Clone)]
enum Change {
    Share(usize, f64),
    Delete(RecordKind, usize),
    Duplicate(RecordKind, usize),
    RetitleTie(usize, String),
}

fn change() -> impl Strategy<Value = Change> {
    let kind =
        prop::sample::select(vec![RecordKind::Energy, RecordKind::Sanctions, RecordKind::Tie, RecordKind::Event]);
    prop_oneof![
        (any::<usize>(), 0.0..=1.0f64).prop_map(|(at, share)| Change::Share(at, share)),
        (kind.clone(), any::<usize>()).prop_map(|(kind, at)| Change::Delete(kind, at)),
        (kind, any::<usize>()).prop_map(|(kind, at)| Change::Duplicate(kind, at)),
        (any::<usize>(), "[a-zA-Z čćšž\"\\\\]{0,12}").prop_map(|(at, topic)| Change::RetitleTie(at, topic)),
    ]
}

/// The edit, and the record whose lines may change (none for an insertion).
fn edit_for(scenario: &Scenario, change: &Change) -> Option<(Edit, Option<(&'static str, usize)>)> {
    Some(match change {
        Change::Share(at, share) => {
            let index = at % scenario.energy.len().max(1);
            let mut flow = scenario.energy.get(index)?.clone();
            flow.share = (share * 1000.0).round() / 1000.0;
            (Edit::Set { index, record: Record::Energy(flow), what: "share".into() }, Some(("energy", index)))
        }
        Change::RetitleTie(at, topic) => {
            let index = at % scenario.ties.len().max(1);
            let mut tie = scenario.ties.get(index)?.clone();
            tie.topic = Some(topic.clone());
            (Edit::Set { index, record: Record::Tie(tie), what: "topic".into() }, Some(("ties", index)))
        }
        Change::Delete(kind, at) => {
            let index = at % kind.count(scenario).max(1);
            (index < kind.count(scenario)).then_some(())?;
            (Edit::Delete { kind: *kind, indices: vec![index] }, Some((kind.field(), index)))
        }
        Change::Duplicate(kind, at) => {
            let index = at % kind.count(scenario).max(1);
            (index < kind.count(scenario)).then_some(())?;
            (Edit::Duplicate { kind: *kind, index }, None)
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_patched_save_reads_as_the_edited_scenario_and_keeps_every_other_line(
        which in 0usize..4,
        change in change(),
    ) {
        let (text, original) = bundled(which);
        let Some((edit, record)) = edit_for(&original, &change) else { return Ok(()) };
        let mut edited = original.clone();
        edit.apply(&mut edited).expect("the edit applies");
        let patched = patch_text(text, &original, &edited).expect("a bundled scenario can be patched");
        // Read as text, not loaded: an edit may leave problems (two shares over 1) that loading would report.
        let reread: Result<Scenario, _> = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(&patched.text);
        prop_assert!(reread.as_ref().is_ok_and(|reread| *reread == edited), "the saved text reads otherwise: {:?}", change);
        match record {
            // Every line before the record's first and after its last is kept, byte for byte.
            Some((list, index)) => {
                let lines = record_lines(text, list, index);
                let (before, after) = (line_start(text, lines.start), line_start(text, lines.end));
                prop_assert!(patched.text.starts_with(&text[..before]), "a line before the record changed: {:?}", change);
                prop_assert!(patched.text.ends_with(&text[after..]), "a line after the record changed: {:?}", change);
            }
            // An insertion removes nothing.
            None => prop_assert_eq!(removed_lines(text, &patched.text), Vec::<usize>::new()),
        }
    }
}

#[test]
fn every_bundled_scenario_is_kept_byte_for_byte_when_nothing_changed() {
    for which in 0..geodep::library::BUNDLED.len() {
        let (text, scenario) = bundled(which);
        assert_eq!(patch_text(text, &scenario, &scenario).unwrap().text, text);
    }
}

#[test]
fn a_route_added_to_a_bundled_scenario_is_inserted_and_every_line_kept() {
    let (text, original) = bundled(0);
    let mut edited = original.clone();
    edited.routes.push(geodep::model::Route {
        name: "Test route".into(),
        waypoints: vec![geodep::model::GeoPoint { lat: 41.6, lon: 28.1 }],
        note: None,
        sources: vec![],
    });
    let patched = patch_text(text, &original, &edited).expect("a bundled scenario can be patched");
    assert_eq!(removed_lines(text, &patched.text), Vec::<usize>::new());
    assert!(patched.text.contains("GeoPoint(lat: 41.6, lon: 28.1)"), "{}", patched.text);
    let reread = geodep::io::parse_scenario(&patched.text).expect("the patched text reads");
    assert_eq!(reread, edited);
    // And changed again: only the route's lines differ.
    let mut moved = edited.clone();
    moved.routes[0].waypoints[0].lat = 41.7;
    let again = patch_text(&patched.text, &edited, &moved).expect("patched again");
    assert_eq!(geodep::io::parse_scenario(&again.text).expect("reads"), moved);
    let changed = removed_lines(&patched.text, &again.text);
    assert_eq!(changed.len(), 1, "one line: {changed:?}");
}

#[test]
fn a_region_given_to_a_bundled_actor_is_added_after_its_location() {
    let (text, original) = bundled(0);
    let serbia = original.actors.iter().position(|actor| actor.id == "SRB").expect("Serbia is in the scenario");
    let mut edited = original.clone();
    edited.actors[serbia].region = Some("Europe".into());
    edited.actors[serbia].subregion = Some("Southern Europe".into());
    let patched = patch_text(text, &original, &edited).expect("a bundled scenario can be patched");
    assert_eq!(removed_lines(text, &patched.text), Vec::<usize>::new(), "only lines added");
    assert!(
        patched
            .text
            .contains("lon: 20.46),\n            region: \"Europe\",\n            subregion: \"Southern Europe\",\n"),
        "{}",
        &patched.text[..3000]
    );
    assert_eq!(geodep::io::parse_scenario(&patched.text).expect("the patched text reads"), edited);
}

/// Memberships written by hand, one a line, with a comment.
const MEMBERSHIPS: &str = r#"Scenario(
    format: 1,
    title: "NATO",
    actors: [
        Actor(id: "FIN", name: "Finland", kind: State),
        Actor(id: "SWE", name: "Sweden", kind: State),
        Actor(id: "NATO", name: "NATO", kind: Bloc, memberships: [
            Membership(member: "FIN", from: "2023-04-04", sources: ["nato"]),  // the 31st
            Membership(member: "SWE", from: "2024-03-07", sources: ["nato"]),
        ]),
    ],
    sources: [Source(id: "nato", title: "Member countries")],
)
"#;

#[test]
fn a_membership_changed_renamed_or_added_by_hand_keeps_every_other_line() {
    let original = geodep::io::parse_scenario(MEMBERSHIPS).expect("the memberships read");
    let mut edited = original.clone();
    edited.actors[2].memberships[1].from = Some("2024-03".into());
    let patched = patch_text(MEMBERSHIPS, &original, &edited).expect("patched");
    assert_eq!(patched.text, MEMBERSHIPS.replace("\"2024-03-07\"", "\"2024-03\""));

    let mut renamed = original.clone();
    Edit::RenameActor { from: "FIN".into(), to: "FI".into() }.apply(&mut renamed).unwrap();
    let patched = patch_text(MEMBERSHIPS, &original, &renamed).expect("patched");
    assert_eq!(patched.text, MEMBERSHIPS.replace("\"FIN\"", "\"FI\""), "the comment stays");
    assert_eq!(patched.lost_comments, Vec::<String>::new());

    let mut added = original.clone();
    let observer = geodep::model::Membership {
        member: "SWE".into(),
        until: Some("2024-03-06".into()),
        status: geodep::model::MembershipStatus::Observer,
        sources: vec!["nato".into()],
        ..Default::default()
    };
    added.actors[2].memberships.push(observer);
    let patched = patch_text(MEMBERSHIPS, &original, &added).expect("patched");
    assert_eq!(removed_lines(MEMBERSHIPS, &patched.text), Vec::<usize>::new(), "only a line added");
    assert_eq!(geodep::io::parse_scenario(&patched.text).expect("reads"), added);
}
