//! The synthetic states: ids and names, a UN M49 region and sub-region drawn as unevenly as the real ones are
//! filled, a place on the map inside the sub-region, and where each state stands between the two camps.

use super::SOURCE_ID;
use super::random::Random;
use crate::model::{Actor, ActorKind, GeoPoint};

/// A UN M49 sub-region (or intermediate region), with about how many states it holds (the weight by which states
/// are drawn into it) and its rough centre on the map.
struct Subregion {
    region: &'static str,
    name: &'static str,
    weight: u32,
    latitude: f64,
    longitude: f64,
}

const fn subregion(region: &'static str, name: &'static str, weight: u32, latitude: f64, longitude: f64) -> Subregion {
    Subregion { region, name, weight, latitude, longitude }
}

const SUBREGIONS: [Subregion; 22] = [
    subregion("Africa", "Northern Africa", 6, 28.0, 12.0),
    subregion("Africa", "Western Africa", 16, 12.0, -4.0),
    subregion("Africa", "Middle Africa", 9, 2.0, 18.0),
    subregion("Africa", "Eastern Africa", 18, -4.0, 36.0),
    subregion("Africa", "Southern Africa", 5, -25.0, 25.0),
    subregion("Americas", "Northern America", 2, 50.0, -100.0),
    subregion("Americas", "Central America", 8, 16.0, -90.0),
    subregion("Americas", "Caribbean", 13, 18.0, -72.0),
    subregion("Americas", "South America", 12, -15.0, -60.0),
    subregion("Asia", "Central Asia", 5, 43.0, 66.0),
    subregion("Asia", "Eastern Asia", 5, 37.0, 115.0),
    subregion("Asia", "South-eastern Asia", 11, 5.0, 110.0),
    subregion("Asia", "Southern Asia", 9, 24.0, 76.0),
    subregion("Asia", "Western Asia", 18, 32.0, 44.0),
    subregion("Europe", "Northern Europe", 10, 60.0, 15.0),
    subregion("Europe", "Western Europe", 9, 48.0, 6.0),
    subregion("Europe", "Southern Europe", 15, 42.0, 15.0),
    subregion("Europe", "Eastern Europe", 10, 52.0, 30.0),
    subregion("Oceania", "Australia and New Zealand", 2, -30.0, 145.0),
    subregion("Oceania", "Melanesia", 4, -8.0, 158.0),
    subregion("Oceania", "Micronesia", 5, 8.0, 158.0),
    subregion("Oceania", "Polynesia", 3, -16.0, -170.0),
];

/// The M49 regions, in the order of [`SUBREGIONS`].
const REGIONS: [&str; 5] = ["Africa", "Americas", "Asia", "Europe", "Oceania"];

/// How far from its sub-region's centre a state may lie, in degrees of latitude and of longitude.
const SPREAD: (f64, f64) = (6.0, 9.0);

/// One synthetic state, by its index in the scenario's list of actors.
pub(super) struct State {
    pub(super) id: String,
    pub(super) name: String,
    subregion: usize,
    /// Where the state stands between two camps, from -1 (with the sanctions target) to +1 (against it). Ties,
    /// stances, blocs and ballots all lean on it, so that they agree with each other as real ones do.
    pub(super) alignment: f64,
    location: GeoPoint,
}

impl State {
    pub(super) fn region(&self) -> &'static str {
        SUBREGIONS[self.subregion].region
    }

    pub(super) fn subregion(&self) -> usize {
        self.subregion
    }

    pub(super) fn actor(&self) -> Actor {
        let place = &SUBREGIONS[self.subregion];
        Actor {
            location: Some(self.location),
            region: Some(place.region.to_owned()),
            subregion: Some(place.name.to_owned()),
            sources: vec![SOURCE_ID.to_owned()],
            ..Actor::new(&self.id, &self.name, ActorKind::State)
        }
    }
}

/// `count` states, `S0001` to `S{count}` (zero-padded so that ids sort in number order), named "State 1"….
pub(super) fn make_states(count: usize, random: &mut Random) -> Vec<State> {
    let width = count.to_string().len().max(4);
    // Each region leans to one camp, each sub-region a little more or less, each state its own way.
    let region_leaning: Vec<f64> = REGIONS.iter().map(|_| random.between(-0.5, 0.7)).collect();
    let subregion_leaning: Vec<f64> = SUBREGIONS
        .iter()
        .map(|place| {
            let region = REGIONS.iter().position(|region| *region == place.region).unwrap_or(0);
            region_leaning[region] + random.between(-0.2, 0.2)
        })
        .collect();
    (1..=count)
        .map(|number| {
            let subregion = draw_subregion(random);
            let alignment = (subregion_leaning[subregion] + random.between(-0.35, 0.35)).clamp(-1.0, 1.0);
            State {
                id: format!("S{number:0width$}"),
                name: format!("State {number}"),
                subregion,
                alignment,
                location: place_in(&SUBREGIONS[subregion], random),
            }
        })
        .collect()
}

/// The states of each sub-region, by index, for picking neighbours.
pub(super) fn states_by_subregion(states: &[State]) -> Vec<Vec<usize>> {
    let mut members = vec![Vec::new(); SUBREGIONS.len()];
    for (index, state) in states.iter().enumerate() {
        members[state.subregion].push(index);
    }
    members
}

/// A sub-region, drawn in proportion to the states it really holds.
fn draw_subregion(random: &mut Random) -> usize {
    let total: u32 = SUBREGIONS.iter().map(|place| place.weight).sum();
    let mut ticket = random.below(total as usize) as u32;
    for (index, place) in SUBREGIONS.iter().enumerate() {
        if ticket < place.weight {
            return index;
        }
        ticket -= place.weight;
    }
    SUBREGIONS.len() - 1
}

/// A point near the sub-region's centre, rounded to hundredths of a degree; longitudes wrap round the date line.
fn place_in(place: &Subregion, random: &mut Random) -> GeoPoint {
    let latitude = (place.latitude + random.between(-SPREAD.0, SPREAD.0)).clamp(-80.0, 80.0);
    let mut longitude = place.longitude + random.between(-SPREAD.1, SPREAD.1);
    if longitude > 180.0 {
        longitude -= 360.0;
    } else if longitude < -180.0 {
        longitude += 360.0;
    }
    let hundredths = |degrees: f64| (degrees * 100.0).round() / 100.0;
    GeoPoint { lat: hundredths(latitude), lon: hundredths(longitude) }
}

/// The name of a sub-region, for naming a regional bloc.
pub(super) fn subregion_name(subregion: usize) -> &'static str {
    SUBREGIONS.get(subregion).map_or("", |place| place.name)
}

pub(super) fn subregion_count() -> usize {
    SUBREGIONS.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_in_number_order_and_every_state_has_a_place() {
        let states = make_states(12_345, &mut Random::for_part(3, 0));
        assert_eq!(states[0].id, "S00001");
        assert_eq!(states[12_344].id, "S12345");
        assert!(states.windows(2).all(|pair| pair[0].id < pair[1].id));
        for state in &states {
            assert!((-1.0..=1.0).contains(&state.alignment));
            assert!((-90.0..=90.0).contains(&state.location.lat) && (-180.0..=180.0).contains(&state.location.lon));
        }
        assert_eq!(make_states(7, &mut Random::for_part(3, 0))[6].id, "S0007");
    }

    #[test]
    fn regions_are_filled_unevenly_as_the_real_ones_are() {
        let states = make_states(10_000, &mut Random::for_part(5, 0));
        let count = |region: &str| states.iter().filter(|state| state.region() == region).count();
        assert!(count("Africa") > 2 * count("Oceania"), "Africa {} Oceania {}", count("Africa"), count("Oceania"));
        assert!(count("Europe") > count("Americas"));
        let members = states_by_subregion(&states);
        assert_eq!(members.iter().map(Vec::len).sum::<usize>(), 10_000);
    }
}
