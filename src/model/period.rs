//! When a record applies: one `year`, or a `from`/`until` period (either end may be open), or always.

use super::date::Date;

/// The time fields every dated record carries, borrowed from it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Period<'a> {
    pub year: Option<i32>,
    pub from: Option<&'a str>,
    pub until: Option<&'a str>,
}

impl Period<'_> {
    /// Whether the record applies at some time during `year`. Unparsable bounds count as open; the
    /// validator reports them.
    pub fn applies_in(&self, year: i32) -> bool {
        if let Some(record_year) = self.year {
            return record_year == year;
        }
        let starts_by = self.from_date().is_none_or(|from| from.year <= year);
        let lasts_until = self.until_date().is_none_or(|until| until.year >= year);
        starts_by && lasts_until
    }

    /// Whether the record applies at some time during `date`, a day, a month or a whole year: "2023-04"
    /// covers a record from 2023-04-04, and a record until "2022" lasts to the end of 2022. Unparsable bounds
    /// count as open.
    pub fn applies_on(&self, date: Date) -> bool {
        if let Some(record_year) = self.year {
            return record_year == date.year;
        }
        let starts_by = self.from_date().is_none_or(|from| from.first_day() <= date.last_day());
        let lasts_until = self.until_date().is_none_or(|until| until.last_day() >= date.first_day());
        starts_by && lasts_until
    }

    pub fn from_date(&self) -> Option<Date> {
        self.from.and_then(|text| Date::parse(text).ok())
    }

    pub fn until_date(&self) -> Option<Date> {
        self.until.and_then(|text| Date::parse(text).ok())
    }

    /// Years named by this period (its year, or the years of its bounds), used to find the years worth checking.
    pub fn named_years(&self) -> Vec<i32> {
        let bounds = [self.from_date(), self.until_date()];
        self.year.into_iter().chain(bounds.into_iter().flatten().map(|date| date.year)).collect()
    }

    pub fn is_always(&self) -> bool {
        self.year.is_none() && self.from.is_none() && self.until.is_none()
    }

    /// A short human text: "2022", "from 2022-02-24", "2021 – 2023", "always".
    pub fn describe(&self) -> String {
        match (self.year, self.from, self.until) {
            (Some(year), _, _) => year.to_string(),
            (None, Some(from), Some(until)) => format!("{from} – {until}"),
            (None, Some(from), None) => format!("from {from}"),
            (None, None, Some(until)) => format!("until {until}"),
            (None, None, None) => "always".to_owned(),
        }
    }
}

/// Records that carry a period.
pub trait Dated {
    fn period(&self) -> Period<'_>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_applies_only_in_that_year() {
        let period = Period { year: Some(2022), ..Period::default() };
        assert!(period.applies_in(2022));
        assert!(!period.applies_in(2021));
        assert!(!period.applies_in(2023));
    }

    #[test]
    fn a_period_applies_in_every_year_it_touches() {
        let period = Period { from: Some("2022-02-24"), until: Some("2023-06"), ..Period::default() };
        assert!(!period.applies_in(2021));
        assert!(period.applies_in(2022));
        assert!(period.applies_in(2023));
        assert!(!period.applies_in(2024));
    }

    #[test]
    fn a_period_applies_on_the_days_it_covers() {
        let day = |text| Date::parse(text).unwrap();
        let since = Period { from: Some("2023-04-04"), ..Period::default() };
        assert!(!since.applies_on(day("2023-04-03")));
        assert!(since.applies_on(day("2023-04-04")), "the first day counts");
        assert!(since.applies_on(day("2023-04")), "a month that contains the first day");
        assert!(since.applies_on(day("2023")));
        assert!(!since.applies_on(day("2023-03")));
        let until_2022 = Period { until: Some("2022"), ..Period::default() };
        assert!(until_2022.applies_on(day("2022-12-31")), "a year as an end lasts to its last day");
        assert!(!until_2022.applies_on(day("2023-01-01")));
        let one_year = Period { year: Some(2022), ..Period::default() };
        assert!(one_year.applies_on(day("2022-06-15")) && !one_year.applies_on(day("2023-06-15")));
        let unparsable = Period { from: Some("soon"), ..Period::default() };
        assert!(unparsable.applies_on(day("1990")), "an unparsable bound counts as open");
    }

    #[test]
    fn open_ends_and_no_period() {
        let since = Period { from: Some("2022"), ..Period::default() };
        assert!(since.applies_in(2030));
        assert!(!since.applies_in(2021));
        assert!(Period::default().applies_in(1990));
        assert_eq!(since.describe(), "from 2022");
    }
}
