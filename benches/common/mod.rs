//! A synthetic scenario the size of a large study, shared by the benchmarks.

use geodep::model::*;

/// 2,000 states, each with ten suppliers of gas at 0.05 (shares sum to 0.5) and ten ties.
pub fn large_scenario() -> Scenario {
    let ids: Vec<String> = (0..2_000).map(|index| format!("A{index:04}")).collect();
    let actors = ids
        .iter()
        .map(|id| Actor {
            id: id.clone(),
            name: format!("Actor {id}"),
            local_name: None,
            kind: ActorKind::State,
            location: None,
            region: None,
            subregion: None,
            groups: vec![],
            members: vec![],
            memberships: vec![],
            note: None,
            sources: vec!["s".into()],
        })
        .collect();
    let mut energy = Vec::new();
    let mut ties = Vec::new();
    for (index, consumer) in ids.iter().enumerate() {
        for step in 1..=10 {
            let other = &ids[(index + step * 37) % ids.len()];
            energy.push(EnergyFlow {
                supplier: other.clone(),
                consumer: consumer.clone(),
                commodity: Commodity::Gas,
                share: 0.05,
                basis: ShareBasis::Consumption,
                volume: None,
                via: vec![ids[(index + step) % ids.len()].clone()],
                route: None,
                year: Some(2020 + (step as i32 % 4)),
                from: None,
                until: None,
                certainty: Certainty::Stated,
                note: None,
                sources: vec!["s".into()],
            });
            ties.push(Tie {
                a: consumer.clone(),
                b: other.clone(),
                kind: TieKind::Partnership,
                strength: 0.5,
                topic: None,
                directed: false,
                year: None,
                from: None,
                until: None,
                certainty: Certainty::Stated,
                note: None,
                sources: vec!["s".into()],
            });
        }
    }
    let source =
        Source { id: "s".into(), title: "Synthetic".into(), publisher: None, date: None, url: None, note: None };
    Scenario { title: "Large".into(), actors, energy, ties, sources: vec![source], ..Scenario::default() }
}

#[allow(dead_code)] // Only the map benchmarks use it.
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
