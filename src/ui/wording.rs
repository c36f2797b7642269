//! Record paths in the words the forms use: the validator and the command line say `energy[4].share`, the Data
//! tab says "Energy flow 5"; in the app, problems are named the way the form names the record.

use crate::edit::RecordKind;

/// `energy[4].share` → "Energy flow 5, share"; a path not in a list (`title`) stays as it is.
pub fn place(path: &str) -> String {
    let Some((kind, index, rest)) = split(path) else { return path.to_owned() };
    let noun = capitalised(kind.noun());
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if rest.is_empty() { format!("{noun} {}", index + 1) } else { format!("{noun} {}, {rest}", index + 1) }
}

/// A message with every `energy[4]` in it written as "energy flow 5".
pub fn message(text: &str) -> String {
    let mut result = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let word_start = rest[..open].rfind(|c: char| !c.is_ascii_lowercase()).map_or(0, |at| at + 1);
        let close = rest[open..].find(']').map(|at| open + at);
        let kind = RecordKind::ALL.into_iter().find(|kind| kind.field() == &rest[word_start..open]);
        let index = close.and_then(|close| rest[open + 1..close].parse::<usize>().ok());
        match (kind, index, close) {
            (Some(kind), Some(index), Some(close)) => {
                result.push_str(&rest[..word_start]);
                result.push_str(&format!("{} {}", kind.noun(), index + 1));
                rest = &rest[close + 1..];
            }
            _ => {
                result.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    result.push_str(rest);
    result
}

fn split(path: &str) -> Option<(RecordKind, usize, &str)> {
    let (list, after) = path.split_once('[')?;
    let (number, rest) = after.split_once(']')?;
    let kind = RecordKind::ALL.into_iter().find(|kind| kind.field() == list)?;
    Some((kind, number.parse().ok()?, rest))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_the_forms_name_their_records() {
        assert_eq!(place("energy[4].share"), "Energy flow 5, share");
        assert_eq!(place("votes[0].ballots[\"SBR\"]"), "Vote 1, ballots[\"SBR\"]");
        assert_eq!(place("actors[2]"), "Actor 3");
        assert_eq!(place("title"), "title");
    }

    #[test]
    fn messages_name_records_the_same_way() {
        let text = "add up to 110% (energy[1] 70% + energy[2] 40%)";
        assert_eq!(message(text), "add up to 110% (energy flow 2 70% + energy flow 3 40%)");
        assert_eq!(message("duplicate id (first used by actors[0])"), "duplicate id (first used by actor 1)");
        assert_eq!(message("list [1, 2] and notalist[3]"), "list [1, 2] and notalist[3]");
    }
}
