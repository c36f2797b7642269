//! A wide table of one importer's supply: a column per supplier (or route), a row per date (`2023-01-15`,
//! `2023-01`, `15/01/2023`, `15.01.2023` or a year), summed to years: one energy flow per supplier and year,
//! its share the supplier's sum over all suppliers' sum that year (basis Imports). A year whose rows do not
//! cover all its days (or months) is a partial year, said in the report and the flow's note.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::csv_sheets::cells;
use super::{FileReport, ImportMapping, Imported, WideTable, codes};
use crate::model::{Actor, ActorKind, Certainty, EnergyFlow, Scenario, ShareBasis, Volume};

/// How finely a table's dates divide the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Year,
    Month,
    Day,
}

/// A date cell: its year, its step, and which day or month of the year it is.
fn parse_date(cell: &str) -> Option<(i32, Step, u32)> {
    let cell = cell.trim();
    let day_of =
        |year: i32, month: u32, day: u32| day_of_year(year, month, day).map(|ordinal| (year, Step::Day, ordinal));
    let numbers: Vec<&str> = cell.split(['-', '/', '.', 'T', ' ']).collect();
    match numbers.as_slice() {
        [year] if year.len() == 4 => Some((year.parse().ok()?, Step::Year, 0)),
        [year, month] if year.len() == 4 => {
            let month: u32 = month.parse().ok()?;
            (1..=12).contains(&month).then_some((year.parse().ok()?, Step::Month, month))
        }
        [year, month, day, ..] if year.len() == 4 => day_of(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?),
        [day, month, year, ..] if year.len() == 4 => day_of(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?),
        _ => None,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day's number in its year (1 = 1 January), or `None` for a day that does not exist.
fn day_of_year(year: i32, month: u32, day: u32) -> Option<u32> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some((1..month).map(|earlier| days_in_month(year, earlier)).sum::<u32>() + day)
}

fn periods_in_year(year: i32, step: Step) -> usize {
    match step {
        Step::Year => 1,
        Step::Month => 12,
        Step::Day if is_leap(year) => 366,
        Step::Day => 365,
    }
}

/// Headers that hold totals rather than a supplier.
fn is_total_header(header: &str) -> bool {
    matches!(header.trim().to_lowercase().as_str(), "total" | "sum" | "all" | "totals")
}

pub fn import(name: &str, bytes: &[u8], mapping: &ImportMapping) -> Imported {
    let mut report = FileReport::new(name, None);
    let Some(table) = mapping.wide_table.as_ref() else {
        report.refuse("a wide table needs a mapping that names its importer and commodity");
        return Imported { scenario: Scenario::default(), report };
    };
    let text = cells::decode(bytes, &mut report);
    let delimiter = cells::sniff_delimiter(&text);
    let mut reader = cells::reader(&text, delimiter);
    let Ok(headers) = reader.headers().cloned() else {
        report.refuse("the file has no header line");
        return Imported { scenario: Scenario::default(), report };
    };
    let date_at = match &table.date_column {
        Some(column) => headers.iter().position(|header| header.trim() == column.trim()),
        None => Some(0),
    };
    let Some(date_at) = date_at else {
        report.refuse(format!("no column \"{}\" for the dates", table.date_column.as_deref().unwrap_or("")));
        return Imported { scenario: Scenario::default(), report };
    };
    let suppliers = supplier_columns(&headers, date_at, table, &mut report);
    let mut sums: BTreeMap<(i32, usize), f64> = BTreeMap::new();
    let mut periods: HashMap<i32, BTreeSet<u32>> = HashMap::new();
    let mut step = None;
    for (index, record) in reader.records().enumerate() {
        let place = format!("row {}", index + 2);
        let Ok(record) = record else {
            report.skip(&place, "not readable as CSV");
            continue;
        };
        let date_cell = record.get(date_at).unwrap_or("").trim();
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let Some((year, row_step, period)) = parse_date(date_cell) else {
            report.skip(&place, format!("\"{date_cell}\" is not a date (2023-01-15, 2023-01, 15/01/2023 or 2023)"));
            continue;
        };
        if *step.get_or_insert(row_step) != row_step {
            report.skip(&place, format!("\"{date_cell}\" is not dated like the first row"));
            continue;
        }
        for (supplier, &(at, _)) in suppliers.iter().enumerate() {
            let cell = record.get(at).unwrap_or("").trim();
            if cell.is_empty() {
                continue;
            }
            match cells::number(cell, delimiter) {
                Some(value) if value >= 0.0 => *sums.entry((year, supplier)).or_default() += value,
                _ => report.skip(&place, format!("{}: \"{cell}\" is not an amount", headers.get(at).unwrap_or(""))),
            }
        }
        periods.entry(year).or_default().insert(period);
    }
    let scenario = flows(table, &suppliers, &sums, &periods, step.unwrap_or(Step::Year), &mut report);
    Imported { scenario, report }
}

/// The columns that are suppliers: (position, actor id), all but the date, ignored and total columns.
fn supplier_columns(
    headers: &csv::StringRecord,
    date_at: usize,
    table: &WideTable,
    report: &mut FileReport,
) -> Vec<(usize, String)> {
    let ignored: std::collections::HashSet<&str> = table.ignore_columns.iter().map(|column| column.trim()).collect();
    let mut suppliers = Vec::new();
    for (at, header) in headers.iter().enumerate() {
        let header = header.trim().trim_start_matches('\u{feff}');
        if at == date_at {
            continue;
        }
        if ignored.contains(header) {
            report.skip(format!("column \"{header}\""), "ignored, as the mapping says");
        } else if is_total_header(header) {
            report.skip(format!("column \"{header}\""), "a total, not a supplier");
        } else if header.is_empty() {
            report.skip(format!("column {}", at + 1), "no header: no supplier to name");
        } else {
            suppliers.push((at, header.to_owned()));
        }
    }
    suppliers
}

fn flows(
    table: &WideTable,
    suppliers: &[(usize, String)],
    sums: &BTreeMap<(i32, usize), f64>,
    periods: &HashMap<i32, BTreeSet<u32>>,
    step: Step,
    report: &mut FileReport,
) -> Scenario {
    let mut scenario = Scenario::default();
    let mut year_totals: HashMap<i32, f64> = HashMap::new();
    for (&(year, _), &value) in sums {
        *year_totals.entry(year).or_default() += value;
    }
    let mut partial_reported = std::collections::HashSet::new();
    for (&(year, supplier), &value) in sums {
        let total = year_totals.get(&year).copied().unwrap_or(0.0);
        let id = &suppliers[supplier].1;
        if value <= 0.0 || total <= 0.0 {
            report.skip(format!("{id}, {year}"), "nothing supplied that year");
            continue;
        }
        let covered = periods.get(&year).map_or(0, BTreeSet::len);
        let expected = periods_in_year(year, step);
        let note = (covered < expected).then(|| {
            let what = if step == Step::Day { "days" } else { "months" };
            format!("partial year: {covered} of {expected} {what}")
        });
        if let Some(note) = &note
            && partial_reported.insert(year)
        {
            report.change(format!("{year}"), note.clone());
        }
        scenario.energy.push(EnergyFlow {
            supplier: id.clone(),
            consumer: table.importer.clone(),
            commodity: table.commodity.clone(),
            share: value / total,
            basis: ShareBasis::Imports,
            volume: table.unit.map(|unit| Volume(value, unit)),
            via: Vec::new(),
            route: None,
            year: Some(year),
            from: None,
            until: None,
            certainty: Certainty::Stated,
            note,
            // The import cites the mapping's source (or asks for one) for records that cite none.
            sources: Vec::new(),
        });
        report.mapped("energy flows", 1);
    }
    let ids = std::iter::once(table.importer.as_str()).chain(suppliers.iter().map(|(_, id)| id.as_str()));
    for id in ids {
        if codes::country_name(id).is_none() {
            // A header says nothing of what it names: a country, a route, a company.
            report.change(
                format!("column \"{id}\""),
                "not an ISO 3166 alpha-3 country code: it became a State actor; change its kind in the Data tab if \
                 it is a route, a company or a bloc",
            );
        }
        scenario.actors.push(actor(id));
        report.mapped("actors", 1);
    }
    scenario
}

fn actor(id: &str) -> Actor {
    Actor::new(id, codes::country_name(id).unwrap_or(id), ActorKind::State)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_the_usual_forms() {
        assert_eq!(parse_date("2023-01-15"), Some((2023, Step::Day, 15)));
        assert_eq!(parse_date("15/01/2023"), Some((2023, Step::Day, 15)));
        assert_eq!(parse_date("01.02.2024"), Some((2024, Step::Day, 32)));
        assert_eq!(parse_date("2023-03"), Some((2023, Step::Month, 3)));
        assert_eq!(parse_date("2023"), Some((2023, Step::Year, 0)));
        assert_eq!(parse_date("2023-02-30"), None);
        assert_eq!(parse_date("soon"), None);
    }
}
