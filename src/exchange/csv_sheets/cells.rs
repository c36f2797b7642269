//! Reading delimited text as spreadsheet programs write it, shared by the sheet, Eurostat and wide-table
//! readers: the text's encoding, its delimiter, numbers (with a decimal comma where the delimiter is not a
//! comma), shares (fractions or percentages) and lists in one cell.

use crate::exchange::FileReport;

/// The text of a file: UTF-8 (with or without a byte-order mark) or UTF-16 with its byte-order mark; any other
/// bytes are read as Latin-1 (Windows-1252's printable part), which the report says, since spreadsheet programs
/// on Windows still save "CSV" in the local code page. Never fails: every byte is some Latin-1 character.
pub fn decode(bytes: &[u8], report: &mut FileReport) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8_or_latin1(rest, report);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes, report);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes, report);
    }
    decode_utf8_or_latin1(bytes, report)
}

fn decode_utf8_or_latin1(bytes: &[u8], report: &mut FileReport) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(error) => {
            report.change(
                "",
                format!(
                    "the file is not UTF-8 (byte {} is not); it was read as Latin-1: check accented names",
                    error.valid_up_to() + 1
                ),
            );
            bytes.iter().map(|&byte| char::from(byte)).collect()
        }
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, report: &mut FileReport) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let text: String = char::decode_utf16(units).map(|decoded| decoded.unwrap_or('\u{FFFD}')).collect();
    report.change("", "the file is UTF-16; it was read as such");
    if text.contains('\u{FFFD}') || bytes.len() % 2 == 1 {
        report.change("", "the UTF-16 text has broken characters; they were replaced by \u{FFFD}");
    }
    text
}

/// The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes (a comma
/// when none is there, so that a one-column file still reads).
pub fn sniff_delimiter(text: &str) -> u8 {
    let header = header_line(text);
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in header.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(count) = counts.iter_mut().find(|(delimiter, _)| *delimiter == byte) {
            count.1 += 1;
        }
    }
    // Ties go to the earlier of comma, semicolon, tab: max_by_key keeps the last maximum, so look in reverse.
    counts.iter().rev().max_by_key(|(_, count)| *count).map_or(b',', |(delimiter, _)| *delimiter)
}

/// The first line (a header line with a quoted newline is rare enough to ignore for sniffing).
fn header_line(text: &str) -> &str {
    text.trim_start_matches('\u{feff}').lines().next().unwrap_or("")
}

/// A reader over the text with the given delimiter: headers read separately, rows of any length.
pub fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
}

/// A number as written in a cell: `1234.5`, `-0.3`, `1e3`; with a decimal comma (`0,85`) only where the file's
/// delimiter is not a comma. Spaces (also thin and non-breaking ones) as thousands separators are dropped.
pub fn number(cell: &str, delimiter: u8) -> Option<f64> {
    let cleaned: String = cell.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    if cleaned.is_empty() {
        return None;
    }
    let written = if delimiter != b',' && cleaned.contains(',') {
        if cleaned.contains('.') {
            // "1.234,5": dots group thousands, the comma is the decimal mark.
            cleaned.replace('.', "").replace(',', ".")
        } else {
            cleaned.replace(',', ".")
        }
    } else {
        cleaned
    };
    written.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// How a share is written in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareColumn {
    /// `share`: fractions (0.85), or percentages with a sign (85%).
    Fraction,
    /// `share %`: percentages (85), with or without the sign.
    Percent,
}

/// A share from 0 to 1 read from a cell, or why not.
pub fn share(cell: &str, column: ShareColumn, delimiter: u8) -> Result<f64, String> {
    let trimmed = cell.trim();
    let (digits, percent) = match trimmed.strip_suffix('%') {
        Some(digits) => (digits, true),
        None => (trimmed, column == ShareColumn::Percent),
    };
    let Some(value) = number(digits, delimiter) else {
        return Err(format!("share \"{trimmed}\" is not a number"));
    };
    let fraction = if percent { value / 100.0 } else { value };
    if !(0.0..=1.0).contains(&fraction) {
        return Err(if percent || value < 0.0 {
            format!("share \"{trimmed}\" is not between 0 and 100%")
        } else {
            format!(
                "share \"{trimmed}\" is above 1: write a fraction (0.85), a percentage with its sign (85%), or \
                 head the column \"share %\""
            )
        });
    }
    Ok(fraction)
}

/// The separator of items in a list cell (via, sources, groups, members, actors).
pub const LIST_SEPARATOR: char = ';';

/// The items of a list cell, trimmed, empty ones left out.
pub fn list(cell: &str) -> Vec<String> {
    cell.split(LIST_SEPARATOR).map(str::trim).filter(|item| !item.is_empty()).map(str::to_owned).collect()
}

/// A header as a column name: lower case, trimmed, inner spaces and hyphens as underscores.
pub fn column_name(header: &str) -> String {
    let lower = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    lower.split(|c: char| c.is_whitespace() || c == '-').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_most_frequent_outside_quotes() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3"), b',');
        assert_eq!(sniff_delimiter("a;b;\"c,d,e\"\n"), b';');
        assert_eq!(sniff_delimiter("\u{feff}a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter("single"), b',');
    }

    #[test]
    fn decimal_commas_are_read_only_where_the_comma_is_not_the_delimiter() {
        assert_eq!(number("0,85", b';'), Some(0.85));
        assert_eq!(number("1.234,5", b';'), Some(1234.5));
        assert_eq!(number("1 234.5", b','), Some(1234.5));
        assert_eq!(number("0,85", b','), None);
        assert_eq!(number("inf", b','), None);
        assert_eq!(number("", b','), None);
    }

    #[test]
    fn shares_are_fractions_or_percentages_by_sign_or_by_header() {
        assert_eq!(share("0.85", ShareColumn::Fraction, b','), Ok(0.85));
        assert_eq!(share("85%", ShareColumn::Fraction, b','), Ok(0.85));
        assert_eq!(share("85", ShareColumn::Percent, b','), Ok(0.85));
        assert_eq!(share("42,5 %", ShareColumn::Percent, b';'), Ok(0.425));
        assert!(share("85", ShareColumn::Fraction, b',').unwrap_err().contains("above 1"));
        assert!(share("120%", ShareColumn::Fraction, b',').is_err());
        assert!(share("lots", ShareColumn::Fraction, b',').is_err());
    }

    #[test]
    fn text_in_utf16_or_latin1_is_decoded_and_reported() {
        let mut report = FileReport::default();
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("id,né".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16, &mut report), "id,né");
        assert_eq!(decode(b"caf\xe9", &mut report), "café");
        assert_eq!(report.notes.len(), 2);
        assert!(report.notes[1].message.contains("Latin-1"));
        assert_eq!(decode("\u{feff}ok".as_bytes(), &mut report), "ok");
    }

    #[test]
    fn lists_and_headers_are_normalised() {
        assert_eq!(list(" SRB ; HUN;;"), vec!["SRB", "HUN"]);
        assert_eq!(column_name(" Local Name "), "local_name");
        assert_eq!(column_name("share %"), "share_%");
    }
}
