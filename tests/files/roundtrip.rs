//! Saving and loading: any scenario written in the canonical form loads back equal, and the form is stable.

use std::collections::BTreeMap;

use geodep::io::{load_text, to_canonical_text};
use geodep::model::*;
use proptest::prelude::*;

/// Text that exercises escaping: quotes, backslashes, newlines, diacritics and Cyrillic.
fn text() -> impl Strategy<Value = String> {
    prop::string::string_regex("[a-zA-Z0-9 \"\\\\\n,:()\\[\\]{}čćšžđЧВуић#/*-]{0,24}").unwrap()
}

fn id() -> impl Strategy<Value = String> {
    prop::string::string_regex("[A-Z]{3}").unwrap()
}

fn flow(actors: Vec<String>) -> impl Strategy<Value = EnergyFlow> {
    let pick = prop::sample::select(actors);
    (
        pick.clone(),
        pick.clone(),
        prop::collection::vec(pick, 0..3),
        0.0..=1.0f64,
        prop::option::of(2000..2030i32),
        text(),
    )
        .prop_map(|(supplier, consumer, via, share, year, note)| EnergyFlow {
            supplier,
            consumer,
            commodity: Commodity::Other(note.clone()),
            share,
            basis: ShareBasis::Imports,
            volume: Some(Volume(share * 3.0, Unit::Bcm)),
            via,
            route: Some(note.clone()),
            year,
            from: None,
            until: None,
            certainty: Certainty::Reported,
            note: Some(note),
            sources: vec![],
        })
}

fn route() -> impl Strategy<Value = Route> {
    let point = (-90.0..=90.0f64, -180.0..=180.0f64).prop_map(|(lat, lon)| GeoPoint { lat, lon });
    (text(), prop::collection::vec(point, 0..4), prop::option::of(text()), prop::collection::vec(id(), 0..2))
        .prop_map(|(name, waypoints, note, sources)| Route { name, waypoints, note, sources })
}

/// A membership whose dates, status and note vary with the member's id and the text.
fn membership(member: &str, text: &str) -> Membership {
    let seed = member.bytes().map(usize::from).sum::<usize>();
    Membership {
        member: member.to_owned(),
        from: (seed % 2 == 0).then(|| format!("{}-04-04", 1950 + seed % 70)),
        until: (seed % 3 == 0).then(|| format!("{}", 2020 + seed % 5)),
        status: MembershipStatus::ALL[seed % 3],
        note: (seed % 4 == 0).then(|| text.to_owned()),
        sources: vec![format!("source-{seed}")],
    }
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (prop::collection::btree_set(id(), 1..6), text(), text()).prop_flat_map(|(ids, title, summary)| {
        let ids: Vec<String> = ids.into_iter().collect();
        // Each actor lists every third later actor as a member and each earlier one by a dated membership.
        let actors: Vec<Actor> = ids
            .iter()
            .enumerate()
            .map(|(index, id)| Actor {
                id: id.clone(),
                name: format!("{id} {title}"),
                local_name: Some(summary.clone()),
                kind: ActorKind::Territory,
                location: Some(GeoPoint { lat: 44.8, lon: -20.25 }),
                region: (index % 2 == 0).then(|| title.clone()),
                subregion: (index % 3 == 0).then(|| summary.clone()),
                groups: vec![title.clone()],
                members: ids.iter().skip(index + 1).step_by(3).cloned().collect(),
                memberships: ids.iter().take(index).map(|member| membership(member, &summary)).collect(),
                note: None,
                sources: vec![],
            })
            .collect();
        let layout: BTreeMap<String, Position> =
            ids.iter().enumerate().map(|(index, id)| (id.clone(), Position(index as f32 * 1.5, -3.25))).collect();
        let title = title.clone();
        let summary = summary.clone();
        (prop::collection::vec(flow(ids), 0..5), prop::collection::vec(route(), 0..3)).prop_map(
            move |(energy, routes)| Scenario {
                title: title.clone(),
                summary: summary.clone(),
                actors: actors.clone(),
                energy,
                routes,
                layout: layout.clone(),
                ..Scenario::default()
            },
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn canonical_text_loads_back_equal_and_is_stable(original in scenario()) {
        let text = to_canonical_text(&original);
        let report = load_text(&text);
        // The generated scenarios may break validation rules (shares over 1), so parse without validating.
        let loaded: Scenario = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(&text)
            .map_err(|error| TestCaseError::fail(format!("{error}\n{text}")))?;
        prop_assert_eq!(&loaded, &original);
        prop_assert_eq!(to_canonical_text(&loaded), text);
        prop_assert!(!report.has_comments);
    }
}

#[test]
fn the_bundled_scenario_round_trips() {
    let report = load_text(geodep::library::BUNDLED_SCENARIO);
    let scenario = report.scenario.expect("the bundled scenario loads without errors");
    let text = to_canonical_text(&scenario);
    let again = load_text(&text).scenario.expect("its canonical form loads too");
    assert_eq!(again, scenario);
    assert!(text.contains("Србија"), "Cyrillic is written as text, not escaped");
}

#[test]
fn a_file_with_routes_round_trips_through_save_and_load() {
    let text = r#"Scenario(format: 1, title: "Routes",
        actors: [Actor(id: "RUS", name: "Russia", kind: State), Actor(id: "SRB", name: "Serbia", kind: State)],
        energy: [EnergyFlow(supplier: "RUS", consumer: "SRB", commodity: Gas, share: 0.85, route: "TurkStream",
            sources: ["s"])],
        routes: [Route(name: "TurkStream", waypoints: [(lat: 41.6, lon: 28.1), (lat: 42.5, lon: 25.75)],
            note: "Made up for the test.", sources: ["s"])],
        sources: [Source(id: "s", title: "A source")],
    )"#;
    let report = load_text(text);
    assert_eq!(report.diagnostics, vec![]);
    let scenario = report.scenario.expect("a file with routes loads");
    assert_eq!(scenario.routes[0].waypoints[1], GeoPoint { lat: 42.5, lon: 25.75 });
    let saved = to_canonical_text(&scenario);
    assert!(
        saved.contains("waypoints: [GeoPoint(lat: 41.6, lon: 28.1), GeoPoint(lat: 42.5, lon: 25.75)],"),
        "waypoints on one line, like a location:\n{saved}"
    );
    let again = load_text(&saved).scenario.expect("its canonical form loads too");
    assert_eq!(again, scenario);
    assert_eq!(to_canonical_text(&again), saved);
}

#[test]
fn regions_and_memberships_round_trip_through_save_and_load() {
    let text = r#"Scenario(format: 1, title: "Memberships",
        actors: [
            Actor(id: "FIN", name: "Finland", kind: State, region: "Europe", subregion: "Northern Europe"),
            Actor(id: "KEN", name: "Kenya", kind: State, region: "Africa", subregion: "Eastern Africa"),
            Actor(id: "NATO", name: "NATO", kind: Bloc, members: ["KEN"], memberships: [
                Membership(member: "FIN", from: "2023-04-04", note: "The 31st member.", sources: ["s"]),
                Membership(member: "FIN", until: "2023-04-03", status: Observer, sources: ["s"]),
            ]),
        ],
        sources: [Source(id: "s", title: "A source")],
    )"#;
    let report = load_text(text);
    assert_eq!(report.diagnostics, vec![]);
    let scenario = report.scenario.expect("a file with regions and memberships loads");
    assert_eq!(scenario.actors[1].subregion.as_deref(), Some("Eastern Africa"));
    let nato = &scenario.actors[2];
    assert_eq!(nato.memberships[1].status, MembershipStatus::Observer);
    let saved = to_canonical_text(&scenario);
    for line in [
        "            region: \"Europe\",\n            subregion: \"Northern Europe\",\n",
        "            members: [\"KEN\"],\n            memberships: [Membership(member: \"FIN\", from: \"2023-04-04\", \
         note: \"The 31st member.\", sources: [\"s\"]), Membership(member: \"FIN\", until: \"2023-04-03\", \
         status: Observer, sources: [\"s\"])],\n",
    ] {
        assert!(saved.contains(line), "{line}\nnot in:\n{saved}");
    }
    let again = load_text(&saved).scenario.expect("its canonical form loads too");
    assert_eq!(again, scenario);
    assert_eq!(to_canonical_text(&again), saved);
}

#[test]
fn a_scenario_without_regions_or_memberships_saves_without_them() {
    let text = r#"Scenario(format: 1, title: "Old", actors: [Actor(id: "EU", name: "EU", kind: Bloc, members: ["EU2"]),
        Actor(id: "EU2", name: "EU2", kind: State)])"#;
    let saved = to_canonical_text(&load_text(text).scenario.expect("an old file loads"));
    assert!(!saved.contains("region") && !saved.contains("memberships"), "{saved}");
}
