//! `geodep import`: other tools' files (CSV sheets, Eurostat tables, a wide table, GraphML, GEXF) into a new
//! scenario file, with a report of what was mapped, what was skipped and why.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::output::{Output, say, tell_user};
use crate::exchange::{ImportMapping, InputFile};

pub fn run(inputs: &[PathBuf], out: &Path, mapping: Option<&Path>, overwrite: bool) -> ExitCode {
    if out.exists() && !overwrite {
        tell_user!(
            "geodep import: {} exists; choose another name, or pass --overwrite to replace it (its previous \
             version is kept as .bak)",
            out.display()
        );
        return ExitCode::FAILURE;
    }
    let Some(mapping) = read_mapping(mapping) else { return ExitCode::FAILURE };
    let Some(files) = read_inputs(inputs) else { return ExitCode::FAILURE };
    let (scenario, report) = crate::exchange::import(&files, &mapping, &mut |_| {});
    let mut output = Output::stdout();
    for line in report.to_string().lines() {
        say!(output, "{line}");
    }
    if report.files.iter().all(|file| file.refused.is_some()) {
        tell_user!("geodep import: nothing could be imported; {} not written", out.display());
        return output.finish(ExitCode::FAILURE);
    }
    let text = crate::io::to_canonical_text(&scenario);
    let written = if out.exists() {
        crate::io::safe_write::replace_file(out, text.as_bytes()).map(|_| ()).map_err(|error| error.to_string())
    } else {
        crate::io::safe_write::write_whole(out, text.as_bytes()).map_err(|error| error.to_string())
    };
    if let Err(error) = written {
        tell_user!("geodep import: cannot write {}: {error}", out.display());
        return output.finish(ExitCode::FAILURE);
    }
    let errors = report.error_count();
    if errors > 0 {
        tell_user!(
            "wrote {} with {errors} error(s) listed above; open it in GeoDep (or edit it) to fix them",
            out.display()
        );
        return output.finish(ExitCode::FAILURE);
    }
    tell_user!("wrote {}", out.display());
    output.finish(ExitCode::SUCCESS)
}

fn read_mapping(path: Option<&Path>) -> Option<ImportMapping> {
    let Some(path) = path else { return Some(ImportMapping::default()) };
    let text = match crate::io::read_regular_file(path, &mut |_| {}) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned()),
        Err(error) => Err(error),
    };
    match text.and_then(|text| ImportMapping::from_ron(&text)) {
        Ok(mapping) => Some(mapping),
        Err(error) => {
            tell_user!("geodep import: the mapping {}: {error}", path.display());
            None
        }
    }
}

fn read_inputs(paths: &[PathBuf]) -> Option<Vec<InputFile>> {
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        match crate::io::read_regular_file(path, &mut |_| {}) {
            Ok(bytes) => files.push(InputFile { name: display_name(path), bytes }),
            Err(error) => {
                tell_user!("geodep import: {error}");
                return None;
            }
        }
    }
    Some(files)
}

/// The file's name as the report shows it (and sheets are told apart by): its last component.
fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}
