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
