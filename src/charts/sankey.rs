//! Geometry of a three-column Sankey (flow) diagram: suppliers → transit → consumers.
//!
//! Everything here is pure arithmetic in a unit box of a given height (y grows downwards from 0).
//! The module knows nothing of drawing: the UI scales the layout into screen space and paints each
//! band from its outline.

use std::collections::{BTreeMap, HashMap};

/// Barycentres are compared in steps of this fraction of the height, so that nodes fed by the same
/// neighbours tie exactly despite rounding error and the tie-breakers (total, label) decide.
const BARYCENTRE_STEP: f64 = 1e-6;

/// Most segments per edge `band_outline` will produce, so a silly request cannot exhaust memory.
const MAX_SEGMENTS: usize = 4096;

/// One energy-flow record passing through all three columns.
#[derive(Debug, Clone, PartialEq)]
pub struct SankeyLink {
    pub source: String,
    pub middle: String,
    pub target: String,
    pub weight: f64,
    /// Index of the record it came from.
    pub record: usize,
}

/// The three columns, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    Source,
    Middle,
    Target,
}

impl Column {
    /// All columns, left to right.
    pub const ALL: [Column; 3] = [Column::Source, Column::Middle, Column::Target];

    /// The column's x index: 0, 1 or 2.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The column to the left, if any.
    fn previous(self) -> Option<Column> {
        match self {
            Column::Source => None,
            Column::Middle => Some(Column::Source),
            Column::Target => Some(Column::Middle),
        }
    }

    /// The label a link carries in this column.
    fn label(self, link: &SankeyLink) -> &str {
        match self {
            Column::Source => &link.source,
            Column::Middle => &link.middle,
            Column::Target => &link.target,
        }
    }
}

/// A placed node; nodes are identified by (column, label).
#[derive(Debug, Clone, PartialEq)]
pub struct SankeyNode {
    pub label: String,
    pub column: Column,
    pub total: f64,
    pub top: f32,
    pub bottom: f32,
}

/// One link is drawn as two bands: source→middle and middle→target.
#[derive(Debug, Clone, PartialEq)]
pub struct SankeyBand {
    pub record: usize,
    /// Index of the node on the left, in `SankeyLayout::nodes`.
    pub from: usize,
    /// Index of the node on the right, in `SankeyLayout::nodes`.
    pub to: usize,
    pub weight: f64,
    pub from_top: f32,
    pub from_bottom: f32,
    pub to_top: f32,
    pub to_bottom: f32,
}

/// Nodes grouped Source, Middle, Target (each top to bottom); bands in link order, two per link.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SankeyLayout {
    pub nodes: Vec<SankeyNode>,
    pub bands: Vec<SankeyBand>,
}

/// A node before it is placed.
struct Tally<'a> {
    label: &'a str,
    total: f64,
    /// Total in units of the largest link weight, so sums of huge weights stay finite.
    relative: f64,
    /// Weighted mean centre of the nodes it connects to in the previous column, in steps of
    /// `BARYCENTRE_STEP` of the height (0 for sources).
    barycentre: f64,
}

/// One layout in progress: the valid links and the nodes placed so far.
struct Builder<'a> {
    /// Each valid link with its weight relative to the largest, so sums of huge weights stay finite.
    links: Vec<(&'a SankeyLink, f64)>,
    height: f64,
    gap: f64,
    /// Height per unit of relative weight, common to all columns.
    scale: f64,
    nodes: Vec<SankeyNode>,
    /// Where each (column, label) node is in `nodes`.
    index: HashMap<(Column, &'a str), usize>,
}

/// Lay out the links in a box of the given height (y grows downwards from 0), with `gap` between nodes in one column.
///
/// Links whose weight is not finite or not positive are skipped. A height or gap that is negative or
/// not finite counts as 0. Gaps never take more than half the height: if they would in the fullest
/// column, the gap is shrunk (for every column alike) so they take exactly half, which keeps every
/// column's room for nodes positive.
pub fn layout(links: &[SankeyLink], height: f32, gap: f32) -> SankeyLayout {
    let usable = |link: &&SankeyLink| link.weight.is_finite() && link.weight > 0.0;
    let largest = links.iter().filter(usable).map(|link| link.weight).fold(0.0, f64::max);
    if largest <= 0.0 {
        return SankeyLayout::default();
    }
    let links: Vec<_> = links.iter().filter(usable).map(|link| (link, link.weight / largest)).collect();
    let height = non_negative(height);
    let tallies = Column::ALL.map(|column| tally(&links, column));
    let most_nodes = tallies.iter().map(Vec::len).max().unwrap_or(1);
    let gap = fitted_gap(height, non_negative(gap), most_nodes);
    let scale = common_scale(&tallies, height, gap);
    let mut builder = Builder { links, height, gap, scale, nodes: Vec::new(), index: HashMap::new() };
    for (column, mut column_tallies) in Column::ALL.into_iter().zip(tallies) {
        builder.set_barycentres(column, &mut column_tallies);
        sort_column(&mut column_tallies);
        builder.place_column(column, column_tallies);
    }
    let bands = builder.bands();
    SankeyLayout { nodes: builder.nodes, bands }
}

/// The value as f64, with anything negative or not finite replaced by 0.
fn non_negative(value: f32) -> f64 {
    if value.is_finite() && value > 0.0 { f64::from(value) } else { 0.0 }
}

/// The nodes of one column with their totals, in label order.
fn tally<'a>(links: &[(&'a SankeyLink, f64)], column: Column) -> Vec<Tally<'a>> {
    let mut sums: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for &(link, relative) in links {
        let sum = sums.entry(column.label(link)).or_default();
        sum.0 += link.weight;
        sum.1 += relative;
    }
    sums.into_iter().map(|(label, (total, relative))| Tally { label, total, relative, barycentre: 0.0 }).collect()
}

/// The gap actually used: as given, unless the gaps of the fullest column would take more than half
/// the height; then shrunk so they take exactly half. This is continuous in its inputs and leaves
/// every column at least half the height for its nodes.
fn fitted_gap(height: f64, gap: f64, most_nodes: usize) -> f64 {
    if most_nodes < 2 { gap } else { gap.min(height / (2.0 * (most_nodes - 1) as f64)) }
}

/// The largest height-per-unit-weight at which every column, gaps included, fits in the height.
fn common_scale(tallies: &[Vec<Tally>; 3], height: f64, gap: f64) -> f64 {
    let column_scale = |column: &Vec<Tally>| {
        let total: f64 = column.iter().map(|tally| tally.relative).sum();
        let room = height - gap * column.len().saturating_sub(1) as f64;
        if total > 0.0 { room / total } else { 0.0 }
    };
    tallies.iter().map(column_scale).fold(f64::INFINITY, f64::min)
}

/// Top to bottom: by barycentre, then by total descending, then by label (sources all have barycentre 0).
fn sort_column(tallies: &mut [Tally]) {
    tallies.sort_by(|a, b| {
        (a.barycentre.total_cmp(&b.barycentre)).then(b.relative.total_cmp(&a.relative)).then(a.label.cmp(b.label))
    });
}

impl<'a> Builder<'a> {
    /// Set each node's barycentre: the weighted mean centre of the nodes it connects to in the
    /// previous (already placed) column. Ordering by it keeps bands level and so reduces crossings.
    fn set_barycentres(&self, column: Column, tallies: &mut [Tally]) {
        let Some(previous) = column.previous() else { return };
        let mut sums: HashMap<&str, (f64, f64)> = HashMap::new();
        for &(link, relative) in &self.links {
            let node = &self.nodes[self.index[&(previous, previous.label(link))]];
            let centre = (f64::from(node.top) + f64::from(node.bottom)) / 2.0;
            let sum = sums.entry(column.label(link)).or_default();
            sum.0 += relative * centre;
            sum.1 += relative;
        }
        for tally in tallies {
            let (moment, mass) = sums.get(tally.label).copied().unwrap_or_default();
            let usable = mass > 0.0 && self.height > 0.0;
            tally.barycentre = if usable { (moment / mass / self.height / BARYCENTRE_STEP).round() } else { 0.0 };
        }
    }

    /// Append the column's nodes top to bottom, the stack centred in the height.
    fn place_column(&mut self, column: Column, tallies: Vec<Tally<'a>>) {
        let filled: f64 = tallies.iter().map(|tally| tally.relative * self.scale).sum();
        let stack = filled + self.gap * tallies.len().saturating_sub(1) as f64;
        let mut cursor = ((self.height - stack) / 2.0).max(0.0);
        for tally in tallies {
            let bottom = cursor + tally.relative * self.scale;
            self.index.insert((column, tally.label), self.nodes.len());
            let (label, total) = (tally.label.to_string(), tally.total);
            self.nodes.push(SankeyNode { label, column, total, top: cursor as f32, bottom: bottom as f32 });
            cursor = bottom + self.gap;
        }
    }

    /// Two bands per link, in link order, with both ends stacked inside their nodes.
    fn bands(&self) -> Vec<SankeyBand> {
        let mut bands = Vec::with_capacity(self.links.len() * 2);
        let mut stacking = Vec::with_capacity(self.links.len() * 2);
        for &(link, relative) in &self.links {
            let [source, middle, target] = Column::ALL.map(|column| self.index[&(column, column.label(link))]);
            for (from, to, far_node) in [(source, middle, target), (middle, target, source)] {
                let (record, weight) = (link.record, link.weight);
                let unstacked = SankeyBand {
                    record,
                    from,
                    to,
                    weight,
                    from_top: 0.0,
                    from_bottom: 0.0,
                    to_top: 0.0,
                    to_bottom: 0.0,
                };
                bands.push(unstacked);
                stacking.push((far_node, relative * self.scale));
            }
        }
        self.stack_ends(&mut bands, &stacking, true);
        self.stack_ends(&mut bands, &stacking, false);
        bands
    }

    /// Stack one end (`leaving`: the left end, else the right end) of every band inside its node, top
    /// to bottom without gaps, ordered by the position of the band's other end so that bands sharing
    /// a node do not cross there. Bands joining the same two nodes are ordered by their link's node in
    /// the remaining column, so a link runs straight through the middle node, then by record; both
    /// ends use the same order, so such bands never cross either. `stacking` holds each band's
    /// (node in the remaining column, thickness).
    fn stack_ends(&self, bands: &mut [SankeyBand], stacking: &[(usize, f64)], leaving: bool) {
        let ends = |band: &SankeyBand| if leaving { (band.from, band.to) } else { (band.to, band.from) };
        let mut order: Vec<usize> = (0..bands.len()).collect();
        order.sort_by_key(|&band| {
            let (node, other) = ends(&bands[band]);
            (node, other, stacking[band].0, bands[band].record, band)
        });
        let (mut current_node, mut cursor) = (usize::MAX, 0.0);
        for index in order {
            let band = &mut bands[index];
            let (node, _) = ends(band);
            if node != current_node {
                (current_node, cursor) = (node, f64::from(self.nodes[node].top));
            }
            let (top, bottom) = (cursor as f32, (cursor + stacking[index].1) as f32);
            cursor += stacking[index].1;
            if leaving {
                (band.from_top, band.from_bottom) = (top, bottom);
            } else {
                (band.to_top, band.to_bottom) = (top, bottom);
            }
        }
    }
}

/// The closed outline of a band drawn between x positions `x_from` and `x_to`, as points (top edge from left to right, then bottom edge from right to left), with `segments` segments per edge, the edges following a smooth S-curve (e.g. smoothstep or cubic Bézier with horizontal tangents at both ends).
///
/// The curve is smoothstep in x; `segments` is clamped to 1..=4096. Gives `2 * (segments + 1)` points.
pub fn band_outline(band: &SankeyBand, x_from: f32, x_to: f32, segments: usize) -> Vec<[f32; 2]> {
    let segments = segments.clamp(1, MAX_SEGMENTS);
    let samples: Vec<(f32, f32, f32)> = (0..=segments)
        .map(|step| {
            let progress = step as f32 / segments as f32;
            let (top, bottom) = edges_at(band, progress);
            (mix(x_from, x_to, progress), top, bottom)
        })
        .collect();
    let top_edge = samples.iter().map(|&(x, top, _)| [x, top]);
    let bottom_edge = samples.iter().rev().map(|&(x, _, bottom)| [x, bottom]);
    top_edge.chain(bottom_edge).collect()
}

/// Whether a point lies on the band (between its top and bottom curves at that x, and x within [x_from, x_to]).
pub fn band_contains(band: &SankeyBand, x_from: f32, x_to: f32, point: [f32; 2]) -> bool {
    let [x, y] = point;
    if !(x_from.min(x_to)..=x_from.max(x_to)).contains(&x) {
        return false;
    }
    let (top, bottom) = edges_at(band, progress(x_from, x_to, x));
    (top..=bottom).contains(&y)
}

/// The centre y of the band at x (for placing hover tooltips/labels), along the same curve.
///
/// An x outside the span gives the centre of the nearer end.
pub fn band_centre(band: &SankeyBand, x_from: f32, x_to: f32, x: f32) -> f32 {
    let (top, bottom) = edges_at(band, progress(x_from, x_to, x));
    (top + bottom) / 2.0
}

/// How far `x` lies from `x_from` towards `x_to`, clamped to [0, 1]; 0 when that is undefined.
fn progress(x_from: f32, x_to: f32, x: f32) -> f32 {
    let progress = (x - x_from) / (x_to - x_from);
    if progress.is_nan() { 0.0 } else { progress.clamp(0.0, 1.0) }
}

/// The band's top and bottom y at `progress` along it.
fn edges_at(band: &SankeyBand, progress: f32) -> (f32, f32) {
    let eased = smoothstep(progress);
    (mix(band.from_top, band.to_top, eased), mix(band.from_bottom, band.to_bottom, eased))
}

/// Flat at 0 and 1, so bands leave and enter their nodes horizontally.
fn smoothstep(progress: f32) -> f32 {
    progress * progress * (3.0 - 2.0 * progress)
}

/// Linear interpolation written so that 0 gives exactly `start` and 1 exactly `end`.
pub(super) fn mix(start: f32, end: f32, amount: f32) -> f32 {
    start * (1.0 - amount) + end * amount
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::charts) fn link(source: &str, middle: &str, target: &str, weight: f64, record: usize) -> SankeyLink {
        SankeyLink { source: source.into(), middle: middle.into(), target: target.into(), weight, record }
    }

    pub(in crate::charts) fn node<'a>(layout: &'a SankeyLayout, column: Column, label: &str) -> &'a SankeyNode {
        layout.nodes.iter().find(|node| node.column == column && node.label == label).expect("node exists")
    }

    /// (top, bottom) of a node.
    fn span(layout: &SankeyLayout, column: Column, label: &str) -> (f32, f32) {
        let node = node(layout, column, label);
        (node.top, node.bottom)
    }

    fn ends(band: &SankeyBand) -> [f32; 4] {
        [band.from_top, band.from_bottom, band.to_top, band.to_bottom]
    }

    fn sample_band() -> SankeyBand {
        let (from_top, from_bottom, to_top, to_bottom) = (0.0, 10.0, 50.0, 70.0);
        SankeyBand { record: 0, from: 0, to: 1, weight: 1.0, from_top, from_bottom, to_top, to_bottom }
    }

    #[test]
    fn single_link_fills_height_in_every_column() {
        let result = layout(&[link("X", "X", "X", 5.0, 7)], 100.0, 10.0);
        assert_eq!(result.nodes.len(), 3, "same label in three columns is three nodes");
        for (node, column) in result.nodes.iter().zip(Column::ALL) {
            assert_eq!((node.column, node.total, node.top, node.bottom), (column, 5.0, 0.0, 100.0));
        }
        assert_eq!(result.bands.len(), 2);
        assert_eq!((result.bands[0].from, result.bands[0].to, result.bands[0].record), (0, 1, 7));
        assert_eq!((result.bands[1].from, result.bands[1].to, result.bands[1].record), (1, 2, 7));
        for band in &result.bands {
            assert_eq!(ends(band), [0.0, 100.0, 0.0, 100.0]);
        }
    }

    #[test]
    fn two_suppliers_stack_into_one_middle_and_consumer() {
        // Source column: room 100 - 10 = 90 for total 4, so scale 22.5; the other columns would allow 25.
        let result = layout(&[link("B", "M", "Z", 1.0, 0), link("A", "M", "Z", 3.0, 1)], 100.0, 10.0);
        let labels: Vec<&str> = result.nodes.iter().map(|node| node.label.as_str()).collect();
        assert_eq!(labels, ["A", "B", "M", "Z"], "sources by total descending");
        assert_eq!(span(&result, Column::Source, "A"), (0.0, 67.5));
        assert_eq!(span(&result, Column::Source, "B"), (77.5, 100.0));
        assert_eq!(span(&result, Column::Middle, "M"), (5.0, 95.0), "90 tall, centred");
        assert_eq!(span(&result, Column::Target, "Z"), (5.0, 95.0));
        // Bands in link order: B's two bands, then A's; A's sits above B's in M and Z.
        assert_eq!(ends(&result.bands[0]), [77.5, 100.0, 72.5, 95.0]);
        assert_eq!(ends(&result.bands[1]), [72.5, 95.0, 72.5, 95.0]);
        assert_eq!(ends(&result.bands[2]), [0.0, 67.5, 5.0, 72.5]);
        assert_eq!(ends(&result.bands[3]), [5.0, 72.5, 5.0, 72.5]);
        assert_eq!(node(&result, Column::Middle, "M").total, 4.0);
    }

    #[test]
    fn common_scale_keeps_columns_comparable() {
        // Target column is fullest (two nodes, room 90 for total 4): scale 22.5 for every column.
        let result = layout(&[link("A", "M", "X", 3.0, 0), link("A", "M", "Y", 1.0, 1)], 100.0, 10.0);
        assert_eq!(span(&result, Column::Source, "A"), (5.0, 95.0));
        assert_eq!(span(&result, Column::Middle, "M"), (5.0, 95.0));
        assert_eq!(span(&result, Column::Target, "X"), (0.0, 67.5));
        assert_eq!(span(&result, Column::Target, "Y"), (77.5, 100.0));
        assert_eq!(67.5 / 22.5, 3.0, "consumers are 3:1 in height");
        assert_eq!(ends(&result.bands[0]), [5.0, 72.5, 5.0, 72.5]);
        assert_eq!(ends(&result.bands[1]), [5.0, 72.5, 0.0, 67.5]);
        assert_eq!(ends(&result.bands[3]), [72.5, 95.0, 77.5, 100.0]);
    }

    #[test]
    fn gaps_separate_nodes_and_short_stacks_are_centred() {
        let links = [link("C", "M", "Z", 1.0, 0), link("B", "M", "Z", 1.0, 1), link("A", "M", "Z", 1.0, 2)];
        // Room 100 - 2 * 5 = 90 for total 3: 30 per unit. Equal totals fall back to label order.
        let result = layout(&links, 100.0, 5.0);
        assert_eq!(span(&result, Column::Source, "A"), (0.0, 30.0));
        assert_eq!(span(&result, Column::Source, "B"), (35.0, 65.0));
        assert_eq!(span(&result, Column::Source, "C"), (70.0, 100.0));
        assert_eq!(span(&result, Column::Middle, "M"), (5.0, 95.0));
    }

    #[test]
    fn oversized_gap_shrinks_to_half_the_height() {
        let links = [link("A", "M", "Z", 1.0, 0), link("B", "M", "Z", 1.0, 1), link("C", "M", "Z", 1.0, 2)];
        // Two gaps may take at most 10 / 2 = 5, so the gap is 2.5 and the nodes share the other 5.
        let result = layout(&links, 10.0, 100.0);
        assert_eq!(span(&result, Column::Source, "A"), (0.0, 5.0 / 3.0));
        let (b_top, _) = span(&result, Column::Source, "B");
        assert!((b_top - (5.0 / 3.0 + 2.5)).abs() < 1e-5);
        assert!((span(&result, Column::Source, "C").1 - 10.0).abs() < 1e-5);
        assert_eq!(span(&result, Column::Middle, "M"), (2.5, 7.5));
    }

    #[test]
    fn barycentre_puts_middle_fed_from_top_above() {
        // Sources: A (3) on top, then B and C (2 each). "Zeta" is fed by A only; "Alpha" by B and C and
        // is bigger and earlier in label order, yet must go below because its feeders are lower.
        let links = [link("B", "Alpha", "X", 2.0, 0), link("C", "Alpha", "X", 2.0, 1), link("A", "Zeta", "Y", 3.0, 2)];
        let result = layout(&links, 100.0, 0.0);
        let labels: Vec<&str> = result.nodes.iter().map(|node| node.label.as_str()).collect();
        assert_eq!(labels, ["A", "B", "C", "Zeta", "Alpha", "Y", "X"]);
        // 100 / 7 per unit: Zeta takes 3 units on top.
        assert!((span(&result, Column::Middle, "Zeta").1 - 300.0 / 7.0).abs() < 1e-4);
    }

    #[test]
    fn invalid_weights_are_skipped() {
        let bad = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0, 0.0];
        let mut links: Vec<SankeyLink> =
            bad.iter().enumerate().map(|(record, &weight)| link("Bad", "Bad", "Bad", weight, record)).collect();
        assert_eq!(layout(&links, 100.0, 10.0), SankeyLayout::default());
        assert_eq!(layout(&[], 100.0, 10.0), SankeyLayout::default());
        links.insert(2, link("A", "M", "Z", 2.0, 9));
        let result = layout(&links, 100.0, 10.0);
        assert_eq!(result.nodes.len(), 3);
        assert!(result.nodes.iter().all(|node| node.label != "Bad" && node.total == 2.0));
        assert_eq!(result.bands.len(), 2);
        assert_eq!(result.bands[0].record, 9);
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let huge = [link("", "", "", f64::MAX, 0), link("", "", "b", f64::MAX, 1), link("a", "", "", 1e-300, 2)];
        let result = layout(&huge, 100.0, 1.0);
        assert!(result.nodes.iter().all(|node| node.top.is_finite() && node.bottom <= 100.0));
        assert_eq!(node(&result, Column::Middle, "").total, f64::INFINITY);
        for (height, gap) in [(0.0, 5.0), (f32::NAN, f32::NAN), (-10.0, -1.0), (f32::INFINITY, 1.0)] {
            let result = layout(&huge, height, gap);
            assert!(result.nodes.iter().all(|node| node.top == 0.0 && node.bottom == 0.0));
        }
        let band = &result.bands[0];
        assert_eq!(band_outline(band, 0.0, 1.0, usize::MAX).len(), 2 * (MAX_SEGMENTS + 1));
        assert_eq!(band_outline(band, f32::NAN, 1.0, 0).len(), 4);
        assert!(!band_contains(band, 0.0, 1.0, [f32::NAN, 0.0]));
        assert!(band_centre(band, 3.0, 3.0, 3.0).is_finite());
    }

    #[test]
    fn outline_starts_and_ends_at_band_corners() {
        let band = sample_band();
        let outline = band_outline(&band, 0.0, 100.0, 8);
        assert_eq!(outline.len(), 18);
        assert_eq!(outline[0], [0.0, 0.0], "top left");
        assert_eq!(outline[4], [50.0, 25.0], "smoothstep is halfway at the middle");
        assert_eq!(outline[8], [100.0, 50.0], "top right");
        assert_eq!(outline[9], [100.0, 70.0], "bottom right");
        assert_eq!(outline[17], [0.0, 10.0], "bottom left");
        // Horizontal tangent: the first step moves far less than a straight line would (6.25).
        assert!(outline[1][1] < 6.25 / 2.0);
    }

    #[test]
    fn contains_points_on_the_band_only() {
        let band = sample_band();
        // At x = 50 the band spans 25..40.
        assert!(band_contains(&band, 0.0, 100.0, [50.0, 32.5]));
        assert!(!band_contains(&band, 0.0, 100.0, [50.0, 24.9]));
        assert!(!band_contains(&band, 0.0, 100.0, [50.0, 40.1]));
        assert!(band_contains(&band, 0.0, 100.0, [0.0, 5.0]));
        assert!(!band_contains(&band, 0.0, 100.0, [-0.1, 5.0]));
        assert!(!band_contains(&band, 0.0, 100.0, [100.1, 60.0]));
    }

    #[test]
    fn centre_follows_the_curve() {
        let band = sample_band();
        assert_eq!(band_centre(&band, 0.0, 100.0, 0.0), 5.0);
        assert_eq!(band_centre(&band, 0.0, 100.0, 100.0), 60.0);
        assert_eq!(band_centre(&band, 0.0, 100.0, 50.0), 32.5);
        assert_eq!(band_centre(&band, 0.0, 100.0, 500.0), 60.0, "clamped to the nearer end");
    }

    #[test]
    fn layout_is_deterministic() {
        let links: Vec<SankeyLink> = (0..40)
            .map(|record| {
                let label = |modulus: usize| format!("n{}", record * 7 % modulus);
                link(&label(5), &label(3), &label(4), 1.0 + (record % 3) as f64, record)
            })
            .collect();
        let first = layout(&links, 300.0, 4.0);
        for _ in 0..5 {
            assert_eq!(layout(&links, 300.0, 4.0), first);
        }
    }

    /// Tiny xorshift generator, so the property test needs no crates.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, bound: u64) -> u64 {
            self.next() % bound
        }

        fn unit(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    fn random_links(random: &mut XorShift) -> Vec<SankeyLink> {
        let count = random.below(12) + 1;
        (0..count as usize)
            .map(|record| {
                let mut label = |pool: u64| format!("n{}", random.below(pool));
                let (source, middle, target) = (label(4), label(3), label(5));
                let weight = match random.below(10) {
                    0 => [f64::NAN, -1.0, 0.0][random.below(3) as usize],
                    _ => 0.01 + random.unit() * 10.0,
                };
                link(&source, &middle, &target, weight, record)
            })
            .collect()
    }

    /// The ends of the bands leaving (or arriving at) a node must tile it exactly and carry its total.
    fn check_node_ends(layout: &SankeyLayout, index: usize, leaving: bool) {
        let node = &layout.nodes[index];
        let mut ends: Vec<(f32, f32, f64)> = (layout.bands.iter())
            .filter(|band| if leaving { band.from == index } else { band.to == index })
            .map(|band| {
                if leaving {
                    (band.from_top, band.from_bottom, band.weight)
                } else {
                    (band.to_top, band.to_bottom, band.weight)
                }
            })
            .collect();
        let outer = if leaving { Column::Target } else { Column::Source };
        assert_eq!(ends.is_empty(), node.column == outer);
        if ends.is_empty() {
            return;
        }
        ends.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut cursor = node.top;
        for &(top, bottom, _) in &ends {
            assert!((top - cursor).abs() < 1e-3 && top <= bottom, "{node:?} {ends:?}");
            cursor = bottom;
        }
        assert!((cursor - node.bottom).abs() < 1e-3, "{node:?} {ends:?}");
        let weight: f64 = ends.iter().map(|end| end.2).sum();
        assert!((weight - node.total).abs() <= 1e-9 * node.total);
    }

    #[test]
    fn random_layouts_keep_invariants() {
        let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..300 {
            let links = random_links(&mut random);
            let height = if random.below(10) == 0 { 0.0 } else { (random.unit() * 500.0) as f32 };
            let gap = (random.unit() * 30.0) as f32;
            let result = layout(&links, height, gap);
            for node in &result.nodes {
                assert!(node.top >= 0.0 && node.top <= node.bottom && node.bottom <= height + 1e-3, "{node:?}");
            }
            for pair in result.nodes.windows(2) {
                assert!(pair[0].column <= pair[1].column, "grouped by column");
                if pair[0].column == pair[1].column {
                    assert!(pair[1].top >= pair[0].bottom - 1e-3, "overlap: {pair:?}");
                }
            }
            for index in 0..result.nodes.len() {
                check_node_ends(&result, index, true);
                check_node_ends(&result, index, false);
            }
            let valid = links.iter().filter(|link| link.weight > 0.0).count();
            assert_eq!(result.bands.len(), 2 * valid);
        }
    }
}
