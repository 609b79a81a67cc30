//! The JSON contract, version 1. These structs are the contract: change them only with a new
//! `version`.

use std::io::{self, Write};

use serde::Serialize;

use super::{Render, Reporter, Sources, Totals};
use crate::diagnostic::{self, Applicability, Severity};
use crate::posting::{Position, SourceFile, Span};

pub const VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Diagnostic<'a> {
    pub rule: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub help: Option<&'a str>,
    pub path: String,
    pub range: Range,
    pub labels: Vec<Label<'a>>,
    pub fix: Option<Fix<'a>>,
}

#[derive(Serialize)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

#[derive(Serialize)]
pub struct Label<'a> {
    pub path: String,
    pub range: Range,
    pub message: &'a str,
}

#[derive(Serialize)]
pub struct Fix<'a> {
    pub title: &'a str,
    pub applicability: Applicability,
    pub edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
pub struct Edit<'a> {
    pub path: String,
    pub range: Range,
    pub replacement: &'a str,
}

#[derive(Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

fn range(source: &SourceFile, span: Span) -> Range {
    Range {
        start: source.position(span.start as usize),
        end: source.position(span.end as usize),
    }
}

/// A finding as the contract shows it.
pub fn diagnostic<'a>(sources: &dyn Sources, d: &'a diagnostic::Diagnostic) -> Diagnostic<'a> {
    let source = sources.source(d.span.file);
    // A span in another file (a label, an edit) is placed with that file's lines.
    let place = |span: Span| {
        if span.file == d.span.file {
            (source.path.clone(), range(&source, span))
        } else {
            let other = sources.source(span.file);
            (other.path.clone(), range(&other, span))
        }
    };
    Diagnostic {
        rule: d.rule,
        severity: d.severity,
        message: &d.message,
        help: d.help.as_deref(),
        path: source.path.clone(),
        range: range(&source, d.span),
        labels: d
            .labels
            .iter()
            .map(|l| {
                let (path, range) = place(l.span);
                Label {
                    path,
                    range,
                    message: &l.text,
                }
            })
            .collect(),
        fix: d.fix.as_ref().map(|f| Fix {
            title: &f.title,
            applicability: f.applicability,
            edits: f
                .edits
                .iter()
                .map(|e| {
                    let (path, range) = place(e.span);
                    Edit {
                        path,
                        range,
                        replacement: &e.replacement,
                    }
                })
                .collect(),
        }),
    }
}

/// Writes the document as findings come: `{"version":1,"diagnostics":[` first, the summary last.
#[derive(Default)]
pub struct Json {
    started: bool,
    written: usize,
}

impl Json {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write!(out, "{{\"version\":{VERSION},\"diagnostics\":[")?;
        }
        Ok(())
    }
}

/// A file's findings, parted by commas.
impl Render for Json {
    fn render(
        &self,
        sources: &dyn Sources,
        _: &SourceFile,
        diagnostics: &[diagnostic::Diagnostic],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        // Serialised into memory first: one write for the file, not one for each token.
        let mut buffer = Vec::with_capacity(512 * diagnostics.len());
        for (i, d) in diagnostics.iter().enumerate() {
            if i > 0 {
                buffer.push(b',');
            }
            serde_json::to_writer(&mut buffer, &diagnostic(sources, d))?;
        }
        out.write_all(&buffer)
    }
}

impl Reporter for Json {
    fn file(
        &mut self,
        sources: &dyn Sources,
        file: &SourceFile,
        diagnostics: &[diagnostic::Diagnostic],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut text = Vec::new();
        self.render(sources, file, diagnostics, &mut text)?;
        self.rendered(&text, diagnostics, out)
    }

    fn renderer(&self) -> Option<Box<dyn Render>> {
        Some(Box::new(Json::default()))
    }

    fn rendered(
        &mut self,
        text: &[u8],
        diagnostics: &[diagnostic::Diagnostic],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        self.start(out)?;
        if diagnostics.is_empty() {
            return Ok(());
        }
        if self.written > 0 {
            out.write_all(b",")?;
        }
        self.written += diagnostics.len();
        out.write_all(text)
    }

    fn finish(&mut self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        out.write_all(b"],\"summary\":")?;
        let summary = Summary {
            files: totals.files,
            errors: totals.errors,
            warnings: totals.warnings,
            infos: totals.infos,
        };
        serde_json::to_writer(&mut *out, &summary)?;
        writeln!(out, "}}")
    }
}
