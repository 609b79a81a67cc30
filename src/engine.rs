//! The flow, nothing more: read and parse every file once (in parallel), run the rules,
//! apply suppressions, sort.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::{FileSettings, Settings};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::discover::{self, Discovered};
use crate::posting::{FileId, Posting, SourceFile};
use crate::rules::{self, Check, Context, Rule};
use crate::suppression;

/// A file of the run: parsed, or left unparsed because it could not be read as text.
#[derive(Debug)]
pub enum File {
    Posting(Box<Posting>),
    Unread(SourceFile),
}

impl File {
    pub fn source(&self) -> &SourceFile {
        match self {
            File::Posting(p) => &p.source,
            File::Unread(s) => s,
        }
    }
}

/// Everything a reporter needs.
#[derive(Debug)]
pub struct Run {
    /// Indexed by [`FileId`].
    pub files: Vec<File>,
    /// Sorted by path, offset, rule id.
    pub diagnostics: Vec<Diagnostic>,
}

impl Run {
    pub fn source(&self, id: FileId) -> &SourceFile {
        self.files[id.0 as usize].source()
    }

    pub fn postings(&self) -> impl Iterator<Item = &Posting> {
        self.files.iter().filter_map(|f| match f {
            File::Posting(p) => Some(p.as_ref()),
            File::Unread(_) => None,
        })
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Lints the discovered files.
pub fn run(found: Discovered, settings: &Settings) -> Run {
    let mut entries: Vec<(PathBuf, Option<String>)> =
        found.files.into_iter().map(|p| (p, None)).collect();
    entries.extend(
        found
            .errors
            .into_iter()
            .map(|(p, reason)| (p, Some(reason))),
    );
    entries.sort_by_key(|(p, _)| discover::display(p));
    let results: Vec<(File, Vec<Diagnostic>)> = entries
        .par_iter()
        .enumerate()
        .map(|(i, (path, walk_error))| {
            let id = FileId(i as u32);
            let file_settings = settings.for_path(path);
            match walk_error {
                Some(reason) => unread_file(id, path, reason, &file_settings),
                None => lint_file(id, path, &file_settings, settings),
            }
        })
        .collect();
    let mut files = Vec::with_capacity(results.len());
    let mut diagnostics = Vec::new();
    for (file, mut found) in results {
        files.push(file);
        diagnostics.append(&mut found);
    }
    diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start, a.rule, a.span.end, &a.message).cmp(&(
            b.span.file,
            b.span.start,
            b.rule,
            b.span.end,
            &b.message,
        ))
    });
    Run { files, diagnostics }
}

fn engine_diagnostic(
    settings: &FileSettings,
    rule: &'static Rule,
    file: &SourceFile,
    range: std::ops::Range<usize>,
    message: String,
    help: &str,
) -> Option<Diagnostic> {
    let severity = settings.severity(rule)?;
    let mut d = Diagnostic::new(rule.id, severity, file.span(range), message);
    d.help(help);
    Some(d)
}

fn unread_file(
    id: FileId,
    path: &std::path::Path,
    reason: &str,
    settings: &FileSettings,
) -> (File, Vec<Diagnostic>) {
    let source = SourceFile::new(id, discover::display(path), String::new());
    let d = engine_diagnostic(
        settings,
        &rules::io::IO_ERROR,
        &source,
        0..0,
        format!("cannot read the file: {reason}"),
        "Check that the file exists and can be read; the other files were checked.",
    );
    (File::Unread(source), d.into_iter().collect())
}

fn lint_file(
    id: FileId,
    path: &std::path::Path,
    file_settings: &FileSettings,
    settings: &Settings,
) -> (File, Vec<Diagnostic>) {
    let display = discover::display(path);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let broken_link =
                e.kind() == std::io::ErrorKind::NotFound && std::fs::symlink_metadata(path).is_ok();
            let reason = if broken_link {
                "a symbolic link to a file that does not exist".to_string()
            } else {
                discover::io_reason(&e)
            };
            return unread_file(id, path, &reason, file_settings);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let byte = bytes[valid];
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let source = SourceFile::new(id, display, prefix);
            let d = engine_diagnostic(
                file_settings,
                &rules::encoding::ENCODING_INVALID,
                &source,
                valid..valid,
                format!("the file is not valid UTF-8: byte 0x{byte:02X} at offset {valid}"),
                "Save the file as UTF-8; the rest of it was not checked.",
            );
            return (File::Unread(source), d.into_iter().collect());
        }
    };
    if let Some(nul) = text.find('\0') {
        let source = SourceFile::new(id, display, text[..nul].to_string());
        let d = engine_diagnostic(
            file_settings,
            &rules::encoding::ENCODING_NUL,
            &source,
            nul..nul,
            "the file contains a NUL byte: it is binary, or not UTF-8 text".into(),
            "Check that this is a text file saved as UTF-8; the rest of it was not checked.",
        );
        return (File::Unread(source), d.into_iter().collect());
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        let source = SourceFile::new(id, display, text);
        let d = engine_diagnostic(
            file_settings,
            &rules::io::IO_EMPTY_FILE,
            &source,
            0..0,
            "the file is empty or holds only white space".into(),
            "Write the posting, or delete the file.",
        );
        return (File::Unread(source), d.into_iter().collect());
    }
    let posting = Posting::parse(id, display, text, &file_settings.profile);
    let mut diagnostics = Vec::new();
    if posting.bom
        && let Some(mut d) = engine_diagnostic(
            file_settings,
            &rules::encoding::ENCODING_BOM,
            &posting.source,
            0..3,
            "the file starts with a byte-order mark".into(),
            "Save the file as UTF-8 without a byte-order mark.",
        )
    {
        d.fix(
            Applicability::Safe,
            "Remove the byte-order mark",
            vec![Edit {
                span: posting.span(0..3),
                replacement: String::new(),
            }],
        );
        diagnostics.push(d);
    }
    let mut found = Vec::new();
    for (i, rule) in rules::all().iter().enumerate() {
        let (Check::Posting(check), Some(severity)) = (&rule.check, file_settings.severities[i])
        else {
            continue;
        };
        let mut cx = Context {
            rule,
            severity,
            options: settings.options.get(rule.id),
            today: settings.today,
            jurisdiction: file_settings.jurisdiction,
            employer_size: file_settings.employer_size,
            diagnostics: &mut found,
        };
        check(&posting, &mut cx);
    }
    suppression::apply(&posting, &mut found, &|rule| file_settings.severity(rule));
    diagnostics.append(&mut found);
    (File::Posting(Box::new(posting)), diagnostics)
}
