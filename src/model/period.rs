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

    /// How much of `year` the period covers, from 0 to 1: all of it for a record of that year or one spanning
    /// it, the share of its days for one that starts or ends within it (a record of December 2023 covers 31/365
    /// of 2023), none when it does not apply. Unparsable bounds count as open.
    pub fn share_of_year(&self, year: i32) -> f64 {
        if let Some(record_year) = self.year {
            return if record_year == year { 1.0 } else { 0.0 };
        }
        let (first, last) = ((year, 1, 1), (year, 12, 31));
        let start = self.from_date().map_or(first, |from| from.first_day()).max(first);
        let end = self.until_date().map_or(last, |until| until.last_day()).min(last);
        if start > end {
            return 0.0;
        }
        let days = super::date::day_of_year(end) - super::date::day_of_year(start) + 1;
        f64::from(days) / f64::from(super::date::day_of_year(last))
    }

    /// Whether the period covers only part of `year` (and some of it).
    pub fn is_part_of(&self, year: i32) -> bool {
        let share = self.share_of_year(year);
        share > 0.0 && share < 1.0
    }

    pub fn is_always(&self) -> bool {
        self.year.is_none() && self.from.is_none() && self.until.is_none()
    }

    /// A short human text: "2022", "Dec 2023" (one whole month), "from 2022-02-24", "2021 – 2023", "always".
    pub fn describe(&self) -> String {
        if let Some(month) = self.whole_month() {
            return month;
        }
        match (self.year, self.from, self.until) {
            (Some(year), _, _) => year.to_string(),
            (None, Some(from), Some(until)) => format!("{from} – {until}"),
            (None, Some(from), None) => format!("from {from}"),
            (None, None, Some(until)) => format!("until {until}"),
            (None, None, None) => "always".to_owned(),
        }
    }
}

impl Period<'_> {
    /// "Dec 2023" when the period is exactly one calendar month.
    fn whole_month(&self) -> Option<String> {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let (from, until) = (self.from_date()?.first_day(), self.until_date()?.last_day());
        let month_end = Date { year: from.0, month: Some(from.1), day: None }.last_day();
        let whole = self.year.is_none() && from.2 == 1 && until == month_end;
        whole.then(|| format!("{} {}", MONTHS[usize::from(from.1 - 1)], from.0))
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
    fn a_part_year_period_covers_its_share_of_the_days() {
        let december = Period { from: Some("2023-12"), until: Some("2023-12-31"), ..Period::default() };
        assert!((december.share_of_year(2023) - 31.0 / 365.0).abs() < 1e-12);
        assert!(december.is_part_of(2023) && !december.is_part_of(2022));
        assert_eq!(december.share_of_year(2024), 0.0);
        assert_eq!(december.describe(), "Dec 2023");
        let leap_february = Period { from: Some("2024-02-01"), until: Some("2024-02-29"), ..Period::default() };
        assert!((leap_february.share_of_year(2024) - 29.0 / 366.0).abs() < 1e-12);
        assert_eq!(leap_february.describe(), "Feb 2024");
        let spanning = Period { from: Some("2021-01-01"), until: Some("2023-12-31"), ..Period::default() };
        assert_eq!(spanning.share_of_year(2022), 1.0);
        assert_eq!(spanning.share_of_year(2023), 1.0);
        assert_eq!(spanning.describe(), "2021-01-01 – 2023-12-31");
        let since_invasion = Period { from: Some("2022-02-24"), ..Period::default() };
        assert!((since_invasion.share_of_year(2022) - 311.0 / 365.0).abs() < 1e-12, "24 Feb to 31 Dec");
        assert_eq!(since_invasion.share_of_year(2030), 1.0);
        assert_eq!(Period { year: Some(2023), ..Period::default() }.share_of_year(2023), 1.0);
        assert_eq!(Period::default().share_of_year(1990), 1.0, "always");
        let part_month = Period { from: Some("2023-12-02"), until: Some("2023-12-31"), ..Period::default() };
        assert_eq!(part_month.describe(), "2023-12-02 – 2023-12-31", "not a whole month");
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
