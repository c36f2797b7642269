//! The colours every view uses, one meaning to a colour across the app: commodities (Okabe–Ito's colours, the
//! most drawn), sanctions stances (navy to maroon), signed tie strengths (red through grey to green), ballots,
//! identities (groups, blocs, suppliers) and the greys for "none" and "did not vote". No colour stands for two
//! things: actors are one colour on the graph, their kinds told by shape, so that orange is oil and only oil.
//! Colour is never the only carrier of meaning: shapes, dashes, arrows, letters and labels say it too. Tests
//! check that the keys of one view stay apart, to normal sight and under simulated colour blindness. Also the
//! themes' colours for slides and exported images (background, ink, bands) and how a theme adjusts line colours,
//! with the WCAG contrast they are checked by. Holds colours only; it draws nothing.

use super::Rgba;

use crate::model::{ActorKind, Ballot, Commodity, Stance};

/// Okabe–Ito: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, grey.
pub const CATEGORICAL: [Rgba; 8] = [
    Rgba::rgb(230, 159, 0),
    Rgba::rgb(86, 180, 233),
    Rgba::rgb(0, 158, 115),
    Rgba::rgb(240, 228, 66),
    Rgba::rgb(0, 114, 178),
    Rgba::rgb(213, 94, 0),
    Rgba::rgb(204, 121, 167),
    Rgba::rgb(153, 153, 153),
];

/// Gas sky blue, oil orange, coal near-black, electricity yellow, nuclear fuel reddish purple (Okabe–Ito), any
/// other commodity lavender.
pub fn commodity(commodity: &Commodity) -> Rgba {
    match commodity {
        Commodity::Gas => CATEGORICAL[1],
        Commodity::Oil => CATEGORICAL[0],
        Commodity::Coal => Rgba::rgb(35, 35, 35),
        Commodity::Electricity => CATEGORICAL[3],
        Commodity::NuclearFuel => CATEGORICAL[6],
        Commodity::Other(_) => Rgba::rgb(140, 110, 210),
    }
}

/// Energy flows of several commodities summed into one link (a group's): a dark brown, unlike any commodity's.
pub const MIXED_ENERGY: Rgba = Rgba::rgb(120, 80, 50);

/// Every actor on the graph, whatever its kind: its shape tells the kind (see `graph_style::node_shape`), so that
/// no commodity's, stance's or group's colour is spent on it. An olive drab of mid lightness, off the tie scale,
/// at least 3:1 against both the light and the dark backgrounds.
pub const ACTOR: Rgba = Rgba::rgb(100, 110, 60);

/// An actor's colour on a map: its country as land, darker for a state than for a territory; blocs,
/// organisations, companies and people, drawn as markers, in the graph's actor colour.
pub fn map_actor_kind(kind: ActorKind) -> Rgba {
    match kind {
        ActorKind::State => Rgba::rgb(190, 155, 95),
        ActorKind::Territory => Rgba::rgb(228, 205, 160),
        ActorKind::Bloc | ActorKind::Organisation | ActorKind::Company | ActorKind::Person => ACTOR,
    }
}

/// The identities a view tells apart by colour alone (groups, blocs, suppliers), in a stable order: seven colours
/// of their own, away from every commodity, stance, tie and ballot colour (the first supplier is not oil's
/// orange; the teal, mint and olive, nearest the tie scale and the actors' olive drab, come last). Past seven come
/// their lighter, then their darker shades, so that 21 differ; the legend and the pointer name them.
pub const IDENTITIES: [Rgba; 7] = [
    Rgba::rgb(210, 70, 100),
    Rgba::rgb(230, 160, 250),
    Rgba::rgb(250, 150, 130),
    Rgba::rgb(180, 200, 90),
    Rgba::rgb(90, 170, 160),
    Rgba::rgb(50, 230, 170),
    Rgba::rgb(110, 120, 0),
];

/// The colour of the n-th group (bloc, region, supplier) in a stable order (see `IDENTITIES`).
pub fn group(index: usize) -> Rgba {
    let hues = IDENTITIES.len();
    let Rgba(red, green, blue, alpha) = IDENTITIES[index % hues];
    let towards = |channel: u8, target: f32, amount: f32| (channel as f32 + (target - channel as f32) * amount) as u8;
    match (index / hues) % 3 {
        0 => Rgba(red, green, blue, alpha),
        1 => Rgba(towards(red, 255.0, 0.5), towards(green, 255.0, 0.5), towards(blue, 255.0, 0.5), alpha),
        _ => Rgba(towards(red, 0.0, 0.45), towards(green, 0.0, 0.45), towards(blue, 0.0, 0.45), alpha),
    }
}

/// "None": in no group or bloc, no stance recorded, several stances summed. A light grey, apart from the mid grey
/// of a neutral tie and the dark grey of an absent vote.
pub const NO_GROUP: Rgba = Rgba::rgb(215, 215, 215);

/// From imposing sanctions (navy) through aligning (cornflower), applying them in part (violet grey) and refusing
/// (ochre) to opposing them (maroon): two hues that stay apart for colour-blind readers, ordered by lightness.
pub fn stance(stance: Stance) -> Rgba {
    match stance {
        Stance::Imposes => Rgba::rgb(20, 60, 130),
        Stance::Aligns => Rgba::rgb(90, 130, 210),
        Stance::Partial => Rgba::rgb(170, 150, 190),
        Stance::Refuses => Rgba::rgb(175, 100, 20),
        Stance::Opposes => Rgba::rgb(110, 20, 40),
    }
}

/// A timeline's events (circles) and votes (diamonds).
pub const EVENT: Rgba = Rgba::rgb(0, 130, 150);
pub const VOTE: Rgba = Rgba::rgb(120, 40, 120);

/// A consumer's own production, beside its suppliers in the supply mix.
pub const OWN_PRODUCTION: Rgba = Rgba::rgb(95, 75, 110);

/// Yes bluish green, no vermillion, abstain straw, absent dark grey; each cell also carries a letter.
pub fn ballot(ballot: Ballot) -> Rgba {
    match ballot {
        Ballot::Yes => CATEGORICAL[2],
        Ballot::No => CATEGORICAL[5],
        Ballot::Abstain => Rgba::rgb(245, 215, 120),
        Ballot::Absent => Rgba::rgb(105, 105, 105),
    }
}

/// Signed strength from -1 (red) through grey (0) to +1 (green): a lighter green than the red is dark, so that
/// readers who confuse red with green still tell them apart.
pub fn strength(value: f64) -> Rgba {
    let hostile = [215.0, 48.0, 39.0];
    let neutral = [160.0, 160.0, 160.0];
    let allied = [50.0, 180.0, 90.0];
    let amount = value.clamp(-1.0, 1.0).abs() as f32;
    let end = if value < 0.0 { hostile } else { allied };
    let mix = |channel: usize| (neutral[channel] + (end[channel] - neutral[channel]) * amount).round() as u8;
    Rgba::rgb(mix(0), mix(1), mix(2))
}

/// How often an actor votes like another, from 0 (never: red) through 0.5 (half the time: light yellow) to 1
/// (always: blue), after ColorBrewer's RdYlBu, which colour-blind readers can tell apart. Its middle is a colour,
/// not a grey, so that it is not taken for "did not vote".
pub fn agreement(score: f64) -> Rgba {
    let stops = [[215.0, 48.0, 39.0], [254.0, 224.0, 144.0], [69.0, 117.0, 180.0]];
    let score = if score.is_finite() { score.clamp(0.0, 1.0) as f32 } else { 0.5 };
    let (from, to, amount) =
        if score < 0.5 { (stops[0], stops[1], score * 2.0) } else { (stops[1], stops[2], score * 2.0 - 1.0) };
    let mix = |channel: usize| (from[channel] + (to[channel] - from[channel]) * amount).round() as u8;
    Rgba::rgb(mix(0), mix(1), mix(2))
}

/// A colour vision deficiency, for checking that palettes stay apart for readers who have one.
#[derive(Debug, Clone, Copy)]
pub enum Deficiency {
    Protanopia,
    Deuteranopia,
}

/// How `colour` looks to a reader with `deficiency` (Machado, Oliveira and Fernandes 2009, severity 1, applied to
/// linear RGB).
pub fn simulate(colour: Rgba, deficiency: Deficiency) -> Rgba {
    let matrix = match deficiency {
        Deficiency::Protanopia => {
            [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
        }
        Deficiency::Deuteranopia => {
            [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
        }
    };
    let linear = |channel: u8| {
        let value = channel as f32 / 255.0;
        if value <= 0.04045 { value / 12.92 } else { ((value + 0.055) / 1.055).powf(2.4) }
    };
    let encode = |value: f32| {
        let value = value.clamp(0.0, 1.0);
        let encoded = if value <= 0.003_130_8 { value * 12.92 } else { 1.055 * value.powf(1.0 / 2.4) - 0.055 };
        (encoded * 255.0).round() as u8
    };
    let Rgba(red, green, blue, alpha) = colour;
    let input = [linear(red), linear(green), linear(blue)];
    let out = matrix.map(|row| encode(row[0] * input[0] + row[1] * input[1] + row[2] * input[2]));
    Rgba(out[0], out[1], out[2], alpha)
}

/// The distance between two colours in sRGB, from 0 (the same) to 441 (black and white).
pub fn distance(one: Rgba, other: Rgba) -> f32 {
    let difference = |a: u8, b: u8| (a as f32 - b as f32).powi(2);
    (difference(one.0, other.0) + difference(one.1, other.1) + difference(one.2, other.2)).sqrt()
}

/// How different two colours look: the distance between them in CIELAB (CIE 1976 ΔE, D65 white). About 2 is
/// just noticeable; keys that must be told apart at a glance are kept 20 or more apart.
pub fn difference(one: Rgba, other: Rgba) -> f32 {
    let (one, other) = (lab(one), lab(other));
    ((one[0] - other[0]).powi(2) + (one[1] - other[1]).powi(2) + (one[2] - other[2]).powi(2)).sqrt()
}

/// A colour's CIELAB lightness and opponent axes, from its sRGB channels.
fn lab(Rgba(red, green, blue, _): Rgba) -> [f32; 3] {
    let linear = |channel: u8| {
        let value = f32::from(channel) / 255.0;
        if value <= 0.04045 { value / 12.92 } else { ((value + 0.055) / 1.055).powf(2.4) }
    };
    let (red, green, blue) = (linear(red), linear(green), linear(blue));
    let x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047;
    let y = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
    let z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883;
    let f = |t: f32| if t > 0.008_856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

/// A look for slides, exported images and the graph's lines: the light one, a dark one (light text on a dark
/// background), and the projector one (black on white, with thicker and darker lines for washed-out projectors).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Projector,
}

/// The colours of a theme's surfaces and text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Surface {
    pub background: Rgba,
    pub ink: Rgba,
    /// Secondary text: counters, notes, the scenario's name.
    pub weak_ink: Rgba,
    /// The caption band at a slide's foot.
    pub band: Rgba,
    /// The plate behind a name drawn over the graph.
    pub plate: Rgba,
    /// Lines between grid cells.
    pub frame: Rgba,
    pub sea: Rgba,
    pub land: Rgba,
    /// Borders between countries and the rims of markers.
    pub border: Rgba,
}

/// Lines must stand out from the background by at least this contrast (WCAG's for graphics).
pub const LINE_CONTRAST: f32 = 3.0;

/// Text must stand out from its background by at least this contrast (WCAG AA for text).
pub const TEXT_CONTRAST: f32 = 4.5;

impl Theme {
    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Projector => "projector",
        }
    }

    pub fn surface(self) -> Surface {
        match self {
            Theme::Light => Surface {
                background: Rgba::WHITE,
                ink: Rgba::rgb(20, 20, 20),
                weak_ink: Rgba::rgb(80, 80, 80),
                band: Rgba::rgb(242, 242, 242),
                plate: Rgba(255, 255, 255, 220),
                frame: Rgba::rgb(200, 200, 200),
                sea: Rgba::rgb(234, 241, 247),
                land: Rgba::rgb(226, 226, 222),
                border: Rgba::WHITE,
            },
            Theme::Projector => Surface {
                background: Rgba::WHITE,
                ink: Rgba::BLACK,
                weak_ink: Rgba::rgb(55, 55, 55),
                band: Rgba::rgb(240, 240, 240),
                plate: Rgba(255, 255, 255, 235),
                frame: Rgba::rgb(120, 120, 120),
                sea: Rgba::rgb(228, 238, 247),
                land: Rgba::rgb(218, 218, 212),
                border: Rgba::WHITE,
            },
            Theme::Dark => Surface {
                background: Rgba::rgb(24, 26, 30),
                ink: Rgba::rgb(236, 236, 236),
                weak_ink: Rgba::rgb(180, 180, 180),
                band: Rgba::rgb(40, 43, 48),
                plate: Rgba(24, 26, 30, 220),
                frame: Rgba::rgb(90, 90, 90),
                sea: Rgba::rgb(30, 40, 52),
                land: Rgba::rgb(58, 60, 62),
                border: Rgba::rgb(24, 26, 30),
            },
        }
    }

    /// How much wider than normal lines are drawn: half as wide again on a projector, which washes thin lines out.
    pub fn line_width_factor(self) -> f32 {
        match self {
            Theme::Projector => 1.6,
            Theme::Light | Theme::Dark => 1.0,
        }
    }

    /// A line's colour in this theme: as it is where it stands out from the background enough, else darkened
    /// (or on a dark background lightened) in its own hue until it does. The projector aims higher than the
    /// minimum, for washed-out projectors.
    pub fn line_colour(self, colour: Rgba) -> Rgba {
        match self {
            Theme::Light => colour,
            Theme::Dark => readable_on(colour, self.surface().background, LINE_CONTRAST),
            Theme::Projector => readable_on(colour, self.surface().background, 3.5),
        }
    }
}

/// WCAG 2 relative luminance of a colour's sRGB channels (its alpha is left aside), from 0 (black) to 1 (white).
pub fn relative_luminance(Rgba(red, green, blue, _): Rgba) -> f32 {
    let linear = |channel: u8| {
        let value = f32::from(channel) / 255.0;
        if value <= 0.04045 { value / 12.92 } else { ((value + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
}

/// WCAG 2 contrast ratio between two colours, from 1 (the same) to 21 (black and white).
pub fn contrast(one: Rgba, other: Rgba) -> f32 {
    let (a, b) = (relative_luminance(one), relative_luminance(other));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `colour` moved towards black (on a light background) or white (on a dark one), in steps of a twentieth,
/// until its contrast against `background` is at least `ratio`.
pub fn readable_on(colour: Rgba, background: Rgba, ratio: f32) -> Rgba {
    let target = if relative_luminance(background) > 0.18 { 0.0 } else { 255.0 };
    let Rgba(red, green, blue, alpha) = colour;
    let towards =
        |channel: u8, amount: f32| (f32::from(channel) + (target - f32::from(channel)) * amount).round() as u8;
    (0..=20)
        .map(|step| {
            let amount = step as f32 / 20.0;
            Rgba(towards(red, amount), towards(green, amount), towards(blue, amount), alpha)
        })
        .find(|candidate| contrast(*candidate, background) >= ratio)
        .unwrap_or(Rgba(target as u8, target as u8, target as u8, alpha))
}

#[cfg(test)]
mod tests {
    #[test]
    fn simulated_colour_blindness_keeps_greys_and_merges_red_with_green() {
        for deficiency in [Deficiency::Protanopia, Deficiency::Deuteranopia] {
            // Each row of the matrices sums to one: a grey is seen as the same grey, give or take rounding.
            let grey = simulate(Rgba::rgb(128, 128, 128), deficiency);
            assert!(distance(grey, Rgba::rgb(128, 128, 128)) <= 2.0, "{deficiency:?}: {grey:?}");
            // Red and green, far apart to normal vision, come close.
            let (red, green) = (Rgba::rgb(200, 60, 40), Rgba::rgb(60, 160, 40));
            let (seen_red, seen_green) = (simulate(red, deficiency), simulate(green, deficiency));
            assert!(distance(seen_red, seen_green) < distance(red, green) / 2.0, "{deficiency:?}");
        }
        assert_eq!(agreement(0.0), Rgba::rgb(215, 48, 39));
        assert_eq!(agreement(0.5), Rgba::rgb(254, 224, 144));
        assert_eq!(agreement(1.0), Rgba::rgb(69, 117, 180));
    }

    use super::*;

    #[test]
    fn strength_runs_from_red_through_grey_to_green() {
        assert_eq!(strength(0.0), Rgba::rgb(160, 160, 160));
        assert_eq!(strength(-1.0), Rgba::rgb(215, 48, 39));
        assert_eq!(strength(1.0), Rgba::rgb(50, 180, 90));
        assert_eq!(strength(0.5), Rgba::rgb(105, 170, 125), "half way from grey");
        assert_eq!(strength(2.0), strength(1.0), "clamped");
    }
}

#[cfg(test)]
mod group_tests {
    use super::*;

    #[test]
    fn twenty_one_groups_have_twenty_one_colours_none_of_them_the_no_group_grey() {
        let colours: Vec<Rgba> = (0..21).map(group).collect();
        for (at, colour) in colours.iter().enumerate() {
            assert!(!colours[..at].contains(colour), "group {at} repeats a colour");
            assert_ne!(*colour, NO_GROUP);
        }
        assert_eq!(group(0), IDENTITIES[0], "the first seven are the identities' own");
        assert_eq!(group(21), group(0));
    }
}

/// One meaning to a colour: every colour the app names, with what it means, checked against each other.
#[cfg(test)]
mod meaning_tests {
    use super::*;
    use crate::model::{Ballot, Commodity, Stance};

    /// Keys that must be told apart at a glance differ by at least this much (CIE 1976 ΔE).
    const APART: f32 = 20.0;
    /// Within one key, as seen by a reader with protanopia or deuteranopia: closer, since dashes, shapes and
    /// letters help there, but never the same.
    const APART_COLOUR_BLIND: f32 = 14.0;

    fn commodities() -> Vec<(String, Rgba)> {
        let mut all: Vec<(String, Rgba)> =
            [Commodity::Gas, Commodity::Oil, Commodity::Coal, Commodity::Electricity, Commodity::NuclearFuel]
                .iter()
                .chain([&Commodity::Other("hydrogen".into())])
                .map(|commodity| (commodity.label().to_owned(), super::commodity(commodity)))
                .collect();
        all.push(("several commodities".into(), MIXED_ENERGY));
        all
    }

    fn stances() -> Vec<(String, Rgba)> {
        let mut all: Vec<(String, Rgba)> =
            Stance::ALL.into_iter().map(|stance| (stance.label().to_owned(), super::stance(stance))).collect();
        all.push(("none".into(), NO_GROUP));
        all
    }

    fn ballots() -> Vec<(String, Rgba)> {
        [Ballot::Yes, Ballot::No, Ballot::Abstain, Ballot::Absent]
            .into_iter()
            .map(|ballot| (format!("voted {}", ballot.label()), super::ballot(ballot)))
            .collect()
    }

    fn ties() -> Vec<(String, Rgba)> {
        vec![("hostile".into(), strength(-1.0)), ("neutral".into(), strength(0.0)), ("friendly".into(), strength(1.0))]
    }

    fn identities() -> Vec<(String, Rgba)> {
        let mut all: Vec<(String, Rgba)> = (0..IDENTITIES.len()).map(|at| (format!("group {at}"), group(at))).collect();
        all.push(("none".into(), NO_GROUP));
        all
    }

    fn the_rest() -> Vec<(String, Rgba)> {
        vec![
            ("an actor".into(), ACTOR),
            ("a state's land".into(), map_actor_kind(ActorKind::State)),
            ("a territory's land".into(), map_actor_kind(ActorKind::Territory)),
            ("an event".into(), EVENT),
            ("a vote".into(), VOTE),
            ("own production".into(), OWN_PRODUCTION),
        ]
    }

    #[test]
    fn no_colour_means_two_things_anywhere_in_the_app() {
        let mut named: Vec<(String, Rgba)> = Vec::new();
        for key in [commodities(), stances(), ballots(), ties(), identities(), the_rest()] {
            for (meaning, colour) in key {
                if !named.iter().any(|(known, same)| *known == meaning && *same == colour) {
                    named.push((meaning, colour));
                }
            }
        }
        assert!(named.len() >= 33, "{}", named.len());
        for (at, (meaning, colour)) in named.iter().enumerate() {
            for (other_meaning, other) in &named[..at] {
                let apart = difference(*colour, *other);
                assert!(apart >= APART, "{meaning} and {other_meaning} are only {apart:.1} apart");
            }
        }
        // What the issue saw: orange was oil on the graph and the first supplier (Russia) in the charts.
        assert!(difference(group(0), commodity(&Commodity::Oil)) >= APART);
    }

    #[test]
    fn every_key_stays_apart_for_readers_with_protanopia_or_deuteranopia() {
        let keys = [
            ("commodities", commodities()),
            ("stances", stances()),
            ("ballots", ballots()),
            ("ties", ties()),
            ("identities", identities()),
            ("timeline", vec![("event".into(), EVENT), ("vote".into(), VOTE)]),
            (
                "map",
                vec![
                    ("state".into(), map_actor_kind(ActorKind::State)),
                    ("territory".into(), map_actor_kind(ActorKind::Territory)),
                    ("marker".into(), ACTOR),
                ],
            ),
        ];
        for (name, key) in keys {
            for deficiency in [Deficiency::Protanopia, Deficiency::Deuteranopia] {
                for (at, (meaning, colour)) in key.iter().enumerate() {
                    for (other_meaning, other) in &key[..at] {
                        let apart = difference(simulate(*colour, deficiency), simulate(*other, deficiency));
                        assert!(
                            apart >= APART_COLOUR_BLIND,
                            "{name} under {deficiency:?}: {meaning} and {other_meaning} only {apart:.1} apart"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn actors_stand_out_from_light_and_dark_backgrounds() {
        for background in [Theme::Light.surface().background, Theme::Dark.surface().background, Rgba::rgb(27, 27, 27)] {
            assert!(contrast(ACTOR, background) >= LINE_CONTRAST, "{background:?}");
        }
    }

    #[test]
    fn difference_is_cielab_distance() {
        assert!(difference(Rgba::WHITE, Rgba::WHITE) < 1e-3);
        assert!((difference(Rgba::BLACK, Rgba::WHITE) - 100.0).abs() < 0.1, "lightness 0 to 100");
        // Sky blue and orange, far apart; two greys 10 channel steps apart, close.
        assert!(difference(CATEGORICAL[0], CATEGORICAL[1]) > 60.0);
        assert!(difference(Rgba::rgb(150, 150, 150), Rgba::rgb(160, 160, 160)) < 5.0);
    }
}

#[cfg(test)]
mod theme_tests {
    use super::*;
    use crate::model::{Ballot, Commodity, Stance};

    #[test]
    fn contrast_follows_the_wcag_formula() {
        assert!((contrast(Rgba::BLACK, Rgba::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Rgba::WHITE, Rgba::WHITE) - 1.0).abs() < 1e-6);
        // Grey 118 on white is the usual example of just 4.5 : 1 (luminance 0.1812: 1.05 / 0.2312 = 4.54).
        assert!((contrast(Rgba::rgb(118, 118, 118), Rgba::WHITE) - 4.54).abs() < 0.01);
        // Okabe–Ito sky blue on white: luminance 0.4050, 1.05 / 0.4550 = 2.31, too faint for a line.
        assert!((contrast(CATEGORICAL[1], Rgba::WHITE) - 2.31).abs() < 0.01);
    }

    #[test]
    fn every_themes_text_has_at_least_four_and_a_half_to_one_against_its_backgrounds() {
        for theme in [Theme::Light, Theme::Dark, Theme::Projector] {
            let surface = theme.surface();
            for (ink, name) in [(surface.ink, "ink"), (surface.weak_ink, "weak ink")] {
                for (background, under) in [(surface.background, "background"), (surface.band, "band")] {
                    let ratio = contrast(ink, background);
                    assert!(ratio >= TEXT_CONTRAST, "{theme:?}: {name} on {under} is {ratio:.2} : 1");
                }
                // A name's plate is translucent over lines; its own colour is what the text mostly stands on.
                let ratio = contrast(surface.ink, Rgba(surface.plate.0, surface.plate.1, surface.plate.2, 255));
                assert!(ratio >= TEXT_CONTRAST, "{theme:?}: ink on a name plate is {ratio:.2} : 1");
            }
        }
    }

    /// Every colour a line of the graph or the map can take.
    fn line_colours() -> Vec<Rgba> {
        let commodities = [
            Commodity::Gas,
            Commodity::Oil,
            Commodity::Coal,
            Commodity::Electricity,
            Commodity::NuclearFuel,
            Commodity::Other("hydrogen".to_owned()),
        ];
        let stances = [Stance::Imposes, Stance::Aligns, Stance::Partial, Stance::Refuses, Stance::Opposes];
        let mut colours: Vec<Rgba> = commodities.iter().map(commodity).collect();
        colours.extend(stances.into_iter().map(stance));
        colours.extend((-10..=10).map(|tenth| strength(f64::from(tenth) / 10.0)));
        colours.extend([MIXED_ENERGY, NO_GROUP]);
        colours.extend([Ballot::Yes, Ballot::No, Ballot::Abstain, Ballot::Absent].map(ballot));
        colours
    }

    #[test]
    fn every_projector_line_colour_has_three_to_one_against_white() {
        let colours = line_colours();
        // The test means something: several of the usual colours are too faint on white.
        assert!(colours.iter().filter(|&&colour| contrast(colour, Rgba::WHITE) < LINE_CONTRAST).count() >= 5);
        for colour in colours {
            let projected = Theme::Projector.line_colour(colour);
            let ratio = contrast(projected, Rgba::WHITE);
            assert!(ratio >= LINE_CONTRAST, "{colour:?} became {projected:?}: {ratio:.2} : 1");
            let dark = Theme::Dark.line_colour(colour);
            let ratio = contrast(dark, Theme::Dark.surface().background);
            assert!(ratio >= LINE_CONTRAST, "dark: {colour:?} became {dark:?}: {ratio:.2} : 1");
        }
    }

    #[test]
    fn projector_colours_keep_their_hue_and_dark_enough_colours_stay() {
        // Gas's sky blue (86, 180, 233) darkens towards black in twentieths: blue stays the strongest channel.
        let Rgba(red, green, blue, _) = Theme::Projector.line_colour(commodity(&Commodity::Gas));
        assert!(blue > green && green > red, "{red} {green} {blue}");
        assert_eq!(Theme::Projector.line_colour(Rgba::rgb(0, 60, 170)), Rgba::rgb(0, 60, 170));
        assert_eq!(Theme::Light.line_colour(CATEGORICAL[1]), CATEGORICAL[1]);
    }
}
