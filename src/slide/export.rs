//! Writing slides to files: one step, or every step into a folder as `step-01.png`, `step-02.png`…, or the whole
//! story as a PDF handout. Each file is written whole or not at all. Shared by `geodep export` and the app's
//! Present → Export menu.

use std::path::{Path, PathBuf};

use super::scene::Theme;
use crate::model::Scenario;

/// The image format of exported slides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the scenario has no story steps to export")]
    NoStory,
    #[error("the story has steps 1 to {count}; there is no step {number}")]
    NoSuchStep { number: usize, count: usize },
    #[error("cannot make the folder {}: {source}", path.display())]
    Folder { path: PathBuf, source: std::io::Error },
    #[error("cannot draw step {number}: {source}")]
    Render { number: usize, source: super::render::RenderError },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("cannot make the handout: {0}")]
    Handout(#[from] super::handout::HandoutError),
}

/// Step `number` (counted from 1) as image bytes, drawn in `theme`.
pub fn step_bytes(
    scenario: &Scenario,
    number: usize,
    size: (u32, u32),
    format: ImageFormat,
    theme: Theme,
) -> Result<Vec<u8>, ExportError> {
    slide_bytes(&super::Deck::themed(scenario, theme), number, size, format)
}

/// Writes step `number` (counted from 1) to `out`, drawn in `theme`.
pub fn write_step(
    scenario: &Scenario,
    number: usize,
    out: &Path,
    size: (u32, u32),
    format: ImageFormat,
    theme: Theme,
) -> Result<(), ExportError> {
    write_slide(&super::Deck::themed(scenario, theme), number, out, size, format)
}

fn write_slide(
    deck: &super::Deck<'_>,
    number: usize,
    out: &Path,
    size: (u32, u32),
    format: ImageFormat,
) -> Result<(), ExportError> {
    let bytes = slide_bytes(deck, number, size, format)?;
    crate::io::safe_write::write_whole(out, &bytes)
        .map_err(|source| ExportError::Write { path: out.to_owned(), source })
}

fn slide_bytes(
    deck: &super::Deck<'_>,
    number: usize,
    size: (u32, u32),
    format: ImageFormat,
) -> Result<Vec<u8>, ExportError> {
    let count = deck.step_count();
    if count == 0 {
        return Err(ExportError::NoStory);
    }
    let slide = match number.checked_sub(1).and_then(|index| deck.slide(index, size.0, size.1)) {
        Some(slide) => slide,
        None => return Err(ExportError::NoSuchStep { number, count }),
    };
    Ok(match format {
        ImageFormat::Svg => super::svg::to_svg(&slide).into_bytes(),
        ImageFormat::Png => super::render::to_png(&slide).map_err(|source| ExportError::Render { number, source })?,
    })
}

/// Writes every step into `folder` (made if missing), drawn in `theme`, and returns the files written, in order.
pub fn write_all(
    scenario: &Scenario,
    folder: &Path,
    size: (u32, u32),
    format: ImageFormat,
    theme: Theme,
) -> Result<Vec<PathBuf>, ExportError> {
    if scenario.story.is_empty() {
        return Err(ExportError::NoStory);
    }
    std::fs::create_dir_all(folder).map_err(|source| ExportError::Folder { path: folder.to_owned(), source })?;
    let deck = super::Deck::themed(scenario, theme);
    (1..=scenario.story.len())
        .map(|number| {
            let out = folder.join(format!("step-{number:02}.{}", format.extension()));
            write_slide(&deck, number, &out, size, format).map(|()| out)
        })
        .collect()
}

/// Writes the story as a PDF handout to `out` and returns how many pages it has. A folder is refused before any
/// work is done.
pub fn write_handout(
    scenario: &Scenario,
    out: &Path,
    options: super::handout::HandoutOptions,
) -> Result<usize, ExportError> {
    if scenario.story.is_empty() {
        return Err(ExportError::NoStory);
    }
    if out.is_dir() {
        let source = std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is a folder; name the handout's file, e.g. handout.pdf",
        );
        return Err(ExportError::Write { path: out.to_owned(), source });
    }
    let (bytes, pages) = super::handout::to_pdf(scenario, options)?;
    crate::io::safe_write::write_whole(out, &bytes)
        .map_err(|source| ExportError::Write { path: out.to_owned(), source })?;
    Ok(pages)
}
