//! `geodep check`: report every problem of each file, as text lines or JSON.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::OutputFormat;
use super::output::{Output, say, tell_user};
use crate::diagnostic::{Diagnostic, Severity};
use crate::io::load_file;

/// One line of `--format json` output.
#[derive(Debug, Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    severity: Severity,
    path: &'a str,
    message: &'a str,
}

pub fn run(files: &[PathBuf], format: OutputFormat) -> ExitCode {
    let reports: Vec<(&PathBuf, Vec<Diagnostic>)> =
        files.iter().map(|file| (file, load_file(file).diagnostics)).collect();
    let any_error = reports.iter().any(|(_, diagnostics)| crate::diagnostic::has_errors(diagnostics));
    let mut output = Output::stdout();
    match format {
        OutputFormat::Text => print_text(&mut output, &reports),
        OutputFormat::Json => print_json(&mut output, &reports),
    }
    output.finish(if any_error { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn print_text(output: &mut Output, reports: &[(&PathBuf, Vec<Diagnostic>)]) {
    for (file, diagnostics) in reports {
        for diagnostic in diagnostics {
            say!(output, "{}", text_line(file, diagnostic));
        }
    }
    let errors = count(reports, Severity::Error);
    let warnings = count(reports, Severity::Warning);
    tell_user!("checked {} file(s): {errors} error(s), {warnings} warning(s)", reports.len());
}

/// `FILE:LINE:COL: error: path: message`, or `FILE: error: …` when the text position is unknown.
pub fn text_line(file: &Path, diagnostic: &Diagnostic) -> String {
    let location = diagnostic.location();
    if location.is_empty() {
        format!("{}: {diagnostic}", file.display())
    } else {
        format!("{}:{location}: {diagnostic}", file.display())
    }
}

fn print_json(output: &mut Output, reports: &[(&PathBuf, Vec<Diagnostic>)]) {
    let entries: Vec<JsonDiagnostic> = reports
        .iter()
        .flat_map(|(file, diagnostics)| {
            diagnostics.iter().map(|diagnostic| JsonDiagnostic {
                file: file.display().to_string(),
                line: diagnostic.line,
                column: diagnostic.column,
                severity: diagnostic.severity,
                path: &diagnostic.path,
                message: &diagnostic.message,
            })
        })
        .collect();
    match serde_json::to_string_pretty(&entries) {
        Ok(json) => output.raw_line(&json),
        Err(error) => tell_user!("geodep: cannot write JSON: {error}"),
    }
}

fn count(reports: &[(&PathBuf, Vec<Diagnostic>)], severity: Severity) -> usize {
    reports.iter().flat_map(|(_, diagnostics)| diagnostics).filter(|d| d.severity == severity).count()
}
