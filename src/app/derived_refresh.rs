//! Keeping the document's derived data (problems, years, pickers, record lists) of its current revision: worked
//! out at once for a small scenario, on a worker thread for a large one, while the views go on showing the
//! previous revision's. Only one worker runs at a time; a revision made meanwhile is worked out after it.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use eframe::egui;

use super::GeoDepApp;
use crate::derived::Derived;
use crate::model::Scenario;
use crate::state::derive;

/// Scenarios with at least this many records (actors included) are worked out in the background.
pub const LARGE_SCENARIO: usize = 5_000;

#[derive(Default)]
pub struct DerivedRefresh {
    running: Option<Receiver<Derived>>,
}

impl GeoDepApp {
    /// Takes what a worker finished, and starts on the current revision if nothing has it yet.
    pub(super) fn refresh_derived(&mut self, ctx: &egui::Context) {
        if let Some(receiver) = &self.derived_refresh.running {
            match receiver.try_recv() {
                Ok(derived) => {
                    self.document.set_derived(derived);
                    self.derived_refresh.running = None;
                }
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(Duration::from_millis(30));
                    return;
                }
                // The worker died: work the revision out here instead.
                Err(TryRecvError::Disconnected) => {
                    self.derived_refresh.running = None;
                    self.document.refresh_derived();
                }
            }
        }
        let document = &mut self.document;
        if document.derived_is_current() {
            return;
        }
        if record_count(&document.scenario) < LARGE_SCENARIO {
            document.refresh_derived();
            return;
        }
        let (sender, receiver) = channel();
        let (scenario, id, revision, warnings) =
            (document.scenario.clone(), document.id, document.revision, document.load_problems.clone());
        std::thread::spawn(move || {
            let _ = sender.send(derive(&scenario, id, revision, &warnings));
        });
        self.derived_refresh.running = Some(receiver);
        ctx.request_repaint_after(Duration::from_millis(30));
    }
}

fn record_count(scenario: &Scenario) -> usize {
    scenario.actors.len()
        + scenario.energy.len()
        + scenario.sanctions.len()
        + scenario.ties.len()
        + scenario.votes.len()
        + scenario.events.len()
}
