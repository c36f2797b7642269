//! Writing a scenario: the canonical pretty RON text, replaced on disk safely (see `safe_write`).

use std::path::Path;

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::safe_write::{SaveError, SaveReport, replace_file};
use crate::model::Scenario;

/// The canonical text of a scenario: fields in the model's order, empty optional fields left out, each
/// record field on its own line and small values (locations, lists of ids, ballots) kept on one line.
pub fn to_canonical_text(scenario: &Scenario) -> String {
    // Apostrophes and names in any script stay as typed; a string holding quotes is written raw (r#"…"#).
    let text = pretty(scenario, false);
    // A control character (a NUL, say) would be written raw, and the file then refused as binary: such a
    // scenario has every string escaped instead (printable letters in any script still stay as they are).
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') { pretty(scenario, true) } else { text }
}

fn pretty(scenario: &Scenario, escape_strings: bool) -> String {
    let config = PrettyConfig::new()
        .depth_limit(3)
        .struct_names(true)
        .escape_strings(escape_strings)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_with_any_character_survive_a_save_and_a_load() {
        let mut scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.unwrap();
        scenario.title = "NUL \u{0}, bell \u{7}, escape \u{1b}[31m, quote \" and Србија".to_owned();
        let text = to_canonical_text(&scenario);
        assert!(!text.contains('\u{0}') && !text.contains('\u{1b}'), "no raw control characters");
        assert!(text.contains("Србија"), "letters in any script stay readable");
        let loaded = crate::io::load_text(&text);
        assert_eq!(loaded.scenario.map(|loaded| loaded.title), Some(scenario.title));
    }
}
