//! From a table's observations to a scenario: one energy flow per importer, partner, commodity and year, its
//! share the partner's part of the importer's imports that year (basis Imports), its volume in a unit of the
//! scenario format where Eurostat's unit converts to one; aggregates never become actors; flags, missing
//! values and partial years are reported and noted.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::{Observation, Table};
use crate::exchange::{FileReport, ImportMapping, codes};
use crate::model::{Actor, ActorKind, Certainty, Commodity, EnergyFlow, Scenario, ShareBasis, Source, Unit, Volume};

/// One partner's (or the TOTAL's) imports into one importer in one year, summed over the year's periods.
#[derive(Default)]
struct YearSum {
    value: f64,
    /// Periods with a value.
    periods: usize,
    /// Periods written `:`.
    missing: usize,
    flags: BTreeSet<char>,
    /// 1 for years, 12 for months, 4 for quarters.
    periods_per_year: usize,
}

/// (commodity, importer code, year, partner code)
type Key = (Commodity, String, i32, String);

/// The series the flows are made of: per commodity, one product code and one unit.
struct Chosen {
    by_product_and_unit: HashMap<(String, String), Commodity>,
    unit_of: HashMap<Commodity, String>,
}

pub fn scenario(table: Table, mapping: &ImportMapping, report: &mut FileReport) -> Scenario {
    let dataset = table.dataset.clone();
    let chosen = choose_series(&table.observations, dataset.as_deref(), report);
    let sums = sum_years(&table.observations, &chosen, mapping, report);
    let source = source(&table, mapping, report);
    let mut builder = Builder { scenario: Scenario::default(), actor_ids: HashSet::new(), mapping, report };
    builder.flows(&sums, &chosen, &source.id);
    builder.scenario.sources.push(source);
    for unit in chosen.unit_of.values() {
        if let Some((target, divisor, label)) = scenario_unit(unit) {
            let to = target.label();
            builder.report.change("", format!("volumes in {unit} ({label}) became {to}: divided by {divisor}"));
        }
    }
    builder.scenario
}

/// Keeps, for each commodity, its total product code (G3000 natural gas, O4100_TOT crude oil,
/// C0000X0350-0370 solid fossil fuels) or else the first one in the file, and of that product's units the
/// first that converts to a unit of the scenario format, or else the first: the others would count the same
/// imports twice.
fn choose_series(observations: &[Observation], dataset: Option<&str>, report: &mut FileReport) -> Chosen {
    let mut products: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    for observation in observations {
        if seen.insert(observation.siec.as_str()) {
            products.push(&observation.siec);
        }
    }
    let mut product_of: HashMap<Commodity, &str> = HashMap::new();
    for product in &products {
        let commodity = commodity(product, dataset);
        let kept = product_of.entry(commodity.clone()).or_insert(product);
        if is_total_product(product) && !is_total_product(kept) {
            *kept = product;
        }
    }
    for product in &products {
        let commodity = commodity(product, dataset);
        if product_of.get(&commodity) != Some(product) {
            report.skip(
                format!("siec {product}"),
                format!("a part of {} already counted under {}", commodity.label(), product_of[&commodity]),
            );
        }
    }
    let mut units_of: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut seen_units = HashSet::new();
    for observation in observations {
        if seen_units.insert((observation.siec.as_str(), observation.unit.as_str())) {
            units_of.entry(&observation.siec).or_default().push(&observation.unit);
        }
    }
    let mut chosen = Chosen { by_product_and_unit: HashMap::new(), unit_of: HashMap::new() };
    for (commodity, product) in product_of {
        let units = units_of.get(product).cloned().unwrap_or_default();
        let unit = units.iter().find(|unit| scenario_unit(unit).is_some()).or(units.first()).copied().unwrap_or("");
        for other in units.iter().filter(|other| **other != unit) {
            report.skip(format!("unit {other}"), format!("the same imports of {product} as in {unit}, which was kept"));
        }
        chosen.by_product_and_unit.insert((product.to_owned(), unit.to_owned()), commodity.clone());
        chosen.unit_of.insert(commodity, unit.to_owned());
    }
    chosen
}

fn is_total_product(code: &str) -> bool {
    matches!(code, "G3000" | "O4100_TOT" | "C0000X0350-0370")
}

/// The commodity of a product code (SIEC), or of the dataset where the file has no product column.
pub fn commodity(product: &str, dataset: Option<&str>) -> Commodity {
    let dataset = dataset.unwrap_or("");
    match product.chars().next() {
        Some('G') => Commodity::Gas,
        Some('O') => Commodity::Oil,
        Some('C') | Some('P') | Some('S') => Commodity::Coal,
        Some('E') => Commodity::Electricity,
        _ if dataset.starts_with("nrg_ti_gas") => Commodity::Gas,
        _ if dataset.starts_with("nrg_ti_oil") => Commodity::Oil,
        _ if dataset.starts_with("nrg_ti_sff") => Commodity::Coal,
        _ if dataset.starts_with("nrg_ti_eh") => Commodity::Electricity,
        _ if product.is_empty() => Commodity::Other("unknown product".to_owned()),
        _ => Commodity::Other(product.to_owned()),
    }
}

/// Eurostat's unit → the scenario format's unit, the divisor to it, and what Eurostat's unit is.
fn scenario_unit(unit: &str) -> Option<(Unit, f64, &'static str)> {
    match unit {
        "MIO_M3" => Some((Unit::Bcm, 1000.0, "million cubic metres")),
        "THS_T" => Some((Unit::Mt, 1000.0, "thousand tonnes")),
        "GWH" => Some((Unit::Twh, 1000.0, "gigawatt-hours")),
        _ => None,
    }
}

fn periods_per_year(period: &str) -> usize {
    let rest = period.get(4..).unwrap_or("").trim_start_matches('-');
    match rest.chars().next() {
        None => 1,
        Some('Q') => 4,
        Some('S') | Some('H') => 2,
        _ => 12,
    }
}

fn sum_years(
    observations: &[Observation],
    chosen: &Chosen,
    mapping: &ImportMapping,
    report: &mut FileReport,
) -> BTreeMap<Key, YearSum> {
    let years: HashSet<i32> = mapping.eurostat.years.iter().copied().collect();
    let mut reported: HashSet<String> = HashSet::new();
    let mut sums: BTreeMap<Key, YearSum> = BTreeMap::new();
    for observation in observations {
        let key = (observation.siec.clone(), observation.unit.clone());
        let Some(commodity) = chosen.by_product_and_unit.get(&key) else { continue };
        let Some(year) = observation.period.get(..4).and_then(|year| year.parse::<i32>().ok()) else {
            if reported.insert(format!("period {}", observation.period)) {
                report.skip(
                    &observation.place,
                    format!("period \"{}\" is not a year or part of one", observation.period),
                );
            }
            continue;
        };
        if !years.is_empty() && !years.contains(&year) {
            continue;
        }
        if codes::is_eurostat_aggregate(&observation.geo) {
            if reported.insert(format!("geo {}", observation.geo)) {
                report.skip(
                    format!("geo {}", observation.geo),
                    format!(
                        "{} ({}) is an aggregate, not an importer",
                        observation.geo,
                        codes::eurostat_aggregate_label(&observation.geo)
                    ),
                );
            }
            continue;
        }
        let partner = observation.partner.to_uppercase();
        if partner != "TOTAL" && codes::is_eurostat_aggregate(&partner) {
            if reported.insert(format!("partner {partner}")) {
                report.skip(
                    format!("partner {partner}"),
                    format!(
                        "{partner} ({}) is an aggregate, never a supplier: left out of the suppliers and of the sums",
                        codes::eurostat_aggregate_label(&partner)
                    ),
                );
            }
            continue;
        }
        let sum = sums.entry((commodity.clone(), observation.geo.clone(), year, partner)).or_default();
        sum.periods_per_year = periods_per_year(&observation.period);
        match observation.value {
            Some(value) => {
                sum.value += value;
                sum.periods += 1;
            }
            None => sum.missing += 1,
        }
        sum.flags.extend(observation.flags.chars().map(|flag| flag.to_ascii_lowercase()));
    }
    sums
}

fn flag_meaning(flag: char) -> &'static str {
    match flag {
        'b' => "break in time series",
        'c' => "confidential",
        'd' => "definition differs",
        'e' => "estimated",
        'f' => "forecast",
        'n' => "not significant",
        'p' => "provisional",
        'r' => "revised",
        's' => "Eurostat estimate",
        'u' => "low reliability",
        'z' => "not applicable",
        _ => "unknown flag",
    }
}

/// Flags that make a figure an estimate rather than a stated one.
fn is_estimate_flag(flag: char) -> bool {
    matches!(flag, 'e' | 'p' | 's' | 'f')
}

struct Builder<'b> {
    scenario: Scenario,
    actor_ids: HashSet<String>,
    mapping: &'b ImportMapping,
    report: &'b mut FileReport,
}

impl Builder<'_> {
    fn flows(&mut self, sums: &BTreeMap<Key, YearSum>, chosen: &Chosen, source_id: &str) {
        let mut partner_sums: HashMap<(&Commodity, &str, i32), f64> = HashMap::new();
        for ((commodity, geo, year, partner), sum) in sums {
            if partner != "TOTAL" {
                *partner_sums.entry((commodity, geo, *year)).or_default() += sum.value;
            }
        }
        let (mut of_total, mut of_partners, mut zeros) = (0, 0, 0);
        for ((commodity, geo, year, partner), sum) in sums {
            let place = format!("{geo} from {partner}, {year}");
            if sum.missing > 0 {
                let expected = sum.periods_per_year.max(sum.periods + sum.missing);
                self.report.skip(&place, format!("{} of {expected} values missing (:)", sum.missing));
            }
            if partner == "TOTAL" || sum.periods == 0 {
                continue;
            }
            if sum.value == 0.0 {
                zeros += 1;
                continue;
            }
            let total = sums
                .get(&(commodity.clone(), geo.clone(), *year, "TOTAL".to_owned()))
                .filter(|total| total.periods > 0);
            let denominator = match total {
                Some(total) => {
                    of_total += 1;
                    total.value
                }
                None => {
                    of_partners += 1;
                    partner_sums.get(&(commodity, geo.as_str(), *year)).copied().unwrap_or(0.0)
                }
            };
            if denominator <= 0.0 {
                self.report.skip(&place, "the importer's total that year is 0: no share");
                continue;
            }
            let unit = chosen.unit_of.get(commodity).map_or("", String::as_str);
            let flow = self.flow(commodity, geo, *year, partner, sum, denominator, unit, source_id, &place);
            self.scenario.energy.push(flow);
            self.report.mapped("energy flows", 1);
        }
        if of_total > 0 {
            self.report.change(
                "",
                format!("{of_total} share(s) are of the importer's TOTAL row (Eurostat's total of all partners, which also holds unnamed and unspecified partners)"),
            );
        }
        if of_partners > 0 {
            self.report.change(
                "",
                format!("{of_partners} share(s) are of the sum over the named partners (no TOTAL row for that importer and year; aggregates left out)"),
            );
        }
        if zeros > 0 {
            self.report.skip("", format!("{zeros} partner-year(s) with nothing imported (0) gave no flow"));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn flow(
        &mut self,
        commodity: &Commodity,
        geo: &str,
        year: i32,
        partner: &str,
        sum: &YearSum,
        denominator: f64,
        unit: &str,
        source_id: &str,
        place: &str,
    ) -> EnergyFlow {
        let mut notes = Vec::new();
        let mut share = sum.value / denominator;
        if share > 1.0 {
            notes.push(format!(
                "the partner's {} is above the importer's total {denominator}; share set to 1",
                sum.value
            ));
            self.report.change(place, "share above 1 (the partner's figure exceeds the total); set to 1");
            share = 1.0;
        }
        if sum.periods < sum.periods_per_year {
            let what = if sum.periods_per_year == 12 { "months" } else { "periods" };
            let partial = format!("partial year: {} of {} {what}", sum.periods, sum.periods_per_year);
            self.report.change(place, partial.clone());
            notes.push(partial);
        }
        if !sum.flags.is_empty() {
            let flags: Vec<String> = sum.flags.iter().map(|flag| format!("{flag} ({})", flag_meaning(*flag))).collect();
            let flagged = format!("Eurostat flags: {}", flags.join(", "));
            self.report.change(place, flagged.clone());
            notes.push(flagged);
        }
        let volume = match scenario_unit(unit) {
            Some((unit, divisor, _)) => Some(Volume(sum.value / divisor, unit)),
            None => {
                notes.push(format!("{} {unit} (a unit the scenario format has not)", sum.value));
                None
            }
        };
        let certainty =
            if sum.flags.iter().any(|flag| is_estimate_flag(*flag)) { Certainty::Estimate } else { Certainty::Stated };
        EnergyFlow {
            supplier: self.actor(partner),
            consumer: self.actor(geo),
            commodity: commodity.clone(),
            share,
            basis: ShareBasis::Imports,
            volume,
            via: Vec::new(),
            route: None,
            year: Some(year),
            from: None,
            until: None,
            certainty,
            note: if notes.is_empty() { None } else { Some(notes.join("; ")) },
            sources: vec![source_id.to_owned()],
        }
    }

    /// The actor id for a Eurostat code, adding the actor the first time.
    fn actor(&mut self, code: &str) -> String {
        let alpha3 = codes::alpha3_for_eurostat(code);
        let id = match alpha3 {
            Some(alpha3) if !self.mapping.eurostat.keep_eurostat_codes => alpha3.to_owned(),
            _ => code.to_owned(),
        };
        if self.actor_ids.insert(id.clone()) {
            let name = alpha3.and_then(codes::country_name);
            if name.is_none() {
                self.report
                    .change(format!("code {code}"), "not a country code GeoDep knows: kept as the actor's id and name");
            }
            self.scenario.actors.push(Actor::new(id.clone(), name.unwrap_or(code), ActorKind::State));
            self.report.mapped("actors", 1);
        }
        id
    }
}

fn dataset_title(dataset: &str) -> String {
    let (base, monthly) = match dataset.strip_suffix('m') {
        Some(base) if base.starts_with("nrg_ti_") => (base, true),
        _ => (dataset, false),
    };
    let what = match base {
        "nrg_ti_gas" => "Imports of natural gas by partner country",
        "nrg_ti_oil" => "Imports of oil and petroleum products by partner country",
        "nrg_ti_sff" => "Imports of solid fossil fuels by partner country",
        _ => return format!("Eurostat dataset {dataset}"),
    };
    if monthly { format!("{what} - monthly data") } else { what.to_owned() }
}

/// The dataset as the cited source, dated by the mapping's retrieval date or the file's LAST UPDATE.
fn source(table: &Table, mapping: &ImportMapping, report: &mut FileReport) -> Source {
    let dataset = table.dataset.clone().unwrap_or_default();
    let date = mapping.eurostat.retrieved.clone().or_else(|| table.last_update.as_deref().and_then(iso_date));
    if mapping.eurostat.retrieved.is_none() {
        const ASK: &str = "give the day you downloaded the table (\"Downloaded on\" in the import window, \
                           eurostat.retrieved in a mapping file)";
        match &date {
            Some(date) => report.change("", format!("the source is dated {date}, the table's LAST UPDATE: {ASK}")),
            None => report.change("", format!("the source has no date: {ASK}")),
        }
    }
    if dataset.is_empty() {
        report
            .change("", "the dataset code is unknown (no DATAFLOW column, none in the file name): complete the source");
    }
    Source {
        id: if dataset.is_empty() { "eurostat".to_owned() } else { format!("eurostat-{dataset}") },
        title: format!("Eurostat: {}", dataset_title(&dataset)),
        publisher: Some("Eurostat".to_owned()),
        date,
        url: Some(if dataset.is_empty() {
            "https://ec.europa.eu/eurostat/databrowser/".to_owned()
        } else {
            format!("https://ec.europa.eu/eurostat/databrowser/view/{dataset}/default/table")
        }),
        // The statistics office's own table of what the member states report.
        reliability: Some(crate::model::Reliability::A),
        note: Some(
            "Eurostat data; re-use is authorised with acknowledgement of the source (Eurostat copyright notice)"
                .to_owned(),
        ),
    }
}

/// `28/03/24 23:00:00` (Eurostat's LAST UPDATE) or `2024-03-28…` → `2024-03-28`.
fn iso_date(written: &str) -> Option<String> {
    let day = written.split_whitespace().next()?;
    if day.len() >= 10 && day.as_bytes().get(4) == Some(&b'-') {
        return day.get(..10).map(str::to_owned);
    }
    let parts: Vec<&str> = day.split('/').collect();
    match parts.as_slice() {
        [d, m, y] if d.len() == 2 && m.len() == 2 && (y.len() == 2 || y.len() == 4) => {
            let year = if y.len() == 2 { format!("20{y}") } else { (*y).to_owned() };
            Some(format!("{year}-{m}-{d}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commodities_come_from_product_codes_or_the_dataset() {
        assert_eq!(commodity("G3000", None), Commodity::Gas);
        assert_eq!(commodity("O4100_TOT", None), Commodity::Oil);
        assert_eq!(commodity("C0000X0350-0370", None), Commodity::Coal);
        assert_eq!(commodity("", Some("nrg_ti_sff")), Commodity::Coal);
    }

    #[test]
    fn periods_tell_how_many_make_a_year() {
        assert_eq!(periods_per_year("2021"), 1);
        assert_eq!(periods_per_year("2021-03"), 12);
        assert_eq!(periods_per_year("2021M03"), 12);
        assert_eq!(periods_per_year("2021-Q1"), 4);
    }

    #[test]
    fn last_update_dates_become_iso_dates() {
        assert_eq!(iso_date("28/03/24 23:00:00"), Some("2024-03-28".to_owned()));
        assert_eq!(iso_date("2024-03-28T23:00:00+01:00"), Some("2024-03-28".to_owned()));
        assert_eq!(iso_date("soon"), None);
    }

    #[test]
    fn dataset_titles_name_monthly_twins() {
        assert_eq!(dataset_title("nrg_ti_gasm"), "Imports of natural gas by partner country - monthly data");
        assert_eq!(dataset_title("nrg_ti_oil"), "Imports of oil and petroleum products by partner country");
    }
}
