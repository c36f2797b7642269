//! Changes to a scenario. Each edit is a value: the editors, the graph and the story editor describe what they
//! want changed, and the app applies it through its undo history. Each names itself for the Edit menu ("Undo
//! change share of energy flow 4"). Pure; no egui, no files.

pub mod at_path;
mod record;
pub mod references;

pub use record::{Record, RecordKind};

use crate::model::{Position, Scenario};

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace the record at `index` of its kind; `what` names the change for the Edit menu ("share").
    Set {
        index: usize,
        record: Record,
        what: String,
    },
    /// Append a new record.
    Add(Record),
    /// Insert a copy of the record at `index` right after it.
    Duplicate {
        kind: RecordKind,
        index: usize,
    },
    /// Delete records of one kind (not actors: see `DeleteActor`).
    Delete {
        kind: RecordKind,
        indices: Vec<usize>,
    },
    /// Delete an actor with the records it is an end of and its mentions in lists.
    DeleteActor {
        id: String,
    },
    /// Change an actor's id everywhere it is named.
    RenameActor {
        from: String,
        to: String,
    },
    /// Change a source's id in every citation.
    RenameSource {
        from: String,
        to: String,
    },
    /// Pin an actor's node where it was dragged.
    PinNode {
        id: String,
        position: Position,
    },
    /// Forget every saved node position.
    ResetLayout,
    SetTitle(String),
    SetSummary(String),
    /// The date the scenario describes the world as of ("2023-12-17"); `None` for none.
    SetAsOf(Option<String>),
    /// Move a story step from one place to another.
    MoveStep {
        from: usize,
        to: usize,
    },
}

/// Why an edit cannot be made; the scenario is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no {noun} {index}")]
    NoSuchRecord { noun: &'static str, index: usize },
    #[error("an actor's id cannot be empty")]
    EmptyId,
    #[error("there is already an actor with id \"{0}\"")]
    ActorExists(String),
    #[error("there is already a source with id \"{0}\"")]
    SourceExists(String),
    #[error("there is no actor with id \"{0}\"")]
    NoSuchActor(String),
    #[error("there is no source with id \"{0}\"")]
    NoSuchSource(String),
    #[error("change actor ids with Rename, so that every reference follows")]
    ActorIdChangedBySet,
}

impl Edit {
    /// What the Edit menu says after "Undo" or "Redo".
    pub fn label(&self) -> String {
        match self {
            Edit::Set { index, record, what } => format!("change {what} of {} {}", record.kind().noun(), index + 1),
            Edit::Add(record) => format!("add {}", record.kind().noun()),
            Edit::Duplicate { kind, index } => format!("duplicate {} {}", kind.noun(), index + 1),
            Edit::Delete { kind, indices } if indices.len() == 1 => {
                format!("delete {} {}", kind.noun(), indices[0] + 1)
            }
            Edit::Delete { kind, indices } => format!("delete {} {}s", indices.len(), kind.noun()),
            Edit::DeleteActor { id } => format!("delete actor {id}"),
            Edit::RenameActor { from, to } => format!("rename actor {from} to {to}"),
            Edit::RenameSource { from, to } => format!("rename source {from} to {to}"),
            Edit::PinNode { id, .. } => format!("move {id}"),
            Edit::ResetLayout => "reset layout".to_owned(),
            Edit::SetTitle(_) => "change title".to_owned(),
            Edit::SetSummary(_) => "change summary".to_owned(),
            Edit::SetAsOf(_) => "change the scenario's date".to_owned(),
            Edit::MoveStep { from, .. } => format!("move story step {}", from + 1),
        }
    }

    /// Edits with the same key, one right after another, are one step to undo: a slider dragged, a name typed.
    pub fn coalesce_key(&self) -> Option<String> {
        match self {
            Edit::Set { index, record, what } => Some(format!("{:?} {index} {what}", record.kind())),
            Edit::PinNode { id, .. } => Some(format!("pin {id}")),
            Edit::SetTitle(_) => Some("title".to_owned()),
            Edit::SetSummary(_) => Some("summary".to_owned()),
            Edit::SetAsOf(_) => Some("as of".to_owned()),
            _ => None,
        }
    }

    /// Applies the edit, or explains why it cannot be made and leaves the scenario unchanged.
    pub fn apply(&self, scenario: &mut Scenario) -> Result<(), EditError> {
        match self {
            Edit::Set { index, record, .. } => set(scenario, *index, record),
            Edit::Add(record) => {
                let count = record.kind().count(scenario);
                record.clone().put(scenario, count);
                Ok(())
            }
            Edit::Duplicate { kind, index } => {
                let copy = Record::get(scenario, *kind, *index).ok_or(no_such(*kind, *index))?;
                let copy = match copy {
                    Record::Actor(mut actor) => {
                        actor.id = unused_id(scenario, &actor.id);
                        Record::Actor(actor)
                    }
                    other => other,
                };
                copy.insert(scenario, index + 1);
                Ok(())
            }
            Edit::Delete { kind, indices } => {
                if let Some(&missing) = indices.iter().find(|&&index| index >= kind.count(scenario)) {
                    return Err(no_such(*kind, missing));
                }
                record::remove(scenario, *kind, indices);
                Ok(())
            }
            Edit::DeleteActor { id } => {
                scenario.actor(id).ok_or_else(|| EditError::NoSuchActor(id.clone()))?;
                references::remove_actor(scenario, id);
                Ok(())
            }
            Edit::RenameActor { from, to } => rename_actor(scenario, from, to),
            Edit::RenameSource { from, to } => rename_source(scenario, from, to),
            Edit::PinNode { id, position } => {
                scenario.layout.insert(id.clone(), *position);
                Ok(())
            }
            Edit::ResetLayout => {
                scenario.layout.clear();
                Ok(())
            }
            Edit::SetTitle(title) => {
                scenario.title = title.clone();
                Ok(())
            }
            Edit::SetSummary(summary) => {
                scenario.summary = summary.clone();
                Ok(())
            }
            Edit::SetAsOf(as_of) => {
                scenario.as_of = as_of.clone();
                Ok(())
            }
            Edit::MoveStep { from, to } => {
                if *from >= scenario.story.len() {
                    return Err(no_such(RecordKind::StoryStep, *from));
                }
                let step = scenario.story.remove(*from);
                scenario.story.insert((*to).min(scenario.story.len()), step);
                Ok(())
            }
        }
    }
}

fn no_such(kind: RecordKind, index: usize) -> EditError {
    EditError::NoSuchRecord { noun: kind.noun(), index: index + 1 }
}

fn set(scenario: &mut Scenario, index: usize, record: &Record) -> Result<(), EditError> {
    let kind = record.kind();
    if index >= kind.count(scenario) {
        return Err(no_such(kind, index));
    }
    if let Record::Actor(actor) = record
        && scenario.actors[index].id != actor.id
    {
        return Err(EditError::ActorIdChangedBySet);
    }
    record.clone().put(scenario, index);
    Ok(())
}

fn rename_actor(scenario: &mut Scenario, from: &str, to: &str) -> Result<(), EditError> {
    let to = to.trim();
    if to.is_empty() {
        return Err(EditError::EmptyId);
    }
    scenario.actor(from).ok_or_else(|| EditError::NoSuchActor(from.to_owned()))?;
    if from != to && scenario.actor(to).is_some() {
        return Err(EditError::ActorExists(to.to_owned()));
    }
    references::rename_actor(scenario, from, to);
    Ok(())
}

fn rename_source(scenario: &mut Scenario, from: &str, to: &str) -> Result<(), EditError> {
    let to = to.trim();
    if to.is_empty() {
        return Err(EditError::EmptyId);
    }
    scenario.source(from).ok_or_else(|| EditError::NoSuchSource(from.to_owned()))?;
    if from != to && scenario.source(to).is_some() {
        return Err(EditError::SourceExists(to.to_owned()));
    }
    references::rename_source(scenario, from, to);
    Ok(())
}

/// `base` if no actor has it, else `base-2`, `base-3` …
pub fn unused_id(scenario: &Scenario, base: &str) -> String {
    if scenario.actor(base).is_none() {
        return base.to_owned();
    }
    (2..).map(|number| format!("{base}-{number}")).find(|id| scenario.actor(id).is_none()).expect("some number is free")
}

#[cfg(test)]
mod tests;
