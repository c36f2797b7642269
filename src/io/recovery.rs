//! Autosaved copies of unsaved work, kept in the app's own folder and never over the person's files, so that a
//! crash loses at most a few seconds of editing. Each open document has one recovery file, named by a key; its
//! first line says which file it recovers. Saving or discarding the work removes it; after a crash it is still
//! there, and the next start offers it back.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::Scenario;

const HEADER: &str = "// GeoDep recovery of: ";
const UNTITLED: &str = "(never saved)";

/// The folder recovery files live in.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    folder: PathBuf,
}

/// Unsaved work found in the recovery folder.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveredWork {
    /// The recovery file itself.
    pub file: PathBuf,
    /// The file the work belongs to, if it had been saved before.
    pub original: Option<PathBuf>,
    pub autosaved: Option<SystemTime>,
}

impl Recovery {
    pub fn new(folder: PathBuf) -> Recovery {
        Recovery { folder }
    }

    /// The key of a document's recovery file: from its file's path, or unique to this run for a new document.
    pub fn key(original: Option<&Path>, document_id: u64) -> String {
        match original {
            Some(path) => format!("file-{:016x}", stable_hash(&path.to_string_lossy())),
            None => format!("untitled-{}-{document_id}", std::process::id()),
        }
    }

    /// The recovery file a key names.
    pub fn file(&self, key: &str) -> PathBuf {
        self.folder.join(format!("{key}.ron"))
    }

    /// Writes the scenario as the recovery of `original`, replacing the previous autosave in one step.
    pub fn write(&self, key: &str, original: Option<&Path>, scenario: &Scenario) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.folder)?;
        let origin = original.map_or_else(|| UNTITLED.to_owned(), |path| path.display().to_string());
        let text = format!("{HEADER}{origin}\n{}", crate::io::to_canonical_text(scenario));
        crate::io::safe_write::write_whole(&self.file(key), text.as_bytes())
    }

    /// Removes a recovery file once its work is saved or discarded; one that is already gone is fine.
    pub fn remove(&self, key: &str) {
        let _ = std::fs::remove_file(self.file(key));
    }

    /// Every recovery file in the folder, newest first.
    pub fn list(&self) -> Vec<RecoveredWork> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else { return Vec::new() };
        let mut found: Vec<RecoveredWork> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "ron"))
            .map(|file| {
                let original = read_origin(&file);
                let autosaved = std::fs::metadata(&file).and_then(|metadata| metadata.modified()).ok();
                RecoveredWork { file, original, autosaved }
            })
            .collect();
        found.sort_by_key(|work| std::cmp::Reverse(work.autosaved));
        found
    }

    /// Removes a recovery file found by `list`.
    pub fn discard(&self, work: &RecoveredWork) {
        let _ = std::fs::remove_file(&work.file);
    }
}

/// The original file named on a recovery file's first line.
fn read_origin(file: &Path) -> Option<PathBuf> {
    // Read like a scenario: a pipe or device left in the folder must not block the app.
    let bytes = crate::io::read_regular_file(file, &mut |_| {}).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let origin = text.lines().next()?.strip_prefix(HEADER)?;
    (origin != UNTITLED).then(|| PathBuf::from(origin))
}

/// FNV-1a: the same key for the same path in every run and every build.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autosaved_work_is_listed_with_its_original_and_loads_back() {
        let folder = tempfile::tempdir().unwrap();
        let recovery = Recovery::new(folder.path().join("recovery"));
        let original = Path::new("/home/teacher/serbia.ron");
        let key = Recovery::key(Some(original), 1);
        let scenario = Scenario { title: "Edited".to_owned(), ..Scenario::default() };
        recovery.write(&key, Some(original), &scenario).unwrap();
        recovery.write(&key, Some(original), &scenario).unwrap();
        let found = recovery.list();
        assert_eq!(found.len(), 1, "one file per document, replaced by each autosave");
        assert_eq!(found[0].original.as_deref(), Some(original));
        let loaded = crate::io::load_file(&found[0].file).scenario.expect("a recovery file is a scenario");
        assert_eq!(loaded, scenario);
        recovery.remove(&key);
        assert!(recovery.list().is_empty());
    }

    #[test]
    fn keys_are_stable_for_a_file_and_unique_for_new_documents() {
        let path = Path::new("/tmp/a.ron");
        assert_eq!(Recovery::key(Some(path), 1), Recovery::key(Some(path), 2));
        assert_ne!(Recovery::key(None, 1), Recovery::key(None, 2));
        let folder = tempfile::tempdir().unwrap();
        let recovery = Recovery::new(folder.path().to_owned());
        recovery.write(&Recovery::key(None, 7), None, &Scenario::default()).unwrap();
        assert_eq!(recovery.list()[0].original, None);
    }

    #[test]
    fn a_missing_folder_lists_nothing() {
        assert!(Recovery::new(PathBuf::from("/nonexistent/geodep/recovery")).list().is_empty());
    }
}
