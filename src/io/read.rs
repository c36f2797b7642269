//! Reading a file's bytes for loading: only regular files (or links to them), never more than
//! [`MAX_FILE_BYTES`], and never blocking on a named pipe or a device.
//!
//! Opening a FIFO for reading blocks until a writer appears, so the file type is checked from the path's
//! metadata before opening, the file is opened without blocking (`O_NONBLOCK` on unix) and its type is checked
//! again on the open handle, which closes the window in which the path could be swapped for a pipe.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// Scenario files larger than this are refused: the largest realistic scenario is a few megabytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why reading failed.
pub(crate) enum ReadFailure {
    TooLarge(u64),
    Io(std::io::Error),
}

/// The whole file at `path`, or a message saying what the path is and why it was not read.
pub(crate) fn read_regular_file(path: &Path, progress: &mut dyn FnMut(u64)) -> Result<Vec<u8>, String> {
    let cannot_open = |error: std::io::Error| format!("cannot open {}: {error}", path.display());
    let metadata = std::fs::metadata(path).map_err(cannot_open)?;
    refuse_unless_regular(path, &metadata)?;
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large_message(metadata.len()));
    }
    let mut file = open_without_blocking(path).map_err(cannot_open)?;
    let opened = file.metadata().map_err(cannot_open)?;
    refuse_unless_regular(path, &opened)?;
    read_bounded(&mut file, opened.len(), progress).map_err(|failure| match failure {
        ReadFailure::TooLarge(size) => too_large_message(size),
        ReadFailure::Io(error) => format!("cannot read {}: {error}", path.display()),
    })
}

/// Refuses folders, pipes, sockets and devices with a message naming what the path is.
fn refuse_unless_regular(path: &Path, metadata: &Metadata) -> Result<(), String> {
    if metadata.is_file() {
        return Ok(());
    }
    let what = kind_of(metadata);
    Err(format!("{} is {what}, not a scenario file; only regular files are read", path.display()))
}

#[cfg(unix)]
fn kind_of(metadata: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let file_type = metadata.file_type();
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_fifo() {
        "a named pipe (FIFO)"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn kind_of(metadata: &Metadata) -> &'static str {
    if metadata.is_dir() { "a folder" } else { "not a regular file" }
}

/// Opens for reading; on unix with `O_NONBLOCK`, so that a pipe swapped in after the first check cannot block
/// the open (reads of a regular file ignore the flag).
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Reads to the end in blocks, reporting progress after each. One byte past the limit is read, so that a file
/// growing while it is read (or a device) is refused too. `expected` (the size the file says it has) reserves
/// the memory once, so that a large file does not take twice its size while the buffer grows.
pub(crate) fn read_bounded(
    reader: &mut dyn Read,
    expected: u64,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<u8>, ReadFailure> {
    const BLOCK: usize = 256 * 1024;
    let reserve = expected.min(MAX_FILE_BYTES) as usize + BLOCK;
    let mut bytes = Vec::with_capacity(reserve);
    let mut limited = reader.take(MAX_FILE_BYTES + 1);
    let mut block = vec![0; BLOCK];
    loop {
        match limited.read(&mut block) {
            Ok(0) => break,
            Ok(read) => {
                bytes.extend_from_slice(&block[..read]);
                progress(bytes.len() as u64);
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(ReadFailure::Io(error)),
        }
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadFailure::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

pub(crate) fn too_large_message(size: u64) -> String {
    let mebibytes = size as f64 / (1024.0 * 1024.0);
    let limit = MAX_FILE_BYTES / (1024 * 1024);
    format!("the file is {mebibytes:.0} MiB; scenario files above {limit} MiB are refused")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn make_fifo(path: &Path) {
        let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
        assert!(status.success());
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_without_opening_it() {
        let folder = tempfile::tempdir().unwrap();
        let pipe = folder.path().join("pipe.ron");
        make_fifo(&pipe);
        // With no writer, opening the pipe for reading would block this test for ever.
        let message = read_regular_file(&pipe, &mut |_| {}).expect_err("a pipe is refused");
        assert!(message.ends_with("is a named pipe (FIFO), not a scenario file; only regular files are read"));
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_and_a_link_to_a_file_is_read() {
        let message = read_regular_file(Path::new("/dev/zero"), &mut |_| {}).expect_err("a device is refused");
        assert_eq!(message, "/dev/zero is a device, not a scenario file; only regular files are read");
        let folder = tempfile::tempdir().unwrap();
        let real = folder.path().join("real.ron");
        std::fs::write(&real, b"Scenario()").unwrap();
        let link = folder.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(read_regular_file(&link, &mut |_| {}).ok().unwrap(), b"Scenario()");
    }

    #[test]
    fn the_buffer_is_reserved_once_for_the_expected_size() {
        let contents = vec![b'x'; 600_000];
        let bytes = read_bounded(&mut &contents[..], contents.len() as u64, &mut |_| {}).ok().unwrap();
        assert_eq!(bytes, contents);
        assert!(bytes.capacity() <= contents.len() + 256 * 1024, "capacity {}", bytes.capacity());
    }
}
