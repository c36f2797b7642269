//! Eurostat's TSV bulk format: a first column of comma-joined dimension codes
//! (`freq,siec,partner,unit,geo\TIME_PERIOD`), then a column a period, each cell a value with optional flag
//! letters (`123.45 p`) or `:` for a missing value.

use super::{Observation, Table};

pub fn read(text: &str) -> Result<Table, String> {
    let mut lines = text.lines().enumerate();
    let Some((_, header)) = lines.next() else {
        return Err("the file is empty".to_owned());
    };
    let mut header_cells = header.split('\t');
    let first = header_cells.next().unwrap_or("");
    let dimensions_part = first.split('\\').next().unwrap_or("");
    let dimensions: Vec<String> = dimensions_part.split(',').map(|name| name.trim().to_lowercase()).collect();
    let periods: Vec<String> = header_cells.map(|period| period.trim().to_owned()).collect();
    let position = |name: &str| dimensions.iter().position(|dimension| dimension == name);
    let (Some(partner), Some(geo)) = (position("partner"), position("geo")) else {
        return Err(format!(
            "its dimensions ({}) have no partner and geo: not a table of imports by partner country",
            dimensions.join(", ")
        ));
    };
    let (siec, unit) = (position("siec"), position("unit"));
    let mut table = Table::default();
    for (index, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let mut cells = line.split('\t');
        let keys: Vec<&str> = cells.next().unwrap_or("").split(',').map(str::trim).collect();
        let key = |at: Option<usize>| at.and_then(|at| keys.get(at)).copied().unwrap_or("").to_owned();
        for (cell, period) in cells.zip(&periods) {
            let (value, flags) = value_and_flags(cell);
            table.observations.push(Observation {
                siec: key(siec),
                partner: key(Some(partner)),
                unit: key(unit),
                geo: key(Some(geo)),
                period: period.clone(),
                value,
                flags,
                place: format!("line {}, {period}", index + 1),
            });
        }
    }
    Ok(table)
}

/// `123.45 p` → (Some(123.45), "p"); `:` → (None, ""); `: c` → (None, "c"). Eurostat writes no exponents,
/// so every letter is a flag (`e` is "estimated").
pub fn value_and_flags(cell: &str) -> (Option<f64>, String) {
    let cell = cell.trim();
    let split = cell.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(cell.len());
    let (number, letters) = cell.split_at(split);
    let number = number.trim();
    let flags: String = letters.chars().filter(char::is_ascii_alphabetic).collect();
    let value =
        if number.starts_with(':') { None } else { number.parse::<f64>().ok().filter(|value| value.is_finite()) };
    (value, flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_carry_their_flags() {
        assert_eq!(value_and_flags("123.45 p"), (Some(123.45), "p".to_owned()));
        assert_eq!(value_and_flags("2825.000 p"), (Some(2825.0), "p".to_owned()));
        assert_eq!(value_and_flags(":"), (None, String::new()));
        assert_eq!(value_and_flags(": c"), (None, "c".to_owned()));
        assert_eq!(value_and_flags("12.5 e"), (Some(12.5), "e".to_owned()));
        assert_eq!(value_and_flags("12.5 ep"), (Some(12.5), "ep".to_owned()));
        assert_eq!(value_and_flags("0.000 "), (Some(0.0), String::new()));
    }
}
