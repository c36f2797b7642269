//! Positions in RON text.
//!
//! serde reports no positions for values, so this module scans RON text on its own and builds a
//! small tree of its elements: structs with their written field names, tuples, lists, maps and
//! scalar tokens, each with its byte span. A record path such as `energy[3].supplier` or
//! `votes[0].ballots["SRB"]` can then be mapped to a line and column, a validator can list every
//! field name written at a struct (misspelt ones included), and a single record can be re-parsed
//! from its span. It also says whether the text holds comments (which a rewrite would lose).
//!
//! It knows nothing of the scenario model or of egui: it only sees RON syntax.
//!
//! The scanner never panics and always ends, on any input. It is meant for text that ron has
//! already accepted; on malformed text it returns a best-effort tree (unterminated groups end at
//! the end of the text, a wrong closing bracket still closes the open group, stray tokens and
//! missing values become [`NodeKind::Invalid`] nodes) and records the first problem, see
//! [`TextIndex::first_issue`]. Groups nested deeper than [`MAX_DEPTH`] are skipped as one
//! `Invalid` node, so recursion stays bounded.

use std::ops::Range;

/// Deepest nesting of brackets that is indexed (ron's own default recursion limit is 128).
pub const MAX_DEPTH: usize = 128;

/// A place in the text; both numbers are 1-based, columns count characters (not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One step of a record path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// `.name`: a struct field (or `.0`: a tuple item).
    Field(String),
    /// `[3]`: a list or tuple item (or a map entry whose key is written `3`).
    Index(usize),
    /// `["SRB"]`: a map entry; string keys are matched on their unquoted contents.
    Key(String),
}

/// What an element of the text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    /// `Name(field: value, ...)` or `(field: value, ...)`: the first element is `ident:`.
    Struct {
        name: Option<String>,
    },
    /// `Name(a, b)`, `(a, b)` or the unit `()`.
    Tuple {
        name: Option<String>,
    },
    List,
    Map,
    /// One token: number, string, char, identifier (an enum variant such as `Gas`), ...
    Scalar,
    /// A stray token, a missing value, or a group nested deeper than [`MAX_DEPTH`].
    Invalid,
}

/// The first problem met while scanning malformed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanIssue {
    pub offset: usize,
    pub message: &'static str,
}

/// What a node is, without the name (which stays in the text): [`NodeKind`] is made from it on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Struct,
    Tuple,
    List,
    Map,
    Scalar,
    Invalid,
}

/// One element, in 28 bytes: offsets are `u32` (texts of 4 GiB and more are not indexed), the name is a
/// range of the text and the children a range of [`TextIndex::children`]. Indexing a large file takes a
/// few times its size, not tens of times.
#[derive(Debug)]
struct Node {
    shape: Shape,
    /// No child has a label, so item `n` is child `n`: lists of records are indexed in constant time.
    only_items: bool,
    /// The struct or tuple name's byte range; empty when there is none.
    name: (u32, u32),
    span: (u32, u32),
    /// First child in [`TextIndex::children`] and how many there are.
    children: (u32, u32),
}

/// A child's label: none for items, a range of the text for field names and plain keys, else (a key with
/// escapes) an entry of [`TextIndex::owned_labels`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    None,
    Text(u32, u32),
    Owned(u32),
}

/// A child of a group: its label, where the label (or the item) starts, and the node.
#[derive(Debug, Clone, Copy)]
struct Child {
    label: Label,
    label_start: u32,
    node: u32,
}

/// The index of one RON text. It borrows the text (a copy would add the file's size again to the peak
/// memory of loading a large file), so nodes hand out slices of it.
#[derive(Debug)]
pub struct TextIndex<'t> {
    text: &'t str,
    /// Every group's children, each group's in one run.
    children: Vec<Child>,
    /// Map keys whose unescaped text is not a slice of the text.
    owned_labels: Vec<String>,
    line_starts: Vec<usize>,
    /// How many characters come before each multiple of [`CHECKPOINT_BYTES`]: a column is found by counting
    /// at most that many bytes, not the whole line (a file written on one line has one line of megabytes).
    characters_before: Vec<usize>,
    nodes: Vec<Node>,
    root: Option<usize>,
    comments: Vec<Range<usize>>,
    issue: Option<ScanIssue>,
}

impl<'t> TextIndex<'t> {
    /// Scans `text`. Never panics; see the module documentation for malformed input.
    pub fn build(text: &'t str) -> TextIndex<'t> {
        // Offsets are u32; the loader never reads more than 64 MiB.
        let indexed = if u32::try_from(text.len()).is_ok() { text } else { "" };
        let mut parser = Parser::new(indexed);
        let root = parser.peek(0).is_some().then(|| parser.value(0));
        if let Some(extra) = parser.peek(0) {
            parser.note(extra.start, "unexpected text after the top-level value");
        }
        // The rest is lexed too, for its comments and unterminated strings.
        while parser.next().is_some() {}
        let issue = match (parser.lexer.issue.take(), parser.issue.take()) {
            (Some(a), Some(b)) => Some(if a.offset <= b.offset { a } else { b }),
            (a, b) => a.or(b),
        };
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
        TextIndex {
            text,
            children: parser.children,
            owned_labels: parser.owned_labels,
            line_starts,
            characters_before: character_checkpoints(text.as_bytes()),
            nodes: parser.nodes,
            root,
            comments: std::mem::take(&mut parser.lexer.comments),
            issue,
        }
    }

    /// The text of a child's label, `None` for items.
    fn label(&self, child: &Child) -> Option<&str> {
        match child.label {
            Label::None => None,
            Label::Text(start, end) => self.text.get(start as usize..end as usize),
            Label::Owned(entry) => self.owned_labels.get(entry as usize).map(String::as_str),
        }
    }

    /// Whether the text holds `//` or `/* */` comments (inside strings they do not count).
    pub fn has_comments(&self) -> bool {
        !self.comments.is_empty()
    }

    /// The byte ranges of every `//` and `/* */` comment, in order.
    pub fn comments(&self) -> &[Range<usize>] {
        &self.comments
    }

    /// The first problem found, if the text is not well-formed RON (as far as this scanner sees).
    pub fn first_issue(&self) -> Option<&ScanIssue> {
        self.issue.as_ref()
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The top-level value; `None` when the text holds no value at all.
    pub fn root(&self) -> Option<NodeRef<'_>> {
        self.root.map(|id| self.node(id))
    }

    /// The node at exactly this path, or `None`. `Some(..)` wrappers are looked through.
    pub fn find(&self, segments: &[PathSegment]) -> Option<NodeRef<'_>> {
        let (node, _, matched) = self.resolve(segments, &mut Labels::default())?;
        (matched == segments.len()).then_some(node)
    }

    /// Where the element at `path` (see [`parse_path`]) is written.
    ///
    /// For a struct field this is the field *name* (`supplier` in `supplier: "RUSS"`), for a map
    /// entry its key, for a list or tuple item (and the root) the start of the item. When the path
    /// does not exist, the same is given for its deepest existing prefix, so a missing field points
    /// at the struct that lacks it. `None` only when the text holds no value.
    pub fn locate(&self, path: &str) -> Option<Position> {
        let (_, offset, _) = self.resolve(&parse_path(path), &mut Labels::default())?;
        Some(self.position_of_offset(offset))
    }

    /// [`TextIndex::locate`] for many paths at once. Labels of large structs and maps are looked up in a table
    /// made at their first use, so that thousands of problems in one map of thousands of entries (the layout
    /// of a big scenario) cost linear time, not entries × problems.
    pub fn locate_all<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> Vec<Option<Position>> {
        let mut labels = Labels::default();
        paths
            .into_iter()
            .map(|path| {
                let (_, offset, _) = self.resolve(&parse_path(path), &mut labels)?;
                Some(self.position_of_offset(offset))
            })
            .collect()
    }

    /// Line and column of a byte offset; offsets past the end or inside a character are clamped.
    pub fn position_of_offset(&self, byte_offset: usize) -> Position {
        let mut offset = byte_offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.characters_before(offset) - self.characters_before(line_start) + 1;
        Position { line, column }
    }

    /// The number of characters before byte `offset` (a character boundary), in at most
    /// [`CHECKPOINT_BYTES`] steps.
    fn characters_before(&self, offset: usize) -> usize {
        let checkpoint = offset / CHECKPOINT_BYTES;
        let from = checkpoint * CHECKPOINT_BYTES;
        self.characters_before[checkpoint] + count_characters(&self.text.as_bytes()[from..offset])
    }

    fn node(&self, id: usize) -> NodeRef<'_> {
        NodeRef { index: self, id }
    }

    /// Follows the segments as far as they exist: (last node, offset to report, segments matched).
    fn resolve<'a>(&'a self, segments: &[PathSegment], labels: &mut Labels<'a>) -> Option<(NodeRef<'a>, usize, usize)> {
        let mut node = self.root()?;
        let mut offset = node.span().start;
        for (matched, segment) in segments.iter().enumerate() {
            match node.step(segment, labels) {
                Some((child, label_start)) => (node, offset) = (child, label_start),
                None => return Some((node, offset, matched)),
            }
        }
        Some((node, offset, segments.len()))
    }
}

/// Whether `text` holds `//` or `/* */` comments, as [`TextIndex::has_comments`] says, without building the
/// index. A text in which no `/` opens a comment (most files) is answered by one fast search for `/`;
/// otherwise its tokens are read, so that `//` inside a string does not count, until the first comment.
pub fn has_comments(text: &str) -> bool {
    let bytes = text.as_bytes();
    let may_open_comment = text.match_indices('/').any(|(at, _)| matches!(bytes.get(at + 1), Some(b'/' | b'*')));
    if !may_open_comment {
        return false;
    }
    let mut lexer = Lexer { bytes, at: 0, comments: Vec::new(), issue: None };
    while lexer.comments.is_empty() && lexer.next_token().is_some() {}
    !lexer.comments.is_empty()
}

/// Tables from label to child for the groups with many labels that a batch of lookups has met.
#[derive(Default)]
struct Labels<'a> {
    tables: std::collections::HashMap<usize, std::collections::HashMap<&'a str, &'a Child>>,
}

impl<'a> Labels<'a> {
    /// Groups with fewer labelled children than this are searched in place.
    const TABLE_FROM: usize = 16;

    /// The first child of `node` labelled `label`.
    fn find(&mut self, node: NodeRef<'a>, label: &str) -> Option<&'a Child> {
        let index = node.index;
        let children: &'a [Child] = node.children();
        if children.len() < Self::TABLE_FROM {
            return children.iter().find(|child| index.label(child) == Some(label));
        }
        let table = self.tables.entry(node.id).or_insert_with(|| {
            let mut table = std::collections::HashMap::with_capacity(children.len());
            for child in children {
                if let Some(label) = index.label(child) {
                    table.entry(label).or_insert(child);
                }
            }
            table
        });
        table.get(label).copied()
    }
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT_BYTES: usize = 256;

/// Characters in UTF-8 bytes: every byte that does not continue a character starts one. Works on any slice
/// of whole or partial characters, which is what lets checkpoints fall inside a character.
fn count_characters(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| byte & 0b1100_0000 != 0b1000_0000).count()
}

fn character_checkpoints(bytes: &[u8]) -> Vec<usize> {
    let mut before = Vec::with_capacity(bytes.len() / CHECKPOINT_BYTES + 1);
    let mut total = 0;
    before.push(0);
    for block in bytes.chunks(CHECKPOINT_BYTES) {
        total += count_characters(block);
        before.push(total);
    }
    before
}

/// A borrowed view of one element of a [`TextIndex`].
#[derive(Debug, Clone, Copy)]
pub struct NodeRef<'a> {
    index: &'a TextIndex<'a>,
    id: usize,
}

impl<'a> NodeRef<'a> {
    fn data(self) -> &'a Node {
        &self.index.nodes[self.id]
    }

    fn children(self) -> &'a [Child] {
        let (first, count) = self.data().children;
        &self.index.children[first as usize..(first + count) as usize]
    }

    /// The struct or tuple name as written, if any.
    fn name(self) -> Option<&'a str> {
        let (start, end) = self.data().name;
        (end > start).then(|| &self.index.text[start as usize..end as usize])
    }

    pub fn kind(self) -> NodeKind {
        let name = || self.name().map(str::to_owned);
        match self.data().shape {
            Shape::Struct => NodeKind::Struct { name: name() },
            Shape::Tuple => NodeKind::Tuple { name: name() },
            Shape::List => NodeKind::List,
            Shape::Map => NodeKind::Map,
            Shape::Scalar => NodeKind::Scalar,
            Shape::Invalid => NodeKind::Invalid,
        }
    }

    /// Whether this is a struct (`Name(field: value, ...)` or `(field: value, ...)`).
    pub fn is_struct(self) -> bool {
        self.data().shape == Shape::Struct
    }

    /// Byte range of the whole element in the text, a struct or tuple name included.
    pub fn span(self) -> Range<usize> {
        let (start, end) = self.data().span;
        start as usize..end as usize
    }

    pub fn position(self) -> Position {
        self.index.position_of_offset(self.span().start)
    }

    /// The raw text of the element: for scalars the token (`1`, `"RUS"`, `Gas`), for groups the
    /// whole record, ready to be parsed again on its own.
    pub fn text(self) -> &'a str {
        &self.index.text[self.span()]
    }

    /// The whole text the element belongs to.
    pub fn whole_text(self) -> &'a str {
        self.index.text
    }

    /// For string scalars (`"..."`, `r#"..."#`, `b"..."`) the unescaped contents.
    pub fn as_string(self) -> Option<String> {
        string_contents(self.text())
    }

    /// Every field written at a struct, in order, with the position of its name (`r#` dropped).
    pub fn fields(self) -> impl Iterator<Item = (&'a str, Position, NodeRef<'a>)> + 'a {
        self.labelled(self.data().shape == Shape::Struct)
    }

    /// Every entry of a map, in order: key text (unquoted for strings), key position, value.
    pub fn entries(self) -> impl Iterator<Item = (&'a str, Position, NodeRef<'a>)> + 'a {
        self.labelled(self.data().shape == Shape::Map)
    }

    /// The fields of a struct or the entries of a map, each with the byte offset where its label starts.
    pub fn labelled_children(self) -> impl Iterator<Item = (&'a str, usize, NodeRef<'a>)> + 'a {
        let index = self.index;
        let wanted = matches!(self.data().shape, Shape::Struct | Shape::Map);
        let children: &'a [Child] = if wanted { self.children() } else { &[] };
        children.iter().filter_map(move |child| {
            Some((index.label(child)?, child.label_start as usize, index.node(child.node as usize)))
        })
    }

    /// The items of a list or tuple (and any stray unlabelled values in a struct).
    pub fn items(self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        let index = self.index;
        let children = self.children();
        children.iter().filter(|child| child.label == Label::None).map(move |child| index.node(child.node as usize))
    }

    pub fn get_field(self, name: &str) -> Option<NodeRef<'a>> {
        self.fields().find(|(field, ..)| *field == name).map(|(.., node)| node)
    }

    pub fn get_item(self, item: usize) -> Option<NodeRef<'a>> {
        if self.data().only_items {
            return self.children().get(item).map(|child| self.index.node(child.node as usize));
        }
        self.items().nth(item)
    }

    pub fn get_key(self, key: &str) -> Option<NodeRef<'a>> {
        self.entries().find(|(k, ..)| *k == key).map(|(.., node)| node)
    }

    fn labelled(self, wanted: bool) -> impl Iterator<Item = (&'a str, Position, NodeRef<'a>)> + 'a {
        let index = self.index;
        let children: &'a [Child] = if wanted { self.children() } else { &[] };
        children.iter().filter_map(move |child| {
            let label = index.label(child)?;
            Some((label, index.position_of_offset(child.label_start as usize), index.node(child.node as usize)))
        })
    }

    /// One path step: the child and the offset to report for it (its label, else its start).
    /// A `Some(x)` wrapper that lacks the step is looked through, as serde paths omit it.
    fn step(self, segment: &PathSegment, labels: &mut Labels<'a>) -> Option<(NodeRef<'a>, usize)> {
        let mut node = self;
        loop {
            if let Some(found) = node.child_for(segment, labels) {
                return Some(found);
            }
            if node.data().shape == Shape::Tuple && node.name() == Some("Some") && node.items().count() == 1 {
                node = node.get_item(0)?;
            } else {
                return None;
            }
        }
    }

    /// Fields of structs (`.0` on tuples), items of lists and tuples, keys of maps (`[3]` too).
    fn child_for(self, segment: &PathSegment, labels: &mut Labels<'a>) -> Option<(NodeRef<'a>, usize)> {
        let label = match (segment, self.data().shape) {
            (PathSegment::Field(name), Shape::Struct) => name.clone(),
            (PathSegment::Field(name), Shape::Tuple) => {
                return self.item_step(name.parse().ok()?);
            }
            (PathSegment::Index(item), Shape::Map) => item.to_string(),
            (PathSegment::Key(key), Shape::Map) => key.clone(),
            (PathSegment::Index(item), _) => return self.item_step(*item),
            _ => return None,
        };
        let child = labels.find(self, &label)?;
        Some((self.index.node(child.node as usize), child.label_start as usize))
    }

    fn item_step(self, item: usize) -> Option<(NodeRef<'a>, usize)> {
        let node = self.get_item(item)?;
        Some((node, node.span().start))
    }
}

/// Splits a record path: `energy[3].supplier`, `votes[0].ballots["SRB"]`, `actors[2]`, `` (root).
/// Quoted keys may escape `\"` and `\\`; `[text]` with non-numeric text is a key too.
/// Malformed paths give a best-effort split, never a panic.
pub fn parse_path(path: &str) -> Vec<PathSegment> {
    let mut segments = Vec::new();
    let mut name = String::new();
    let mut chars = path.chars().peekable();
    let flush = |name: &mut String, segments: &mut Vec<PathSegment>| {
        if !name.is_empty() {
            segments.push(PathSegment::Field(std::mem::take(name)));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '.' => flush(&mut name, &mut segments),
            '[' => {
                flush(&mut name, &mut segments);
                let mut inner = String::new();
                let quoted = chars.peek() == Some(&'"');
                if quoted {
                    chars.next();
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => inner.extend(chars.next()),
                            '"' => break,
                            _ => inner.push(c),
                        }
                    }
                }
                for c in chars.by_ref().take_while(|&c| c != ']') {
                    if !quoted {
                        inner.push(c);
                    }
                }
                segments.push(match inner.trim().parse() {
                    Ok(item) if !quoted => PathSegment::Index(item),
                    _ => PathSegment::Key(if quoted { inner } else { inner.trim().to_owned() }),
                });
            }
            _ => name.push(c),
        }
    }
    flush(&mut name, &mut segments);
    segments
}

// ---------------------------------------------------------------------------------------------
// Lexing: one token at a time, by a single loop so no input can nest it; tokens are not kept.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Open(u8),
    Close(u8),
    Comma,
    Colon,
    /// Any other token: number, identifier, string, char.
    Atom,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

fn note(issue: &mut Option<ScanIssue>, offset: usize, message: &'static str) {
    issue.get_or_insert(ScanIssue { offset, message });
}

/// Works on bytes: every byte it stops at is ASCII, so token bounds are always char boundaries
/// (UTF-8 continuation bytes never equal an ASCII delimiter).
struct Lexer<'t> {
    bytes: &'t [u8],
    at: usize,
    comments: Vec<Range<usize>>,
    issue: Option<ScanIssue>,
}

impl Lexer<'_> {
    /// The next token, skipping white space, comments and attributes.
    fn next_token(&mut self) -> Option<Token> {
        let bytes = self.bytes;
        loop {
            let i = self.at;
            let &byte = bytes.get(i)?;
            let next = bytes.get(i + 1).copied();
            let attribute = i + 1 + usize::from(next == Some(b'!'));
            let (tok, (end, closed)) = match (byte, next) {
                (b' ' | b'\t' | b'\n' | b'\r' | b'\x0c', _) => (None, (i + 1, true)),
                (b'/', Some(b'/')) => (None, (line_end(bytes, i), true)),
                (b'/', Some(b'*')) => (None, nested_end(bytes, i, b"/*", b"*/")),
                (b'#', _) if bytes.get(attribute) == Some(&b'[') => (None, nested_end(bytes, attribute, b"[", b"]")),
                (b'(' | b'[' | b'{', _) => (Some(Tok::Open(byte)), (i + 1, true)),
                (b')' | b']' | b'}', _) => (Some(Tok::Close(byte)), (i + 1, true)),
                (b',', _) => (Some(Tok::Comma), (i + 1, true)),
                (b':', _) => (Some(Tok::Colon), (i + 1, true)),
                (b'"' | b'\'', _) => (Some(Tok::Atom), quoted_end(bytes, i + 1, byte)),
                _ => (Some(Tok::Atom), literal_end(bytes, i)),
            };
            if tok.is_none() && byte == b'/' {
                self.comments.push(i..end);
            }
            if !closed {
                note(&mut self.issue, i, "unterminated string, char, comment or attribute");
            }
            self.at = end;
            if let Some(tok) = tok {
                return Some(Token { tok, start: i, end });
            }
        }
    }
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    let length = bytes[from..].iter().position(|&byte| byte == b'\n');
    length.map_or(bytes.len(), |length| from + length)
}

/// End of a run of identifier or number characters.
fn atom_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(&byte) = bytes.get(i) {
        let comment = byte == b'/' && matches!(bytes.get(i + 1), Some(b'/' | b'*'));
        if comment || byte.is_ascii_whitespace() || b"()[]{},:\"'".contains(&byte) {
            break;
        }
        i += 1;
    }
    i
}

/// A token starting with an ordinary character: `b"..."`, `b'.'`, `r#"..."#`, `br"..."`, or an
/// identifier / number (raw identifiers `r#name` included). Returns (end, terminated).
fn literal_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut i = start;
    if bytes[i] == b'b' {
        match bytes.get(i + 1) {
            Some(&quote @ (b'"' | b'\'')) => return quoted_end(bytes, i + 2, quote),
            Some(b'r') => i += 1,
            _ => {}
        }
    }
    if bytes[i] == b'r' {
        let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
        if bytes.get(i + 1 + hashes) == Some(&b'"') {
            return raw_string_end(bytes, i + 2 + hashes, hashes);
        }
    }
    // Step over the first byte: it may be a lone `/` or `#`, where `atom_end` would not move.
    (atom_end(bytes, start + 1), true)
}

/// End of a `"`- or `'`-quoted literal whose contents start at `from`; `\` escapes one character.
fn quoted_end(bytes: &[u8], from: usize, quote: u8) -> (usize, bool) {
    let mut i = from;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'\\' => i += 2,
            _ if byte == quote => return (i + 1, true),
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

fn raw_string_end(bytes: &[u8], from: usize, hashes: usize) -> (usize, bool) {
    let mut i = from;
    while let Some(&byte) = bytes.get(i) {
        let closing = &bytes[i + 1..];
        if byte == b'"' && closing.len() >= hashes && closing[..hashes].iter().all(|&b| b == b'#') {
            return (i + 1 + hashes, true);
        }
        i += 1;
    }
    (bytes.len(), false)
}

/// End of a region that nests, starting at its first `open`: a block comment (they nest in RON:
/// `/* a /* b */ c */` is one comment) or the brackets of an attribute `#![enable(...)]`.
fn nested_end(bytes: &[u8], from: usize, open: &[u8], close: &[u8]) -> (usize, bool) {
    let (mut i, mut depth) = (from, 0usize);
    while i < bytes.len() {
        if bytes[i..].starts_with(open) {
            (depth, i) = (depth + 1, i + open.len());
        } else if bytes[i..].starts_with(close) {
            (depth, i) = (depth - 1, i + close.len());
            if depth == 0 {
                return (i, true);
            }
        } else {
            i += 1;
        }
    }
    (bytes.len(), false)
}

// ---------------------------------------------------------------------------------------------
// Parsing: recursive descent over the tokens, bounded by MAX_DEPTH. Every call that is handed a
// token consumes at least one, so every loop ends.

struct Parser<'t> {
    text: &'t str,
    lexer: Lexer<'t>,
    /// Tokens lexed ahead: at most two (a field name and its colon).
    ahead: std::collections::VecDeque<Token>,
    nodes: Vec<Node>,
    children: Vec<Child>,
    /// Children of the groups still open, innermost last; a group moves its own into `children` when it
    /// closes, so that every group's children lie in one run.
    open_children: Vec<Child>,
    owned_labels: Vec<String>,
    issue: Option<ScanIssue>,
}

/// A text offset as stored; texts too long for `u32` are never indexed (see [`TextIndex::build`]).
fn stored(offset: usize) -> u32 {
    offset as u32
}

impl<'t> Parser<'t> {
    fn new(text: &'t str) -> Parser<'t> {
        Parser {
            text,
            lexer: Lexer { bytes: text.as_bytes(), at: 0, comments: Vec::new(), issue: None },
            ahead: std::collections::VecDeque::new(),
            nodes: Vec::new(),
            children: Vec::new(),
            open_children: Vec::new(),
            owned_labels: Vec::new(),
            issue: None,
        }
    }

    fn note(&mut self, offset: usize, message: &'static str) {
        note(&mut self.issue, offset, message);
    }

    fn peek(&mut self, ahead: usize) -> Option<Token> {
        while self.ahead.len() <= ahead {
            let token = self.lexer.next_token()?;
            self.ahead.push_back(token);
        }
        self.ahead.get(ahead).copied()
    }

    /// Consumes the current token.
    fn next(&mut self) -> Option<Token> {
        self.ahead.pop_front().or_else(|| self.lexer.next_token())
    }

    fn push(&mut self, shape: Shape, name: Option<Range<usize>>, span: Range<usize>, children: (u32, u32)) -> usize {
        let (first, count) = children;
        let only_items =
            self.children[first as usize..(first + count) as usize].iter().all(|child| child.label == Label::None);
        let name = name.map_or((0, 0), |name| (stored(name.start), stored(name.end)));
        self.nodes.push(Node { shape, only_items, name, span: (stored(span.start), stored(span.end)), children });
        self.nodes.len() - 1
    }

    fn leaf(&mut self, shape: Shape, span: Range<usize>) -> usize {
        self.push(shape, None, span, (stored(self.children.len()), 0))
    }

    /// One value starting at the current token, which must exist.
    fn value(&mut self, depth: usize) -> usize {
        let Some(token) = self.next() else {
            return self.missing(self.text.len());
        };
        let text = &self.text[token.start..token.end];
        match token.tok {
            Tok::Atom if self.peek(0).is_some_and(|t| t.tok == Tok::Open(b'(')) && is_identifier(text) => {
                self.next();
                self.group(b'(', token.start, Some(token.start..token.end), depth)
            }
            Tok::Atom => self.leaf(Shape::Scalar, token.start..token.end),
            Tok::Open(open) => self.group(open, token.start, None, depth),
            Tok::Close(_) | Tok::Comma | Tok::Colon => {
                self.note(token.start, "expected a value");
                self.leaf(Shape::Invalid, token.start..token.end)
            }
        }
    }

    /// A value after `:`, or an empty `Invalid` placeholder when it is missing.
    fn value_after_colon(&mut self, colon_end: usize, depth: usize) -> usize {
        let value_follows = self.peek(0).is_some_and(|t| matches!(t.tok, Tok::Atom | Tok::Open(_)));
        if value_follows { self.value(depth) } else { self.missing(colon_end) }
    }

    fn missing(&mut self, at: usize) -> usize {
        self.note(at, "expected a value");
        self.leaf(Shape::Invalid, at..at)
    }

    /// The rest of a group whose opening bracket (and name) are consumed already.
    fn group(&mut self, open: u8, start: usize, name: Option<Range<usize>>, depth: usize) -> usize {
        if depth >= MAX_DEPTH {
            self.note(start, "nesting too deep");
            let end = self.skip_group();
            return self.leaf(Shape::Invalid, start..end);
        }
        let mark = self.open_children.len();
        let end = loop {
            let Some(token) = self.peek(0) else {
                self.note(start, "unclosed bracket");
                break self.text.len();
            };
            match token.tok {
                Tok::Close(close) => {
                    self.next();
                    if !matches!((open, close), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                        self.note(token.start, "mismatched closing bracket");
                    }
                    break token.end;
                }
                // Trailing (or doubled) commas change nothing for an index.
                Tok::Comma => {
                    self.next();
                }
                _ => {
                    let child = self.element(open, depth + 1);
                    self.open_children.push(child);
                }
            }
        };
        let first_is_field = self.open_children.get(mark).is_some_and(|child| child.label != Label::None);
        let shape = match open {
            b'[' => Shape::List,
            b'{' => Shape::Map,
            _ if first_is_field => Shape::Struct,
            _ => Shape::Tuple,
        };
        let first = stored(self.children.len());
        let count = stored(self.open_children.len() - mark);
        self.children.extend(self.open_children.drain(mark..));
        self.push(shape, name, start..end, (first, count))
    }

    /// One element of a group: `name: value` in parentheses, `key: value` in braces, else a value.
    fn element(&mut self, open: u8, depth: usize) -> Child {
        if let (Some(name), Some(colon)) = (self.peek(0), self.peek(1))
            && open == b'('
            && (name.tok, colon.tok) == (Tok::Atom, Tok::Colon)
            && is_identifier(&self.text[name.start..name.end])
        {
            self.next();
            self.next();
            let written = &self.text[name.start..name.end];
            let label_from = name.end - written.trim_start_matches("r#").len();
            let node = self.value_after_colon(colon.end, depth);
            let label = Label::Text(stored(label_from), stored(name.end));
            return Child { label, label_start: stored(name.start), node: stored(node) };
        }
        let first = self.value(depth);
        let (start, end) = self.nodes[first].span;
        if open != b'{' {
            return Child { label: Label::None, label_start: start, node: stored(first) };
        }
        let label = self.key_label(start as usize..end as usize);
        let node = match self.peek(0) {
            Some(colon) if colon.tok == Tok::Colon => {
                self.next();
                self.value_after_colon(colon.end, depth)
            }
            _ => self.missing(end as usize),
        };
        Child { label, label_start: start, node: stored(node) }
    }

    /// A map key's label: its unquoted contents, a slice of the text unless escapes make it differ.
    fn key_label(&mut self, key: Range<usize>) -> Label {
        let raw = &self.text[key.clone()];
        let Some(contents) = string_contents(raw) else {
            return Label::Text(stored(key.start), stored(key.end));
        };
        if raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') && !raw.contains('\\') {
            return Label::Text(stored(key.start + 1), stored(key.end - 1));
        }
        self.owned_labels.push(contents);
        Label::Owned(stored(self.owned_labels.len() - 1))
    }

    /// Skips to the bracket closing the current group without recursing; returns its end.
    fn skip_group(&mut self) -> usize {
        let mut depth = 1usize;
        while let Some(token) = self.next() {
            match token.tok {
                Tok::Open(_) => depth += 1,
                Tok::Close(_) if depth == 1 => return token.end,
                Tok::Close(_) => depth -= 1,
                _ => {}
            }
        }
        self.text.len()
    }
}

/// `name`, `_x`, `r#type`: what may name a field, struct or enum variant.
fn is_identifier(text: &str) -> bool {
    let mut chars = text.strip_prefix("r#").unwrap_or(text).chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// The contents of a string literal, unescaped; `None` if `raw` is not a string literal.
fn string_contents(raw: &str) -> Option<String> {
    let raw = raw.strip_prefix('b').unwrap_or(raw);
    if let Some(rest) = raw.strip_prefix('r') {
        let hashes = rest.len() - rest.trim_start_matches('#').len();
        let body = rest[hashes..].strip_prefix('"')?;
        let closing = format!("\"{}", "#".repeat(hashes));
        return Some(body.strip_suffix(&*closing).unwrap_or(body).to_owned());
    }
    let body = raw.strip_prefix('"')?;
    Some(unescape(body.strip_suffix('"').unwrap_or(body)))
}

/// Resolves `\n \t \r \0 \\ \" \' \u{NNNN}`; anything else is kept as written.
fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let rest = chars.as_str();
        let (decoded, used) = match chars.next() {
            Some('n') => (Some('\n'), 1),
            Some('t') => (Some('\t'), 1),
            Some('r') => (Some('\r'), 1),
            Some('0') => (Some('\0'), 1),
            Some(c @ ('\\' | '"' | '\'')) => (Some(c), 1),
            Some('u') => match rest.find('}') {
                Some(close) if rest.starts_with("u{") => {
                    let code = u32::from_str_radix(&rest[2..close], 16).ok();
                    (code.and_then(char::from_u32), close + 1)
                }
                _ => (None, 0),
            },
            _ => (None, 0),
        };
        match decoded {
            Some(decoded) => {
                out.push(decoded);
                chars = rest[used..].chars();
            }
            None => {
                out.push('\\');
                chars = rest.chars();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCENARIO: &str = r##"#![enable(implicit_some)]
// GeoDep scenario: Serbia (comments must survive a rewrite)
/* block /* nested */ still comment */
(
    title: "Serbia: gas, [sanctions], and // votes",
    actors: [
        (id: "SRB", name: "Serbia", local_name: "Србија", kind: State),
        (id: "RUS", name: "Russia", kind: State, location: (lat: 55.75, lon: 37.62)),
        (id: "vucic", name: "Вучић", local_name: "Вучић", kind: Person),
    ],
    energy: [
        (supplier: "RUS", consumer: "SRB", commodity: Gas, share: 0.89, volume: Volume(2.2, Bcm)),
        EnergyFlow(suplier: "RUSS", consumer: "SRB", commodity: Other("LNG"), share: 1_000, year: 2023,),
        (supplier: r#"A "raw", (tricky) ]"#, consumer: 'x', commodity: Oil, share: -1.5e3, note: b"x\"y"),
    ],
    votes: [
        (
            id: "ES-11/1", // trailing comment
            ballots: { "SRB": Yes, "RUS": No, r"HUN": Abstain, },
            totals: Some((yes: 141, no: 7)),
        ),
    ],
    layout: { "SRB": (x: 0x1F, y: inf), "RUS": (x: NaN, y: -inf), 3: (x: 1, y: '\''), },
)
"##;

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    fn named_struct(name: &str) -> NodeKind {
        NodeKind::Struct { name: Some(name.to_owned()) }
    }

    fn named_tuple(name: &str) -> NodeKind {
        NodeKind::Tuple { name: Some(name.to_owned()) }
    }

    #[test]
    fn the_sample_is_valid_ron_and_scans_cleanly() {
        ron::from_str::<ron::Value>(SCENARIO).expect("sample must be valid RON");
        let index = TextIndex::build(SCENARIO);
        assert_eq!(index.first_issue(), None);
        assert!(index.has_comments());
    }

    #[test]
    fn locate_points_at_field_names_items_and_keys() {
        let index = TextIndex::build(SCENARIO);
        assert_eq!(index.locate(""), at(4, 1));
        assert_eq!(index.locate("title"), at(5, 5));
        assert_eq!(index.locate("actors[1]"), at(8, 9));
        assert_eq!(index.locate("actors[1].location.lon"), at(8, 73));
        assert_eq!(index.locate("energy[0].volume[1]"), at(12, 93));
        assert_eq!(index.locate("energy[0].volume.1"), at(12, 93));
        assert_eq!(index.locate("votes[0].id"), at(18, 13));
        assert_eq!(index.locate("votes[0].ballots[\"RUS\"]"), at(19, 36));
        assert_eq!(index.locate("votes[0].ballots[\"HUN\"]"), at(19, 47));
        // `totals: Some((yes: ..))`: the `Some` wrapper is looked through, as in serde paths.
        assert_eq!(index.locate("votes[0].totals.yes"), at(20, 27));
        assert_eq!(index.locate("layout[\"RUS\"]"), at(23, 41));
        assert_eq!(index.locate("layout[\"SRB\"].y"), at(23, 32));
        assert_eq!(index.locate("layout[3]"), at(23, 67));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let index = TextIndex::build(SCENARIO);
        // Two five-letter Cyrillic words (ten extra bytes) precede `kind` on this line.
        assert_eq!(index.locate("actors[2].kind"), at(9, 59));
        assert_eq!(index.locate("actors[2].local_name"), at(9, 38));
        let offset = SCENARIO.find("Вучић").unwrap() + 2; // inside `В`: clamped to its start
        assert_eq!(Some(index.position_of_offset(offset)), at(9, 31));
        assert_eq!(Some(index.position_of_offset(usize::MAX)), at(25, 1));
    }

    #[test]
    fn missing_paths_fall_back_to_the_deepest_existing_prefix() {
        let index = TextIndex::build(SCENARIO);
        assert_eq!(index.locate("energy[2].volume"), at(14, 9));
        assert_eq!(index.locate("energy[1].supplier"), at(13, 9)); // at `EnergyFlow`
        assert_eq!(index.locate("energy[7].supplier"), at(11, 5));
        assert_eq!(index.locate("nothing.here"), at(4, 1));
        assert!(index.find(&parse_path("energy[2].volume")).is_none());
        assert!(index.find(&parse_path("energy[2].share")).is_some());
        assert_eq!(TextIndex::build("// only a comment").locate(""), None);
    }

    #[test]
    fn fields_lists_every_written_name_in_order() {
        let index = TextIndex::build(SCENARIO);
        let flow = index.find(&parse_path("energy[1]")).unwrap();
        let names: Vec<&str> = flow.fields().map(|(name, ..)| name).collect();
        assert_eq!(names, ["suplier", "consumer", "commodity", "share", "year"]);
        let (_, position, value) = flow.fields().next().unwrap();
        assert_eq!((Some(position), value.text()), (at(13, 20), "\"RUSS\""));
        assert_eq!(flow.kind(), named_struct("EnergyFlow"));
        let ballots = index.find(&parse_path("votes[0].ballots")).unwrap();
        let keys: Vec<&str> = ballots.entries().map(|(key, ..)| key).collect();
        assert_eq!(keys, ["SRB", "RUS", "HUN"]);
        let raw = TextIndex::build("(r#type: 1)");
        assert_eq!(raw.root().unwrap().get_field("type").unwrap().text(), "1");
    }

    #[test]
    fn spans_cover_whole_records() {
        let index = TextIndex::build(SCENARIO);
        let energy = index.root().unwrap().get_field("energy").unwrap();
        let second = energy.get_item(1).unwrap();
        assert_eq!(
            &SCENARIO[second.span()],
            r#"EnergyFlow(suplier: "RUSS", consumer: "SRB", commodity: Other("LNG"), share: 1_000, year: 2023,)"#
        );
        let first = energy.get_item(0).unwrap().text();
        assert!(first.starts_with("(supplier: \"RUS\"") && first.ends_with("Volume(2.2, Bcm))"));
        assert_eq!(energy.items().count(), 3);
        assert!(energy.get_item(3).is_none());
    }

    #[test]
    fn scalars_keep_their_raw_text() {
        let index = TextIndex::build(SCENARIO);
        let text = |path: &str| index.find(&parse_path(path)).map(|node| node.text());
        assert_eq!(text("energy[2].supplier"), Some(r##"r#"A "raw", (tricky) ]"#"##));
        assert_eq!(text("energy[2].consumer"), Some("'x'"));
        assert_eq!(text("energy[2].share"), Some("-1.5e3"));
        assert_eq!(text("energy[1].share"), Some("1_000"));
        assert_eq!(text("energy[1].commodity[0]"), Some("\"LNG\""));
        assert_eq!(text("layout[\"SRB\"].x"), Some("0x1F"));
        assert_eq!(text("layout[3].y"), Some("'\\''"));
        assert_eq!(text("votes[0].ballots[\"SRB\"]"), Some("Yes"));
        let string = |path: &str| index.find(&parse_path(path))?.as_string();
        assert_eq!(string("energy[2].supplier").as_deref(), Some(r#"A "raw", (tricky) ]"#));
        assert_eq!(string("energy[2].note").as_deref(), Some("x\"y"));
        assert_eq!(string("energy[2].share"), None);
        assert_eq!(unescape(r"a\u{416}\n\q\u{zz}"), "aЖ\n\\q\\u{zz}");
    }

    #[test]
    fn groups_are_told_apart() {
        let kind = |text: &str| TextIndex::build(text).root().unwrap().kind();
        assert_eq!(kind("(a: 1)"), NodeKind::Struct { name: None });
        assert_eq!(kind("(a, b: 1)"), NodeKind::Tuple { name: None });
        assert_eq!(kind("()"), NodeKind::Tuple { name: None });
        assert_eq!(kind("Some(1)"), named_tuple("Some"));
        assert_eq!(kind("Volume(2.2, Bcm)"), named_tuple("Volume"));
        assert_eq!(kind("Flow(a: 1)"), named_struct("Flow"));
        assert_eq!(kind("{ (1, 2): x }"), NodeKind::Map);
        assert_eq!(kind("[]"), NodeKind::List);
        assert_eq!(kind("Gas"), NodeKind::Scalar);
        let map = TextIndex::build("{ (1, 2): x, Gas: y }");
        assert_eq!(map.root().unwrap().get_key("(1, 2)").unwrap().text(), "x");
        assert_eq!(map.locate("[Gas]"), at(1, 14));
    }

    #[test]
    fn comments_are_found_only_outside_strings() {
        let without = [r#"(a: "http://x.org/*no*/", b: [1, 2,])"#, "#![enable(implicit_some)]\n(a: 1)", "(a: 1 / 2)"];
        let with = ["(a: 1 /* x */)", "(a: 1) // x", r#"(a: "//", /* unterminated"#, "(a: r\"x\" //)"];
        for text in without {
            assert!(!TextIndex::build(text).has_comments(), "{text}");
            assert!(!has_comments(text), "{text}");
        }
        for text in with {
            assert!(TextIndex::build(text).has_comments(), "{text}");
            assert!(has_comments(text), "{text}");
        }
    }

    #[test]
    fn paths_are_split_into_segments() {
        use PathSegment::{Field, Index, Key};
        assert_eq!(parse_path(""), []);
        assert_eq!(parse_path("actors[2]"), [Field("actors".into()), Index(2)]);
        assert_eq!(
            parse_path("votes[0].ballots[\"SRB\"]"),
            [Field("votes".into()), Index(0), Field("ballots".into()), Key("SRB".into())]
        );
        assert_eq!(parse_path(r#"m["a\"]b"][x]"#), [Field("m".into()), Key("a\"]b".into()), Key("x".into())]);
        assert_eq!(parse_path("a[\"open"), [Field("a".into()), Key("open".into())]);
    }

    #[test]
    fn malformed_text_gives_a_best_effort_tree() {
        let index = TextIndex::build("(a: \"abc, b: 2)");
        assert!(index.first_issue().is_some());
        assert_eq!(index.find(&parse_path("a")).unwrap().text(), "\"abc, b: 2)");
        let index = TextIndex::build("(a: 1, b: , c: [1, 2) d: 3");
        assert!(index.first_issue().is_some());
        let root = index.root().unwrap();
        assert_eq!(root.fields().map(|(name, ..)| name).collect::<Vec<_>>(), ["a", "b", "c", "d"]);
        assert_eq!(root.get_field("b").unwrap().kind(), NodeKind::Invalid);
    }

    /// Depth of the tree, walked without recursion.
    fn depth(index: &TextIndex) -> usize {
        let mut stack: Vec<(NodeRef<'_>, usize)> = index.root().into_iter().map(|n| (n, 1)).collect();
        let mut deepest = 0;
        while let Some((node, level)) = stack.pop() {
            deepest = deepest.max(level);
            let children = node.items().chain(node.fields().chain(node.entries()).map(|(.., n)| n));
            stack.extend(children.map(|child| (child, level + 1)));
        }
        deepest
    }

    #[test]
    fn deep_nesting_is_cut_off_not_overflowed() {
        let levels = 100_000;
        let brackets = [("[", "]"), ("(", ")"), ("{", "}"), ("Some(", ")"), ("(a:", ")")];
        for (open, close) in brackets {
            let balanced = format!("{}{}", open.repeat(levels), close.repeat(levels));
            let index = TextIndex::build(&balanced);
            assert_eq!(index.first_issue().unwrap().message, "nesting too deep");
            assert!(depth(&index) <= MAX_DEPTH + 1);
            assert_eq!(index.root().unwrap().span(), 0..balanced.len());
            index.locate(&"[0]".repeat(levels));
            let unclosed_text = open.repeat(levels);
            let unclosed = TextIndex::build(&unclosed_text);
            assert!(unclosed.first_issue().is_some());
        }
        assert!(TextIndex::build(&"/*".repeat(levels)).has_comments());
        assert!(TextIndex::build(&"#[".repeat(levels)).root().is_none());
    }

    #[test]
    fn random_garbage_never_panics() {
        // Fragments that open and close things, joined at random; odd rounds use raw bytes.
        let pieces: Vec<&str> = "(|)|[|]|{|}|,|:|\"|'|\\|/|*|#|!|r|b|a:|Some|1e3| |\n|Вучић|r#\"".split('|').collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..4000 {
            let mut bytes = Vec::new();
            for _ in 0..next() % 120 {
                match round % 2 {
                    0 => bytes.extend_from_slice(pieces[next() as usize % pieces.len()].as_bytes()),
                    _ => bytes.push(next() as u8),
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            let index = TextIndex::build(&text);
            assert_eq!(has_comments(&text), index.has_comments(), "{text}");
            for id in 0..index.nodes.len() {
                let node = index.node(id);
                assert!(node.span().end <= text.len() && node.text().len() == node.span().len());
                node.position();
            }
            for path in ["", "[0]", "a", "[0][1].a", "Some[\"x\"].0"] {
                index.locate(path);
            }
        }
    }

    #[test]
    fn columns_count_characters_across_checkpoints_on_one_long_line() {
        let text = format!("(a: \"{}\", b: 1)", "é".repeat(1_000));
        let index = TextIndex::build(&text);
        assert_eq!(index.locate("b"), Some(Position { line: 1, column: 1_000 + 9 }));
        for offset in [0, 255, 256, 257, 1_000, text.len()] {
            let mut boundary = offset;
            while !text.is_char_boundary(boundary) {
                boundary -= 1;
            }
            let expected = text[..boundary].chars().count() + 1;
            assert_eq!(index.position_of_offset(offset).column, expected, "at {offset}");
        }
    }

    #[test]
    fn many_paths_into_a_large_map_and_list_are_located_together() {
        let entries: Vec<String> = (0..100).map(|number| format!("\"K{number}\": ({number}, 0)")).collect();
        let items: Vec<String> = (0..100).map(|number| format!("(id: \"A{number}\")")).collect();
        let text = format!("(layout: {{{}}},\nactors: [{}])", entries.join(", "), items.join(", "));
        let index = TextIndex::build(&text);
        let paths = ["layout[\"K99\"]", "actors[99].id", "layout[\"K0\"]", "layout[\"missing\"]"];
        let one_by_one: Vec<Option<Position>> = paths.iter().map(|path| index.locate(path)).collect();
        assert_eq!(index.locate_all(paths), one_by_one);
        assert_eq!(one_by_one[1].map(|position| position.line), Some(2));
        assert_eq!(one_by_one[3], index.locate("layout"));
    }
}
