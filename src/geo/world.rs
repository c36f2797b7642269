//! The world's country outlines, read once from the asset compiled into the binary (format: the header of
//! `scripts/make_world_map.py`). A country is found by its ISO 3166-1 alpha-3 id, the id states have in
//! scenarios.

use std::collections::HashMap;
use std::sync::OnceLock;

const ASSET: &[u8] = include_bytes!("../../assets/world-50m.bin");

/// One country's shape: polygons, each an outline then its holes, as (longitude, latitude) in degrees.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 (`XKX` for Kosovo); empty for shapes without one (e.g. Northern Cyprus).
    pub id: String,
    pub name: String,
    pub polygons: Vec<Vec<Vec<[f32; 2]>>>,
}

#[derive(Debug)]
pub struct World {
    pub countries: Vec<Country>,
    by_id: HashMap<String, usize>,
}

impl World {
    /// The country with this alpha-3 id, if the map has it.
    pub fn country(&self, id: &str) -> Option<&Country> {
        self.by_id.get(id).map(|&at| &self.countries[at])
    }
}

/// The outlines, decoded on first use.
pub fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| decode(ASSET).expect("the world map asset compiled into GeoDep is well-formed"))
}

/// Reads the asset; `None` if it is cut short or not one.
fn decode(bytes: &[u8]) -> Option<World> {
    let mut reader = Reader { bytes, at: 0 };
    if reader.take(8)? != b"GDWORLD1" {
        return None;
    }
    let count = reader.u16()?;
    let mut countries = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let id = std::str::from_utf8(reader.take(3)?).ok()?.trim().to_owned();
        let name_length = reader.take(1)?[0] as usize;
        let name = std::str::from_utf8(reader.take(name_length)?).ok()?.to_owned();
        let polygons = (0..reader.u16()?).map(|_| polygon(&mut reader)).collect::<Option<Vec<_>>>()?;
        let polygons = super::antimeridian::mend(polygons);
        countries.push(Country { id, name, polygons });
    }
    // The first shape of a code wins (Australia before the Ashmore and Cartier Islands, both AUS): in reverse
    // order it is inserted last.
    let by_id = countries
        .iter()
        .enumerate()
        .filter(|(_, country)| !country.id.is_empty())
        .rev()
        .map(|(at, country)| (country.id.clone(), at))
        .collect();
    Some(World { countries, by_id })
}

fn polygon(reader: &mut Reader<'_>) -> Option<Vec<Vec<[f32; 2]>>> {
    (0..reader.u16()?)
        .map(|_| {
            let count = reader.u32()? as usize;
            (0..count).map(|_| Some([reader.i16()? as f32 / 100.0, reader.i16()? as f32 / 100.0])).collect()
        })
        .collect()
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(count)?)?;
        self.at += count;
        Some(taken)
    }

    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|bytes| u16::from_le_bytes([bytes[0], bytes[1]]))
    }

    fn i16(&mut self) -> Option<i16> {
        self.take(2).map(|bytes| i16::from_le_bytes([bytes[0], bytes[1]]))
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|bytes| u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_has_the_western_balkans_kosovo_included() {
        let world = world();
        assert!(world.countries.len() > 200);
        for (id, name) in [("SRB", "Serbia"), ("XKX", "Kosovo"), ("BIH", "Bosnia and Herz."), ("MNE", "Montenegro")] {
            assert_eq!(world.country(id).map(|country| country.name.as_str()), Some(name), "{id}");
        }
    }

    #[test]
    fn serbias_outline_surrounds_belgrade_and_not_budapest() {
        let serbia = world().country("SRB").unwrap();
        let inside = |point: [f32; 2]| serbia.polygons.iter().any(|polygon| contains(&polygon[0], point));
        assert!(inside([20.45, 44.79]), "Belgrade");
        assert!(!inside([19.04, 47.50]), "Budapest");
    }

    /// Even-odd rule: whether a ray from the point crosses the ring an odd number of times.
    fn contains(ring: &[[f32; 2]], [x, y]: [f32; 2]) -> bool {
        let mut inside = false;
        for (a, b) in ring.iter().zip(ring.iter().cycle().skip(1)) {
            if (a[1] > y) != (b[1] > y) && x < a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]) {
                inside = !inside;
            }
        }
        inside
    }

    /// Every bundled actor whose id is an ISO 3166-1 alpha-3 code (or Kosovo's XKX) is a country on the map, but
    /// for Tuvalu, too small for the 1:50m outlines, which the world scenario places at a point instead.
    #[test]
    fn every_bundled_country_finds_its_shape() {
        let mut countries = 0;
        for bundled in crate::library::BUNDLED {
            let scenario = crate::io::load_text(bundled.text).scenario.expect("bundled scenarios load");
            for actor in &scenario.actors {
                let is_country = crate::exchange::codes::country_name(&actor.id).is_some() || actor.id == "XKX";
                if !is_country {
                    continue;
                }
                countries += 1;
                if actor.id == "TUV" {
                    assert!(world().country("TUV").is_none() && actor.location.is_some(), "Tuvalu is a point");
                } else {
                    assert!(world().country(&actor.id).is_some(), "{}: {} has no shape", bundled.file_name, actor.id);
                }
            }
        }
        assert!(countries > 250, "only {countries} bundled actors are countries");
    }

    #[test]
    fn a_cut_short_or_foreign_asset_is_refused_not_misread() {
        assert!(decode(b"GDWORLD").is_none());
        assert!(decode(b"NOTWORLD\x01\x00").is_none());
        assert!(decode(&ASSET[..ASSET.len() - 1]).is_none());
        assert!(decode(ASSET).is_some());
    }
}
