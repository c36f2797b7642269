//! What the views read and what they return: the open document (scenario, undo history, revision), the view
//! state (selection, year, filters, central view), settings, the messages shown to the person, and the
//! `Action`s views ask for. Below both `app` and `ui`: it imports neither, so that views depend on this room
//! and not on the app that applies their actions.

mod action;
mod document;
mod history;
mod import_setup;
mod messages;
mod playback;
mod presentation;
mod safekeeping;
mod settings;
mod view_state;

pub use action::{Action, PathPurpose, UiZoom};
pub use document::{Document, OnDisk, derive};
pub use history::History;
pub use import_setup::{ImportOutcome, ImportSetup};
pub use messages::{Busy, FailedLoad, Status};
pub use playback::{Playback, SPEEDS as PLAY_SPEEDS, Tick, years_within};
pub use presentation::{Presentation, SlideMove};
pub use safekeeping::{AUTOSAVE_EVERY, DISK_CHECK_EVERY, Safekeeping, SaveAnswers, SaveQuestion};
pub use settings::{Settings, ThemeChoice};
pub use view_state::{CentralView, GraphFilters, GraphOverlay, MatrixKind, ViewState};
