//! Opening, saving and autosaving on worker threads, so that the window keeps drawing while a large file is read
//! or written. A job that finishes within a moment is applied in the same frame, as if done in place; a longer
//! one shows its progress in the status bar. The open document is replaced only by a whole, checked document.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostic;
use crate::io::disk_stamp::FileStamp;
use crate::io::patch::text_to_save;
use crate::io::recovery::Recovery;
use crate::io::safe_write::replace_file;
use crate::io::{LoadReport, SaveError, SaveReport, load_file_keeping_text, load_from_reader_keeping_text};
use crate::model::Scenario;
use crate::state::{Document, OnDisk};

/// How long the window waits for a job before going on drawing and showing its progress instead.
pub const MOMENT: Duration = Duration::from_millis(150);

/// Bytes read so far of a file being opened, and its size when known.
#[derive(Debug, Default)]
pub struct ReadProgress {
    read: AtomicU64,
    total: AtomicU64,
}

impl ReadProgress {
    /// The share read, from 0 to 1, when the size is known.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| (self.read.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32)
    }
}

/// A file that was read: a document ready to show (perhaps with errors to fix), or why it could not be opened
/// and its text, when it is text.
pub enum Opened {
    Document(Box<Document>),
    Failed(Vec<Diagnostic>, Option<String>),
}

pub struct OpenJob {
    pub path: PathBuf,
    pub progress: Arc<ReadProgress>,
    pub started: Instant,
    receiver: Receiver<Opened>,
}

pub struct SaveJob {
    pub path: PathBuf,
    /// The document and the history state that were saved, so that edits made meanwhile stay marked unsaved.
    pub document: u64,
    pub history_state: u64,
    pub started: Instant,
    receiver: Receiver<Result<Saved, SaveError>>,
}

/// What a save did.
pub enum Saved {
    /// The file now holds `on_disk.text`.
    Written { report: SaveReport, on_disk: Box<OnDisk> },
    /// Nothing was written: the change drops these comments, and the person has not agreed to that yet.
    WouldDropComments(Vec<String>),
}

pub struct AutosaveJob {
    pub key: String,
    pub document: u64,
    pub revision: u64,
    receiver: Receiver<std::io::Result<()>>,
}

/// What a job's result was, once it has one.
pub enum Polled<T> {
    Done(T),
    Running,
    /// The worker ended without an answer (it panicked): nothing was changed.
    Lost,
}

/// Reads and checks `path` on a worker thread, building the whole document (with its derived data) there.
pub fn start_open(path: &Path) -> OpenJob {
    let progress = Arc::new(ReadProgress::default());
    let (sender, receiver) = channel();
    let (worker_path, worker_progress) = (path.to_owned(), progress.clone());
    std::thread::spawn(move || {
        // Stamped before reading, so that a change made while reading is noticed rather than missed.
        let stamp = FileStamp::of(&worker_path);
        if let Ok(metadata) = std::fs::metadata(&worker_path) {
            worker_progress.total.store(metadata.len(), Ordering::Relaxed);
        }
        let (report, text) =
            load_file_keeping_text(&worker_path, &mut |read| worker_progress.read.store(read, Ordering::Relaxed));
        let _ = sender.send(opened(report, text, &worker_path, stamp));
    });
    OpenJob { path: path.to_owned(), progress, started: Instant::now(), receiver }
}

/// As `start_open`, reading the file's bytes from `reader` (`length` of them, when known).
pub fn start_open_from_reader(path: &Path, mut reader: Box<dyn Read + Send>, length: Option<u64>) -> OpenJob {
    let progress = Arc::new(ReadProgress::default());
    progress.total.store(length.unwrap_or(0), Ordering::Relaxed);
    let (sender, receiver) = channel();
    let (worker_path, worker_progress) = (path.to_owned(), progress.clone());
    std::thread::spawn(move || {
        let (report, text) =
            load_from_reader_keeping_text(&mut reader, &mut |read| worker_progress.read.store(read, Ordering::Relaxed));
        let _ = sender.send(opened(report, text, &worker_path, None));
    });
    OpenJob { path: path.to_owned(), progress, started: Instant::now(), receiver }
}

fn opened(report: LoadReport, text: Option<String>, path: &Path, stamp: Option<FileStamp>) -> Opened {
    match report.scenario.or(report.with_errors) {
        Some(scenario) => {
            let mut document = Document::from_file(scenario, path, report.diagnostics, text);
            document.disk_stamp = stamp;
            Opened::Document(Box::new(document))
        }
        None => Opened::Failed(report.diagnostics, text),
    }
}

/// Writes `scenario` (a copy of the document's) to `path` on a worker thread: the file's previous text changed
/// only where the scenario differs from it, unless that drops comments and `drop_comments` is not given.
pub fn start_save(path: &Path, scenario: Scenario, document: &Document, drop_comments: bool) -> SaveJob {
    let (sender, receiver) = channel();
    let (worker_path, previous) = (path.to_owned(), document.on_disk.clone());
    std::thread::spawn(move || {
        let previous_text = previous.as_deref().map(|on_disk| (on_disk.text.as_str(), &on_disk.scenario));
        let patched = text_to_save(previous_text, &scenario);
        let saved = if patched.lost_comments.is_empty() || drop_comments {
            replace_file(&worker_path, patched.text.as_bytes())
                .map(|report| Saved::Written { report, on_disk: Box::new(OnDisk { text: patched.text, scenario }) })
        } else {
            Ok(Saved::WouldDropComments(patched.lost_comments))
        };
        let _ = sender.send(saved);
    });
    SaveJob {
        path: path.to_owned(),
        document: document.id,
        history_state: document.history.current_state(),
        started: Instant::now(),
        receiver,
    }
}

/// Writes the recovery file of a copy of the document's scenario on a worker thread.
pub fn start_autosave(recovery: &Recovery, document: &Document) -> AutosaveJob {
    let key = Recovery::key(document.path.as_deref(), document.id);
    let (sender, receiver) = channel();
    let (recovery, worker_key) = (recovery.clone(), key.clone());
    let (original, scenario) = (document.path.clone(), document.scenario.clone());
    std::thread::spawn(move || {
        let _ = sender.send(recovery.write(&worker_key, original.as_deref(), &scenario));
    });
    AutosaveJob { key, document: document.id, revision: document.revision, receiver }
}

impl OpenJob {
    pub fn poll(&self, wait: Duration) -> Polled<Opened> {
        poll(&self.receiver, wait)
    }
}

impl SaveJob {
    pub fn poll(&self, wait: Duration) -> Polled<Result<Saved, SaveError>> {
        poll(&self.receiver, wait)
    }
}

impl AutosaveJob {
    pub fn poll(&self, wait: Duration) -> Polled<std::io::Result<()>> {
        poll(&self.receiver, wait)
    }
}

fn poll<T>(receiver: &Receiver<T>, wait: Duration) -> Polled<T> {
    if wait.is_zero() {
        return match receiver.try_recv() {
            Ok(value) => Polled::Done(value),
            Err(TryRecvError::Empty) => Polled::Running,
            Err(TryRecvError::Disconnected) => Polled::Lost,
        };
    }
    match receiver.recv_timeout(wait) {
        Ok(value) => Polled::Done(value),
        Err(RecvTimeoutError::Timeout) => Polled::Running,
        Err(RecvTimeoutError::Disconnected) => Polled::Lost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_and_checked_on_a_worker() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("s.ron");
        std::fs::write(&path, crate::library::BUNDLED_SCENARIO).unwrap();
        let job = start_open(&path);
        let Polled::Done(Opened::Document(document)) = job.poll(Duration::from_secs(30)) else {
            panic!("the bundled scenario opens")
        };
        assert_eq!(document.path.as_deref(), Some(path.as_path()));
        assert!(document.derived_is_current(), "derived data is worked out on the worker too");
        assert_eq!(job.progress.fraction(), Some(1.0));
    }

    #[test]
    fn a_file_that_does_not_open_says_why() {
        let job = start_open(Path::new("/nonexistent-geodep-folder/s.ron"));
        let Polled::Done(Opened::Failed(diagnostics, _)) = job.poll(Duration::from_secs(30)) else {
            panic!("a missing file fails")
        };
        assert!(diagnostics[0].message.starts_with("cannot open"), "{diagnostics:?}");
    }
}
