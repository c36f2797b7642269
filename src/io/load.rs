//! Reading a scenario file: every problem at once, each with a line and column where the text has one.
//!
//! The steps: refuse what is not a text scenario (empty, binary, not UTF-8, too large); parse with ron
//! (a syntax error stops there, with its position), watching whether serde skipped any field; report every
//! unknown field from the text index; when values do not fit the model, parse each record alone to report
//! them all; then run the validator and place its findings in the text.
//!
//! The text index is built only when there is something to place in the text, so that opening a valid file
//! costs little more than parsing it (issue 20: at most 1.3 times a bare serde parse).

use std::cell::{Cell, OnceCell};
use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::ignored_fields::Watching;
use super::read::{ReadFailure, read_bounded, read_regular_file, too_large_message};
use super::ron_errors;
use super::text_index::{self, NodeRef, Position, TextIndex};
use crate::diagnostic::{Diagnostic, has_errors, sort};
use crate::model::schema::{Child, RecordType};
use crate::model::{CURRENT_FORMAT, Scenario};
use crate::validate::{MAX_HINTS, future_format_message, shortened, suggest, validate};

/// What loading found: the scenario when it has no errors, and every diagnostic.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    /// The scenario, when it has no errors.
    pub scenario: Option<Scenario>,
    /// The scenario that the text describes although it has errors (unknown ids, shares over 1, bad dates): the
    /// app opens it so that they can be fixed there. `None` when the text does not parse.
    pub with_errors: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
    /// The text has comments.
    pub has_comments: bool,
}

impl LoadReport {
    fn failed(diagnostic: Diagnostic) -> LoadReport {
        LoadReport { scenario: None, with_errors: None, diagnostics: vec![diagnostic], has_comments: false }
    }

    pub fn has_errors(&self) -> bool {
        has_errors(&self.diagnostics)
    }
}

pub fn load_file(path: &Path) -> LoadReport {
    match read_regular_file(path, &mut |_| {}) {
        Ok(bytes) => load_bytes(&bytes),
        Err(message) => LoadReport::failed(Diagnostic::error("", message)),
    }
}

/// `load_file`, calling `progress` with the number of bytes read so far (for a progress bar), and giving back
/// the file's text, so that a save can change only what differs from it (and a file that does not parse can be
/// shown as text).
pub fn load_file_keeping_text(path: &Path, progress: &mut dyn FnMut(u64)) -> (LoadReport, Option<String>) {
    match read_regular_file(path, progress) {
        Ok(bytes) => keeping_text(bytes),
        Err(message) => (LoadReport::failed(Diagnostic::error("", message)), None),
    }
}

/// The same from any reader (tests pass a slow one). At most `MAX_FILE_BYTES` are read.
pub fn load_from_reader_keeping_text(
    reader: &mut dyn Read,
    progress: &mut dyn FnMut(u64),
) -> (LoadReport, Option<String>) {
    match read_bounded(reader, 0, progress) {
        Ok(bytes) => keeping_text(bytes),
        Err(failure) => (failed_read(failure), None),
    }
}

fn keeping_text(bytes: Vec<u8>) -> (LoadReport, Option<String>) {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return (load_bytes(&bytes), None);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (load_text(&text), Some(text)),
        Err(error) => (load_bytes(error.as_bytes()), None),
    }
}

fn failed_read(failure: ReadFailure) -> LoadReport {
    let message = match failure {
        ReadFailure::TooLarge(size) => too_large_message(size),
        ReadFailure::Io(error) => format!("cannot read it: {error}"),
    };
    LoadReport::failed(Diagnostic::error("", message))
}

pub fn load_bytes(bytes: &[u8]) -> LoadReport {
    let probe = &bytes[..bytes.len().min(8192)];
    if probe.contains(&0) {
        return LoadReport::failed(Diagnostic::error(
            "",
            "this is a binary file, not a RON scenario (it contains NUL bytes)",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_text(text),
        Err(error) => {
            let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            let (line, column) = end_position(valid);
            let message = "the file is not UTF-8 text; save it as UTF-8 (scenario files are plain text)";
            LoadReport::failed(Diagnostic::error("", message).at(line, column))
        }
    }
}

/// Line and column just after `text`.
fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let column = 1 + text.rsplit('\n').next().map_or(0, |last| last.chars().count());
    (line, column)
}

pub fn load_text(text: &str) -> LoadReport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return LoadReport::failed(Diagnostic::error("", "the file is empty; a scenario starts with `Scenario(`"));
    }
    let ignored_a_field = Cell::new(false);
    let whole = parse_options().from_str_seed(text, Watching::<Scenario>::new(&ignored_a_field));
    if let Err(error) = &whole
        && let Some(cut) = cut_short(text, error)
    {
        return LoadReport::failed(cut);
    }
    if let Err(error) = &whole
        && ron_errors::is_syntax_error(&error.code)
    {
        let diagnostic = Diagnostic::error("", ron_errors::describe(&error.code));
        return LoadReport::failed(diagnostic.at(error.span.start.line, error.span.start.col));
    }
    // Comments are looked for on their own: in a text without `//` or `/*` that is one fast search.
    let has_comments = text_index::has_comments(text);
    // The text index, a tree of the whole text, costs more than half a parse and takes a few times the text's
    // size; it is built only when something must be found in the text: unknown fields, values that do not fit,
    // a newer format, or the validator's findings. A valid file never builds it.
    let index = OnceCell::new();
    let index = || index.get_or_init(|| TextIndex::build(text));
    let newer_format = whole.as_ref().is_ok_and(|scenario| scenario.format > CURRENT_FORMAT);
    let mut diagnostics = Vec::new();
    if whole.is_err() || ignored_a_field.get() || newer_format {
        if let Some(future) = future_format(index()) {
            return LoadReport { has_comments, ..LoadReport::failed(future) };
        }
        diagnostics = unknown_fields(index());
    }
    let scenario = match whole {
        Ok(scenario) => Some(scenario),
        Err(error) => {
            diagnostics.extend(record_errors(text, index(), &error));
            None
        }
    };
    if let Some(scenario) = &scenario {
        let found = validate(scenario);
        if !found.is_empty() {
            let positions = index().locate_all(found.iter().map(|diagnostic| diagnostic.path.as_str()));
            for (diagnostic, position) in found.into_iter().zip(positions) {
                diagnostics.push(match position {
                    Some(position) => diagnostic.at(position.line, position.column),
                    None => diagnostic,
                });
            }
        }
    }
    sort(&mut diagnostics);
    let (scenario, with_errors) = if has_errors(&diagnostics) { (None, scenario) } else { (scenario, None) };
    LoadReport { scenario, with_errors, diagnostics, has_comments }
}

/// A text cut short (a download that stopped, a full disk, a copy interrupted): the reader's complaint is at its
/// very end, whatever it says ("expected colon", "unknown value `Ye`"). Said as what it is, with the record or
/// field left open.
fn cut_short(text: &str, error: &ron::error::SpannedError) -> Option<Diagnostic> {
    let offset = byte_offset(text, error.span.start.line, error.span.start.col)?;
    // Nothing after the complaint, or only the word it is about, cut in the middle (`Ye` for `Yes`).
    let rest = text[offset..].trim();
    let a_cut_word = rest.len() <= 64 && rest.chars().all(|c| c.is_alphanumeric() || "_-.\"".contains(c));
    // Or a string that runs to the end of the text: no quote closes it.
    let an_open_string = error.code == ron::error::Error::ExpectedStringEnd
        && rest.strip_prefix('"').is_some_and(|inside| !inside.contains('"'));
    // Or the reader ran out of text, wherever it says the trouble began (`Scenario(` ends at its bracket).
    let ran_out = error.code == ron::error::Error::Eof;
    if !a_cut_word && !an_open_string && !ran_out {
        return None;
    }
    let (line, column) = end_position(text.trim_end());
    // The last character written, which lies inside whatever was left open.
    let inside = enclosing_path(&TextIndex::build(text), line, column.saturating_sub(1).max(1));
    // The path is shown beside the message: it says which record or list.
    let what = match (inside.is_empty(), inside.contains('[')) {
        (true, _) => "before the scenario is closed",
        (false, true) => "inside this record",
        (false, false) => "inside this field",
    };
    let message = format!("the file ends {what}: it looks cut short after line {line}");
    Some(Diagnostic::error(inside, message).at(line, column))
}

/// The byte offset of a 1-based line and character column, or the text's end past it.
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 { 0 } else { text.match_indices('\n').nth(line - 2).map(|(at, _)| at + 1)? };
    let rest = &text[line_start..];
    let within = rest.char_indices().nth(column.saturating_sub(1)).map_or(rest.len(), |(at, _)| at);
    Some(line_start + within)
}

/// The scenario a text describes, without checking it; the reader's complaint (with line and column) if none.
pub fn parse_scenario(text: &str) -> Result<Scenario, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_options().from_str(text).map_err(|error| {
        format!(
            "{} at line {}, column {}",
            ron_errors::describe(&error.code),
            error.span.start.line,
            error.span.start.col
        )
    })
}

/// Files may leave out `#![enable(implicit_some)]`: optional values are written bare either way.
pub(crate) fn parse_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// A file from a newer GeoDep is refused before anything else, since its fields may mean other things.
fn future_format(index: &TextIndex<'_>) -> Option<Diagnostic> {
    let (_, position, node) = index.root()?.fields().find(|(name, _, _)| *name == "format")?;
    let format: u32 = node.text().trim().parse().ok()?;
    (format > CURRENT_FORMAT)
        .then(|| Diagnostic::error("format", future_format_message(format)).at(position.line, position.column))
}

/// Every field name the text writes that the format does not have, with a "did you mean".
fn unknown_fields(index: &TextIndex<'_>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if let Some(root) = index.root() {
        check_fields(root, RecordType::Scenario, String::new(), &mut found);
    }
    found
}

fn check_fields(node: NodeRef<'_>, record_type: RecordType, path: String, found: &mut Vec<Diagnostic>) {
    if !node.is_struct() {
        return;
    }
    let known = record_type.fields();
    for (name, position, child) in node.fields() {
        let field_path = if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
        if !known.contains(&name) {
            // Past the first hundred, the rest are listed without a guess, which keeps a hostile file linear.
            let hint = if found.len() < MAX_HINTS {
                suggest(name, known.iter().map(|field| (*field, *field)))
            } else {
                String::new()
            };
            let message = format!("unknown field `{}` in {}{hint}", shortened(name), record_type.label());
            found.push(Diagnostic::error(field_path, message).at(position.line, position.column));
            continue;
        }
        match record_type.child(name) {
            Some(Child::Record(child_type)) => check_fields(child, child_type, field_path, found),
            Some(Child::ListOf(item_type)) => {
                for (item_index, item) in child.items().enumerate() {
                    check_fields(item, item_type, format!("{field_path}[{item_index}]"), found);
                }
            }
            None => {}
        }
    }
}

/// When the whole scenario does not fit the model, parse each record alone so that every misfit is
/// reported, not only the first. Falls back to the whole-file error when no single record explains it.
fn record_errors(text: &str, index: &TextIndex<'_>, whole_error: &ron::error::SpannedError) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if let Some(root) = index.root() {
        for (list, _, node) in root.fields() {
            let items = node.items();
            match list {
                "actors" => check_items::<crate::model::Actor>(text, list, items, &mut found),
                "energy" => check_items::<crate::model::EnergyFlow>(text, list, items, &mut found),
                "routes" => check_items::<crate::model::Route>(text, list, items, &mut found),
                "sanctions" => check_items::<crate::model::SanctionStance>(text, list, items, &mut found),
                "ties" => check_items::<crate::model::Tie>(text, list, items, &mut found),
                "votes" => check_items::<crate::model::Vote>(text, list, items, &mut found),
                "events" => check_items::<crate::model::Event>(text, list, items, &mut found),
                "sources" => check_items::<crate::model::Source>(text, list, items, &mut found),
                "story" => check_items::<crate::model::StoryStep>(text, list, items, &mut found),
                _ => {}
            }
        }
    }
    // The whole-file error is new unless its record was already reported on its own (a header value, such as
    // `title: 5`, is in no record).
    let start = &whole_error.span.start;
    let path = enclosing_path(index, start.line, start.col);
    if !found.iter().any(|diagnostic| diagnostic.path == path) {
        found.push(Diagnostic::error(path, ron_errors::describe(&whole_error.code)).at(start.line, start.col));
    }
    found
}

fn check_items<'a, T: DeserializeOwned>(
    text: &str,
    list: &str,
    items: impl Iterator<Item = NodeRef<'a>>,
    found: &mut Vec<Diagnostic>,
) {
    for (item_index, item) in items.enumerate() {
        let span = item.span();
        let Some(record_text) = text.get(span.clone()) else { continue };
        if let Err(error) = parse_options().from_str::<T>(record_text) {
            let start = item.position();
            let (line, column) = shift(start.line, start.column, error.span.start.line, error.span.start.col);
            let path = format!("{list}[{item_index}]");
            found.push(Diagnostic::error(path, ron_errors::describe(&error.code)).at(line, column));
        }
    }
}

/// A position inside a record's own text, moved to the whole file's coordinates.
fn shift(record_line: usize, record_column: usize, line: usize, column: usize) -> (usize, usize) {
    if line <= 1 { (record_line, record_column + column.saturating_sub(1)) } else { (record_line + line - 1, column) }
}

/// The record path of the top-level list item that contains a position (`energy[3]`), else the name of the
/// top-level field (`title`), or "" when it is outside them all.
fn enclosing_path(index: &TextIndex<'_>, line: usize, column: usize) -> String {
    let Some(root) = index.root() else { return String::new() };
    let spans = |start: Position, node: NodeRef<'_>| {
        let end = index.position_of_offset(node.span().end);
        (start.line, start.column) <= (line, column) && (line, column) < (end.line, end.column)
    };
    for (field, field_position, node) in root.fields() {
        if let Some(item_index) = node.items().position(|item| spans(item.position(), item)) {
            return format!("{field}[{item_index}]");
        }
        // From the field's name to the end of its value: ron may place the error just before the value.
        if spans(field_position, node) {
            return field.to_owned();
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::MAX_FILE_BYTES;

    #[test]
    fn a_file_cut_short_says_so_and_names_what_is_left_open() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/western-balkans-gas.ron"))
            .expect("the bundled scenario reads");
        let votes = text.find("votes: [").expect("the scenario has votes");
        // Cut inside a ballot's value, inside a vote's id, and just after the list opens: ron says "unknown
        // value `Ye`", "expected end of string" and "expected opening `(`"; each is one message about the end.
        let ballots = votes + text[votes..].find(": Yes").expect("a ballot") + 4;
        let id = votes + text[votes..].find("\"ES-").expect("a vote id") + 3;
        for (cut, inside) in [(ballots, "votes[0]"), (id, "votes[0]"), (votes + 12, "votes")] {
            let report = load_text(&text[..cut]);
            assert!(report.scenario.is_none() && report.with_errors.is_none());
            assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
            let (path, message) = (&report.diagnostics[0].path, &report.diagnostics[0].message);
            assert_eq!(path, inside);
            let what = if inside.contains('[') { "record" } else { "field" };
            assert!(message.starts_with(&format!("the file ends inside this {what}: it looks cut short")), "{message}");
            let last_line = 1 + text[..cut].trim_end().matches('\n').count();
            assert_eq!(report.diagnostics[0].line, Some(last_line), "at the last line written");
        }
        // Cut just after the scenario's opening bracket.
        let report = load_text("Scenario(");
        assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
        assert!(report.diagnostics[0].message.starts_with("the file ends before the scenario is closed"));
        // Cut inside a caption: the string runs to the end.
        let summary = text.find("summary: \"").expect("a summary") + 30;
        let report = load_text(&text[..summary]);
        assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
        assert!(report.diagnostics[0].message.contains("cut short"), "{:?}", report.diagnostics);
        // An error in the middle of a file is not taken for one at its end.
        let broken = text.replacen("votes: [", "votes: [}", 1);
        assert!(!load_text(&broken).diagnostics.iter().any(|found| found.message.contains("cut short")));
    }

    #[test]
    fn byte_offsets_count_characters_within_lines() {
        let text = "ab\nčd\n";
        assert_eq!(byte_offset(text, 1, 1), Some(0));
        assert_eq!(byte_offset(text, 2, 2), Some(5), "č takes two bytes");
        assert_eq!(byte_offset(text, 3, 1), Some(text.len()));
        assert_eq!(byte_offset(text, 9, 1), None);
    }

    #[test]
    fn an_absurdly_large_file_is_refused_before_reading_it() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("huge.ron");
        // A sparse file: its size is set without writing the bytes.
        std::fs::File::create(&path).unwrap().set_len(MAX_FILE_BYTES + 1).unwrap();
        let report = load_file(&path);
        assert!(report.scenario.is_none());
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].message, "the file is 64 MiB; scenario files above 64 MiB are refused");
    }

    #[test]
    fn a_folder_or_a_missing_file_gets_a_clear_error() {
        let folder = tempfile::tempdir().unwrap();
        let report = load_file(folder.path());
        let message = &report.diagnostics[0].message;
        assert!(message.ends_with("is a folder, not a scenario file; only regular files are read"), "{message}");
        let missing = load_file(&folder.path().join("missing.ron"));
        assert!(missing.diagnostics[0].message.starts_with("cannot open"), "{:?}", missing.diagnostics);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = format!("Scenario(format: 1, title: \"x\", actors: {}{})", "[".repeat(50_000), "]".repeat(50_000));
        let report = load_text(&text);
        assert!(report.has_errors());
        assert!(report.scenario.is_none());
    }

    #[test]
    fn a_route_that_does_not_fit_is_reported_at_its_place() {
        let text = "Scenario(format: 1, title: \"x\", actors: [Actor(id: \"A\", name: \"A\", kind: State)],\n\
            routes: [Route(name: \"Line\"), Route(waypoints: [(lat: 1.0, lon: 2.0)])])";
        let report = load_text(text);
        assert!(report.scenario.is_none());
        let found: Vec<(&str, &str, Option<usize>)> = report
            .diagnostics
            .iter()
            .map(|diagnostic| (diagnostic.path.as_str(), diagnostic.message.as_str(), diagnostic.line))
            .collect();
        assert_eq!(found, [("routes[1]", "missing field `name` in Route", Some(2))]);
    }

    #[test]
    fn a_misspelt_membership_field_or_status_is_reported_at_its_place() {
        let text = "Scenario(format: 1, title: \"x\", actors: [Actor(id: \"A\", name: \"A\", kind: State),\n\
            Actor(id: \"B\", name: \"B\", kind: Bloc, memberships: [Membership(member: \"A\", frm: \"2023\")])])";
        let found: Vec<(String, String)> =
            load_text(text).diagnostics.into_iter().map(|diagnostic| (diagnostic.path, diagnostic.message)).collect();
        let expected = "unknown field `frm` in membership; did you mean \"from\"?";
        let uncited = ("actors[1].memberships[0].sources".to_owned(), "membership cites no source".to_owned());
        assert_eq!(found, [("actors[1].memberships[0].frm".to_owned(), expected.to_owned()), uncited]);
        let status = text.replace("frm: \"2023\"", "status: Obsever");
        let found: Vec<String> =
            load_text(&status).diagnostics.into_iter().map(|diagnostic| diagnostic.message).collect();
        assert_eq!(
            found,
            ["unknown value `Obsever`; did you mean \"Observer\"? Expected one of: Member, Suspended, Observer"]
        );
    }

    /// (path, line, column) of every diagnostic.
    fn places(report: &LoadReport) -> Vec<(&str, Option<usize>, Option<usize>)> {
        report
            .diagnostics
            .iter()
            .map(|diagnostic| (diagnostic.path.as_str(), diagnostic.line, diagnostic.column))
            .collect()
    }

    #[test]
    fn the_validators_findings_are_placed_although_the_parse_skipped_no_field() {
        // Nothing here makes the loader build the text index before validating: it is built for the findings.
        let text = "Scenario(format: 1, title: \"x\", actors: [Actor(id: \"A\", name: \"A\", kind: State)],\n\
            ties: [Tie(a: \"A\", b: \"Б\", kind: Support, strength: 0.5, sources: [])])";
        let report = load_text(text);
        assert!(report.scenario.is_none() && report.with_errors.is_some());
        assert_eq!(places(&report), [("ties[0].b", Some(2), Some(20)), ("ties[0].sources", Some(2), Some(58))]);
        assert!(!report.has_comments);
    }

    #[test]
    fn unknown_fields_findings_and_comments_are_all_reported_together() {
        let text = "// a comment\nScenario(format: 1, title: \"x\", colour: 3,\n\
            actors: [Actor(id: \"A\", name: \"A\", kind: State, location: (lat: 95.0, lon: 0.0, alt: 1))])";
        let report = load_text(text);
        assert_eq!(
            places(&report),
            [
                ("colour", Some(2), Some(33)),
                ("actors[0].location.lat", Some(3), Some(60)),
                ("actors[0].location.alt", Some(3), Some(81))
            ]
        );
        assert!(report.has_comments);
        let newer = load_text(&text.replace("format: 1", "format: 9"));
        assert_eq!(places(&newer), [("format", Some(2), Some(10))]);
        assert!(newer.has_comments);
    }

    #[test]
    fn a_byte_order_mark_is_ignored_and_binary_is_refused() {
        let with_mark =
            "\u{feff}Scenario(format: 1, title: \"x\", actors: [Actor(id: \"A\", name: \"A\", kind: State)])";
        assert!(load_text(with_mark).scenario.is_some());
        let binary = load_bytes(b"Scenario(\0\0\x01)");
        assert_eq!(binary.diagnostics[0].message, "this is a binary file, not a RON scenario (it contains NUL bytes)");
    }
}
