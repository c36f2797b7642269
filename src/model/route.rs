//! Named routes: a pipeline or corridor that energy flows name in their `route`, with the points it runs through,
//! so that a map draws those flows along the route's real course.

use serde::{Deserialize, Serialize};

use super::GeoPoint;

/// A named route and its course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// The name energy flows give in `route`; compared trimmed and ignoring letter case.
    pub name: String,
    /// Points along the route in order, from the supplier's end to the consumer's, in degrees (WGS 84).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub waypoints: Vec<GeoPoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub sources: Vec<String>,
}

/// Whether two route names name the same route: trimmed, ignoring letter case ("TurkStream" is " turkstream").
pub fn same_route(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// A route name as routes are told apart (trimmed, in lower case), for finding routes by name.
pub fn route_key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_names_are_compared_trimmed_and_ignoring_letter_case() {
        assert!(same_route("TurkStream", " turkstream "));
        assert!(!same_route("TurkStream", "Turk Stream"));
        assert_eq!(route_key(" Balkan Stream "), "balkan stream");
    }
}
