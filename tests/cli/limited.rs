//! Running the built `geodep` as a child process under a time limit enforced here: a child still running after
//! [`TIME_LIMIT`] is killed and the test fails. This is a guard against hangs, not a timing assertion: the
//! limit is many times what any of these runs needs.

use std::ffi::OsStr;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// What one run did: the exit code (`None` when a signal ended it), and its output.
#[derive(Debug)]
pub struct Finished {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Finished {
    /// Exit code 0 or 1 and no panic: what every input must give.
    pub fn assert_handled(&self, what: &str) {
        assert!(!self.stderr.contains("panicked"), "{what}: a panic reached the user: {}", self.stderr);
        assert!(matches!(self.code, Some(0 | 1)), "{what}: exit code {:?}, stderr: {}", self.code, self.stderr);
    }

    /// Exit code 1 with `message` somewhere on standard error.
    pub fn assert_refused(&self, what: &str, message: &str) {
        self.assert_handled(what);
        assert_eq!(self.code, Some(1), "{what}: stderr: {}", self.stderr);
        let said = format!("{}{}", self.stdout, self.stderr);
        assert!(said.contains(message), "{what}: expected {message:?} in: {}", shorten(&said));
    }
}

fn shorten(text: &str) -> String {
    text.chars().take(2_000).collect()
}

/// `geodep ARGS` from the package root with stdin empty, killed if it outlives [`TIME_LIMIT`].
pub fn geodep<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(args: I) -> Finished {
    let mut command = Command::new(env!("CARGO_BIN_EXE_geodep"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    run(command, Stdio::piped())
}

/// Runs `command` with `stdout` as its standard output (captured when piped) under the time limit.
pub fn run(mut command: Command, stdout: Stdio) -> Finished {
    let started = Instant::now();
    let mut child = command.stdin(Stdio::null()).stdout(stdout).stderr(Stdio::piped()).spawn().expect("geodep runs");
    // Read both pipes on threads, so that a child filling one cannot block on it while the other is waited for.
    let stdout = child.stdout.take().map(|pipe| thread::spawn(move || read_all(pipe)));
    let stderr = child.stderr.take().map(|pipe| thread::spawn(move || read_all(pipe)));
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} was still running after {TIME_LIMIT:?} and was killed");
        }
        thread::sleep(Duration::from_millis(10));
    };
    let collect = |reader: Option<thread::JoinHandle<String>>| reader.map(|r| r.join().unwrap()).unwrap_or_default();
    Finished { code: status.code(), stdout: collect(stdout), stderr: collect(stderr) }
}

fn read_all(mut pipe: impl Read) -> String {
    let mut bytes = Vec::new();
    let _ = pipe.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A path as the binary is given it.
pub fn path_text(path: &Path) -> String {
    path.display().to_string()
}
