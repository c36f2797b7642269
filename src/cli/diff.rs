//! `geodep diff`: what differs between two scenario files (year by year), or between two years of one file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::OutputFormat;
use super::inputs::{self, Refused};
use super::output::{Output, say, tell_user};
use crate::analysis::diff::{Change, ScenarioDiff, diff_scenarios, diff_years};
use crate::model::Scenario;

#[derive(Serialize)]
struct JsonDiff<'a> {
    before: String,
    after: String,
    actors_added: &'a [String],
    actors_removed: &'a [String],
    changes: Vec<JsonChange<'a>>,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    #[serde(flatten)]
    change: &'a Change,
    text: String,
}

pub fn run(files: &[PathBuf], years: Option<&[i32]>, format: OutputFormat) -> ExitCode {
    let result = match (files, years) {
        ([file], Some([from, to])) => inputs::load(file).map(|scenario| {
            let diff = diff_years(&scenario, *from, *to);
            (scenario, diff, from.to_string(), to.to_string())
        }),
        ([before, after], None) => compare_files(before, after),
        _ => {
            tell_user!("geodep: give two files (geodep diff A.ron B.ron), or one file and --years FROM TO");
            Err(Refused)
        }
    };
    match result {
        Ok((scenario, diff, before, after)) => {
            let mut output = Output::stdout();
            match format {
                OutputFormat::Text => print_text(&mut output, &scenario, &diff, &before, &after),
                OutputFormat::Json => {
                    let changes = diff
                        .changes
                        .iter()
                        .map(|change| JsonChange { change, text: change.describe(&scenario) })
                        .collect();
                    inputs::print_json(
                        &mut output,
                        &JsonDiff {
                            before,
                            after,
                            actors_added: &diff.actors_added,
                            actors_removed: &diff.actors_removed,
                            changes,
                        },
                    );
                }
            }
            output.finish(ExitCode::SUCCESS)
        }
        Err(Refused) => ExitCode::FAILURE,
    }
}

/// The diff of two files, described with the names of the newer one (falling back to the older one's).
fn compare_files(before: &Path, after: &Path) -> Result<(Scenario, ScenarioDiff, String, String), Refused> {
    let (older, newer) = (inputs::load(before)?, inputs::load(after)?);
    let diff = diff_scenarios(&older, &newer);
    let mut names = newer;
    names.actors.extend(older.actors.into_iter().filter(|actor| diff.actors_removed.contains(&actor.id)));
    Ok((names, diff, before.display().to_string(), after.display().to_string()))
}

fn print_text(output: &mut Output, scenario: &Scenario, diff: &ScenarioDiff, before: &str, after: &str) {
    say!(output, "From {before} to {after}:");
    let names = |ids: &[String]| ids.iter().map(|id| scenario.actor_name(id).to_owned()).collect::<Vec<_>>().join(", ");
    if !diff.actors_added.is_empty() {
        say!(output, "  actors added: {}", names(&diff.actors_added));
    }
    if !diff.actors_removed.is_empty() {
        say!(output, "  actors removed: {}", names(&diff.actors_removed));
    }
    if diff.changes.is_empty() && diff.actors_added.is_empty() && diff.actors_removed.is_empty() {
        say!(output, "  no differences");
    }
    let mut year = None;
    for change in &diff.changes {
        if change.year() != year {
            year = change.year();
            if let Some(year) = year {
                say!(output, "  in {year}:");
            }
        }
        let indent = if year.is_some() { "    " } else { "  " };
        say!(output, "{indent}{}", change.describe(scenario));
    }
}
