//! `geodep fmt`: rewrite files in the canonical form, refusing any file it could damage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::check::text_line;
use crate::io::{load_file, save_scenario, to_canonical_text};

enum Outcome {
    AlreadyCanonical,
    Rewritten,
    WouldRewrite,
    Refused,
}

pub fn run(files: &[PathBuf], check_only: bool, drop_comments: bool) -> ExitCode {
    let mut failed = false;
    for file in files {
        let outcome = format_file(file, check_only, drop_comments);
        match outcome {
            Outcome::AlreadyCanonical => {}
            Outcome::Rewritten => eprintln!("formatted {}", file.display()),
            Outcome::WouldRewrite => {
                println!("{}: not in canonical form (run `geodep fmt` on it)", file.display());
                failed = true;
            }
            Outcome::Refused => failed = true,
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn format_file(file: &Path, check_only: bool, drop_comments: bool) -> Outcome {
    let report = load_file(file);
    let Some(scenario) = report.scenario else {
        for diagnostic in report.diagnostics.iter().filter(|d| d.is_error()) {
            eprintln!("{}", text_line(file, diagnostic));
        }
        eprintln!("{}: not formatted: fix the errors above first; the file is unchanged", file.display());
        return Outcome::Refused;
    };
    let canonical = to_canonical_text(&scenario);
    let current = std::fs::read_to_string(file).unwrap_or_default();
    if current.strip_prefix('\u{feff}').unwrap_or(&current) == canonical {
        return Outcome::AlreadyCanonical;
    }
    if check_only {
        return Outcome::WouldRewrite;
    }
    if report.has_comments && !drop_comments {
        eprintln!(
            "{}: not formatted: the file has comments, which formatting would remove; \
             pass --drop-comments to format it anyway",
            file.display()
        );
        return Outcome::Refused;
    }
    match save_scenario(file, &scenario) {
        Ok(_) => Outcome::Rewritten,
        Err(error) => {
            eprintln!("{}: not formatted: {error}", file.display());
            Outcome::Refused
        }
    }
}
