//! Plain edge lists, the common ground of graph tools: CSV lines `source,target[,weight]`, with or without a
//! header line, read into node ids and weighted links for the headless layout (`geodep layout`), so that GeoDep's
//! layout can be run on the very input given to other layout tools.

use std::collections::HashMap;

/// Nodes by first appearance, and links between their indices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeList {
    pub ids: Vec<String>,
    /// (source, target, weight); weight 1 where the line gives none.
    pub links: Vec<(usize, usize, f32)>,
}

/// Reads `source,target[,weight]` lines. A first line whose first two fields are `source` and `target` (any
/// case) is a header. Blank lines are skipped; a line with fewer than two fields, an empty id or a weight that
/// is not a number is refused, naming its line.
pub fn read_edge_list(text: &str) -> Result<EdgeList, String> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let mut list = EdgeList::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut node = |id: &str, list: &mut EdgeList| -> usize {
        *index.entry(id.to_owned()).or_insert_with(|| {
            list.ids.push(id.to_owned());
            list.ids.len() - 1
        })
    };
    for (at, record) in reader.records().enumerate() {
        let line = at + 1;
        let record = record.map_err(|error| format!("line {line}: {error}"))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if line == 1 && is_header(&record) {
            continue;
        }
        let (Some(source), Some(target)) = (record.get(0), record.get(1)) else {
            return Err(format!("line {line}: expected source,target[,weight], found one field"));
        };
        if source.is_empty() || target.is_empty() {
            return Err(format!("line {line}: a node id is empty"));
        }
        let weight = match record.get(2).filter(|weight| !weight.is_empty()) {
            None => 1.0,
            Some(weight) => {
                weight.parse::<f32>().map_err(|_| format!("line {line}: the weight \"{weight}\" is not a number"))?
            }
        };
        let (source, target) = (node(source, &mut list), node(target, &mut list));
        list.links.push((source, target, weight));
    }
    Ok(list)
}

fn is_header(record: &csv::StringRecord) -> bool {
    let field = |at: usize| record.get(at).unwrap_or_default().to_lowercase();
    field(0) == "source" && field(1) == "target"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_links_with_and_without_weights_nodes_in_order_of_appearance() {
        let list = read_edge_list("source,target,weight\nA,B,2\nB, C\n\nC,A,0.5\n").unwrap();
        assert_eq!(list.ids, ["A", "B", "C"]);
        assert_eq!(list.links, [(0, 1, 2.0), (1, 2, 1.0), (2, 0, 0.5)]);
    }

    #[test]
    fn a_file_without_a_header_starts_with_a_link() {
        let list = read_edge_list("1,2\n2,3\n").unwrap();
        assert_eq!(list.ids, ["1", "2", "3"]);
        assert_eq!(list.links.len(), 2);
    }

    #[test]
    fn bad_lines_are_refused_with_their_line_number() {
        assert_eq!(read_edge_list("A,B\nC\n").unwrap_err(), "line 2: expected source,target[,weight], found one field");
        assert_eq!(read_edge_list("A,B,heavy\n").unwrap_err(), "line 1: the weight \"heavy\" is not a number");
        assert_eq!(read_edge_list("A,,1\n").unwrap_err(), "line 1: a node id is empty");
        assert_eq!(read_edge_list("").unwrap(), EdgeList::default());
    }
}
