//! Painting the graph: all edges in one mesh (culled to the screen, curves only where records fan out, dashes
//! and arrows as triangles), then nodes, then labels placed greedily so that none overlap.

use eframe::egui::{Color32, Mesh, Pos2, Rect, Shape, Vec2, pos2, vec2};

use crate::scene::graph_style::{Arrowhead, Dash, EdgeStyle, NodeShape};

/// Screen distance between the bent edges of one pair of actors.
const FAN_SPACING: f32 = 16.0;
const ARROW_LENGTH: f32 = 11.0;
const CURVE_SEGMENTS: usize = 8;
/// Dashes (or dots) a frame may draw across all its edges, shared out between them: an edge of a small graph
/// gets up to [`MOST_DASHES`], one of 20,000 edges only [`FEWEST_DASHES`]; on a longer edge the gaps widen instead.
/// Without this, what an edge costs would grow with its length: 20,000 dotted edges on a large screen came to
/// 1.7 million vertices (33 MB copied every frame), where the pattern only has to tell dotted from solid.
const FRAME_DASHES: usize = 40_000;
const MOST_DASHES: usize = 48;
const FEWEST_DASHES: usize = 4;

/// A line on screen: straight, or a quadratic curve bent sideways by `bend` points.
#[derive(Debug, Clone, Copy)]
pub struct EdgeGeometry {
    pub start: Pos2,
    pub end: Pos2,
    pub bend: f32,
}

impl EdgeGeometry {
    /// From centre to centre, shortened to the node rims (`start_radius`, `end_radius` in screen points).
    pub fn between(from: Pos2, to: Pos2, start_radius: f32, end_radius: f32, fan_slot: i32) -> Option<EdgeGeometry> {
        let delta = to - from;
        let length = delta.length();
        if !length.is_finite() || length <= start_radius + end_radius + 1.0 {
            return None;
        }
        let direction = delta / length;
        Some(EdgeGeometry {
            start: from + direction * start_radius,
            end: to - direction * end_radius,
            bend: fan_slot as f32 * FAN_SPACING,
        })
    }

    fn control_point(&self) -> Pos2 {
        let delta = self.end - self.start;
        let normal = vec2(-delta.y, delta.x) / delta.length().max(1e-3);
        self.start + delta * 0.5 + normal * self.bend * 2.0
    }

    /// Points along the edge: two for a straight line, a few for a curve.
    pub fn points(&self) -> Vec<Pos2> {
        let mut points = Vec::with_capacity(CURVE_SEGMENTS + 1);
        self.points_into(&mut points);
        points
    }

    /// The same points, into a buffer reused across edges (no allocation per edge on the hot path).
    pub fn points_into(&self, points: &mut Vec<Pos2>) {
        points.clear();
        if self.bend == 0.0 {
            points.extend([self.start, self.end]);
            return;
        }
        let control = self.control_point();
        points.extend((0..=CURVE_SEGMENTS).map(|step| {
            let t = step as f32 / CURVE_SEGMENTS as f32;
            let u = 1.0 - t;
            pos2(
                u * u * self.start.x + 2.0 * u * t * control.x + t * t * self.end.x,
                u * u * self.start.y + 2.0 * u * t * control.y + t * t * self.end.y,
            )
        }));
    }

    /// A rectangle containing the whole edge, for culling.
    pub fn bounds(&self) -> Rect {
        let rect = Rect::from_two_pos(self.start, self.end);
        if self.bend == 0.0 { rect } else { rect.union(Rect::from_two_pos(self.control_point(), self.control_point())) }
    }

    /// Distance from a point to the drawn line, for hovering.
    pub fn distance_to(&self, point: Pos2) -> f32 {
        self.points().windows(2).map(|pair| distance_to_segment(point, pair[0], pair[1])).fold(f32::INFINITY, f32::min)
    }

    #[cfg(test)]
    pub fn midpoint(&self) -> Pos2 {
        let points = self.points();
        if points.len() == 2 { points[0] + (points[1] - points[0]) * 0.5 } else { points[points.len() / 2] }
    }
}

fn distance_to_segment(point: Pos2, start: Pos2, end: Pos2) -> f32 {
    let segment = end - start;
    let length_squared = segment.length_sq();
    if length_squared <= f32::EPSILON {
        return (point - start).length();
    }
    let t = ((point - start).dot(segment) / length_squared).clamp(0.0, 1.0);
    (point - (start + segment * t)).length()
}

/// Collects every edge of a frame into one mesh.
pub struct EdgeMesh {
    mesh: Mesh,
    points: Vec<Pos2>,
    most_dashes: usize,
}

impl EdgeMesh {
    pub fn new() -> EdgeMesh {
        EdgeMesh { mesh: Mesh::default(), points: Vec::with_capacity(CURVE_SEGMENTS + 1), most_dashes: MOST_DASHES }
    }

    /// For a frame of about `edges` edges: room for them as straight edges with arrows (so that the mesh grows
    /// once per frame, not per edge), and their share of the frame's dashes (see [`FRAME_DASHES`]).
    pub fn for_edges(edges: usize) -> EdgeMesh {
        let mut edge_mesh = EdgeMesh::new();
        edge_mesh.mesh.vertices.reserve(edges * 7);
        edge_mesh.mesh.indices.reserve(edges * 9);
        edge_mesh.most_dashes = (FRAME_DASHES / edges.max(1)).clamp(FEWEST_DASHES, MOST_DASHES);
        edge_mesh
    }

    pub fn add(&mut self, geometry: &EdgeGeometry, style: &EdgeStyle) {
        let mut line = std::mem::take(&mut self.points);
        geometry.points_into(&mut line);
        self.add_path(&mut line, style);
        self.points = line;
    }

    /// A line through `points` (at least two) in the edge's style, its arrowhead at the last point. The last
    /// point is moved back to the arrow's base.
    pub fn add_path(&mut self, line: &mut [Pos2], style: &EdgeStyle) {
        let (Some(&start), Some(&tip)) = (line.first(), line.last()) else { return };
        if line.len() < 2 {
            return;
        }
        let last_direction = (line[line.len() - 1] - line[line.len() - 2]).normalized();
        if style.arrow.is_some() {
            // Stop the line at the arrowhead, so that a wide line does not poke through the tip.
            let back = self.add_arrowhead(tip, last_direction, style);
            let base = tip - last_direction * back.min((tip - start).length() * 0.5);
            if let Some(last) = line.last_mut() {
                *last = base;
            }
        }
        match style.dash {
            Dash::Solid => self.add_polyline(line, style.width, style.colour.into()),
            dash => self.add_dashed(line, style.width, style.colour.into(), dash.pattern()),
        }
    }

    fn add_polyline(&mut self, points: &[Pos2], width: f32, colour: Color32) {
        for pair in points.windows(2) {
            self.add_segment(pair[0], pair[1], width, colour);
        }
    }

    /// A line in `pattern`: lengths of dash and gap in turn (dash, gap, dot, gap for dash-dot).
    fn add_dashed(&mut self, points: &[Pos2], width: f32, colour: Color32, pattern: &[f32]) {
        // Dashes keep their length, so that the patterns still differ; only the gaps widen on a long edge.
        let length: f32 = points.windows(2).map(|pair| (pair[1] - pair[0]).length()).sum();
        let (period, dashes) = (pattern.iter().sum::<f32>(), pattern.len().div_ceil(2) as f32);
        let drawn: f32 = pattern.iter().step_by(2).sum();
        let widen = ((length / self.most_dashes as f32 * dashes - drawn) / (period - drawn)).max(1.0);
        let part = |index: usize| if index.is_multiple_of(2) { pattern[index] } else { pattern[index] * widen };
        let mut index = 0;
        let mut drawing = true;
        let mut remaining = part(0);
        for pair in points.windows(2) {
            let (mut from, to) = (pair[0], pair[1]);
            let mut left = (to - from).length();
            let direction = if left > 0.0 { (to - from) / left } else { Vec2::ZERO };
            while left > 0.0 {
                let step = remaining.min(left);
                let next = from + direction * step;
                if drawing {
                    self.add_segment(from, next, width, colour);
                }
                from = next;
                left -= step;
                remaining -= step;
                if remaining <= 0.0 {
                    drawing = !drawing;
                    index = (index + 1) % pattern.len();
                    remaining = part(index);
                }
            }
        }
    }

    fn add_segment(&mut self, from: Pos2, to: Pos2, width: f32, colour: Color32) {
        let direction = (to - from).normalized();
        let half_width = vec2(-direction.y, direction.x) * (width * 0.5);
        let index = self.mesh.vertices.len() as u32;
        for corner in [from + half_width, from - half_width, to - half_width, to + half_width] {
            self.mesh.colored_vertex(corner, colour);
        }
        self.mesh.add_triangle(index, index + 1, index + 2);
        self.mesh.add_triangle(index, index + 2, index + 3);
    }

    /// The edge's arrowhead at `tip`; returns how far back from the tip the line should stop.
    fn add_arrowhead(&mut self, tip: Pos2, direction: Vec2, style: &EdgeStyle) -> f32 {
        let colour: Color32 = style.colour.into();
        let length = ARROW_LENGTH + style.width;
        let half_width = 4.0 + style.width * 0.6;
        let base = tip - direction * length;
        let side = vec2(-direction.y, direction.x) * half_width;
        let stroke = style.width.max(1.5);
        match style.arrow {
            Arrowhead::None => 0.0,
            Arrowhead::Triangle => {
                let index = self.mesh.vertices.len() as u32;
                for corner in [tip, base + side, base - side] {
                    self.mesh.colored_vertex(corner, colour);
                }
                self.mesh.add_triangle(index, index + 1, index + 2);
                length
            }
            Arrowhead::Open => {
                self.add_segment(base + side, tip, stroke, colour);
                self.add_segment(base - side, tip, stroke, colour);
                stroke
            }
            Arrowhead::Bar => {
                let at = tip - direction * (stroke * 0.5);
                self.add_segment(at + side, at - side, stroke, colour);
                stroke * 0.5
            }
            Arrowhead::Dot => {
                let radius = half_width * 0.8;
                let centre = tip - direction * radius;
                let first = self.mesh.vertices.len() as u32;
                self.mesh.colored_vertex(centre, colour);
                for corner in 0..12 {
                    let angle = std::f32::consts::TAU * corner as f32 / 12.0;
                    self.mesh.colored_vertex(centre + vec2(angle.cos(), angle.sin()) * radius, colour);
                }
                for corner in 0..12 {
                    self.mesh.add_triangle(first, first + 1 + corner, first + 1 + (corner + 1) % 12);
                }
                radius
            }
        }
    }

    pub fn into_shape(self) -> Shape {
        Shape::mesh(self.mesh)
    }

    pub fn into_mesh(self) -> Mesh {
        self.mesh
    }
}

/// Every node of a frame in one mesh of plain polygons: cheaper to tessellate than thousands of shapes.
pub struct NodeMesh {
    mesh: Mesh,
}

impl NodeMesh {
    pub fn with_capacity(nodes: usize) -> NodeMesh {
        let mut mesh = Mesh::default();
        mesh.vertices.reserve(nodes * 17);
        mesh.indices.reserve(nodes * 48);
        NodeMesh { mesh }
    }

    pub fn add(&mut self, centre: Pos2, radius: f32, shape: NodeShape, fill: Color32) {
        // Small circles need few sides to look round.
        let sides = if radius < 6.0 {
            10
        } else if radius < 16.0 {
            18
        } else {
            28
        };
        match shape {
            NodeShape::Circle => self.add_fan(centre, radius, sides, 0.0, fill),
            NodeShape::Square => self.add_fan(centre, radius * 1.27, 4, 45.0, fill),
            NodeShape::Diamond => self.add_fan(centre, radius * 1.2, 4, 0.0, fill),
            NodeShape::Triangle => self.add_fan(centre, radius * 1.25, 3, 270.0, fill),
            NodeShape::Ring => self.add_ring(centre, radius * 0.62, radius, sides, fill),
            NodeShape::Hexagon => self.add_fan(centre, radius * 1.1, 6, 0.0, fill),
        }
    }

    /// A regular polygon around `centre`, its first corner at `start_degrees`.
    fn add_fan(&mut self, centre: Pos2, radius: f32, sides: usize, start_degrees: f32, fill: Color32) {
        let first = self.mesh.vertices.len() as u32;
        self.mesh.colored_vertex(centre, fill);
        for side in 0..sides {
            let angle = (start_degrees + 360.0 * side as f32 / sides as f32).to_radians();
            self.mesh.colored_vertex(centre + vec2(angle.cos(), angle.sin()) * radius, fill);
        }
        for side in 0..sides as u32 {
            self.mesh.add_triangle(first, first + 1 + side, first + 1 + (side + 1) % sides as u32);
        }
    }

    fn add_ring(&mut self, centre: Pos2, inner: f32, outer: f32, sides: usize, fill: Color32) {
        let first = self.mesh.vertices.len() as u32;
        for side in 0..sides {
            let angle = (360.0 * side as f32 / sides as f32).to_radians();
            let direction = vec2(angle.cos(), angle.sin());
            self.mesh.colored_vertex(centre + direction * inner, fill);
            self.mesh.colored_vertex(centre + direction * outer, fill);
        }
        for side in 0..sides as u32 {
            let next = (side + 1) % sides as u32;
            let (inner_here, outer_here) = (first + 2 * side, first + 2 * side + 1);
            let (inner_next, outer_next) = (first + 2 * next, first + 2 * next + 1);
            self.mesh.add_triangle(inner_here, outer_here, outer_next);
            self.mesh.add_triangle(inner_here, outer_next, inner_next);
        }
    }

    pub fn into_shape(self) -> Shape {
        Shape::mesh(self.mesh)
    }

    pub fn into_mesh(self) -> Mesh {
        self.mesh
    }
}

/// Places labels in priority order, skipping any that would overlap one already placed.
///
/// What is placed is filed in a grid of square cells over the area drawn (a rectangle beyond it is filed in the
/// nearest border cell), so that a new label is tested only against its neighbours: thousands of labels a frame.
pub struct LabelPlacer {
    placed: Vec<Rect>,
    area: Rect,
    columns: usize,
    rows: usize,
    /// Per cell, row by row: the indices in `placed` of what overlaps it.
    cells: Vec<Vec<u32>>,
}

impl LabelPlacer {
    /// Side of a grid cell, in points: about a label's width, so that a label spans few cells.
    const CELL_SIZE: f32 = 64.0;

    /// A placer for what is drawn within `area` (the screen, usually).
    pub fn within(area: Rect) -> LabelPlacer {
        let count = |length: f32| ((length / Self::CELL_SIZE).ceil() as usize).clamp(1, 1024);
        let (columns, rows) =
            if area.is_finite() && area.is_positive() { (count(area.width()), count(area.height())) } else { (1, 1) };
        LabelPlacer { placed: Vec::new(), area, columns, rows, cells: vec![Vec::new(); columns * rows] }
    }

    /// Reserves the rectangle of something already drawn (a node) so that labels avoid it.
    pub fn reserve(&mut self, rect: Rect) {
        self.insert(rect);
    }

    /// The cells a rectangle overlaps, as ranges of columns and rows.
    fn cell_ranges(&self, rect: Rect) -> (std::ops::RangeInclusive<usize>, std::ops::RangeInclusive<usize>) {
        let column = |x: f32| (((x - self.area.min.x) / Self::CELL_SIZE).max(0.0) as usize).min(self.columns - 1);
        let row = |y: f32| (((y - self.area.min.y) / Self::CELL_SIZE).max(0.0) as usize).min(self.rows - 1);
        (column(rect.min.x)..=column(rect.max.x), row(rect.min.y)..=row(rect.max.y))
    }

    fn insert(&mut self, rect: Rect) {
        let index = self.placed.len() as u32;
        self.placed.push(rect);
        let (columns, rows) = self.cell_ranges(rect);
        for row in rows {
            for column in columns.clone() {
                self.cells[row * self.columns + column].push(index);
            }
        }
    }

    /// True (and reserved) when `rect` overlaps nothing placed so far.
    pub fn try_place(&mut self, rect: Rect) -> bool {
        let free = !self.overlaps(rect);
        if free {
            self.insert(rect);
        }
        free
    }

    /// Whether `rect` overlaps anything placed so far.
    pub fn overlaps(&self, rect: Rect) -> bool {
        let (columns, rows) = self.cell_ranges(rect);
        rows.into_iter().any(|row| {
            self.cells[row * self.columns..][columns.clone()]
                .iter()
                .any(|cell| cell.iter().any(|&index| self.placed[index as usize].intersects(rect)))
        })
    }
}

/// Where a label of `size` may go around a node, in order of preference: below, above, right, left.
pub fn label_rects(centre: Pos2, radius: f32, size: Vec2) -> [Rect; 4] {
    let plate = size + vec2(6.0, 2.0);
    let gap = radius + 3.0;
    [
        Rect::from_min_size(pos2(centre.x - plate.x / 2.0, centre.y + gap), plate),
        Rect::from_min_size(pos2(centre.x - plate.x / 2.0, centre.y - gap - plate.y), plate),
        Rect::from_min_size(pos2(centre.x + gap, centre.y - plate.y / 2.0), plate),
        Rect::from_min_size(pos2(centre.x - gap - plate.x, centre.y - plate.y / 2.0), plate),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_stop_at_the_node_rims() {
        let geometry = EdgeGeometry::between(pos2(0.0, 0.0), pos2(100.0, 0.0), 10.0, 20.0, 0).unwrap();
        assert_eq!(geometry.start, pos2(10.0, 0.0));
        assert_eq!(geometry.end, pos2(80.0, 0.0));
        assert!(EdgeGeometry::between(pos2(0.0, 0.0), pos2(25.0, 0.0), 10.0, 20.0, 0).is_none(), "overlapping nodes");
    }

    #[test]
    fn fanned_edges_bend_to_opposite_sides() {
        let left = EdgeGeometry::between(pos2(0.0, 0.0), pos2(100.0, 0.0), 0.0, 0.0, 1).unwrap();
        let right = EdgeGeometry::between(pos2(0.0, 0.0), pos2(100.0, 0.0), 0.0, 0.0, -1).unwrap();
        assert!(left.midpoint().y > 5.0 && right.midpoint().y < -5.0, "{:?} {:?}", left.midpoint(), right.midpoint());
        assert!(left.distance_to(left.midpoint()) < 0.01);
    }

    /// The quads (dashes) drawn for a dotted edge of `length` points, without an arrowhead.
    fn dots_on(mut mesh: EdgeMesh, length: f32) -> usize {
        let style = EdgeStyle {
            colour: crate::scene::Rgba(0, 0, 0, 255),
            width: 1.0,
            dash: Dash::Dotted,
            arrow: Arrowhead::None,
        };
        mesh.add_path(&mut [pos2(0.0, 0.0), pos2(length, 0.0)], &style);
        mesh.into_mesh().vertices.len() / 4
    }

    #[test]
    fn long_dashed_edges_widen_their_gaps_instead_of_drawing_ever_more_dashes() {
        // Dots of 2.5 points every 7: a short edge keeps its pattern.
        assert_eq!(dots_on(EdgeMesh::new(), 70.0), 10);
        assert_eq!(dots_on(EdgeMesh::for_edges(20_000), 21.0), 3);
        // A long one is capped, the more so the more edges share the frame.
        assert_eq!(dots_on(EdgeMesh::new(), 7_000.0), MOST_DASHES);
        assert_eq!(dots_on(EdgeMesh::for_edges(200), 7_000.0), MOST_DASHES);
        assert_eq!(dots_on(EdgeMesh::for_edges(4_000), 7_000.0), 10);
        assert_eq!(dots_on(EdgeMesh::for_edges(20_000), 700.0), FEWEST_DASHES);
    }

    #[test]
    fn labels_never_overlap() {
        let mut placer = LabelPlacer::within(Rect::from_min_size(pos2(0.0, 0.0), vec2(400.0, 300.0)));
        let first = Rect::from_min_size(pos2(0.0, 0.0), vec2(80.0, 16.0));
        assert!(placer.try_place(first));
        assert!(!placer.try_place(first.translate(vec2(40.0, 8.0))));
        assert!(placer.try_place(first.translate(vec2(0.0, 20.0))));
        assert!(placer.try_place(first.translate(vec2(500.0, 500.0))));
        // Beyond the area, in its border cells, the test is as exact.
        assert!(!placer.try_place(first.translate(vec2(520.0, 505.0))));
        assert!(placer.try_place(first.translate(vec2(-300.0, -40.0))));
        assert!(placer.try_place(first.translate(vec2(-300.0, -20.0))));
        assert!(!placer.try_place(first.translate(vec2(-250.0, -30.0))));
    }
}
