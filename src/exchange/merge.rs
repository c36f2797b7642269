//! Putting what each file gave into one scenario: actors and sources by id, records appended, the layout
//! joined; and citing a source for records that cite none.

use super::{ImportMapping, ImportReport};
use crate::model::{Scenario, Source};

/// Adds `part` to `whole`. An actor or source already there keeps its fields; empty ones are filled from `part`.
pub fn merge_into(whole: &mut Scenario, part: Scenario) {
    let mut actor_at: std::collections::HashMap<String, usize> =
        whole.actors.iter().enumerate().map(|(at, actor)| (actor.id.clone(), at)).collect();
    for actor in part.actors {
        match actor_at.get(&actor.id) {
            Some(&at) => {
                let kept = &mut whole.actors[at];
                if kept.name.is_empty() || kept.name == kept.id {
                    kept.name = actor.name;
                }
                kept.local_name = kept.local_name.take().or(actor.local_name);
                kept.location = kept.location.or(actor.location);
                kept.region = kept.region.take().or(actor.region);
                kept.subregion = kept.subregion.take().or(actor.subregion);
                kept.note = kept.note.take().or(actor.note);
                extend_unique(&mut kept.groups, actor.groups);
                extend_unique(&mut kept.members, actor.members);
                if kept.memberships.is_empty() {
                    kept.memberships = actor.memberships;
                }
                extend_unique(&mut kept.sources, actor.sources);
            }
            None => {
                actor_at.insert(actor.id.clone(), whole.actors.len());
                whole.actors.push(actor);
            }
        }
    }
    let mut source_ids: std::collections::HashSet<String> =
        whole.sources.iter().map(|source| source.id.clone()).collect();
    for source in part.sources {
        if source_ids.insert(source.id.clone()) {
            whole.sources.push(source);
        }
    }
    whole.energy.extend(part.energy);
    whole.sanctions.extend(part.sanctions);
    whole.ties.extend(part.ties);
    whole.votes.extend(part.votes);
    whole.events.extend(part.events);
    for (id, position) in part.layout {
        whole.layout.entry(id).or_insert(position);
    }
    if whole.summary.is_empty() {
        whole.summary = part.summary;
    }
    if whole.as_of.is_none() {
        whole.as_of = part.as_of;
    }
}

fn extend_unique(kept: &mut Vec<String>, more: Vec<String>) {
    if more.is_empty() {
        return;
    }
    let mut seen: std::collections::HashSet<String> = kept.iter().cloned().collect();
    kept.extend(more.into_iter().filter(|item| seen.insert(item.clone())));
}

/// Every fact in a scenario cites its source: records that came without one cite the mapping's source, or one
/// named for the import, which the report asks the user to complete.
pub fn cite_where_uncited(scenario: &mut Scenario, mapping: &ImportMapping, report: &mut ImportReport) {
    let uncited = scenario.energy.iter().filter(|record| record.sources.is_empty()).count()
        + scenario.sanctions.iter().filter(|record| record.sources.is_empty()).count()
        + scenario.ties.iter().filter(|record| record.sources.is_empty()).count();
    if uncited == 0 {
        return;
    }
    let source = mapping.source.clone().unwrap_or_else(|| Source {
        id: "import".to_owned(),
        title: format!("{} (complete this source: who published it, where, when)", scenario.title),
        publisher: None,
        date: None,
        url: None,
        reliability: None,
        note: None,
    });
    let id = source.id.clone();
    if scenario.source(&id).is_none() {
        scenario.sources.push(source);
    }
    let cite = |sources: &mut Vec<String>| {
        if sources.is_empty() {
            sources.push(id.clone());
        }
    };
    scenario.energy.iter_mut().for_each(|record| cite(&mut record.sources));
    scenario.sanctions.iter_mut().for_each(|record| cite(&mut record.sources));
    scenario.ties.iter_mut().for_each(|record| cite(&mut record.sources));
    report.general.push(format!("{uncited} record(s) cited no source; they now cite source \"{id}\""));
}
