//! How far a source can be trusted, graded as the admiralty code grades sources (the first letter of "B2"). The
//! second half of that code, how credible one piece of information is, is each record's `Certainty`.
//!
//! A record rests on the best of the sources it cites. A source with no grade, and a record citing none, count
//! as F: a figure that nobody has vouched for is shown as weak, never as strong. Pure model: no egui, no files.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Scenario, Source};

/// A source's reliability, from A (best) to F. `Ord` runs from best to worst, F last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Reliability {
    /// Completely reliable: the primary record of what it reports (a UN voting record, an official journal,
    /// a statistics office's own table).
    A,
    /// Usually reliable: an established, independent outlet or institute with a record of corrections.
    B,
    /// Fairly reliable: specialist, regional or secondary reporting; advocacy or partisan research.
    C,
    /// Not usually reliable: state-controlled media of a party to the events it reports, beyond what that state's
    /// officials say.
    D,
    /// Unreliable: a record of fabrication.
    E,
    /// Cannot be judged.
    F,
}

impl Reliability {
    pub const ALL: [Reliability; 6] =
        [Reliability::A, Reliability::B, Reliability::C, Reliability::D, Reliability::E, Reliability::F];

    pub fn letter(self) -> &'static str {
        match self {
            Reliability::A => "A",
            Reliability::B => "B",
            Reliability::C => "C",
            Reliability::D => "D",
            Reliability::E => "E",
            Reliability::F => "F",
        }
    }

    /// The admiralty code's words for the grade.
    pub fn words(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }

    /// "B (usually reliable)".
    pub fn label(self) -> String {
        format!("{} ({})", self.letter(), self.words())
    }

    /// D and below: a figure resting only on such sources is marked as weak wherever it is shown.
    pub fn is_low(self) -> bool {
        self >= Reliability::D
    }
}

/// Each source's grade by id, for looking up the sources a record cites. Built once per use, not per record.
#[derive(Debug, Clone, Default)]
pub struct SourceGrades<'a> {
    by_id: HashMap<&'a str, Reliability>,
}

impl<'a> SourceGrades<'a> {
    pub fn of(scenario: &'a Scenario) -> SourceGrades<'a> {
        SourceGrades::from_sources(&scenario.sources)
    }

    pub fn from_sources(sources: &'a [Source]) -> SourceGrades<'a> {
        let by_id =
            sources.iter().filter_map(|source| source.reliability.map(|grade| (source.id.as_str(), grade))).collect();
        SourceGrades { by_id }
    }

    /// The grade of one source; F when it has none or does not exist.
    pub fn of_source(&self, id: &str) -> Reliability {
        self.by_id.get(id).copied().unwrap_or(Reliability::F)
    }

    /// The best grade among the sources a record cites: what the record rests on. F when it cites none.
    pub fn best(&self, sources: &[String]) -> Reliability {
        sources.iter().map(|id| self.of_source(id)).min().unwrap_or(Reliability::F)
    }

    /// Whether a record citing these sources rests on at least one graded `minimum` or better.
    pub fn meets(&self, sources: &[String], minimum: Reliability) -> bool {
        self.best(sources) <= minimum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str, reliability: Option<Reliability>) -> Source {
        Source { id: id.into(), title: id.into(), publisher: None, date: None, url: None, reliability, note: None }
    }

    #[test]
    fn a_record_rests_on_the_best_source_it_cites() {
        let sources = [source("tass", Some(Reliability::D)), source("reuters", Some(Reliability::B))];
        let grades = SourceGrades::from_sources(&sources);
        assert_eq!(grades.best(&["tass".into()]), Reliability::D);
        assert_eq!(grades.best(&["tass".into(), "reuters".into()]), Reliability::B);
        assert!(grades.meets(&["tass".into(), "reuters".into()], Reliability::B));
        assert!(!grades.meets(&["tass".into()], Reliability::C));
    }

    #[test]
    fn no_grade_no_source_and_an_unknown_id_count_as_cannot_be_judged() {
        let sources = [source("blog", None)];
        let grades = SourceGrades::from_sources(&sources);
        assert_eq!(grades.best(&["blog".into()]), Reliability::F);
        assert_eq!(grades.best(&[]), Reliability::F);
        assert_eq!(grades.best(&["missing".into()]), Reliability::F);
        assert!(Reliability::F.is_low() && Reliability::D.is_low() && !Reliability::C.is_low());
    }
}
