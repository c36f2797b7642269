//! Fitting text into the slide: wrapping a caption into lines that fit a width.

use super::render::text_width;

/// `text` broken into lines no wider than `width` at `size`, at spaces (a word longer than the line is kept whole).
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if !line.is_empty() && text_width(&candidate, size) > width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
            assert!(text_width(line, 30.0) <= 400.0 || !line.contains(' '), "{line:?} is too wide");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn cutting_lines_marks_the_cut() {
        let lines = at_most(vec!["one".into(), "two".into(), "three".into()], 2);
        assert_eq!(lines, ["one", "two…"]);
        assert_eq!(at_most(vec!["one".into()], 2), ["one"]);
    }
}
