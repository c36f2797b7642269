//! What the subcommands print, and how: standard output through a checked writer, messages on standard error,
//! and scenario text made safe for a terminal.
//!
//! Rust ignores SIGPIPE, so `println!` panics when the reader of a pipe has gone (`geodep report … | head`).
//! Here every write is checked instead: after the first failure nothing more is written, and
//! [`Output::finish`] turns the failure into the exit status. A closed pipe ends quietly with status 141, what a
//! shell reports for a program ended by SIGPIPE, like `cat` or `grep` would; any other failure (a full disk) is
//! reported on standard error with status 1.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

/// The status after a closed pipe: 128 + SIGPIPE (13), as shells report for programs SIGPIPE ended.
pub const BROKEN_PIPE_STATUS: u8 = 141;

/// Standard output (or, in tests, any writer) with its first write failure kept.
pub struct Output<W: Write = io::StdoutLock<'static>> {
    writer: W,
    failure: Option<io::Error>,
}

impl Output {
    /// Standard output, written line by line (as Rust's standard output always is), so that lines keep their
    /// order with the messages on standard error; every write is checked.
    pub fn stdout() -> Output {
        Output::new(io::stdout().lock())
    }
}

impl<W: Write> Output<W> {
    pub fn new(writer: W) -> Output<W> {
        Output { writer, failure: None }
    }

    /// One line of text, with control characters in it made visible (see [`terminal_safe`]).
    pub fn line(&mut self, arguments: fmt::Arguments<'_>) {
        let text = arguments.to_string();
        let safe = terminal_safe(&text);
        self.write(&[safe.as_bytes(), b"\n"]);
    }

    /// Text written as it is (JSON, whose strings are escaped already), then a line break.
    pub fn raw_line(&mut self, text: &str) {
        self.write(&[text.as_bytes(), b"\n"]);
    }

    /// Bytes written as they are (a PDF), with no line break.
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.write(&[bytes]);
    }

    fn write(&mut self, parts: &[&[u8]]) {
        if self.failure.is_some() {
            return;
        }
        for part in parts {
            if let Err(error) = self.writer.write_all(part) {
                self.failure = Some(error);
                return;
            }
        }
    }

    /// Flushes, then gives `status` when everything was written, else the status of the failure (see the
    /// module documentation), after saying on standard error what failed.
    pub fn finish(mut self, status: ExitCode) -> ExitCode {
        if self.failure.is_none()
            && let Err(error) = self.writer.flush()
        {
            self.failure = Some(error);
        }
        match failure_status(self.failure.as_ref()) {
            Some(failed) => {
                if let Some(error) = self.failure.filter(|error| error.kind() != io::ErrorKind::BrokenPipe) {
                    write_to_stderr(format_args!("geodep: cannot write the output: {error}"));
                }
                ExitCode::from(failed)
            }
            None => status,
        }
    }
}

/// The exit status a write failure calls for, `None` when there was none.
pub fn failure_status(failure: Option<&io::Error>) -> Option<u8> {
    failure.map(|error| if error.kind() == io::ErrorKind::BrokenPipe { BROKEN_PIPE_STATUS } else { 1 })
}

/// Prints one line on standard error, made terminal-safe. A failure to write it is ignored: there is nowhere
/// left to report it, and `eprintln!` would panic instead.
pub fn write_to_stderr(arguments: fmt::Arguments<'_>) {
    let text = arguments.to_string();
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "{}", terminal_safe(&text));
}

/// [`write_to_stderr`] with `format!` arguments: a message on standard error.
macro_rules! tell_user {
    ($($argument:tt)*) => {
        $crate::cli::output::write_to_stderr(format_args!($($argument)*))
    };
}
pub(crate) use tell_user;

/// A line on an [`Output`], with `format!` arguments.
macro_rules! say {
    ($output:expr, $($argument:tt)*) => {
        $output.line(format_args!($($argument)*))
    };
}
pub(crate) use say;

/// `text` with every control character (escape sequences start with one) and every character that reorders
/// text on screen (bidirectional overrides) written as a visible escape such as `\u{1b}`, so that a scenario
/// file cannot drive the terminal it is printed on. Tabs are kept; line breaks become `\n`.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 16);
    for character in text.chars() {
        match character {
            '\n' => safe.push_str("\\n"),
            '\r' => safe.push_str("\\r"),
            _ if needs_escape(character) => safe.push_str(&format!("\\u{{{:x}}}", u32::from(character))),
            _ => safe.push(character),
        }
    }
    Cow::Owned(safe)
}

fn needs_escape(character: char) -> bool {
    (character.is_control() && character != '\t')
        || matches!(character, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes `accepted` bytes, then fails every write with `kind`.
    struct Failing {
        accepted: usize,
        kind: io::ErrorKind,
    }

    impl Write for Failing {
        fn write(&mut self, buffer: &[u8]) -> io::Result<usize> {
            if self.accepted == 0 {
                return Err(io::Error::from(self.kind));
            }
            let taken = buffer.len().min(self.accepted);
            self.accepted -= taken;
            Ok(taken)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn status_after_failure(kind: io::ErrorKind) -> Option<u8> {
        let mut output = Output::new(Failing { accepted: 10, kind });
        for number in 0..100 {
            say!(output, "line {number}");
        }
        failure_status(output.failure.as_ref())
    }

    #[test]
    fn a_closed_pipe_gives_141_and_a_full_disk_gives_1() {
        assert_eq!(status_after_failure(io::ErrorKind::BrokenPipe), Some(141));
        assert_eq!(status_after_failure(io::ErrorKind::StorageFull), Some(1));
        let mut fine = Output::new(Vec::new());
        say!(fine, "all {}", "well");
        assert_eq!(failure_status(fine.failure.as_ref()), None);
        assert_eq!(fine.writer, b"all well\n");
    }

    #[test]
    fn control_characters_and_reordering_marks_are_made_visible() {
        assert_eq!(terminal_safe("Serbia\tСрбија"), "Serbia\tСрбија");
        assert_eq!(terminal_safe("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(terminal_safe("two\nlines\r"), "two\\nlines\\r");
        assert_eq!(terminal_safe("abc\u{202e}cba\u{9b}"), "abc\\u{202e}cba\\u{9b}");
    }
}
