//! Calendar dates as scenario files write them: `"2023"`, `"2023-12"` or `"2023-12-17"`.
//!
//! Dates stay text in the model so that a bad date is reported by the validator with its place in the
//! file, instead of stopping the whole load at the first one. This module parses and orders them.

use std::fmt;

/// A date with year, and optionally month and day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a date text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Shape,
    Month(u32),
    Day { day: u32, days_in_month: u32 },
}

impl fmt::Display for DateError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape => write!(formatter, "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            DateError::Month(month) => write!(formatter, "month {month} is not between 1 and 12"),
            DateError::Day { day, days_in_month } => {
                write!(formatter, "day {day} is not between 1 and {days_in_month}")
            }
        }
    }
}

impl Date {
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        let expected_lengths = [4, 2, 2];
        if parts.is_empty() || parts.len() > 3 {
            return Err(DateError::Shape);
        }
        let mut numbers = Vec::with_capacity(3);
        for (part, length) in parts.iter().zip(expected_lengths) {
            if part.len() != length || !part.bytes().all(|byte| byte.is_ascii_digit()) {
                return Err(DateError::Shape);
            }
            numbers.push(part.parse::<u32>().map_err(|_| DateError::Shape)?);
        }
        let year = numbers[0] as i32;
        let month = numbers.get(1).copied();
        let day = numbers.get(2).copied();
        if let Some(month) = month
            && !(1..=12).contains(&month)
        {
            return Err(DateError::Month(month));
        }
        if let (Some(month), Some(day)) = (month, day) {
            let days_in_month = days_in_month(year, month);
            if !(1..=days_in_month).contains(&day) {
                return Err(DateError::Day { day, days_in_month });
            }
        }
        Ok(Date { year, month: month.map(|month| month as u8), day: day.map(|day| day as u8) })
    }

    /// The first day this date covers, as (year, month, day): "2022" starts on 2022-01-01.
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date covers: "2022" ends on 2022-12-31, "2023-02" on 2023-02-28.
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or(days_in_month(self.year, u32::from(month)) as u8);
        (self.year, month, day)
    }

    /// Position on a continuous year axis (2023-07-02 is about 2023.5), for timelines.
    pub fn as_fractional_year(&self) -> f64 {
        let month_index = f64::from(self.month.unwrap_or(1) - 1);
        let day_index = f64::from(self.day.unwrap_or(1) - 1);
        f64::from(self.year) + (month_index + day_index / 31.0) / 12.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(formatter, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(formatter, "-{day:02}")?;
        }
        Ok(())
    }
}

/// The day's place in its year: 1 for 1 January, 365 (or 366) for 31 December.
pub(super) fn day_of_year((year, month, day): (i32, u8, u8)) -> u32 {
    (1..u32::from(month)).map(|earlier| days_in_month(year, earlier)).sum::<u32>() + u32::from(day)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(Date::parse("2023-12-17"), Ok(Date { year: 2023, month: Some(12), day: Some(17) }));
        assert_eq!(Date::parse("2022-03"), Ok(Date { year: 2022, month: Some(3), day: None }));
        assert_eq!(Date::parse("2008"), Ok(Date { year: 2008, month: None, day: None }));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Date::parse("2023-02-29"), Err(DateError::Day { day: 29, days_in_month: 28 }));
        assert!(Date::parse("2024-02-29").is_ok(), "2024 is a leap year");
        assert_eq!(Date::parse("2023-13-01"), Err(DateError::Month(13)));
        for bad in ["", "23-12-17", "2023/12/17", "2023-1-5", "2023-12-17T10:00", "2023-12-17-1", "abcd"] {
            assert_eq!(Date::parse(bad), Err(DateError::Shape), "{bad:?}");
        }
    }

    #[test]
    fn orders_and_prints() {
        let early = Date::parse("2022-02-24").unwrap();
        let late = Date::parse("2023").unwrap();
        assert!(early < late);
        assert_eq!(early.to_string(), "2022-02-24");
        assert!((Date::parse("2023-07-01").unwrap().as_fractional_year() - 2023.5).abs() < 1e-9);
        assert_eq!(Date::parse("2023-02").unwrap().last_day(), (2023, 2, 28));
        assert_eq!(Date::parse("2022").unwrap().last_day(), (2022, 12, 31));
        assert_eq!(Date::parse("2022").unwrap().first_day(), (2022, 1, 1));
    }
}
