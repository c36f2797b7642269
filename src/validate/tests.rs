//! The validator on small hand-built scenarios, with the exact problems each should produce.

use super::*;
use crate::diagnostic::Severity;
use crate::model::*;

fn actor(id: &str, name: &str) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        local_name: None,
        kind: ActorKind::State,
        location: None,
        region: None,
        subregion: None,
        groups: vec![],
        members: vec![],
        memberships: vec![],
        note: None,
        sources: vec![],
    }
}

fn gas(supplier: &str, consumer: &str, share: f64) -> EnergyFlow {
    EnergyFlow {
        supplier: supplier.into(),
        consumer: consumer.into(),
        commodity: Commodity::Gas,
        share,
        basis: ShareBasis::Consumption,
        volume: None,
        via: vec![],
        route: None,
        year: None,
        from: None,
        until: None,
        certainty: Certainty::Stated,
        note: None,
        sources: vec!["src".into()],
    }
}

fn scenario() -> Scenario {
    Scenario {
        actors: vec![actor("SRB", "Serbia"), actor("RUS", "Russia"), actor("BGR", "Bulgaria")],
        sources: vec![Source {
            id: "src".into(),
            title: "A source".into(),
            publisher: None,
            date: None,
            url: None,
            reliability: None,
            note: None,
        }],
        energy: vec![gas("SRB", "SRB", 0.1)],
        ..Scenario::default()
    }
}

fn errors(scenario: &Scenario) -> Vec<(String, String)> {
    validate(scenario).into_iter().filter(|d| d.severity == Severity::Error).map(|d| (d.path, d.message)).collect()
}

#[test]
fn a_clean_scenario_has_no_problems() {
    assert_eq!(validate(&scenario()), vec![]);
}

#[test]
fn unknown_ids_suggest_the_closest_actor_by_id_or_name() {
    let mut scenario = scenario();
    scenario.energy = vec![gas("RUSS", "Serbia", 0.5)];
    assert_eq!(
        errors(&scenario),
        vec![
            ("energy[0].consumer".into(), "unknown actor \"Serbia\"; did you mean \"SRB\"?".into()),
            ("energy[0].supplier".into(), "unknown actor \"RUSS\"; did you mean \"RUS\"?".into()),
        ]
    );
    scenario.energy = vec![gas("XYZW", "SRB", 0.5)];
    assert_eq!(errors(&scenario), vec![("energy[0].supplier".into(), "unknown actor \"XYZW\"".into())]);
}

#[test]
fn duplicate_ids_point_at_the_second_use() {
    let mut scenario = scenario();
    scenario.actors.push(actor("SRB", "Serbia again"));
    assert_eq!(
        errors(&scenario),
        vec![("actors[3].id".into(), "duplicate actor id \"SRB\" (first used by actors[0])".into())]
    );
}

#[test]
fn shares_over_one_in_a_year_are_reported_once_per_year() {
    let mut scenario = scenario();
    let mut russian_2022 = gas("RUS", "SRB", 0.85);
    russian_2022.year = Some(2022);
    let mut domestic_always = gas("SRB", "SRB", 0.2);
    domestic_always.year = None;
    let mut russian_2023 = gas("RUS", "SRB", 0.7);
    russian_2023.year = Some(2023);
    scenario.energy = vec![russian_2022, domestic_always, russian_2023];
    // 2022: 0.85 + 0.2 = 1.05 > 1; 2023: 0.7 + 0.2 = 0.9 is fine.
    let found = errors(&scenario);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "energy[1].share");
    assert!(found[0].1.contains("in 2022 add up to 105% (energy[0] 85% + energy[1] 20%)"), "{}", found[0].1);
}

#[test]
fn shares_on_different_bases_or_commodities_are_not_added() {
    let mut scenario = scenario();
    let mut of_imports = gas("RUS", "SRB", 0.95);
    of_imports.basis = ShareBasis::Imports;
    let mut oil = gas("RUS", "SRB", 0.95);
    oil.commodity = Commodity::Oil;
    scenario.energy = vec![gas("SRB", "SRB", 0.1), of_imports, oil];
    assert_eq!(errors(&scenario), vec![]);
}

#[test]
fn periods_overlap_by_year() {
    let mut scenario = scenario();
    let mut until_2022 = gas("RUS", "SRB", 0.6);
    until_2022.until = Some("2022-05-31".into());
    let mut from_2022 = gas("BGR", "SRB", 0.6);
    from_2022.from = Some("2022-06-01".into());
    scenario.energy = vec![until_2022, from_2022];
    // Both apply at some time during 2022, so their shares are added for that year.
    let found = errors(&scenario);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("in 2022 add up to 120%"), "{}", found[0].1);
}

#[test]
fn bad_values_each_get_their_own_message() {
    let mut scenario = scenario();
    let mut flow = gas("RUS", "SRB", f64::NAN);
    flow.year = Some(2022);
    flow.from = Some("2023-02-30".into());
    scenario.energy = vec![flow];
    scenario.ties = vec![Tie {
        a: "SRB".into(),
        b: "SRB".into(),
        kind: TieKind::Dispute,
        strength: 1.5,
        topic: None,
        directed: false,
        year: None,
        from: None,
        until: None,
        certainty: Certainty::Stated,
        note: None,
        sources: vec!["nope".into()],
    }];
    let found = errors(&scenario);
    let paths: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "energy[0].from",
            "energy[0].share",
            "energy[0].year",
            "ties[0].b",
            "ties[0].sources[0]",
            "ties[0].strength"
        ],
        "{found:#?}"
    );
    assert_eq!(found[0].1, "bad date \"2023-02-30\": day 30 is not between 1 and 28");
    assert_eq!(found[1].1, "share must be a finite number, not NaN");
    assert_eq!(found[5].1, "strength 1.5 is outside the range -1 to 1");
}

#[test]
fn formats_from_the_future_and_uncited_records_are_reported() {
    let mut scenario = scenario();
    scenario.format = 2;
    scenario.energy[0].sources.clear();
    let found = validate(&scenario);
    assert_eq!(found[0].path, "format");
    assert!(found[0].message.contains("format 2, written by a newer GeoDep"));
    let warnings: Vec<&str> =
        found.iter().filter(|d| d.severity == Severity::Warning).map(|d| d.message.as_str()).collect();
    assert_eq!(warnings, vec!["energy flow cites no source", "source \"src\" is never cited"]);
}

#[test]
fn a_period_ending_in_a_less_precise_year_is_not_reversed() {
    let mut scenario = scenario();
    scenario.energy[0].from = Some("2022-03".into());
    scenario.energy[0].until = Some("2022".into());
    assert_eq!(errors(&scenario), vec![]);
    scenario.energy[0].until = Some("2022-02".into());
    assert_eq!(
        errors(&scenario),
        vec![("energy[0].until".into(), "period ends (2022-02) before it starts (2022-03)".into())]
    );
}

#[test]
fn ids_and_names_past_their_limits_are_errors_with_short_messages() {
    let mut scenario = scenario();
    let long_id = "X".repeat(MAX_ID_CHARS + 1);
    scenario.actors.push(actor(&long_id, &"N".repeat(MAX_NAME_CHARS + 1)));
    scenario.actors.push(actor(&"Y".repeat(MAX_ID_CHARS), &"M".repeat(MAX_NAME_CHARS)));
    let found = errors(&scenario);
    let paths: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(paths, ["actors[3].id", "actors[3].name"]);
    assert!(found[0].1.contains("ids may have at most 200 characters"), "{}", found[0].1);
    assert!(found[1].1.contains("at most 1000 characters"), "{}", found[1].1);
    assert!(found.iter().all(|(_, message)| message.len() < 300), "{found:?}");
}

#[test]
fn many_overlapping_shares_are_summed_once_each_and_listed_briefly() {
    let mut scenario = scenario();
    // Thirty records, each from its own year on: every year from the second on adds up to more than one.
    scenario.energy = (0..30)
        .map(|offset| {
            let mut flow = gas("RUS", "SRB", 0.6);
            flow.from = Some(format!("{}", 1990 + offset));
            flow
        })
        .collect();
    let found = errors(&scenario);
    assert_eq!(found.len(), 29);
    let (_, message) = found.iter().find(|(path, _)| path == "energy[29].share").expect("the last year is reported");
    assert!(message.contains("in 2019 add up to 1800%"), "{message}");
    assert!(message.contains("energy[9] 60% + 19 more + energy[29] 60%"), "{message}");
}

#[test]
fn hints_stop_after_the_first_hundred_unknown_actors() {
    let mut scenario = scenario();
    scenario.energy = (0..150).map(|_| gas("RUSS", "SRB", 0.001)).collect();
    let found = errors(&scenario);
    assert_eq!(found.len(), 150);
    let hinted = found.iter().filter(|(_, message)| message.ends_with("did you mean \"RUS\"?")).count();
    assert_eq!(hinted, MAX_HINTS);
}

fn route(name: &str, waypoints: &[(f64, f64)]) -> Route {
    Route {
        name: name.into(),
        waypoints: waypoints.iter().map(|&(lat, lon)| GeoPoint { lat, lon }).collect(),
        note: None,
        sources: vec!["src".into()],
    }
}

#[test]
fn routes_need_a_unique_name_points_on_the_globe_and_sources() {
    let mut scenario = scenario();
    let mut russian = gas("RUS", "SRB", 0.5);
    russian.route = Some(" turkstream".into());
    scenario.energy.push(russian);
    scenario.routes = vec![route("TurkStream", &[(41.6, 28.1), (42.5, 27.4)])];
    assert_eq!(validate(&scenario), vec![], "a named route with its course and a source");

    let mut uncited = route("Unused", &[(95.0, 28.1), (42.5, f64::NAN)]);
    uncited.sources = vec!["nowhere".into()];
    scenario.routes.extend([route("  ", &[]), route("TURKSTREAM ", &[]), uncited, route("Bare", &[])]);
    scenario.routes[4].sources.clear();
    let found: Vec<(Severity, String, String)> =
        validate(&scenario).into_iter().map(|d| (d.severity, d.path, d.message)).collect();
    let error = |path: &str, message: &str| (Severity::Error, path.to_owned(), message.to_owned());
    let warning = |path: &str, message: &str| (Severity::Warning, path.to_owned(), message.to_owned());
    assert_eq!(
        found,
        vec![
            error("routes[1].name", "route name is empty"),
            error("routes[2].name", "duplicate route name \"TURKSTREAM \" (first used by routes[0])"),
            error("routes[3].sources[0]", "unknown source \"nowhere\""),
            error("routes[3].waypoints[0].lat", "latitude 95 is outside the range -90 to 90"),
            error("routes[3].waypoints[1].lon", "longitude must be a finite number, not NaN"),
            warning("routes[3].name", "no energy flow names route \"Unused\"; it is not drawn"),
            warning("routes[4].name", "no energy flow names route \"Bare\"; it is not drawn"),
            warning("routes[4].sources", "route cites no source"),
        ]
    );
}

#[test]
fn a_source_cited_only_by_a_route_is_cited() {
    let mut scenario = scenario();
    scenario.sources.push(Source {
        id: "pipeline-map".into(),
        title: "A map of the pipeline".into(),
        publisher: None,
        date: None,
        url: None,
        reliability: None,
        note: None,
    });
    let mut flow = gas("RUS", "SRB", 0.5);
    flow.route = Some("TurkStream".into());
    scenario.energy.push(flow);
    scenario.routes = vec![route("TurkStream", &[(41.6, 28.1)])];
    scenario.routes[0].sources = vec!["pipeline-map".into()];
    assert_eq!(validate(&scenario), vec![]);
}

fn membership(member: &str, from: Option<&str>, until: Option<&str>, sources: &[&str]) -> Membership {
    Membership {
        member: member.into(),
        from: from.map(str::to_owned),
        until: until.map(str::to_owned),
        sources: sources.iter().map(|source| source.to_string()).collect(),
        ..Membership::default()
    }
}

/// NATO (actors[4]) lists Bulgaria as a member and Finland from 2023-04-04, then four faulty memberships.
fn nato_scenario() -> Scenario {
    let mut scenario = scenario();
    let mut nato = actor("NATO", "North Atlantic Treaty Organization");
    nato.kind = ActorKind::Bloc;
    nato.members = vec!["BGR".into()];
    nato.memberships = vec![membership("FIN", Some("2023-04-04"), None, &["src"])];
    scenario.actors.extend([actor("FIN", "Finland"), nato]);
    scenario
}

#[test]
fn a_dated_membership_with_a_known_member_and_a_source_is_clean() {
    let scenario = nato_scenario();
    assert_eq!(validate(&scenario), vec![]);
}

#[test]
fn memberships_are_checked_like_members_and_dated_records() {
    let mut scenario = nato_scenario();
    scenario.actors[4].memberships.extend([
        membership("Finland", None, None, &["src"]),
        membership("BGR", Some("2007-03-29"), None, &["src"]),
        membership("NATO", Some("2023-02-30"), None, &["nope"]),
        membership("RUS", Some("2023"), Some("2022"), &[]),
    ]);
    let found: Vec<(Severity, String, String)> =
        validate(&scenario).into_iter().map(|d| (d.severity, d.path, d.message)).collect();
    let error = |path: &str, message: &str| (Severity::Error, path.to_owned(), message.to_owned());
    let warning = |path: &str, message: &str| (Severity::Warning, path.to_owned(), message.to_owned());
    assert_eq!(
        found,
        vec![
            error("actors[4].memberships[1].member", "unknown actor \"Finland\"; did you mean \"FIN\"?"),
            error("actors[4].memberships[3].from", "bad date \"2023-02-30\": day 30 is not between 1 and 28"),
            error("actors[4].memberships[3].member", "\"NATO\" lists itself as a member"),
            error("actors[4].memberships[3].sources[0]", "unknown source \"nope\""),
            error("actors[4].memberships[4].until", "period ends (2022) before it starts (2023)"),
            warning(
                "actors[4].memberships[2].member",
                "\"BGR\" is also in members (actors[4].members[0]), which counts it a member at every date; \
                 keep it in one of the two lists"
            ),
            warning("actors[4].memberships[4].sources", "membership cites no source"),
        ]
    );
}

#[test]
fn a_source_cited_only_by_a_membership_is_cited() {
    let mut scenario = nato_scenario();
    scenario.sources.push(Source {
        id: "nato-fin".into(),
        title: "Finland joins NATO".into(),
        publisher: None,
        date: None,
        url: None,
        reliability: None,
        note: None,
    });
    scenario.actors[4].memberships[0].sources = vec!["nato-fin".into()];
    assert_eq!(validate(&scenario), vec![]);
}

fn story_step(years: Option<(i32, i32)>) -> StoryStep {
    StoryStep {
        title: "Five winters".into(),
        caption: "How the supply changed".into(),
        notes: None,
        view: ViewKind::Graph,
        layers: vec![],
        focus: vec![],
        route: None,
        year: None,
        years,
        shock: None,
        camera: None,
        filters: None,
    }
}

#[test]
fn a_span_of_years_that_starts_after_it_ends_is_an_error_at_its_path() {
    let mut reversed = scenario();
    reversed.story = vec![story_step(Some((2019, 2023))), story_step(Some((2023, 2019)))];
    assert_eq!(
        errors(&reversed),
        [(
            "story[1].years".to_owned(),
            "the span starts after it ends (2023 is after 2019): write (2019, 2023)".to_owned()
        )]
    );
    let mut one_year = scenario();
    one_year.story = vec![story_step(Some((2022, 2022)))];
    assert!(errors(&one_year).is_empty(), "a span of one year is allowed");
}

#[test]
fn a_story_route_must_name_a_flow_or_two_known_actors() {
    let mut scenario = scenario();
    scenario.energy.push(EnergyFlow {
        route: Some("TurkStream".into()),
        via: vec!["BGR".into()],
        ..gas("RUS", "SRB", 0.8)
    });
    let step = |route: &str| StoryStep { route: Some(route.into()), ..story_step(None) };
    scenario.story = vec![step(" turkstream "), step("RUS -> SRB"), step("Druzhba"), step("RUS -> NOWHERE")];
    let found: Vec<(String, String)> = validate(&scenario).into_iter().map(|d| (d.path, d.message)).collect();
    // Errors are listed before warnings: order by place, then message.
    let mut about_routes: Vec<&(String, String)> = found.iter().filter(|(path, _)| path.ends_with(".route")).collect();
    about_routes.sort();
    assert_eq!(
        about_routes.iter().map(|(path, _)| path.as_str()).collect::<Vec<_>>(),
        ["story[2].route", "story[3].route", "story[3].route"],
        "{found:?}"
    );
    assert_eq!(about_routes[0].1, "no energy flow is on route \"Druzhba\"; the step draws no route");
    assert_eq!(about_routes[1].1, "no energy flow is on route \"RUS -> NOWHERE\"; the step draws no route");
    assert!(about_routes[2].1.starts_with("unknown actor \"NOWHERE\""), "{}", about_routes[2].1);
}
