//! A layout running on its own thread, so that the window keeps drawing at full rate while a large graph is laid
//! out (see `graph_layout::LayoutState`).
//!
//! The worker publishes its newest positions now and then, with how far it has got; the UI thread takes the newest
//! report once per frame (an unread report is replaced, so the UI never falls behind and copies nothing). Dropping
//! a `LayoutWorker` tells its thread to stop at its next check without waiting for it: a layout that is no longer
//! wanted (the document changed, the view closed) never blocks the window. A worker that panics leaves its last
//! report behind, and `LayoutWorker::wait` says why it ended.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use crate::layout::Point;

/// What a worker is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Laying out the coarse levels of a large graph seen for the first time.
    CoarseLevels,
    /// Stepping the force layout of the graph itself.
    Settling,
    /// The last step, which pushes overlapping nodes apart.
    SeparatingOverlaps,
    /// Done: the positions are final.
    Finished,
}

impl Stage {
    /// What the worker is doing, for a person watching the progress bar.
    pub fn description(self) -> &'static str {
        match self {
            Stage::CoarseLevels => "sketching the overall shape",
            Stage::Settling => "settling the nodes",
            Stage::SeparatingOverlaps => "moving overlapping nodes apart",
            Stage::Finished => "done",
        }
    }
}

/// What a worker publishes: its positions at the time, and how far it has got.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub positions: Vec<Point>,
    pub stage: Stage,
    /// Share of the whole work done, from 0 to 1.
    pub fraction: f32,
}

/// What the worker thread and the UI thread share.
#[derive(Default)]
struct Shared {
    /// Set when the layout is no longer wanted; the worker checks it between steps.
    stop: AtomicBool,
    /// The newest report the UI has not taken yet.
    newest: Mutex<Option<Report>>,
}

/// The worker's side: publishes reports, and learns whether to stop.
pub struct Reporter {
    shared: Arc<Shared>,
}

impl Reporter {
    /// Publishes a report, replacing one the UI has not taken yet.
    pub fn publish(&self, report: Report) {
        // A panic elsewhere cannot leave a half-written report: the value is replaced whole.
        *self.shared.newest.lock().unwrap_or_else(PoisonError::into_inner) = Some(report);
    }

    /// Whether the layout is no longer wanted.
    pub fn should_stop(&self) -> bool {
        self.shared.stop.load(Ordering::Relaxed)
    }
}

/// A layout running on its own thread (see the module's documentation).
pub struct LayoutWorker {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl LayoutWorker {
    /// Runs `job` on a new thread named "layout"; an error when no thread could be started.
    pub fn spawn(job: impl FnOnce(&Reporter) + Send + 'static) -> std::io::Result<LayoutWorker> {
        let shared = Arc::new(Shared::default());
        let reporter = Reporter { shared: Arc::clone(&shared) };
        let thread = std::thread::Builder::new().name("layout".into()).spawn(move || job(&reporter))?;
        Ok(LayoutWorker { shared, thread: Some(thread) })
    }

    /// The newest report since the last call, if any.
    pub fn take_newest(&self) -> Option<Report> {
        self.shared.newest.lock().unwrap_or_else(PoisonError::into_inner).take()
    }

    /// Whether the thread has ended: finished, stopped, or panicked. Check this before taking the last report, so
    /// that a report published just before the end is not missed.
    pub fn has_ended(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Waits for the thread to end; the message of its panic, if it panicked.
    pub fn wait(&mut self) -> Result<(), String> {
        let Some(thread) = self.thread.take() else { return Ok(()) };
        thread.join().map_err(|payload| {
            let message = payload.downcast_ref::<&str>().map(|text| text.to_string());
            message.or_else(|| payload.downcast_ref::<String>().cloned()).unwrap_or_else(|| "no message".to_owned())
        })
    }

    /// A handle on the stop flag, to check in tests that a replaced worker was told to stop and has ended.
    #[cfg(test)]
    pub(super) fn watch(&self) -> Watch {
        Watch(Arc::clone(&self.shared))
    }
}

impl Drop for LayoutWorker {
    /// Tells the thread to stop at its next check, and lets it end by itself.
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

/// See `LayoutWorker::watch`.
#[cfg(test)]
pub(super) struct Watch(Arc<Shared>);

#[cfg(test)]
impl Watch {
    pub fn told_to_stop(&self) -> bool {
        self.0.stop.load(Ordering::Relaxed)
    }

    /// Whether the thread has ended: it no longer holds its share of the state.
    pub fn thread_ended(&self) -> bool {
        Arc::strong_count(&self.0) == 1
    }
}
