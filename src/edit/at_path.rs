//! Setting one value by its record path, as `geodep set` does: `energy[3].share`, `actors[SRB].name` (actors and
//! sources may be named by id, routes by name: `routes["TurkStream"].waypoints`), `title`. The value is RON text
//! (`0.7`, `"Serbia"`, `Gas`, `["BGR", "TUR"]`). The scenario is written in canonical form, the value is put in at
//! the path, and the whole is read back, so that any value the format accepts can be set and anything else is
//! refused with the reader's reason.

use crate::io::text_index::{NodeKind, PathSegment, TextIndex, parse_path};
use crate::model::{Scenario, same_route};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    #[error("{0} names no value of this scenario")]
    NoSuchPath(String),
    #[error("there is no {list} with id \"{id}\"")]
    NoSuchId { list: &'static str, id: String },
    #[error("there is no route named \"{0}\"")]
    NoSuchRoute(String),
    #[error("{value} does not fit {path}: {reason}")]
    ValueDoesNotFit { path: String, value: String, reason: String },
}

/// The scenario with the value at `path` replaced by `value` (RON text).
pub fn set_at_path(scenario: &Scenario, path: &str, value: &str) -> Result<Scenario, PathError> {
    let segments = resolve_ids(scenario, parse_path(path))?;
    if segments.is_empty() {
        return Err(PathError::NoSuchPath(path.to_owned()));
    }
    // One value, not a value and more fields after it.
    let value_index = TextIndex::build(value);
    let single = value_index.root().is_some_and(|root| root.text() == value.trim());
    if value_index.first_issue().is_some() || !single {
        let reason = "it is not one RON value (a number, \"text\", a name, a list or a record)".to_owned();
        return Err(PathError::ValueDoesNotFit { path: path.to_owned(), value: value.to_owned(), reason });
    }
    let canonical = crate::io::to_canonical_text(scenario);
    let index = TextIndex::build(&canonical);
    let text = match index.find(&segments) {
        Some(node) => splice(&canonical, node.span(), value),
        None => with_new_field(&index, &canonical, &segments, value)
            .ok_or_else(|| PathError::NoSuchPath(path.to_owned()))?,
    };
    crate::io::parse_scenario(&text).map_err(|reason| PathError::ValueDoesNotFit {
        path: path.to_owned(),
        value: value.to_owned(),
        reason,
    })
}

/// `actors[SRB]` and `sources[iea]` name a record by its id, `routes["TurkStream"]` a route by its name (ignoring
/// letter case): turned into its place in the list.
fn resolve_ids(scenario: &Scenario, mut segments: Vec<PathSegment>) -> Result<Vec<PathSegment>, PathError> {
    if let [PathSegment::Field(list), PathSegment::Key(id), ..] = segments.as_slice() {
        let no_such = |list| PathError::NoSuchId { list, id: id.clone() };
        let place = match list.as_str() {
            "actors" => scenario.actors.iter().position(|actor| actor.id == *id).ok_or_else(|| no_such("actor")),
            "sources" => scenario.sources.iter().position(|source| source.id == *id).ok_or_else(|| no_such("source")),
            "routes" => scenario
                .routes
                .iter()
                .position(|route| same_route(&route.name, id))
                .ok_or_else(|| PathError::NoSuchRoute(id.clone())),
            _ => return Ok(segments),
        }?;
        segments[1] = PathSegment::Index(place);
    }
    Ok(segments)
}

fn splice(text: &str, range: std::ops::Range<usize>, value: &str) -> String {
    format!("{}{value}{}", &text[..range.start], &text[range.end..])
}

/// A field the canonical text leaves out (an empty optional one): written first in its record.
fn with_new_field(index: &TextIndex<'_>, text: &str, segments: &[PathSegment], value: &str) -> Option<String> {
    let (PathSegment::Field(name), parent) = segments.split_last()? else { return None };
    let parent = if parent.is_empty() { index.root()? } else { index.find(parent)? };
    if !matches!(parent.kind(), NodeKind::Struct { .. }) {
        return None;
    }
    let open = parent.span().start + parent.text().find('(')? + 1;
    Some(format!("{}{name}: {value}, {}", &text[..open], &text[open..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads")
    }

    #[test]
    fn sets_a_share_a_name_by_id_and_the_title() {
        let before = scenario();
        let after = set_at_path(&before, "energy[3].share", "0.7").unwrap();
        assert_eq!(after.energy[3].share, 0.7);
        let mut expected = before.clone();
        expected.energy[3].share = 0.7;
        assert_eq!(after, expected, "nothing else changes");
        let renamed = set_at_path(&before, "actors[SRB].name", "\"Republic of Serbia\"").unwrap();
        assert_eq!(renamed.actor("SRB").unwrap().name, "Republic of Serbia");
        assert_eq!(set_at_path(&before, "title", "\"New\"").unwrap().title, "New");
    }

    #[test]
    fn sets_a_field_the_record_left_out() {
        let before = scenario();
        let index = before.energy.iter().position(|flow| flow.route.is_none()).expect("a flow without a route");
        let after = set_at_path(&before, &format!("energy[{index}].route"), "\"Somewhere\"").unwrap();
        assert_eq!(after.energy[index].route.as_deref(), Some("Somewhere"));
    }

    #[test]
    fn sets_a_route_by_its_name_or_its_place() {
        let mut before = scenario();
        let route = crate::model::Route { name: "TurkStream".into(), waypoints: vec![], note: None, sources: vec![] };
        before.routes.push(route);
        let index = before.routes.len() - 1;
        let after = set_at_path(
            &before,
            "routes[\" turkstream\"].waypoints",
            "[(lat: 41.6, lon: 28.1), (lat: 42.5, lon: 27.4)]",
        )
        .unwrap();
        let points: Vec<(f64, f64)> =
            after.routes[index].waypoints.iter().map(|point| (point.lat, point.lon)).collect();
        assert_eq!(points, [(41.6, 28.1), (42.5, 27.4)]);
        let moved = set_at_path(&after, &format!("routes[{index}].waypoints[1].lon"), "27.5").unwrap();
        assert_eq!(moved.routes[index].waypoints[1].lon, 27.5);
        assert_eq!(
            set_at_path(&before, "routes[Nowhere].note", "\"x\""),
            Err(PathError::NoSuchRoute("Nowhere".into()))
        );
    }

    #[test]
    fn refuses_what_does_not_fit_with_the_reason() {
        let before = scenario();
        assert_eq!(
            set_at_path(&before, "energy[999].share", "0.7"),
            Err(PathError::NoSuchPath("energy[999].share".into()))
        );
        assert_eq!(
            set_at_path(&before, "actors[NOBODY].name", "\"x\""),
            Err(PathError::NoSuchId { list: "actor", id: "NOBODY".into() })
        );
        let wrong = set_at_path(&before, "energy[0].share", "\"much\"");
        assert!(matches!(wrong, Err(PathError::ValueDoesNotFit { .. })), "{wrong:?}");
        let injected = set_at_path(&before, "title", "\"a\", summary: \"b\"");
        assert!(matches!(injected, Err(PathError::ValueDoesNotFit { .. })), "only one value: {injected:?}");
        assert!(set_at_path(&before, "energy[0].commodity", "Plutonium").is_err());
    }
}
