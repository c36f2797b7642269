//! Writing a scenario: the canonical pretty RON text, replaced on disk safely (see `safe_write`).

use std::path::Path;

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::safe_write::{SaveError, SaveReport, replace_file};
use crate::model::Scenario;

/// The canonical text of a scenario: fields in the model's order, empty optional fields left out, each
/// record field on its own line and small values (locations, lists of ids, ballots) kept on one line.
pub fn to_canonical_text(scenario: &Scenario) -> String {
    let config = PrettyConfig::new()
        .depth_limit(3)
        .struct_names(true)
        // Apostrophes and names in any script stay as typed; a string holding quotes is written raw (r#"…"#).
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME);
    match ron::ser::to_string_pretty(scenario, config) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // The model is plain data (strings, numbers, lists, maps) that RON can always represent.
        Err(error) => unreachable!("a scenario always serialises to RON: {error}"),
    }
}

/// Saves the scenario to `path`, keeping the previous file as `path.bak`.
pub fn save_scenario(path: &Path, scenario: &Scenario) -> Result<SaveReport, SaveError> {
    replace_file(path, to_canonical_text(scenario).as_bytes())
}
