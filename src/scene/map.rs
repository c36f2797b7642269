//! The map's geography as plain data: every country's outline projected (Equal Earth, y growing downwards as on
//! a screen), its bounds and label point; where an actor sits on the map (its country, or its `location`); the
//! points an energy flow passes through (from the supplier's border, along its declared route's waypoints or else
//! through its transit countries in order, to the consumer); the bounds a scenario is fitted in; and which country
//! a point falls in. No egui: the slides draw it, and the Map view will.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::geo::projection::equal_earth;
use crate::geo::world::world;
use crate::model::{Actor, EnergyFlow, GeoPoint, Scenario, route_key};

/// A rectangle on the projected plane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: [f32; 2],
    pub max: [f32; 2],
}

impl Bounds {
    fn around(points: impl IntoIterator<Item = [f32; 2]>) -> Option<Bounds> {
        points.into_iter().fold(None, |bounds: Option<Bounds>, [x, y]| {
            Some(match bounds {
                None => Bounds { min: [x, y], max: [x, y] },
                Some(Bounds { min, max }) => {
                    Bounds { min: [min[0].min(x), min[1].min(y)], max: [max[0].max(x), max[1].max(y)] }
                }
            })
        })
    }

    pub fn union(self, other: Bounds) -> Bounds {
        Bounds {
            min: [self.min[0].min(other.min[0]), self.min[1].min(other.min[1])],
            max: [self.max[0].max(other.max[0]), self.max[1].max(other.max[1])],
        }
    }

    pub fn contains(&self, [x, y]: [f32; 2]) -> bool {
        (self.min[0]..=self.max[0]).contains(&x) && (self.min[1]..=self.max[1]).contains(&y)
    }

    pub fn size(&self) -> [f32; 2] {
        [self.max[0] - self.min[0], self.max[1] - self.min[1]]
    }
}

/// One country on the projected plane.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCountry {
    /// ISO 3166-1 alpha-3 (`XKX` for Kosovo), empty for shapes without one.
    pub id: String,
    pub name: String,
    /// Polygons, each an outline then its holes.
    pub polygons: Vec<Vec<Vec<[f32; 2]>>>,
    pub bounds: Bounds,
    /// Where its name goes: the centre of its largest polygon.
    pub label_at: [f32; 2],
    /// The area of its largest polygon on the plane, to label larger countries first.
    pub area: f32,
    /// Which polygon is the largest (the mainland: Russia without Kaliningrad, Norway without Svalbard).
    pub mainland: usize,
}

/// Where a scenario's actors are on the plane, and its routes' waypoints, by id and by name (see `places`).
#[derive(Debug)]
pub struct Places<'s> {
    anchors: HashMap<&'s str, [f32; 2]>,
    courses: HashMap<String, Course>,
}

/// A named route's course: its waypoints on the plane and the ids of the countries they lie in.
#[derive(Debug)]
struct Course {
    points: Vec<[f32; 2]>,
    countries: std::collections::HashSet<String>,
}

impl Places<'_> {
    /// Where an actor sits (see `MapGeometry::anchor`); `None` for actors with no place and unknown ids.
    pub fn anchor(&self, id: &str) -> Option<[f32; 2]> {
        self.anchors.get(id).copied()
    }
}

#[derive(Debug)]
pub struct MapGeometry {
    pub countries: Vec<MapCountry>,
    by_id: HashMap<String, usize>,
}

/// A country this large on the plane (Russia, China, Canada…) is fitted by where its routes leave it, not whole:
/// else a map of the Balkans would reach Kamchatka.
pub const LARGE_COUNTRY_AREA: f32 = 0.02;

/// Longitude and latitude in degrees on the map's plane.
pub fn project(longitude: f64, latitude: f64) -> [f32; 2] {
    let [x, y] = equal_earth(longitude, latitude);
    [x as f32, -y as f32]
}

/// The world's countries on the plane, worked out on first use.
pub fn geometry() -> &'static MapGeometry {
    static GEOMETRY: OnceLock<MapGeometry> = OnceLock::new();
    GEOMETRY.get_or_init(|| {
        let countries: Vec<MapCountry> = world().countries.iter().filter_map(project_country).collect();
        // Two shapes may share a code (Australia and the Ashmore and Cartier Islands are both AUS): the code
        // names the larger.
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for (at, country) in countries.iter().enumerate().filter(|(_, country)| !country.id.is_empty()) {
            let known = by_id.entry(country.id.clone()).or_insert(at);
            if countries[*known].area < country.area {
                *known = at;
            }
        }
        MapGeometry { countries, by_id }
    })
}

fn project_country(country: &crate::geo::world::Country) -> Option<MapCountry> {
    let polygons: Vec<Vec<Vec<[f32; 2]>>> = country
        .polygons
        .iter()
        .map(|polygon| {
            polygon
                .iter()
                .map(|ring| ring.iter().map(|&[lon, lat]| project(lon as f64, lat as f64)).collect())
                .collect()
        })
        .collect();
    let bounds = Bounds::around(polygons.iter().flat_map(|polygon| polygon.first()).flatten().copied())?;
    let (mainland, area, label_at) = polygons
        .iter()
        .enumerate()
        .filter_map(|(at, polygon)| Some((at, polygon.first()?)))
        .map(|(at, outline)| (at, ring_area(outline).abs(), ring_centre(outline)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    Some(MapCountry { id: country.id.clone(), name: country.name.clone(), polygons, bounds, label_at, area, mainland })
}

/// The signed area of a ring (shoelace formula).
fn ring_area(ring: &[[f32; 2]]) -> f32 {
    let sum: f32 = ring.iter().zip(ring.iter().cycle().skip(1)).map(|(a, b)| a[0] * b[1] - b[0] * a[1]).sum();
    sum / 2.0
}

/// The centre of a ring's area; its first point for a degenerate ring.
fn ring_centre(ring: &[[f32; 2]]) -> [f32; 2] {
    let area = ring_area(ring);
    if area.abs() < 1e-12 {
        return ring[0];
    }
    let (mut x, mut y) = (0.0, 0.0);
    for (a, b) in ring.iter().zip(ring.iter().cycle().skip(1)) {
        let cross = a[0] * b[1] - b[0] * a[1];
        x += (a[0] + b[0]) * cross;
        y += (a[1] + b[1]) * cross;
    }
    [x / (6.0 * area), y / (6.0 * area)]
}

/// Even-odd rule: whether the point is inside the ring.
fn ring_contains(ring: &[[f32; 2]], [x, y]: [f32; 2]) -> bool {
    let mut inside = false;
    for (a, b) in ring.iter().zip(ring.iter().cycle().skip(1)) {
        if (a[1] > y) != (b[1] > y) && x < a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]) {
            inside = !inside;
        }
    }
    inside
}

impl MapGeometry {
    pub fn country(&self, id: &str) -> Option<&MapCountry> {
        self.by_id.get(id).map(|&at| &self.countries[at])
    }

    /// The country a point of the plane falls in (inside an outline, not in one of its holes).
    pub fn country_at(&self, point: [f32; 2]) -> Option<&MapCountry> {
        self.country_index_at(point).map(|at| &self.countries[at])
    }

    /// The index in `countries` of the country a point falls in.
    pub fn country_index_at(&self, point: [f32; 2]) -> Option<usize> {
        self.countries.iter().position(|country| {
            country.bounds.contains(point)
                && country.polygons.iter().any(|polygon| {
                    polygon.first().is_some_and(|outline| ring_contains(outline, point))
                        && !polygon[1..].iter().any(|hole| ring_contains(hole, point))
                })
        })
    }

    /// Where an actor sits: its country's label point, else its `location`; `None` for actors with no place
    /// (blocs, organisations).
    pub fn anchor(&self, actor: &Actor) -> Option<[f32; 2]> {
        match self.country(&actor.id) {
            Some(country) => Some(country.label_at),
            None => actor.location.map(|point| project(point.lon, point.lat)),
        }
    }

    /// Where every actor of `scenario` is on the plane and the waypoints of its named routes, found once so that
    /// drawing thousands of records looks each up in constant time.
    pub fn places<'s>(&self, scenario: &'s Scenario) -> Places<'s> {
        let anchors =
            scenario.actors.iter().filter_map(|actor| Some((actor.id.as_str(), self.anchor(actor)?))).collect();
        // The first route of a name, as `Scenario::route` finds it.
        let mut courses: HashMap<String, Course> = HashMap::new();
        for route in &scenario.routes {
            courses.entry(route_key(&route.name)).or_insert_with(|| self.course(&route.waypoints));
        }
        Places { anchors, courses }
    }

    /// A route's waypoints on the plane (those on the globe: the checker reports the others) and the countries
    /// they lie in.
    fn course(&self, waypoints: &[GeoPoint]) -> Course {
        let on_globe = |point: &&GeoPoint| (-90.0..=90.0).contains(&point.lat) && (-180.0..=180.0).contains(&point.lon);
        let points: Vec<[f32; 2]> =
            waypoints.iter().filter(on_globe).map(|point| project(point.lon, point.lat)).collect();
        let countries =
            points.iter().filter_map(|&point| self.country_near(point)).map(|country| country.id.clone()).collect();
        Course { points, countries }
    }

    /// The country a point is in or, for a point on a coast the 1:50m outline leaves in the sea (a pipeline's
    /// landfall), the country within about 20 km of it.
    fn country_near(&self, [x, y]: [f32; 2]) -> Option<&MapCountry> {
        const NEAR: f32 = 0.003;
        let around = [[0.0, 0.0], [NEAR, 0.0], [-NEAR, 0.0], [0.0, NEAR], [0.0, -NEAR]];
        around.iter().find_map(|[dx, dy]| self.country_at([x + dx, y + dy]))
    }

    /// The points an energy flow is drawn through: from the supplier's border nearest its next stop, through its
    /// route's waypoints when the route has them, then through each transit actor of `via` with a place (in
    /// order) whose country no waypoint already lies in, to the consumer. `None` when the supplier or the
    /// consumer has no place on the map.
    pub fn flow_path(&self, places: &Places<'_>, flow: &EnergyFlow) -> Option<Vec<[f32; 2]>> {
        let end = places.anchor(&flow.consumer)?;
        let course = flow.route.as_deref().and_then(|name| places.courses.get(&route_key(name)));
        let mut stops: Vec<[f32; 2]> = course.map(|course| course.points.clone()).unwrap_or_default();
        let passed = |id: &String| course.is_some_and(|course| course.countries.contains(id));
        stops.extend(flow.via.iter().filter(|id| !passed(id)).filter_map(|id| places.anchor(id)));
        let next = stops.first().copied().unwrap_or(end);
        let start = self.leaving_point(places, &flow.supplier, next)?;
        Some(std::iter::once(start).chain(stops).chain(std::iter::once(end)).collect())
    }

    /// The two ends of a line between two actors (a sanctions stance, a tie): a large country is left or reached
    /// at its outline's point nearest the other end, not at its middle. `None` when either has no place.
    pub fn link_ends(&self, places: &Places<'_>, from: &str, to: &str) -> Option<[[f32; 2]; 2]> {
        let to_anchor = places.anchor(to)?;
        let start = self.leaving_point(places, from, to_anchor)?;
        let end = self.leaving_point(places, to, start)?;
        Some([start, end])
    }

    /// For a large country, the point of its outline nearest `towards` (where a pipeline leaves it); for any other
    /// actor, its anchor; `None` for an actor with no place.
    fn leaving_point(&self, places: &Places<'_>, id: &str, towards: [f32; 2]) -> Option<[f32; 2]> {
        let anchor = places.anchor(id)?;
        let Some(country) = self.country(id).filter(|country| country.area >= LARGE_COUNTRY_AREA) else {
            return Some(anchor);
        };
        let distance = |p: &[f32; 2]| (p[0] - towards[0]).powi(2) + (p[1] - towards[1]).powi(2);
        // The mainland's outline: a line to Russia should not end in Kaliningrad.
        let nearest = country.polygons.get(country.mainland).and_then(|polygon| polygon.first()).into_iter().flatten();
        Some(nearest.min_by(|a, b| distance(a).total_cmp(&distance(b))).copied().unwrap_or(anchor))
    }

    /// Where a country's name goes when only part of it is in `view`: the mean of its mainland's outline points
    /// in view (for Russia on a map of Europe, its European part), else its label point.
    pub fn label_point(&self, country: &MapCountry, view: &Bounds) -> [f32; 2] {
        if view.contains(country.label_at) {
            return country.label_at;
        }
        let outline = country.polygons.get(country.mainland).and_then(|polygon| polygon.first());
        let inside: Vec<[f32; 2]> =
            outline.into_iter().flatten().copied().filter(|&point| view.contains(point)).collect();
        if inside.is_empty() {
            return country.label_at;
        }
        let count = inside.len() as f32;
        let sum = inside.iter().fold([0.0, 0.0], |sum, point| [sum[0] + point[0], sum[1] + point[1]]);
        [sum[0] / count, sum[1] / count]
    }

    /// What showing these actors means: their countries (a large one by its mainland, and only when nothing
    /// else in the list has a place: Russia in a step about the Balkans would stretch the map to the Pacific) and
    /// the places of the others. `None` when none of them has a place.
    pub fn focus_bounds<'a>(&self, places: &Places<'_>, ids: impl IntoIterator<Item = &'a str>) -> Option<Bounds> {
        let mut small = Vec::new();
        let mut large = Vec::new();
        for id in ids {
            match self.country(id) {
                Some(country) if country.area >= LARGE_COUNTRY_AREA => large.push(self.mainland_bounds(country)),
                Some(country) => small.push(country.bounds),
                None => {
                    let Some(point) = places.anchor(id) else { continue };
                    // A city alone would be shown at its street level: keep some of its surroundings in view.
                    let margin = 0.03;
                    small.push(Bounds {
                        min: [point[0] - margin, point[1] - margin],
                        max: [point[0] + margin, point[1] + margin],
                    });
                }
            }
        }
        let chosen = if small.is_empty() { large } else { small };
        chosen.into_iter().reduce(Bounds::union)
    }

    /// The bounds of a country's largest polygon (Russia without Kaliningrad, France without French Guiana).
    pub fn mainland_bounds(&self, country: &MapCountry) -> Bounds {
        let outline = country.polygons.get(country.mainland).and_then(|polygon| polygon.first());
        Bounds::around(outline.into_iter().flatten().copied()).unwrap_or(country.bounds)
    }

    /// What a map of the scenario shows at first: every actor with a place (large countries only where their
    /// routes leave them) and every point of its energy routes.
    pub fn scenario_bounds(&self, scenario: &Scenario) -> Option<Bounds> {
        let mut points = Vec::new();
        for actor in &scenario.actors {
            match self.country(&actor.id) {
                Some(country) if country.area >= LARGE_COUNTRY_AREA => {}
                // Kiribati and Fiji reach across the 180th meridian: their mainland is what to show.
                Some(country) => {
                    let mainland = self.mainland_bounds(country);
                    points.extend([mainland.min, mainland.max]);
                }
                None => points.extend(self.anchor(actor)),
            }
        }
        let places = self.places(scenario);
        for flow in &scenario.energy {
            points.extend(self.flow_path(&places, flow).into_iter().flatten());
        }
        Bounds::around(points).or_else(|| {
            let countries = scenario.actors.iter().filter_map(|actor| self.country(&actor.id));
            countries.map(|country| country.bounds).reduce(Bounds::union)
        })
    }
}

/// A smooth path through every one of its stops (a Catmull–Rom spline, eight segments between two stops), as a
/// pipeline runs: a waypoint or transit country is passed, not cut off.
pub fn smooth(stops: &[[f32; 2]]) -> Vec<[f32; 2]> {
    if stops.len() < 3 {
        return stops.to_vec();
    }
    const SEGMENTS: usize = 8;
    let at = |index: isize| stops[index.clamp(0, stops.len() as isize - 1) as usize];
    let mut points = Vec::with_capacity((stops.len() - 1) * SEGMENTS + 1);
    for span in 0..stops.len() as isize - 1 {
        let [p0, p1, p2, p3] = [at(span - 1), at(span), at(span + 1), at(span + 2)];
        for step in 0..SEGMENTS {
            let t = step as f32 / SEGMENTS as f32;
            let (t2, t3) = (t * t, t * t * t);
            let along = |a: f32, b: f32, c: f32, d: f32| {
                0.5 * (2.0 * b
                    + (c - a) * t
                    + (2.0 * a - 5.0 * b + 4.0 * c - d) * t2
                    + (3.0 * b - a - 3.0 * c + d) * t3)
            };
            points.push([along(p0[0], p1[0], p2[0], p3[0]), along(p0[1], p1[1], p2[1], p3[1])]);
        }
    }
    points.push(stops[stops.len() - 1]);
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Commodity, Route};

    fn bundled(file_name: &str) -> Scenario {
        let bundled = crate::library::find(file_name).unwrap();
        crate::io::load_text(bundled.text).scenario.unwrap()
    }

    fn gas(supplier: &str, consumer: &str, via: &[&str], route: Option<&str>) -> EnergyFlow {
        EnergyFlow {
            supplier: supplier.to_owned(),
            consumer: consumer.to_owned(),
            commodity: Commodity::Gas,
            share: 0.5,
            basis: Default::default(),
            volume: None,
            via: via.iter().map(|id| id.to_string()).collect(),
            route: route.map(str::to_owned),
            year: None,
            from: None,
            until: None,
            certainty: Default::default(),
            note: None,
            sources: vec![],
        }
    }

    fn route(name: &str, waypoints: &[(f64, f64)]) -> Route {
        let waypoints = waypoints.iter().map(|&(lat, lon)| GeoPoint { lat, lon }).collect();
        Route { name: name.to_owned(), waypoints, note: None, sources: vec![] }
    }

    fn gap(a: [f32; 2], b: [f32; 2]) -> f32 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    }

    #[test]
    fn a_code_two_shapes_share_names_the_larger() {
        assert_eq!(geometry().country("AUS").map(|country| country.name.as_str()), Some("Australia"));
    }

    #[test]
    fn belgrade_is_in_serbia_and_the_sea_in_no_country() {
        let map = geometry();
        assert_eq!(map.country_at(project(20.45, 44.79)).map(|c| c.id.as_str()), Some("SRB"));
        assert_eq!(map.country_at(project(21.17, 42.67)).map(|c| c.id.as_str()), Some("XKX"), "Pristina");
        assert_eq!(map.country_at(project(18.0, 42.0)).map(|c| c.id.as_str()), None, "the Adriatic");
        // Lesotho is a hole in South Africa: Maseru is in Lesotho, not South Africa.
        assert_eq!(map.country_at(project(27.48, -29.31)).map(|c| c.id.as_str()), Some("LSO"));
    }

    #[test]
    fn a_located_actor_sits_at_its_location_and_a_bloc_nowhere() {
        let scenario = bundled("serbia-2023.ron");
        let map = geometry();
        let serbia = scenario.actor("SRB").unwrap();
        assert_eq!(map.country_at(map.anchor(serbia).unwrap()).map(|c| c.id.as_str()), Some("SRB"));
        let mut city = serbia.clone();
        city.id = "NOVI_SAD".to_owned();
        city.location = Some(GeoPoint { lat: 45.25, lon: 19.84 });
        assert_eq!(map.anchor(&city), Some(project(19.84, 45.25)));
        city.location = None;
        assert_eq!(map.anchor(&city), None);
    }

    #[test]
    fn a_route_passes_through_its_transit_countries_in_order() {
        let scenario = bundled("serbia-2023.ron");
        let map = geometry();
        let path = map.flow_path(&map.places(&scenario), &gas("RUS", "SRB", &["TUR", "BGR"], None)).unwrap();
        assert_eq!(path.len(), 4);
        let country = |point| map.country_at(point).map(|c: &MapCountry| c.id.clone());
        assert_eq!(country(path[1]).as_deref(), Some("TUR"));
        assert_eq!(country(path[2]).as_deref(), Some("BGR"));
        assert_eq!(country(path[3]).as_deref(), Some("SRB"));
        // Russia is left from its outline's point nearest Turkey, not from the middle of Siberia.
        let turkey = path[1];
        let start_gap = ((path[0][0] - turkey[0]).powi(2) + (path[0][1] - turkey[1]).powi(2)).sqrt();
        let russia = map.country("RUS").unwrap().label_at;
        let middle_gap = ((russia[0] - turkey[0]).powi(2) + (russia[1] - turkey[1]).powi(2)).sqrt();
        assert!(start_gap < middle_gap / 3.0, "{start_gap} vs {middle_gap}");
    }

    #[test]
    fn a_balkan_scenario_is_fitted_to_europe_not_to_all_of_russia() {
        let scenario = bundled("serbia-2023.ron");
        let bounds = geometry().scenario_bounds(&scenario).unwrap();
        assert!(bounds.contains(project(20.45, 44.79)), "Belgrade is in view");
        assert!(!bounds.contains(project(158.6, 53.0)), "Kamchatka is not");
        let path = geometry().flow_path(&geometry().places(&scenario), &gas("RUS", "SRB", &["NOWHERE"], None)).unwrap();
        assert_eq!(path.len(), 2, "a transit actor with no place is passed over");
    }

    #[test]
    fn a_smoothed_path_passes_through_every_stop() {
        let stops = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [3.0, 2.0]];
        let path = smooth(&stops);
        assert_eq!(path.len(), 3 * 8 + 1);
        for (span, stop) in stops.iter().enumerate() {
            assert_eq!(path[span * 8], *stop, "stop {span}");
        }
        assert_eq!(smooth(&stops[..2]), stops[..2].to_vec(), "a straight link stays straight");
    }

    #[test]
    fn a_declared_route_is_drawn_through_its_waypoints_in_order() {
        let mut scenario = bundled("serbia-2023.ron");
        // Made-up points for the test: off the Turkish Black Sea coast, then in Bulgaria.
        scenario.routes = vec![route("TurkStream", &[(41.6, 28.1), (42.5, 25.0)]), route("Balkan Stream", &[])];
        let map = geometry();
        let flow = gas("RUS", "SRB", &["TUR", "BGR"], Some(" turkstream "));
        let path = map.flow_path(&map.places(&scenario), &flow).unwrap();
        let (first, second) = (project(28.1, 41.6), project(25.0, 42.5));
        assert_eq!(path[1..], [first, second, map.country("SRB").unwrap().label_at], "waypoints, then the consumer");
        // Russia is left from its outline's point nearest the first waypoint.
        assert!(gap(path[0], first) < gap(map.country("RUS").unwrap().label_at, first) / 3.0, "{:?}", path[0]);

        let without_waypoints = gas("RUS", "SRB", &["TUR", "BGR"], Some("Balkan Stream"));
        let path = map.flow_path(&map.places(&scenario), &without_waypoints).unwrap();
        let countries: Vec<Option<&str>> =
            path[1..].iter().map(|&p| map.country_at(p).map(|c| c.id.as_str())).collect();
        assert_eq!(countries, [Some("TUR"), Some("BGR"), Some("SRB")], "through `via`, as without a route");

        // Waypoints only along the Turkish stretch: the transit countries past them (Bulgaria) are still passed.
        scenario.routes[0].waypoints = vec![GeoPoint { lat: 44.89, lon: 37.32 }, GeoPoint { lat: 41.63, lon: 28.09 }];
        let path = map.flow_path(&map.places(&scenario), &flow).unwrap();
        let (anapa, kiyikoy) = (project(37.32, 44.89), project(28.09, 41.63));
        let (bulgaria, serbia) = (map.country("BGR").unwrap().label_at, map.country("SRB").unwrap().label_at);
        assert_eq!(path[1..], [anapa, kiyikoy, bulgaria, serbia], "Turkey is passed at Kıyıköy, on its coast");

        scenario.routes[0].waypoints = vec![GeoPoint { lat: 95.0, lon: 28.1 }];
        assert_eq!(
            map.flow_path(&map.places(&scenario), &flow).unwrap().len(),
            4,
            "a point off the globe is passed over"
        );
    }

    #[test]
    fn a_scenario_is_fitted_around_its_routes_waypoints() {
        let mut scenario = bundled("serbia-2023.ron");
        let cairo = project(31.2, 30.0);
        assert!(!geometry().scenario_bounds(&scenario).unwrap().contains(cairo));
        let index = scenario.energy.iter().position(|flow| flow.supplier != flow.consumer).unwrap();
        scenario.energy[index].route = Some("Far".to_owned());
        scenario.routes = vec![route("far", &[(30.0, 31.2)])];
        assert!(geometry().scenario_bounds(&scenario).unwrap().contains(cairo));
    }

    #[test]
    fn a_line_to_a_large_country_ends_at_its_nearest_border() {
        let scenario = bundled("serbia-2023.ron");
        let map = geometry();
        let [start, end] = map.link_ends(&map.places(&scenario), "SRB", "RUS").unwrap();
        assert_eq!(map.country_at(start).map(|c| c.id.as_str()), Some("SRB"));
        // Russia's border point nearest Serbia lies west of 45° E, in Europe, and not in Kaliningrad (west of 23° E).
        let (ural, kaliningrad) = (project(45.0, 50.0), project(23.0, 55.0));
        assert!(end[0] < ural[0], "the line ends at {end:?}, beyond the Volga");
        assert!(end[0] > kaliningrad[0], "the line ends at {end:?}, in Kaliningrad");
    }
}
