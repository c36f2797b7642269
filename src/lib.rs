//! GeoDep: a desktop visualiser of geopolitical dependencies — energy supply, sanctions stances and
//! diplomatic ties — read from RON scenario files.
//!
//! Data flows one way: `io` loads a file into a `model::Scenario` with `diagnostic`s from `validate`;
//! the `app` holds it as a document; the `ui` views draw from it and return actions that the app applies.

pub mod analysis;
pub mod app;
pub mod charts;
pub mod cli;
pub mod diagnostic;
pub mod edit;
pub mod format;
pub mod io;
pub mod layout;
pub mod library;
pub mod model;
pub mod slide;
pub mod ui;
pub mod validate;
