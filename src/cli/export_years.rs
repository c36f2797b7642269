//! `geodep export FILE --years 2019..2023 --out-dir DIR`: one image of a view per year of a span (`graph-2019.png`,
//! `graph-2021.png`…), each headed with its year. Reads the span, checks it against the scenario's years, and
//! writes nothing when either is wrong. Drawing is `Deck::view`'s, as for one view.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::export::{ViewExport, finish, view_image, write};
use super::inputs::load;
use super::output::tell_user;
use crate::slide::export::ImageFormat;

/// "2019..2023" as (2019, 2023); the first year must not come after the last.
pub fn parse_span(text: &str) -> Result<(i32, i32), String> {
    let not_a_span = || format!("\"{text}\" is not a span of years: write FIRST..LAST, e.g. 2019..2023");
    let (first, last) = text.split_once("..").ok_or_else(not_a_span)?;
    let (Ok(first), Ok(last)) = (first.trim().parse::<i32>(), last.trim().parse::<i32>()) else {
        return Err(not_a_span());
    };
    if first > last {
        return Err(format!("\"{text}\" starts after it ends: write {last}..{first}"));
    }
    Ok((first, last))
}

/// The scenario's years within the span, or why there are none to draw: an end outside the scenario's years.
pub fn years_to_draw(scenario_years: &[i32], (first, last): (i32, i32)) -> Result<Vec<i32>, String> {
    let (Some(&earliest), Some(&latest)) = (scenario_years.first(), scenario_years.last()) else {
        return Err("the scenario names no years".to_owned());
    };
    if first < earliest || last > latest {
        return Err(format!("{first}..{last} reaches outside the scenario's years, {earliest} to {latest}"));
    }
    Ok(crate::state::years_within(scenario_years, first, last))
}

pub fn run(file: &Path, span: (i32, i32), out_dir: &Path, asked: ViewExport<'_>, format: ImageFormat) -> ExitCode {
    let Ok(scenario) = load(file) else { return ExitCode::FAILURE };
    let years = match years_to_draw(&scenario.years(), span) {
        Ok(years) => years,
        Err(why) => {
            tell_user!("geodep export: {}: {why}", file.display());
            return ExitCode::FAILURE;
        }
    };
    let extension = match format {
        ImageFormat::Png => "png",
        ImageFormat::Svg => "svg",
    };
    let view_name = format!("{:?}", asked.view).to_lowercase();
    let written = std::fs::create_dir_all(out_dir)
        .map_err(|error| format!("cannot make the folder {}: {error}", out_dir.display()))
        .and_then(|()| {
            let mut written: Vec<PathBuf> = Vec::new();
            let deck = crate::slide::Deck::themed(&scenario, asked.theme);
            for year in years {
                let out = out_dir.join(format!("{view_name}-{year}.{extension}"));
                let bytes = view_image(&deck, &asked, year, format)?;
                written.extend(write(&out, &bytes)?);
            }
            Ok(written)
        });
    finish(written.map_err(|error| format!("geodep export: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_first_dot_dot_last() {
        assert_eq!(parse_span("2019..2023"), Ok((2019, 2023)));
        assert_eq!(parse_span("2022..2022"), Ok((2022, 2022)));
        assert_eq!(parse_span("2023..2019"), Err("\"2023..2019\" starts after it ends: write 2019..2023".to_owned()));
        for malformed in ["20x9..", "2019", "2019..", "..2023", "2019-2023"] {
            assert!(parse_span(malformed).unwrap_err().contains("is not a span of years"), "{malformed}");
        }
    }

    #[test]
    fn the_years_drawn_are_the_scenarios_within_the_span() {
        let scenario_years = [2015, 2021, 2022, 2023];
        assert_eq!(years_to_draw(&scenario_years, (2021, 2023)), Ok(vec![2021, 2022, 2023]));
        assert_eq!(years_to_draw(&scenario_years, (2016, 2022)), Ok(vec![2021, 2022]));
        assert_eq!(
            years_to_draw(&scenario_years, (2019, 2024)),
            Err("2019..2024 reaches outside the scenario's years, 2015 to 2023".to_owned())
        );
        assert!(years_to_draw(&[], (2021, 2023)).is_err());
    }
}
