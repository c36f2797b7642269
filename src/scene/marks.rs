//! The letters drawn in grid cells beside their colours, so that colour is never the only cue, and the ink that
//! reads on a cell's fill. Shared by the Matrices view and slides.

use super::Rgba;
use crate::model::{Ballot, Stance};

/// One letter per stance.
pub fn stance_letter(stance: Stance) -> &'static str {
    match stance {
        Stance::Imposes => "I",
        Stance::Aligns => "A",
        Stance::Partial => "P",
        Stance::Refuses => "R",
        Stance::Opposes => "O",
    }
}

/// One letter per ballot.
pub fn ballot_letter(ballot: Ballot) -> &'static str {
    match ballot {
        Ballot::Yes => "Y",
        Ballot::No => "N",
        Ballot::Abstain => "A",
        Ballot::Absent => "-",
    }
}

/// Black or white, whichever reads better on `fill`.
pub fn text_colour_on(fill: Rgba) -> Rgba {
    let Rgba(red, green, blue, _) = fill;
    let luminance = 0.299 * f32::from(red) + 0.587 * f32::from(green) + 0.114 * f32::from(blue);
    if luminance > 150.0 { Rgba::BLACK } else { Rgba::WHITE }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ink_is_black_on_light_fills_and_white_on_dark_ones() {
        assert_eq!(text_colour_on(Rgba::rgb(240, 228, 66)), Rgba::BLACK);
        assert_eq!(text_colour_on(Rgba::rgb(0, 114, 178)), Rgba::WHITE);
    }
}
