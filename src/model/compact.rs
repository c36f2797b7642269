//! Lists read tight: serde grows a list to room for four items at its first, so a record citing one source
//! would keep room for three more. On a file of 100,000 records that is a tenth of the memory of loading it.

use serde::{Deserialize, Deserializer};

/// A list (of ids, of points) read with no spare room (`#[serde(deserialize_with = "crate::model::compact::list")]`).
pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    let mut items = Vec::<T>::deserialize(deserializer)?;
    items.shrink_to_fit();
    Ok(items)
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct Cited {
        #[serde(default, deserialize_with = "super::list")]
        sources: Vec<String>,
    }

    #[test]
    fn lists_keep_no_spare_room() {
        let cited: Cited = ron::from_str(r#"(sources: ["a"])"#).unwrap();
        assert_eq!(cited.sources, ["a"]);
        assert_eq!(cited.sources.capacity(), 1);
        let plain: Vec<String> = ron::from_str(r#"["a"]"#).unwrap();
        assert!(plain.capacity() > 1, "serde keeps spare room, which is why this module exists");
        let empty: Cited = ron::from_str("()").unwrap();
        assert!(empty.sources.is_empty());
    }
}
