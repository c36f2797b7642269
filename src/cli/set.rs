//! `geodep set FILE PATH VALUE`: one value changed by its record path, the rest of the file kept byte for byte.

use std::path::Path;
use std::process::ExitCode;

use crate::edit::at_path::set_at_path;

pub fn run(file: &Path, path: &str, value: &str) -> ExitCode {
    super::write_back::change_file(file, &format!("set {path}"), |scenario| {
        set_at_path(scenario, path, value).map_err(|error| error.to_string())
    })
}
