//! Story steps as slide images, without a window or a GPU: a step becomes a `SlideScene` of shapes and text,
//! built from the same data the views draw (the graph's scene, layout and styles, the chart data); `svg` writes
//! the scene out and `render` rasterises it with resvg and the fonts embedded in the binary; `pdf` draws the same
//! scene onto PDF pages, which `handout` lays out. Used by `geodep export` and by the app's Present → Export menu.
//! Reads the scenario; changes nothing.

mod bars;
mod caption;
pub mod export;
pub mod fonts;
mod framing;
mod graph;
mod grid;
pub mod handout;
mod map;
pub mod pdf;
pub mod render;
pub mod scene;
#[cfg(test)]
mod story_tests;
pub mod svg;
mod text;
mod timeline;

use crate::model::Scenario;
use crate::scene::story::{matrix_for_step, view_for_step};
use crate::state::{CentralView, MatrixKind, ViewState};
use scene::{Shape, SlideScene, Theme};

/// Text sizes per 1080 pixels of height, so that a room reads them from the back row: titles and captions, the
/// keys that explain lines and colours, and the names on the graph and the map.
pub const KEY_TEXT_SIZE: f32 = 28.0;
pub const LABEL_TEXT_SIZE: f32 = 26.0;

/// A rectangle in slide pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub left: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
}

impl Area {
    pub fn right(&self) -> f32 {
        self.left + self.width
    }

    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }

    pub fn centre(&self) -> [f32; 2] {
        [self.left + self.width / 2.0, self.top + self.height / 2.0]
    }
}

/// The slide for story step `index` at `width` by `height` pixels; `None` when there is no such step.
pub fn build(scenario: &Scenario, index: usize, width: u32, height: u32) -> Option<SlideScene> {
    Deck::new(scenario).slide(index, width, height)
}

/// A scenario's story ready to be drawn as slides in a theme. The graph's layout is worked out once, when a
/// graph step first needs it, and serves every step: on a large scenario it is the costly part.
pub struct Deck<'a> {
    scenario: &'a Scenario,
    layout: std::cell::OnceCell<Vec<[f32; 2]>>,
    theme: Theme,
}

impl<'a> Deck<'a> {
    /// The story in the light theme.
    pub fn new(scenario: &'a Scenario) -> Deck<'a> {
        Deck::themed(scenario, Theme::Light)
    }

    pub fn themed(scenario: &'a Scenario, theme: Theme) -> Deck<'a> {
        Deck { scenario, layout: std::cell::OnceCell::new(), theme }
    }

    pub fn step_count(&self) -> usize {
        self.scenario.story.len()
    }

    fn layout(&self) -> &[[f32; 2]] {
        self.layout.get_or_init(|| crate::scene::graph_layout::settled_positions(self.scenario))
    }

    /// The slide for story step `index` at `width` by `height` pixels; `None` when there is no such step.
    pub fn slide(&self, index: usize, width: u32, height: u32) -> Option<SlideScene> {
        let scenario = self.scenario;
        let step = scenario.story.get(index)?;
        let mut slide = SlideScene::themed(width, height, self.theme);
        // Sizes are set for 1080 pixels of height and scale with it.
        let unit = height as f32 / 1080.0;
        let band = caption::band_height(step, width as f32, unit);
        let content = content_area(step, width, height);
        let view = view_for_step(step, scenario, &ViewState::default());
        let drawn = match (step.view, view.central, matrix_for_step(step)) {
            (crate::model::ViewKind::Map, _, _) => Drawn::Map,
            (_, CentralView::Matrices, Some(kind)) => Drawn::Matrix(kind),
            (_, central, _) => Drawn::central(central, MatrixKind::default()),
        };
        self.draw_view(&mut slide, content, &view, drawn, unit);
        caption::draw(&mut slide, scenario, index, band, unit);
        Some(slide)
    }
}

/// Where a step's view goes on its slide: between the scenario's title at the head and the caption band.
fn content_area(step: &crate::model::StoryStep, width: u32, height: u32) -> Area {
    let unit = height as f32 / 1080.0;
    let band = caption::band_height(step, width as f32, unit);
    Area { left: 0.0, top: 56.0 * unit, width: width as f32, height: (height as f32 - band - 56.0 * unit).max(1.0) }
}

/// What fills a slide's content area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawn {
    Graph,
    Map,
    Charts,
    Matrix(MatrixKind),
    Timeline,
}

impl Drawn {
    /// A central view as a slide shows it; views with no slide form (analysis, data, overview) show the graph.
    pub fn central(central: CentralView, matrix: MatrixKind) -> Drawn {
        match central {
            CentralView::Map => Drawn::Map,
            CentralView::Charts => Drawn::Charts,
            CentralView::Matrices => Drawn::Matrix(matrix),
            CentralView::Timeline => Drawn::Timeline,
            _ => Drawn::Graph,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Drawn::Graph => "Graph",
            Drawn::Map => "Map",
            Drawn::Charts => "Charts",
            Drawn::Matrix(_) => "Matrices",
            Drawn::Timeline => "Timeline",
        }
    }
}

impl Deck<'_> {
    /// One view of the scenario as an image (`geodep export --view`): the view fills the slide under a head
    /// naming the scenario, the view and the year. `matrix` says which grid the Matrices view shows.
    pub fn view(&self, view: &ViewState, drawn: Drawn, width: u32, height: u32) -> SlideScene {
        let mut slide = SlideScene::themed(width, height, self.theme);
        let unit = height as f32 / 1080.0;
        let content =
            Area { left: 0.0, top: 72.0 * unit, width: width as f32, height: (height as f32 - 72.0 * unit).max(1.0) };
        self.draw_view(&mut slide, content, view, drawn, unit);
        let year = view.year.map_or_else(|| "every year".to_owned(), |year| year.to_string());
        let head = format!("{} — {}, {year}", self.scenario.title, drawn.label());
        let head = text::elide_in_face(&head, 34.0 * unit, width as f32 - 112.0 * unit, true).into_owned();
        let ink = slide.colours().ink;
        slide.text([56.0 * unit, 48.0 * unit], &head, 34.0 * unit, ink, scene::Anchor::Start, true);
        slide
    }

    /// The graph, the map, a chart, a grid or the timeline in `content`, the head then painted over anything
    /// reaching it.
    fn draw_view(&self, slide: &mut SlideScene, content: Area, view: &ViewState, drawn: Drawn, unit: f32) {
        let scenario = self.scenario;
        match drawn {
            Drawn::Matrix(kind) => grid::draw(slide, content, scenario, view, kind, unit),
            Drawn::Charts => bars::draw(slide, content, scenario, view, unit),
            Drawn::Timeline => timeline::draw(slide, content, scenario, view, unit),
            Drawn::Map => map::draw(slide, content, scenario, view, unit),
            Drawn::Graph => graph::draw(slide, content, scenario, self.layout(), view, unit),
        }
        // The graph may reach past its area: the head is painted over it, as the caption band is.
        let head = Shape::Rect {
            min: [0.0, 0.0],
            max: [slide.width as f32, content.top],
            corner_radius: 0.0,
            fill: slide.background,
            outline: None,
        };
        slide.add(head);
    }
}

/// The line naming what a chart or grid shows, at the top left of its area.
fn view_title(slide: &mut SlideScene, area: Area, text: &str, unit: f32) {
    let (position, ink) = ([area.left + 56.0 * unit, area.top + 24.0 * unit], slide.colours().ink);
    slide.text(position, text, 28.0 * unit, ink, scene::Anchor::Start, true);
}

/// A line explaining a chart's marks, at the foot of its area.
fn footnote(slide: &mut SlideScene, area: Area, text: &str, unit: f32) {
    let position = [area.left + 56.0 * unit, area.bottom() - 24.0 * unit];
    let ink = slide.colours().weak_ink;
    slide.text(position, text, KEY_TEXT_SIZE * unit, ink, scene::Anchor::Start, false);
}

#[cfg(test)]
mod tests {
    use super::*;
    use scene::Shape;

    fn bundled() -> Scenario {
        crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads")
    }

    fn texts(slide: &SlideScene) -> Vec<&str> {
        slide
            .shapes
            .iter()
            .filter_map(|shape| match shape {
                Shape::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_slide_has_the_steps_title_counter_and_focus_actors_names() {
        let scenario = bundled();
        let slide = build(&scenario, 1, 1920, 1080).expect("step 2 exists");
        assert_eq!((slide.width, slide.height), (1920, 1080));
        let texts = texts(&slide);
        assert!(texts.contains(&scenario.story[1].title.as_str()), "{texts:?}");
        assert!(texts.contains(&"Step 2 of 8"), "{texts:?}");
        for id in &scenario.story[1].focus {
            let name = scenario.actor_name(id);
            assert!(texts.contains(&name), "{name} is not on the slide: {texts:?}");
        }
    }

    #[test]
    fn every_shape_of_every_bundled_slide_lies_on_the_slide() {
        for bundled in &crate::library::BUNDLED {
            let scenario = crate::io::load_text(bundled.text).scenario.expect("loads");
            for index in 0..scenario.story.len() {
                let slide = build(&scenario, index, 1280, 720).expect("step exists");
                for shape in &slide.shapes {
                    if let Shape::Text { position, text, .. } = shape {
                        let inside = (0.0..=1280.0).contains(&position[0]) && (0.0..=720.0).contains(&position[1]);
                        assert!(inside, "{}: step {index}: {text:?} at {position:?}", bundled.file_name);
                    }
                }
            }
        }
    }

    /// Every text on the slide with its size, and whether it is an actor's name.
    fn sized_texts(slide: &SlideScene, scenario: &Scenario) -> Vec<(String, f32, bool)> {
        let names: Vec<&str> = scenario.actors.iter().map(|actor| actor.name.as_str()).collect();
        slide
            .shapes
            .iter()
            .filter_map(|shape| match shape {
                Shape::Text { text, size, .. } => Some((text.clone(), *size, names.contains(&text.as_str()))),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn keys_are_28_pixels_and_names_at_least_24_at_full_hd_on_every_serbian_slide() {
        let bundled = crate::library::find("serbia-2023.ron").expect("bundled");
        let scenario = crate::io::load_text(bundled.text).scenario.expect("loads");
        let (mut keys, mut names) = (0, 0);
        for theme in [Theme::Light, Theme::Dark, Theme::Projector] {
            let deck = Deck::themed(&scenario, theme);
            for index in 0..deck.step_count() {
                let slide = deck.slide(index, 1920, 1080).expect("step exists");
                assert_eq!(slide.theme, theme);
                for (text, size, is_name) in sized_texts(&slide, &scenario) {
                    let is_key = text.starts_with("Sanctions: ")
                        || text.contains("(width: ")
                        || text.ends_with(" tie")
                        || text.starts_with("Hostile tie");
                    if is_key {
                        keys += 1;
                        assert!(size >= 28.0, "step {}: key {text:?} at {size} px", index + 1);
                    }
                    if is_name {
                        names += 1;
                        assert!(size >= 24.0, "step {}: name {text:?} at {size} px", index + 1);
                    }
                }
            }
        }
        assert!(keys > 10 && names > 20, "the slides have keys ({keys}) and names ({names}) to check");
        // At 720 pixels of height they scale with it: 28 * 720 / 1080 = 18.67.
        let small = Deck::new(&scenario).slide(1, 1280, 720).expect("step 2");
        let key_sizes: Vec<f32> = sized_texts(&small, &scenario)
            .into_iter()
            .filter(|(text, _, _)| text.starts_with("Sanctions: ") || text.contains("(width: "))
            .map(|(_, size, _)| size)
            .collect();
        assert!(!key_sizes.is_empty() && key_sizes.iter().all(|size| (size - 18.67).abs() < 0.01), "{key_sizes:?}");
    }

    #[test]
    fn a_dark_slide_is_light_text_on_a_dark_ground_with_enough_contrast() {
        let scenario = bundled();
        let slide = Deck::themed(&scenario, Theme::Dark).slide(1, 1920, 1080).expect("step 2");
        assert_eq!(slide.background, Theme::Dark.surface().background);
        let mut checked = 0;
        for shape in &slide.shapes {
            if let Shape::Text { colour, text, .. } = shape {
                let ratio = crate::scene::palette::contrast(*colour, slide.background);
                assert!(ratio >= 4.5, "{text:?} in {colour:?}: {ratio:.2} : 1");
                checked += 1;
            }
        }
        assert!(checked > 5);
    }

    #[test]
    fn there_is_no_slide_for_a_step_that_does_not_exist() {
        assert_eq!(build(&bundled(), 99, 800, 600), None);
    }
}
