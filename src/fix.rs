//! Applying fixes: safe ones with `--fix`, the others too with `--unsafe-fixes`, shown as a
//! diff with `--diff`. Edits that overlap an edit already taken wait for the next pass; files
//! are written atomically (a temporary file in the same folder, then a rename), keep their
//! permissions, and are left alone if they changed since they were read.

use std::io;
use std::path::Path;

use crate::diagnostic::{Applicability, Edit};
use crate::engine::Run;
use crate::posting::FileId;

/// The fixed text of one file.
#[derive(Debug)]
pub struct FileFix {
    pub file: FileId,
    pub path: String,
    pub original: String,
    pub fixed: String,
    /// Findings whose fix was applied.
    pub applied: usize,
}

/// The fixes of `run`, applied in memory: one entry per file that changes.
pub fn plan(run: &Run, unsafe_fixes: bool) -> Vec<FileFix> {
    let mut out = Vec::new();
    for file in &run.files {
        let source = file.source();
        let mut fixes: Vec<&Vec<Edit>> = run
            .diagnostics
            .iter()
            .filter(|d| d.span.file == source.id)
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| f.applicability == Applicability::Safe || unsafe_fixes)
            .filter(|f| f.edits.iter().all(|e| e.span.file == source.id))
            .map(|f| &f.edits)
            .collect();
        fixes.sort_by_key(|edits| edits.iter().map(|e| e.span.start).min());
        // Take whole fixes whose edits overlap nothing taken before, nor one another.
        let mut taken: Vec<&Edit> = Vec::new();
        let mut applied = 0;
        for edits in fixes {
            let overlaps = edits.iter().enumerate().any(|(i, e)| {
                taken.iter().copied().chain(&edits[..i]).any(|t| {
                    e.span.start < t.span.end && t.span.start < e.span.end
                        || (e.span.is_empty() && t.span.is_empty() && e.span.start == t.span.start)
                })
            });
            if overlaps {
                continue;
            }
            taken.extend(edits.iter());
            applied += 1;
        }
        if taken.is_empty() {
            continue;
        }
        taken.sort_by_key(|e| (e.span.start, e.span.end));
        let text = &source.text;
        let mut fixed = String::with_capacity(text.len());
        let mut at = 0;
        for e in taken {
            fixed.push_str(&text[at..e.span.start as usize]);
            fixed.push_str(&e.replacement);
            at = e.span.end as usize;
        }
        fixed.push_str(&text[at..]);
        if fixed != *text {
            out.push(FileFix {
                file: source.id,
                path: source.path.clone(),
                original: text.clone(),
                fixed,
                applied,
            });
        }
    }
    out
}

/// Writes `fix.fixed` over the file at `path`, atomically, if the file still holds what was
/// read. Returns whether it was written.
pub fn write(path: &Path, fix: &FileFix) -> io::Result<bool> {
    let current = std::fs::read(path)?;
    if current != fix.original.as_bytes() {
        return Ok(false);
    }
    let permissions = std::fs::metadata(path)?.permissions();
    let temp = temporary(path, &fix.fixed)?;
    std::fs::set_permissions(temp.path(), permissions)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(true)
}

/// Writes a new file atomically; an existing one is replaced only if `replace` is set.
pub fn write_new(path: &Path, text: &str, replace: bool) -> io::Result<()> {
    let temp = temporary(path, text)?;
    if replace {
        temp.persist(path).map_err(|e| e.error)?;
    } else {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}

/// `text` in a temporary file beside `path`, on disk, ready to be renamed over it.
fn temporary(path: &Path, text: &str) -> io::Result<tempfile::NamedTempFile> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    io::Write::write_all(&mut temp, text.as_bytes())?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// A unified diff of one file's fix.
pub fn diff(fix: &FileFix) -> String {
    similar::TextDiff::from_lines(&fix.original, &fix.fixed)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("a/{}", fix.path.trim_start_matches('/')),
            &format!("b/{}", fix.path.trim_start_matches('/')),
        )
        .to_string()
}
