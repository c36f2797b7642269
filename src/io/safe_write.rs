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
//!   real file, and the next successful write of that file removes it.
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
/// again, not edited. Like it, it follows a symbolic link (the link stays a link), keeps the permissions of the
/// file it replaces, refuses a target that is not a regular file (a folder, a device such as `/dev/full`, a
/// pipe) and removes stale temporary files of the target's name.
pub fn write_whole(path: &Path, contents: &[u8]) -> io::Result<()> {
    let as_io_error = |error: SaveError| match error {
        SaveError::IsDirectory { .. } | SaveError::NotRegularFile { .. } => {
            io::Error::new(io::ErrorKind::InvalidInput, not_regular_message(path))
        }
        other => io::Error::other(other.to_string()),
    };
    let target = resolve_links(path).map_err(as_io_error)?;
    let folder = folder_of(&target).map_err(as_io_error)?;
    let previous = previous_permissions(&target).map_err(as_io_error)?;
    write_via_temp(&target, &folder, contents, previous.as_ref(), fill_file).map_err(|error| match error {
        SaveError::Write { source, .. } | SaveError::Rename { source, .. } | SaveError::CreateTemp { source, .. } => {
            source
        }
        other => io::Error::other(other.to_string()),
    })
}

fn not_regular_message(path: &Path) -> String {
    format!(
        "{} is not a regular file (a folder, device, pipe or socket); only regular files are written",
        path.display()
    )
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
    remove_stale_temporaries(folder, dest);
    sync_folder(folder).map_err(|source| SaveError::SyncFolder { path: path(), folder: folder.to_path_buf(), source })
}

/// How many random characters name a temporary file: `.serbia.ron.` + these + `.tmp`.
const TEMPORARY_RANDOM_CHARACTERS: usize = 6;

/// A hidden temp file named after `dest`, so a leftover one is recognisable.
fn create_temp(dest: &Path, folder: &Path) -> Result<NamedTempFile, SaveError> {
    let mut builder = Builder::new();
    let prefix = temporary_prefix(dest);
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(TEMPORARY_RANDOM_CHARACTERS);
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

/// `.serbia.ron.`: how the names of `dest`'s temporary files start.
fn temporary_prefix(dest: &Path) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(dest.file_name().unwrap_or_default());
    prefix.push(".");
    prefix
}

/// Removes temporary files that an earlier write of `dest` left behind when it was killed between making its
/// temporary file and renaming it. Only names of exactly our pattern go (`.serbia.ron.` + six letters or
/// digits + `.tmp`), and only regular files. A write of the same file by another process at this very moment
/// would lose its temporary file and fail cleanly with a rename error, leaving the file as it was. Failures are
/// ignored: the save itself has already succeeded.
fn remove_stale_temporaries(folder: &Path, dest: &Path) {
    let Ok(entries) = fs::read_dir(folder) else { return };
    let prefix = temporary_prefix(dest);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let is_regular = entry.file_type().is_ok_and(|file_type| file_type.is_file());
        if is_regular && is_temporary_name(&name, &prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn is_temporary_name(name: &std::ffi::OsStr, prefix: &std::ffi::OsStr) -> bool {
    let (Some(name), Some(prefix)) = (name.to_str(), prefix.to_str()) else { return false };
    name.strip_prefix(prefix).and_then(|rest| rest.strip_suffix(".tmp")).is_some_and(|random| {
        random.len() == TEMPORARY_RANDOM_CHARACTERS && random.bytes().all(|byte| byte.is_ascii_alphanumeric())
    })
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
mod tests;
