//! The JSON contract, version 1. These structs are the contract: change them only with a new
//! `version`.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{Applicability, Severity};
use crate::engine::Run;
use crate::posting::{Position, Span};

pub const VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Output<'a> {
    pub version: u32,
    pub diagnostics: Vec<Diagnostic<'a>>,
    pub summary: Summary,
}

#[derive(Serialize)]
pub struct Diagnostic<'a> {
    pub rule: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub help: Option<&'a str>,
    pub path: &'a str,
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
    pub path: &'a str,
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
    pub path: &'a str,
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

fn range(run: &Run, span: Span) -> Range {
    let source = run.source(span.file);
    Range {
        start: source.position(span.start as usize),
        end: source.position(span.end as usize),
    }
}

pub fn output(run: &Run) -> Output<'_> {
    let diagnostics = run
        .diagnostics
        .iter()
        .map(|d| Diagnostic {
            rule: d.rule,
            severity: d.severity,
            message: &d.message,
            help: d.help.as_deref(),
            path: &run.source(d.span.file).path,
            range: range(run, d.span),
            labels: d
                .labels
                .iter()
                .map(|l| Label {
                    path: &run.source(l.span.file).path,
                    range: range(run, l.span),
                    message: &l.text,
                })
                .collect(),
            fix: d.fix.as_ref().map(|f| Fix {
                title: &f.title,
                applicability: f.applicability,
                edits: f
                    .edits
                    .iter()
                    .map(|e| Edit {
                        path: &run.source(e.span.file).path,
                        range: range(run, e.span),
                        replacement: &e.replacement,
                    })
                    .collect(),
            }),
        })
        .collect();
    Output {
        version: VERSION,
        diagnostics,
        summary: Summary {
            files: run.files.len(),
            errors: run.count(Severity::Error),
            warnings: run.count(Severity::Warning),
            infos: run.count(Severity::Info),
        },
    }
}

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &output(run))?;
    writeln!(out)
}
