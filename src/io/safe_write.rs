//! Safe replacement of a file on disk.
//!
//! [`replace_file`] swaps a file's contents for new ones so that, whatever
//! happens (a crash, a power cut, a full disk, a read-only folder), the file
//! on disk is either the complete old version or the complete new one, never
//! a mix. The previous version is kept beside it as `<name>.bak`.
//!
//! This module only moves bytes: it knows nothing of scenarios, of their
//! format, or of egui. Callers serialise first, then hand the bytes here, and
//! show the [`SaveError`] message to the user as it is.
//!
//! # How
//!
//! The new contents go to a temporary file in the same folder as the target,
//! which is flushed to disk and then renamed over the target. A rename within
//! one folder is atomic on every filesystem the app supports, so readers see
//! either the old file or the new one. The folder itself is then flushed so
//! the rename survives a power cut.
//!
//! # Limits
//!
//! * The target gets a new inode: hard links to it keep the old contents, and
//!   its owner, extended attributes and ACLs are not carried over (only the
//!   permission bits are).
//! * A crash between creating a temporary file and renaming it can leave a
//!   hidden `.<name>.XXXXXX.tmp` file behind; it is never mistaken for the
//!   real file and can be deleted.
//! * On unix a file whose own write bit is off is still replaced (as atomic
//!   saving editors do): the folder's permissions are what count. Windows
//!   refuses to replace a read-only file, which shows as a rename error.
//! * The previous version is read whole into memory to write the `.bak`;
//!   scenario files are small.

use std::ffi::OsString;
use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::{Builder, NamedTempFile};

/// How many symbolic links [`replace_file`] follows before deciding they
/// loop; the same limit as Linux (`MAXSYMLINKS`).
const MAX_LINK_HOPS: usize = 40;

/// Why a save failed. Each message names the path involved, the step that
/// failed and the system's reason, and says whether the previous file is
/// still intact, so it can be shown to the user unchanged.
///
/// The `Display` text already ends with the underlying cause; the cause is
/// also available through [`std::error::Error::source`].
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The path ends in `..` or is a root, so there is no file name to write.
    #[error("cannot save to {}: the path does not name a file", path.display())]
    NotAFileName { path: PathBuf },

    /// A symbolic link on the way to the target could not be read.
    #[error("cannot follow the symbolic link {}: {source}", path.display())]
    ReadLink { path: PathBuf, source: io::Error },

    /// Following links never reached a real file or a missing one.
    #[error(
        "cannot save to {}: too many levels of symbolic links (do they point at each other?)",
        path.display()
    )]
    LinkLoop { path: PathBuf },

    /// The folder that should hold the file is missing or is not a folder.
    #[error(
        "cannot save {}: the folder {} does not exist or is not a folder",
        path.display(),
        folder.display()
    )]
    NoFolder { path: PathBuf, folder: PathBuf },

    /// The target or its folder could not be examined (e.g. no search
    /// permission on a folder above it).
    #[error("cannot examine {}: {source}", path.display())]
    Inspect { path: PathBuf, source: io::Error },

    /// The target is a folder; replacing it by a file would destroy it.
    #[error("cannot save to {}: it is a folder, not a file", path.display())]
    IsDirectory { path: PathBuf },

    /// The target is a device, pipe or socket, which must not be swapped for
    /// a regular file.
    #[error(
        "cannot save to {}: it is not a regular file (a device, pipe or socket)",
        path.display()
    )]
    NotRegularFile { path: PathBuf },

    /// The previous version could not be read to back it up.
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    /// Keeping the previous version as `.bak` failed; the save was abandoned
    /// before the target was touched. `source` says which step failed.
    #[error(
        "cannot keep a backup of {} as {}, so nothing was saved: {source}",
        path.display(),
        backup.display()
    )]
    Backup { path: PathBuf, backup: PathBuf, source: Box<SaveError> },

    /// No temporary file could be created next to the target.
    #[error(
        "cannot create a temporary file in {} (the folder is read-only or missing): {source}",
        folder.display()
    )]
    CreateTemp { folder: PathBuf, source: io::Error },

    /// The previous file's permissions could not be given to the new one.
    #[error(
        "cannot give the new {} the permissions of the previous one: {source}; the previous file is unchanged",
        path.display()
    )]
    Permissions { path: PathBuf, source: io::Error },

    /// Writing or flushing the new contents failed (full disk, I/O error).
    #[error("cannot write {}: {source}; the previous file is unchanged", path.display())]
    Write { path: PathBuf, source: io::Error },

    /// The finished temporary file could not be renamed over the target.
    #[error(
        "cannot replace {} with the new version: {source}; the previous file is unchanged",
        path.display()
    )]
    Rename { path: PathBuf, source: io::Error },

    /// The file WAS replaced, but the folder could not be flushed, so the
    /// rename might not survive a power cut happening right now.
    #[error(
        "{} was saved, but the folder {} could not be flushed to disk: {source}; \
         the save could be lost if the computer loses power now",
        path.display(),
        folder.display()
    )]
    SyncFolder { path: PathBuf, folder: PathBuf, source: io::Error },
}

/// What a successful [`replace_file`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveReport {
    /// The real file written, after resolving symbolic links: absolute and
    /// canonical when the system can tell (on Windows a `\\?\` path), else
    /// the link chain's end as followed.
    pub written: PathBuf,
    /// Where the previous version was kept, or `None` when the file is new.
    pub backup: Option<PathBuf>,
}

/// Replace `path` with `contents` safely.
///
/// 1. A symbolic link (chains too, relative ones resolved from the link's
///    folder) is followed to its final target, so the link stays a link and
///    the target is replaced. A path that does not exist yet is created; its
///    folder must exist. A dangling link is written through: its target is
///    created if the target's folder exists, else [`SaveError::NoFolder`].
/// 2. If the target exists, its previous contents are kept as
///    `<file name>.bak` beside the target (e.g. `serbia.ron.bak`), written
///    through a temporary file and a rename like the file itself, with the
///    same permissions. If that fails the whole save fails with
///    [`SaveError::Backup`] before the target is touched.
/// 3. `contents` go to a temporary file `.<name>.XXXXXX.tmp` in the SAME
///    folder (a rename across filesystems would not be atomic), which is
///    given the previous file's permissions (a new file gets the usual
///    `0o666` minus umask), written, flushed and `sync_all`ed.
/// 4. The temporary file is renamed over the target, and the folder is
///    flushed (unix only; ignored where the filesystem does not support it).
///
/// A target that is a folder ([`SaveError::IsDirectory`]) or a device, pipe
/// or socket ([`SaveError::NotRegularFile`]) is refused.
///
/// On any failure the temporary file is removed, the target is untouched and
/// the error says which step failed and why. The one exception is
/// [`SaveError::SyncFolder`]: the file has already been replaced, only its
/// durability against an immediate power cut is in doubt.
pub fn replace_file(path: &Path, contents: &[u8]) -> Result<SaveReport, SaveError> {
    replace_file_with(path, contents, fill_file)
}

/// Writes a file whole or not at all (an exported slide, an autosaved recovery file): through a temporary file
/// in the same folder, renamed over `path`. Unlike [`replace_file`] it keeps no `.bak`: such files are made
/// again, not edited.
pub fn write_whole(path: &Path, contents: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // Readable by others like any file the person saves (the umask still applies), not private like a temporary.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(folder)?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// Puts the bytes into an open temporary file. `dest` is the path the file
/// will be renamed to; production ignores it, tests use it to fail only one
/// of the two files a save writes.
type Fill = fn(dest: &Path, file: &mut File, contents: &[u8]) -> io::Result<()>;

/// The normal way of filling a temporary file.
fn fill_file(_dest: &Path, file: &mut File, contents: &[u8]) -> io::Result<()> {
    file.write_all(contents)?;
    file.flush()
}

/// [`replace_file`] with the writing step injectable, so tests can make it
/// fail like a full disk and watch the whole save recover.
fn replace_file_with(path: &Path, contents: &[u8], fill: Fill) -> Result<SaveReport, SaveError> {
    let target = resolve_links(path)?;
    let folder = folder_of(&target)?;
    let previous = previous_permissions(&target)?;
    // The backup comes first: if it cannot be made, the target must not be
    // touched, since the .bak is the user's way back.
    if let Some(perms) = &previous {
        back_up(&target, &folder, perms, fill)?;
    }
    write_via_temp(&target, &folder, contents, previous.as_ref(), fill)?;
    // Canonical form only for the report; errors keep the user's own spelling.
    let written = fs::canonicalize(&target).unwrap_or(target);
    let backup = previous.map(|_| backup_path(&written));
    Ok(SaveReport { written, backup })
}

/// Follows symbolic links at the end of `path` until a non-link or a
/// missing file. Links in the folders above are left to the OS, which
/// resolves them the same way for the temp file and the rename.
fn resolve_links(path: &Path) -> Result<PathBuf, SaveError> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINK_HOPS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let pointee =
                    fs::read_link(&current).map_err(|source| SaveError::ReadLink { path: current.clone(), source })?;
                // A relative link is relative to the folder holding the link;
                // an absolute one replaces the whole path in `join`.
                current = match current.parent() {
                    Some(folder) => folder.join(pointee),
                    None => pointee,
                };
            }
            Ok(_) => return Ok(current),
            // Missing, or a "folder" above it is a file: the next step
            // reports the folder problem with a clearer message.
            Err(e) if is_missing(&e) => return Ok(current),
            Err(source) => {
                return Err(SaveError::Inspect { path: current, source });
            }
        }
    }
    Err(SaveError::LinkLoop { path: path.to_path_buf() })
}

fn is_missing(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory)
}

/// The folder that will hold `target` (and its temp and .bak files), checked
/// to exist: it is never created, since a missing folder usually means a
/// mistyped path or an unplugged drive.
fn folder_of(target: &Path) -> Result<PathBuf, SaveError> {
    if target.file_name().is_none() {
        return Err(SaveError::NotAFileName { path: target.to_path_buf() });
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        // A bare file name lives in the current folder.
        _ => PathBuf::from("."),
    };
    match fs::metadata(&folder) {
        Ok(meta) if meta.is_dir() => Ok(folder),
        Ok(_) => Err(no_folder(target, folder)),
        Err(e) if is_missing(&e) => Err(no_folder(target, folder)),
        Err(source) => Err(SaveError::Inspect { path: folder, source }),
    }
}

fn no_folder(target: &Path, folder: PathBuf) -> SaveError {
    SaveError::NoFolder { path: target.to_path_buf(), folder }
}

/// The permissions of the file being replaced, or `None` if it is new.
/// Refuses targets that are not regular files.
fn previous_permissions(target: &Path) -> Result<Option<Permissions>, SaveError> {
    let path = || target.to_path_buf();
    match fs::metadata(target) {
        Ok(meta) if meta.is_dir() => Err(SaveError::IsDirectory { path: path() }),
        Ok(meta) if !meta.is_file() => Err(SaveError::NotRegularFile { path: path() }),
        Ok(meta) => Ok(Some(meta.permissions())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SaveError::Inspect { path: path(), source }),
    }
}

/// `serbia.ron` → `serbia.ron.bak`, in the same folder.
fn backup_path(target: &Path) -> PathBuf {
    let mut name: OsString = target.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    target.with_file_name(name)
}

/// Copies the current `target` to its `.bak`, atomically like the save
/// itself, so a crash here never leaves a half-written backup.
fn back_up(target: &Path, folder: &Path, perms: &Permissions, fill: Fill) -> Result<(), SaveError> {
    let backup = backup_path(target);
    let result = fs::read(target)
        .map_err(|source| SaveError::Read { path: target.to_path_buf(), source })
        .and_then(|old| write_via_temp(&backup, folder, &old, Some(perms), fill));
    result.map_err(|source| SaveError::Backup { path: target.to_path_buf(), backup, source: Box::new(source) })
}

/// Writes `contents` to a temp file in `folder`, flushes it to disk and
/// renames it to `dest`. Any early return drops the `NamedTempFile`, which
/// deletes the temp file, so failures leave nothing behind.
fn write_via_temp(
    dest: &Path,
    folder: &Path,
    contents: &[u8],
    perms: Option<&Permissions>,
    fill: Fill,
) -> Result<(), SaveError> {
    let path = || dest.to_path_buf();
    let mut temp = create_temp(dest, folder)?;
    // Before writing, so the one sync_all below also makes the mode durable;
    // the open handle keeps write access even if the mode is read-only.
    if let Some(perms) = perms {
        carry_permissions(temp.as_file(), perms).map_err(|source| SaveError::Permissions { path: path(), source })?;
    }
    fill(dest, temp.as_file_mut(), contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|source| SaveError::Write { path: path(), source })?;
    // On failure the error holds the temp file, and dropping it deletes it.
    temp.persist(dest).map_err(|e| SaveError::Rename { path: path(), source: e.error })?;
    sync_folder(folder).map_err(|source| SaveError::SyncFolder { path: path(), folder: folder.to_path_buf(), source })
}

/// A hidden temp file named after `dest`, so a leftover one is recognisable.
fn create_temp(dest: &Path, folder: &Path) -> Result<NamedTempFile, SaveError> {
    let mut prefix = OsString::from(".");
    prefix.push(dest.file_name().unwrap_or_default());
    prefix.push(".");
    let mut builder = Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // tempfile's private 0o600 would make every NEW file unreadable to the
    // group and others; ask for what `File::create` gives (0o666 - umask).
    // Replaced files get their old mode afterwards anyway.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder).map_err(|source| SaveError::CreateTemp { folder: folder.to_path_buf(), source })
}

/// Gives the temp file the replaced file's mode bits (setuid etc. included).
#[cfg(unix)]
fn carry_permissions(file: &File, perms: &Permissions) -> io::Result<()> {
    file.set_permissions(perms.clone())
}

/// Windows permissions are only the read-only flag: copying it would make
/// the temp file undeletable on failure, and Windows refuses to rename over
/// a read-only file anyway, so there is nothing useful to carry.
#[cfg(not(unix))]
fn carry_permissions(_file: &File, _perms: &Permissions) -> io::Result<()> {
    Ok(())
}

/// Flushes the folder's entry list, which is what makes the rename itself
/// survive a power cut on unix filesystems.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    match File::open(folder).and_then(|dir| dir.sync_all()) {
        // Some filesystems (and some network or FUSE ones) cannot fsync a
        // folder; there is nothing more we can do there.
        Err(e) if matches!(e.kind(), io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported) => Ok(()),
        other => other,
    }
}

/// Std cannot open a folder as a file on Windows, and NTFS journals renames.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tempfile::tempdir;

    /// Names in `dir` that look like our temporary files.
    fn temp_files_in(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect()
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn creates_a_new_file_and_leaves_no_temp_file() {
        let dir = tempdir().unwrap();
        let path = dir.path().join("serbia.ron");

        let report = replace_file(&path, b"(name: \"Serbia\")").unwrap();

        assert_eq!(fs::read(&path).unwrap(), b"(name: \"Serbia\")");
        assert_eq!(report.written, fs::canonicalize(&path).unwrap());
        assert_eq!(report.backup, None);
        assert_eq!(names_in(dir.path()), ["serbia.ron"]);
    }

    /// A new file must be as readable as one made by `File::create`, not
    /// tempfile's private 0o600.
    #[cfg(unix)]
    #[test]
    fn new_file_gets_the_usual_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempdir().unwrap();
        let reference = dir.path().join("reference");
        File::create(&reference).unwrap();
        let path = dir.path().join("new.ron");

        replace_file(&path, b"x").unwrap();

        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode(&path), mode(&reference));
    }

    #[test]
    fn replacing_keeps_the_old_contents_in_bak() {
        let dir = tempdir().unwrap();
        let path = dir.path().join("serbia.ron");
        fs::write(&path, b"old").unwrap();

        let report = replace_file(&path, b"new").unwrap();

        let bak = dir.path().join("serbia.ron.bak");
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read(&bak).unwrap(), b"old");
        assert_eq!(report.backup, Some(fs::canonicalize(&bak).unwrap()));
        assert!(temp_files_in(dir.path()).is_empty());
    }

    #[test]
    fn three_saves_leave_the_third_in_the_file_and_the_second_in_bak() {
        let dir = tempdir().unwrap();
        let path = dir.path().join("serbia.ron");

        for contents in [&b"first"[..], b"second", b"third"] {
            replace_file(&path, contents).unwrap();
            assert!(temp_files_in(dir.path()).is_empty());
        }

        assert_eq!(fs::read(&path).unwrap(), b"third");
        assert_eq!(fs::read(dir.path().join("serbia.ron.bak")).unwrap(), b"second");
        assert_eq!(names_in(dir.path()), ["serbia.ron", "serbia.ron.bak"]);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_on_the_file_and_the_bak() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempdir().unwrap();
        let path = dir.path().join("serbia.ron");
        fs::write(&path, b"old").unwrap();
        // Neither tempfile's 0o600 nor the usual 0o644, so a lost mode shows.
        fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();

        replace_file(&path, b"new").unwrap();

        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode(&path), 0o640);
        assert_eq!(mode(&dir.path().join("serbia.ron.bak")), 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_stays_a_link_and_its_target_is_replaced() {
        use std::os::unix::fs::symlink;
        let dir = tempdir().unwrap();
        let real_dir = dir.path().join("real");
        let link_dir = dir.path().join("links");
        fs::create_dir(&real_dir).unwrap();
        fs::create_dir(&link_dir).unwrap();
        let real = real_dir.join("serbia.ron");
        fs::write(&real, b"old").unwrap();
        // Relative, so it must be resolved from the link's folder, not the cwd.
        let link = link_dir.join("serbia.ron");
        symlink("../real/serbia.ron", &link).unwrap();

        let report = replace_file(&link, b"new").unwrap();

        let link_meta = fs::symlink_metadata(&link).unwrap();
        assert!(link_meta.file_type().is_symlink());
        assert_eq!(fs::read_link(&link).unwrap(), Path::new("../real/serbia.ron"));
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(fs::read(real_dir.join("serbia.ron.bak")).unwrap(), b"old");
        assert_eq!(names_in(&link_dir), ["serbia.ron"]);
        assert_eq!(report.written, fs::canonicalize(&real).unwrap());
        assert!(temp_files_in(&real_dir).is_empty());
        assert!(temp_files_in(&link_dir).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_chain_of_links_is_followed_to_the_end() {
        use std::os::unix::fs::symlink;
        let dir = tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let middle = dir.path().join("middle.ron");
        let first = dir.path().join("first.ron");
        fs::write(&real, b"old").unwrap();
        symlink(&real, &middle).unwrap();
        symlink(&middle, &first).unwrap();

        replace_file(&first, b"new").unwrap();

        assert!(fs::symlink_metadata(&first).unwrap().is_symlink());
        assert!(fs::symlink_metadata(&middle).unwrap().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(fs::read(dir.path().join("real.ron.bak")).unwrap(), b"old");
        assert_eq!(names_in(dir.path()), ["first.ron", "middle.ron", "real.ron", "real.ron.bak"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_is_an_error_not_a_hang() {
        use std::os::unix::fs::symlink;
        let dir = tempdir().unwrap();
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        symlink(&b, &a).unwrap();
        symlink(&a, &b).unwrap();

        let err = replace_file(&a, b"new").unwrap_err();

        assert!(matches!(err, SaveError::LinkLoop { .. }), "{err:?}");
        assert!(err.to_string().contains("symbolic links"), "{err}");
        assert_eq!(names_in(dir.path()), ["a.ron", "b.ron"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_creates_its_target_when_the_folder_exists() {
        use std::os::unix::fs::symlink;
        let dir = tempdir().unwrap();
        let real = dir.path().join("not-yet.ron");
        let link = dir.path().join("link.ron");
        symlink(&real, &link).unwrap();

        let report = replace_file(&link, b"new").unwrap();

        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(report.backup, None);
        assert_eq!(names_in(dir.path()), ["link.ron", "not-yet.ron"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_into_a_missing_folder_is_an_error() {
        use std::os::unix::fs::symlink;
        let dir = tempdir().unwrap();
        let missing = dir.path().join("gone");
        let link = dir.path().join("link.ron");
        symlink(missing.join("file.ron"), &link).unwrap();

        let err = replace_file(&link, b"new").unwrap_err();

        assert!(matches!(err, SaveError::NoFolder { .. }), "{err:?}");
        assert!(err.to_string().contains(&*missing.to_string_lossy()), "{err}");
        assert!(!missing.exists());
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    }

    #[test]
    fn a_folder_as_target_is_refused() {
        let dir = tempdir().unwrap();
        let target = dir.path().join("scenarios");
        fs::create_dir(&target).unwrap();

        let err = replace_file(&target, b"new").unwrap_err();

        assert!(matches!(err, SaveError::IsDirectory { .. }), "{err:?}");
        assert!(err.to_string().contains("is a folder"), "{err}");
        assert!(target.is_dir());
        assert!(names_in(&target).is_empty());
        assert_eq!(names_in(dir.path()), ["scenarios"]);
    }

    /// Root can write anywhere, but not inside a regular file.
    #[test]
    fn a_parent_that_is_a_file_is_an_error_naming_it() {
        let dir = tempdir().unwrap();
        let not_a_folder = dir.path().join("notes.txt");
        fs::write(&not_a_folder, b"notes").unwrap();

        let err = replace_file(&not_a_folder.join("serbia.ron"), b"new").unwrap_err();

        assert!(matches!(err, SaveError::NoFolder { .. }), "{err:?}");
        assert!(err.to_string().contains(&*not_a_folder.to_string_lossy()), "{err}");
        assert_eq!(fs::read(&not_a_folder).unwrap(), b"notes");
        assert_eq!(names_in(dir.path()), ["notes.txt"]);
    }

    #[test]
    fn a_missing_folder_is_an_error_and_is_not_created() {
        let dir = tempdir().unwrap();
        let missing = dir.path().join("missing");

        let err = replace_file(&missing.join("serbia.ron"), b"new").unwrap_err();

        assert!(matches!(err, SaveError::NoFolder { .. }), "{err:?}");
        assert!(err.to_string().contains(&*missing.to_string_lossy()), "{err}");
        assert!(!missing.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_fails_and_leaves_the_file_unchanged() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempdir().unwrap();
        let folder = dir.path().join("locked");
        fs::create_dir(&folder).unwrap();
        let path = folder.join("serbia.ron");
        let original = b"old \x00\xff contents".to_vec();
        fs::write(&path, &original).unwrap();
        fs::set_permissions(&folder, Permissions::from_mode(0o555)).unwrap();

        // Root (as in CI containers) ignores permission bits; the
        // parent-is-a-file and backup-is-a-folder tests cover that case.
        let probe = folder.join("probe");
        if File::create(&probe).is_ok() {
            fs::remove_file(&probe).unwrap();
            fs::set_permissions(&folder, Permissions::from_mode(0o755)).unwrap();
            eprintln!("skipped: running as root, a read-only folder is still writable");
            return;
        }

        let err = replace_file(&path, b"new").unwrap_err();
        let new_file_err = replace_file(&folder.join("other.ron"), b"new").unwrap_err();
        // Let the tempdir be cleaned up even if an assertion fails below.
        fs::set_permissions(&folder, Permissions::from_mode(0o755)).unwrap();

        let folder_name = folder.to_string_lossy();
        assert!(err.to_string().contains(&*folder_name), "{err}");
        assert!(matches!(err, SaveError::Backup { .. }), "{err:?}");
        assert!(matches!(new_file_err, SaveError::CreateTemp { .. }), "{new_file_err:?}");
        assert!(new_file_err.to_string().contains(&*folder_name));
        assert_eq!(fs::read(&path).unwrap(), original);
        assert_eq!(names_in(&folder), ["serbia.ron"]);
    }

    /// A folder squatting on the .bak name makes the backup's rename fail,
    /// even for root: the save must stop before touching the target.
    #[test]
    fn a_failing_backup_stops_the_save_before_the_target_is_touched() {
        let dir = tempdir().unwrap();
        let path = dir.path().join("serbia.ron");
        fs::write(&path, b"old").unwrap();
        let bak = dir.path().join("serbia.ron.bak");
        fs::create_dir(&bak).unwrap();
        fs::write(bak.join("keep"), b"keep").unwrap();

        let err = replace_file(&path, b"new").unwrap_err();

        match &err {
            SaveError::Backup { source, .. } => {
                assert!(matches!(**source, SaveError::Rename { .. }), "{source:?}");
            }
            other => panic!("expected a backup error, got {other:?}"),
        }
        let message = err.to_string();
        assert!(message.contains("cannot keep a backup"), "{message}");
        assert!(message.contains("nothing was saved"), "{message}");
        assert!(message.contains(&*bak.to_string_lossy()), "{message}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(fs::read(bak.join("keep")).unwrap(), b"keep");
        assert!(temp_files_in(dir.path()).is_empty());
    }

    /// Writes half the contents to the temp file, then fails with the
    /// kernel's own ENOSPC from /dev/full, like a disk filling up mid-write.
    /// The .bak is written normally so the MAIN write is what fails.
    #[cfg(target_os = "linux")]
    fn fill_until_disk_full(dest: &Path, file: &mut File, contents: &[u8]) -> io::Result<()> {
        if dest.extension().is_some_and(|ext| ext == "bak") {
            return fill_file(dest, file, contents);
        }
        file.write_all(&contents[..contents.len() / 2])?;
        let mut full = fs::OpenOptions::new().write(true).open("/dev/full")?;
        full.write_all(contents)?;
        full.flush()
    }

    /// Fails every write, the .bak included.
    #[cfg(target_os = "linux")]
    fn always_disk_full(_dest: &Path, _file: &mut File, contents: &[u8]) -> io::Result<()> {
        let mut full = fs::OpenOptions::new().write(true).open("/dev/full")?;
        full.write_all(contents)
    }

    #[cfg(target_os = "linux")]
    fn assert_disk_full(err: &SaveError) {
        match err {
            SaveError::Write { source, .. } => {
                assert_eq!(source.kind(), io::ErrorKind::StorageFull, "{source:?}");
            }
            other => panic!("expected a write error, got {other:?}"),
        }
        let message = err.to_string();
        assert!(message.contains("No space left on device"), "{message}");
        assert!(message.contains("the previous file is unchanged"), "{message}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_leaves_the_target_unchanged_and_no_temp_file() {
        let dir = tempdir().unwrap();
        let path = dir.path().join("serbia.ron");
        fs::write(&path, b"old").unwrap();

        let err = replace_file_with(&path, b"the new contents", fill_until_disk_full).unwrap_err();

        assert_disk_full(&err);
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert!(temp_files_in(dir.path()).is_empty(), "{:?}", names_in(dir.path()));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_during_the_backup_stops_the_save() {
        let dir = tempdir().unwrap();
        let path = dir.path().join("serbia.ron");
        fs::write(&path, b"old").unwrap();

        let err = replace_file_with(&path, b"new", always_disk_full).unwrap_err();

        match &err {
            SaveError::Backup { source, .. } => assert_disk_full(source),
            other => panic!("expected a backup error, got {other:?}"),
        }
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(names_in(dir.path()), ["serbia.ron"]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_on_a_new_file_creates_nothing() {
        let dir = tempdir().unwrap();
        let path = dir.path().join("serbia.ron");

        let err = replace_file_with(&path, b"new", fill_until_disk_full).unwrap_err();

        assert_disk_full(&err);
        assert!(names_in(dir.path()).is_empty(), "{:?}", names_in(dir.path()));
    }

    /// The wording the UI shows; pinned because users act on it.
    #[cfg(target_os = "linux")]
    #[test]
    fn messages_name_the_path_the_step_and_the_reason() {
        let create = SaveError::CreateTemp { folder: PathBuf::from("/x/y"), source: io::Error::from_raw_os_error(13) };
        assert_eq!(
            create.to_string(),
            "cannot create a temporary file in /x/y (the folder is read-only or missing): \
             Permission denied (os error 13)"
        );
        let write = SaveError::Write { path: PathBuf::from("/x/y/z.ron"), source: io::Error::from_raw_os_error(28) };
        assert_eq!(
            write.to_string(),
            "cannot write /x/y/z.ron: No space left on device (os error 28); \
             the previous file is unchanged"
        );
    }

    #[test]
    fn backup_sits_beside_the_file_with_bak_appended() {
        assert_eq!(backup_path(Path::new("/data/serbia.ron")), Path::new("/data/serbia.ron.bak"));
        assert_eq!(backup_path(Path::new("serbia.ron")), Path::new("serbia.ron.bak"));
    }
}
