//! One-entry caches for derived data: rebuilt only when their key (document, revision, year, options) changes,
//! never per frame; `InBackground` builds on a worker thread.

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

/// A one-entry cache whose value is worked out on a worker thread, for what takes seconds on a large scenario:
/// `get` gives the value once it is ready and `None` meanwhile, and the window keeps drawing. The worker asks for
/// a repaint when it is done. A newer key starts a new worker; the older one's result is dropped when it comes.
pub struct InBackground<Key, Value> {
    ready: Option<(Key, Value)>,
    working: Option<(Key, std::sync::mpsc::Receiver<Value>)>,
}

impl<Key, Value> Default for InBackground<Key, Value> {
    fn default() -> Self {
        InBackground { ready: None, working: None }
    }
}

impl<Key: PartialEq + Clone, Value: Send + 'static> InBackground<Key, Value> {
    /// The value for `key` if it is ready. Otherwise starts the job `make_job` gives (once per key: it should copy
    /// only what the job needs) and returns `None`.
    pub fn get<Job: FnOnce() -> Value + Send + 'static>(
        &mut self,
        key: Key,
        ctx: &eframe::egui::Context,
        make_job: impl FnOnce() -> Job,
    ) -> Option<&Value> {
        if self.ready.as_ref().is_some_and(|(ready, _)| *ready == key) {
            return self.ready.as_ref().map(|(_, value)| value);
        }
        if let Some((working, receiver)) = &self.working
            && *working == key
        {
            match receiver.try_recv() {
                Ok(value) => {
                    self.working = None;
                    self.ready = Some((key, value));
                    return self.ready.as_ref().map(|(_, value)| value);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => return None,
                // The worker panicked: start again below rather than wait for ever.
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {}
            }
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let job = make_job();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("analysis".into()).spawn(move || {
            // The window may have closed, or moved on to another key: then nobody is listening.
            let _ = sender.send(job());
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => self.working = Some((key, receiver)),
            Err(_) => self.working = None,
        }
        None
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
