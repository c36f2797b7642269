//! The benchmarks' scenario the size of a large study, made by the same generator as `geodep generate` (so that
//! anyone can write the same file and open it: `geodep generate --actors 2000 --ties 20000 --flows 20000 --seed 1
//! --out large.ron`), and the actors the benchmarks pick in it.

#![allow(dead_code)] // Each benchmark uses some of these.

use geodep::model::*;

/// 2,000 states, 20,000 diplomatic ties and 20,000 energy flows (2020 to 2023), with blocs, sanctions and votes.
pub fn large_scenario() -> Scenario {
    let request = geodep::synthetic::Request { states: 2_000, ties: 20_000, energy_flows: Some(20_000), seed: 1 };
    geodep::synthetic::generate(&request).expect("the generator takes 2,000 states")
}

/// The supplier of the most flows of `commodity`: the one whose exposure ranking has the most to rank.
pub fn largest_supplier(scenario: &Scenario, commodity: &Commodity) -> String {
    most_common(scenario.energy.iter().filter(|flow| &flow.commodity == commodity).map(|flow| &flow.supplier))
}

/// The country the most flows pass through: the transit whose closing moves the most.
pub fn busiest_transit(scenario: &Scenario) -> String {
    most_common(scenario.energy.iter().flat_map(|flow| &flow.via))
}

fn most_common<'a>(ids: impl Iterator<Item = &'a String>) -> String {
    let mut counts: std::collections::BTreeMap<&String, usize> = Default::default();
    for id in ids {
        *counts.entry(id).or_default() += 1;
    }
    let most = counts.into_iter().max_by_key(|&(id, count)| (count, std::cmp::Reverse(id)));
    most.map(|(id, _)| id.clone()).expect("the large scenario has such flows")
}

/// The large scenario with every actor on the map: the first ones are the world's countries (by their ISO
/// codes), the others sit at scattered locations (cities, companies), so that the map draws them all.
pub fn placed_large_scenario() -> Scenario {
    let mut scenario = large_scenario();
    let countries: Vec<&str> = geodep::scene::map::geometry()
        .countries
        .iter()
        .map(|country| country.id.as_str())
        .filter(|id| !id.is_empty())
        .collect();
    let renames: std::collections::HashMap<String, String> = scenario
        .actors
        .iter()
        .zip(&countries)
        .map(|(actor, country)| (actor.id.clone(), (*country).to_owned()))
        .collect();
    let rename = |id: &mut String| {
        if let Some(country) = renames.get(id.as_str()) {
            *id = country.clone();
        }
    };
    for (index, actor) in scenario.actors.iter_mut().enumerate() {
        rename(&mut actor.id);
        if index >= countries.len() {
            // Spread over the inhabited latitudes, deterministically.
            let lat = -40.0 + (index * 37 % 110) as f64;
            let lon = -170.0 + (index * 151 % 340) as f64;
            actor.location = Some(GeoPoint { lat, lon });
        }
    }
    for flow in &mut scenario.energy {
        rename(&mut flow.supplier);
        rename(&mut flow.consumer);
        flow.via.iter_mut().for_each(rename);
    }
    for tie in &mut scenario.ties {
        rename(&mut tie.a);
        rename(&mut tie.b);
    }
    scenario
}
