//! The font files compiled into the binary for slides, view images and the presenting window: Liberation Sans
//! Regular and Bold (SIL Open Font License 1.1, `assets/fonts/`), and egui's Hack for the characters Liberation
//! Sans lacks (arrows, boxes). One place for the bytes, so that every writer (SVG to PNG, PDF, the app's fonts)
//! draws with the same faces. Holds bytes and names only; it measures and draws nothing.

/// Liberation Sans Regular: captions, names and legends.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");

/// Liberation Sans Bold: titles and emphasised names, drawn with their own glyphs rather than thickened outlines.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");

/// For characters Liberation Sans lacks, such as some arrows and geometric shapes.
pub const FALLBACK: &[u8] = epaint_default_fonts::HACK_REGULAR;

/// The family name both Liberation Sans faces carry inside the files (checked by a test in `render`).
pub const FAMILY: &str = "Liberation Sans";

/// The family name inside the fallback font.
pub const FALLBACK_FAMILY: &str = "Hack";

/// The face for bold or regular text.
pub fn face(bold: bool) -> &'static [u8] {
    if bold { BOLD } else { REGULAR }
}
