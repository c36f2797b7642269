//! The timeline on a slide: events (circles) and votes (diamonds) on a date axis across the scenario's years,
//! the step's year shaded, and that year's entries listed by date under the axis.

use super::Area;
use super::scene::{Anchor, Outline, Rgba, Shape, SlideScene};
use crate::charts::timeline::{EntryKind, in_year, timeline};
use crate::model::Scenario;
use crate::scene::palette;
use crate::state::ViewState;

const MAX_LISTED: usize = 8;

pub fn draw(slide: &mut SlideScene, area: Area, scenario: &Scenario, view: &ViewState, unit: f32) {
    let entries = timeline(scenario, 0.05);
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        slide.text(area.centre(), "No dated events or votes.", 30.0 * unit, slide.colours().ink, Anchor::Middle, false);
        return;
    };
    let (start, end) = (first.position.floor(), last.position.floor() + 1.0);
    let (left, right) = (area.left + 80.0 * unit, area.right() - 80.0 * unit);
    let x = |position: f64| left + ((position - start) / (end - start).max(1.0)) as f32 * (right - left);
    let axis_y = area.top + area.height * 0.42;
    if let Some(year) = view.year {
        let (from, to) = (x(year as f64), x(year as f64 + 1.0));
        let band = Rgba(255, 221, 120, 120);
        slide.add(Shape::Rect {
            min: [from, area.top + 20.0 * unit],
            max: [to, axis_y + 20.0 * unit],
            corner_radius: 0.0,
            fill: band,
            outline: None,
        });
    }
    slide.add(Shape::Line {
        points: vec![[left, axis_y], [right, axis_y]],
        width: 2.0 * unit,
        colour: slide.colours().ink,
        dash: Vec::new(),
        arrow: super::scene::Arrowhead::None,
    });
    for year in start as i32..=end as i32 {
        let at = x(year as f64);
        slide.add(Shape::Line {
            points: vec![[at, axis_y], [at, axis_y + 12.0 * unit]],
            width: 2.0 * unit,
            colour: slide.colours().ink,
            dash: Vec::new(),
            arrow: super::scene::Arrowhead::None,
        });
        slide.text(
            [at, axis_y + 34.0 * unit],
            &year.to_string(),
            24.0 * unit,
            slide.colours().ink,
            Anchor::Middle,
            false,
        );
    }
    for entry in &entries {
        let centre = [x(entry.position), axis_y - (24.0 + 26.0 * entry.lane.min(8) as f32) * unit];
        let outline = Some(Outline { width: 1.5 * unit, colour: slide.background });
        let radius = 9.0 * unit;
        match entry.kind {
            EntryKind::Event => slide.add(Shape::Circle { centre, radius, fill: palette::EVENT, outline }),
            EntryKind::Vote => {
                let [cx, cy] = centre;
                let points = vec![
                    [cx, cy - radius * 1.3],
                    [cx + radius * 1.3, cy],
                    [cx, cy + radius * 1.3],
                    [cx - radius * 1.3, cy],
                ];
                slide.add(Shape::Polygon { points, fill: palette::VOTE, outline });
            }
        }
    }
    let Some(year) = view.year else { return };
    let mut y = axis_y + 90.0 * unit;
    slide.text([left, y], &format!("{year}"), 28.0 * unit, slide.colours().ink, Anchor::Start, true);
    let listed: Vec<_> = in_year(&entries, year).collect();
    for entry in listed.iter().take(MAX_LISTED) {
        y += 36.0 * unit;
        let kind = if entry.kind == EntryKind::Vote { "Vote" } else { "Event" };
        slide.text(
            [left, y],
            &format!("{}   {kind}: {}", entry.date, entry.title),
            24.0 * unit,
            slide.colours().ink,
            Anchor::Start,
            false,
        );
    }
    if listed.len() > MAX_LISTED {
        y += 36.0 * unit;
        let more = format!("and {} more in {year}", listed.len() - MAX_LISTED);
        slide.text([left, y], &more, 24.0 * unit, slide.colours().weak_ink, Anchor::Start, false);
    }
    let note = "Circles are events, diamonds votes; the shaded band is the year this step shows.";
    super::footnote(slide, area, note, unit);
}
