//! Renders a [`SlideScene`] to PNG through its SVG with resvg. Text uses only fonts compiled into the binary
//! (Liberation Sans Regular and Bold, and egui's Hack for what those lack: see [`super::fonts`]), never the
//! machine's fonts, so a slide looks the same everywhere and renders on machines with no fonts at all.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::fonts::{self, FALLBACK, FALLBACK_FAMILY, FAMILY as FONT_FAMILY};
use super::scene::SlideScene;
use super::svg::to_svg;

/// The largest width or height rendered; bigger slides would take hundreds of megabytes of pixels.
pub const MAX_SIDE: u32 = 8192;

/// Why a slide could not be turned into a PNG.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("cannot render a slide of {width}×{height} pixels: each side must be between 1 and {MAX_SIDE} pixels")]
    Size { width: u32, height: u32 },
    #[error("the slide's SVG could not be read: {0}")]
    Svg(#[from] usvg::Error),
    #[error("the slide's picture could not be encoded as PNG: {0}")]
    Png(String),
}

/// The slide as PNG bytes, at one pixel per scene pixel.
pub fn to_png(scene: &SlideScene) -> Result<Vec<u8>, RenderError> {
    let (width, height) = (scene.width, scene.height);
    let size_error = RenderError::Size { width, height };
    if !(1..=MAX_SIDE).contains(&width) || !(1..=MAX_SIDE).contains(&height) {
        return Err(size_error);
    }
    let tree = parse(scene)?;
    let mut pixmap = Pixmap::new(width, height).ok_or(size_error)?;
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|error| RenderError::Png(error.to_string()))
}

/// The scene's SVG read back by resvg with the embedded fonts, ready to draw.
fn parse(scene: &SlideScene) -> Result<usvg::Tree, usvg::Error> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: font_database(),
        font_resolver: font_resolver(),
        ..Default::default()
    };
    usvg::Tree::from_str(&to_svg(scene), &options)
}

/// The embedded fonts, loaded once: parsing them for every slide would be wasted work when rendering a deck.
/// Liberation Sans stands in for the generic families too, so a family name that is not there still finds it;
/// Hack is there for the characters `svg` marks for the fallback font, and is the monospace family.
fn font_database() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        let mut database = fontdb::Database::new();
        for face in [fonts::REGULAR, fonts::BOLD, FALLBACK] {
            database.load_font_source(fontdb::Source::Binary(Arc::new(face)));
        }
        database.set_serif_family(FONT_FAMILY);
        database.set_sans_serif_family(FONT_FAMILY);
        database.set_cursive_family(FONT_FAMILY);
        database.set_fantasy_family(FONT_FAMILY);
        database.set_monospace_family(FALLBACK_FAMILY);
        Arc::new(database)
    });
    Arc::clone(fonts)
}

/// Picks fonts by family as usual but never swaps in a fallback font by itself: resvg would swap the whole text,
/// not just the missing characters, so `svg` marks those characters for the fallback font instead.
fn font_resolver() -> usvg::FontResolver<'static> {
    usvg::FontResolver {
        select_font: usvg::FontResolver::default_font_selector(),
        select_fallback: Box::new(|_, _, _| None),
    }
}

/// Whether `c` must be drawn in the fallback font: a Liberation Sans face lacks it and Hack has it. Whitespace
/// never is, as SVG turns it into spaces anyway.
pub(crate) fn needs_fallback(c: char) -> bool {
    let in_both = has_char(fonts::REGULAR, c) && has_char(fonts::BOLD, c);
    !c.is_whitespace() && !in_both && has_char(FALLBACK, c)
}

/// Whether the font has a real glyph (not the missing-glyph box) for `c`.
fn has_char(font: &[u8], c: char) -> bool {
    FontRef::new(font).is_ok_and(|font| font.charmap().map(c).is_some_and(|glyph| glyph.to_u32() != 0))
}

/// The width in pixels `text` takes in the regular face at `size` pixels (see [`face_text_width`]).
pub fn text_width(text: &str, size: f32) -> f32 {
    face_text_width(text, size, false)
}

/// The width in pixels `text` takes in the bold or regular face at `size` pixels, from the glyphs' advances (no
/// kerning), so slide builders can wrap captions before rendering. Characters the face lacks count as half the
/// size; a size that is not a positive number gives 0.
pub fn face_text_width(text: &str, size: f32, bold: bool) -> f32 {
    if !size.is_finite() || size <= 0.0 {
        return 0.0;
    }
    let missing = 0.5 * size;
    let Ok(font) = FontRef::new(fonts::face(bold)) else {
        return text.chars().count() as f32 * missing;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars()
        .map(|c| {
            let glyph = charmap.map(c).filter(|glyph| glyph.to_u32() != 0);
            glyph.and_then(|glyph| metrics.advance_width(glyph)).unwrap_or(missing)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::super::scene::{Anchor, Arrowhead, Rgba, Shape};
    use super::*;

    /// Decoded RGBA pixels with the image's width and height.
    struct Image {
        width: u32,
        height: u32,
        pixels: Vec<u8>,
    }

    impl Image {
        fn decode(bytes: &[u8]) -> Image {
            let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
            let mut reader = decoder.read_info().expect("PNG header");
            let mut pixels = vec![0; reader.output_buffer_size().expect("buffer size")];
            let info = reader.next_frame(&mut pixels).expect("PNG frame");
            assert_eq!(info.color_type, png::ColorType::Rgba);
            assert_eq!(info.bit_depth, png::BitDepth::Eight);
            pixels.truncate(info.buffer_size());
            Image { width: info.width, height: info.height, pixels }
        }

        fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
            let start = ((y * self.width + x) * 4) as usize;
            [self.pixels[start], self.pixels[start + 1], self.pixels[start + 2], self.pixels[start + 3]]
        }

        /// The mean x and y of the dark pixels: where the ink's middle is.
        fn dark_centre(&self) -> [f32; 2] {
            let dark = |[r, g, b, _]: [u8; 4]| r < 100 && g < 100 && b < 100;
            let all = (0..self.height).flat_map(|y| (0..self.width).map(move |x| (x, y)));
            let points: Vec<(u32, u32)> = all.filter(|&(x, y)| dark(self.pixel(x, y))).collect();
            let count = points.len().max(1) as f32;
            let sum = points.iter().fold([0.0, 0.0], |[sx, sy], &(x, y)| [sx + x as f32, sy + y as f32]);
            [sum[0] / count, sum[1] / count]
        }

        /// How many pixels in the box have every colour channel below 100.
        fn dark_pixels(&self, x: std::ops::Range<u32>, y: std::ops::Range<u32>) -> usize {
            let dark = |[r, g, b, _]: [u8; 4]| r < 100 && g < 100 && b < 100;
            y.flat_map(|y| x.clone().map(move |x| (x, y))).filter(|&(x, y)| dark(self.pixel(x, y))).count()
        }
    }

    fn render(scene: &SlideScene) -> Image {
        Image::decode(&to_png(scene).expect("rendered"))
    }

    fn white(width: u32, height: u32) -> SlideScene {
        SlideScene::new(width, height, Rgba::WHITE)
    }

    #[test]
    fn png_has_the_scene_size() {
        let image = render(&SlideScene::new(321, 123, Rgba::rgb(0, 128, 255)));
        assert_eq!((image.width, image.height), (321, 123));
        assert_eq!(image.pixel(0, 0), [0, 128, 255, 255]);
        assert_eq!(image.pixel(320, 122), [0, 128, 255, 255]);
    }

    #[test]
    fn shapes_are_painted() {
        let mut scene = white(100, 100);
        let rect = Shape::Rect {
            min: [20.0, 20.0],
            max: [80.0, 80.0],
            corner_radius: 5.0,
            fill: Rgba::rgb(255, 0, 0),
            outline: None,
        };
        scene.add(rect);
        let image = render(&scene);
        assert_eq!(image.pixel(50, 50), [255, 0, 0, 255]);
        assert_eq!(image.pixel(5, 5), [255, 255, 255, 255]);
    }

    #[test]
    fn text_renders_with_the_embedded_font() {
        let blank = render(&white(300, 100));
        assert_eq!(blank.dark_pixels(0..300, 0..100), 0);

        for bold in [false, true] {
            let mut scene = white(300, 100);
            scene.text([150.0, 50.0], "Hello World", 32.0, Rgba::BLACK, Anchor::Middle, bold);
            let image = render(&scene);
            let near = image.dark_pixels(60..240, 30..70);
            assert!(near > 100, "bold {bold}: only {near} dark pixels near the text");
            // Centred on the position: nothing at the far left or right, or far above or below.
            assert_eq!(image.dark_pixels(0..40, 0..100) + image.dark_pixels(260..300, 0..100), 0, "bold {bold}");
            // The position is the text's middle: `dominant-baseline="central"` took effect.
            let [x, y] = image.dark_centre();
            assert!((x - 150.0).abs() < 4.0 && (y - 50.0).abs() < 4.0, "bold {bold}: ink centred at {x},{y}");
            assert_eq!(image.dark_pixels(0..300, 0..25) + image.dark_pixels(0..300, 75..100), 0, "bold {bold}");
            // The position is the text's middle: `dominant-baseline="central"` took effect.
            let [x, y] = image.dark_centre();
            assert!((x - 150.0).abs() < 4.0 && (y - 50.0).abs() < 4.0, "bold {bold}: ink centred at {x},{y}");
        }
    }

    #[test]
    fn turned_text_runs_upwards() {
        let mut scene = white(100, 300);
        let text = "Hello World".to_owned();
        let (colour, anchor) = (Rgba::BLACK, Anchor::Start);
        let shape =
            Shape::Text { position: [50.0, 250.0], text, size: 32.0, colour, anchor, bold: false, angle: -90.0 };
        scene.add(shape);
        let image = render(&scene);
        // Turned around its start, the text runs up from y = 250 and stays centred on x = 50.
        assert!(image.dark_pixels(30..70, 80..250) > 100);
        assert_eq!(image.dark_pixels(0..100, 253..300), 0);
        assert_eq!(image.dark_pixels(0..25, 0..300) + image.dark_pixels(75..100, 0..300), 0);
        let [x, y] = image.dark_centre();
        let middle = 250.0 - text_width("Hello World", 32.0) / 2.0;
        assert!((x - 50.0).abs() < 4.0 && (y - middle).abs() < 4.0, "ink centred at {x},{y}, not 50,{middle}");
    }

    #[test]
    fn degenerate_shapes_still_render() {
        let mut scene = white(50, 50);
        let points = vec![[f32::NAN, 1.0], [3.0, 3.0]];
        scene.add(Shape::Line {
            points,
            width: 2.0,
            colour: Rgba::BLACK,
            dash: Vec::new(),
            arrow: Arrowhead::Triangle,
        });
        scene.add(Shape::Line {
            points: vec![[5.0, 5.0], [5.0, 5.0]],
            width: 2.0,
            colour: Rgba::BLACK,
            dash: Vec::new(),
            arrow: Arrowhead::Dot,
        });
        assert_eq!(render(&scene).dark_pixels(0..50, 0..50), 0);
    }

    #[test]
    fn bad_sizes_are_refused() {
        for (width, height) in [(0, 10), (10, 0), (MAX_SIDE + 1, 10), (10, MAX_SIDE + 1)] {
            let error = to_png(&white(width, height)).expect_err("refused");
            assert!(matches!(error, RenderError::Size { .. }), "{error:?}");
            assert!(error.to_string().contains("between 1 and 8192"), "{error}");
        }
    }

    #[test]
    fn svg_font_families_are_the_embedded_fonts() {
        let database = font_database();
        let families: Vec<(String, String)> =
            database.faces().map(|face| (face.post_script_name.clone(), face.families[0].0.clone())).collect();
        let expected =
            [("LiberationSans", FONT_FAMILY), ("LiberationSans-Bold", FONT_FAMILY), ("Hack-Regular", FALLBACK_FAMILY)];
        let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(families, expected, "only the embedded fonts, under the names the SVG uses");
    }

    /// The text's layout width, from the advances and kerning resvg used.
    fn laid_out_width(text: &str, size: f32) -> f32 {
        let mut scene = white(1000, 100);
        scene.text([10.0, 50.0], text, size, Rgba::BLACK, Anchor::Start, false);
        let tree = parse(&scene).expect("parsed");
        let Some(usvg::Node::Text(text)) = tree.root().children().get(1) else { panic!("no text node") };
        text.bounding_box().width()
    }

    #[test]
    fn text_width_matches_the_rendered_text() {
        for (text, size) in [("Hello World", 20.0), ("Population by region, 1990-2020", 14.0), ("iiiWWW", 30.0)] {
            let (measured, rendered) = (text_width(text, size), laid_out_width(text, size));
            assert!((measured - rendered).abs() <= rendered * 0.03, "{text}: {measured} against {rendered}");
        }
    }

    #[test]
    fn missing_characters_do_not_change_the_font_of_the_rest() {
        let mut plain = white(300, 60);
        plain.text([10.0, 30.0], "Hello", 32.0, Rgba::BLACK, Anchor::Start, false);
        let mut arrowed = white(300, 60);
        arrowed.text([10.0, 30.0], "Hello →", 32.0, Rgba::BLACK, Anchor::Start, false);
        let (plain, arrowed) = (render(&plain), render(&arrowed));
        let hello_end = 10 + text_width("Hello", 32.0) as u32;
        for y in 0..60 {
            for x in 0..hello_end {
                assert_eq!(plain.pixel(x, y), arrowed.pixel(x, y), "pixel {x},{y} of Hello changed");
            }
        }
        let arrow_start = 10 + text_width("Hello ", 32.0) as u32;
        assert_eq!(plain.dark_pixels(arrow_start..300, 0..60), 0);
        assert!(arrowed.dark_pixels(arrow_start..300, 0..60) > 20, "the arrow is drawn");
    }

    #[test]
    fn text_width_grows_with_text_and_size() {
        let short = text_width("Hello", 20.0);
        assert!(short > 0.0);
        assert!(text_width("Hello World", 20.0) > short);
        assert!(text_width("Hello", 40.0) > short);
        assert!((text_width("Hello", 40.0) - 2.0 * short).abs() < 0.01, "advances scale with the size");
        assert!(text_width("WWW", 20.0) > text_width("iii", 20.0));
        assert_eq!(text_width("", 20.0), 0.0);
        assert_eq!(text_width("Hello", f32::NAN), 0.0);
    }

    #[test]
    fn missing_characters_count_half_the_size() {
        let with_missing = text_width("a\u{10FFFD}", 20.0);
        assert!((with_missing - text_width("a", 20.0) - 10.0).abs() < 0.001);
    }
}
