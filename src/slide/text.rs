//! Fitting text into the slide: wrapping a caption into lines that fit a width, and cutting a single line that
//! does not fit.
//!
//! Both work in one pass over the characters, measuring each once, so a caption or title of one unbroken
//! million-character word costs linear time and yields at most what fits on the slide.

use super::render::{face_text_width, text_width};

/// No line holds more characters than this, whatever their width: characters without width (combining marks)
/// could otherwise make one line as long as the whole text.
pub const MAX_LINE_CHARACTERS: usize = 400;

/// `text` broken into lines no wider than `width` at `size`, at spaces; a word longer than a line is broken
/// inside. Stops after `max_lines + 1` lines, so that [`at_most`] can still mark the cut.
pub fn wrap_at_most(text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let space = text_width(" ", size);
    let mut lines: Vec<String> = Vec::new();
    let mut line = Line::default();
    for word in text.split_whitespace() {
        if lines.len() > max_lines {
            break;
        }
        let word_width = text_width(word, size);
        let fits = line.characters + 1 + word.chars().count() <= MAX_LINE_CHARACTERS;
        if !line.text.is_empty() && fits && line.width + space + word_width <= width {
            line.push(" ", space);
            line.push(word, word_width);
            continue;
        }
        if !line.text.is_empty() {
            lines.push(std::mem::take(&mut line).text);
        }
        if word_width <= width && word.chars().count() <= MAX_LINE_CHARACTERS {
            line.push(word, word_width);
        } else {
            line = break_word(word, size, width, max_lines, &mut lines);
        }
    }
    if !line.text.is_empty() && lines.len() <= max_lines {
        lines.push(line.text);
    }
    lines.truncate(max_lines + 1);
    lines
}

/// `text` broken into lines no wider than `width` at `size` (every line; see [`wrap_at_most`]).
#[cfg(test)]
fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    wrap_at_most(text, size, width, usize::MAX - 1)
}

/// A line being filled, with its width and length so far.
#[derive(Default)]
struct Line {
    text: String,
    width: f32,
    characters: usize,
}

impl Line {
    fn push(&mut self, text: &str, width: f32) {
        self.text.push_str(text);
        self.width += width;
        self.characters += text.chars().count();
    }
}

/// Breaks a word wider than a line into full lines (pushed onto `lines`), returning the last, partly filled
/// one. Each character is measured once; at least one character goes on each line.
fn break_word(word: &str, size: f32, width: f32, max_lines: usize, lines: &mut Vec<String>) -> Line {
    let mut line = Line::default();
    let mut buffer = [0; 4];
    for character in word.chars() {
        let character_width = text_width(character.encode_utf8(&mut buffer), size);
        let full = line.width + character_width > width || line.characters >= MAX_LINE_CHARACTERS;
        if full && !line.text.is_empty() {
            lines.push(std::mem::take(&mut line).text);
            if lines.len() > max_lines {
                return Line::default();
            }
        }
        line.push(character.encode_utf8(&mut buffer), character_width);
    }
    line
}

/// At most `count` lines; the last one kept ends with an ellipsis when text was cut.
pub fn at_most(mut lines: Vec<String>, count: usize) -> Vec<String> {
    if lines.len() > count {
        lines.truncate(count);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// `text` as one line no wider than `width` at `size`: cut with an ellipsis when it is wider (or longer than
/// [`MAX_LINE_CHARACTERS`]). Stops measuring at the cut, so a huge text costs no more than what is kept.
pub fn elide(text: &str, size: f32, width: f32) -> std::borrow::Cow<'_, str> {
    elide_in_face(text, size, width, false)
}

/// [`elide`] measured in the bold or the regular face.
pub fn elide_in_face(text: &str, size: f32, width: f32, bold: bool) -> std::borrow::Cow<'_, str> {
    let text_width = |text: &str, size: f32| face_text_width(text, size, bold);
    let ellipsis = text_width("…", size);
    let mut used = 0.0;
    let mut buffer = [0; 4];
    // Where the text would be cut if it turns out not to fit: the last place an ellipsis still fits after.
    let mut cut = 0;
    for (count, (at, character)) in text.char_indices().enumerate() {
        used += text_width(character.encode_utf8(&mut buffer), size);
        if used + ellipsis <= width && count < MAX_LINE_CHARACTERS {
            cut = at + character.len_utf8();
        }
        if used > width || count >= MAX_LINE_CHARACTERS {
            return format!("{}…", &text[..cut]).into();
        }
    }
    text.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word_in_order() {
        let text =
            "Since 2021 Russian gas reaches Serbia through TurkStream, Turkey and Bulgaria, and Serbia passes it on.";
        let lines = wrap(text, 30.0, 400.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(text_width(line, 30.0) <= 400.0, "{line:?} is too wide");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_inside() {
        let word = "Donaudampfschifffahrtsgesellschaftskapitän".repeat(3);
        let lines = wrap(&format!("A {word} b"), 30.0, 300.0);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(text_width(line, 30.0) <= 300.0, "{line:?} is too wide");
        }
        assert_eq!(lines.concat().replace(' ', ""), format!("A{word}b"));
    }

    #[test]
    fn a_million_character_word_gives_only_the_lines_asked_for() {
        let word = "x".repeat(1_000_000);
        let lines = at_most(wrap_at_most(&word, 36.0, 1800.0, 4), 4);
        assert_eq!(lines.len(), 4);
        assert!(lines[3].ends_with('…'));
        assert!(lines.iter().all(|line| line.chars().count() <= MAX_LINE_CHARACTERS + 1));
    }

    #[test]
    fn zero_width_characters_still_end_a_line() {
        let marks = "\u{301}".repeat(10_000);
        let lines = wrap(&marks, 30.0, 400.0);
        assert!(lines.iter().all(|line| line.chars().count() <= MAX_LINE_CHARACTERS), "{}", lines[0].len());
    }

    #[test]
    fn a_line_too_wide_is_cut_with_an_ellipsis() {
        assert_eq!(elide("Serbia", 30.0, 1000.0), "Serbia");
        let long = "Serbia between Moscow and Brussels ".repeat(100_000);
        let cut = elide(&long, 30.0, 500.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 30.0) <= 500.0, "{cut}");
        assert!(cut.len() > 10);
    }

    #[test]
    fn cutting_lines_marks_the_cut() {
        let lines = at_most(vec!["one".into(), "two".into(), "three".into()], 2);
        assert_eq!(lines, ["one", "two…"]);
        assert_eq!(at_most(vec!["one".into()], 2), ["one"]);
    }
}
