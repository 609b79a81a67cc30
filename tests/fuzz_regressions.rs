//! Fuzz regressions: every input saved under `tests/fuzz/<target>/` is replayed through the
//! same calls and assertions as the fuzz target `<target>` (the code is shared: this file
//! includes `fuzz/src/lib.rs`). Each folder must hold at least one input, so no test passes
//! without running its target.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../fuzz/src/lib.rs"]
mod targets;

/// A saved input must run in well under this, even in a debug build.
const SLOW: Duration = Duration::from_secs(30);

/// The files of `tests/fuzz/<target>/`, sorted; fails if there are none.
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target);
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read the inputs of `{target}` in {dir:?}: {e}"));
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable folder entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "{dir:?} holds no input: the `{target}` regression test would pass without running"
    );
    files
}

/// Feeds every saved input of `target` to `run`, and says which input failed.
fn replay(target: &str, run: fn(&[u8])) {
    for path in inputs(target) {
        let bytes = std::fs::read(&path).expect("a readable input");
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{target}: {path:?} panicked");
        let took = started.elapsed();
        assert!(took < SLOW, "{target}: {path:?} took {took:?}");
    }
}

#[test]
fn front_matter() {
    replay("front_matter", targets::front_matter);
}

#[test]
fn metadata_block() {
    replay("metadata_block", targets::metadata_block);
}

#[test]
fn posting() {
    replay("posting", targets::posting);
}

#[test]
fn closing_date() {
    replay("closing_date", targets::closing_date);
}

#[test]
fn pay() {
    replay("pay", targets::pay);
}

/// `lint_text` gives a run of one file whose findings all have a line and column inside it.
#[test]
fn lint() {
    replay("lint", targets::lint);
}
