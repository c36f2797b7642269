//! What an import did: per file, what was mapped to what, what was skipped and why; then the problems the
//! checker finds in the new scenario. Shown by the app's import window and printed by `geodep import`.

use std::collections::BTreeMap;
use std::fmt;

use super::{InputFormat, MAX_NOTES_PER_FILE};
use crate::diagnostic::Diagnostic;

#[derive(Debug, Default)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    /// Notes about the whole import (e.g. a source cited for records that cited none).
    pub general: Vec<String>,
    /// What `geodep check` says of the new scenario.
    pub problems: Vec<Diagnostic>,
}

impl ImportReport {
    /// Whether any file was refused whole.
    pub fn any_refused(&self) -> bool {
        self.files.iter().any(|file| file.refused.is_some())
    }

    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|problem| problem.severity == crate::diagnostic::Severity::Error).count()
    }
}

/// One file's part of the report.
#[derive(Debug, Default)]
pub struct FileReport {
    pub name: String,
    pub format: Option<InputFormat>,
    /// What the file gave, by what it became: "actors" → 12, "energy flows" → 40.
    pub mapped: BTreeMap<String, usize>,
    /// Why the whole file gave nothing, if it did not.
    pub refused: Option<String>,
    /// Rows, elements or values skipped or changed, each with its place; at most [`MAX_NOTES_PER_FILE`].
    pub notes: Vec<Note>,
    /// Notes past the limit, counted but not kept.
    pub notes_left_out: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    /// Where in the file: "row 12", "line 3, column 40", "edge e7"; empty for the whole file.
    pub place: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// Left out of the scenario.
    Skipped,
    /// Kept, but not as written (a value converted, a field kept in a note, a flag dropped).
    Changed,
}

impl FileReport {
    pub fn new(name: &str, format: Option<InputFormat>) -> FileReport {
        FileReport { name: name.to_owned(), format, ..FileReport::default() }
    }

    /// Counts one more of `what` mapped ("actors", "energy flows", "ties"…).
    pub fn mapped(&mut self, what: &str, count: usize) {
        *self.mapped.entry(what.to_owned()).or_default() += count;
    }

    pub fn skip(&mut self, place: impl Into<String>, why: impl Into<String>) {
        self.note(NoteKind::Skipped, place.into(), why.into());
    }

    pub fn change(&mut self, place: impl Into<String>, what: impl Into<String>) {
        self.note(NoteKind::Changed, place.into(), what.into());
    }

    /// The whole file gives nothing, for this reason.
    pub fn refuse(&mut self, why: impl Into<String>) {
        self.refused = Some(why.into());
    }

    fn note(&mut self, kind: NoteKind, place: String, message: String) {
        if self.notes.len() < MAX_NOTES_PER_FILE {
            self.notes.push(Note { kind, place, message });
        } else {
            self.notes_left_out += 1;
        }
    }

    pub fn count(&self, kind: NoteKind) -> usize {
        self.notes.iter().filter(|note| note.kind == kind).count()
    }
}

impl fmt::Display for FileReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let format = self.format.map_or("unknown format".to_owned(), |format| format.label().to_owned());
        writeln!(out, "{} ({format})", self.name)?;
        if let Some(why) = &self.refused {
            return writeln!(out, "  refused: {why}");
        }
        if self.mapped.is_empty() {
            writeln!(out, "  nothing mapped")?;
        }
        for (what, count) in &self.mapped {
            writeln!(out, "  mapped {}", counted(*count, what))?;
        }
        for note in &self.notes {
            let kind = match note.kind {
                NoteKind::Skipped => "skipped",
                NoteKind::Changed => "changed",
            };
            let place = if note.place.is_empty() { String::new() } else { format!("{}: ", note.place) };
            writeln!(out, "  {kind}: {place}{}", note.message)?;
        }
        if self.notes_left_out > 0 {
            writeln!(out, "  … and {} more notes like these", self.notes_left_out)?;
        }
        Ok(())
    }
}

/// "1 tie", "2 ties": what was mapped, singular for one.
pub fn counted(count: usize, what: &str) -> String {
    let what = if count == 1 { what.strip_suffix('s').unwrap_or(what) } else { what };
    format!("{count} {what}")
}

impl fmt::Display for ImportReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for file in &self.files {
            write!(out, "{file}")?;
        }
        for line in &self.general {
            writeln!(out, "{line}")?;
        }
        let errors = self.error_count();
        let warnings = self.problems.len() - errors;
        writeln!(out, "the new scenario: {errors} error(s), {warnings} warning(s)")?;
        for problem in &self.problems {
            writeln!(out, "  {problem}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_of_a_kind_is_singular() {
        assert_eq!(counted(1, "ties"), "1 tie");
        assert_eq!(counted(1, "energy flows"), "1 energy flow");
        assert_eq!(counted(2, "ties"), "2 ties");
        assert_eq!(counted(0, "actors"), "0 actors");
    }
}
