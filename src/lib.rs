//! postlint: a linter for job postings written in Markdown, in English and French.
//!
//! [`lint`] reads and parses each file once into a [`posting::Posting`], runs the rules of
//! [`rules::all`], and returns a [`engine::Run`] that the reporters in [`report`] print.
//! [`engine::stream`] does the same in bounded memory: it keeps only per-file summaries for
//! the translation rules and hands each file's findings over as soon as they are known.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod engine;
pub mod fix;
pub mod interner;
pub mod memo;
pub mod online;
pub mod posting;
pub mod report;
pub mod rules;
pub mod suppression;

use std::path::PathBuf;

pub use config::{Flags, Settings};
pub use diagnostic::{Diagnostic, Severity};
pub use engine::Run;

/// Finds the files under `paths` and lints them.
pub fn lint(paths: &[PathBuf], settings: &Settings) -> Result<Run, discover::PathError> {
    let found = discover::discover(paths, settings)?;
    Ok(engine::run(found, settings))
}

/// Lints `text` (standard input, an editor's buffer) as if it were the file `name`.
pub fn lint_text(name: PathBuf, text: Vec<u8>, settings: &Settings) -> Run {
    engine::run(discover::Discovered::given(name, text), settings)
}
