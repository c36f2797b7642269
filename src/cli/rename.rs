//! `geodep rename FILE OLD NEW`: an actor's or a source's id changed everywhere it is named.

use std::path::Path;
use std::process::ExitCode;

use crate::edit::Edit;
use crate::model::Scenario;

pub fn run(file: &Path, old: &str, new: &str) -> ExitCode {
    super::write_back::change_file(file, &format!("rename {old} to {new}"), |scenario| rename(scenario, old, new))
}

fn rename(scenario: &Scenario, old: &str, new: &str) -> Result<Scenario, String> {
    let edit = if scenario.actor(old).is_some() {
        Edit::RenameActor { from: old.to_owned(), to: new.to_owned() }
    } else if scenario.source(old).is_some() {
        Edit::RenameSource { from: old.to_owned(), to: new.to_owned() }
    } else {
        return Err(format!("there is no actor or source with id \"{old}\""));
    };
    let mut renamed = scenario.clone();
    edit.apply(&mut renamed).map_err(|error| error.to_string())?;
    Ok(renamed)
}
