//! `geodep fmt`: rewrite files in the canonical form, refusing any file it could damage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::check::text_line;
use super::output::{Output, say, tell_user};
use crate::io::{load_file, save_scenario, to_canonical_text};

enum Outcome {
    AlreadyCanonical,
    Rewritten,
    WouldRewrite,
    Refused,
}

pub fn run(files: &[PathBuf], check_only: bool, drop_comments: bool) -> ExitCode {
    let mut failed = false;
    let mut output = Output::stdout();
    for file in files {
        let outcome = format_file(file, check_only, drop_comments);
        match outcome {
            Outcome::AlreadyCanonical => {}
            Outcome::Rewritten => tell_user!("formatted {}", file.display()),
            Outcome::WouldRewrite => {
                say!(output, "{}: not in canonical form (run `geodep fmt` on it)", file.display());
                failed = true;
            }
            Outcome::Refused => failed = true,
        }
    }
    output.finish(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn format_file(file: &Path, check_only: bool, drop_comments: bool) -> Outcome {
    let report = load_file(file);
    let Some(scenario) = report.scenario else {
        for diagnostic in report.diagnostics.iter().filter(|d| d.is_error()) {
            tell_user!("{}", text_line(file, diagnostic));
        }
        tell_user!("{}: not formatted: fix the errors above first; the file is unchanged", file.display());
        return Outcome::Refused;
    };
    let canonical = to_canonical_text(&scenario);
    // Read again like the loader did (a regular file, bounded), never blocking on what replaced it meanwhile.
    let current = crate::io::read_regular_file(file, &mut |_| {}).unwrap_or_default();
    let current = String::from_utf8_lossy(&current);
    if current.strip_prefix('\u{feff}').unwrap_or(&current) == canonical {
        return Outcome::AlreadyCanonical;
    }
    if check_only {
        return Outcome::WouldRewrite;
    }
    if report.has_comments && !drop_comments {
        tell_user!(
            "{}: not formatted: the file has comments, which formatting would remove; \
             pass --drop-comments to format it anyway",
            file.display()
        );
        return Outcome::Refused;
    }
    match save_scenario(file, &scenario) {
        Ok(_) => Outcome::Rewritten,
        Err(error) => {
            tell_user!("{}: not formatted: {error}", file.display());
            Outcome::Refused
        }
    }
}
