//! The scenarios shipped with GeoDep: each loads cleanly, cites a source for every fact, and carries a story a
//! teacher can present, whose every step shows something.

use std::collections::{BTreeMap, BTreeSet};

use geodep::library::BUNDLED;
use geodep::model::{Certainty, Dated, Layer, Scenario, SourceGrades, StoryStep, ViewKind};

/// The figures of a year that its sources give only for part of it, which `check` warns of (they count for the
/// year weighted by the part they cover): each is known, and a new one must be added here knowingly.
const PART_YEAR_FIGURES: [(&str, &str); 7] = [
    ("serbia-2023.ron", "energy[14]"),
    ("western-balkans-gas.ron", "energy[5]"),
    ("western-balkans-gas.ron", "energy[18]"),
    ("eu-russia-energy.ron", "energy[5]"),
    ("eu-russia-energy.ron", "energy[6]"),
    ("eu-russia-energy.ron", "energy[7]"),
    ("eu-russia-energy.ron", "energy[22]"),
];

fn load(file_name: &str, text: &str) -> Scenario {
    let report = geodep::io::load_text(text);
    let known = |diagnostic: &geodep::diagnostic::Diagnostic| {
        diagnostic.message.contains("rests only on part-year records")
            && PART_YEAR_FIGURES.contains(&(file_name, diagnostic.path.as_str()))
    };
    let problems: Vec<String> = (report.diagnostics.iter())
        .filter(|diagnostic| !known(diagnostic))
        .map(|diagnostic| format!("{diagnostic:?}"))
        .collect();
    assert!(problems.is_empty(), "{file_name} has problems: {problems:#?}");
    report.scenario.unwrap_or_else(|| panic!("{file_name} does not load"))
}

fn bundled() -> Vec<(&'static str, Scenario)> {
    BUNDLED.iter().map(|bundled| (bundled.file_name, load(bundled.file_name, bundled.text))).collect()
}

#[test]
fn there_are_five_bundled_scenarios_serbia_first() {
    let names: Vec<&str> = BUNDLED.iter().map(|bundled| bundled.file_name).collect();
    let expected = [
        "serbia-2023.ron",
        "western-balkans-gas.ron",
        "eu-russia-energy.ron",
        "unga-ukraine-votes.ron",
        "world-2022-2023.ron",
    ];
    assert_eq!(names, expected);
}

#[test]
fn every_energy_sanctions_tie_and_vote_record_cites_a_source_that_exists() {
    for (file_name, scenario) in bundled() {
        let known: BTreeSet<&str> = scenario.sources.iter().map(|source| source.id.as_str()).collect();
        let records = scenario
            .energy
            .iter()
            .map(|flow| (format!("energy {} to {}", flow.supplier, flow.consumer), &flow.sources))
            .chain(scenario.sanctions.iter().map(|stance| (format!("stance of {}", stance.by), &stance.sources)))
            .chain(scenario.ties.iter().map(|tie| (format!("tie {}-{}", tie.a, tie.b), &tie.sources)))
            .chain(scenario.votes.iter().map(|vote| (format!("vote {}", vote.id), &vote.sources)))
            .chain(scenario.events.iter().map(|event| (format!("event {}", event.title), &event.sources)))
            .chain(scenario.routes.iter().map(|route| (format!("route {}", route.name), &route.sources)));
        for (record, sources) in records {
            assert!(!sources.is_empty(), "{file_name}: {record} cites no source");
            for source in sources {
                assert!(known.contains(source.as_str()), "{file_name}: {record} cites unknown source {source}");
            }
        }
        for actor in &scenario.actors {
            for source in &actor.sources {
                assert!(known.contains(source.as_str()), "{file_name}: actor {} cites unknown {source}", actor.id);
            }
        }
    }
}

#[test]
fn every_source_is_graded_with_a_reason_and_no_stated_figure_rests_only_on_weak_sources() {
    let mut weak = Vec::new();
    for (file_name, scenario) in bundled() {
        for source in &scenario.sources {
            let Some(grade) = source.reliability else { panic!("{file_name}: source {} is not graded", source.id) };
            let reason = format!("Reliability {}: ", grade.letter());
            let note = source.note.as_deref().unwrap_or_default();
            assert!(note.contains(&reason), "{file_name}: source {}'s note gives no reason for its grade", source.id);
        }
        let grades = SourceGrades::of(&scenario);
        let stated = |certainty: Certainty| certainty == Certainty::Stated;
        let records = (scenario.energy.iter().enumerate())
            .filter(|(_, flow)| stated(flow.certainty))
            .map(|(index, flow)| (format!("energy[{index}]"), &flow.sources))
            .chain(
                (scenario.sanctions.iter().enumerate())
                    .filter(|(_, stance)| stated(stance.certainty))
                    .map(|(index, stance)| (format!("sanctions[{index}]"), &stance.sources)),
            )
            .chain(
                (scenario.ties.iter().enumerate())
                    .filter(|(_, tie)| stated(tie.certainty))
                    .map(|(index, tie)| (format!("ties[{index}]"), &tie.sources)),
            )
            // Votes are the UN's own record, stated whatever outlet reports them. Events carry no certainty: the
            // Inspector shows the grade of what they rest on.
            .chain(scenario.votes.iter().enumerate().map(|(index, vote)| (format!("votes[{index}]"), &vote.sources)));
        weak.extend(
            records
                .filter(|(_, sources)| grades.best(sources).is_low())
                .map(|(record, sources)| format!("{file_name} {record} {sources:?}")),
        );
    }
    assert!(weak.is_empty(), "stated on sources graded D or below only: {weak:#?}");
}

#[test]
fn every_source_has_an_address_or_a_title_and_publisher() {
    for (file_name, scenario) in bundled() {
        for source in &scenario.sources {
            let located = source.url.as_deref().is_some_and(|url| url.starts_with("http"));
            assert!(located, "{file_name}: source {} has no web address", source.id);
            assert!(!source.title.trim().is_empty(), "{file_name}: source {} has no title", source.id);
        }
    }
}

#[test]
fn an_actor_id_names_the_same_actor_in_every_bundled_scenario() {
    let mut names: BTreeMap<String, (String, &str)> = BTreeMap::new();
    for (file_name, scenario) in bundled() {
        for actor in &scenario.actors {
            let (name, first_file) = names.entry(actor.id.clone()).or_insert((actor.name.clone(), file_name));
            assert_eq!(*name, actor.name, "{} is {name} in {first_file} but {} in {file_name}", actor.id, actor.name);
        }
    }
}

#[test]
fn each_story_has_five_to_eight_steps_with_caption_notes_actors_and_year() {
    for (file_name, scenario) in bundled() {
        let map_steps = scenario.story.iter().filter(|step| step.view == ViewKind::Map).count();
        assert!(map_steps >= 1, "{file_name}: no story step shows the map");
        let steps = scenario.story.len();
        assert!((5..=8).contains(&steps), "{file_name} has {steps} story steps");
        for step in &scenario.story {
            let place = format!("{file_name}, step \"{}\"", step.title);
            assert!(!step.caption.trim().is_empty(), "{place}: no caption");
            assert!(step.notes.as_deref().is_some_and(|notes| notes.len() > 40), "{place}: no speaker notes");
            assert!(!step.focus.is_empty(), "{place}: no focus actors");
            for id in &step.focus {
                assert!(scenario.actor(id).is_some(), "{place}: focus actor {id} is not in the scenario");
            }
            assert!(step.year.is_some(), "{place}: no year");
            assert!(shows_something(&scenario, step), "{place}: shows nothing about its focus in its year");
        }
    }
}

/// Whether the step's view, layers and year show at least one record that involves a focus actor.
fn shows_something(scenario: &Scenario, step: &StoryStep) -> bool {
    let year = step.year.expect("checked above");
    let focused = |id: &str| step.focus.iter().any(|focus| focus == id);
    let in_year = |record: &dyn Dated| record.period().applies_in(year);
    let energy = || scenario.energy.iter().any(|f| in_year(f) && (focused(&f.supplier) || focused(&f.consumer)));
    let sanctions = || scenario.sanctions.iter().any(|s| in_year(s) && (focused(&s.by) || focused(&s.target)));
    let ties = || scenario.ties.iter().any(|t| in_year(t) && (focused(&t.a) || focused(&t.b)));
    let dated = |date: &str| date.get(..4).and_then(|y| y.parse::<i32>().ok()) == Some(year);
    match step.view {
        ViewKind::Graph | ViewKind::Map => {
            !step.layers.is_empty()
                && step.layers.iter().any(|layer| match layer {
                    Layer::Energy => energy(),
                    Layer::Sanctions => sanctions(),
                    Layer::Ties => ties(),
                })
        }
        ViewKind::Charts => energy(),
        // The matrices show sanctions, or ties when the step asks for ties alone; never energy.
        ViewKind::Matrix if step.layers == [Layer::Ties] => ties(),
        ViewKind::Matrix => !step.layers.contains(&Layer::Energy) && sanctions(),
        ViewKind::Votes => scenario.votes.iter().any(|v| v.ballots.keys().any(|id| focused(id))),
        ViewKind::Timeline => {
            scenario.votes.iter().any(|v| dated(&v.date) && v.ballots.keys().any(|id| focused(id)))
                || scenario.events.iter().any(|e| dated(&e.date) && e.actors.iter().any(|id| focused(id)))
        }
    }
}

#[test]
fn every_character_in_the_bundled_files_has_a_glyph_in_the_app_fonts() {
    let ctx = eframe::egui::Context::default();
    // The first frame installs the fonts; its texture upload is not needed here.
    ctx.run_ui(Default::default(), |_| {}).textures_delta.clear();
    let font = eframe::egui::FontId::proportional(14.0);
    for bundled in &BUNDLED {
        let missing: BTreeSet<char> = ctx.fonts_mut(|fonts| {
            bundled.text.chars().filter(|&c| !c.is_control() && !fonts.has_glyph(&font, c)).collect()
        });
        assert!(missing.is_empty(), "{} has characters the app cannot draw: {missing:?}", bundled.file_name);
    }
}

fn world() -> Scenario {
    bundled().into_iter().find(|(name, _)| *name == "world-2022-2023.ron").expect("the world scenario is bundled").1
}

#[test]
fn the_world_scenario_has_every_un_member_and_observer_and_checks_clean() {
    let world = world();
    let states = world.actors.iter().filter(|actor| actor.kind == geodep::model::ActorKind::State).count();
    assert_eq!(states, 195, "193 members and 2 observers");
    assert!(
        world
            .actors
            .iter()
            .filter(|actor| actor.kind == geodep::model::ActorKind::State)
            .all(|actor| { actor.region.is_some() && actor.subregion.is_some() && !actor.sources.is_empty() })
    );
    let text = BUNDLED.iter().find(|bundled| bundled.file_name == "world-2022-2023.ron").unwrap().text;
    let report = geodep::io::load_text(text);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    // Finland is in NATO from 4 April 2023, not before.
    let nato = world.actor("NATO").unwrap();
    assert!(!nato.members_on("2023-03-01").contains(&"FIN") && nato.members_on("2023-04-04").contains(&"FIN"));
}

#[test]
fn every_member_has_a_ballot_on_every_vote_and_the_ballots_sum_to_the_stated_totals() {
    use geodep::model::Ballot;
    let world = world();
    assert_eq!(world.votes.len(), 6, "ES-11/1 to ES-11/6");
    for vote in &world.votes {
        assert_eq!(vote.ballots.len(), 193, "{}: every member", vote.id);
        let count = |ballot: Ballot| vote.ballots.values().filter(|cast| **cast == ballot).count() as u32;
        let totals = vote.totals.expect("the record's totals");
        assert_eq!(
            (count(Ballot::Yes), count(Ballot::No), count(Ballot::Abstain), Some(count(Ballot::Absent))),
            (totals.yes, totals.no, totals.abstain, totals.absent),
            "{}",
            vote.id
        );
    }
}

#[test]
fn every_bundled_file_records_the_same_ballots_as_the_world_scenario() {
    let world = world();
    for (name, scenario) in bundled() {
        for vote in &scenario.votes {
            let Some(reference) = world.votes.iter().find(|known| known.id == vote.id) else { continue };
            for (member, ballot) in &vote.ballots {
                assert_eq!(Some(ballot), reference.ballots.get(member), "{name}: {member} on {}", vote.id);
            }
        }
    }
}
