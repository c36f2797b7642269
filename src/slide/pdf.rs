//! Draws a [`SlideScene`] onto a PDF page with krilla, as vectors: lines (dashes, arrowheads), circles,
//! rectangles, polygons, and text as real, selectable text in the fonts embedded in the binary. It is the PDF
//! twin of `svg`, drawing the same scene with the same geometry (arrowheads and the checks for degenerate shapes
//! come from `svg`), so that slides, view images and handouts have one source of truth. It places nothing on a
//! page: `handout` decides what goes where.

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::render::needs_fallback;
use super::scene::{Anchor, Arrowhead, Outline, Rgba, Shape, SlideScene};
use super::svg::{HeadShape, arrowhead_shape, finite_point, path_length, positive};

/// A point in the scene's units.
type Point2 = [f32; 2];

/// How far a Bézier quarter circle's control points lie from its ends, as a share of the radius.
const KAPPA: f32 = 0.552_284_8;

/// The faces text is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Face {
    Regular,
    Bold,
    /// For characters the regular face lacks (arrows, boxes).
    Fallback,
}

/// The PDF writer's font bytes, from the one place every writer takes them (`fonts`).
fn font_bytes(face: Face) -> &'static [u8] {
    match face {
        Face::Regular => super::fonts::REGULAR,
        Face::Bold => super::fonts::BOLD,
        Face::Fallback => super::fonts::FALLBACK,
    }
}

/// The embedded fonts, read once per document.
pub struct Fonts {
    regular: Font,
    bold: Font,
    fallback: Font,
    /// The regular face's (ascent + descent) / 2 per unit of size: how far below a line's middle its baseline is.
    baseline_below_middle: f32,
}

impl Fonts {
    /// `None` only if a font compiled into the binary cannot be read.
    pub fn embedded() -> Option<Fonts> {
        let font = |face| Font::new(font_bytes(face).into(), 0);
        let metrics = FontRef::new(font_bytes(Face::Regular)).ok()?.metrics(Size::new(1.0), LocationRef::default());
        Some(Fonts {
            regular: font(Face::Regular)?,
            bold: font(Face::Bold)?,
            fallback: font(Face::Fallback)?,
            baseline_below_middle: (metrics.ascent + metrics.descent) / 2.0,
        })
    }

    fn font(&self, face: Face) -> Font {
        match face {
            Face::Regular => self.regular.clone(),
            Face::Bold => self.bold.clone(),
            Face::Fallback => self.fallback.clone(),
        }
    }
}

/// One line of text as the scene describes it: `position` is on the line's vertical middle at the end (or the
/// middle) that `anchor` names, and `angle` turns it clockwise by degrees around `position`.
#[derive(Debug, Clone, Copy)]
pub struct TextLine<'a> {
    pub position: Point2,
    pub text: &'a str,
    pub size: f32,
    pub colour: Rgba,
    pub anchor: Anchor,
    pub bold: bool,
    pub angle: f32,
}

/// Draws `scene` with its top left corner at the surface's origin, one scene pixel per unit, clipped to the
/// scene's rectangle (the graph may reach past its area; on a slide that is cut off, and so it is here).
pub fn draw_scene(surface: &mut Surface<'_>, scene: &SlideScene, fonts: &Fonts) {
    let (width, height) = (scene.width as f32, scene.height as f32);
    let Some(frame) = rectangle([0.0, 0.0], [width, height], 0.0) else { return };
    surface.push_clip_path(&frame, &FillRule::NonZero);
    paint(surface, Some(scene.background), None);
    surface.draw_path(&frame);
    for shape in &scene.shapes {
        draw_shape(surface, shape, fonts);
    }
    surface.pop();
}

/// One shape, in the surface's units.
pub fn draw_shape(surface: &mut Surface<'_>, shape: &Shape, fonts: &Fonts) {
    match shape {
        Shape::Line { points, width, colour, dash, arrow } => draw_line(surface, points, *width, *colour, dash, *arrow),
        Shape::Circle { centre, radius, fill, outline } => {
            if finite_point(*centre) && positive(*radius) {
                fill_and_outline(surface, circle(*centre, *radius), *fill, *outline);
            }
        }
        Shape::Rect { min, max, corner_radius, fill, outline } => {
            fill_and_outline(surface, rectangle(*min, *max, *corner_radius), *fill, *outline);
        }
        Shape::Polygon { points, fill, outline } => {
            if points.len() >= 3 && points.iter().all(|&point| finite_point(point)) {
                fill_and_outline(surface, polyline(points, true), *fill, *outline);
            }
        }
        Shape::Text { position, text, size, colour, anchor, bold, angle } => {
            let line = TextLine {
                position: *position,
                text,
                size: *size,
                colour: *colour,
                anchor: *anchor,
                bold: *bold,
                angle: *angle,
            };
            draw_text(surface, fonts, &line);
        }
    }
}

/// A polyline with round caps and joins ending in its arrowhead, the line cut back so its cap stays inside the
/// head: the same geometry as `svg` writes.
fn draw_line(surface: &mut Surface<'_>, points: &[Point2], width: f32, colour: Rgba, dash: &[f32], arrow: Arrowhead) {
    if points.len() < 2 || !positive(width) || !points.iter().all(|&point| finite_point(point)) {
        return;
    }
    if !positive(path_length(points)) {
        return;
    }
    let Some((body, head)) = arrowhead_shape(points, width, arrow) else { return };
    let round = |stroke: Stroke| Stroke { line_cap: LineCap::Round, line_join: LineJoin::Round, ..stroke };
    if body.len() >= 2
        && let Some(path) = polyline(&body, false)
    {
        // Dashes SVG would reject or draw solid are drawn solid here too.
        let usable = dash.iter().all(|&length| length.is_finite() && length >= 0.0) && dash.iter().sum::<f32>() > 0.0;
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            dash: usable.then(|| StrokeDash { array: dash.to_vec(), offset: 0.0 }),
            ..round(stroke(colour, width))
        }));
        surface.draw_path(&path);
    }
    match head {
        HeadShape::Nothing => {}
        HeadShape::Filled(corners) => fill_and_outline(surface, polyline(&corners, true), colour, None),
        HeadShape::Stroked(corners) => {
            if let Some(path) = polyline(&corners, false) {
                surface.set_fill(None);
                surface.set_stroke(Some(round(stroke(colour, width))));
                surface.draw_path(&path);
            }
        }
        HeadShape::Disc { centre, radius } => {
            if positive(radius) {
                fill_and_outline(surface, circle(centre, radius), colour, None);
            }
        }
    }
}

/// Fills the path and strokes its outline (SVG's defaults: mitred joins, butt caps).
fn fill_and_outline(surface: &mut Surface<'_>, path: Option<Path>, colour: Rgba, outline: Option<Outline>) {
    let Some(path) = path else { return };
    let outline = outline.filter(|outline| positive(outline.width));
    paint(surface, Some(colour), outline.map(|outline| stroke(outline.colour, outline.width)));
    surface.draw_path(&path);
}

fn paint(surface: &mut Surface<'_>, fill: Option<Rgba>, stroke: Option<Stroke>) {
    surface.set_fill(fill.map(|colour| Fill {
        paint: rgb_of(colour).into(),
        opacity: opacity(colour),
        rule: FillRule::NonZero,
    }));
    surface.set_stroke(stroke);
}

fn stroke(colour: Rgba, width: f32) -> Stroke {
    Stroke { paint: rgb_of(colour).into(), width, miter_limit: 4.0, opacity: opacity(colour), ..Stroke::default() }
}

fn rgb_of(Rgba(red, green, blue, _): Rgba) -> rgb::Color {
    rgb::Color::new(red, green, blue)
}

fn opacity(Rgba(_, _, _, alpha): Rgba) -> NormalizedF32 {
    NormalizedF32::new(f32::from(alpha) / 255.0).unwrap_or(NormalizedF32::ONE)
}

fn polyline(points: &[Point2], closed: bool) -> Option<Path> {
    let (first, rest) = points.split_first()?;
    let mut builder = PathBuilder::new();
    builder.move_to(first[0], first[1]);
    for point in rest {
        builder.line_to(point[0], point[1]);
    }
    if closed {
        builder.close();
    }
    builder.finish()
}

fn circle([x, y]: Point2, radius: f32) -> Option<Path> {
    let k = radius * KAPPA;
    let mut builder = PathBuilder::new();
    builder.move_to(x + radius, y);
    builder.cubic_to(x + radius, y + k, x + k, y + radius, x, y + radius);
    builder.cubic_to(x - k, y + radius, x - radius, y + k, x - radius, y);
    builder.cubic_to(x - radius, y - k, x - k, y - radius, x, y - radius);
    builder.cubic_to(x + k, y - radius, x + radius, y - k, x + radius, y);
    builder.close();
    builder.finish()
}

/// A rectangle from two corners in either order, its corner radius clamped to what it can hold (as in `svg`).
fn rectangle(min: Point2, max: Point2, corner_radius: f32) -> Option<Path> {
    if !finite_point(min) || !finite_point(max) {
        return None;
    }
    let (left, top, right, bottom) = (min[0].min(max[0]), min[1].min(max[1]), min[0].max(max[0]), min[1].max(max[1]));
    if !positive(right - left) || !positive(bottom - top) {
        return None;
    }
    let radius =
        if corner_radius.is_finite() { corner_radius.clamp(0.0, (right - left).min(bottom - top) / 2.0) } else { 0.0 };
    let k = radius * (1.0 - KAPPA);
    let mut builder = PathBuilder::new();
    builder.move_to(left + radius, top);
    builder.line_to(right - radius, top);
    if radius > 0.0 {
        builder.cubic_to(right - k, top, right, top + k, right, top + radius);
    }
    builder.line_to(right, bottom - radius);
    if radius > 0.0 {
        builder.cubic_to(right, bottom - k, right - k, bottom, right - radius, bottom);
    }
    builder.line_to(left + radius, bottom);
    if radius > 0.0 {
        builder.cubic_to(left + k, bottom, left, bottom - k, left, bottom - radius);
    }
    builder.line_to(left, top + radius);
    if radius > 0.0 {
        builder.cubic_to(left, top + k, left + k, top, left + radius, top);
    }
    builder.close();
    builder.finish()
}

/// One line of text as real text: runs of characters the regular face lacks go in the fallback face, the line is
/// placed by its anchor and vertical middle as `svg` places it, and turned by its angle.
pub fn draw_text(surface: &mut Surface<'_>, fonts: &Fonts, line: &TextLine<'_>) {
    let TextLine { position, text, size, colour, anchor, bold, angle } = *line;
    if !finite_point(position) || !positive(size) || !angle.is_finite() {
        return;
    }
    let face = if bold { Face::Bold } else { Face::Regular };
    let runs = runs(text, face);
    if runs.is_empty() {
        return;
    }
    let widths: Vec<f32> = runs.iter().map(|(face, run)| run_width(*face, run, size)).collect();
    let total: f32 = widths.iter().sum();
    let [x, y] = position;
    let start = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - total / 2.0,
        Anchor::End => x - total,
    };
    let baseline = y + fonts.baseline_below_middle * size;
    let turned = angle != 0.0;
    if turned {
        surface.push_transform(&Transform::from_rotate_at(angle, x, y));
    }
    paint(surface, Some(colour), None);
    let mut left = start;
    for ((face, run), width) in runs.iter().zip(widths) {
        surface.draw_text(Point::from_xy(left, baseline), fonts.font(*face), size, run, false, TextDirection::Auto);
        left += width;
    }
    if turned {
        surface.pop();
    }
}

/// The text split into runs of one face each; control characters are dropped (tabs and line breaks become
/// spaces), as they have no glyphs.
fn runs(text: &str, face: Face) -> Vec<(Face, String)> {
    let mut runs: Vec<(Face, String)> = Vec::new();
    for character in text.chars() {
        let character = match character {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        let wanted = if needs_fallback(character) { Face::Fallback } else { face };
        match runs.last_mut() {
            Some((last, run)) if *last == wanted => run.push(character),
            _ => runs.push((wanted, character.to_string())),
        }
    }
    runs
}

/// The width of `text` in `face` at `size`, from the glyphs' advances.
fn run_width(face: Face, text: &str, size: f32) -> f32 {
    let Ok(font) = FontRef::new(font_bytes(face)) else { return 0.0 };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars().map(|c| charmap.map(c).and_then(|glyph| metrics.advance_width(glyph)).unwrap_or(0.0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_where_the_regular_face_lacks_a_character() {
        let split = runs("A →↗↘ B\tC\u{1}", Face::Regular);
        let expected = [(Face::Regular, "A →"), (Face::Fallback, "↗↘"), (Face::Regular, " B C")];
        let expected: Vec<(Face, String)> = expected.iter().map(|(face, text)| (*face, text.to_string())).collect();
        assert_eq!(split, expected);
        assert!(runs("", Face::Bold).is_empty());
        assert_eq!(runs("Вучић", Face::Bold), vec![(Face::Bold, "Вучић".to_owned())], "Cyrillic is in Liberation Sans");
    }

    #[test]
    fn run_widths_match_the_slides_measure_for_the_regular_face() {
        let (measured, slides) =
            (run_width(Face::Regular, "Hello World", 20.0), super::super::render::text_width("Hello World", 20.0));
        assert!((measured - slides).abs() < 0.01, "{measured} against {slides}");
        // Hack is monospaced: every character advances 0.602 of the size.
        assert!((run_width(Face::Fallback, "↗↗", 10.0) - 12.04).abs() < 0.05);
    }

    #[test]
    fn the_baseline_lies_below_the_middle() {
        let fonts = Fonts::embedded().expect("the embedded fonts read");
        // Liberation Sans's ascent is 0.905 and its descent -0.212 of the size: the baseline is 0.3465 below the
        // middle.
        assert!((fonts.baseline_below_middle - 0.3465).abs() < 0.001, "{}", fonts.baseline_below_middle);
    }

    #[test]
    fn degenerate_rectangles_have_no_path() {
        assert!(rectangle([0.0, 0.0], [0.0, 4.0], 1.0).is_none());
        assert!(rectangle([f32::NAN, 0.0], [3.0, 4.0], 1.0).is_none());
        assert!(rectangle([30.0, 40.0], [10.0, 20.0], 50.0).is_some(), "corners in either order");
        assert!(circle([1.0, 1.0], 2.0).is_some());
    }
}
