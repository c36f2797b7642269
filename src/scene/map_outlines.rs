//! The world's outlines ready to draw at one level of detail: every ring simplified (Douglas–Peucker) to a
//! tolerance on the map's plane, and every country's polygons cut into triangles (earcut), because a screen fills
//! triangles and egui fills only convex polygons. A level is built once, on first use, and shared by every view
//! and test; a view picks the level whose tolerance is about half a pixel at its zoom. No egui.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use super::map::geometry;

/// How many levels there are; the finest keeps every point of the asset.
pub const LEVELS: u8 = 9;

/// The coarsest level's tolerance on the plane (about 100 km): a world map a few hundred pixels wide.
const COARSEST_TOLERANCE: f32 = 0.016;

/// One country at one level, in the order of `map::geometry().countries`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CountryOutline {
    /// The kept points of all its rings, on the plane.
    pub points: Vec<[f32; 2]>,
    /// Triangles as indices into `points`, three by three.
    pub triangles: Vec<u32>,
    /// Each ring's points (outlines and holes alike), for drawing borders.
    pub rings: Vec<Range<u32>>,
}

#[derive(Debug)]
pub struct OutlineLevel {
    pub level: u8,
    pub countries: Vec<CountryOutline>,
}

impl OutlineLevel {
    /// Points kept at this level, all countries together.
    pub fn point_count(&self) -> usize {
        self.countries.iter().map(|country| country.points.len()).sum()
    }
}

/// The largest distance on the plane a simplified ring may stray from the original at `level`.
pub fn tolerance(level: u8) -> f32 {
    COARSEST_TOLERANCE / 2f32.powi(level.min(LEVELS - 1) as i32)
}

/// The coarsest level that is at least as fine as `wanted` (a plane distance), the finest when none is.
pub fn level_for(wanted: f32) -> u8 {
    (0..LEVELS).find(|&level| tolerance(level) <= wanted).unwrap_or(LEVELS - 1)
}

/// The outlines at `level`, built on first use.
pub fn level(level: u8) -> Arc<OutlineLevel> {
    static LEVELS_BUILT: OnceLock<Mutex<HashMap<u8, Arc<OutlineLevel>>>> = OnceLock::new();
    let level = level.min(LEVELS - 1);
    let built = LEVELS_BUILT.get_or_init(Default::default);
    // A poisoned lock only means another thread panicked while building; the map it guards is still whole.
    let mut built = built.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    built.entry(level).or_insert_with(|| Arc::new(build(level))).clone()
}

fn build(level: u8) -> OutlineLevel {
    let tolerance = if level == LEVELS - 1 { 0.0 } else { tolerance(level) };
    let mut earcut = earcut::Earcut::<f64>::new();
    let countries = geometry().countries.iter().map(|country| outline(&country.polygons, tolerance, &mut earcut));
    OutlineLevel { level, countries: countries.collect() }
}

fn outline(polygons: &[Vec<Vec<[f32; 2]>>], tolerance: f32, earcut: &mut earcut::Earcut<f64>) -> CountryOutline {
    let mut country = CountryOutline::default();
    let mut triangles = Vec::new();
    for polygon in polygons {
        let rings: Vec<Vec<[f32; 2]>> = polygon
            .iter()
            .map(|ring| simplify_ring(ring, tolerance))
            .enumerate()
            // An outline reduced below a triangle takes its holes with it; a hole that small is dropped alone.
            .take_while(|(at, ring)| *at > 0 || ring.len() >= 3)
            .filter(|(_, ring)| ring.len() >= 3)
            .map(|(_, ring)| ring)
            .collect();
        if rings.is_empty() {
            continue;
        }
        let first = country.points.len() as u32;
        let mut hole_starts = Vec::new();
        for ring in &rings {
            let start = country.points.len() as u32;
            if start > first {
                hole_starts.push(start - first);
            }
            country.points.extend(ring);
            country.rings.push(start..country.points.len() as u32);
        }
        let points = country.points[first as usize..].iter().map(|&[x, y]| [x as f64, y as f64]);
        earcut.earcut(points, &hole_starts, &mut triangles);
        country.triangles.extend(triangles.iter().map(|&index: &u32| index + first));
    }
    country
}

/// A closed ring with fewer points, none of the dropped ones farther than `tolerance` from the kept outline.
/// The ring's closing point (a repeat of its first) is left off.
fn simplify_ring(ring: &[[f32; 2]], tolerance: f32) -> Vec<[f32; 2]> {
    let ring = match ring {
        [first, .., last] if first == last => &ring[..ring.len() - 1],
        _ => ring,
    };
    if ring.len() <= 3 || tolerance <= 0.0 {
        return ring.to_vec();
    }
    // Split the ring at its first point and the point farthest from it, then simplify both halves.
    let distance = |point: &[f32; 2]| (point[0] - ring[0][0]).powi(2) + (point[1] - ring[0][1]).powi(2);
    let far = (1..ring.len()).max_by(|&a, &b| distance(&ring[a]).total_cmp(&distance(&ring[b]))).unwrap_or(1);
    let at = |index: usize| ring[index % ring.len()];
    let mut keep = vec![false; ring.len() + 1];
    keep[0] = true;
    keep[far] = true;
    let mut pending = vec![(0, far), (far, ring.len())];
    while let Some((start, end)) = pending.pop() {
        let (from, to) = (at(start), at(end));
        let farthest = (start + 1..end)
            .map(|index| (index, distance_to_segment(at(index), from, to)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((index, distance)) = farthest
            && distance > tolerance
        {
            keep[index] = true;
            pending.push((start, index));
            pending.push((index, end));
        }
    }
    (0..ring.len()).filter(|&index| keep[index]).map(|index| ring[index]).collect()
}

fn distance_to_segment(point: [f32; 2], start: [f32; 2], end: [f32; 2]) -> f32 {
    let segment = [end[0] - start[0], end[1] - start[1]];
    let length_squared = segment[0] * segment[0] + segment[1] * segment[1];
    let from_start = [point[0] - start[0], point[1] - start[1]];
    let t = if length_squared > 0.0 {
        ((from_start[0] * segment[0] + from_start[1] * segment[1]) / length_squared).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((from_start[0] - segment[0] * t).powi(2) + (from_start[1] - segment[1] * t).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The area the triangles cover.
    fn triangle_area(country: &CountryOutline) -> f32 {
        country
            .triangles
            .chunks(3)
            .map(|corners| {
                let [a, b, c] = [0, 1, 2].map(|at| country.points[corners[at] as usize]);
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum()
    }

    #[test]
    fn a_straight_run_of_points_is_reduced_to_its_corners() {
        // A square with extra points along its sides, and closed by repeating its first point.
        let ring = [[0.0, 0.0], [0.5, 0.0], [1.0, 0.0], [1.0, 0.5], [1.0, 1.0], [0.5, 1.0], [0.0, 1.0], [0.0, 0.0]];
        let simplified = simplify_ring(&ring, 0.01);
        assert_eq!(simplified, vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]);
        // A bump larger than the tolerance stays.
        let bumped = [[0.0, 0.0], [0.5, 0.2], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        assert_eq!(simplify_ring(&bumped, 0.1).len(), 5);
        assert_eq!(simplify_ring(&bumped, 0.3).len(), 4);
    }

    #[test]
    fn coarser_levels_keep_fewer_points_and_cover_about_the_same_land() {
        let (coarse, fine) = (level(0), level(LEVELS - 1));
        assert!(coarse.point_count() * 4 < fine.point_count(), "{} vs {}", coarse.point_count(), fine.point_count());
        let at = geometry().countries.iter().position(|country| country.id == "SRB").unwrap();
        // At a regional zoom (about 13 km on the ground to the pixel) Serbia keeps its area within 5 %.
        let regional = level(3);
        let (coarse_area, fine_area) = (triangle_area(&regional.countries[at]), triangle_area(&fine.countries[at]));
        assert!((coarse_area / fine_area - 1.0).abs() < 0.05, "Serbia: {coarse_area} vs {fine_area}");
        for level in 0..LEVELS {
            eprintln!("level {level}: {} points", super::level(level).point_count());
        }
        // The triangles of the full detail cover the country's area as the shoelace formula gives it.
        assert!((fine_area / geometry().countries[at].area - 1.0).abs() < 0.01);
    }

    #[test]
    fn a_hole_is_left_unfilled() {
        // South Africa's triangles do not cover Lesotho, the hole in it.
        let outlines = level(LEVELS - 1);
        let countries = &geometry().countries;
        let at = |id: &str| countries.iter().position(|country| country.id == id).unwrap();
        let (south_africa, lesotho) = (&outlines.countries[at("ZAF")], &outlines.countries[at("LSO")]);
        let with_hole = triangle_area(south_africa);
        let mainland = countries[at("ZAF")].area;
        assert!((with_hole - (mainland - triangle_area(lesotho))).abs() / mainland < 0.02, "{with_hole} {mainland}");
    }

    #[test]
    fn the_level_follows_the_wanted_tolerance() {
        assert_eq!(level_for(1.0), 0);
        assert_eq!(level_for(tolerance(3)), 3);
        assert_eq!(level_for(tolerance(3) * 1.5), 3);
        assert_eq!(level_for(0.0), LEVELS - 1);
    }
}
