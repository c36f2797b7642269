use super::*;
use crate::model::{Ballot, Stance};

const SCENARIO: &str = r#"Scenario(
    format: 1,
    title: "Edits",
    actors: [
        Actor(id: "SRB", name: "Serbia", kind: State),
        Actor(id: "RUS", name: "Russia", kind: State),
        Actor(id: "BGR", name: "Bulgaria", kind: State),
        Actor(id: "EU", name: "European Union", kind: Bloc, members: ["BGR"]),
    ],
    energy: [
        EnergyFlow(supplier: "RUS", consumer: "SRB", commodity: Gas, share: 0.85, via: ["BGR"], year: 2023, sources: ["s"]),
        EnergyFlow(supplier: "SRB", consumer: "SRB", commodity: Gas, share: 0.15, year: 2023, sources: ["s"]),
        EnergyFlow(supplier: "RUS", consumer: "BGR", commodity: Gas, share: 0.7, year: 2021, sources: ["t"]),
    ],
    sanctions: [SanctionStance(by: "EU", target: "RUS", stance: Imposes, sources: ["s"])],
    ties: [Tie(a: "RUS", b: "SRB", kind: Partnership, strength: 0.8, sources: ["s"])],
    votes: [Vote(id: "v", date: "2022-03-02", title: "A vote", ballots: {"SRB": Yes, "RUS": No}, sources: ["s"])],
    events: [Event(date: "2023-12-17", title: "Elections", actors: ["SRB", "RUS"], sources: ["s"])],
    sources: [Source(id: "s", title: "One"), Source(id: "t", title: "Two")],
    layout: {"RUS": (1.0, 2.0)},
    story: [StoryStep(title: "Gas", caption: "Serbia's gas", focus: ["SRB", "RUS"])],
)"#;

fn scenario() -> Scenario {
    crate::io::load_text(SCENARIO).scenario.expect("the test scenario loads")
}

#[test]
fn renaming_an_actor_follows_every_reference() {
    let mut scenario = scenario();
    Edit::RenameActor { from: "RUS".into(), to: "RU".into() }.apply(&mut scenario).unwrap();
    assert!(scenario.actor("RUS").is_none());
    assert_eq!(scenario.energy[0].supplier, "RU");
    assert_eq!(scenario.sanctions[0].target, "RU");
    assert_eq!(scenario.ties[0].a, "RU");
    assert_eq!(scenario.votes[0].ballots.get("RU"), Some(&Ballot::No));
    assert_eq!(scenario.events[0].actors, ["SRB", "RU"]);
    assert_eq!(scenario.story[0].focus, ["SRB", "RU"]);
    assert!(scenario.layout.contains_key("RU"));
    assert!(crate::validate::validate(&scenario).iter().all(|diagnostic| !diagnostic.is_error()));
}

#[test]
fn renaming_to_a_taken_or_empty_id_changes_nothing() {
    let mut scenario = scenario();
    let before = scenario.clone();
    let taken = Edit::RenameActor { from: "RUS".into(), to: "SRB".into() }.apply(&mut scenario);
    assert_eq!(taken, Err(EditError::ActorExists("SRB".into())));
    let empty = Edit::RenameActor { from: "RUS".into(), to: " ".into() }.apply(&mut scenario);
    assert_eq!(empty, Err(EditError::EmptyId));
    assert_eq!(scenario, before);
}

#[test]
fn deleting_an_actor_takes_the_records_it_is_an_end_of_and_its_mentions() {
    let mut scenario = scenario();
    let references = references::actor_references(&scenario, "BGR");
    let fields: Vec<(RecordKind, usize, &str, bool)> =
        references.iter().map(|found| (found.kind, found.index, found.field, found.essential)).collect();
    assert_eq!(
        fields,
        [
            (RecordKind::Actor, 3, "members", false),
            (RecordKind::Energy, 0, "via", false),
            (RecordKind::Energy, 2, "consumer", true)
        ]
    );
    Edit::DeleteActor { id: "BGR".into() }.apply(&mut scenario).unwrap();
    assert_eq!(scenario.energy.len(), 2, "Russia's gas to Bulgaria goes with Bulgaria");
    assert!(scenario.energy[0].via.is_empty(), "Serbia's gas no longer names Bulgaria as transit");
    assert!(scenario.actor("EU").unwrap().members.is_empty());
    assert!(crate::validate::validate(&scenario).iter().all(|diagnostic| !diagnostic.is_error()));
}

#[test]
fn set_replaces_a_record_but_not_an_actors_id() {
    let mut scenario = scenario();
    let mut stance = scenario.sanctions[0].clone();
    stance.stance = Stance::Partial;
    Edit::Set { index: 0, record: Record::Sanctions(stance), what: "stance".into() }.apply(&mut scenario).unwrap();
    assert_eq!(scenario.sanctions[0].stance, Stance::Partial);
    let mut actor = scenario.actors[0].clone();
    actor.id = "SER".into();
    let renamed = Edit::Set { index: 0, record: Record::Actor(actor), what: "id".into() }.apply(&mut scenario);
    assert_eq!(renamed, Err(EditError::ActorIdChangedBySet));
    let missing = Edit::Set { index: 9, record: Record::Sanctions(scenario.sanctions[0].clone()), what: "x".into() };
    assert_eq!(missing.apply(&mut scenario), Err(EditError::NoSuchRecord { noun: "sanctions stance", index: 10 }));
}

#[test]
fn duplicate_inserts_a_copy_after_the_original_and_gives_actors_a_free_id() {
    let mut scenario = scenario();
    Edit::Duplicate { kind: RecordKind::Energy, index: 0 }.apply(&mut scenario).unwrap();
    assert_eq!(scenario.energy.len(), 4);
    assert_eq!(scenario.energy[1], scenario.energy[0]);
    Edit::Duplicate { kind: RecordKind::Actor, index: 0 }.apply(&mut scenario).unwrap();
    assert_eq!(scenario.actors[1].id, "SRB-2");
    assert_eq!(scenario.actors[1].name, "Serbia");
}

#[test]
fn delete_removes_the_given_records_and_refuses_missing_ones() {
    let mut scenario = scenario();
    Edit::Delete { kind: RecordKind::Energy, indices: vec![2, 0] }.apply(&mut scenario).unwrap();
    assert_eq!(scenario.energy.len(), 1);
    assert_eq!(scenario.energy[0].supplier, "SRB");
    let missing = Edit::Delete { kind: RecordKind::Energy, indices: vec![5] }.apply(&mut scenario);
    assert!(missing.is_err());
    assert_eq!(scenario.energy.len(), 1);
}

#[test]
fn renaming_a_source_updates_its_citations() {
    let mut scenario = scenario();
    assert_eq!(references::source_citations(&scenario, "s"), 6);
    Edit::RenameSource { from: "s".into(), to: "tass".into() }.apply(&mut scenario).unwrap();
    assert_eq!(references::source_citations(&scenario, "s"), 0);
    assert_eq!(references::source_citations(&scenario, "tass"), 6);
    assert_eq!(scenario.energy[2].sources, ["t"]);
}

#[test]
fn labels_name_the_change_for_the_edit_menu() {
    let scenario = scenario();
    let set = |index: usize, what: &str, share: f64| {
        let mut flow = scenario.energy[0].clone();
        flow.share = share;
        Edit::Set { index, record: Record::Energy(flow), what: what.into() }
    };
    assert_eq!(set(3, "share", 0.5).label(), "change share of energy flow 4");
    assert_eq!(Edit::Delete { kind: RecordKind::Tie, indices: vec![0, 1] }.label(), "delete 2 ties");
    assert_eq!(set(3, "share", 0.5).coalesce_key(), set(3, "share", 0.6).coalesce_key(), "a slider dragged");
    assert_ne!(set(3, "share", 0.5).coalesce_key(), set(3, "year", 0.5).coalesce_key());
    assert_ne!(set(3, "share", 0.5).coalesce_key(), set(2, "share", 0.5).coalesce_key());
}

#[test]
fn moving_a_story_step_reorders_the_story() {
    let mut scenario = scenario();
    scenario.story.push(StoryStepFixture::step("Votes"));
    Edit::MoveStep { from: 1, to: 0 }.apply(&mut scenario).unwrap();
    assert_eq!(scenario.story[0].title, "Votes");
}

struct StoryStepFixture;

impl StoryStepFixture {
    fn step(title: &str) -> crate::model::StoryStep {
        crate::model::StoryStep {
            title: title.into(),
            caption: String::new(),
            notes: None,
            view: Default::default(),
            layers: Vec::new(),
            focus: Vec::new(),
            route: None,
            year: None,
            years: None,
            shock: None,
            camera: None,
            filters: None,
        }
    }
}

/// NATO with Bulgaria undated, and Finland from 2023-04-04 and Serbia as an (invented) observer by memberships.
const MEMBERSHIPS: &str = r#"Scenario(
    format: 1,
    title: "Memberships",
    actors: [
        Actor(id: "BGR", name: "Bulgaria", kind: State),
        Actor(id: "FIN", name: "Finland", kind: State),
        Actor(id: "SRB", name: "Serbia", kind: State),
        Actor(id: "NATO", name: "NATO", kind: Bloc, members: ["BGR"], memberships: [
            Membership(member: "FIN", from: "2023-04-04", sources: ["nato"]),
            Membership(member: "SRB", status: Observer, sources: ["nato"]),
        ]),
    ],
    sources: [Source(id: "nato", title: "Member countries")],
)"#;

fn with_memberships() -> Scenario {
    let report = crate::io::load_text(MEMBERSHIPS);
    assert_eq!(report.diagnostics, vec![]);
    report.scenario.expect("the memberships scenario loads")
}

#[test]
fn renaming_an_actor_follows_into_memberships() {
    let mut scenario = with_memberships();
    Edit::RenameActor { from: "FIN".into(), to: "FI".into() }.apply(&mut scenario).unwrap();
    let nato = scenario.actor("NATO").unwrap();
    assert_eq!(nato.memberships[0].member, "FI");
    assert_eq!(nato.members_on("2023-04-04"), ["BGR", "FI"]);
    assert_eq!(crate::validate::validate(&scenario), vec![]);
    // All renames at once: a swap swaps.
    references::rename_actors(&mut scenario, &|id| match id {
        "FI" => Some("SRB"),
        "SRB" => Some("FI"),
        _ => None,
    });
    let members: Vec<&str> =
        scenario.actor("NATO").unwrap().memberships.iter().map(|membership| membership.member.as_str()).collect();
    assert_eq!(members, ["SRB", "FI"]);
}

#[test]
fn deleting_an_actor_drops_its_memberships() {
    let mut scenario = with_memberships();
    let references = references::actor_references(&scenario, "FIN");
    let fields: Vec<(RecordKind, usize, &str, bool)> =
        references.iter().map(|found| (found.kind, found.index, found.field, found.essential)).collect();
    assert_eq!(fields, [(RecordKind::Actor, 3, "memberships", false)]);
    Edit::DeleteActor { id: "FIN".into() }.apply(&mut scenario).unwrap();
    let nato = scenario.actor("NATO").unwrap();
    assert_eq!(nato.memberships.len(), 1);
    assert_eq!(nato.memberships[0].member, "SRB");
    assert_eq!(crate::validate::validate(&scenario), vec![]);
}

#[test]
fn renaming_a_source_follows_into_memberships() {
    let mut scenario = with_memberships();
    assert_eq!(references::source_citations(&scenario, "nato"), 2, "each membership cites it");
    Edit::RenameSource { from: "nato".into(), to: "nato-members".into() }.apply(&mut scenario).unwrap();
    assert_eq!(references::source_citations(&scenario, "nato-members"), 2);
    assert_eq!(scenario.actor("NATO").unwrap().memberships[1].sources, ["nato-members"]);
    assert_eq!(crate::validate::validate(&scenario), vec![]);
}
