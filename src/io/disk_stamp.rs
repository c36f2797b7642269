//! What a file looked like on disk when the document last read or wrote it (its modification time and size), so
//! that a change made by another program is noticed before anything is overwritten.

use std::path::Path;
use std::time::SystemTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl FileStamp {
    /// The file's stamp now, or `None` when it does not exist (or cannot be read).
    pub fn of(path: &Path) -> Option<FileStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(FileStamp { modified: metadata.modified().ok(), len: metadata.len() })
    }
}

/// How the file on disk differs from what the document knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskChange {
    /// Another program wrote to it.
    Changed,
    /// It was deleted or moved away.
    Missing,
}

/// Compares the file's stamp now with the one the document knows.
pub fn disk_change(path: &Path, known: Option<FileStamp>) -> Option<DiskChange> {
    match (FileStamp::of(path), known) {
        (None, Some(_)) => Some(DiskChange::Missing),
        (Some(now), Some(known)) if now != known => Some(DiskChange::Changed),
        (Some(_), None) => Some(DiskChange::Changed),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewrite_or_a_removal_is_noticed() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("scenario.ron");
        std::fs::write(&path, "first").unwrap();
        let known = FileStamp::of(&path);
        assert_eq!(disk_change(&path, known), None);
        std::fs::write(&path, "second, longer").unwrap();
        assert_eq!(disk_change(&path, known), Some(DiskChange::Changed));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(disk_change(&path, known), Some(DiskChange::Missing));
        assert_eq!(disk_change(&path, None), None, "a file never written is no change");
    }
}
