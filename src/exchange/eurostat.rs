//! Eurostat's energy-import tables (`nrg_ti_gas`, `nrg_ti_oil`, `nrg_ti_sff` and their monthly `…m` twins) as
//! downloaded, in SDMX-CSV or the TSV bulk format: each importer's (geo) imports by partner become energy
//! flows from the partner, with shares of the importer's imports that year. `docs/import-export.md` states the
//! rules: aggregates, flags, units, commodity codes, the cited source.

mod build;
mod sdmx;
mod tsv;

use super::{FileReport, ImportMapping, Imported};
use crate::model::Scenario;

/// One value of the table, with its dimension codes as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub siec: String,
    pub partner: String,
    pub unit: String,
    pub geo: String,
    /// `2021`, `2021-03`, `2021-Q1`…
    pub period: String,
    /// `None` where Eurostat writes `:` (not available).
    pub value: Option<f64>,
    /// Eurostat's flag letters (`p` provisional, `e` estimated, `c` confidential…).
    pub flags: String,
    /// Where in the file, for the report.
    pub place: String,
}

/// What a file holds.
#[derive(Debug, Default)]
pub struct Table {
    /// The dataset code, lower case (`nrg_ti_gas`), from the DATAFLOW column or the file name.
    pub dataset: Option<String>,
    /// The `LAST UPDATE` column of SDMX-CSV, as written.
    pub last_update: Option<String>,
    pub observations: Vec<Observation>,
}

pub fn import(name: &str, bytes: &[u8], mapping: &ImportMapping) -> Imported {
    let mut report = FileReport::new(name, None);
    let text = super::csv_sheets::cells::decode(bytes, &mut report);
    let first_line = text.trim_start_matches('\u{feff}').lines().next().unwrap_or("");
    let table = if first_line.contains('\\') { tsv::read(&text) } else { sdmx::read(&text) };
    match table {
        Ok(mut table) => {
            if table.dataset.is_none() {
                table.dataset = dataset_of_file_name(name);
            }
            let scenario = build::scenario(table, mapping, &mut report);
            Imported { scenario, report }
        }
        Err(why) => {
            report.refuse(why);
            Imported { scenario: Scenario::default(), report }
        }
    }
}

/// `estat_nrg_ti_gas.tsv`, `nrg_ti_gas_linear.csv`, `eurostat-nrg_ti_gasm-extract.tsv` → the dataset code.
fn dataset_of_file_name(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let start = lower.find("nrg_")?;
    let code: String = lower[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    let code = code.strip_suffix("_linear").unwrap_or(&code).to_owned();
    Some(code)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_dataset_is_found_in_the_file_name() {
        assert_eq!(super::dataset_of_file_name("estat_nrg_ti_gas.tsv"), Some("nrg_ti_gas".to_owned()));
        assert_eq!(super::dataset_of_file_name("eurostat-nrg_ti_gasm-extract.tsv"), Some("nrg_ti_gasm".to_owned()));
        assert_eq!(super::dataset_of_file_name("nrg_ti_oil_linear.csv"), Some("nrg_ti_oil".to_owned()));
        assert_eq!(super::dataset_of_file_name("imports.tsv"), None);
    }
}
