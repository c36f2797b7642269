//! GeoDep: a desktop visualiser of geopolitical dependencies — energy supply, sanctions stances and
//! diplomatic ties — read from RON scenario files.
//!
//! Data flows one way: `io` loads a file into a `model::Scenario` with `diagnostic`s from `validate`; the `app`
//! holds it as a `state::Document` with its `derived` data; `scene` turns it into plain shapes that the `ui`
//! views draw with egui and `slide` writes as images; views return `state::Action`s that the app applies.

pub mod analysis;
pub mod app;
pub mod charts;
pub mod cli;
pub mod derived;
pub mod diagnostic;
pub mod edit;
pub mod exchange;
pub mod format;
pub mod geo;
pub mod io;
pub mod layout;
pub mod library;
pub mod model;
pub mod scene;
pub mod slide;
pub mod state;
pub mod synthetic;
pub mod ui;
pub mod validate;
