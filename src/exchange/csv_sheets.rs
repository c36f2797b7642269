//! Not yet written: being built for issue 17.

use super::{FileReport, ImportMapping, Imported};

pub fn import(name: &str, bytes: &[u8], mapping: &ImportMapping) -> Imported {
    let _ = (bytes, mapping);
    let mut report = FileReport::new(name, None);
    report.refuse("this format cannot be imported yet");
    Imported { scenario: crate::model::Scenario::default(), report }
}

/// One CSV sheet of an export: what it holds ("actors", "energy"…) and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub kind: &'static str,
    pub text: String,
}

/// Every non-empty record kind of the scenario as a sheet, actors and sources always.
pub fn export(scenario: &crate::model::Scenario) -> Vec<Sheet> {
    let _ = scenario;
    Vec::new()
}
