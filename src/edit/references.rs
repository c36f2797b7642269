//! Where an actor or a source is named, so that renaming one updates every reference and deleting an actor can
//! say what goes with it.

use crate::model::Scenario;

use super::record::RecordKind;

/// A record that names an actor, and in which field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub kind: RecordKind,
    pub index: usize,
    pub field: &'static str,
    /// The actor is one end of the record (supplier, consumer, author, target, a tie's side): the record cannot
    /// stand without it. Other references (a transit country, a member, a ballot) are only dropped from lists.
    pub essential: bool,
}

/// Every reference to actor `id`, in record order.
pub fn actor_references(scenario: &Scenario, id: &str) -> Vec<Reference> {
    let mut found = Vec::new();
    let mut add = |kind, index, field, essential| found.push(Reference { kind, index, field, essential });
    for (index, actor) in scenario.actors.iter().enumerate() {
        if actor.members.iter().any(|member| member == id) {
            add(RecordKind::Actor, index, "members", false);
        }
        if actor.memberships.iter().any(|membership| membership.member == id) {
            add(RecordKind::Actor, index, "memberships", false);
        }
    }
    for (index, flow) in scenario.energy.iter().enumerate() {
        if flow.supplier == id || flow.consumer == id {
            add(RecordKind::Energy, index, if flow.supplier == id { "supplier" } else { "consumer" }, true);
        } else if flow.via.iter().any(|transit| transit == id) {
            add(RecordKind::Energy, index, "via", false);
        }
    }
    for (index, stance) in scenario.sanctions.iter().enumerate() {
        if stance.by == id || stance.target == id {
            add(RecordKind::Sanctions, index, if stance.by == id { "by" } else { "target" }, true);
        }
    }
    for (index, tie) in scenario.ties.iter().enumerate() {
        if tie.a == id || tie.b == id {
            add(RecordKind::Tie, index, if tie.a == id { "a" } else { "b" }, true);
        }
    }
    for (index, vote) in scenario.votes.iter().enumerate() {
        if vote.ballots.contains_key(id) {
            add(RecordKind::Vote, index, "ballots", false);
        }
    }
    for (index, event) in scenario.events.iter().enumerate() {
        if event.actors.iter().any(|actor| actor == id) {
            add(RecordKind::Event, index, "actors", false);
        }
    }
    for (index, step) in scenario.story.iter().enumerate() {
        if step.focus.iter().any(|actor| actor == id) {
            add(RecordKind::StoryStep, index, "focus", false);
        }
        if step.shock.as_ref().and_then(|shock| shock.actor()) == Some(id) {
            add(RecordKind::StoryStep, index, "shock", false);
        }
    }
    found
}

/// Changes actor id `from` to `to` in the actor and everywhere it is named (layout included).
pub fn rename_actor(scenario: &mut Scenario, from: &str, to: &str) {
    rename_actors(scenario, &|id| (id == from).then_some(to));
}

/// Renames any number of actor ids in one pass over the scenario: `renamed` gives an id's new id, or `None` to
/// keep it. All renames apply at once, so a swap (A → B, B → A) swaps.
pub fn rename_actors<'r>(scenario: &mut Scenario, renamed: &dyn Fn(&str) -> Option<&'r str>) {
    let rename = |value: &mut String| {
        if let Some(new) = renamed(value) {
            *value = new.to_owned();
        }
    };
    let rename_all = |values: &mut Vec<String>| values.iter_mut().for_each(rename);
    for actor in &mut scenario.actors {
        rename(&mut actor.id);
        rename_all(&mut actor.members);
        actor.memberships.iter_mut().for_each(|membership| rename(&mut membership.member));
    }
    for flow in &mut scenario.energy {
        rename(&mut flow.supplier);
        rename(&mut flow.consumer);
        rename_all(&mut flow.via);
    }
    for stance in &mut scenario.sanctions {
        rename(&mut stance.by);
        rename(&mut stance.target);
    }
    for tie in &mut scenario.ties {
        rename(&mut tie.a);
        rename(&mut tie.b);
    }
    let new_key = |id: String| renamed(&id).map_or(id, str::to_owned);
    for vote in &mut scenario.votes {
        vote.ballots =
            std::mem::take(&mut vote.ballots).into_iter().map(|(id, ballot)| (new_key(id), ballot)).collect();
    }
    for event in &mut scenario.events {
        rename_all(&mut event.actors);
    }
    for step in &mut scenario.story {
        rename_all(&mut step.focus);
        if let Some(actor) = step.shock.as_mut().and_then(|shock| shock.actor_mut()) {
            rename(actor);
        }
    }
    scenario.layout = std::mem::take(&mut scenario.layout).into_iter().map(|(id, at)| (new_key(id), at)).collect();
}

/// Deletes actor `id`, the records it is an end of, and its mentions in lists (members and its memberships,
/// transit, ballots, event actors, story focus, layout); a story step's shock naming it is dropped.
pub fn remove_actor(scenario: &mut Scenario, id: &str) {
    scenario.actors.retain(|actor| actor.id != id);
    let drop_from = |values: &mut Vec<String>| values.retain(|value| value != id);
    for actor in &mut scenario.actors {
        drop_from(&mut actor.members);
        actor.memberships.retain(|membership| membership.member != id);
    }
    scenario.energy.retain(|flow| flow.supplier != id && flow.consumer != id);
    scenario.energy.iter_mut().for_each(|flow| drop_from(&mut flow.via));
    scenario.sanctions.retain(|stance| stance.by != id && stance.target != id);
    scenario.ties.retain(|tie| tie.a != id && tie.b != id);
    scenario.votes.iter_mut().for_each(|vote| {
        vote.ballots.remove(id);
    });
    scenario.events.iter_mut().for_each(|event| drop_from(&mut event.actors));
    for step in &mut scenario.story {
        drop_from(&mut step.focus);
        if step.shock.as_ref().and_then(|shock| shock.actor()) == Some(id) {
            step.shock = None;
        }
    }
    scenario.layout.remove(id);
}

/// How many records cite source `id`.
pub fn source_citations(scenario: &Scenario, id: &str) -> usize {
    scenario.citation_lists().filter(|sources| sources.iter().any(|source| source == id)).count()
}

/// Changes source id `from` to `to` in the source and in every citation (memberships' included).
pub fn rename_source(scenario: &mut Scenario, from: &str, to: &str) {
    for source in &mut scenario.sources {
        if source.id == from {
            source.id = to.to_owned();
        }
    }
    let rename_in = |sources: &mut Vec<String>| {
        sources.iter_mut().filter(|source| *source == from).for_each(|source| *source = to.to_owned());
    };
    for actor in &mut scenario.actors {
        rename_in(&mut actor.sources);
        actor.memberships.iter_mut().for_each(|membership| rename_in(&mut membership.sources));
    }
    let citations = scenario
        .energy
        .iter_mut()
        .map(|flow| &mut flow.sources)
        .chain(scenario.routes.iter_mut().map(|route| &mut route.sources))
        .chain(scenario.sanctions.iter_mut().map(|stance| &mut stance.sources))
        .chain(scenario.ties.iter_mut().map(|tie| &mut tie.sources))
        .chain(scenario.votes.iter_mut().map(|vote| &mut vote.sources))
        .chain(scenario.events.iter_mut().map(|event| &mut event.sources));
    citations.for_each(rename_in);
}
