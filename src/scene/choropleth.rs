//! Choropleth maps as plain data: each actor's value of one measure from the analysis in a year (its dependence on
//! a supplier, how concentrated its suppliers are, its agreement in votes with an actor, what it loses in a
//! what-if shock, or its sanctions stance), the colour scale, hover texts and the legend. Colours are safe for
//! colour-blind readers: viridis for shares and concentration, ColorBrewer's purple–orange (PuOr) centred on a half
//! for vote agreement, the stance palette for stances. Domains are fixed (shares and agreement 0 to 1, HHI 0 to
//! 10,000), so that maps of different years compare. An actor without a value has no data, which the view draws
//! differently from zero: zero is data. No egui here.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Rgba, palette};
use crate::analysis::alignment::{Agreement, agreement_with};
use crate::analysis::dependence::{Dependence, dependences};
use crate::analysis::shock::{Disruption, Loss, shock};
use crate::charts::flows_in;
use crate::format::{count, percent, thousands};
use crate::model::{ActorKind, Ballot, Commodity, Dated, Scenario, ShareBasis, SourceGrades, Stance};

/// What the map colours countries by.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// The share of each consumer's use of `commodity` that comes from `supplier` (shares of imports for a consumer
    /// with no share of consumption recorded). A consumer with records of the commodity but none from the supplier
    /// has zero.
    Dependence { supplier: String, commodity: Commodity },
    /// How concentrated each consumer's suppliers of `commodity` are: the HHI from 0 to 10,000 of the recorded
    /// shares (own production counts as a supplier; the unrecorded rest is left out).
    Concentration { commodity: Commodity },
    /// The share of the votes both took part in where an actor voted as `with` did (an abstention against a yes or
    /// no counts half), over every vote of the scenario whatever the year.
    VoteAgreement { with: String },
    /// What each consumer loses under the shock: the largest share it loses of any one commodity (for a supplier
    /// cut in one commodity, of that commodity). A consumer of what the shock could touch that loses nothing has
    /// zero.
    ShockLoss(Disruption),
    /// Each actor's sanctions stance towards `target`; where two records apply in the year, the later in the file,
    /// as on the graph.
    Stance { target: String },
    /// Each voter's ballot in one vote (by its id): who voted like whom on, say, the annexations.
    Ballots { vote: String },
}

impl Measure {
    /// "Dependence on Russia for gas", for titles and menus.
    pub fn label(&self, scenario: &Scenario) -> String {
        match self {
            Measure::Dependence { supplier, commodity } => {
                format!("Dependence on {} for {}", scenario.actor_name(supplier), commodity_words(commodity))
            }
            Measure::Concentration { commodity } => {
                format!("Concentration of {} suppliers (HHI)", commodity_words(commodity))
            }
            Measure::VoteAgreement { with } => format!("Agreement in votes with {}", scenario.actor_name(with)),
            Measure::ShockLoss(disruption) => format!("Supply lost if {}", disruption.describe(scenario)),
            Measure::Stance { target } => format!("Stances on sanctions against {}", scenario.actor_name(target)),
            Measure::Ballots { vote } => match scenario.votes.iter().find(|known| known.id == *vote) {
                Some(found) => format!("Ballots on {} ({}, {})", found.id, found.title, found.date),
                None => format!("Ballots on {vote}"),
            },
        }
    }
}

/// One actor's value: a number on the scale's domain, or a sanctions stance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Number(f64),
    Category(Stance),
    Ballot(Ballot),
}

/// How values become colours. The domains are fixed, whatever the values of one map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// A share from 0 to 1, on viridis.
    Share,
    /// The HHI from 0 to 10,000, on viridis.
    Concentration,
    /// Agreement from 0 to 1, on PuOr: orange for never, near white for half the time, purple for always.
    Agreement,
    /// Sanctions stances, in the stance colours every view uses.
    Stances,
    /// Ballots in one vote, in the ballot colours of the votes matrix.
    Ballots,
}

/// Matplotlib's viridis (Stéfan van der Walt and Nathaniel Smith, 2015) at ten even steps, as R's
/// `viridisLite::viridis(10)` publishes it; blended in between.
const VIRIDIS: [Rgba; 10] = [
    Rgba::rgb(0x44, 0x01, 0x54),
    Rgba::rgb(0x48, 0x28, 0x78),
    Rgba::rgb(0x3E, 0x4A, 0x89),
    Rgba::rgb(0x31, 0x68, 0x8E),
    Rgba::rgb(0x26, 0x82, 0x8E),
    Rgba::rgb(0x1F, 0x9E, 0x89),
    Rgba::rgb(0x35, 0xB7, 0x79),
    Rgba::rgb(0x6D, 0xCD, 0x59),
    Rgba::rgb(0xB4, 0xDE, 0x2C),
    Rgba::rgb(0xFD, 0xE7, 0x25),
];

/// ColorBrewer's diverging PuOr with 11 classes (Cynthia Brewer, colorbrewer2.org), orange end first; its middle
/// class (#f7f7f7) sits at a half.
const PURPLE_ORANGE: [Rgba; 11] = [
    Rgba::rgb(0x7f, 0x3b, 0x08),
    Rgba::rgb(0xb3, 0x58, 0x06),
    Rgba::rgb(0xe0, 0x82, 0x14),
    Rgba::rgb(0xfd, 0xb8, 0x63),
    Rgba::rgb(0xfe, 0xe0, 0xb6),
    Rgba::rgb(0xf7, 0xf7, 0xf7),
    Rgba::rgb(0xd8, 0xda, 0xeb),
    Rgba::rgb(0xb2, 0xab, 0xd2),
    Rgba::rgb(0x80, 0x73, 0xac),
    Rgba::rgb(0x54, 0x27, 0x88),
    Rgba::rgb(0x2d, 0x00, 0x4b),
];

/// The colour at `position` (0 to 1, clamped) of a ramp whose stops are evenly spaced, blended linearly.
fn ramp(stops: &[Rgba], position: f64) -> Rgba {
    let scaled = position.clamp(0.0, 1.0) * (stops.len() - 1) as f64;
    let below = (scaled.floor() as usize).min(stops.len() - 2);
    let amount = scaled - below as f64;
    let (low, high) = (stops[below], stops[below + 1]);
    let mix = |low: u8, high: u8| (f64::from(low) + (f64::from(high) - f64::from(low)) * amount).round() as u8;
    Rgba::rgb(mix(low.0, high.0), mix(low.1, high.1), mix(low.2, high.2))
}

impl Scale {
    /// The colour of a value; `None` for a value this scale does not draw (a stance on a numeric scale, a number
    /// that is not finite).
    pub fn colour(self, value: Value) -> Option<Rgba> {
        match (self, value) {
            (Scale::Stances, Value::Category(stance)) => Some(palette::stance(stance)),
            (Scale::Ballots, Value::Ballot(ballot)) => Some(palette::ballot(ballot)),
            (Scale::Stances | Scale::Ballots, _) | (_, Value::Category(_) | Value::Ballot(_)) => None,
            (_, Value::Number(number)) if !number.is_finite() => None,
            (Scale::Share | Scale::Concentration, Value::Number(number)) => {
                Some(ramp(&VIRIDIS, number / self.maximum()))
            }
            (Scale::Agreement, Value::Number(number)) => Some(ramp(&PURPLE_ORANGE, number)),
        }
    }

    fn maximum(self) -> f64 {
        match self {
            Scale::Concentration => 10_000.0,
            Scale::Share | Scale::Agreement | Scale::Stances | Scale::Ballots => 1.0,
        }
    }

    /// What the legend shows: the ramp with labels along it, or each stance with its colour.
    pub fn legend(self) -> Legend {
        let stops = |table: &[Rgba]| {
            let last = (table.len() - 1) as f64;
            table.iter().enumerate().map(|(at, colour)| (at as f64 / last, *colour)).collect()
        };
        let quarters = |label: &dyn Fn(f64) -> String| {
            [0.0, 0.25, 0.5, 0.75, 1.0].map(|at| (at, label(at * self.maximum()))).to_vec()
        };
        match self {
            Scale::Share => Legend::Ramp { stops: stops(&VIRIDIS), labels: quarters(&percent) },
            Scale::Concentration => Legend::Ramp { stops: stops(&VIRIDIS), labels: quarters(&thousands) },
            Scale::Agreement => Legend::Ramp {
                stops: stops(&PURPLE_ORANGE),
                labels: vec![
                    (0.0, "Never agrees".to_owned()),
                    (0.5, "Agrees half the time".to_owned()),
                    (1.0, "Always agrees".to_owned()),
                ],
            },
            Scale::Stances => Legend::Categories(
                Stance::ALL.into_iter().map(|stance| (stance.label().to_owned(), palette::stance(stance))).collect(),
            ),
            Scale::Ballots => Legend::Categories(
                [Ballot::Yes, Ballot::No, Ballot::Abstain, Ballot::Absent]
                    .into_iter()
                    .map(|ballot| (ballot_words(ballot).to_owned(), palette::ballot(ballot)))
                    .collect(),
            ),
        }
    }
}

/// The key to a map. The view adds its own entry for "no data" (and for the reference actor), which no scale
/// colours.
#[derive(Debug, Clone, PartialEq)]
pub enum Legend {
    /// A colour bar. `stops` are colours at positions from 0 (its start) to 1 (its end), blended linearly in
    /// between, as the map's colours are; `labels` are texts at positions along it.
    Ramp { stops: Vec<(f64, Rgba)>, labels: Vec<(f64, String)> },
    /// Each category's name and colour.
    Categories(Vec<(String, Rgba)>),
}

/// The actor a measure is taken against: it has no value of its own, and the view marks it instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub actor: String,
    /// What it is on this map: "the supplier", "closed to transit".
    pub role: String,
}

/// A map's values by actor id, the scale they are drawn on, and what each means.
#[derive(Debug, Clone, PartialEq)]
pub struct Choropleth {
    /// "Dependence on Russia for gas, 2023".
    pub title: String,
    pub values: HashMap<String, Value>,
    pub scale: Scale,
    pub reference: Option<Reference>,
    /// The hover text of each actor with a value.
    descriptions: HashMap<String, String>,
}

impl Choropleth {
    /// The colour of an actor, or `None` when it has no data (which is not zero: zero has the scale's colour).
    pub fn colour(&self, id: &str) -> Option<Rgba> {
        self.values.get(id).and_then(|value| self.scale.colour(*value))
    }

    /// Hover text: "62%", "HHI 8,100", "agrees in 7 of 9 votes (78%)", "Refuses"; the reference's role; or
    /// "no data".
    pub fn describe(&self, id: &str) -> String {
        if let Some(reference) = self.reference.as_ref().filter(|reference| reference.actor == id) {
            return reference.role.clone();
        }
        self.descriptions.get(id).cloned().unwrap_or_else(|| "no data".to_owned())
    }

    pub fn legend(&self) -> Legend {
        self.scale.legend()
    }
}

/// Each actor's value of `measure` in `year`.
pub fn build(scenario: &Scenario, year: i32, measure: &Measure) -> Choropleth {
    let label = measure.label(scenario);
    let grades = SourceGrades::of(scenario);
    let (scale, reference, entries) = match measure {
        Measure::Dependence { supplier, commodity } => (
            Scale::Share,
            Some((supplier, "the supplier")),
            dependence_entries(scenario, year, commodity, |dependence| {
                let share = dependence.share_from(supplier);
                let records = (dependence.suppliers.iter())
                    .filter(|share| share.supplier == *supplier)
                    .flat_map(|share| share.records.iter().copied());
                let records = records_words(scenario, &grades, records);
                let text = format!("{}{}{records}", percent(share), of_imports(dependence.basis));
                (Value::Number(share), text)
            }),
        ),
        Measure::Concentration { commodity } => (
            Scale::Concentration,
            None,
            dependence_entries(scenario, year, commodity, |dependence| {
                let mut text = format!("HHI {}{}", dependence.hhi_words(), of_imports(dependence.basis));
                if dependence.hhi_lower_bound {
                    text.push_str(&format!(" ({})", dependence.coverage_words()));
                }
                let records = dependence.suppliers.iter().flat_map(|share| share.records.iter().copied());
                text.push_str(&records_words(scenario, &grades, records));
                (Value::Number(dependence.hhi), text)
            }),
        ),
        Measure::VoteAgreement { with } => (
            Scale::Agreement,
            Some((with, "the actor compared with")),
            agreement_with(scenario, with)
                .into_iter()
                .map(|(actor, agreement)| {
                    let text = agreement_words(scenario, &agreement);
                    (actor, Value::Number(agreement.score), text)
                })
                .collect(),
        ),
        Measure::ShockLoss(disruption) => {
            let reference = match disruption {
                Disruption::CutSupplier { supplier, .. } => Some((supplier, "the supplier cut")),
                Disruption::CloseTransit { actor } => Some((actor, "closed to transit")),
                Disruption::CloseRoute { .. } => None,
            };
            (Scale::Share, reference, shock_entries(scenario, &grades, year, disruption))
        }
        Measure::Stance { target } => {
            (Scale::Stances, Some((target, "the sanctions target")), stance_entries(scenario, year, target))
        }
        Measure::Ballots { vote } => (Scale::Ballots, None, ballot_entries(scenario, vote)),
    };
    let reference = reference.map(|(actor, role)| Reference { actor: actor.clone(), role: role.to_owned() });
    let mut values = HashMap::new();
    let mut descriptions = HashMap::new();
    // Later entries replace earlier ones: the last stance record that applies wins.
    for (actor, value, text) in entries {
        if reference.as_ref().is_some_and(|reference| reference.actor == actor) {
            continue;
        }
        values.insert(actor.clone(), value);
        descriptions.insert(actor, text);
    }
    let title = match measure {
        Measure::VoteAgreement { .. } => format!("{label}, every recorded vote"),
        Measure::Ballots { .. } => label,
        _ => format!("{label}, {year}"),
    };
    Choropleth { title, values, scale, reference, descriptions }
}

/// The energy records a value rests on, each with its period, certainty and the grade of its best source:
/// " (energy[0] · 2023 · estimate · sources B, energy[2] · Dec 2023 · stated · sources A)", the first three named;
/// nothing when there are none.
fn records_words(scenario: &Scenario, grades: &SourceGrades, records: impl Iterator<Item = usize>) -> String {
    let records: Vec<usize> = records.collect();
    if records.is_empty() {
        return String::new();
    }
    let mut named: Vec<String> = records.iter().take(3).map(|&index| record_words(scenario, grades, index)).collect();
    if records.len() > 3 {
        named.push(format!("{} more", records.len() - 3));
    }
    format!(" ({})", named.join(", "))
}

/// One energy record in a tooltip: "energy[4] · 2023 · disputed · sources B" (its path, period, certainty and the
/// grade of its best source).
pub fn record_words(scenario: &Scenario, grades: &SourceGrades, index: usize) -> String {
    let details = scenario.energy.get(index).map_or(String::new(), |flow| {
        let grade = grades.best(&flow.sources).letter();
        format!(" · {} · {} · sources {grade}", flow.period().describe(), flow.certainty.word())
    });
    format!("{}{details}", crate::model::RecordRef::Energy(index).path())
}

/// One entry per consumer of `commodity` in the year, made from its dependence.
fn dependence_entries(
    scenario: &Scenario,
    year: i32,
    commodity: &Commodity,
    entry: impl Fn(&Dependence) -> (Value, String),
) -> Vec<(String, Value, String)> {
    let found = dependences(scenario, year).into_iter().filter(|dependence| dependence.commodity == *commodity);
    found
        .map(|dependence| {
            let (value, text) = entry(&dependence);
            (dependence.consumer, value, text)
        })
        .collect()
}

/// Each voter's ballot in the vote `vote`.
fn ballot_entries(scenario: &Scenario, vote: &str) -> Vec<(String, Value, String)> {
    let found = scenario.votes.iter().find(|known| known.id == vote);
    let ballots = found.into_iter().flat_map(|vote| vote.ballots.iter());
    ballots.map(|(voter, ballot)| (voter.clone(), Value::Ballot(*ballot), ballot_words(*ballot).to_owned())).collect()
}

/// "Yes", "No", "Abstained", "Did not vote".
fn ballot_words(ballot: Ballot) -> &'static str {
    match ballot {
        Ballot::Yes => "Yes",
        Ballot::No => "No",
        Ballot::Abstain => "Abstained",
        Ballot::Absent => "Did not vote",
    }
}

/// Each actor's stance towards `target` in the year, in file order.
fn stance_entries(scenario: &Scenario, year: i32, target: &str) -> Vec<(String, Value, String)> {
    let towards = scenario.sanctions.iter().filter(|stance| stance.target == target);
    towards
        .filter(|stance| stance.period().applies_in(year))
        .map(|stance| (stance.by.clone(), Value::Category(stance.stance), stance.stance.label().to_owned()))
        .collect()
}

/// Every consumer of what the disruption could touch in the year (of its commodity, for a supplier cut in one),
/// with its largest loss, zero when it loses nothing; the text lists every loss, largest first.
fn shock_entries(
    scenario: &Scenario,
    grades: &SourceGrades,
    year: i32,
    disruption: &Disruption,
) -> Vec<(String, Value, String)> {
    let hit_commodity = match disruption {
        Disruption::CutSupplier { commodity, .. } => commodity.as_ref(),
        Disruption::CloseTransit { .. } | Disruption::CloseRoute { .. } => None,
    };
    let mut losses: BTreeMap<String, Vec<Loss>> = dependences(scenario, year)
        .into_iter()
        .filter(|dependence| hit_commodity.is_none_or(|commodity| dependence.commodity == *commodity))
        .map(|dependence| (dependence.consumer, Vec::new()))
        .collect();
    // Largest first already.
    for loss in shock(scenario, disruption, year) {
        losses.entry(loss.consumer.clone()).or_default().push(loss);
    }
    losses
        .into_iter()
        .map(|(consumer, losses)| {
            let largest = losses.first().map_or(0.0, |loss| loss.lost_share);
            let text = if losses.iter().all(|loss| loss.lost_share == 0.0) {
                "loses nothing".to_owned()
            } else {
                let each = losses.iter().map(|loss| {
                    let imports = if loss.basis == ShareBasis::Imports { " imports" } else { "" };
                    let records = records_words(scenario, grades, loss.records.iter().copied());
                    format!(
                        "{} of its {}{imports}{records}",
                        percent(loss.lost_share),
                        commodity_words(&loss.commodity)
                    )
                });
                format!("loses {}", each.collect::<Vec<_>>().join(", "))
            };
            (consumer, Value::Number(largest), text)
        })
        .collect()
}

/// "agrees in 7 of 9 votes (78%)"; with an abstention in it, "agrees in 1.5 of 3 votes (50%), an abstention
/// counting half".
fn agreement_words(scenario: &Scenario, agreement: &Agreement) -> String {
    let agreeing = agreement.score * agreement.votes as f64;
    let whole = (agreeing - agreeing.round()).abs() < 1e-9;
    let (agreeing, half) = if whole {
        (format!("{agreeing:.0}"), "")
    } else {
        (format!("{agreeing:.1}"), ", an abstention counting half")
    };
    let mut votes: Vec<String> = (agreement.records.iter().take(3))
        .filter_map(|&index| scenario.votes.get(index))
        .map(|vote| format!("{} ({})", vote.id, vote.date))
        .collect();
    if agreement.records.len() > 3 {
        votes.push(format!("{} more", agreement.records.len() - 3));
    }
    let votes = votes.join(", ");
    format!("agrees in {agreeing} of {} ({}){half}: {votes}", count(agreement.votes, "vote"), percent(agreement.score))
}

fn of_imports(basis: ShareBasis) -> &'static str {
    match basis {
        ShareBasis::Consumption => "",
        ShareBasis::Imports => " of imports",
    }
}

/// "gas", "nuclear fuel", "hydrogen".
fn commodity_words(commodity: &Commodity) -> String {
    commodity.label().to_lowercase()
}

/// The measures worth offering for `year`, most telling first: dependence on each supplier for each commodity it
/// supplies (the supplier with the largest summed shares first, then its commodities likewise), the concentration
/// of each commodity's suppliers, the loss if each supplier is cut, each transit country closes or each named route
/// shuts, the stances towards each sanctions target (most often named first), and agreement in votes with each
/// sanctions target, supplier and bloc that votes (a bloc through its members).
pub fn measures_for(scenario: &Scenario, year: i32) -> Vec<Measure> {
    let found = dependences(scenario, year);
    let (pairs, suppliers) = largest_suppliers(&found);
    let commodities: BTreeSet<&Commodity> = found.iter().map(|dependence| &dependence.commodity).collect();
    let transit: BTreeSet<&str> = flows_in(scenario, year)
        .flat_map(|(record, _)| scenario.energy[record].via.iter().map(String::as_str))
        .collect();
    let targets = super::graph::sanctions_targets(scenario);
    let targets_in_year: BTreeSet<&str> = scenario
        .sanctions
        .iter()
        .filter(|stance| stance.period().applies_in(year))
        .map(|stance| stance.target.as_str())
        .collect();

    let mut measures: Vec<Measure> = pairs
        .into_iter()
        .map(|(supplier, commodity)| Measure::Dependence {
            supplier: supplier.to_owned(),
            commodity: commodity.clone(),
        })
        .collect();
    measures.extend(commodities.into_iter().map(|commodity| Measure::Concentration { commodity: commodity.clone() }));
    let disruptions = suppliers
        .iter()
        .map(|supplier| Disruption::CutSupplier { supplier: (*supplier).to_owned(), commodity: None })
        .chain(transit.into_iter().map(|actor| Disruption::CloseTransit { actor: actor.to_owned() }))
        .chain(named_routes(scenario, year).into_iter().map(|route| Disruption::CloseRoute { route }));
    measures.extend(disruptions.map(Measure::ShockLoss));
    let stances = targets.iter().filter(|target| targets_in_year.contains(target.as_str()));
    measures.extend(stances.map(|target| Measure::Stance { target: target.clone() }));
    let compared = voting_actors(scenario, targets.iter().map(String::as_str).chain(suppliers.iter().copied()));
    measures.extend(compared.into_iter().map(|with| Measure::VoteAgreement { with: with.to_owned() }));
    // One vote at a time, latest first.
    let mut votes: Vec<&crate::model::Vote> = scenario.votes.iter().collect();
    votes.sort_by(|a, b| b.date.cmp(&a.date));
    measures.extend(votes.into_iter().map(|vote| Measure::Ballots { vote: vote.id.clone() }));
    measures
}

/// Every (supplier, commodity) pair with a share in `found` (own production aside), and every supplier: the
/// supplier with the largest summed shares first, and each supplier's commodities likewise.
fn largest_suppliers(found: &[Dependence]) -> (Vec<(&str, &Commodity)>, Vec<&str>) {
    let mut supplied: HashMap<(&str, &Commodity), f64> = HashMap::new();
    let mut by_supplier: HashMap<&str, f64> = HashMap::new();
    for dependence in found {
        for share in dependence.suppliers.iter().filter(|share| share.supplier != dependence.consumer) {
            *supplied.entry((share.supplier.as_str(), &dependence.commodity)).or_default() += share.share;
            *by_supplier.entry(share.supplier.as_str()).or_default() += share.share;
        }
    }
    let mut pairs: Vec<((&str, &Commodity), f64)> = supplied.into_iter().collect();
    pairs.sort_by(|((a, a_commodity), a_total), ((b, b_commodity), b_total)| {
        by_supplier[b]
            .total_cmp(&by_supplier[a])
            .then_with(|| a.cmp(b))
            .then_with(|| b_total.total_cmp(a_total))
            .then_with(|| a_commodity.cmp(b_commodity))
    });
    let mut suppliers: Vec<&str> = by_supplier.keys().copied().collect();
    suppliers.sort_by(|a, b| by_supplier[b].total_cmp(&by_supplier[a]).then_with(|| a.cmp(b)));
    (pairs.into_iter().map(|(pair, _)| pair).collect(), suppliers)
}

/// The routes the year's flows name, once each as the shock compares them (trimmed, ignoring letter case), in the
/// spelling met first.
fn named_routes(scenario: &Scenario, year: i32) -> Vec<String> {
    let mut routes: BTreeMap<String, &str> = BTreeMap::new();
    for (record, _) in flows_in(scenario, year) {
        if let Some(route) = scenario.energy[record].route.as_deref().map(str::trim).filter(|route| !route.is_empty()) {
            routes.entry(route.to_ascii_lowercase()).or_insert(route);
        }
    }
    routes.into_values().map(str::to_owned).collect()
}

/// Those of `candidates` with a ballot, then every bloc with a member that has one (a bloc votes as most of its
/// members), each once.
fn voting_actors<'a>(scenario: &'a Scenario, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let voters: BTreeSet<&str> =
        scenario.votes.iter().flat_map(|vote| vote.ballots.keys().map(String::as_str)).collect();
    let blocs = scenario.actors.iter().filter(|actor| actor.kind == ActorKind::Bloc);
    let voting_blocs = blocs
        .filter(|bloc| bloc.members_at_any_time().any(|member| voters.contains(member)))
        .map(|bloc| bloc.id.as_str());
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    candidates.filter(|actor| voters.contains(actor)).chain(voting_blocs).filter(|actor| seen.insert(actor)).collect()
}

/// The map to show first: dependence on the largest supplier for the commodity it supplies most, else the first of
/// `measures_for`; `None` when the year has nothing to map.
pub fn default_measure(scenario: &Scenario, year: i32) -> Option<Measure> {
    measures_for(scenario, year).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gets 60% of its gas from Russia (through T, on the "Line" route) and 40% from B; D all of its gas from B;
    /// C only oil (half from Russia). Three votes; sanctions stances towards Russia.
    const TEXT: &str = r#"Scenario(format: 1, title: "Choropleth",
        actors: [
            Actor(id: "A", name: "Aland", kind: State), Actor(id: "B", name: "Bland", kind: State),
            Actor(id: "C", name: "Cland", kind: State), Actor(id: "D", name: "Dland", kind: State),
            Actor(id: "R", name: "Russia", kind: State), Actor(id: "T", name: "Transitland", kind: State),
            Actor(id: "U", name: "Union", kind: Bloc, members: ["A", "B"]),
        ],
        energy: [
            EnergyFlow(supplier: "R", consumer: "A", commodity: Gas, share: 0.6, via: ["T"], route: "Line", year: 2023),
            EnergyFlow(supplier: "B", consumer: "A", commodity: Gas, share: 0.4, year: 2023),
            EnergyFlow(supplier: "B", consumer: "D", commodity: Gas, share: 1.0, year: 2023),
            EnergyFlow(supplier: "R", consumer: "C", commodity: Oil, share: 0.5, year: 2023),
        ],
        sanctions: [
            SanctionStance(by: "A", target: "R", stance: Partial, year: 2023),
            SanctionStance(by: "A", target: "R", stance: Imposes, year: 2023),
            SanctionStance(by: "B", target: "R", stance: Refuses, from: "2022"),
            SanctionStance(by: "D", target: "R", stance: Aligns, year: 2021),
        ],
        votes: [
            Vote(id: "1", date: "2022", title: "One", ballots: {"A": Yes, "B": No, "R": No}),
            Vote(id: "2", date: "2022", title: "Two", ballots: {"A": Yes, "B": Absent, "R": Yes}),
            Vote(id: "3", date: "2023", title: "Three", ballots: {"A": Abstain, "R": No}),
        ])"#;

    fn scenario() -> Scenario {
        crate::io::load_text(TEXT).scenario.expect("the test scenario loads")
    }

    #[test]
    fn one_vote_colours_each_voter_by_its_ballot() {
        let map = build(&scenario(), 2023, &Measure::Ballots { vote: "1".into() });
        assert_eq!(map.values.get("B"), Some(&Value::Ballot(Ballot::No)));
        assert_eq!(map.values.get("R"), Some(&Value::Ballot(Ballot::No)), "no reference: Russia has its ballot");
        assert_eq!(map.colour("B"), map.colour("R"), "who voted like Russia shares its colour");
        assert_ne!(map.colour("A"), map.colour("R"));
        assert_eq!(map.colour("C"), None, "C did not take part in the vote: no data");
        assert_eq!(map.describe("B"), "No");
        assert_eq!(map.title, "Ballots on 1 (One, 2022)");
        let measures = measures_for(&scenario(), 2023);
        let votes: Vec<&Measure> =
            measures.iter().filter(|measure| matches!(measure, Measure::Ballots { .. })).collect();
        assert_eq!(votes.first(), Some(&&Measure::Ballots { vote: "3".into() }), "the latest vote first");
    }

    fn gas() -> Commodity {
        Commodity::Gas
    }

    #[test]
    fn dependence_is_the_share_from_the_supplier_and_zero_is_data() {
        let scenario = scenario();
        let map = build(&scenario, 2023, &Measure::Dependence { supplier: "R".into(), commodity: gas() });
        assert_eq!(map.title, "Dependence on Russia for gas, 2023");
        assert_eq!(map.values.get("A"), Some(&Value::Number(0.6)));
        assert_eq!(map.values.get("D"), Some(&Value::Number(0.0)), "gas, none of it from Russia");
        assert_eq!(map.values.get("C"), None, "no gas at all");
        assert_eq!(map.values.len(), 2);
        assert_eq!(map.colour("D"), Some(VIRIDIS[0]), "zero gets the ramp's start");
        assert_eq!(map.colour("C"), None);
        assert_eq!(map.describe("A"), "60% (energy[0] · 2023 · stated · sources F)", "with the record it rests on");
        assert_eq!(map.describe("D"), "0%");
        assert_eq!(map.describe("C"), "no data");
        assert_eq!(map.describe("R"), "the supplier");
        assert_eq!(map.reference, Some(Reference { actor: "R".into(), role: "the supplier".into() }));
        // 0.6 of the way along nine steps is 5.4: stop 5 (#1F9E89) blended 0.4 towards stop 6 (#35B779).
        assert_eq!(map.colour("A"), Some(Rgba::rgb(40, 168, 131)));
    }

    #[test]
    fn concentration_is_the_hhi_of_the_recorded_shares() {
        let scenario = scenario();
        let map = build(&scenario, 2023, &Measure::Concentration { commodity: gas() });
        // A: 60² + 40² = 3,600 + 1,600; D: one supplier of everything.
        assert_eq!(map.values.get("A"), Some(&Value::Number(5_200.0)));
        assert_eq!(map.values.get("D"), Some(&Value::Number(10_000.0)));
        let records = "(energy[0] · 2023 · stated · sources F, energy[1] · 2023 · stated · sources F)";
        assert_eq!(map.describe("A"), format!("HHI 5,200 {records}"));
        assert!(map.describe("D").starts_with("HHI 10,000 (energy["), "{}", map.describe("D"));
        assert_eq!(map.colour("D"), Some(VIRIDIS[9]), "10,000 gets the ramp's end");
        assert_eq!(map.title, "Concentration of gas suppliers (HHI), 2023");
        assert_eq!(map.reference, None);
    }

    #[test]
    fn a_shock_colours_the_largest_loss_of_each_consumer() {
        let scenario = scenario();
        let cut_gas = Disruption::CutSupplier { supplier: "R".into(), commodity: Some(gas()) };
        let map = build(&scenario, 2023, &Measure::ShockLoss(cut_gas));
        assert_eq!(map.values.get("A"), Some(&Value::Number(0.6)));
        assert_eq!(map.values.get("D"), Some(&Value::Number(0.0)), "D uses gas but none of Russia's");
        assert_eq!(map.values.get("C"), None, "C uses no gas");
        assert_eq!(map.describe("A"), "loses 60% of its gas (energy[0] · 2023 · stated · sources F)");
        assert_eq!(map.describe("D"), "loses nothing");
        assert_eq!(map.describe("R"), "the supplier cut");
        assert_eq!(map.title, "Supply lost if Russia stops supplying gas, 2023");

        let cut_all = Disruption::CutSupplier { supplier: "R".into(), commodity: None };
        let map = build(&scenario, 2023, &Measure::ShockLoss(cut_all));
        assert_eq!(map.values.get("C"), Some(&Value::Number(0.5)));
        assert!(map.describe("C").starts_with("loses 50% of its oil (energy["), "{}", map.describe("C"));

        let closed = build(&scenario, 2023, &Measure::ShockLoss(Disruption::CloseTransit { actor: "T".into() }));
        assert_eq!(closed.values.get("A"), Some(&Value::Number(0.6)));
        assert_eq!(closed.values.get("C"), Some(&Value::Number(0.0)));
        let route = build(&scenario, 2023, &Measure::ShockLoss(Disruption::CloseRoute { route: " line ".into() }));
        assert_eq!(route.values.get("A"), Some(&Value::Number(0.6)));
        assert_eq!(route.reference, None);
    }

    #[test]
    fn agreement_runs_from_orange_through_white_to_purple() {
        let scenario = scenario();
        let map = build(&scenario, 2023, &Measure::VoteAgreement { with: "R".into() });
        // A against R: no (0), yes (1), an abstention against no (0.5): 1.5 of 3.
        assert_eq!(map.values.get("A"), Some(&Value::Number(0.5)));
        assert_eq!(map.colour("A"), Some(Rgba::rgb(0xf7, 0xf7, 0xf7)), "a half is the middle class");
        assert_eq!(
            map.describe("A"),
            "agrees in 1.5 of 3 votes (50%), an abstention counting half: 1 (2022), 2 (2022), 3 (2023)"
        );
        // B voted no with R once and was absent once.
        assert_eq!(map.values.get("B"), Some(&Value::Number(1.0)));
        assert_eq!(map.describe("B"), "agrees in 1 of 1 vote (100%): 1 (2022)");
        assert_eq!(map.colour("B"), Some(PURPLE_ORANGE[10]));
        assert_eq!(map.values.get("D"), None, "D has no ballot");
        assert_eq!(map.title, "Agreement in votes with Russia, every recorded vote");
    }

    #[test]
    fn stances_are_categories_of_the_year() {
        let scenario = scenario();
        let map = build(&scenario, 2023, &Measure::Stance { target: "R".into() });
        assert_eq!(map.values.get("A"), Some(&Value::Category(Stance::Imposes)), "the later record wins");
        assert_eq!(map.values.get("B"), Some(&Value::Category(Stance::Refuses)));
        assert_eq!(map.values.get("D"), None, "D's stance was for 2021 only");
        assert_eq!(map.colour("B"), Some(palette::stance(Stance::Refuses)));
        assert_eq!(map.describe("A"), "Imposes");
        assert_eq!(map.title, "Stances on sanctions against Russia, 2023");
        let Legend::Categories(categories) = map.legend() else { panic!("stances have categories") };
        assert_eq!(categories.len(), 5);
        assert_eq!(categories[3], ("Refuses".to_owned(), palette::stance(Stance::Refuses)));
    }

    #[test]
    fn ramps_end_at_their_published_stops_and_refuse_what_they_cannot_draw() {
        assert_eq!(Scale::Share.colour(Value::Number(0.0)), Some(Rgba::rgb(0x44, 0x01, 0x54)));
        assert_eq!(Scale::Share.colour(Value::Number(1.0)), Some(Rgba::rgb(0xFD, 0xE7, 0x25)));
        assert_eq!(Scale::Share.colour(Value::Number(1.5)), Scale::Share.colour(Value::Number(1.0)), "clamped");
        assert_eq!(Scale::Concentration.colour(Value::Number(5_000.0)), Scale::Share.colour(Value::Number(0.5)));
        assert_eq!(Scale::Agreement.colour(Value::Number(0.0)), Some(Rgba::rgb(0x7f, 0x3b, 0x08)));
        assert_eq!(Scale::Share.colour(Value::Number(f64::NAN)), None);
        assert_eq!(Scale::Share.colour(Value::Category(Stance::Aligns)), None);
        assert_eq!(Scale::Stances.colour(Value::Number(0.5)), None);
        let Legend::Ramp { stops, labels } = Scale::Concentration.legend() else { panic!("a ramp") };
        assert_eq!(stops.first(), Some(&(0.0, VIRIDIS[0])));
        assert_eq!(stops.last(), Some(&(1.0, VIRIDIS[9])));
        assert_eq!(labels.last(), Some(&(1.0, "10,000".to_owned())));
        let Legend::Ramp { labels, .. } = Scale::Share.legend() else { panic!("a ramp") };
        assert_eq!(labels[1], (0.25, "25%".to_owned()));
    }

    #[test]
    fn the_measures_offered_start_with_the_largest_supplier() {
        let scenario = scenario();
        // B supplies 0.4 + 1.0 of gas; Russia 0.6 of gas and 0.5 of oil.
        assert_eq!(
            default_measure(&scenario, 2023),
            Some(Measure::Dependence { supplier: "B".into(), commodity: gas() })
        );
        let measures = measures_for(&scenario, 2023);
        assert_eq!(
            measures,
            vec![
                Measure::Dependence { supplier: "B".into(), commodity: gas() },
                Measure::Dependence { supplier: "R".into(), commodity: gas() },
                Measure::Dependence { supplier: "R".into(), commodity: Commodity::Oil },
                Measure::Concentration { commodity: gas() },
                Measure::Concentration { commodity: Commodity::Oil },
                Measure::ShockLoss(Disruption::CutSupplier { supplier: "B".into(), commodity: None }),
                Measure::ShockLoss(Disruption::CutSupplier { supplier: "R".into(), commodity: None }),
                Measure::ShockLoss(Disruption::CloseTransit { actor: "T".into() }),
                Measure::ShockLoss(Disruption::CloseRoute { route: "Line".into() }),
                Measure::Stance { target: "R".into() },
                Measure::VoteAgreement { with: "R".into() },
                Measure::VoteAgreement { with: "B".into() },
                Measure::VoteAgreement { with: "U".into() },
                // Each vote, the latest first (votes of one date in file order).
                Measure::Ballots { vote: "3".into() },
                Measure::Ballots { vote: "1".into() },
                Measure::Ballots { vote: "2".into() },
            ]
        );
        assert_eq!(default_measure(&scenario, 1990), Some(Measure::VoteAgreement { with: "R".into() }));
        assert_eq!(default_measure(&Scenario::default(), 2023), None);
    }
}
