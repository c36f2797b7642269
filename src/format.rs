//! Number formatting shared by the views and the command line, so a share reads the same everywhere.

/// "85%", or "2.5%" for small shares that are not whole percents.
pub fn percent(share: f64) -> String {
    let percent = share * 100.0;
    if percent < 10.0 && (percent - percent.round()).abs() > 0.05 {
        format!("{percent:.1}%")
    } else {
        format!("{percent:.0}%")
    }
}

/// A signed strength with its sign always shown: "+0.8", "-0.5", "0.0".
pub fn signed(value: f64) -> String {
    if value > 0.0 { format!("+{value:.1}") } else { format!("{value:.1}") }
}

/// A whole number with its thousands grouped: "8,100", "10,000", "-1,250"; the value is rounded first.
pub fn thousands(value: f64) -> String {
    let rounded = value.round();
    let digits = format!("{:.0}", rounded.abs());
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if rounded < 0.0 { format!("-{grouped}") } else { grouped }
}

/// A running time as "12:05", with hours past one ("1:02:05"); negative times read "0:00".
pub fn clock(seconds: f64) -> String {
    let total = seconds.max(0.0) as u64;
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    if hours > 0 { format!("{hours}:{minutes:02}:{seconds:02}") } else { format!("{minutes}:{seconds:02}") }
}

/// "1 vote", "4 votes".
pub fn count(number: usize, noun: &str) -> String {
    if number == 1 { format!("1 {noun}") } else { format!("{number} {noun}s") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_reads_minutes_and_seconds() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(725.9), "12:05");
        assert_eq!(clock(3_725.0), "1:02:05");
        assert_eq!(clock(-3.0), "0:00");
    }

    #[test]
    fn percents_keep_a_decimal_only_where_it_matters() {
        assert_eq!(percent(0.85), "85%");
        assert_eq!(percent(0.025), "2.5%");
        assert_eq!(percent(0.03), "3%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.4227), "42%");
    }

    #[test]
    fn thousands_are_grouped_by_commas() {
        assert_eq!(thousands(8_100.0), "8,100");
        assert_eq!(thousands(10_000.0), "10,000");
        assert_eq!(thousands(450.4), "450");
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(-1_250.0), "-1,250");
    }

    #[test]
    fn signed_strengths_show_their_sign() {
        assert_eq!(signed(0.8), "+0.8");
        assert_eq!(signed(-0.5), "-0.5");
        assert_eq!(signed(0.0), "0.0");
    }
}

/// Compares names as a person reads them: letters without regard to case, runs of digits by their value, so
/// that "State 2" comes before "State 10" and "state 3" sits beside "State 3".
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (mut left, mut right) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (left.peek().copied(), right.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let take = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut digits = String::new();
                    while let Some(digit) = chars.next_if(char::is_ascii_digit) {
                        digits.push(digit);
                    }
                    digits
                };
                let (x, y) = (take(&mut left), take(&mut right));
                let (x_value, y_value) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                let order = x_value.len().cmp(&y_value.len()).then_with(|| x_value.cmp(y_value));
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some(x), Some(y)) => {
                let order = x.to_lowercase().cmp(y.to_lowercase());
                if order != Ordering::Equal {
                    return order;
                }
                left.next();
                right.next();
            }
        }
    }
}

/// A small measure with enough significant digits to tell values apart: "0.0123", "0.00041", "0.5", "12.3";
/// zero is "0".
pub fn significant(value: f64, digits: usize) -> String {
    if value == 0.0 || !value.is_finite() {
        return if value == 0.0 { "0".to_owned() } else { value.to_string() };
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (digits as i32 - 1 - magnitude).max(0) as usize;
    let text = format!("{value:.decimals$}");
    if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_owned() } else { text }
}

#[cfg(test)]
mod natural_tests {
    use super::*;

    #[test]
    fn names_sort_as_people_read_them() {
        let mut names = vec!["State 10", "State 2", "state 1", "State 100", "Austria", "State 02b", "State 2a"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, ["Austria", "state 1", "State 2", "State 2a", "State 02b", "State 10", "State 100"]);
        assert_eq!(natural_cmp("Zimbabwe", "zambia"), std::cmp::Ordering::Greater);
        // A run of digits longer than any integer still compares.
        assert_eq!(natural_cmp("A 123456789012345678901234567890", "A 99"), std::cmp::Ordering::Greater);
    }

    #[test]
    fn small_values_keep_their_significant_digits() {
        assert_eq!(significant(0.0123456, 3), "0.0123");
        assert_eq!(significant(0.000412, 2), "0.00041");
        assert_eq!(significant(0.5, 3), "0.5");
        assert_eq!(significant(12.345, 3), "12.3");
        assert_eq!(significant(0.0, 3), "0");
        assert_eq!(significant(1234.6, 3), "1235");
    }
}
