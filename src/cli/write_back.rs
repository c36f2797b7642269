//! The shared end of `geodep set` and `geodep rename`: read the file (its text kept), make the change, refuse it
//! when it brings new errors, and save only what changed, atomically, keeping the previous file as `.bak` — the
//! same patching and safe writing the app's saves use.

use std::collections::HashSet;
use std::path::Path;
use std::process::ExitCode;

use super::check::text_line;
use crate::diagnostic::Diagnostic;
use crate::io::load_file_keeping_text;
use crate::io::patch::text_to_save;
use crate::io::safe_write::replace_file;
use crate::model::Scenario;

/// Reads `file`, changes it with `change`, and writes it back. `what` names the change for messages
/// ("set energy[3].share"). The file is left alone when anything fails.
pub fn change_file(file: &Path, what: &str, change: impl FnOnce(&Scenario) -> Result<Scenario, String>) -> ExitCode {
    let (report, text) = load_file_keeping_text(file, &mut |_| {});
    let (Some(original), Some(text)) = (report.scenario.or(report.with_errors), text) else {
        for diagnostic in report.diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!("{}", text_line(file, diagnostic));
        }
        eprintln!("geodep: did not {what}: {} does not read as a scenario; it is unchanged", file.display());
        return ExitCode::FAILURE;
    };
    let changed = match change(&original) {
        Ok(changed) => changed,
        Err(reason) => {
            eprintln!("geodep: did not {what} in {}: {reason}; the file is unchanged", file.display());
            return ExitCode::FAILURE;
        }
    };
    let new_errors = new_errors(&original, &changed);
    if !new_errors.is_empty() {
        for diagnostic in &new_errors {
            eprintln!("{}", text_line(file, diagnostic));
        }
        eprintln!("geodep: did not {what}: it would bring the errors above; {} is unchanged", file.display());
        return ExitCode::FAILURE;
    }
    let patched = text_to_save(Some((&text, &original)), &changed);
    if !patched.lost_comments.is_empty() {
        eprintln!("note: this change removes these comments: {}", patched.lost_comments.join(" | "));
    }
    match replace_file(file, patched.text.as_bytes()) {
        Ok(_) => {
            let lines = changed_line_count(&text, &patched.text);
            println!("{what} in {} ({lines} line{} changed)", file.display(), if lines == 1 { "" } else { "s" });
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("geodep: did not {what}: {error}; {} is unchanged", file.display());
            ExitCode::FAILURE
        }
    }
}

/// Errors the changed scenario has that the original did not.
fn new_errors(original: &Scenario, changed: &Scenario) -> Vec<Diagnostic> {
    let before: HashSet<(String, String)> = crate::validate::validate(original)
        .into_iter()
        .filter(Diagnostic::is_error)
        .map(|diagnostic| (diagnostic.path, diagnostic.message))
        .collect();
    crate::validate::validate(changed)
        .into_iter()
        .filter(|diagnostic| {
            diagnostic.is_error() && !before.contains(&(diagnostic.path.clone(), diagnostic.message.clone()))
        })
        .collect()
}

/// How many lines differ between the texts, outside their common start and end.
fn changed_line_count(before: &str, after: &str) -> usize {
    let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    (old.len() - prefix - suffix).max(new.len() - prefix - suffix)
}
