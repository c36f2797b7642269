//! The supply mix on a slide: one stacked bar per focus consumer and commodity, a segment per supplier with its
//! name and share written in it where it fits, and the unknown rest in grey.

use super::scene::{Anchor, Outline, Rgba, Shape, SlideScene};
use super::{Area, render::text_width};
use crate::charts::supply_mix::supply_mix;
use crate::format::percent;
use crate::model::Scenario;
use crate::scene::palette;
use crate::state::ViewState;

const UNKNOWN: Rgba = palette::NO_GROUP;
const MAX_BARS: usize = 8;

pub fn draw(slide: &mut SlideScene, area: Area, scenario: &Scenario, view: &ViewState, unit: f32) {
    let year = view.chart_year(scenario).unwrap_or_default();
    let consumers: Vec<String> = view.selection.iter().cloned().collect();
    let mut mixes = supply_mix(scenario, &consumers, year);
    mixes.truncate(MAX_BARS);
    let title = format!("Where each one's energy came from in {year}");
    super::view_title(slide, area, &title, unit);
    if mixes.is_empty() {
        slide.text(
            area.centre(),
            "No supply recorded for these actors in this year.",
            30.0 * unit,
            slide.colours().ink,
            Anchor::Middle,
            false,
        );
        return;
    }
    let mut suppliers: Vec<&str> = Vec::new();
    for mix in &mixes {
        for segment in &mix.segments {
            if !suppliers.contains(&segment.supplier.as_str()) {
                suppliers.push(&segment.supplier);
            }
        }
    }
    let colour = |supplier: &str| {
        let index = suppliers.iter().position(|known| *known == supplier).unwrap_or(0);
        palette::group(index)
    };
    key(slide, area, scenario, &suppliers, &colour, unit);
    let label_size = 24.0 * unit;
    let labels: Vec<String> = mixes
        .iter()
        .map(|mix| {
            format!("{} ({}{})", scenario.actor_name(&mix.consumer), mix.commodity.label().to_lowercase(), basis(mix))
        })
        .collect();
    // A share resting only on sources graded D or below (or ungraded) is starred, and the footnote says why.
    let grades = crate::model::SourceGrades::of(scenario);
    let weak = |record: usize| grades.best(&scenario.energy[record].sources).is_low();
    let any_weak = mixes.iter().flat_map(|mix| &mix.segments).any(|segment| weak(segment.record));
    let label_width = labels.iter().map(|label| text_width(label, label_size)).fold(0.0, f32::max) + 24.0 * unit;
    let left = area.left + 56.0 * unit + label_width;
    let width = area.right() - 56.0 * unit - left;
    let pitch = ((area.height - 160.0 * unit) / mixes.len() as f32).min(90.0 * unit);
    let height = pitch * 0.7;
    for (row, mix) in mixes.iter().enumerate() {
        let y = area.top + 110.0 * unit + row as f32 * pitch;
        slide.text(
            [left - 14.0 * unit, y + height / 2.0],
            &labels[row],
            label_size,
            slide.colours().ink,
            Anchor::End,
            false,
        );
        let mut x = left;
        let parts = mix
            .segments
            .iter()
            .map(|s| (scenario.actor_name(&s.supplier), s.share, colour(&s.supplier), weak(s.record)));
        let rest = ("Other / unknown", mix.remainder, UNKNOWN, false);
        for (name, share, fill, weak) in parts.chain(std::iter::once(rest)) {
            let span = (share.clamp(0.0, 1.0) as f32) * width;
            if span < 0.5 {
                continue;
            }
            let outline = Some(Outline { width: 1.5 * unit, colour: slide.background });
            slide.add(Shape::Rect { min: [x, y], max: [x + span, y + height], corner_radius: 0.0, fill, outline });
            let text = format!("{name} {}{}", percent(share), if weak { " *" } else { "" });
            let size = (height * 0.42).min(26.0 * unit);
            if text_width(&text, size) + 12.0 * unit < span {
                let ink = crate::scene::marks::text_colour_on(fill);
                slide.text([x + span / 2.0, y + height / 2.0], &text, size, ink, Anchor::Middle, false);
            }
            x += span;
        }
    }
    let note = match any_weak {
        false => "Shares of each one's use (or imports, where marked); a supplier's name shows where it fits.",
        // Kept as short as the first: the footnote is one line.
        true => "Shares of each one's use (or imports, where marked). * Only sources graded D or below, or ungraded.",
    };
    super::footnote(slide, area, note, unit);
}

/// Every supplier's colour and name in one row under the title, so that narrow segments are named too.
fn key(
    slide: &mut SlideScene,
    area: Area,
    scenario: &Scenario,
    suppliers: &[&str],
    colour: &dyn Fn(&str) -> Rgba,
    unit: f32,
) {
    let size = super::KEY_TEXT_SIZE * unit;
    let (mut x, y) = (area.left + 56.0 * unit, area.top + 66.0 * unit);
    let entries =
        suppliers.iter().map(|id| (scenario.actor_name(id), colour(id))).chain([("Other / unknown", UNKNOWN)]);
    for (name, fill) in entries {
        let width = text_width(name, size);
        if x + 30.0 * unit + width > area.right() {
            break;
        }
        slide.add(Shape::Rect {
            min: [x, y - 9.0 * unit],
            max: [x + 18.0 * unit, y + 9.0 * unit],
            corner_radius: 2.0 * unit,
            fill,
            outline: None,
        });
        slide.text([x + 26.0 * unit, y], name, size, slide.colours().ink, Anchor::Start, false);
        x += 26.0 * unit + width + 28.0 * unit;
    }
}

fn basis(mix: &crate::charts::supply_mix::SupplyMix) -> &'static str {
    match mix.basis {
        crate::model::ShareBasis::Consumption => "",
        crate::model::ShareBasis::Imports => ", imports",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Reliability, Source};

    fn texts(slide: &SlideScene) -> Vec<&str> {
        (slide.shapes.iter())
            .filter_map(|shape| if let Shape::Text { text, .. } = shape { Some(text.as_str()) } else { None })
            .collect()
    }

    fn bars(scenario: &Scenario) -> SlideScene {
        let mut slide = SlideScene::new(1920, 1080, Rgba::WHITE);
        let area = Area { left: 0.0, top: 0.0, width: 1920.0, height: 1080.0 };
        let mut view = ViewState::default();
        view.selection.insert("SRB".to_owned());
        view.year = Some(2023);
        draw(&mut slide, area, scenario, &view, 1.0);
        slide
    }

    #[test]
    fn a_share_resting_only_on_weak_sources_is_starred_and_the_footnote_says_why() {
        let mut scenario = crate::charts::test_scenarios::small();
        let source = |grade| Source {
            id: "src".into(),
            title: "A source".into(),
            publisher: None,
            date: None,
            url: None,
            reliability: Some(grade),
            note: None,
        };
        scenario.sources = vec![source(Reliability::B)];
        let strong = bars(&scenario);
        assert!(texts(&strong).contains(&"Russia 85%"), "{:?}", texts(&strong));
        assert!(!texts(&strong).iter().any(|text| text.contains("graded D")), "{:?}", texts(&strong));
        scenario.sources = vec![source(Reliability::D)];
        let weak = bars(&scenario);
        assert!(texts(&weak).contains(&"Russia 85% *"), "{:?}", texts(&weak));
        assert!(
            texts(&weak).iter().any(|text| text.contains("* Only sources graded D or below")),
            "{:?}",
            texts(&weak)
        );
    }
}
