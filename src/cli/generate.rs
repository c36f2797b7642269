//! `geodep generate`: a synthetic scenario of the size asked for (made by `crate::synthetic`), written in the
//! canonical form, whole or not at all.

use std::path::Path;
use std::process::ExitCode;

use super::output::tell_user;
use crate::format::thousands;
use crate::io::MAX_FILE_BYTES;
use crate::model::{ActorKind, Scenario};
use crate::synthetic::{Request, RequestError};

/// The exit status of a request that cannot be met, as for any other wrong argument.
const BAD_REQUEST: u8 = 2;

/// The fewest bytes a state (with its ballots), a tie and an energy flow take in the canonical text, from their
/// shortest possible lines; a test below holds generated files to them. A request whose text could never fit in a
/// file GeoDep opens is refused before anything is made.
const LEAST_BYTES_PER_STATE: u64 = 280;
const LEAST_BYTES_PER_TIE: u64 = 150;
const LEAST_BYTES_PER_FLOW: u64 = 200;

pub fn run(request: &Request, out: &Path, overwrite: bool) -> ExitCode {
    if let Err(error) = request.check() {
        tell_user!("geodep generate: {} {}: {error}", option_of(&error), asked(&error));
        return ExitCode::from(BAD_REQUEST);
    }
    if least_text_bytes(request) > MAX_FILE_BYTES {
        tell_user!("geodep generate: {}", too_large("at least ", least_text_bytes(request), out));
        return ExitCode::from(BAD_REQUEST);
    }
    if out.exists() && !overwrite {
        tell_user!(
            "geodep generate: {} exists; choose another name, or pass --overwrite to replace it (its previous \
             version is kept as .bak)",
            out.display()
        );
        return ExitCode::FAILURE;
    }
    let scenario = match crate::synthetic::generate(request) {
        Ok(scenario) => scenario,
        // Checked above; kept for the message should the two ever disagree.
        Err(error) => {
            tell_user!("geodep generate: {error}");
            return ExitCode::from(BAD_REQUEST);
        }
    };
    let text = crate::io::to_canonical_text(&scenario);
    if text.len() as u64 > MAX_FILE_BYTES {
        tell_user!("geodep generate: {}", too_large("", text.len() as u64, out));
        return ExitCode::from(BAD_REQUEST);
    }
    // Written through a temporary file renamed into place: never half a file, and a file that exists by now
    // (given --overwrite, or made meanwhile) is kept as .bak.
    if let Err(error) = crate::io::safe_write::replace_file(out, text.as_bytes()) {
        tell_user!("geodep generate: {error}");
        return ExitCode::FAILURE;
    }
    tell_user!("wrote {}: {}", out.display(), contents(&scenario));
    ExitCode::SUCCESS
}

fn least_text_bytes(request: &Request) -> u64 {
    let count = |count: usize| count as u64;
    count(request.states).saturating_mul(LEAST_BYTES_PER_STATE)
        + count(request.ties).saturating_mul(LEAST_BYTES_PER_TIE)
        + count(request.energy_flow_count()).saturating_mul(LEAST_BYTES_PER_FLOW)
}

fn too_large(at_least: &str, bytes: u64, out: &Path) -> String {
    let mebibytes = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    format!(
        "the scenario would take {at_least}{:.1} MiB, more than GeoDep opens ({:.0} MiB); ask for fewer actors, ties \
         or flows. {} not written",
        mebibytes(bytes),
        mebibytes(MAX_FILE_BYTES),
        out.display()
    )
}

/// The option a refused request came from, as the user typed it.
fn option_of(error: &RequestError) -> &'static str {
    match error {
        RequestError::NoStates | RequestError::TooManyStates { .. } => "--actors",
        RequestError::TooManyTies { .. } => "--ties",
        RequestError::TooManyEnergyFlows { .. } => "--flows",
    }
}

/// The value the user gave for that option.
fn asked(error: &RequestError) -> String {
    match error {
        RequestError::NoStates => "0".to_owned(),
        RequestError::TooManyStates { asked }
        | RequestError::TooManyTies { asked, .. }
        | RequestError::TooManyEnergyFlows { asked, .. } => asked.to_string(),
    }
}

/// "10,000 states, 5 blocs, 100,000 ties, 20,000 energy flows, 8,012 sanctions stances, 4 votes".
fn contents(scenario: &Scenario) -> String {
    let states = scenario.actors.iter().filter(|actor| actor.kind == ActorKind::State).count();
    let blocs = scenario.actors.len() - states;
    [
        (states, "state", "states"),
        (blocs, "bloc", "blocs"),
        (scenario.ties.len(), "tie", "ties"),
        (scenario.energy.len(), "energy flow", "energy flows"),
        (scenario.sanctions.len(), "sanctions stance", "sanctions stances"),
        (scenario.votes.len(), "vote", "votes"),
    ]
    .iter()
    .map(|&(count, one, many)| format!("{} {}", thousands(count as f64), if count == 1 { one } else { many }))
    .collect::<Vec<_>>()
    .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_files_take_at_least_the_bytes_counted_in_advance() {
        for (states, ties, energy_flows) in
            [(1, 0, Some(16)), (30, 100, None), (500, 3_000, Some(4_000)), (9_999, 0, Some(0))]
        {
            let request = Request { states, ties, energy_flows, seed: 3 };
            let scenario = crate::synthetic::generate(&request).unwrap();
            let bytes = crate::io::to_canonical_text(&scenario).len() as u64;
            assert!(bytes >= least_text_bytes(&request), "{states} states: {bytes} bytes");
        }
    }
}
