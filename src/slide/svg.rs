//! Writes a [`SlideScene`] as a standalone SVG 1.1 document. The SVG is both an export format and the input of
//! `render`, so it must always parse: shapes with non-finite or degenerate geometry are left out rather than written
//! with `NaN` in them, and every number goes through [`num`].

use super::render::needs_fallback;
use super::scene::{Anchor, Arrowhead, Outline, Rgba, Shape, SlideScene};

/// The font family text is written in: the family name fontdb reads from the embedded Liberation Sans faces, so
/// `render` finds them by name (checked by a test in `render`); `font-weight` picks the bold face.
pub use super::fonts::FAMILY as FONT_FAMILY;

/// The font family for characters Liberation Sans lacks (some arrows, boxes): the embedded Hack font.
pub use super::fonts::FALLBACK_FAMILY;

/// A point in pixels, as the scene stores it.
type Point = [f32; 2];

/// The SVG document for `scene`: size and view box from the scene, the background, then each shape in order.
pub fn to_svg(scene: &SlideScene) -> String {
    let (width, height) = (scene.width, scene.height);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\">\n"
    ));
    out.push_str(&format!("<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\"{}/>\n", fill(scene.background)));
    for shape in &scene.shapes {
        out.push_str(&shape_svg(shape));
    }
    out.push_str("</svg>\n");
    out
}

/// One shape's elements, each ending in a newline, or nothing when the shape cannot be drawn.
fn shape_svg(shape: &Shape) -> String {
    match shape {
        Shape::Line { points, width, colour, dash, arrow } => line_svg(points, *width, *colour, dash, *arrow),
        Shape::Circle { centre, radius, fill, outline } => circle_svg(*centre, *radius, *fill, *outline),
        Shape::Rect { min, max, corner_radius, fill, outline } => rect_svg(*min, *max, *corner_radius, *fill, *outline),
        Shape::Polygon { points, fill, outline } => polygon_svg(points, *fill, *outline),
        Shape::Text { position, text, size, colour, anchor, bold, angle } => {
            text_svg(*position, text, *size, *colour, *anchor, *bold, *angle)
        }
    }
}

/// A polyline ended by its arrowhead, the line cut back so that its round cap stays inside the head instead of
/// poking through the tip. Lines with no length are skipped: they have no direction for the arrowhead and draw
/// nothing useful.
fn line_svg(points: &[Point], width: f32, colour: Rgba, dash: &[f32], arrow: Arrowhead) -> String {
    if points.len() < 2 || !positive(width) || !points.iter().all(|&p| finite_point(p)) {
        return String::new();
    }
    let length = path_length(points);
    if !positive(length) {
        return String::new();
    }
    let (body, head) = if arrow.is_some() {
        let Some((body, head)) = arrowhead(points, width, arrow, colour) else { return String::new() };
        (body, head)
    } else {
        (points.to_vec(), String::new())
    };
    let mut out = String::new();
    if body.len() >= 2 {
        out.push_str(&format!(
            "<polyline points=\"{}\" fill=\"none\"{} stroke-width=\"{}\" stroke-linecap=\"round\" \
             stroke-linejoin=\"round\"{}/>\n",
            points_attr(&body),
            stroke(colour),
            num(width),
            dash_attr(dash),
        ));
    }
    out.push_str(&head);
    out
}

/// An arrowhead's shape, worked out once for the SVG and the PDF writers alike.
pub(super) enum HeadShape {
    Nothing,
    /// A filled polygon (the triangle).
    Filled(Vec<Point>),
    /// An unfilled polyline of the line's width with round ends (the open head and the bar).
    Stroked(Vec<Point>),
    /// A filled disc (the dot).
    Disc {
        centre: Point,
        radius: f32,
    },
}

/// The line cut back for its arrowhead, and the arrowhead's shape. The head points along the last segment of
/// non-zero length, so repeated last points do not leave it without a direction. `None` when the numbers
/// overflow.
pub(super) fn arrowhead_shape(points: &[Point], width: f32, arrow: Arrowhead) -> Option<(Vec<Point>, HeadShape)> {
    let tip = *points.last()?;
    let from = *points.iter().rev().find(|&&p| p != tip)?;
    let (dx, dy) = (tip[0] - from[0], tip[1] - from[1]);
    let distance = dx.hypot(dy);
    let (ux, uy) = (dx / distance, dy / distance);
    // A point `back` pixels behind the tip and `across` to its side.
    let at = |back: f32, across: f32| [tip[0] - ux * back - uy * across, tip[1] - uy * back + ux * across];
    let line_width = width;
    // Heads grow with the line, but more slowly once it is wide: a wide route or projector line would otherwise
    // end in a head bigger than the names beside it.
    let width = head_unit(width);
    let (cut, corners, head) = match arrow {
        Arrowhead::None => return Some((points.to_vec(), HeadShape::Nothing)),
        Arrowhead::Triangle => {
            let corners = vec![tip, at(width * 4.0, -width * 2.0), at(width * 4.0, width * 2.0)];
            (width * 4.0, corners.clone(), HeadShape::Filled(corners))
        }
        Arrowhead::Open => {
            let corners = vec![at(width * 4.5, -width * 2.5), tip, at(width * 4.5, width * 2.5)];
            (line_width.min(width), corners.clone(), HeadShape::Stroked(corners))
        }
        Arrowhead::Bar => {
            let corners = vec![at(width * 0.5, -width * 3.0), at(width * 0.5, width * 3.0)];
            (width * 0.5, corners.clone(), HeadShape::Stroked(corners))
        }
        Arrowhead::Dot => {
            let radius = width * 2.2;
            let centre = at(radius, 0.0);
            (radius, vec![centre], HeadShape::Disc { centre, radius })
        }
    };
    let body = trim_end(points, cut);
    let all_finite = corners.iter().chain(&body).all(|&p| finite_point(p));
    all_finite.then_some((body, head))
}

/// The size an arrowhead is drawn in for a line `width` wide: the width itself up to 4, then half of what is more.
fn head_unit(width: f32) -> f32 {
    if width <= 4.0 { width } else { 4.0 + (width - 4.0) / 2.0 }
}

/// The line cut back for its arrowhead, and the arrowhead's SVG elements.
fn arrowhead(points: &[Point], width: f32, arrow: Arrowhead, colour: Rgba) -> Option<(Vec<Point>, String)> {
    let (body, shape) = arrowhead_shape(points, width, arrow)?;
    let head = match shape {
        HeadShape::Nothing => String::new(),
        HeadShape::Filled(corners) => format!("<polygon points=\"{}\"{}/>\n", points_attr(&corners), fill(colour)),
        HeadShape::Stroked(corners) => open_polyline(&corners, width, colour),
        HeadShape::Disc { centre, radius } => format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}/>\n",
            num(centre[0]),
            num(centre[1]),
            num(radius),
            fill(colour)
        ),
    };
    Some((body, head))
}

/// An unfilled polyline of `width` with round ends: the open and bar arrowheads.
fn open_polyline(points: &[Point], width: f32, colour: Rgba) -> String {
    format!(
        "<polyline points=\"{}\" fill=\"none\"{} stroke-width=\"{}\" stroke-linecap=\"round\" \
         stroke-linejoin=\"round\"/>\n",
        points_attr(points),
        stroke(colour),
        num(width)
    )
}

/// `points` with `cut` pixels of length taken off its end; empty when the whole line is shorter than `cut`.
fn trim_end(points: &[Point], cut: f32) -> Vec<Point> {
    let mut remaining = cut;
    for end in (1..points.len()).rev() {
        let (a, b) = (points[end - 1], points[end]);
        let segment = distance(a, b);
        if segment > remaining {
            let t = (segment - remaining) / segment;
            let mut body = points[..end].to_vec();
            body.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
            return body;
        }
        remaining -= segment;
    }
    Vec::new()
}

fn circle_svg(centre: Point, radius: f32, colour: Rgba, outline: Option<Outline>) -> String {
    if !finite_point(centre) || !positive(radius) {
        return String::new();
    }
    let [x, y] = centre;
    format!(
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}{}/>\n",
        num(x),
        num(y),
        num(radius),
        fill(colour),
        outline_attr(outline)
    )
}

/// A rectangle from two corners in either order; the corner radius is clamped to what the rectangle can hold,
/// since SVG would otherwise clamp each of rx and ry separately.
fn rect_svg(min: Point, max: Point, corner_radius: f32, colour: Rgba, outline: Option<Outline>) -> String {
    if !finite_point(min) || !finite_point(max) {
        return String::new();
    }
    let (x, y) = (min[0].min(max[0]), min[1].min(max[1]));
    let (width, height) = ((max[0] - min[0]).abs(), (max[1] - min[1]).abs());
    if !positive(width) || !positive(height) {
        return String::new();
    }
    let radius = if corner_radius.is_finite() { corner_radius.clamp(0.0, width.min(height) / 2.0) } else { 0.0 };
    let corners = if radius > 0.0 { format!(" rx=\"{}\" ry=\"{}\"", num(radius), num(radius)) } else { String::new() };
    format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{corners}{}{}/>\n",
        num(x),
        num(y),
        num(width),
        num(height),
        fill(colour),
        outline_attr(outline)
    )
}

fn polygon_svg(points: &[Point], colour: Rgba, outline: Option<Outline>) -> String {
    if points.len() < 3 || !points.iter().all(|&p| finite_point(p)) {
        return String::new();
    }
    format!("<polygon points=\"{}\"{}{}/>\n", points_attr(points), fill(colour), outline_attr(outline))
}

/// One line of text, vertically centred on `position` (`dominant-baseline="central"`) and turned around it.
fn text_svg(position: Point, text: &str, size: f32, colour: Rgba, anchor: Anchor, bold: bool, angle: f32) -> String {
    let content = text_content(text);
    if !finite_point(position) || !positive(size) || !angle.is_finite() || content.is_empty() {
        return String::new();
    }
    let [x, y] = position;
    let (x, y) = (num(x), num(y));
    let anchor = match anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    // Bold text is drawn in the embedded bold face, with its own glyphs.
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    let turn = if angle != 0.0 { format!(" transform=\"rotate({} {x} {y})\"", num(angle)) } else { String::new() };
    format!(
        "<text x=\"{x}\" y=\"{y}\" font-family=\"{FONT_FAMILY}\" font-size=\"{}\"{} text-anchor=\"{anchor}\" \
         dominant-baseline=\"central\"{weight}{turn}>{content}</text>\n",
        num(size),
        fill(colour),
    )
}

/// A `<text>` element's content: the escaped text, with each run of characters Liberation Sans lacks in a span of the
/// fallback font. The spans are needed because resvg, on finding a character missing from a text's font, redraws
/// the whole text in the first font that has all of its characters, so one arrow would turn a caption into Hack.
fn text_content(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let open = format!("<tspan font-family=\"{FALLBACK_FAMILY}\">");
    let mut in_fallback = false;
    for c in text.chars() {
        let fallback = needs_fallback(c);
        if fallback != in_fallback {
            out.push_str(if fallback { &open } else { "</tspan>" });
            in_fallback = fallback;
        }
        push_escaped(&mut out, c);
    }
    if in_fallback {
        out.push_str("</tspan>");
    }
    out
}

/// Pushes `c` escaped for XML. Characters XML 1.0 does not allow at all (most control characters) are dropped,
/// since no escape would make the document parse.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&apos;"),
        '\t' | '\n' | '\r' => out.push(c),
        c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
        c => out.push(c),
    }
}

/// ` fill="rgb(..)"`, with `fill-opacity` only when the colour is not opaque.
fn fill(colour: Rgba) -> String {
    paint("fill", colour)
}

/// ` stroke="rgb(..)"`, with `stroke-opacity` only when the colour is not opaque.
fn stroke(colour: Rgba) -> String {
    paint("stroke", colour)
}

fn paint(property: &str, Rgba(red, green, blue, alpha): Rgba) -> String {
    let opacity = match alpha {
        255 => String::new(),
        _ => format!(" {property}-opacity=\"{}\"", num(f32::from(alpha) / 255.0)),
    };
    format!(" {property}=\"rgb({red},{green},{blue})\"{opacity}")
}

/// The stroke attributes for an outline; nothing for no outline or one without a usable width.
fn outline_attr(outline: Option<Outline>) -> String {
    match outline {
        Some(Outline { width, colour }) if positive(width) => {
            format!("{} stroke-width=\"{}\"", stroke(colour), num(width))
        }
        _ => String::new(),
    }
}

/// ` stroke-dasharray="dash gap …"`, left out for dashes that SVG would reject or draw as a solid line anyway.
fn dash_attr(dash: &[f32]) -> String {
    let usable = dash.iter().all(|&length| length.is_finite() && length >= 0.0) && dash.iter().sum::<f32>() > 0.0;
    if !usable {
        return String::new();
    }
    let lengths: Vec<String> = dash.iter().map(|&length| num(length)).collect();
    format!(" stroke-dasharray=\"{}\"", lengths.join(" "))
}

/// `x,y x,y ...` for a `points` attribute.
fn points_attr(points: &[Point]) -> String {
    let pairs: Vec<String> = points.iter().map(|&[x, y]| format!("{},{}", num(x), num(y))).collect();
    pairs.join(" ")
}

/// A number with at most two decimals and no trailing zeros. Non-finite numbers become 0 as a last guard: callers
/// skip such shapes first, but a `NaN` in the document would make it fail to parse.
fn num(value: f32) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" => "0".to_owned(),
        _ => text.to_owned(),
    }
}

pub(super) fn finite_point([x, y]: Point) -> bool {
    x.is_finite() && y.is_finite()
}

/// Finite and above zero: the test for sizes, widths and lengths that must draw something.
pub(super) fn positive(value: f32) -> bool {
    value.is_finite() && value > 0.0
}

fn distance(a: Point, b: Point) -> f32 {
    (b[0] - a[0]).hypot(b[1] - a[1])
}

pub(super) fn path_length(points: &[Point]) -> f32 {
    points.windows(2).map(|pair| distance(pair[0], pair[1])).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scene_with(shapes: Vec<Shape>) -> SlideScene {
        SlideScene { shapes, ..SlideScene::new(200, 100, Rgba::WHITE) }
    }

    fn line(points: Vec<Point>, dash: Option<[f32; 2]>, arrow: bool) -> Shape {
        let (dash, arrow) =
            (dash.map_or_else(Vec::new, Vec::from), if arrow { Arrowhead::Triangle } else { Arrowhead::None });
        Shape::Line { points, width: 2.0, colour: Rgba(10, 20, 30, 128), dash, arrow }
    }

    /// The numbers in the `points` attribute of the first `<polygon>`.
    fn polygon_points(svg: &str) -> Vec<Point> {
        let start = svg.find("<polygon points=\"").expect("a polygon") + "<polygon points=\"".len();
        let rest = &svg[start..];
        let attr = &rest[..rest.find('"').expect("closing quote")];
        attr.split(' ')
            .map(|pair| {
                let (x, y) = pair.split_once(',').expect("x,y");
                [x.parse().expect("x"), y.parse().expect("y")]
            })
            .collect()
    }

    fn assert_all_finite(svg: &str) {
        let lower = svg.to_lowercase();
        assert!(!lower.contains("nan") && !lower.contains("inf"), "non-finite number in:\n{svg}");
    }

    #[test]
    fn header_has_size_view_box_and_background() {
        let svg = to_svg(&SlideScene::new(640, 360, Rgba(1, 2, 3, 255)));
        assert!(svg.contains("width=\"640\" height=\"360\" viewBox=\"0 0 640 360\""), "{svg}");
        assert!(svg.contains("<rect x=\"0\" y=\"0\" width=\"640\" height=\"360\" fill=\"rgb(1,2,3)\"/>"), "{svg}");
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn text_is_escaped() {
        let mut scene = scene_with(Vec::new());
        scene.text([10.0, 20.0], "a<b & \"c\" 'd'>\u{1}", 12.0, Rgba::BLACK, Anchor::Start, false);
        let svg = to_svg(&scene);
        assert!(svg.contains(">a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;</text>"), "{svg}");
    }

    #[test]
    fn characters_missing_from_liberation_sans_get_the_fallback_font() {
        let mut scene = scene_with(Vec::new());
        scene.text([10.0, 20.0], "A →← B ↗", 12.0, Rgba::BLACK, Anchor::Start, false);
        let svg = to_svg(&scene);
        // Liberation Sans has the left and right arrows; the diagonal one comes from Hack.
        let expected = ">A →← B <tspan font-family=\"Hack\">↗</tspan></text>";
        assert!(svg.contains(expected), "{svg}");
    }

    #[test]
    fn text_attributes() {
        let shape = Shape::Text {
            position: [50.0, 60.5],
            text: "Up".to_owned(),
            size: 14.0,
            colour: Rgba(0, 0, 0, 51),
            anchor: Anchor::Middle,
            bold: true,
            angle: -90.0,
        };
        let svg = to_svg(&scene_with(vec![shape]));
        for part in [
            "x=\"50\" y=\"60.5\"",
            "font-family=\"Liberation Sans\"",
            "font-size=\"14\"",
            "fill=\"rgb(0,0,0)\" fill-opacity=\"0.2\"",
            "text-anchor=\"middle\"",
            "dominant-baseline=\"central\"",
            "font-weight=\"bold\"",
            "transform=\"rotate(-90 50 60.5)\"",
        ] {
            assert!(svg.contains(part), "missing {part} in:\n{svg}");
        }
    }

    #[test]
    fn plain_text_has_no_weight_or_turn() {
        let mut scene = scene_with(Vec::new());
        scene.text([1.0, 2.0], "x", 10.0, Rgba::BLACK, Anchor::End, false);
        let svg = to_svg(&scene);
        assert!(svg.contains("text-anchor=\"end\""));
        assert!(!svg.contains("font-weight") && !svg.contains("transform") && !svg.contains("opacity"), "{svg}");
    }

    #[test]
    fn dashed_arrow_has_dasharray_and_tip_at_last_point() {
        let svg =
            to_svg(&scene_with(vec![line(vec![[10.0, 10.0], [100.0, 10.0], [100.0, 80.0]], Some([6.0, 3.0]), true)]));
        assert!(svg.contains("stroke-dasharray=\"6 3\""), "{svg}");
        assert!(svg.contains("stroke-linecap=\"round\" stroke-linejoin=\"round\""), "{svg}");
        assert!(svg.contains("stroke-opacity=\"0.5\"") && svg.contains("fill-opacity=\"0.5\""), "{svg}");
        let head = polygon_points(&svg);
        assert_eq!(head.len(), 3);
        assert_eq!(head[0], [100.0, 80.0], "tip at the last point");
        // Length 4 * width back along the last segment, half-width 2 * width either side.
        assert!(head.contains(&[96.0, 72.0]) && head.contains(&[104.0, 72.0]), "{head:?}");
        // The line stops at the head's base instead of running on to the tip.
        assert!(svg.contains("points=\"10,10 100,10 100,72\""), "{svg}");
    }

    #[test]
    fn each_arrowhead_ends_the_line_at_its_tip_in_its_own_shape() {
        let head = |arrow: Arrowhead| {
            let shape = Shape::Line {
                points: vec![[10.0, 50.0], [110.0, 50.0]],
                width: 2.0,
                colour: Rgba::BLACK,
                dash: vec![12.0, 4.0, 2.5, 4.0],
                arrow,
            };
            to_svg(&scene_with(vec![shape]))
        };
        let triangle = head(Arrowhead::Triangle);
        assert!(triangle.contains("<polygon points=\"110,50 102,46 102,54\""), "{triangle}");
        assert!(triangle.contains("stroke-dasharray=\"12 4 2.5 4\""), "{triangle}");
        // The chevron runs from one wing through the tip to the other, unfilled; the line stops a width short.
        let open = head(Arrowhead::Open);
        assert!(open.contains("points=\"101,45 110,50 101,55\" fill=\"none\""), "{open}");
        assert!(open.contains("points=\"10,50 108,50\""), "{open}");
        // The bar crosses the line just behind the tip, six widths long.
        let bar = head(Arrowhead::Bar);
        assert!(bar.contains("points=\"109,44 109,56\" fill=\"none\""), "{bar}");
        // The dot sits on the line, touching the tip.
        let dot = head(Arrowhead::Dot);
        assert!(dot.contains("<circle cx=\"105.6\" cy=\"50\" r=\"4.4\""), "{dot}");
        assert!(!head(Arrowhead::None).contains("<polygon") && !head(Arrowhead::None).contains("<circle"));
    }

    #[test]
    fn arrow_ignores_repeated_last_point() {
        let svg = to_svg(&scene_with(vec![line(vec![[0.0, 0.0], [50.0, 0.0], [50.0, 0.0]], None, true)]));
        assert_all_finite(&svg);
        let head = polygon_points(&svg);
        assert_eq!(head[0], [50.0, 0.0]);
        assert!(head.contains(&[42.0, 4.0]) && head.contains(&[42.0, -4.0]), "{head:?}");
    }

    #[test]
    fn arrow_longer_than_line_draws_only_the_head() {
        let svg = to_svg(&scene_with(vec![line(vec![[0.0, 0.0], [3.0, 0.0]], None, true)]));
        assert!(!svg.contains("<polyline"), "{svg}");
        assert_eq!(polygon_points(&svg)[0], [3.0, 0.0]);
    }

    #[test]
    fn degenerate_shapes_are_skipped_without_non_finite_numbers() {
        let nan = f32::NAN;
        let inf = f32::INFINITY;
        let outline = Some(Outline { width: nan, colour: Rgba::BLACK });
        let shapes = vec![
            line(vec![[5.0, 5.0], [5.0, 5.0]], Some([nan, 1.0]), true),
            Shape::Line {
                points: vec![[0.0, 0.0], [f32::MAX, 0.0]],
                width: f32::MAX,
                colour: Rgba::BLACK,
                dash: Vec::new(),
                arrow: Arrowhead::Dot,
            },
            line(vec![[5.0, 5.0]], None, true),
            line(vec![[nan, 5.0], [10.0, 5.0]], None, false),
            line(vec![[-3e38, 0.0], [3e38, 0.0]], None, true),
            Shape::Line {
                points: vec![[0.0, 0.0], [1e37, 0.0]],
                width: f32::MAX,
                colour: Rgba::BLACK,
                dash: Vec::new(),
                arrow: Arrowhead::Triangle,
            },
            Shape::Circle { centre: [nan, 1.0], radius: 3.0, fill: Rgba::BLACK, outline: None },
            Shape::Circle { centre: [1.0, 1.0], radius: inf, fill: Rgba::BLACK, outline: None },
            Shape::Rect { min: [0.0, 0.0], max: [inf, 4.0], corner_radius: 1.0, fill: Rgba::BLACK, outline: None },
            Shape::Rect { min: [0.0, 0.0], max: [0.0, 4.0], corner_radius: 1.0, fill: Rgba::BLACK, outline: None },
            Shape::Polygon { points: vec![[0.0, 0.0], [nan, 1.0], [2.0, 2.0]], fill: Rgba::BLACK, outline: None },
            Shape::Polygon { points: vec![[0.0, 0.0], [1.0, 1.0]], fill: Rgba::BLACK, outline: None },
            Shape::Text {
                position: [nan, 1.0],
                text: "x".to_owned(),
                size: 10.0,
                colour: Rgba::BLACK,
                anchor: Anchor::Start,
                bold: false,
                angle: 0.0,
            },
            Shape::Text {
                position: [1.0, 1.0],
                text: "x".to_owned(),
                size: 10.0,
                colour: Rgba::BLACK,
                anchor: Anchor::Start,
                bold: false,
                angle: inf,
            },
        ];
        let svg = to_svg(&scene_with(shapes));
        assert_all_finite(&svg);
        assert_eq!(svg.matches('<').count(), 4, "only the header, svg, background and closing tag:\n{svg}");

        // A usable shape with a non-finite outline width keeps its fill and drops the outline.
        let svg =
            to_svg(&scene_with(vec![Shape::Circle { centre: [1.0, 1.0], radius: 2.0, fill: Rgba::BLACK, outline }]));
        assert!(svg.contains("<circle cx=\"1\" cy=\"1\" r=\"2\" fill=\"rgb(0,0,0)\"/>"), "{svg}");
    }

    #[test]
    fn rect_normalises_corners_and_clamps_radius() {
        let outline = Some(Outline { width: 1.5, colour: Rgba(9, 8, 7, 255) });
        let rect =
            Shape::Rect { min: [30.0, 40.0], max: [10.0, 20.0], corner_radius: 50.0, fill: Rgba::WHITE, outline };
        let svg = to_svg(&scene_with(vec![rect]));
        let expected = "<rect x=\"10\" y=\"20\" width=\"20\" height=\"20\" rx=\"10\" ry=\"10\" fill=\"rgb(255,255,255)\" \
                        stroke=\"rgb(9,8,7)\" stroke-width=\"1.5\"/>";
        assert!(svg.contains(expected), "{svg}");
    }

    #[test]
    fn numbers_have_at_most_two_decimals() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(1.23456), "1.23");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-2.499), "-2.5");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(f32::NEG_INFINITY), "0");
    }
}
