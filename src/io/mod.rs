//! Files: loading scenario text with diagnostics, and saving it safely in the canonical form.
//! Nothing here knows of egui.

pub mod disk_stamp;
mod ignored_fields;
mod load;
pub mod patch;
mod read;
pub mod recovery;
mod ron_errors;
pub mod safe_write;
mod save;
pub mod text_index;

pub use load::{
    LoadReport, load_bytes, load_file, load_file_keeping_text, load_from_reader_keeping_text, load_text, parse_scenario,
};
pub use read::MAX_FILE_BYTES;
pub(crate) use read::read_regular_file;
pub use safe_write::{SaveError, SaveReport};
pub use save::{save_scenario, to_canonical_text};
