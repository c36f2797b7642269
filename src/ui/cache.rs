//! A one-entry cache for derived data: rebuilt only when its key (document, revision, year, options) changes,
//! never per frame.

pub struct Cached<Key, Value> {
    entry: Option<(Key, Value)>,
}

impl<Key, Value> Default for Cached<Key, Value> {
    fn default() -> Self {
        Cached { entry: None }
    }
}

impl<Key: PartialEq, Value> Cached<Key, Value> {
    /// The value for `key`, built by `build` if the cached one was made for another key.
    pub fn get(&mut self, key: Key, build: impl FnOnce() -> Value) -> &Value {
        if self.entry.as_ref().is_none_or(|(cached, _)| *cached != key) {
            self.entry = Some((key, build()));
        }
        &self.entry.as_ref().expect("filled above").1
    }

    /// The key the value was last built for.
    pub fn key(&self) -> Option<&Key> {
        self.entry.as_ref().map(|(key, _)| key)
    }

    /// The value last built, whatever its key.
    pub fn last(&self) -> Option<&Value> {
        self.entry.as_ref().map(|(_, value)| value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_only_when_the_key_changes() {
        let mut cache: Cached<u32, String> = Cached::default();
        let mut builds = 0;
        for key in [1, 1, 2, 2, 1] {
            cache.get(key, || {
                builds += 1;
                key.to_string()
            });
        }
        assert_eq!(builds, 3);
        assert_eq!(cache.get(1, || unreachable!()), "1");
    }
}
