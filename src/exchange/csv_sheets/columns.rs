//! The sheets and their columns: what the export writes and the import reads (documented, column by column,
//! in `docs/import-export.md`), and how a sheet's kind is known from its headers or its file name.

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Actors,
    Energy,
    Sanctions,
    Ties,
    Votes,
    Events,
    Sources,
    Layout,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Actors,
        Kind::Energy,
        Kind::Sanctions,
        Kind::Ties,
        Kind::Votes,
        Kind::Events,
        Kind::Sources,
        Kind::Layout,
    ];

    /// The sheet's name, as in `Sheet::kind` and the file name suffix (`scenario-energy.csv`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Actors => "actors",
            Kind::Energy => "energy",
            Kind::Sanctions => "sanctions",
            Kind::Ties => "ties",
            Kind::Votes => "votes",
            Kind::Events => "events",
            Kind::Sources => "sources",
            Kind::Layout => "layout",
        }
    }

    /// Every column, in the order the export writes them.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Kind::Actors => &[
                "id",
                "name",
                "local_name",
                "kind",
                "lat",
                "lon",
                "region",
                "subregion",
                "groups",
                "members",
                "note",
                "sources",
            ],
            Kind::Energy => &[
                "supplier",
                "consumer",
                "commodity",
                "share",
                "basis",
                "volume",
                "unit",
                "via",
                "route",
                "year",
                "from",
                "until",
                "certainty",
                "note",
                "sources",
            ],
            Kind::Sanctions => &["by", "target", "stance", "year", "from", "until", "certainty", "note", "sources"],
            Kind::Ties => &[
                "a",
                "b",
                "kind",
                "strength",
                "topic",
                "directed",
                "year",
                "from",
                "until",
                "certainty",
                "note",
                "sources",
            ],
            Kind::Votes => &[
                "vote", "date", "title", "body", "actor", "ballot", "yes", "no", "abstain", "absent", "note", "sources",
            ],
            Kind::Events => &["date", "title", "description", "actors", "sources"],
            Kind::Sources => &["id", "title", "publisher", "date", "url", "reliability", "note"],
            Kind::Layout => &["actor", "x", "y"],
        }
    }

    /// The columns a sheet of this kind cannot do without; they also tell the kind from the headers.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            Kind::Actors => &["id", "name", "kind"],
            Kind::Energy => &["supplier", "consumer", "commodity", "share"],
            Kind::Sanctions => &["by", "target", "stance"],
            Kind::Ties => &["a", "b", "kind", "strength"],
            Kind::Votes => &["vote", "date", "title", "actor", "ballot"],
            Kind::Events => &["date", "title"],
            Kind::Sources => &["id", "title"],
            Kind::Layout => &["actor", "x", "y"],
        }
    }

    /// The kind whose telling columns are all among the headers; the most specific first (a votes sheet also
    /// has an events sheet's `date` and `title`).
    pub fn from_columns(columns: &HashMap<String, usize>) -> Option<Kind> {
        const MOST_SPECIFIC_FIRST: [Kind; 8] = [
            Kind::Votes,
            Kind::Energy,
            Kind::Sanctions,
            Kind::Ties,
            Kind::Layout,
            Kind::Actors,
            Kind::Sources,
            Kind::Events,
        ];
        MOST_SPECIFIC_FIRST.into_iter().find(|kind| kind.required().iter().all(|column| columns.contains_key(*column)))
    }

    /// The kind a file name ends with: `serbia-energy.csv`, `ties.csv`, `Votes.tsv`.
    pub fn from_file_name(name: &str) -> Option<Kind> {
        let lower = name.to_lowercase();
        let stem = lower.rsplit(['/', '\\']).next().unwrap_or(&lower);
        let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
        Kind::ALL.into_iter().find(|kind| {
            stem == kind.name()
                || stem.ends_with(&format!("-{}", kind.name()))
                || stem.ends_with(&format!("_{}", kind.name()))
        })
    }
}

/// A header's column name as the import knows it: `share %` and `share (%)` are the share column in percent.
pub fn canonical(column: &str) -> &str {
    match column {
        "share_%" | "share_(%)" | "share_percent" => "share",
        "local" => "local_name",
        other => other,
    }
}

/// Whether the share column is headed as percentages.
pub fn is_percent_header(column: &str) -> bool {
    matches!(column, "share_%" | "share_(%)" | "share_percent")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(names: &[&str]) -> HashMap<String, usize> {
        names.iter().enumerate().map(|(at, name)| (name.to_string(), at)).collect()
    }

    #[test]
    fn every_kind_is_told_by_the_columns_the_export_writes() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_columns(&columns(kind.columns())), Some(kind), "{kind:?}");
        }
        assert_eq!(Kind::from_columns(&columns(&["something", "else"])), None);
    }

    #[test]
    fn file_names_tell_the_kind_as_a_fallback() {
        assert_eq!(Kind::from_file_name("exports/serbia-2023-energy.csv"), Some(Kind::Energy));
        assert_eq!(Kind::from_file_name("Votes.TSV"), Some(Kind::Votes));
        assert_eq!(Kind::from_file_name("my_ties.csv"), Some(Kind::Ties));
        assert_eq!(Kind::from_file_name("energy-notes.csv"), None);
    }
}
