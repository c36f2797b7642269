//! Country codes: Eurostat's geo and partner codes (ISO 3166-1 alpha-2, but EL for Greece and UK for the
//! United Kingdom, and XK for Kosovo) to the ISO 3166-1 alpha-3 ids the bundled scenarios use, country names,
//! and Eurostat's aggregates (the EU, "total", "not specified", "other" buckets), which are never countries.
//!
//! The country table is ISO 3166-1 as the public dataset lukes/ISO-3166-Countries-with-Regional-Codes
//! (file `all/all.csv`, commit 145f1ad3caff212ed25f42b0ee2c8b92a75af895) lists it; see `codes/table.rs`.
//! Kosovo has no ISO 3166-1 code; Eurostat writes XK and the bundled scenarios use the id "XKX".

mod table;

use std::collections::HashMap;
use std::sync::OnceLock;

use table::COUNTRIES;

/// Kosovo's id in the bundled scenarios (a user-assigned code, not ISO 3166-1).
const KOSOVO: (&str, &str, &str) = ("XK", "XKX", "Kosovo");

struct Lookup {
    alpha3_by_alpha2: HashMap<&'static str, &'static str>,
    name_by_alpha3: HashMap<&'static str, &'static str>,
}

fn lookup() -> &'static Lookup {
    static LOOKUP: OnceLock<Lookup> = OnceLock::new();
    LOOKUP.get_or_init(|| {
        let all = COUNTRIES.iter().chain(std::iter::once(&KOSOVO));
        Lookup {
            alpha3_by_alpha2: all.clone().map(|&(alpha2, alpha3, _)| (alpha2, alpha3)).collect(),
            name_by_alpha3: all.map(|&(_, alpha3, name)| (alpha3, name)).collect(),
        }
    })
}

/// The alpha-3 id for a Eurostat geo or partner code; `None` for aggregates and unknown codes.
pub fn alpha3_for_eurostat(code: &str) -> Option<&'static str> {
    let code = code.trim();
    let alpha2 = match code {
        "EL" => "GR",
        "UK" => "GB",
        other => other,
    };
    lookup().alpha3_by_alpha2.get(alpha2).copied()
}

/// A country's English short name by alpha-3 id.
pub fn country_name(alpha3: &str) -> Option<&'static str> {
    lookup().name_by_alpha3.get(alpha3.trim()).copied()
}

/// Codes Eurostat uses for groups of countries or for no country at all, never for one supplier or importer:
/// the EU and euro area in their successive compositions (EU27_2020, EU28, EA19…), "extra-EU" (EXT_EU27_2020),
/// TOTAL, NSP ("not specified"), EFTA, and the "other" buckets (EUR_OTH, AFR_OTH, AME_OTH, ASI_OTH…).
pub fn is_eurostat_aggregate(code: &str) -> bool {
    let code = code.trim().to_uppercase();
    // ISO 3166-1 alpha-2 codes are two letters; every Eurostat group code is longer or has an underscore,
    // except the euro area and the EU written bare.
    const NAMED: [&str; 8] = ["TOTAL", "NSP", "EFTA", "OPEC", "EU", "EA", "UNK", "OTH"];
    NAMED.contains(&code.as_str())
        || code.contains('_')
        || code.ends_with("OTH")
        || ((code.starts_with("EU") || code.starts_with("EA") || code.starts_with("EXT")) && code.len() > 2)
}

/// What an aggregate code stands for, for the report.
pub fn eurostat_aggregate_label(code: &str) -> &'static str {
    let code = code.trim().to_uppercase();
    match code.as_str() {
        "TOTAL" => "the total of all partners",
        "NSP" => "not specified",
        _ if code.starts_with("EXT") => "outside a group of countries (extra-EU)",
        _ if code.ends_with("OTH") => "other countries, not named",
        _ if code.starts_with("EU") => "the European Union",
        _ if code.starts_with("EA") => "the euro area",
        _ => "a group of countries",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eurostat_codes_that_differ_from_iso_map_to_the_ids_the_scenarios_use() {
        assert_eq!(alpha3_for_eurostat("EL"), Some("GRC"));
        assert_eq!(alpha3_for_eurostat("UK"), Some("GBR"));
        assert_eq!(alpha3_for_eurostat("XK"), Some("XKX"));
        assert_eq!(alpha3_for_eurostat("RU"), Some("RUS"));
        assert_eq!(alpha3_for_eurostat("NO"), Some("NOR"));
        assert_eq!(alpha3_for_eurostat("DZ"), Some("DZA"));
        assert_eq!(alpha3_for_eurostat("RS"), Some("SRB"));
    }

    #[test]
    fn aggregates_and_unknown_codes_have_no_country() {
        for code in ["EU27_2020", "TOTAL", "NSP", "EXT_EU27_2020", "EUR_OTH", "AFR_OTH", "EA19", "ZZ"] {
            assert_eq!(alpha3_for_eurostat(code), None, "{code}");
        }
    }

    #[test]
    fn aggregates_are_told_from_countries() {
        for code in ["EU27_2020", "EU28", "EA19", "EA", "TOTAL", "NSP", "EXT_EU27_2020", "EUR_OTH", "AFR_OTH"] {
            assert!(is_eurostat_aggregate(code), "{code}");
        }
        for code in ["EL", "UK", "XK", "RU", "EE", "ES", "DE"] {
            assert!(!is_eurostat_aggregate(code), "{code}");
        }
    }

    #[test]
    fn names_come_from_the_iso_table() {
        assert_eq!(country_name("NOR"), Some("Norway"));
        assert_eq!(country_name("XKX"), Some("Kosovo"));
        assert_eq!(country_name("GRC"), Some("Greece"));
        assert_eq!(country_name("QQQ"), None);
        assert_eq!(COUNTRIES.len(), 249);
    }
}
