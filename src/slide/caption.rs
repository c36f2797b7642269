//! The band at the foot of a slide: the step's title, its caption and "Step 3 of 8"; and the scenario's title
//! at the head.

use super::scene::{Anchor, Arrowhead, Shape, SlideScene};
use super::text;
use crate::model::{Scenario, StoryStep};

const TITLE_SIZE: f32 = 50.0;
const CAPTION_SIZE: f32 = 36.0;
const MARGIN: f32 = 56.0;
const MAX_CAPTION_LINES: usize = 4;

fn caption_lines(step: &StoryStep, width: f32, unit: f32) -> Vec<String> {
    let lines = text::wrap_at_most(&step.caption, CAPTION_SIZE * unit, width - 2.0 * MARGIN * unit, MAX_CAPTION_LINES);
    text::at_most(lines, MAX_CAPTION_LINES)
}

/// How tall the band must be for this step's caption.
pub fn band_height(step: &StoryStep, width: f32, unit: f32) -> f32 {
    let lines = caption_lines(step, width, unit).len().max(1) as f32;
    (40.0 + TITLE_SIZE * 1.4 + lines * CAPTION_SIZE * 1.3 + 40.0) * unit
}

pub fn draw(slide: &mut SlideScene, scenario: &Scenario, index: usize, band: f32, unit: f32) {
    let (width, height) = (slide.width as f32, slide.height as f32);
    let step = &scenario.story[index];
    let colours = slide.colours();
    let (ink, weak_ink) = (colours.ink, colours.weak_ink);
    slide.text([MARGIN * unit, 30.0 * unit], &scenario.title, 24.0 * unit, weak_ink, Anchor::Start, false);
    let top = height - band;
    slide.add(Shape::Rect {
        min: [0.0, top],
        max: [width, height],
        corner_radius: 0.0,
        fill: colours.band,
        outline: None,
    });
    let rule = vec![[0.0, top], [width, top]];
    slide.add(Shape::Line { points: rule, width: 2.0 * unit, colour: ink, dash: Vec::new(), arrow: Arrowhead::None });
    let title_y = top + (40.0 + TITLE_SIZE * 0.6) * unit;
    slide.text([MARGIN * unit, title_y], &step.title, TITLE_SIZE * unit, ink, Anchor::Start, true);
    let counter = format!("Step {} of {}", index + 1, scenario.story.len());
    slide.text([width - MARGIN * unit, title_y], &counter, 30.0 * unit, weak_ink, Anchor::End, false);
    let mut y = top + (40.0 + TITLE_SIZE * 1.4 + CAPTION_SIZE * 0.65) * unit;
    for line in caption_lines(step, width, unit) {
        slide.text([MARGIN * unit, y], &line, CAPTION_SIZE * unit, ink, Anchor::Start, false);
        y += CAPTION_SIZE * 1.3 * unit;
    }
}
