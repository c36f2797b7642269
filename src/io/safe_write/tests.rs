//! Tests of safe replacement: links, permissions, backups, failures part-way, and leftovers.

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

#[test]
fn a_save_removes_temporary_files_an_interrupted_save_left_behind() {
    let dir = tempdir().unwrap();
    let path = dir.path().join("serbia.ron");
    fs::write(&path, b"old").unwrap();
    for leftover in [".serbia.ron.Ab12Cd.tmp", ".serbia.ron.bak.x9Y8z7.tmp"] {
        fs::write(dir.path().join(leftover), b"half").unwrap();
    }
    // Not of our naming, or of another file: kept.
    for other in [".other.ron.Ab12Cd.tmp", ".serbia.ron.toolong1.tmp", "notes.tmp"] {
        fs::write(dir.path().join(other), b"mine").unwrap();
    }

    replace_file(&path, b"new").unwrap();

    let expected = [".other.ron.Ab12Cd.tmp", ".serbia.ron.toolong1.tmp", "notes.tmp", "serbia.ron", "serbia.ron.bak"];
    assert_eq!(names_in(dir.path()), expected);
}

#[test]
fn writing_whole_replaces_a_regular_file_and_tidies_leftovers() {
    let dir = tempdir().unwrap();
    let path = dir.path().join("step-01.png");
    fs::write(&path, b"old").unwrap();
    fs::write(dir.path().join(".step-01.png.Qw3rTy.tmp"), b"half").unwrap();

    write_whole(&path, b"new").unwrap();

    assert_eq!(fs::read(&path).unwrap(), b"new");
    assert_eq!(names_in(dir.path()), ["step-01.png"]);
}

#[cfg(unix)]
#[test]
fn writing_whole_refuses_devices_pipes_and_folders_and_leaves_them() {
    let dir = tempdir().unwrap();
    let pipe = dir.path().join("pipe.png");
    assert!(std::process::Command::new("mkfifo").arg(&pipe).status().unwrap().success());
    let folder = dir.path().join("folder.png");
    fs::create_dir(&folder).unwrap();

    for target in [Path::new("/dev/full"), Path::new("/dev/null"), &pipe, &folder] {
        let error = write_whole(target, b"image").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput, "{target:?}: {error}");
        assert!(error.to_string().contains("only regular files are written"), "{error}");
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo());
    assert!(fs::symlink_metadata("/dev/full").unwrap().file_type().is_char_device());
    assert!(folder.is_dir());
    assert_eq!(names_in(dir.path()), ["folder.png", "pipe.png"]);
}

#[cfg(unix)]
#[test]
fn writing_whole_through_a_link_keeps_the_link_and_the_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir().unwrap();
    let real = dir.path().join("real.svg");
    fs::write(&real, b"old").unwrap();
    fs::set_permissions(&real, Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.svg");
    std::os::unix::fs::symlink("real.svg", &link).unwrap();

    write_whole(&link, b"new").unwrap();

    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(fs::read(&real).unwrap(), b"new");
    assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o7777, 0o640);
    assert_eq!(names_in(dir.path()), ["link.svg", "real.svg"]);
}
