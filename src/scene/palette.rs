//! The colours every view uses for the same meaning: commodities, actor kinds and blocs (Okabe–Ito, safe for
//! colour-blind readers), sanctions stances, and a red–grey–green scale for signed tie strengths. Colour is never
//! the only carrier of meaning: shapes, dashes, arrows and labels say it too.

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

pub fn commodity(commodity: &Commodity) -> Rgba {
    match commodity {
        Commodity::Gas => CATEGORICAL[1],
        Commodity::Oil => CATEGORICAL[0],
        Commodity::Coal => CATEGORICAL[7],
        Commodity::Electricity => CATEGORICAL[3],
        Commodity::NuclearFuel => CATEGORICAL[6],
        Commodity::Other(_) => CATEGORICAL[2],
    }
}

/// Energy flows of several commodities summed into one link (a group's): a dark brown, unlike any commodity's.
pub const MIXED_ENERGY: Rgba = Rgba::rgb(140, 100, 70);

pub fn actor_kind(kind: ActorKind) -> Rgba {
    match kind {
        ActorKind::State => CATEGORICAL[4],
        ActorKind::Bloc => CATEGORICAL[0],
        ActorKind::Organisation => CATEGORICAL[2],
        ActorKind::Company => CATEGORICAL[6],
        ActorKind::Territory => CATEGORICAL[1],
        ActorKind::Person => CATEGORICAL[7],
    }
}

/// An actor's colour on a map: its kind's, but sand for states, since a country in blue reads as water.
pub fn map_actor_kind(kind: ActorKind) -> Rgba {
    match kind {
        ActorKind::State => Rgba::rgb(214, 186, 120),
        kind => actor_kind(kind),
    }
}

/// The colour of the n-th group (bloc, region) in a stable order; the last colour is kept for "no group". Past
/// the seven Okabe–Ito colours come their lighter, then their darker shades, so that 21 groups differ.
pub fn group(index: usize) -> Rgba {
    let hues = CATEGORICAL.len() - 1;
    let Rgba(red, green, blue, alpha) = CATEGORICAL[index % hues];
    let towards = |channel: u8, target: f32, amount: f32| (channel as f32 + (target - channel as f32) * amount) as u8;
    match (index / hues) % 3 {
        0 => Rgba(red, green, blue, alpha),
        1 => Rgba(towards(red, 255.0, 0.5), towards(green, 255.0, 0.5), towards(blue, 255.0, 0.5), alpha),
        _ => Rgba(towards(red, 0.0, 0.45), towards(green, 0.0, 0.45), towards(blue, 0.0, 0.45), alpha),
    }
}

pub const NO_GROUP: Rgba = Rgba::rgb(153, 153, 153);

pub fn stance(stance: Stance) -> Rgba {
    match stance {
        Stance::Imposes => Rgba::rgb(0, 114, 178),
        Stance::Aligns => Rgba::rgb(86, 180, 233),
        Stance::Partial => Rgba::rgb(240, 228, 66),
        Stance::Refuses => Rgba::rgb(230, 159, 0),
        Stance::Opposes => Rgba::rgb(213, 94, 0),
    }
}

/// Yes green, no vermillion, abstain yellow, absent grey (Okabe–Ito); each cell also carries a letter.
pub fn ballot(ballot: Ballot) -> Rgba {
    match ballot {
        Ballot::Yes => CATEGORICAL[2],
        Ballot::No => CATEGORICAL[5],
        Ballot::Abstain => CATEGORICAL[3],
        Ballot::Absent => CATEGORICAL[7],
    }
}

/// Signed strength from -1 (red) through grey (0) to +1 (green), after ColorBrewer's RdYlGn ends.
pub fn strength(value: f64) -> Rgba {
    let hostile = [215.0, 48.0, 39.0];
    let neutral = [150.0, 150.0, 150.0];
    let allied = [26.0, 152.0, 80.0];
    let amount = value.clamp(-1.0, 1.0).abs() as f32;
    let end = if value < 0.0 { hostile } else { allied };
    let mix = |channel: usize| (neutral[channel] + (end[channel] - neutral[channel]) * amount).round() as u8;
    Rgba::rgb(mix(0), mix(1), mix(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strength_runs_from_red_through_grey_to_green() {
        assert_eq!(strength(0.0), Rgba::rgb(150, 150, 150));
        assert_eq!(strength(-1.0), Rgba::rgb(215, 48, 39));
        assert_eq!(strength(1.0), Rgba::rgb(26, 152, 80));
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
        assert_eq!(group(0), CATEGORICAL[0], "the first seven are Okabe–Ito's own");
        assert_eq!(group(21), group(0));
    }
}
