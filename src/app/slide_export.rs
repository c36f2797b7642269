//! Exporting the story's slides from the app, on a background thread so that the window stays responsive: the
//! scenario is copied, the slides are written by `crate::slide::export`, and the outcome is picked up later.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::model::Scenario;
use crate::slide::export::{ExportError, ImageFormat, write_all, write_step};

/// Slides are exported at full HD, the size of most projectors and slide decks.
pub const SLIDE_SIZE: (u32, u32) = (1920, 1080);

#[derive(Default)]
pub struct SlideExport {
    running: Option<(PathBuf, Receiver<Result<usize, String>>)>,
}

impl SlideExport {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Starts writing every step of `scenario` into `folder`, unless an export is running.
    pub fn start(&mut self, scenario: Scenario, folder: PathBuf) -> bool {
        let target = folder.clone();
        self.run(folder, move || write_all(&scenario, &target, SLIDE_SIZE, ImageFormat::Png).map(|files| files.len()))
    }

    /// Starts writing step `number` (from 1) of `scenario` to `file`, unless an export is running.
    pub fn start_one(&mut self, scenario: Scenario, number: usize, file: PathBuf) -> bool {
        let target = file.clone();
        self.run(file, move || write_step(&scenario, number, &target, SLIDE_SIZE, ImageFormat::Png).map(|()| 1))
    }

    fn run(&mut self, target: PathBuf, work: impl FnOnce() -> Result<usize, ExportError> + Send + 'static) -> bool {
        if self.running.is_some() {
            return false;
        }
        let (sender, receiver) = channel();
        let spawned = std::thread::Builder::new().name("slide-export".into()).spawn(move || {
            // The app may have closed meanwhile; then nobody waits for the answer.
            let _ = sender.send(work().map_err(|error| error.to_string()));
        });
        if spawned.is_err() {
            return false;
        }
        self.running = Some((target, receiver));
        true
    }

    /// The outcome, once the export has finished: the folder or file and how many slides, or why it failed.
    pub fn poll(&mut self) -> Option<(PathBuf, Result<usize, String>)> {
        let (_, receiver) = self.running.as_ref()?;
        let outcome = match receiver.try_recv() {
            Err(TryRecvError::Empty) => return None,
            Ok(outcome) => outcome,
            Err(TryRecvError::Disconnected) => Err("the export stopped unexpectedly".to_owned()),
        };
        self.running.take().map(|(folder, _)| (folder, outcome))
    }
}
