//! "Did you mean" hints for unknown ids and field names, at a cost that stays linear in the number of
//! references whatever the file holds.
//!
//! Comparing every unknown reference with every known id costs references × ids × length², which made a file
//! of 2,000 actors and 20,000 misspelt references take seconds, and one long id take longer still. So:
//! the known ids are indexed once (exact matches by lower-case id and name, the rest in buckets by length);
//! only ids of similar length are compared, at most [`MAX_COMPARISONS`] per reference; ids longer than
//! [`MAX_ID_CHARS`] are never compared; and after [`MAX_HINTS`] unknown references of one kind the rest get
//! no hint (the problem is still reported, only the guess is left out).

use std::collections::{BTreeMap, HashMap};

/// The longest id a scenario may use, in characters; longer ones are errors (and get no hint).
pub const MAX_ID_CHARS: usize = 200;

/// The longest name or title, in characters; longer ones are errors.
pub const MAX_NAME_CHARS: usize = 1_000;

/// How many unknown references of one kind get a hint; later ones are reported without one.
pub const MAX_HINTS: usize = 100;

/// How many known ids one unknown reference is compared with, nearest in length first.
pub const MAX_COMPARISONS: usize = 64;

/// The known ids of one kind (actors, sources, fields), indexed for hints.
pub struct Suggester<'a> {
    /// Lower-case id, then lower-case name, to the id: a match here is a hint at no cost.
    exact: HashMap<String, &'a str>,
    /// Ids (lower case, with the id as written) by their length in characters.
    by_length: BTreeMap<usize, Vec<(String, &'a str)>>,
    hints_left: usize,
}

impl<'a> Suggester<'a> {
    /// Indexes `(id, name)` pairs; ids and names beyond the length limits are left out.
    pub fn new(known: impl Iterator<Item = (&'a str, &'a str)>) -> Suggester<'a> {
        let mut exact = HashMap::new();
        let mut names = Vec::new();
        let mut by_length: BTreeMap<usize, Vec<(String, &'a str)>> = BTreeMap::new();
        for (id, name) in known {
            let length = id.chars().count();
            if length > MAX_ID_CHARS {
                continue;
            }
            let lower = id.to_lowercase();
            exact.entry(lower.clone()).or_insert(id);
            by_length.entry(length).or_default().push((lower, id));
            if name.chars().count() <= MAX_NAME_CHARS {
                names.push((name.to_lowercase(), id));
            }
        }
        // Ids win over names that are spelt the same.
        for (name, id) in names {
            exact.entry(name).or_insert(id);
        }
        Suggester { exact, by_length, hints_left: MAX_HINTS }
    }

    /// `; did you mean "RUS"?` for the closest known id, or nothing (see the module documentation).
    pub fn hint(&mut self, unknown: &str) -> String {
        if self.hints_left == 0 {
            return String::new();
        }
        self.hints_left -= 1;
        self.closest(unknown).map(|id| format!("; did you mean \"{id}\"?")).unwrap_or_default()
    }

    fn closest(&self, unknown: &str) -> Option<&'a str> {
        let length = unknown.chars().count();
        if length > MAX_ID_CHARS {
            return None;
        }
        let unknown_lower = unknown.to_lowercase();
        if let Some(id) = self.exact.get(&unknown_lower) {
            return Some(id);
        }
        let allowed_edits = length / 3;
        let mut best: Option<((usize, i64), &'a str)> = None;
        for (candidate_lower, id) in self.nearest_in_length(length).take(MAX_COMPARISONS) {
            let edits = strsim::damerau_levenshtein(&unknown_lower, candidate_lower);
            let similarity = strsim::jaro_winkler(&unknown_lower, candidate_lower);
            if edits > allowed_edits && similarity < 0.85 {
                continue;
            }
            // Fewer edits first, then the more similar spelling; similarity is compared in thousandths.
            let rank = (edits, -((similarity * 1000.0) as i64));
            if best.is_none_or(|(best_rank, _)| rank < best_rank) {
                best = Some((rank, id));
            }
        }
        best.map(|(_, id)| id)
    }

    /// Known ids from the same length outwards (one shorter, one longer, two shorter…), up to a difference of
    /// a third of the length plus two: beyond that neither test of [`Suggester::closest`] can pass.
    fn nearest_in_length(&self, length: usize) -> impl Iterator<Item = (&str, &'a str)> + '_ {
        let widest = length / 3 + 2;
        (0..=widest)
            .flat_map(move |difference| {
                let shorter = length.checked_sub(difference).filter(|_| difference > 0);
                [shorter, Some(length + difference)].into_iter().flatten()
            })
            .filter_map(|candidate_length| self.by_length.get(&candidate_length))
            .flatten()
            .map(|(lower, id)| (lower.as_str(), *id))
    }
}

/// The hint for one unknown id among a few known ones (field names, a name on the command line).
pub fn suggest<'a>(unknown: &str, known: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    Suggester::new(known).hint(unknown)
}

/// A long id or name shortened for a message: its first 40 characters, then how long it is.
pub fn shortened(text: &str) -> std::borrow::Cow<'_, str> {
    const SHOWN: usize = 40;
    match text.char_indices().nth(SHOWN) {
        None => text.into(),
        Some((end, _)) => format!("{}… ({} characters)", &text[..end], text.chars().count()).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_come_from_letter_case_names_and_spelling() {
        let known = [("RUS", "Russia"), ("SRB", "Serbia"), ("TurkStream", "TurkStream pipeline")];
        let mut suggester = Suggester::new(known.into_iter());
        assert_eq!(suggester.hint("rus"), "; did you mean \"RUS\"?");
        assert_eq!(suggester.hint("Serbia"), "; did you mean \"SRB\"?");
        assert_eq!(suggester.hint("TurkStraem"), "; did you mean \"TurkStream\"?");
        assert_eq!(suggester.hint("XYZ"), "");
    }

    #[test]
    fn after_the_first_hundred_unknown_references_no_more_hints_are_worked_out() {
        let mut suggester = Suggester::new([("RUS", "Russia")].into_iter());
        for _ in 0..MAX_HINTS {
            assert_eq!(suggester.hint("RUSS"), "; did you mean \"RUS\"?");
        }
        assert_eq!(suggester.hint("RUSS"), "");
    }

    #[test]
    fn ids_longer_than_the_limit_are_never_compared() {
        let long = "A".repeat(MAX_ID_CHARS + 1);
        let almost = format!("{}B", "A".repeat(MAX_ID_CHARS));
        let mut suggester = Suggester::new([(long.as_str(), "long"), ("AAA", "AAA")].into_iter());
        assert_eq!(suggester.hint(&almost), "");
        assert_eq!(suggester.hint(&long), "");
    }

    #[test]
    fn only_ids_of_similar_length_are_compared() {
        let mut suggester = Suggester::new([("ABCDEFGHIJKL", "far"), ("ABD", "near")].into_iter());
        assert_eq!(suggester.hint("ABC"), "; did you mean \"ABD\"?");
        let compared: Vec<&str> = suggester.nearest_in_length(3).map(|(_, id)| id).collect();
        assert_eq!(compared, ["ABD"]);
    }

    #[test]
    fn long_text_is_shortened_for_messages() {
        assert_eq!(shortened("SRB"), "SRB");
        let long = "x".repeat(1_000);
        assert_eq!(shortened(&long), format!("{}… (1000 characters)", "x".repeat(40)));
    }
}
