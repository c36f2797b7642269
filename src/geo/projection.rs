//! The Equal Earth projection (Šavrič, Patterson and Jenny, 2018, "The Equal Earth map projection",
//! International Journal of Geographical Information Science 33(3)), on a sphere of radius 1: equal-area, so
//! that a choropleth does not make northern countries look larger than they are, with straight parallels that
//! keep a region crop readable. x runs from −2.7066 (180° W) to 2.7066 (180° E), y from −1.3174 (south pole) to
//! 1.3174 (north pole), north up.

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// (x, y) on the plane for a longitude and latitude in degrees.
pub fn equal_earth(longitude: f64, latitude: f64) -> [f64; 2] {
    let lambda = longitude.clamp(-180.0, 180.0).to_radians();
    let phi = latitude.clamp(-90.0, 90.0).to_radians();
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * phi.sin()).asin();
    let (t2, t6) = (theta.powi(2), theta.powi(6));
    let x =
        2.0 * 3f64.sqrt() * lambda * theta.cos() / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    [x, y]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from PROJ 9.5.1 through pyproj 3.7.2 (`+proj=eqearth +R=1`), an independent implementation.
    #[test]
    fn known_places_land_where_proj_puts_them() {
        let cases = [
            ("London", -0.1276, 51.5072, -0.001563067, 0.965102552),
            ("Belgrade", 20.4489, 44.7866, 0.263933350, 0.856660429),
            ("Tokyo", 139.6917, 35.6895, 1.909462942, 0.697844716),
            ("north pole", 0.0, 90.0, 0.0, 1.317362759),
            ("dateline east", 180.0, 0.0, 2.706629984, 0.0),
            ("dateline west", -180.0, 0.0, -2.706629984, 0.0),
            ("south pole at the dateline", 180.0, -90.0, 1.603588648, -1.317362759),
        ];
        for (place, longitude, latitude, x, y) in cases {
            let [got_x, got_y] = equal_earth(longitude, latitude);
            assert!((got_x - x).abs() < 1e-8 && (got_y - y).abs() < 1e-8, "{place}: ({got_x}, {got_y})");
        }
    }

    #[test]
    fn out_of_range_coordinates_stay_on_the_map() {
        assert_eq!(equal_earth(540.0, 0.0), equal_earth(180.0, 0.0));
        assert_eq!(equal_earth(0.0, -100.0), equal_earth(0.0, -90.0));
    }
}
