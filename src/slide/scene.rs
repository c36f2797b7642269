//! A slide as plain shapes and text in pixels, with no drawing library behind it: the slide builders fill it,
//! `svg` writes it out and `render` turns it into a PNG. Coordinates grow right and down from the top left.

pub use crate::scene::Rgba;
pub use crate::scene::graph_style::Arrowhead;
pub use crate::scene::palette::{Surface, Theme};

/// Where a text's position is along its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A line's outline: width and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outline {
    pub width: f32,
    pub colour: Rgba,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A polyline through `points`; `dash` is dash and gap lengths in turn (empty for a solid line); `arrow` ends
    /// it at the last point, about `width * 4` long, pointing along the last segment.
    Line {
        points: Vec<[f32; 2]>,
        width: f32,
        colour: Rgba,
        dash: Vec<f32>,
        arrow: Arrowhead,
    },
    Circle {
        centre: [f32; 2],
        radius: f32,
        fill: Rgba,
        outline: Option<Outline>,
    },
    Rect {
        min: [f32; 2],
        max: [f32; 2],
        corner_radius: f32,
        fill: Rgba,
        outline: Option<Outline>,
    },
    Polygon {
        points: Vec<[f32; 2]>,
        fill: Rgba,
        outline: Option<Outline>,
    },
    /// One line of text. `position` is on the text's vertical middle; `anchor` says which end (or the middle) of
    /// the line it is. `angle` turns the text clockwise by degrees around `position` (-90 writes upwards).
    Text {
        position: [f32; 2],
        text: String,
        size: f32,
        colour: Rgba,
        anchor: Anchor,
        bold: bool,
        angle: f32,
    },
}

impl Shape {
    /// The smallest box holding the shape, as (top left, bottom right); a text's from its measured width and its
    /// size as height. Lines are measured by their points, without their width.
    pub fn bounds(&self) -> ([f32; 2], [f32; 2]) {
        let around = |points: &[[f32; 2]]| {
            points.iter().fold(([f32::MAX; 2], [f32::MIN; 2]), |(min, max), p| {
                ([min[0].min(p[0]), min[1].min(p[1])], [max[0].max(p[0]), max[1].max(p[1])])
            })
        };
        match self {
            Shape::Line { points, .. } | Shape::Polygon { points, .. } => around(points),
            Shape::Circle { centre: [x, y], radius, .. } => ([x - radius, y - radius], [x + radius, y + radius]),
            Shape::Rect { min, max, .. } => (*min, *max),
            Shape::Text { position: [x, y], text, size, anchor, angle, bold, .. } => {
                let width = super::render::face_text_width(text, *size, *bold);
                let (before, after) = match anchor {
                    Anchor::Start => (0.0, width),
                    Anchor::Middle => (width / 2.0, width / 2.0),
                    Anchor::End => (width, 0.0),
                };
                if angle.abs() > 45.0 {
                    ([x - size / 2.0, y - after], [x + size / 2.0, y + before])
                } else {
                    ([x - before, y - size / 2.0], [x + after, y + size / 2.0])
                }
            }
        }
    }
}

/// A whole slide: its size in pixels, background and shapes, painted in order, and the theme its builders
/// take their colours from.
#[derive(Debug, Clone, PartialEq)]
pub struct SlideScene {
    pub width: u32,
    pub height: u32,
    pub background: Rgba,
    pub shapes: Vec<Shape>,
    pub theme: Theme,
}

impl SlideScene {
    /// A slide in the light theme on `background`.
    pub fn new(width: u32, height: u32, background: Rgba) -> SlideScene {
        SlideScene { width, height, background, shapes: Vec::new(), theme: Theme::Light }
    }

    /// A slide on `theme`'s background, its builders using `theme`'s colours.
    pub fn themed(width: u32, height: u32, theme: Theme) -> SlideScene {
        SlideScene { theme, ..SlideScene::new(width, height, theme.surface().background) }
    }

    /// The colours of the slide's theme.
    pub fn colours(&self) -> Surface {
        self.theme.surface()
    }

    pub fn add(&mut self, shape: Shape) {
        self.shapes.push(shape);
    }

    /// One line of text, cut with an ellipsis where it would be wider than the whole slide: no title or name,
    /// however long, can make the slide (or the time to draw it) grow without bound.
    #[allow(clippy::too_many_arguments)]
    pub fn text(&mut self, position: [f32; 2], text: &str, size: f32, colour: Rgba, anchor: Anchor, bold: bool) {
        let text = super::text::elide_in_face(text, size, self.width as f32, bold).into_owned();
        self.shapes.push(Shape::Text { position, text, size, colour, anchor, bold, angle: 0.0 });
    }
}
