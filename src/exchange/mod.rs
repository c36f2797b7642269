//! Import and export: scenarios from and to other tools' formats — CSV sheets as spreadsheet users keep them,
//! Eurostat energy-import tables, a wide table of one importer's supply, GraphML and GEXF.
//!
//! Pure conversions: bytes in, a new scenario and an [`ImportReport`] out; a scenario in, text out. This room
//! reads and writes no files and knows nothing of the app or the command line: they read the files, show the
//! report, and write what comes back (through `io`'s safe saving).

pub mod codes;
pub mod csv_sheets;
pub mod edge_list;
pub mod eurostat;
pub mod gexf;
pub mod graphml;
mod mapping;
mod merge;
mod report;
pub mod wide_table;
mod xml;

pub use mapping::{EdgeMapping, EurostatOptions, ImportMapping, WideTable};
pub use report::{FileReport, ImportReport, Note, NoteKind, counted};

use crate::model::Scenario;

/// The most notes one file's report keeps; past it the report says how many more there were.
pub const MAX_NOTES_PER_FILE: usize = 1_000;

/// One file to import: its name (for the report and for telling sheets apart) and its bytes.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The formats an input can be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// One sheet of actors or of one record kind, with the columns the CSV export writes.
    CsvSheet,
    /// A Eurostat dataset as SDMX-CSV (`DATAFLOW,LAST UPDATE,freq,siec,partner,unit,geo,TIME_PERIOD,OBS_VALUE,…`).
    EurostatSdmxCsv,
    /// A Eurostat dataset in the TSV bulk format (`freq,siec,partner,unit,geo\TIME_PERIOD` then a column a year).
    EurostatTsv,
    /// One importer's supply by supplier, a column a supplier and a row a date (needs [`ImportMapping::wide_table`]).
    WideTable,
    GraphMl,
    Gexf,
}

impl InputFormat {
    pub fn label(self) -> &'static str {
        match self {
            InputFormat::CsvSheet => "CSV sheet",
            InputFormat::EurostatSdmxCsv => "Eurostat SDMX-CSV",
            InputFormat::EurostatTsv => "Eurostat TSV",
            InputFormat::WideTable => "wide table",
            InputFormat::GraphMl => "GraphML",
            InputFormat::Gexf => "GEXF",
        }
    }
}

/// What one file gave: a partial scenario (its actors, records, sources and layout) and its report.
#[derive(Debug, Default)]
pub struct Imported {
    pub scenario: Scenario,
    pub report: FileReport,
}

/// What a file looks like, from its name and its first bytes; `None` when it is none of the formats.
pub fn detect(name: &str, bytes: &[u8], mapping: &ImportMapping) -> Option<InputFormat> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let lower_name = name.to_lowercase();
    let first_line = head.lines().next().unwrap_or("");
    if head.contains("<gexf") || lower_name.ends_with(".gexf") {
        Some(InputFormat::Gexf)
    } else if head.contains("<graphml") || lower_name.ends_with(".graphml") {
        Some(InputFormat::GraphMl)
    } else if first_line.contains("\\TIME_PERIOD") || first_line.contains("\\time") {
        Some(InputFormat::EurostatTsv)
    } else if first_line.contains("OBS_VALUE") {
        Some(InputFormat::EurostatSdmxCsv)
    } else if mapping.wide_table.is_some() {
        Some(InputFormat::WideTable)
    } else if lower_name.ends_with(".csv") || lower_name.ends_with(".tsv") || lower_name.ends_with(".txt") {
        Some(InputFormat::CsvSheet)
    } else {
        None
    }
}

/// Reads every file into one new scenario. Actors and sources named in several files are kept once (the first
/// file's fields win; later files fill what it left empty); the report says what each file gave and what it
/// skipped and why, and ends with the problems `geodep check` finds in the result. `progress` is told the
/// fraction done, from 0 to 1.
pub fn import(files: &[InputFile], mapping: &ImportMapping, progress: &mut dyn FnMut(f32)) -> (Scenario, ImportReport) {
    let mut report = ImportReport::default();
    let mut scenario =
        Scenario { title: mapping.title.clone().unwrap_or_else(|| default_title(files)), ..Scenario::default() };
    for (number, file) in files.iter().enumerate() {
        progress(number as f32 / files.len().max(1) as f32);
        let imported = import_one(file, mapping);
        merge::merge_into(&mut scenario, imported.scenario);
        report.files.push(imported.report);
    }
    if !mapping.actor_ids.is_empty() {
        let renamed = |id: &str| mapping.actor_ids.get(id).map(String::as_str);
        crate::edit::references::rename_actors(&mut scenario, &renamed);
    }
    merge::cite_where_uncited(&mut scenario, mapping, &mut report);
    report.problems = crate::validate::validate(&scenario);
    progress(1.0);
    (scenario, report)
}

/// One file, read as the format it looks like.
pub fn import_one(file: &InputFile, mapping: &ImportMapping) -> Imported {
    let Some(format) = detect(&file.name, &file.bytes, mapping) else {
        let mut report = FileReport::new(&file.name, None);
        report.refuse(
            "not a format GeoDep imports: give a .csv sheet, a Eurostat .tsv or SDMX-CSV file, a .graphml or a \
             .gexf file (a wide table needs a mapping that names its importer)",
        );
        return Imported { scenario: Scenario::default(), report };
    };
    let mut imported = match format {
        InputFormat::CsvSheet => csv_sheets::import(&file.name, &file.bytes, mapping),
        InputFormat::EurostatSdmxCsv | InputFormat::EurostatTsv => eurostat::import(&file.name, &file.bytes, mapping),
        InputFormat::WideTable => wide_table::import(&file.name, &file.bytes, mapping),
        InputFormat::GraphMl => graphml::import(&file.name, &file.bytes, mapping),
        InputFormat::Gexf => gexf::import(&file.name, &file.bytes, mapping),
    };
    imported.report.format = Some(format);
    imported
}

fn default_title(files: &[InputFile]) -> String {
    match files {
        [one] => format!("Imported from {}", one.name),
        _ => format!("Imported from {} files", files.len()),
    }
}
