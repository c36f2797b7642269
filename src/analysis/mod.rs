//! Analysis and what-if: dependence measures and concentration, supply shocks through transit, alignment from
//! votes, sanctions coalitions, consistency flags, diplomatic network measures, scenario differences, and the
//! seriation that orders a matrix's rows by likeness. Pure functions of the scenario and a year; no egui, no
//! files. The Analysis tab, the Matrices tab, the graph overlays and the `report`, `shock` and `diff` commands
//! use these.

pub mod alignment;
pub mod alignment_map;
pub mod coalition;
pub mod dependence;
pub mod diff;
pub mod flags;
pub mod network;
pub mod seriation;
pub mod shock;
