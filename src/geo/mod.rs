//! Geography for the map: country outlines (Natural Earth 1:50m, compiled into the binary from
//! `assets/world-50m.bin`) and the projection from longitude and latitude to the plane. Plain data and maths:
//! no egui, no files, nothing of the scenario's records.

pub mod antimeridian;
pub mod projection;
pub mod world;
