//! Not yet written: being built for issue 17.

use super::{FileReport, ImportMapping, Imported};

pub fn import(name: &str, bytes: &[u8], mapping: &ImportMapping) -> Imported {
    let _ = (bytes, mapping);
    let mut report = FileReport::new(name, None);
    report.refuse("this format cannot be imported yet");
    Imported { scenario: crate::model::Scenario::default(), report }
}
