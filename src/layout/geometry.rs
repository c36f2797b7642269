//! Small vector helpers on [`Point`], and the cleaning of caller-supplied numbers.

use super::Point;

pub fn add(a: Point, b: Point) -> Point {
    [a[0] + b[0], a[1] + b[1]]
}

pub fn subtract(a: Point, b: Point) -> Point {
    [a[0] - b[0], a[1] - b[1]]
}

pub fn scale(a: Point, factor: f32) -> Point {
    [a[0] * factor, a[1] * factor]
}

pub fn length_squared(a: Point) -> f32 {
    a[0] * a[0] + a[1] * a[1]
}

pub fn length(a: Point) -> f32 {
    length_squared(a).sqrt()
}

pub fn is_finite_point(a: Point) -> bool {
    a[0].is_finite() && a[1].is_finite()
}

/// The largest radius taken as given: a layout of a few thousand nodes this large still has finite `f32`
/// coordinates, which a radius near `f32::MAX` would not allow.
pub const LARGEST_RADIUS: f32 = 1e12;

/// A radius as drawn: callers may pass anything, but a negative or non-finite radius would make the overlap tests
/// meaningless, so it counts as zero, and an absurdly large one counts as [`LARGEST_RADIUS`].
pub fn clean_radius(radius: Option<&f32>) -> f32 {
    match radius {
        Some(&radius) if radius.is_finite() && radius > 0.0 => radius.min(LARGEST_RADIUS),
        _ => 0.0,
    }
}

/// The radii of `node_count` nodes, cleaned, a missing one counting as zero.
pub fn clean_radii(radii: &[f32], node_count: usize) -> Vec<f32> {
    (0..node_count).map(|node| clean_radius(radii.get(node))).collect()
}

/// A unit vector in a direction that depends only on the unordered pair `(first, second)`, pointing from `first`
/// to `second` (so the pair gets opposite directions). Used when two nodes sit on the same spot: any direction
/// separates them, but it must be deterministic and must not be the same for every pair, or a stack of coincident
/// nodes would move as one.
pub fn pair_direction(first: usize, second: usize) -> Point {
    let (low, high, sign) = if first < second { (first, second, 1.0) } else { (second, first, -1.0) };
    let hash = super::random::mix((low as u64) << 32 ^ high as u64);
    let angle = (hash >> 11) as f64 * (std::f64::consts::TAU / (1u64 << 53) as f64);
    [(angle.cos() * sign) as f32, (angle.sin() * sign) as f32]
}

/// The golden angle: successive points of a sunflower spiral turn by it, which spreads them evenly over a disc.
const GOLDEN_ANGLE: f32 = 2.399_963;

/// The `slot`-th point of a sunflower spiral around the origin whose points are about `spacing` apart.
pub fn sunflower_point(slot: usize, spacing: f32) -> Point {
    let radius = spacing * (slot as f32 + 0.5).sqrt();
    let angle = slot as f32 * GOLDEN_ANGLE;
    [radius * angle.cos(), radius * angle.sin()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_direction_is_a_unit_vector_opposite_for_the_two_ends() {
        for (first, second) in [(0, 1), (3, 7), (100, 2), (5, 5_000)] {
            let forward = pair_direction(first, second);
            let backward = pair_direction(second, first);
            assert!((length(forward) - 1.0).abs() < 1e-5);
            assert_eq!(forward, scale(backward, -1.0));
        }
        assert_ne!(pair_direction(0, 1), pair_direction(0, 2));
    }

    #[test]
    fn unusable_radii_count_as_zero() {
        assert_eq!(clean_radii(&[2.0, -1.0, f32::NAN, f32::INFINITY], 5), vec![2.0, 0.0, 0.0, 0.0, 0.0]);
        assert_eq!(clean_radii(&[f32::MAX], 1), vec![LARGEST_RADIUS]);
    }
}
