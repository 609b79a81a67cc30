//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use postlint::config::{Flags, Settings};
use postlint::engine::Run;
use postlint::report::{self, Format};

/// The date every test run treats as today.
pub const TODAY: &str = "2026-11-23";

pub fn today() -> jiff::civil::Date {
    TODAY.parse().expect("valid date")
}

/// Settings as the CLI would load them from `cwd`, with a fixed today.
pub fn settings(cwd: &Path, flags: Flags) -> Settings {
    let flags = Flags {
        today: Some(today()),
        ..flags
    };
    Settings::load(cwd, &flags, today()).unwrap_or_else(|e| panic!("invalid configuration: {e}"))
}

/// Lints `paths` with the configuration found from `cwd`.
pub fn lint(paths: &[PathBuf], cwd: &Path) -> Run {
    let settings = settings(cwd, Flags::default());
    postlint::lint(paths, &settings).expect("paths exist")
}

pub fn render(format: Format, run: &Run) -> String {
    let mut out = Vec::new();
    report::write(format, run, report::Options::default(), &mut out).expect("write to memory");
    String::from_utf8(out).expect("reporters write UTF-8")
}

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
