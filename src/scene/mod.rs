//! What views show, as plain data: the graph's nodes and edges with their meaning, how each looks (shape,
//! colour as RGBA, width, dash), analysis overlays, the map's geography and choropleth measures, the graph's
//! settled layout, the colours every view shares, and the view a story step asks for. Built from the scenario and
//! the view state; drawn by `ui` with egui and by `slide` as SVG and PNG. No egui types here, and nothing from the
//! window side (the ui and app rooms).

pub mod choropleth;
pub mod graph;
pub mod graph_layout;
pub mod graph_style;
pub mod grouping;
mod layout_worker;
pub mod link_thinning;
pub mod map;
pub mod map_outlines;
pub mod marks;
pub mod overlay;
pub mod palette;
pub mod route_path;
pub mod story;
pub mod transition;

/// A colour with straight (not premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    pub const WHITE: Rgba = Rgba(255, 255, 255, 255);
    pub const BLACK: Rgba = Rgba(0, 0, 0, 255);

    pub const fn rgb(red: u8, green: u8, blue: u8) -> Rgba {
        Rgba(red, green, blue, 255)
    }
}
