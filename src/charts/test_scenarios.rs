//! Small hand-made scenarios whose chart values can be worked out by hand.

use crate::model::{Actor, ActorKind, Commodity, EnergyFlow, Scenario, ShareBasis};

pub fn actor(id: &str, name: &str, kind: ActorKind) -> Actor {
    Actor {
        id: id.to_owned(),
        name: name.to_owned(),
        local_name: None,
        kind,
        location: None,
        region: None,
        subregion: None,
        groups: Vec::new(),
        members: Vec::new(),
        memberships: Vec::new(),
        note: None,
        sources: Vec::new(),
    }
}

pub fn flow(supplier: &str, consumer: &str, share: f64, year: i32) -> EnergyFlow {
    EnergyFlow {
        supplier: supplier.to_owned(),
        consumer: consumer.to_owned(),
        commodity: Commodity::Gas,
        share,
        basis: ShareBasis::Consumption,
        volume: None,
        via: Vec::new(),
        route: None,
        year: Some(year),
        from: None,
        until: None,
        certainty: Default::default(),
        note: None,
        sources: vec!["src".to_owned()],
    }
}

/// Russia supplies Serbia (85% in 2023 through Bulgaria, 80% in 2021), Bulgaria (77% in 2021) and Hungary (65% in
/// 2023); Azerbaijan supplies Bulgaria (33% in 2023); Serbia produces 15% of its own gas in 2023.
pub fn small() -> Scenario {
    let mut serbia_2023 = flow("RUS", "SRB", 0.85, 2023);
    serbia_2023.via = vec!["BGR".to_owned()];
    serbia_2023.route = Some("Balkan Stream".to_owned());
    Scenario {
        actors: vec![
            actor("RUS", "Russia", ActorKind::State),
            actor("SRB", "Serbia", ActorKind::State),
            actor("BGR", "Bulgaria", ActorKind::State),
            actor("HUN", "Hungary", ActorKind::State),
            actor("AZE", "Azerbaijan", ActorKind::State),
        ],
        energy: vec![
            serbia_2023,
            flow("SRB", "SRB", 0.15, 2023),
            flow("RUS", "SRB", 0.80, 2021),
            flow("RUS", "BGR", 0.77, 2021),
            flow("RUS", "HUN", 0.65, 2023),
            flow("AZE", "BGR", 0.33, 2023),
        ],
        ..Scenario::default()
    }
}
