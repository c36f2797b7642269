//! Analysis results laid over the graph: the share of supply each actor loses in a shock, or the actors whose
//! records changed between two years. Node colours are replaced, and the legend explains them; the colour
//! scale is also written out as text in the legend so that colour is not the only cue.

use std::collections::HashMap;

use super::Rgba;

use crate::analysis::diff::diff_years;
use crate::analysis::shock::{Disruption, shock};
use crate::format::percent;
use crate::model::Scenario;
use crate::state::GraphOverlay;

/// Actors not touched by the overlay.
pub const UNTOUCHED: Rgba = Rgba::rgb(190, 190, 190);
/// The supplier cut or the transit country closed.
pub const SOURCE: Rgba = Rgba::rgb(90, 40, 140);
const CHANGED: Rgba = Rgba::rgb(230, 159, 0);

/// The colours an overlay gives nodes, and its legend.
#[derive(Debug, Clone, PartialEq)]
pub struct OverlayView {
    pub title: String,
    pub colours: HashMap<String, Rgba>,
    pub legend: Vec<(Rgba, String)>,
}

impl OverlayView {
    pub fn colour(&self, actor: &str) -> Rgba {
        self.colours.get(actor).copied().unwrap_or(UNTOUCHED)
    }
}

pub fn build(scenario: &Scenario, year: i32, overlay: &GraphOverlay) -> OverlayView {
    match overlay {
        GraphOverlay::Shock(disruption) => shock_view(scenario, year, disruption),
        GraphOverlay::Changes { from, to } => changes_view(scenario, *from, *to),
        GraphOverlay::Agreement { reference } => agreement_view(scenario, reference),
        GraphOverlay::Highlight { title, actors } => OverlayView {
            title: title.clone(),
            colours: actors.iter().map(|actor| (actor.clone(), CHANGED)).collect(),
            legend: vec![(CHANGED, "A record differs".to_owned()), (UNTOUCHED, "The same".to_owned())],
        },
    }
}

/// Grey for nothing lost through dark red for everything lost.
pub fn loss_colour(lost: f64) -> Rgba {
    let amount = lost.clamp(0.0, 1.0) as f32;
    let (start, end) = ([250.0, 200.0, 180.0], [165.0, 15.0, 21.0]);
    let mix = |channel: usize| (start[channel] + (end[channel] - start[channel]) * amount).round() as u8;
    Rgba::rgb(mix(0), mix(1), mix(2))
}

fn shock_view(scenario: &Scenario, year: i32, disruption: &Disruption) -> OverlayView {
    let mut colours = HashMap::new();
    let mut worst: HashMap<String, f64> = HashMap::new();
    for loss in shock(scenario, disruption, year) {
        let entry = worst.entry(loss.consumer.clone()).or_default();
        *entry = entry.max(loss.lost_share);
    }
    for (actor, lost) in &worst {
        colours.insert(actor.clone(), loss_colour(*lost));
    }
    match disruption {
        Disruption::CutSupplier { supplier, .. } => colours.insert(supplier.clone(), SOURCE),
        Disruption::CloseTransit { actor } => colours.insert(actor.clone(), SOURCE),
        Disruption::CloseRoute { .. } => None,
    };
    let source = match disruption {
        Disruption::CloseRoute { .. } => None,
        Disruption::CloseTransit { .. } => Some((SOURCE, "Closed to transit".to_owned())),
        Disruption::CutSupplier { .. } => Some((SOURCE, "Supplier cut".to_owned())),
    };
    let legend = source
        .into_iter()
        .chain([0.25, 0.5, 1.0].map(|lost| (loss_colour(lost), format!("Loses {} of a commodity", percent(lost)))))
        .chain([(UNTOUCHED, "Loses nothing".to_owned())])
        .collect();
    OverlayView { title: format!("What if {} ({year})", disruption.describe(scenario)), colours, legend }
}

fn changes_view(scenario: &Scenario, from: i32, to: i32) -> OverlayView {
    let diff = diff_years(scenario, from, to);
    let colours =
        diff.changes.iter().flat_map(|change| change.actors()).map(|actor| (actor.to_owned(), CHANGED)).collect();
    OverlayView {
        title: format!("Changes from {from} to {to}"),
        colours,
        legend: vec![(CHANGED, "A record changed".to_owned()), (UNTOUCHED, "Unchanged".to_owned())],
    }
}

fn agreement_view(scenario: &Scenario, reference: &str) -> OverlayView {
    let mut colours: HashMap<String, Rgba> = crate::analysis::alignment::agreement_with(scenario, reference)
        .into_iter()
        .map(|(actor, agreement)| (actor, super::palette::agreement(agreement.score)))
        .collect();
    colours.insert(reference.to_owned(), SOURCE);
    let scale = [(1.0, "Always agrees"), (0.5, "Agrees half the time"), (0.0, "Never agrees")];
    let legend = std::iter::once((SOURCE, format!("{} (reference)", scenario.actor_name(reference))))
        .chain(scale.map(|(score, label)| (super::palette::agreement(score), label.to_owned())))
        .chain([(UNTOUCHED, "Did not vote".to_owned())])
        .collect();
    OverlayView { title: format!("Agreement in votes with {}", scenario.actor_name(reference)), colours, legend }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_agreement_legend_stays_apart_for_colour_blind_readers() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.unwrap();
        let view = agreement_view(&scenario, "SRB");
        let colours: Vec<(Rgba, &str)> = view.legend.iter().map(|(colour, label)| (*colour, label.as_str())).collect();
        use super::super::palette::{Deficiency, distance, simulate};
        type Vision = fn(Rgba) -> Rgba;
        let seen: [(&str, Vision); 3] = [
            ("normal vision", |colour| colour),
            ("protanopia", |colour| simulate(colour, Deficiency::Protanopia)),
            ("deuteranopia", |colour| simulate(colour, Deficiency::Deuteranopia)),
        ];
        for (vision, see) in seen {
            for (index, (one, first)) in colours.iter().enumerate() {
                for (other, second) in &colours[index + 1..] {
                    let apart = distance(see(*one), see(*other));
                    assert!(apart >= 60.0, "with {vision}, {first:?} and {second:?} are only {apart:.0} apart");
                }
            }
        }
    }

    #[test]
    fn a_closed_transit_country_colours_what_each_consumer_loses() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.unwrap();
        let view = build(&scenario, 2023, &GraphOverlay::Shock(Disruption::CloseTransit { actor: "BGR".into() }));
        assert_eq!(view.colour("BGR"), SOURCE);
        assert_eq!(view.colour("BIH"), loss_colour(1.0));
        assert_eq!(view.colour("SRB"), loss_colour(0.62));
        assert_eq!(view.colour("CHN"), UNTOUCHED);
        assert_eq!(view.title, "What if Bulgaria closes to transit (2023)");
    }

    #[test]
    fn agreement_colours_run_from_red_through_yellow_to_blue() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.unwrap();
        let view = build(&scenario, 2023, &GraphOverlay::Agreement { reference: "RUS".into() });
        assert_eq!(view.colour("RUS"), SOURCE);
        // Serbia agreed with Russia in an eighth of their votes: a quarter of the way from red (215, 48, 39) to
        // the middle's yellow (254, 224, 144): 215 + 39 / 4, 48 + 176 / 4, 39 + 105 / 4, rounded.
        assert_eq!(view.colour("SRB"), Rgba::rgb(225, 92, 65));
        assert_eq!(view.colour("XKX"), UNTOUCHED, "Kosovo has no UN ballot");
    }

    #[test]
    fn the_loss_scale_runs_from_pale_to_dark_red() {
        assert_eq!(loss_colour(0.0), Rgba::rgb(250, 200, 180));
        assert_eq!(loss_colour(1.0), Rgba::rgb(165, 15, 21));
        assert_eq!(loss_colour(3.0), loss_colour(1.0));
    }
}
