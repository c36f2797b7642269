//! How inputs become records, where the files alone do not say: the import mapping (`--mapping MAP.ron` on
//! the command line, the import window's choices in the app). Every field has a default, so an empty mapping
//! `()` is valid and most imports need none.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Commodity, Source, Stance, TieKind, Unit};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImportMapping {
    /// The new scenario's title; by default "Imported from FILE".
    pub title: Option<String>,
    /// How graph edges (GraphML, GEXF) become records.
    pub edges: EdgeMapping,
    /// Ids as written in the inputs → ids in the scenario, applied everywhere an actor is named
    /// (e.g. `{"EL": "GRC"}`). Applied after a format's own conversion (Eurostat's codes to ISO 3166 alpha-3).
    pub actor_ids: BTreeMap<String, String>,
    /// The source cited by records whose input cites none (a GraphML file, a sheet without a sources column).
    /// By default a source is made from the file's name.
    pub source: Option<Source>,
    /// A wide table's importer and commodity; a CSV file is read as a wide table only when this is given.
    pub wide_table: Option<WideTable>,
    pub eurostat: EurostatOptions,
}

/// How the edges of a graph file become records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum EdgeMapping {
    /// Edges GeoDep wrote (with a `record` attribute) come back as the records they were; any other edge
    /// becomes a tie of kind Partnership with its weight as strength.
    #[default]
    Auto,
    /// Every edge a tie of this kind.
    AllTies(TieKind),
    /// Every edge an energy flow of this commodity, its weight the share.
    AllFlows(Commodity),
    /// By the value of one edge attribute: values listed under `ties`, `flows` or `stances` become that record;
    /// an edge whose value is listed nowhere is skipped (and reported).
    ByAttribute {
        attribute: String,
        #[serde(default)]
        ties: BTreeMap<String, TieKind>,
        #[serde(default)]
        flows: BTreeMap<String, Commodity>,
        #[serde(default)]
        stances: BTreeMap<String, Stance>,
    },
}

/// One importer's supply by supplier: a column per supplier, a row per date (or year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WideTable {
    /// The importer's actor id.
    pub importer: String,
    pub commodity: Commodity,
    /// The unit the values are in, if it is one the scenario format knows; else the values are kept as shares
    /// of the year's total only.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// The header of the date column; by default the first column.
    #[serde(default)]
    pub date_column: Option<String>,
    /// Columns that are not suppliers (totals, notes); they are reported as skipped.
    #[serde(default)]
    pub ignore_columns: Vec<String>,
}

/// Choices for Eurostat tables.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EurostatOptions {
    /// The date the table was downloaded (YYYY-MM-DD), cited with the dataset.
    pub retrieved: Option<String>,
    /// Keep Eurostat's two-letter geo codes as ids instead of ISO 3166 alpha-3 ones.
    pub keep_eurostat_codes: bool,
    /// Only these years; all by default.
    pub years: Vec<i32>,
}

impl ImportMapping {
    /// A mapping file's text (RON, optional values written bare as in scenario files); the reader's complaint
    /// with line and column if it is not one.
    pub fn from_ron(text: &str) -> Result<ImportMapping, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .map_err(|error| {
                format!("{} at line {}, column {}", error.code, error.span.start.line, error.span.start.col)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_mapping_is_the_default() {
        assert_eq!(ImportMapping::from_ron("()"), Ok(ImportMapping::default()));
    }

    #[test]
    fn a_mapping_names_its_choices_and_refuses_unknown_ones() {
        let mapping = ImportMapping::from_ron(
            r#"(title: "Gas 2022", edges: AllTies(Alliance), actor_ids: {"EL": "GRC"},
                wide_table: (importer: "SRB", commodity: Gas, unit: Bcm))"#,
        )
        .unwrap();
        assert_eq!(mapping.title.as_deref(), Some("Gas 2022"));
        assert_eq!(mapping.edges, EdgeMapping::AllTies(TieKind::Alliance));
        assert_eq!(mapping.actor_ids["EL"], "GRC");
        assert_eq!(mapping.wide_table.unwrap().unit, Some(Unit::Bcm));
        let error = ImportMapping::from_ron("(titel: \"x\")").unwrap_err();
        assert!(error.contains("titel") && error.contains("line 1"), "{error}");
    }
}
