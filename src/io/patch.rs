//! Saving without rewriting: the new text of a scenario file is its old text with only what changed replaced.
//!
//! The scenario as it was read and as it is now are both written in canonical form and indexed; the two trees
//! are compared, and each difference is made in the file's own text at the same place: a changed field gets its
//! new value (in canonical form), a new record is inserted with the indentation of its neighbours, a deleted one
//! goes with its trailing comma and its line. Everything else (comments, blank lines, number spelling, field
//! order) stays byte for byte. Lists are aligned record by record (common ends first, then the longest common
//! run in between), so that a deletion or insertion in the middle touches only that record.
//!
//! The result is parsed again and must equal the scenario as it is now; otherwise there is no patch and the
//! caller writes the canonical text.

use std::ops::Range;

use super::text_index::{NodeKind, NodeRef, TextIndex};
use crate::model::Scenario;

/// The middle of a list (after its common ends) is aligned exactly up to this many comparisons; larger changes
/// are paired record by record.
const MOST_ALIGNMENT_CELLS: usize = 4_000_000;

/// The file's new text, and the comments in it that the change removes (inside a replaced value or a deleted
/// record).
#[derive(Debug, Clone, PartialEq)]
pub struct Patched {
    pub text: String,
    pub lost_comments: Vec<String>,
}

/// `file_text` (which reads as `original`) changed so that it reads as `current`, touching only what differs.
/// `None` when the text cannot be patched (it is not a scenario this module can follow); write it whole then.
pub fn patch_text(file_text: &str, original: &Scenario, current: &Scenario) -> Option<Patched> {
    if original == current {
        return Some(Patched { text: file_text.to_owned(), lost_comments: Vec::new() });
    }
    let (bom, body) = match file_text.strip_prefix('\u{feff}') {
        Some(body) => ("\u{feff}", body),
        None => ("", file_text),
    };
    let file = TextIndex::build(body);
    if file.first_issue().is_some() {
        return None;
    }
    let (old_text, new_text) = (super::to_canonical_text(original), super::to_canonical_text(current));
    let (old, new) = (TextIndex::build(&old_text), TextIndex::build(&new_text));
    let mut patcher = Patcher { file: body, comments: file.comments(), splices: Vec::new() };
    patcher.node(file.root()?, old.root()?, new.root()?);
    let text = format!("{bom}{}", apply(body, &mut patcher.splices)?);
    let reparsed: Scenario =
        super::load::parse_options().from_str(text.strip_prefix('\u{feff}').unwrap_or(&text)).ok()?;
    if reparsed != *current {
        return None;
    }
    let lost_comments = file
        .comments()
        .iter()
        .filter(|comment| patcher.splices.iter().any(|splice| covers(&splice.range, comment)))
        .map(|comment| body[comment.clone()].trim().to_owned())
        .collect();
    Some(Patched { text, lost_comments })
}

/// The text to save `current` as: the previous text of its file (`previous`, with the scenario it read as)
/// patched where it differs, or the canonical text when there is none or it cannot be patched.
pub fn text_to_save(previous: Option<(&str, &Scenario)>, current: &Scenario) -> Patched {
    let patched = previous.and_then(|(text, scenario)| patch_text(text, scenario, current));
    patched.unwrap_or_else(|| Patched { text: super::to_canonical_text(current), lost_comments: Vec::new() })
}

/// Replace `range` of the file's text with `text` (an insertion when the range is empty).
#[derive(Debug, Clone, PartialEq)]
struct Splice {
    range: Range<usize>,
    text: String,
}

fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && outer.start < outer.end
}

/// Applies the splices from the end of the text backwards; `None` if two of them overlap.
fn apply(text: &str, splices: &mut [Splice]) -> Option<String> {
    splices.sort_by_key(|splice| (splice.range.start, splice.range.end));
    let mut result = String::with_capacity(text.len());
    let mut done = 0;
    for splice in splices.iter() {
        if splice.range.start < done {
            return None;
        }
        result.push_str(&text[done..splice.range.start]);
        result.push_str(&splice.text);
        done = splice.range.end;
    }
    result.push_str(&text[done..]);
    Some(result)
}

struct Patcher<'a> {
    file: &'a str,
    comments: &'a [Range<usize>],
    splices: Vec<Splice>,
}

impl Patcher<'_> {
    /// Makes the file's `file` node, which reads as `old`, read as `new`.
    fn node(&mut self, file: NodeRef<'_>, old: NodeRef<'_>, new: NodeRef<'_>) {
        if old.text() == new.text() {
            return;
        }
        match (file.kind(), old.kind(), new.kind()) {
            (NodeKind::Struct { name: file_name }, NodeKind::Struct { name: old_name }, NodeKind::Struct { .. })
                if file_name == old_name || file_name.is_none() =>
            {
                self.labelled(file, old, new)
            }
            (NodeKind::Map, NodeKind::Map, NodeKind::Map) => self.labelled(file, old, new),
            (NodeKind::List, NodeKind::List, NodeKind::List)
                if file.items().count() == old.items().count() && file.items().count() > 0 =>
            {
                self.list(file, old, new)
            }
            _ => self.replace(file, new),
        }
    }

    /// Replaces the whole of `file` with the canonical text of `new`.
    fn replace(&mut self, file: NodeRef<'_>, new: NodeRef<'_>) {
        let indent = line_indent(self.file, file.span().start);
        let text = reindent(new.text(), &canonical_indent(new), &indent);
        self.splices.push(Splice { range: file.span(), text });
    }

    /// Struct fields or map entries, matched by name or key.
    fn labelled(&mut self, file: NodeRef<'_>, old: NodeRef<'_>, new: NodeRef<'_>) {
        let file_children: Vec<(&str, usize, NodeRef<'_>)> = file.labelled_children().collect();
        if file_children.is_empty() {
            return self.replace(file, new);
        }
        let find = |children: &[(&str, usize, NodeRef<'_>)], label: &str| {
            children.iter().position(|(other, _, _)| *other == label)
        };
        let old_children: Vec<(&str, usize, NodeRef<'_>)> = old.labelled_children().collect();
        let new_children: Vec<(&str, usize, NodeRef<'_>)> = new.labelled_children().collect();
        // Where the next missing field goes: after the last one of the new order that the file has.
        let mut insert_after: Option<usize> = None;
        let mut pending: Vec<Block> = Vec::new();
        for (label, label_start, new_child) in &new_children {
            match (find(&old_children, label), find(&file_children, label)) {
                // Not written in the file (a default), and still the same.
                (Some(old_at), None) if old_children[old_at].2.text() == new_child.text() => {}
                (Some(old_at), Some(file_at)) => {
                    self.flush_fields(&file_children, insert_after, &mut pending);
                    self.node(file_children[file_at].2, old_children[old_at].2, *new_child);
                    insert_after = Some(file_at);
                }
                (None, Some(file_at)) => {
                    self.flush_fields(&file_children, insert_after, &mut pending);
                    self.replace(file_children[file_at].2, *new_child);
                    insert_after = Some(file_at);
                }
                (_, None) => {
                    let text = new.whole_text()[*label_start..new_child.span().end].to_owned();
                    pending.push(Block { text, indent: line_indent(new.whole_text(), *label_start) });
                }
            }
        }
        self.flush_fields(&file_children, insert_after, &mut pending);
        for (label, _, _) in &old_children {
            if find(&new_children, label).is_none()
                && let Some(file_at) = find(&file_children, label)
            {
                let (_, label_start, node) = file_children[file_at];
                self.remove(label_start..node.span().end);
            }
        }
    }

    /// Inserts the fields waiting in `pending` after file child `after` (or before the first).
    fn flush_fields(
        &mut self,
        children: &[(&str, usize, NodeRef<'_>)],
        after: Option<usize>,
        pending: &mut Vec<Block>,
    ) {
        if pending.is_empty() {
            return;
        }
        let texts = std::mem::take(pending);
        match after {
            Some(at) => {
                let (_, label_start, node) = children[at];
                self.insert_after(label_start, node.span().end, &texts);
            }
            None => {
                let (_, label_start, _) = children[0];
                self.insert_before(label_start, &texts);
            }
        }
    }

    /// List items, aligned so that unchanged items are kept where they are.
    fn list(&mut self, file: NodeRef<'_>, old: NodeRef<'_>, new: NodeRef<'_>) {
        let files: Vec<NodeRef<'_>> = file.items().collect();
        let olds: Vec<NodeRef<'_>> = old.items().collect();
        let news: Vec<NodeRef<'_>> = new.items().collect();
        let old_texts: Vec<&str> = olds.iter().map(|node| node.text()).collect();
        let new_texts: Vec<&str> = news.iter().map(|node| node.text()).collect();
        let anchors = align(&old_texts, &new_texts);
        let (mut old_at, mut new_at) = (0, 0);
        for (old_anchor, new_anchor) in anchors.into_iter().chain([(olds.len(), news.len())]) {
            self.gap(&files, &olds, &news, old_at..old_anchor, new_at..new_anchor);
            (old_at, new_at) = (old_anchor + 1, new_anchor + 1);
        }
    }

    /// Between two kept items: pairs changed items, removes extra old ones, inserts extra new ones.
    fn gap(
        &mut self,
        files: &[NodeRef<'_>],
        olds: &[NodeRef<'_>],
        news: &[NodeRef<'_>],
        old_range: Range<usize>,
        new_range: Range<usize>,
    ) {
        let paired = old_range.len().min(new_range.len());
        for offset in 0..paired {
            let (old_at, new_at) = (old_range.start + offset, new_range.start + offset);
            self.node(files[old_at], olds[old_at], news[new_at]);
        }
        for file_item in &files[old_range.start + paired..old_range.end] {
            self.remove(file_item.span());
        }
        let after = old_range.start + paired;
        let template = after.checked_sub(1).or((!files.is_empty()).then_some(0));
        let inserted: Vec<Block> = news[new_range.start + paired..new_range.end]
            .iter()
            .map(|item| self.block_for(files, olds, template, *item))
            .collect();
        if inserted.is_empty() {
            return;
        }
        if after > 0 {
            let previous = files[after - 1];
            self.insert_after(previous.span().start, previous.span().end, &inserted);
        } else {
            self.insert_before(files[0].span().start, &inserted);
        }
    }

    /// The text of a new list item, in the style of the file: a copy of an old item's own text when it equals one
    /// (a duplicated record), else its neighbour's text changed field by field into it (a duplicated actor with
    /// its new id, a record added after one of its kind), else its canonical text.
    fn block_for(
        &self,
        files: &[NodeRef<'_>],
        olds: &[NodeRef<'_>],
        template: Option<usize>,
        item: NodeRef<'_>,
    ) -> Block {
        let file_block =
            |at: usize, text: String| Block { text, indent: line_indent(self.file, files[at].span().start) };
        if let Some(at) = olds.iter().position(|old| old.text() == item.text())
            && !self.has_comments(files[at].span())
        {
            return file_block(at, files[at].text().to_owned());
        }
        let shaped = template.and_then(|at| Some((at, self.reshaped(files[at], olds[at], item)?)));
        match shaped {
            Some((at, text)) => file_block(at, text),
            None => Block { text: item.text().to_owned(), indent: canonical_indent(item) },
        }
    }

    /// The text of file node `file` (which reads as `old`) changed to read as `new`, on its own; `None` when the
    /// node has comments (they would be copied) or the two are not records of one kind.
    fn reshaped(&self, file: NodeRef<'_>, old: NodeRef<'_>, new: NodeRef<'_>) -> Option<String> {
        let span = file.span();
        let same_kind =
            matches!((old.kind(), new.kind()), (NodeKind::Struct { name: a }, NodeKind::Struct { name: b }) if a == b);
        if !same_kind || self.has_comments(span.clone()) {
            return None;
        }
        let mut copy = Patcher { file: self.file, comments: self.comments, splices: Vec::new() };
        copy.node(file, old, new);
        let mut inside: Vec<Splice> = copy
            .splices
            .into_iter()
            .filter(|splice| span.start <= splice.range.start && splice.range.end <= span.end)
            .map(|splice| Splice {
                range: splice.range.start - span.start..splice.range.end - span.start,
                text: splice.text,
            })
            .collect();
        apply(&self.file[span], &mut inside)
    }

    fn has_comments(&self, span: Range<usize>) -> bool {
        self.comments.iter().any(|comment| span.start <= comment.start && comment.end <= span.end)
    }

    /// Inserts `blocks` after the element `start..end`: on lines of their own, with its indentation, when the
    /// element is on a line of its own, else on the same line.
    fn insert_after(&mut self, start: usize, end: usize, blocks: &[Block]) {
        let indent = line_indent(self.file, start);
        let comma = comma_after(self.file, end);
        let own_line = starts_line(self.file, start);
        let mut text = String::new();
        let at = match comma {
            // After the rest of the element's line, so that a comment at its end stays with it.
            Some(after_comma) if own_line && rest_of_line_is_blank(self.file, after_comma) => {
                for block in blocks {
                    text.push('\n');
                    text.push_str(&indent);
                    text.push_str(&block.indented(&indent));
                    text.push(',');
                }
                line_end(self.file, after_comma)
            }
            Some(after_comma) => {
                for block in blocks {
                    text.push_str(&separator(own_line, &indent));
                    text.push_str(&block.indented(&indent));
                    text.push(',');
                }
                after_comma
            }
            None => {
                for block in blocks {
                    text.push(',');
                    text.push_str(&separator(own_line, &indent));
                    text.push_str(&block.indented(&indent));
                }
                end
            }
        };
        self.splices.push(Splice { range: at..at, text });
    }

    /// Inserts `blocks` before the element starting at `start`, each followed by a comma.
    fn insert_before(&mut self, start: usize, blocks: &[Block]) {
        let indent = line_indent(self.file, start);
        let own_line = starts_line(self.file, start);
        let mut text = String::new();
        for block in blocks {
            text.push_str(&block.indented(&indent));
            text.push(',');
            text.push_str(&separator(own_line, &indent));
        }
        self.splices.push(Splice { range: start..start, text });
    }

    /// Removes the element `range`, its trailing comma, and its line when it stands on one of its own.
    fn remove(&mut self, range: Range<usize>) {
        let text = self.file;
        let bytes = text.as_bytes();
        let mut end = comma_after(text, range.end).unwrap_or(range.end);
        if starts_line(text, range.start) {
            let line_start = text[..range.start].rfind('\n').map_or(0, |at| at + 1);
            let rest_of_line = text[end..].find('\n').map_or(text.len(), |at| end + at);
            // A comment after the record on its line goes with it (and is reported as lost).
            let after = text[end..rest_of_line].trim_start();
            if after.is_empty() || after.starts_with("//") {
                end = (rest_of_line + 1).min(text.len());
                return self.splices.push(Splice { range: line_start..end, text: String::new() });
            }
        } else if comma_after(text, range.end).is_none() {
            // The last item on a shared line: take the comma before it instead.
            let before = text[..range.start].trim_end();
            if before.ends_with(',') {
                let start = before.len() - 1;
                return self.splices.push(Splice { range: start..range.end, text: String::new() });
            }
        }
        while end < bytes.len() && bytes[end] == b' ' {
            end += 1;
        }
        self.splices.push(Splice { range: range.start..end, text: String::new() });
    }
}

/// Canonical text to insert, with the indentation of the line it starts on in the canonical text.
struct Block {
    text: String,
    indent: String,
}

impl Block {
    /// The text moved to lines indented with `indent`.
    fn indented(&self, indent: &str) -> String {
        reindent(&self.text, &self.indent, indent)
    }
}

/// Between inserted items: a new line with the indentation, or a space on a shared line.
fn separator(own_line: bool, indent: &str) -> String {
    if own_line { format!("\n{indent}") } else { " ".to_owned() }
}

/// Pairs of (old index, new index) of items kept unchanged, in order: the common start and end, and the longest
/// common run of the middle (when it is small enough to align exactly).
fn align(olds: &[&str], news: &[&str]) -> Vec<(usize, usize)> {
    let prefix = olds.iter().zip(news).take_while(|(a, b)| a == b).count();
    let suffix = olds[prefix..].iter().rev().zip(news[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let (old_middle, new_middle) = (&olds[prefix..olds.len() - suffix], &news[prefix..news.len() - suffix]);
    let mut anchors: Vec<(usize, usize)> = (0..prefix).map(|at| (at, at)).collect();
    if old_middle.len().saturating_mul(new_middle.len()) <= MOST_ALIGNMENT_CELLS {
        anchors.extend(longest_common_run(old_middle, new_middle).into_iter().map(|(a, b)| (a + prefix, b + prefix)));
    }
    anchors.extend((0..suffix).map(|back| (olds.len() - suffix + back, news.len() - suffix + back)));
    anchors
}

/// The longest common subsequence of two short lists, as index pairs in order.
fn longest_common_run(olds: &[&str], news: &[&str]) -> Vec<(usize, usize)> {
    let width = news.len() + 1;
    let mut lengths = vec![0u32; (olds.len() + 1) * width];
    for old_at in (0..olds.len()).rev() {
        for new_at in (0..news.len()).rev() {
            lengths[old_at * width + new_at] = if olds[old_at] == news[new_at] {
                lengths[(old_at + 1) * width + new_at + 1] + 1
            } else {
                lengths[(old_at + 1) * width + new_at].max(lengths[old_at * width + new_at + 1])
            };
        }
    }
    let (mut old_at, mut new_at, mut pairs) = (0, 0, Vec::new());
    while old_at < olds.len() && new_at < news.len() {
        if olds[old_at] == news[new_at] {
            pairs.push((old_at, new_at));
            (old_at, new_at) = (old_at + 1, new_at + 1);
        } else if lengths[(old_at + 1) * width + new_at] >= lengths[old_at * width + new_at + 1] {
            old_at += 1;
        } else {
            new_at += 1;
        }
    }
    pairs
}

/// Where the line holding `at` ends (before its line break).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |newline| at + newline)
}

/// Whether nothing but spaces and a `//` comment follows `at` on its line.
fn rest_of_line_is_blank(text: &str, at: usize) -> bool {
    let rest = text[at..line_end(text, at)].trim();
    rest.is_empty() || rest.starts_with("//")
}

/// The offset just past a comma that follows `end` (spaces and tabs between), if one does.
fn comma_after(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
    rest[skipped..].starts_with(',').then_some(end + skipped + 1)
}

/// Whether only spaces and tabs stand between the start of its line and `at`.
fn starts_line(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
    text[line_start..at].chars().all(|c| c == ' ' || c == '\t')
}

/// The spaces and tabs that start the line holding `at`.
fn line_indent(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
    text[line_start..].chars().take_while(|c| *c == ' ' || *c == '\t').collect()
}

fn canonical_indent(node: NodeRef<'_>) -> String {
    line_indent(node.whole_text(), node.span().start)
}

/// Moves a canonical block from one indentation to another: every line after the first loses `from` and gains
/// `to`, keeping the canonical indentation inside the block.
fn reindent(block: &str, from: &str, to: &str) -> String {
    let mut lines = block.split('\n');
    let mut result = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        result.push('\n');
        result.push_str(to);
        result.push_str(line.strip_prefix(from).unwrap_or(line.trim_start()));
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, Record, RecordKind};

    /// A file as a person writes one: comments, blank lines, two-space indents, numbers spelt their own way,
    /// fields in their own order.
    const FILE: &str = r#"// Serbia's gas, by hand
Scenario(
  format: 1,
  title: "Gas to Serbia",

  actors: [
    Actor(id: "RUS", name: "Russia", kind: State),   // the supplier
    Actor(id: "SRB", name: "Serbia", kind: State),
    Actor(id: "BGR", name: "Bulgaria", kind: State),
  ],
  energy: [
    EnergyFlow(
      consumer: "SRB", supplier: "RUS",
      commodity: Gas,
      share: 0.850, // about
      via: ["BGR"],
      year: 2023,
    ),

    /* Bulgaria's own */
    EnergyFlow(supplier: "RUS", consumer: "BGR", commodity: Gas, share: 1.0e0, year: 2021),
  ],
)
"#;

    fn read(text: &str) -> Scenario {
        crate::io::load::parse_options().from_str(text).expect("test text parses")
    }

    /// The patched text after `edit`, checked to read as the edited scenario.
    fn patched(edit: Edit) -> Patched {
        let original = read(FILE);
        let mut current = original.clone();
        edit.apply(&mut current).expect("the edit applies");
        let patched = patch_text(FILE, &original, &current).expect("the file can be patched");
        assert_eq!(read(&patched.text), current);
        patched
    }

    /// The lines that differ: (removed, added), by a plain line diff of the two texts.
    fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
        let before: Vec<&str> = before.lines().collect();
        let after: Vec<&str> = after.lines().collect();
        let pairs = longest_common_run(&before, &after);
        let kept_before: std::collections::HashSet<usize> = pairs.iter().map(|pair| pair.0).collect();
        let kept_after: std::collections::HashSet<usize> = pairs.iter().map(|pair| pair.1).collect();
        let removed = (0..before.len()).filter(|at| !kept_before.contains(at)).map(|at| before[at].to_owned());
        let added = (0..after.len()).filter(|at| !kept_after.contains(at)).map(|at| after[at].to_owned());
        (removed.collect(), added.collect())
    }

    fn flow(index: usize) -> crate::model::EnergyFlow {
        read(FILE).energy[index].clone()
    }

    #[test]
    fn nothing_changed_keeps_every_byte() {
        let scenario = read(FILE);
        assert_eq!(patch_text(FILE, &scenario, &scenario).unwrap().text, FILE);
    }

    #[test]
    fn a_changed_field_changes_only_its_value() {
        let mut changed = flow(0);
        changed.share = 0.6;
        let patched = patched(Edit::Set { index: 0, record: Record::Energy(changed), what: "share".into() });
        assert_eq!(patched.text, FILE.replace("share: 0.850, // about", "share: 0.6, // about"));
        assert!(patched.lost_comments.is_empty());
    }

    #[test]
    fn a_new_field_goes_after_its_neighbour_with_the_records_indentation() {
        let mut changed = flow(0);
        changed.route = Some("TurkStream".into());
        let patched = patched(Edit::Set { index: 0, record: Record::Energy(changed), what: "route".into() });
        let (removed, added) = changed_lines(FILE, &patched.text);
        assert_eq!((removed, added), (vec![], vec!["      route: \"TurkStream\",".to_owned()]));
    }

    #[test]
    fn a_new_record_follows_the_last_in_its_style() {
        let mut added_flow = flow(1);
        added_flow.consumer = "SRB".into();
        added_flow.year = Some(2022);
        let patched = patched(Edit::Add(Record::Energy(added_flow)));
        let (removed, added) = changed_lines(FILE, &patched.text);
        assert!(removed.is_empty(), "{removed:?}");
        let record = "    EnergyFlow(supplier: \"RUS\", consumer: \"SRB\", commodity: Gas, share: 1.0e0, year: 2022),";
        assert_eq!(added, [record]);
    }

    #[test]
    fn a_copy_of_a_record_with_comments_is_written_in_canonical_form_with_the_lists_indentation() {
        let patched = patched(Edit::Duplicate { kind: RecordKind::Energy, index: 0 });
        let (removed, added) = changed_lines(FILE, &patched.text);
        assert!(removed.is_empty(), "{removed:?}");
        assert_eq!(added.first().map(String::as_str), Some("    EnergyFlow("), "{added:?}");
        assert_eq!(added.last().map(String::as_str), Some("    ),"), "{added:?}");
        assert!(added.iter().all(|line| !line.contains("//")), "the comment is not copied: {added:?}");
    }

    #[test]
    fn a_duplicate_is_inserted_right_after_its_original_in_its_style() {
        let record = patched(Edit::Duplicate { kind: RecordKind::Energy, index: 1 });
        let (removed, added) = changed_lines(FILE, &record.text);
        assert!(removed.is_empty(), "{removed:?}");
        let copy = "    EnergyFlow(supplier: \"RUS\", consumer: \"BGR\", commodity: Gas, share: 1.0e0, year: 2021),";
        assert_eq!(added, [copy]);
        let actor = patched(Edit::Duplicate { kind: RecordKind::Actor, index: 1 });
        let (removed, added) = changed_lines(FILE, &actor.text);
        assert!(removed.is_empty(), "{removed:?}");
        assert_eq!(added, ["    Actor(id: \"SRB-2\", name: \"Serbia\", kind: State),"]);
        let lines: Vec<&str> = actor.text.lines().collect();
        let at = lines.iter().position(|line| *line == added[0]).unwrap();
        assert!(lines[at - 1].contains("\"SRB\""), "right after its original: {lines:?}");
    }

    #[test]
    fn a_deleted_record_goes_with_its_comma_and_line() {
        let patched = patched(Edit::Delete { kind: RecordKind::Actor, indices: vec![2] });
        assert_eq!(patched.text, FILE.replace("    Actor(id: \"BGR\", name: \"Bulgaria\", kind: State),\n", ""));
        assert!(patched.lost_comments.is_empty());
    }

    #[test]
    fn deleting_a_record_reports_the_comment_that_goes_with_it() {
        let patched = patched(Edit::Delete { kind: RecordKind::Actor, indices: vec![0] });
        assert_eq!(patched.lost_comments, ["// the supplier"]);
        assert!(patched.text.contains("// Serbia's gas, by hand") && patched.text.contains("/* Bulgaria's own */"));
    }

    #[test]
    fn a_rename_changes_only_the_lines_that_name_the_actor() {
        let patched = patched(Edit::RenameActor { from: "BGR".into(), to: "BG".into() });
        let (removed, added) = changed_lines(FILE, &patched.text);
        assert_eq!(removed.len(), 3, "{removed:?}");
        assert!(removed.iter().all(|line| line.contains("\"BGR\"")), "{removed:?}");
        assert!(added.iter().all(|line| line.contains("\"BG\"")), "{added:?}");
        assert!(patched.text.contains("share: 1.0e0"), "other records keep their spelling");
    }

    #[test]
    fn a_new_first_record_goes_before_the_others_in_their_style() {
        let mut scenario = read(FILE);
        let original = scenario.clone();
        let first = scenario.actors[1].clone();
        scenario.actors.insert(0, crate::model::Actor { id: "HUN".into(), name: "Hungary".into(), ..first });
        let patched = patch_text(FILE, &original, &scenario).unwrap();
        assert_eq!(read(&patched.text), scenario);
        let (removed, added) = changed_lines(FILE, &patched.text);
        assert!(removed.is_empty());
        assert_eq!(added, ["    Actor(id: \"HUN\", name: \"Hungary\", kind: State),"]);
    }

    #[test]
    fn a_whole_new_list_is_added_to_the_scenario() {
        let mut scenario = read(FILE);
        let original = scenario.clone();
        scenario.sources.push(crate::model::Source {
            id: "s1".into(),
            title: "A source".into(),
            publisher: None,
            date: None,
            url: None,
            reliability: None,
            note: None,
        });
        let patched = patch_text(FILE, &original, &scenario).unwrap();
        assert_eq!(read(&patched.text), scenario);
        assert!(patched.text.starts_with("// Serbia's gas, by hand\nScenario(\n  format: 1,"));
    }

    #[test]
    fn text_that_does_not_parse_cannot_be_patched() {
        let scenario = read(FILE);
        let mut changed = scenario.clone();
        changed.title = "x".into();
        assert_eq!(patch_text("Scenario(title: \"", &scenario, &changed), None);
    }
}
