//! Where the graph sits on a slide: the zoom and offset that show every framed node whole, with its name under
//! it, inside the room left for the graph (never cropped); and the strip at the side that names the step's
//! actors with no link drawn, so that they neither vanish nor shrink the graph. Reads positions and sizes only.

use super::Area;
use super::render::text_width;
use super::scene::{Anchor, SlideScene};

/// Nodes are never drawn smaller than this, per 1080 pixels of height.
pub const SMALLEST_RADIUS: f32 = 5.0;
/// Room kept free around the framed nodes and their names, per 1080 pixels of height.
const MARGIN: f32 = 28.0;
/// Gap between a node's edge and its name, per 1080 pixels of height (as the names are placed).
pub const LABEL_GAP: f32 = 6.0;

/// Maps layout coordinates into the slide.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub zoom: f32,
    pub offset: [f32; 2],
}

impl Placement {
    pub fn place(&self, point: [f32; 2]) -> [f32; 2] {
        [self.offset[0] + point[0] * self.zoom, self.offset[1] + point[1] * self.zoom]
    }
}

/// A node the slide must show whole: its layout position and radius, and its name's plate on the slide.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Framed {
    pub position: [f32; 2],
    pub radius: f32,
    pub label: [f32; 2],
}

/// A node's radius on the slide at `zoom`.
pub fn radius_on_slide(radius: f32, zoom: f32, unit: f32) -> f32 {
    (radius * zoom).max(SMALLEST_RADIUS * unit)
}

/// How far a node's drawing reaches from its centre: its shape (a diamond's corners reach 1.2 radii) and the
/// focus ring around it.
pub fn reach(radius: f32, unit: f32) -> f32 {
    (radius * 1.2).max(radius + 8.0 * unit)
}

/// The box the nodes and their names (under them) take at `zoom`, relative to the layout's origin on the slide.
fn extents(nodes: &[Framed], zoom: f32, unit: f32) -> ([f32; 2], [f32; 2]) {
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    for node in nodes {
        let radius = radius_on_slide(node.radius, zoom, unit);
        let reach = reach(radius, unit);
        let [x, y] = [node.position[0] * zoom, node.position[1] * zoom];
        let half_width = reach.max(node.label[0] / 2.0);
        let below = reach.max(radius + LABEL_GAP * unit + node.label[1]);
        min = [min[0].min(x - half_width), min[1].min(y - reach)];
        max = [max[0].max(x + half_width), max[1].max(y + below)];
    }
    (min, max)
}

/// The largest zoom (up to `max_zoom`) at which every node and its name fits in `room` with a margin, and the
/// offset that centres them there. When even the names alone are too wide, the smallest zoom is used.
pub fn fit(nodes: &[Framed], room: Area, max_zoom: f32, unit: f32) -> Placement {
    let margin = MARGIN * unit;
    let usable = [(room.width - 2.0 * margin).max(1.0), (room.height - 2.0 * margin).max(1.0)];
    let fits = |zoom: f32| {
        let (min, max) = extents(nodes, zoom, unit);
        max[0] - min[0] <= usable[0] && max[1] - min[1] <= usable[1]
    };
    let (mut low, mut high) = (1e-4_f32, max_zoom.max(1e-4));
    if fits(high) {
        low = high;
    } else {
        // What fits grows with the zoom: halve the interval 40 times.
        for _ in 0..40 {
            let middle = (low + high) / 2.0;
            if fits(middle) { low = middle } else { high = middle }
        }
    }
    let zoom = low;
    let (min, max) = extents(nodes, zoom, unit);
    let offset = [
        room.left + (room.width - (max[0] - min[0])) / 2.0 - min[0],
        room.top + (room.height - (max[1] - min[1])) / 2.0 - min[1],
    ];
    Placement { zoom, offset }
}

/// Size of the names in the strip, per 1080 pixels of height.
const STRIP_NAME_SIZE: f32 = 24.0;
const STRIP_HEADING: &str = "No link in this step:";

/// The strip at the left of `area` for the step's actors with no link drawn: its width (0 for none), and where
/// each actor's symbol and name go. Names too long for a third of the area are cut short; when there are more
/// than fit, the last row says how many more.
pub struct Strip {
    pub width: f32,
    pub rows: Vec<StripRow>,
    pub more: usize,
}

pub struct StripRow {
    /// Index of the actor in the list given.
    pub index: usize,
    pub symbol: [f32; 2],
    pub name: [f32; 2],
}

pub fn strip(names: &[&str], area: Area, unit: f32) -> Strip {
    if names.is_empty() {
        return Strip { width: 0.0, rows: Vec::new(), more: 0 };
    }
    let size = STRIP_NAME_SIZE * unit;
    let widest = names.iter().map(|name| text_width(name, size)).fold(text_width(STRIP_HEADING, 20.0 * unit), f32::max);
    let width = (widest + 110.0 * unit).min(area.width / 3.0);
    let row_height = 52.0 * unit;
    let first = area.top + 100.0 * unit;
    let fitting = ((area.bottom() - first - 24.0 * unit) / row_height).floor().max(0.0) as usize;
    let shown = if names.len() > fitting { fitting.saturating_sub(1) } else { names.len() };
    let left = area.left + 40.0 * unit;
    let rows = (0..shown)
        .map(|index| {
            let y = first + index as f32 * row_height;
            StripRow { index, symbol: [left + 14.0 * unit, y], name: [left + 44.0 * unit, y] }
        })
        .collect();
    Strip { width, rows, more: names.len() - shown }
}

/// The strip's heading and its "and 3 more" line, in `colour`.
pub fn strip_text(slide: &mut SlideScene, strip: &Strip, area: Area, colour: super::scene::Rgba, unit: f32) {
    let left = area.left + 40.0 * unit;
    slide.text([left, area.top + 56.0 * unit], STRIP_HEADING, 20.0 * unit, colour, Anchor::Start, false);
    if strip.more > 0 {
        let y = area.top + 100.0 * unit + strip.rows.len() as f32 * 52.0 * unit;
        let text = format!("and {} more", strip.more);
        slide.text([left, y], &text, STRIP_NAME_SIZE * unit, colour, Anchor::Start, false);
    }
}

/// A name cut to fit the strip.
pub fn strip_name(name: &str, strip: &Strip, unit: f32) -> String {
    super::text::elide(name, STRIP_NAME_SIZE * unit, strip.width - 84.0 * unit).into_owned()
}

pub fn strip_name_size(unit: f32) -> f32 {
    STRIP_NAME_SIZE * unit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn room() -> Area {
        Area { left: 100.0, top: 50.0, width: 800.0, height: 400.0 }
    }

    #[test]
    fn framed_nodes_and_their_names_fill_the_room_without_leaving_it() {
        // Two nodes 100 units apart across, names 60 wide and 20 high; radius 10 units.
        let nodes = [
            Framed { position: [-50.0, 0.0], radius: 10.0, label: [60.0, 20.0] },
            Framed { position: [50.0, 0.0], radius: 10.0, label: [60.0, 20.0] },
        ];
        let placement = fit(&nodes, room(), 100.0, 1.0);
        let (min, max) = extents(&nodes, placement.zoom, 1.0);
        // Width across: 100 z + 2 reach, with reach = 12 z (diamond) at this size; usable 800 - 56 = 744.
        // 124 z = 744: z = 6. Height: reach 12 z above + (10 z + 6 + 20) below = 22 z + 26 <= 344: z <= 14.5.
        assert!((placement.zoom - 6.0).abs() < 0.01, "{}", placement.zoom);
        let left = placement.offset[0] + min[0];
        let right = placement.offset[0] + max[0];
        assert!((left - 128.0).abs() < 0.1 && (right - 872.0).abs() < 0.1, "{left} {right}");
        let (top, bottom) = (placement.offset[1] + min[1], placement.offset[1] + max[1]);
        assert!(top >= 50.0 + 28.0 - 0.1 && bottom <= 450.0 - 28.0 + 0.1, "{top} {bottom}");
    }

    #[test]
    fn a_long_name_keeps_its_node_in_from_the_edge() {
        let nodes = [
            Framed { position: [0.0, 0.0], radius: 10.0, label: [20.0, 20.0] },
            Framed { position: [100.0, 0.0], radius: 10.0, label: [400.0, 20.0] },
        ];
        let placement = fit(&nodes, room(), 100.0, 1.0);
        let right_name = placement.place([100.0, 0.0])[0] + 200.0;
        assert!(right_name <= 900.0 - 28.0 + 0.1, "the name ends at {right_name}");
    }

    #[test]
    fn the_strip_lists_what_fits_and_counts_the_rest() {
        let names = ["A"; 12];
        let strip = strip(&names, room(), 1.0);
        // Rows from 150 every 52 down to 426: (450 - 150 - 24) / 52 = 5 fit, so 4 rows and "and 8 more".
        assert_eq!((strip.rows.len(), strip.more), (4, 8));
        assert_eq!(strip.rows[1].symbol, [154.0, 202.0]);
        assert_eq!(super::strip(&[], room(), 1.0).width, 0.0);
    }
}
