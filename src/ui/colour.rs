//! Scene colours (plain RGBA, shared with slides) as egui colours.

use eframe::egui::Color32;

use crate::scene::Rgba;

impl From<Rgba> for Color32 {
    fn from(Rgba(red, green, blue, alpha): Rgba) -> Color32 {
        Color32::from_rgba_unmultiplied(red, green, blue, alpha)
    }
}

/// An egui colour as a scene colour.
pub fn rgba(colour: Color32) -> Rgba {
    let [red, green, blue, alpha] = colour.to_srgba_unmultiplied();
    Rgba(red, green, blue, alpha)
}
