//! A story as a printable handout: each step on an A4 portrait page, its slide at the top (the same scene the
//! slides are drawn from, as vectors) with its title and caption beneath, and on request its speaker notes;
//! text that does not fit goes on to a new page headed "(continued)". The scenario's sources close it, on as
//! many pages as they need. [`plan`] says what goes on which page; [`to_pdf`] draws the plan with `pdf`.
//! Reads the scenario; writes no file (`export` does).

use krilla::geom::Rect;
use krilla::page::PageSettings;
use krilla::{Document, action, annotation, metadata};

use super::scene::{Anchor, Outline, Rgba, Shape};
use super::{Area, Deck, pdf, text};

/// Paper is white whatever the screen's theme: the handout's text is near-black, its small print dark grey
/// (7.6 : 1 on white).
const INK: Rgba = Rgba::rgb(20, 20, 20);
const WEAK_INK: Rgba = Rgba::rgb(80, 80, 80);
use crate::model::{Scenario, Source};

/// A4 portrait, in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
/// 20 mm on every side.
const MARGIN: f32 = 56.7;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Text stops here; the footer sits below.
const TEXT_BOTTOM: f32 = PAGE_HEIGHT - MARGIN;
/// Slides are drawn at the size they are exported at, then scaled to the page's width.
const SLIDE_PIXELS: (u32, u32) = (1920, 1080);

/// What the handout holds besides the slides and captions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HandoutOptions {
    /// Each step's speaker notes beneath its caption.
    pub notes: bool,
}

/// One thing on a page, in points from the page's top left.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Story step `step`'s slide (counted from 0), scaled into `area`.
    Slide {
        step: usize,
        area: Area,
    },
    Shape(Shape),
    /// A clickable web address over `area`.
    Link {
        area: Area,
        url: String,
    },
}

/// What one page holds, painted in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// How a kind of text is set: its size, the height of each of its lines, colour and weight.
#[derive(Debug, Clone, Copy)]
struct Style {
    size: f32,
    leading: f32,
    colour: Rgba,
    bold: bool,
}

const COUNTER: Style = Style { size: 9.0, leading: 14.0, colour: WEAK_INK, bold: false };
const TITLE: Style = Style { size: 16.0, leading: 21.0, colour: INK, bold: true };
const CAPTION: Style = Style { size: 11.0, leading: 15.5, colour: INK, bold: false };
const NOTES_HEAD: Style = Style { size: 9.0, leading: 15.0, colour: WEAK_INK, bold: true };
const NOTES: Style = Style { size: 10.0, leading: 14.0, colour: INK, bold: false };
const CONTINUED: Style = Style { size: 9.0, leading: 18.0, colour: WEAK_INK, bold: false };
const HEADING: Style = Style { size: 16.0, leading: 26.0, colour: INK, bold: true };
const SOURCE: Style = Style { size: 10.0, leading: 13.5, colour: INK, bold: false };
const SOURCE_DETAIL: Style = Style { size: 9.0, leading: 12.5, colour: WEAK_INK, bold: false };
const FOOTER_SIZE: f32 = 8.0;

/// Every page of the handout: one per story step (more where its text runs over), then the sources.
pub fn plan(scenario: &Scenario, options: HandoutOptions) -> Vec<Page> {
    let mut flow = Flow::default();
    let count = scenario.story.len();
    for (index, step) in scenario.story.iter().enumerate() {
        flow.continued = None;
        flow.new_page();
        let height = CONTENT_WIDTH * SLIDE_PIXELS.1 as f32 / SLIDE_PIXELS.0 as f32;
        let area = Area { left: MARGIN, top: MARGIN, width: CONTENT_WIDTH, height };
        flow.push(Item::Slide { step: index, area });
        flow.push(Item::Shape(frame(area)));
        flow.y = area.bottom() + 14.0;
        flow.paragraph(&format!("Step {} of {count}", index + 1), COUNTER);
        flow.paragraph(&step.title, TITLE);
        flow.continued = Some(format!("Step {} of {count}: {} (continued)", index + 1, step.title));
        flow.y += 4.0;
        flow.paragraph(&step.caption, CAPTION);
        let notes = step.notes.as_deref().map(str::trim).filter(|notes| !notes.is_empty());
        if let (true, Some(notes)) = (options.notes, notes) {
            flow.y += 10.0;
            flow.paragraph("Speaker notes", NOTES_HEAD);
            flow.paragraph(notes, NOTES);
        }
    }
    sources(&mut flow, &scenario.sources);
    footers(flow.pages, &scenario.title)
}

/// The sources, each as a block kept on one page where it can be: "[id] Title. Publisher, date." with its web
/// address and note beneath.
fn sources(flow: &mut Flow, sources: &[Source]) {
    flow.continued = None;
    flow.new_page();
    flow.paragraph("Sources", HEADING);
    flow.continued = Some("Sources (continued)".to_owned());
    if sources.is_empty() {
        flow.paragraph("The scenario lists no sources.", SOURCE);
    }
    for source in sources {
        let mut head = format!("[{}] {}", source.id, source.title);
        let grade = source.reliability.map(|grade| format!("graded {}", grade.letter()));
        let details: Vec<&str> =
            [&source.publisher, &source.date, &grade].into_iter().flatten().map(String::as_str).collect();
        if !details.is_empty() {
            head = format!("{}. {}", head.trim_end_matches('.'), details.join(", "));
        }
        let mut block = vec![(wrap(&head, SOURCE), SOURCE, None)];
        if let Some(url) = &source.url {
            block.push((wrap(url, SOURCE_DETAIL), SOURCE_DETAIL, Some(url.clone())));
        }
        if let Some(note) = &source.note {
            block.push((wrap(note, SOURCE_DETAIL), SOURCE_DETAIL, None));
        }
        let height: f32 = block.iter().map(|(lines, style, _)| lines.len() as f32 * style.leading).sum();
        flow.keep_together(height);
        for (lines, style, url) in block {
            let top = flow.y;
            for line in &lines {
                flow.line(line, style);
            }
            if let Some(url) = url
                && flow.y > top
            {
                // A link broken over a page is clickable on its first page only.
                let area = Area { left: MARGIN, top, width: CONTENT_WIDTH, height: flow.y - top };
                flow.push(Item::Link { area, url });
            }
        }
        flow.y += 6.0;
    }
}

/// The pages with "title" and "Page 3 of 12" at their foot.
fn footers(mut pages: Vec<Page>, title: &str) -> Vec<Page> {
    let count = pages.len();
    let y = PAGE_HEIGHT - MARGIN / 2.0;
    for (index, page) in pages.iter_mut().enumerate() {
        let counter = format!("Page {} of {count}", index + 1);
        let room = CONTENT_WIDTH - text_width(&counter, FOOTER_SIZE) - 24.0;
        let title = text::elide(title, FOOTER_SIZE, room).into_owned();
        page.items.push(Item::Shape(text_shape([MARGIN, y], title, FOOTER_SIZE, WEAK_INK, Anchor::Start, false)));
        let right = [PAGE_WIDTH - MARGIN, y];
        page.items.push(Item::Shape(text_shape(right, counter, FOOTER_SIZE, WEAK_INK, Anchor::End, false)));
    }
    pages
}

/// Text laid down line by line, starting new pages as the old ones fill up.
#[derive(Default)]
struct Flow {
    pages: Vec<Page>,
    /// Where the next line's top goes on the last page.
    y: f32,
    /// The line that heads a page the text runs over to.
    continued: Option<String>,
}

impl Flow {
    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN;
        if let Some(heading) = self.continued.clone() {
            for line in wrap(&heading, CONTINUED) {
                self.line(&line, CONTINUED);
            }
            self.y += 4.0;
        }
    }

    fn push(&mut self, item: Item) {
        if self.pages.is_empty() {
            self.new_page();
        }
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// Starts a new page unless `height` more fits on this one or would not fit on any.
    fn keep_together(&mut self, height: f32) {
        let fresh_page_room = TEXT_BOTTOM - MARGIN - 2.0 * CONTINUED.leading;
        if self.y + height > TEXT_BOTTOM && height <= fresh_page_room {
            self.new_page();
        }
    }

    /// One line, on a new page if it does not fit on this one.
    fn line(&mut self, line: &str, style: Style) {
        if self.y + style.leading > TEXT_BOTTOM {
            self.new_page();
        }
        let middle = [MARGIN, self.y + style.leading / 2.0];
        self.push(Item::Shape(text_shape(
            middle,
            line.to_owned(),
            style.size,
            style.colour,
            Anchor::Start,
            style.bold,
        )));
        self.y += style.leading;
    }

    /// Text wrapped to the page's width, its line breaks kept.
    fn paragraph(&mut self, text: &str, style: Style) {
        for line in wrap(text, style) {
            self.line(&line, style);
        }
    }
}

/// `text` in lines no wider than the page's text, each line break in it starting a new line.
fn wrap(text: &str, style: Style) -> Vec<String> {
    text.lines()
        .flat_map(|paragraph| text::wrap_at_most(paragraph, style.size, CONTENT_WIDTH, usize::MAX - 1))
        .collect()
}

fn text_width(text: &str, size: f32) -> f32 {
    super::render::text_width(text, size)
}

fn text_shape(position: [f32; 2], text: String, size: f32, colour: Rgba, anchor: Anchor, bold: bool) -> Shape {
    Shape::Text { position, text, size, colour, anchor, bold, angle: 0.0 }
}

/// A thin line around a slide, so that its white background stands out from the paper.
fn frame(area: Area) -> Shape {
    Shape::Rect {
        min: [area.left, area.top],
        max: [area.right(), area.bottom()],
        corner_radius: 0.0,
        fill: Rgba(0, 0, 0, 0),
        outline: Some(Outline { width: 0.5, colour: WEAK_INK }),
    }
}

/// Why a handout could not be made.
#[derive(Debug, thiserror::Error)]
pub enum HandoutError {
    #[error("the fonts compiled into GeoDep could not be read")]
    Fonts,
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// The handout as PDF bytes, with the number of pages.
pub fn to_pdf(scenario: &Scenario, options: HandoutOptions) -> Result<(Vec<u8>, usize), HandoutError> {
    let pages = plan(scenario, options);
    let fonts = pdf::Fonts::embedded().ok_or(HandoutError::Fonts)?;
    let deck = Deck::new(scenario);
    let mut document = Document::new();
    let metadata = metadata::Metadata::new().title(scenario.title.clone()).creator("GeoDep".to_owned());
    document.set_metadata(metadata);
    for page in &pages {
        draw_page(&mut document, page, &deck, &fonts)?;
    }
    let bytes = document.finish().map_err(|error| HandoutError::Pdf(format!("{error:?}")))?;
    Ok((bytes, pages.len()))
}

fn draw_page(document: &mut Document, page: &Page, deck: &Deck<'_>, fonts: &pdf::Fonts) -> Result<(), HandoutError> {
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(HandoutError::Pdf("no page size".into()))?;
    let mut pdf_page = document.start_page_with(settings);
    let mut surface = pdf_page.surface();
    for item in &page.items {
        match item {
            Item::Slide { step, area } => {
                let Some(scene) = deck.slide(*step, SLIDE_PIXELS.0, SLIDE_PIXELS.1) else { continue };
                let scale = area.width / scene.width as f32;
                surface.push_transform(&krilla::geom::Transform::from_row(scale, 0.0, 0.0, scale, area.left, area.top));
                pdf::draw_scene(&mut surface, &scene, fonts);
                surface.pop();
            }
            Item::Shape(shape) => pdf::draw_shape(&mut surface, shape, fonts),
            Item::Link { .. } => {}
        }
    }
    surface.finish();
    for item in &page.items {
        if let Item::Link { area, url } = item
            && let Some(rect) = Rect::from_xywh(area.left, area.top, area.width, area.height)
        {
            let target = annotation::Target::Action(action::LinkAction::new(url.clone()).into());
            let link = annotation::LinkAnnotation::new(rect, target);
            pdf_page.add_annotation(annotation::Annotation::new_link(link, Some(url.clone())));
        }
    }
    pdf_page.finish();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled(file_name: &str) -> Scenario {
        let bundled = crate::library::BUNDLED.iter().find(|bundled| bundled.file_name == file_name).expect("bundled");
        crate::io::load_text(bundled.text).scenario.expect("loads")
    }

    fn texts(page: &Page) -> Vec<&str> {
        page.items
            .iter()
            .filter_map(|item| match item {
                Item::Shape(Shape::Text { text, .. }) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    fn slides(page: &Page) -> Vec<usize> {
        page.items
            .iter()
            .filter_map(|item| match item {
                Item::Slide { step, .. } => Some(*step),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn each_step_has_a_page_with_its_slide_counter_and_title_then_come_the_sources() {
        let scenario = bundled("serbia-2023.ron");
        let pages = plan(&scenario, HandoutOptions::default());
        for (index, step) in scenario.story.iter().enumerate() {
            assert_eq!(slides(&pages[index]), [index]);
            let texts = texts(&pages[index]);
            assert!(texts.contains(&format!("Step {} of 8", index + 1).as_str()), "{texts:?}");
            assert!(texts.contains(&step.title.as_str()), "{texts:?}");
        }
        let sources = &pages[8..];
        assert!(!sources.is_empty());
        assert_eq!(texts(&sources[0])[0], "Sources");
        let listed: Vec<&str> = sources.iter().flat_map(texts).collect();
        for source in &scenario.sources {
            assert!(
                listed.iter().any(|line| line.starts_with(&format!("[{}] ", source.id))),
                "{} is missing",
                source.id
            );
        }
        // Each with its grade: the Moscow Times article is graded B.
        let joined = listed.join(" ");
        assert!(joined.contains("The Moscow Times (AFP), 2023-12-25, graded B"), "{joined}");
        let count = pages.len();
        assert_eq!(texts(&pages[count - 1]).last(), Some(&format!("Page {count} of {count}").as_str()));
    }

    #[test]
    fn a_slide_fills_the_width_between_the_margins_at_sixteen_by_nine() {
        let pages = plan(&bundled("serbia-2023.ron"), HandoutOptions::default());
        let Some(Item::Slide { area, .. }) = pages[0].items.first() else { panic!("the slide comes first") };
        assert_eq!((area.left, area.top), (56.7, 56.7));
        assert!((area.width - 481.88).abs() < 0.01 && (area.height - 271.06).abs() < 0.01, "{area:?}");
    }

    #[test]
    fn notes_are_there_only_when_asked_for() {
        let scenario = bundled("serbia-2023.ron");
        let has_notes = |options| {
            let pages = plan(&scenario, options);
            pages.iter().flat_map(texts).any(|line| line == "Speaker notes")
        };
        assert!(!has_notes(HandoutOptions { notes: false }));
        assert!(has_notes(HandoutOptions { notes: true }));
    }

    #[test]
    fn text_that_runs_over_continues_on_a_new_page_under_a_heading() {
        let mut scenario = bundled("serbia-2023.ron");
        scenario.story.truncate(1);
        // 400 sentences of 6 words: at 11 points about 14 sentences fill the width of a line.
        let caption: Vec<String> = (0..400).map(|number| format!("Sentence {number} about Vučić and Вучич.")).collect();
        scenario.story[0].caption = caption.join(" ");
        scenario.sources.clear();
        let pages = plan(&scenario, HandoutOptions::default());
        assert!(pages.len() >= 4, "the caption needs more than one page: {} pages", pages.len());
        let continued = format!("Step 1 of 1: {} (continued)", scenario.story[0].title);
        assert_eq!(texts(&pages[1])[0], continued);
        assert!(slides(&pages[1]).is_empty());
        let last = pages.len() - 1;
        assert_eq!(texts(&pages[last])[..2], ["Sources", "The scenario lists no sources."]);
        // Every sentence is there, in order, once the page furniture is left out.
        let body: Vec<&str> = pages[..last]
            .iter()
            .flat_map(texts)
            .filter(|line| *line != continued && !line.starts_with("Page ") && *line != scenario.title)
            .skip(2)
            .collect();
        assert_eq!(body.join(" "), scenario.story[0].caption);
        for page in &pages {
            for item in &page.items {
                if let Item::Shape(Shape::Text { position, .. }) = item {
                    assert!(position[1] < PAGE_HEIGHT - MARGIN / 4.0 && position[1] > MARGIN / 2.0, "{position:?}");
                }
            }
        }
    }

    #[test]
    fn the_pdf_has_a_page_for_each_planned_page() {
        let scenario = bundled("western-balkans-gas.ron");
        let options = HandoutOptions { notes: true };
        let (bytes, pages) = to_pdf(&scenario, options).expect("a handout");
        assert_eq!(pages, plan(&scenario, options).len());
        assert!(bytes.starts_with(b"%PDF-"));
        let read = lopdf::Document::load_mem(&bytes).expect("the PDF reads back");
        assert_eq!(read.get_pages().len(), pages);
        let first = read.extract_text(&[1]).expect("text");
        assert!(first.contains(&scenario.story[0].title), "{first}");
    }
}
