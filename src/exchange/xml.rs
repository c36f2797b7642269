//! Reading and writing XML for the graph formats (GraphML, GEXF): bytes decoded to text, text read into a small
//! element tree by a lenient reader, and text escaped for writing. The graph formats' own modules walk the tree.
//!
//! The reader accepts what real tools write (any namespace or none, CRLF line ends, a DOCTYPE) and reports
//! the rest through the file's report: an XML error or a truncated file ends the reading there and keeps what
//! came before. It never expands an entity other than XML's five and character references (so a
//! "billion laughs" file is read in linear time), never fetches anything a DOCTYPE names, and stops at the
//! limits below.

pub mod graph;

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::FileReport;

/// Elements nested deeper than this are skipped (with their content): graph files need fewer than ten levels.
pub const MAX_DEPTH: usize = 256;
/// Attribute values and element texts are cut at this many bytes (a note or a source list is far shorter).
pub const MAX_VALUE_BYTES: usize = 1 << 20;
/// Reading stops after this many elements: 100,000 nodes with ten attributes each are about two million.
pub const MAX_ELEMENTS: usize = 20_000_000;

/// One element: its local name (without namespace prefix), attributes (local names), children and text.
#[derive(Debug, Default)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
    /// The line the element starts on, from 1.
    pub line: usize,
}

impl Element {
    /// The value of an attribute by local name, ignoring ASCII case (tools differ: `edgedefault`, `edgeDefault`).
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }

    /// The children with this local name.
    pub fn children_named<'a, 'n>(&'a self, name: &'n str) -> impl Iterator<Item = &'a Element> + use<'a, 'n> {
        self.children.iter().filter(move |child| child.name.eq_ignore_ascii_case(name))
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children_named(name).next()
    }
}

/// The file's root element, or `None` when the file is refused (the report says why).
pub fn read_document(bytes: &[u8], report: &mut FileReport) -> Option<Element> {
    match decode(bytes, report) {
        Ok(text) => parse(&text, report),
        Err(why) => {
            report.refuse(why);
            None
        }
    }
}

/// A place for the report: "node n3, line 12"; "edge at line 12" when the element has no id.
pub fn place(what: &str, id: Option<&str>, line: usize) -> String {
    match id {
        Some(id) => format!("{what} {id}, line {line}"),
        None => format!("{what} at line {line}"),
    }
}

/// The file's bytes as text: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark or a
/// declaration, or ISO-8859-1 / Windows-1252 when declared. Anything else is refused with the reason.
pub fn decode(bytes: &[u8], report: &mut FileReport) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        report.change("", "read as UTF-16 (little-endian)");
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        report.change("", "read as UTF-16 (big-endian)");
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.starts_with(b"<\0?\0") {
        report.change("", "read as UTF-16 (little-endian, no byte order mark)");
        return utf16(bytes, u16::from_le_bytes);
    }
    if bytes.starts_with(b"\0<\0?") {
        report.change("", "read as UTF-16 (big-endian, no byte order mark)");
        return utf16(bytes, u16::from_be_bytes);
    }
    let encoding = declared_encoding(bytes).map(|name| name.to_ascii_lowercase());
    match encoding.as_deref() {
        None | Some("utf-8" | "utf8" | "us-ascii" | "ascii") => utf8(bytes),
        Some("iso-8859-1" | "iso8859-1" | "latin1" | "latin-1" | "l1" | "iso_8859-1") => {
            report.change("", "read as ISO-8859-1 (Latin-1), as the file declares");
            Ok(bytes.iter().map(|&byte| char::from(byte)).collect())
        }
        Some("windows-1252" | "cp1252") => {
            report.change("", "read as Windows-1252, as the file declares");
            Ok(bytes.iter().map(|&byte| windows_1252(byte)).collect())
        }
        Some(other) => Err(format!(
            "the file declares the encoding \"{other}\", which GeoDep does not read: save it as UTF-8 \
             (UTF-16, ISO-8859-1 and Windows-1252 are read too)"
        )),
    }
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        format!(
            "the file is not UTF-8 (byte {at} is not) and declares no other encoding: save it as UTF-8, or \
             declare its encoding (<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>)"
        )
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| "the file starts as UTF-16 but is not valid UTF-16".to_owned())
}

/// The `encoding` of the XML declaration, when the file starts with one.
fn declared_encoding(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(200)];
    let end = head.windows(2).position(|pair| pair == b"?>")?;
    let declaration = std::str::from_utf8(&head[..end]).ok()?;
    if !declaration.trim_start().starts_with("<?xml") {
        return None;
    }
    let after = &declaration[declaration.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next()?;
    let value = after.get(1..)?;
    Some(&value[..value.find(quote)?])
}

/// Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Counts lines as the reader moves forward, so that finding an element's line stays linear.
struct Lines<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset > self.offset {
            self.line += self.text.as_bytes()[self.offset..offset].iter().filter(|&&byte| byte == b'\n').count();
            self.offset = offset;
        }
        self.line
    }
}

/// Reads the text into its root element; `None` (with the reason in the report) when there is none.
pub fn parse(text: &str, report: &mut FileReport) -> Option<Element> {
    let mut reader = Reader::from_str(text);
    let mut lines = Lines { text, offset: 0, line: 1 };
    let mut open: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut skipped_depth = 0usize;
    let mut elements = 0usize;
    loop {
        let before = position(reader.buffer_position());
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                let line = lines.at(position(reader.error_position()));
                report.skip(format!("line {line}"), format!("XML error ({error}); the rest of the file is not read"));
                break;
            }
        };
        let line = lines.at(before);
        match event {
            Event::Start(_) | Event::Empty(_) if skipped_depth > 0 || open.len() >= MAX_DEPTH => {
                if skipped_depth == 0 {
                    report.skip(format!("line {line}"), format!("elements nested deeper than {MAX_DEPTH} levels"));
                }
                if matches!(event, Event::Start(_)) {
                    skipped_depth += 1;
                }
            }
            Event::End(_) if skipped_depth > 0 => skipped_depth -= 1,
            Event::Start(start) => open.push(element(&start, line, report)),
            Event::Empty(start) => {
                let element = element(&start, line, report);
                close(element, &mut open, &mut root, report);
            }
            Event::End(_) => {
                if let Some(element) = open.pop() {
                    close(element, &mut open, &mut root, report);
                }
            }
            Event::Text(content) => push_text(&mut open, &content.xml10_content(), line, report),
            Event::CData(content) => push_text(&mut open, &content, line, report),
            Event::GeneralRef(reference) => {
                let resolved = resolve_reference(&reference, line, report);
                push_text(&mut open, &resolved, line, report);
            }
            Event::DocType(_) => report.change(
                format!("line {line}"),
                "DOCTYPE ignored: its entities are not expanded and nothing it names is fetched",
            ),
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
        elements += 1;
        if elements >= MAX_ELEMENTS {
            report.skip(format!("line {line}"), format!("more than {MAX_ELEMENTS} XML items; the rest is not read"));
            break;
        }
    }
    if let Some(unclosed) = open.last() {
        let (name, line) = (unclosed.name.clone(), unclosed.line);
        report.change(
            "",
            format!("the file ends inside <{name}> (line {line}): it looks cut short; what came before is read"),
        );
    }
    while let Some(element) = open.pop() {
        close(element, &mut open, &mut root, report);
    }
    if root.is_none() {
        report.refuse("the file holds no XML element");
    }
    root
}

fn position(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}

fn element(start: &BytesStart, line: usize, report: &mut FileReport) -> Element {
    let name = start.local_name().as_ref().to_owned();
    let mut attributes = Vec::new();
    for attribute in start.attributes().with_checks(false) {
        match attribute {
            Ok(attribute) => {
                let key = attribute.key.local_name().as_ref().to_owned();
                let value = unescape(&attribute.value, line, report);
                attributes.push((key, limited(value.into_owned(), line, report)));
            }
            Err(error) => report.skip(format!("line {line}"), format!("an attribute of <{name}>: {error}")),
        }
    }
    Element { name, attributes, children: Vec::new(), text: String::new(), line }
}

fn close(mut element: Element, open: &mut [Element], root: &mut Option<Element>, report: &mut FileReport) {
    if element.text.trim().is_empty() {
        element.text = String::new();
    }
    match open.last_mut() {
        Some(parent) => parent.children.push(element),
        None if root.is_none() => *root = Some(element),
        None => report.skip(format!("line {}", element.line), format!("a second root element <{}>", element.name)),
    }
}

fn push_text(open: &mut [Element], text: &str, line: usize, report: &mut FileReport) {
    let Some(element) = open.last_mut() else { return };
    if element.text.len() + text.len() > MAX_VALUE_BYTES {
        if element.text.len() <= MAX_VALUE_BYTES {
            report.change(format!("line {line}"), format!("a text longer than {MAX_VALUE_BYTES} bytes was cut"));
            element.text.push_str(cut(text, MAX_VALUE_BYTES.saturating_sub(element.text.len())));
            element.text.push(' ');
        }
        return;
    }
    element.text.push_str(text);
}

fn limited(value: String, line: usize, report: &mut FileReport) -> String {
    if value.len() <= MAX_VALUE_BYTES {
        return value;
    }
    report.change(format!("line {line}"), format!("an attribute value longer than {MAX_VALUE_BYTES} bytes was cut"));
    cut(&value, MAX_VALUE_BYTES).to_owned()
}

/// The longest start of `text` of at most `bytes` bytes that ends on a character boundary.
fn cut(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// XML's five entities and character references; any other entity is reported and left out, never expanded.
fn resolve_reference(name: &str, line: usize, report: &mut FileReport) -> Cow<'static, str> {
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        _ => match character_reference(name) {
            Some(character) => character.to_string().into(),
            None => {
                let shown = cut(name, 40);
                report.skip(
                    format!("line {line}"),
                    format!("entity reference &{shown}; left out: GeoDep expands no entities"),
                );
                "".into()
            }
        },
    }
}

fn character_reference(name: &str) -> Option<char> {
    let number = name.strip_prefix('#')?;
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    char::from_u32(code).filter(|&character| character != '\0')
}

/// An attribute value with references resolved (as [`resolve_reference`]) and tabs and line ends read as spaces,
/// as XML normalises attribute values.
fn unescape<'v>(raw: &'v str, line: usize, report: &mut FileReport) -> Cow<'v, str> {
    if !raw.contains(['&', '\t', '\n', '\r']) {
        return Cow::Borrowed(raw);
    }
    let mut value = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find(['&', '\t', '\n', '\r']) {
        value.push_str(&rest[..at]);
        let after = &rest[at..];
        if let Some(reference) = after.strip_prefix('&') {
            match reference.find(';') {
                Some(end) => {
                    value.push_str(&resolve_reference(&reference[..end], line, report));
                    rest = &reference[end + 1..];
                }
                None => {
                    value.push('&');
                    rest = reference;
                }
            }
        } else {
            // "\r\n" is one line end, read as one space.
            value.push(' ');
            rest = after.strip_prefix("\r\n").unwrap_or(&after[1..]);
        }
    }
    value.push_str(rest);
    Cow::Owned(value)
}

/// Text escaped for an XML attribute value or element text: markup characters as entities, tabs and line ends as
/// character references (so that attribute values keep them), and the control characters XML 1.0 cannot hold
/// as spaces.
pub fn escape(text: &str) -> Cow<'_, str> {
    let needs = |character: char| matches!(character, '&' | '<' | '>' | '"' | '\'') || character < ' ';
    if !text.contains(needs) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' => escaped.push_str("&#9;"),
            '\n' => escaped.push_str("&#10;"),
            '\r' => escaped.push_str("&#13;"),
            control if control < ' ' => escaped.push(' '),
            other => escaped.push(other),
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<Element>, FileReport) {
        let mut report = FileReport::new("test", None);
        (parse(text, &mut report), report)
    }

    #[test]
    fn names_lose_their_prefixes_and_lines_are_counted_with_crlf() {
        let (root, report) = read("<?xml version=\"1.0\"?>\r\n<g:root a:x=\"1\">\r\n  <g:child/>\r\n</g:root>");
        let root = root.expect("a root");
        assert_eq!(root.name, "root");
        assert_eq!(root.attribute("x"), Some("1"));
        assert_eq!(root.children[0].name, "child");
        assert_eq!(root.children[0].line, 3);
        assert!(report.notes.is_empty(), "{:?}", report.notes);
    }

    #[test]
    fn custom_entities_are_reported_not_expanded() {
        let text = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n\
                    <r x=\"&b;!\">&b;&amp;&#65;</r>";
        let (root, report) = read(text);
        let root = root.expect("a root");
        assert_eq!(root.text, "&A");
        assert_eq!(root.attribute("x"), Some("!"));
        let entity_notes = report.notes.iter().filter(|note| note.message.contains("&b;")).count();
        assert_eq!(entity_notes, 2);
        assert!(report.notes.iter().any(|note| note.message.starts_with("DOCTYPE ignored")));
    }

    #[test]
    fn a_truncated_file_keeps_what_came_before() {
        let (root, report) = read("<r>\n<a id=\"1\"/>\n<a id=\"2\"/>\n<a id=");
        let root = root.expect("a root");
        assert_eq!(root.children.len(), 2);
        assert!(!report.notes.is_empty());
    }

    #[test]
    fn attribute_values_keep_escaped_line_ends_and_read_raw_ones_as_spaces() {
        let (root, _) = read("<r a=\"one&#10;two\" b=\"three\r\nfour\"/>");
        let root = root.expect("a root");
        assert_eq!(root.attribute("a"), Some("one\ntwo"));
        assert_eq!(root.attribute("b"), Some("three four"));
        assert_eq!(escape("a<b & \"c\"\n"), "a&lt;b &amp; &quot;c&quot;&#10;");
    }

    #[test]
    fn encodings() {
        let mut report = FileReport::new("test", None);
        let latin = b"<?xml version='1.0' encoding='ISO-8859-1'?><r>\xe9</r>";
        assert_eq!(decode(latin, &mut report).expect("latin-1").chars().last(), Some('>'));
        assert!(decode(latin, &mut report).expect("latin-1").contains('é'));
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("<r>é</r>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16, &mut report).expect("utf-16"), "<r>é</r>");
        let undeclared = decode(b"<r>\xe9</r>", &mut report).expect_err("not UTF-8");
        assert!(undeclared.contains("not UTF-8 (byte 3"), "{undeclared}");
        let unknown = decode(b"<?xml version='1.0' encoding='EBCDIC'?><r/>", &mut report).expect_err("unknown");
        assert!(unknown.contains("\"ebcdic\""), "{unknown}");
    }

    #[test]
    fn deep_nesting_is_cut() {
        let text = format!("{}{}", "<a>".repeat(MAX_DEPTH + 10), "</a>".repeat(MAX_DEPTH + 10));
        let (root, report) = read(&text);
        let mut depth = 0;
        let mut element = root.as_ref();
        while let Some(current) = element {
            depth += 1;
            element = current.children.first();
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(report.notes.len(), 1, "{:?}", report.notes);
    }
}
