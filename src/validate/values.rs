//! Checks of single values: ids, numbers, years, coordinates, periods.

use std::fmt::Display;

use super::Checker;
use super::suggest::{MAX_ID_CHARS, MAX_NAME_CHARS, shortened};
use crate::model::{GeoPoint, Period};

/// Years outside this range are almost certainly typing mistakes.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

pub(super) fn check_id_text(checker: &mut Checker, path: &dyn Display, id: &str) {
    let length = id.chars().count();
    if id.trim().is_empty() {
        checker.error(path, "id is empty");
    } else if length > MAX_ID_CHARS {
        let message = format!(
            "id \"{}\" is too long: ids may have at most {MAX_ID_CHARS} characters; ids are short codes such as \"SRB\"",
            shortened(id)
        );
        checker.error(path, message);
    } else if id.chars().any(char::is_whitespace) {
        checker.error(path, format!("id \"{id}\" contains spaces; ids are short codes such as \"SRB\""));
    }
}

/// Names and titles are shown whole in lists and on slides: past [`MAX_NAME_CHARS`] they are errors.
pub(super) fn check_name_length(checker: &mut Checker, path: &dyn Display, name: &str) {
    let length = name.chars().count();
    if length > MAX_NAME_CHARS {
        let message = format!(
            "\"{}\" is too long: names and titles may have at most {MAX_NAME_CHARS} characters; \
             put longer text in a note or caption",
            shortened(name)
        );
        checker.error(path, message);
    }
}

pub(super) fn check_year(checker: &mut Checker, path: &dyn Display, year: i32) {
    if !PLAUSIBLE_YEARS.contains(&year) {
        let (first, last) = (PLAUSIBLE_YEARS.start(), PLAUSIBLE_YEARS.end());
        checker.error(path, format!("year {year} is outside {first}–{last}"));
    }
}

/// A fraction that must be finite and within `range`.
pub(super) fn check_number(checker: &mut Checker, path: &dyn Display, value: f64, range: (f64, f64), what: &str) {
    let (low, high) = range;
    if !value.is_finite() {
        checker.error(path, format!("{what} must be a finite number, not {value}"));
    } else if value < low || value > high {
        checker.error(path, format!("{what} {value} is outside the range {low} to {high}"));
    }
}

/// A share, written as a fraction and shown as a percentage, as the editor shows it.
pub(super) fn check_share(checker: &mut Checker, path: &dyn Display, share: f64) {
    if !share.is_finite() {
        checker.error(path, format!("share must be a finite number, not {share}"));
    } else if !(0.0..=1.0).contains(&share) {
        let shown = super::shares::exact_percent(share);
        checker.error(path, format!("share {shown} is outside 0% to 100% (written {share} in the file)"));
    }
}

pub(super) fn check_location(checker: &mut Checker, path: &dyn Display, location: GeoPoint) {
    check_number(checker, &format_args!("{path}.lat"), location.lat, (-90.0, 90.0), "latitude");
    check_number(checker, &format_args!("{path}.lon"), location.lon, (-180.0, 180.0), "longitude");
}

pub(super) fn check_period(checker: &mut Checker, record_path: &dyn Display, period: Period) {
    if let Some(year) = period.year {
        check_year(checker, &format_args!("{record_path}.year"), year);
        if period.from.is_some() || period.until.is_some() {
            let message = "give either `year` or a `from`/`until` period, not both";
            checker.error(format_args!("{record_path}.year"), message);
        }
    }
    if let Some(from) = period.from {
        checker.check_date(&format_args!("{record_path}.from"), from);
    }
    if let Some(until) = period.until {
        checker.check_date(&format_args!("{record_path}.until"), until);
    }
    // "2022" as an end means the end of 2022, so `from: "2022-03", until: "2022"` is a valid period.
    if let (Some(from), Some(until)) = (period.from_date(), period.until_date())
        && from.first_day() > until.last_day()
    {
        checker.error(format_args!("{record_path}.until"), format!("period ends ({until}) before it starts ({from})"));
    }
}
