//! The app's views driven through egui_kittest, by the labels a person sees: one module per view or concern.
//!
//! One test binary, not one per file: each binary links egui, wgpu and egui_kittest, and sixteen copies of them
//! cost CI minutes of linking and gigabytes of disk.

mod common;

mod analysis;
mod app;
mod charts;
mod derived;
mod editor;
mod graph;
mod graph_groups;
mod graph_layout_worker;
mod import;
mod inspector;
mod map;
mod matrices;
mod play_years;
mod presentation;
mod safekeeping;
mod start_screen;
