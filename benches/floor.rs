//! The floor postlint's speed is measured against: reading every Markdown file of a folder
//! and running pulldown-cmark over it (with postlint's options), nothing else. No linter of
//! Markdown can do less. `benches/lint.rs` times it beside postlint, and on its own it is the
//! baseline for instruction counts:
//! `valgrind --tool=callgrind target/release/examples/floor <folder>`.

use std::path::Path;

use pulldown_cmark::{Options, Parser};

/// Reads and parses every `.md` file under `dir`, one after the other; returns the number of
/// Markdown events seen, so that none of the work can be optimised away.
pub fn run(dir: &Path) -> std::io::Result<usize> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let mut events = 0;
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&folder)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for path in entries {
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path)?;
                events += Parser::new_ext(&text, options).into_offset_iter().count();
            }
        }
    }
    Ok(events)
}

#[allow(dead_code)]
fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: floor <folder>");
        return std::process::ExitCode::from(2);
    };
    match run(Path::new(&dir)) {
        Ok(events) => {
            println!("{events} Markdown events");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("floor: {dir}: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
