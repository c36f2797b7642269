//! Eurostat's SDMX-CSV: a row an observation, with the columns `DATAFLOW,LAST UPDATE,freq,siec,partner,unit,
//! geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG` (newer files add `CONF_STATUS`; files with labels write headers as
//! `geo:Geopolitical entity` and codes as `AT:Austria`, of which the code is kept).

use std::collections::HashMap;

use super::{Observation, Table};
use crate::exchange::csv_sheets::cells;

pub fn read(text: &str) -> Result<Table, String> {
    let delimiter = cells::sniff_delimiter(text);
    let mut reader = cells::reader(text, delimiter);
    let headers = reader.headers().map_err(|error| format!("no header line: {error}"))?.clone();
    let columns: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(at, header)| (cells::column_name(header.split(':').next().unwrap_or("")), at))
        .collect();
    let position = |name: &str| columns.get(name).copied();
    let (Some(partner), Some(geo), Some(period), Some(value)) =
        (position("partner"), position("geo"), position("time_period"), position("obs_value"))
    else {
        return Err("it lacks one of the columns partner, geo, TIME_PERIOD, OBS_VALUE: not a table of imports by \
                    partner country"
            .to_owned());
    };
    let (siec, unit, flag, confidential) =
        (position("siec"), position("unit"), position("obs_flag"), position("conf_status"));
    let (dataflow, last_update) = (position("dataflow"), position("last_update"));
    let mut table = Table::default();
    for (index, record) in reader.records().enumerate() {
        let Ok(record) = record else { continue };
        let cell = |at: Option<usize>| at.and_then(|at| record.get(at)).map_or("", str::trim);
        let code = |at: Option<usize>| cell(at).split(':').next().unwrap_or("").trim().to_owned();
        if table.dataset.is_none() {
            table.dataset = dataset_of_dataflow(cell(dataflow));
        }
        if table.last_update.is_none() && !cell(last_update).is_empty() {
            table.last_update = Some(cell(last_update).to_owned());
        }
        let mut flags: String = cell(flag).chars().filter(char::is_ascii_alphabetic).collect();
        // CONF_STATUS F is "free"; any other status keeps the value from publication: a confidential value.
        if !matches!(cell(confidential), "" | "F") && !flags.contains('c') {
            flags.push('c');
        }
        let written = cell(Some(value));
        table.observations.push(Observation {
            siec: code(siec),
            partner: code(Some(partner)),
            unit: code(unit),
            geo: code(Some(geo)),
            period: code(Some(period)),
            value: if written.starts_with(':') { None } else { cells::number(written, delimiter) },
            flags,
            place: format!("row {}", index + 2),
        });
    }
    Ok(table)
}

/// `ESTAT:NRG_TI_GAS(1.0)` → `nrg_ti_gas`.
fn dataset_of_dataflow(dataflow: &str) -> Option<String> {
    let after_agency = dataflow.rsplit(':').next().unwrap_or(dataflow);
    let code = after_agency.split('(').next().unwrap_or("").trim().to_lowercase();
    Some(code).filter(|code| !code.is_empty())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_dataset_is_the_dataflow_code() {
        assert_eq!(super::dataset_of_dataflow("ESTAT:NRG_TI_GAS(1.0)"), Some("nrg_ti_gas".to_owned()));
        assert_eq!(super::dataset_of_dataflow(""), None);
    }
}
