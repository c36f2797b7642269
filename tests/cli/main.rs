//! The `geodep` commands run as separate processes on fixtures, generated files and hostile input: what they
//! print, what they write, what they refuse, and that an interrupted save never leaves a half-written file.

mod limited;

mod analysis;
mod check_fmt;
mod edit;
mod export;
mod generate;
mod hostile;
mod import;
mod interrupted_saves;
mod layout;
mod output_failures;
