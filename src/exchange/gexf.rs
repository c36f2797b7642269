//! Not yet written: being built for issue 17.

use super::{FileReport, ImportMapping, Imported};

pub fn import(name: &str, bytes: &[u8], mapping: &ImportMapping) -> Imported {
    let _ = (bytes, mapping);
    let mut report = FileReport::new(name, None);
    report.refuse("this format cannot be imported yet");
    Imported { scenario: crate::model::Scenario::default(), report }
}

/// The scenario as a graph file: actors as nodes (with `positions`, one per actor in the scenario's order),
/// each record as an edge.
pub fn export(scenario: &crate::model::Scenario, positions: &[[f32; 2]]) -> String {
    let _ = (scenario, positions);
    String::new()
}
