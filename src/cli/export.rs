//! `geodep export`: story steps as slide images (PNG, or SVG), one or all, without a window or a GPU.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::inputs::load;
use super::output::{Output, say, tell_user};
use crate::slide::export::{ImageFormat, write_all, write_step};

/// Which steps go where.
pub enum Target {
    /// One step (counted from 1) to one file.
    Step { number: usize, out: PathBuf },
    /// Every step to `step-01.png`, `step-02.png`… in a folder (made if missing).
    AllSteps { out_dir: PathBuf },
}

/// "1920x1080" as (1920, 1080); each side from 16 to 8192 pixels.
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let not_a_size = || format!("\"{text}\" is not a size: write it as WIDTHxHEIGHT, e.g. 1920x1080");
    let (width, height) = text
        .to_lowercase()
        .split_once('x')
        .map_or((None, None), |(width, height)| (width.trim().parse::<u32>().ok(), height.trim().parse::<u32>().ok()));
    match (width, height) {
        (Some(width), Some(height)) if (16..=8192).contains(&width) && (16..=8192).contains(&height) => {
            Ok((width, height))
        }
        (Some(_), Some(_)) => Err(format!("\"{text}\": each side must be from 16 to 8192 pixels")),
        _ => Err(not_a_size()),
    }
}

pub fn run(file: &Path, target: Target, size: (u32, u32), format: ImageFormat) -> ExitCode {
    let Ok(scenario) = load(file) else { return ExitCode::FAILURE };
    let written = match target {
        Target::Step { number, out } => write_step(&scenario, number, &out, size, format).map(|()| vec![out]),
        Target::AllSteps { out_dir } => write_all(&scenario, &out_dir, size, format),
    };
    match written {
        Ok(files) => {
            let mut output = Output::stdout();
            for file in files {
                say!(output, "wrote {}", file.display());
            }
            output.finish(ExitCode::SUCCESS)
        }
        Err(error) => {
            tell_user!("geodep: {}: {error}", file.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_width_by_height_within_limits() {
        assert_eq!(parse_size("1920x1080"), Ok((1920, 1080)));
        assert_eq!(parse_size("800X600"), Ok((800, 600)));
        assert!(parse_size("1920").unwrap_err().contains("WIDTHxHEIGHT"));
        assert!(parse_size("0x100").unwrap_err().contains("16 to 8192"));
        assert!(parse_size("axb").is_err());
    }
}
