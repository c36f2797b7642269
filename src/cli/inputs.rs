//! What the analysis commands share: loading a scenario that must be free of errors, the year to analyse, and
//! actor ids and commodities given on the command line, each refused with a clear message.

use std::path::Path;

use super::output::{Output, tell_user};
use crate::io::load_file;
use crate::model::{Commodity, Scenario};

/// A reason to stop, already explained to the person on standard error.
pub struct Refused;

/// The scenario in `path`; a file with errors is refused with its problems listed.
pub fn load(path: &Path) -> Result<Scenario, Refused> {
    let report = load_file(path);
    let errors: Vec<_> = report.diagnostics.iter().filter(|diagnostic| diagnostic.is_error()).collect();
    match report.scenario {
        Some(scenario) if errors.is_empty() => Ok(scenario),
        _ => {
            for diagnostic in errors {
                tell_user!("{}", super::check::text_line(path, diagnostic));
            }
            tell_user!("geodep: {} has errors; fix them first (geodep check lists them)", path.display());
            Err(Refused)
        }
    }
}

/// The year asked for, or the latest year the scenario names.
pub fn year(scenario: &Scenario, asked: Option<i32>, path: &Path) -> Result<i32, Refused> {
    asked.or_else(|| scenario.latest_year()).ok_or_else(|| {
        tell_user!("geodep: {} names no year; give one with --year", path.display());
        Refused
    })
}

/// An actor id that must exist in the scenario.
pub fn actor(scenario: &Scenario, id: &str) -> Result<String, Refused> {
    if scenario.actor(id).is_some() {
        return Ok(id.to_owned());
    }
    let known = scenario.actors.iter().map(|actor| (actor.id.as_str(), actor.name.as_str()));
    tell_user!("geodep: unknown actor \"{id}\"{}", crate::validate::suggest(id, known));
    Err(Refused)
}

/// "gas", "oil", "coal", "electricity", "nuclear-fuel" (any letter case), or another commodity's name.
pub fn commodity(name: &str) -> Commodity {
    match name.trim().to_lowercase().replace(['_', ' '], "-").as_str() {
        "gas" => Commodity::Gas,
        "oil" => Commodity::Oil,
        "coal" => Commodity::Coal,
        "electricity" => Commodity::Electricity,
        "nuclear-fuel" | "nuclearfuel" => Commodity::NuclearFuel,
        _ => Commodity::Other(name.trim().to_owned()),
    }
}

/// Prints JSON to standard output; a failure to serialise is reported, not panicked on.
pub fn print_json(output: &mut Output, value: &impl serde::Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(json) => output.raw_line(&json),
        Err(error) => tell_user!("geodep: cannot write JSON: {error}"),
    }
}
