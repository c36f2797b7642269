//! Mends outlines that cross the 180th meridian, as Natural Earth's Russia, Fiji and Antarctica do: drawn as they
//! are, a ring that jumps from 180° E to 180° W draws a line across the whole map. A ring that crosses it twice
//! (Chukotka) is cut at the meridian into a western and an eastern polygon; a ring that crosses it once goes
//! round a pole (Antarctica) and is closed along that pole. Outlines in (longitude, latitude) degrees.

type Ring = Vec<[f32; 2]>;
type Polygon = Vec<Ring>;

/// The same polygons with none crossing the antimeridian.
pub fn mend(polygons: Vec<Polygon>) -> Vec<Polygon> {
    let mut mended = Vec::with_capacity(polygons.len());
    for polygon in polygons {
        let polygon = drop_degenerate_pole_outline(polygon);
        let Some(outline) = polygon.first() else { continue };
        match crossings(outline) {
            0 => mended.push(polygon),
            1 => mended.push(close_round_pole(polygon)),
            _ => mended.extend(cut(polygon)),
        }
    }
    mended
}

/// Natural Earth's Antarctica comes as an "outline" lying all along the South Pole with the coast as its hole.
fn drop_degenerate_pole_outline(mut polygon: Polygon) -> Polygon {
    let at_pole = |ring: &Ring| ring.iter().all(|point| point[1].abs() >= 89.99);
    if polygon.len() > 1 && polygon.first().is_some_and(at_pole) {
        polygon.remove(0);
    }
    polygon
}

/// How often a ring jumps across the antimeridian (a step of more than 180° in longitude), not counting a run
/// along a pole (which the projection draws as a line).
fn crossings(ring: &Ring) -> usize {
    let along_pole = |a: &[f32; 2], b: &[f32; 2]| a[1].abs() >= 89.99 && b[1].abs() >= 89.99;
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .filter(|(a, b)| (a[0] - b[0]).abs() > 180.0 && !along_pole(a, b))
        .count()
}

/// A ring crossing the antimeridian once encloses a pole: at the jump, it runs along the meridian to the pole,
/// along the pole to the other side, and back.
fn close_round_pole(mut polygon: Polygon) -> Polygon {
    let outline = &mut polygon[0];
    let Some(jump) =
        (0..outline.len()).find(|&at| (outline[at][0] - outline[(at + 1) % outline.len()][0]).abs() > 180.0)
    else {
        return polygon;
    };
    let (from, to) = (outline[jump], outline[(jump + 1) % outline.len()]);
    let pole = if from[1] + to[1] < 0.0 { -90.0 } else { 90.0 };
    let (side_from, side_to) = (180f32.copysign(from[0]), 180f32.copysign(to[0]));
    let detour = [[side_from, from[1]], [side_from, pole], [side_to, pole], [side_to, to[1]]];
    outline.splice(jump + 1..jump + 1, detour);
    polygon
}

/// A ring crossing the antimeridian twice, cut into the part west of it and the part east of it. Holes go with
/// the part their first point lies in.
fn cut(polygon: Polygon) -> Vec<Polygon> {
    let mut rings = polygon.into_iter();
    let Some(outline) = rings.next() else { return Vec::new() };
    let unwrapped = unwrap(&outline);
    // After unwrapping, the ring runs past ±180°; `edge` is where it does.
    let edge = if unwrapped.iter().any(|point| point[0] > 180.0) { 180.0 } else { -180.0 };
    let near = clip(&unwrapped, |longitude| (longitude - edge) * edge.signum() <= 0.0, edge);
    let far: Ring = clip(&unwrapped, |longitude| (longitude - edge) * edge.signum() >= 0.0, edge)
        .into_iter()
        .map(|[longitude, latitude]| [longitude - 360.0 * edge.signum(), latitude])
        .collect();
    let mut parts: Vec<Polygon> =
        [near, far].into_iter().filter(|ring| ring.len() >= 3).map(|ring| vec![ring]).collect();
    for hole in rings {
        let Some(first) = hole.first() else { continue };
        // The near part keeps the longitudes of the ring's start side; a hole on the other side goes with the far.
        let in_far = parts.len() > 1 && (first[0] - unwrapped[0][0]).abs() > 180.0;
        let part = if in_far { 1 } else { 0 };
        if let Some(polygon) = parts.get_mut(part) {
            polygon.push(hole);
        }
    }
    parts
}

/// The ring with its longitudes made continuous (a point just past 180° E is 181°, not −179°).
fn unwrap(ring: &Ring) -> Ring {
    let mut unwrapped: Ring = Vec::with_capacity(ring.len());
    for &[longitude, latitude] in ring {
        let longitude = match unwrapped.last() {
            Some(previous) => longitude + 360.0 * ((previous[0] - longitude) / 360.0).round(),
            None => longitude,
        };
        unwrapped.push([longitude, latitude]);
    }
    unwrapped
}

/// The part of a ring on one side of the meridian `edge` (Sutherland–Hodgman against one line).
fn clip(ring: &Ring, inside: impl Fn(f32) -> bool, edge: f32) -> Ring {
    let crossing = |a: [f32; 2], b: [f32; 2]| {
        let t = (edge - a[0]) / (b[0] - a[0]);
        [edge, a[1] + t * (b[1] - a[1])]
    };
    let mut clipped = Vec::new();
    for (&a, &b) in ring.iter().zip(ring.iter().cycle().skip(1)) {
        match (inside(a[0]), inside(b[0])) {
            (true, true) => clipped.push(b),
            (true, false) => clipped.push(crossing(a, b)),
            (false, true) => {
                clipped.push(crossing(a, b));
                clipped.push(b);
            }
            (false, false) => {}
        }
    }
    clipped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ring_across_the_dateline_is_cut_in_two() {
        // A box from 170° E to 170° W, between 60° and 70° N.
        let ring = vec![[170.0, 60.0], [-170.0, 60.0], [-170.0, 70.0], [170.0, 70.0]];
        let parts = mend(vec![vec![ring]]);
        assert_eq!(parts.len(), 2);
        for part in &parts {
            assert_eq!(crossings(&part[0]), 0, "{part:?}");
            let longitudes: Vec<f32> = part[0].iter().map(|point| point[0]).collect();
            let east = longitudes.iter().all(|&longitude| longitude >= 170.0);
            let west = longitudes.iter().all(|&longitude| longitude <= -170.0);
            assert!(east || west, "{longitudes:?}");
        }
    }

    #[test]
    fn a_ring_round_the_pole_is_closed_along_it() {
        // Antarctica as Natural Earth has it: an outline on the pole, the coast as its hole.
        let pole = vec![[-180.0, -90.0], [0.0, -90.0], [180.0, -90.0]];
        let coast = vec![[-180.0, -70.0], [-60.0, -65.0], [60.0, -68.0], [180.0, -70.0]];
        let mended = mend(vec![vec![pole, coast]]);
        assert_eq!(mended.len(), 1);
        assert_eq!(mended[0].len(), 1, "the pole outline is dropped");
        let outline = &mended[0][0];
        assert!(outline.contains(&[180.0, -90.0]) && outline.contains(&[-180.0, -90.0]));
        assert_eq!(crossings(outline), 0, "{outline:?}");
    }

    #[test]
    fn no_country_on_the_map_crosses_the_antimeridian() {
        for country in &crate::geo::world::world().countries {
            for polygon in &country.polygons {
                for ring in polygon {
                    assert_eq!(crossings(ring), 0, "{} has a ring across the antimeridian", country.name);
                }
            }
        }
    }
}
