//! SARIF 2.1.0, for GitHub code scanning: `tool.driver.rules` from the registry (with each
//! rule's docs), results with rule ids, levels and regions, and `columnKind` set. The document
//! is built as the typed model of `serde-sarif`, so it cannot drift from the standard.

use std::io::{self, Write};

use serde_json::json;

use super::{Reporter, Sources, Totals};
use crate::diagnostic::{Diagnostic, Severity};
use crate::posting::SourceFile;
use crate::rules;

/// Collects results; writes the whole document, checked against SARIF's types, at the end.
#[derive(Default)]
pub struct Sarif {
    results: Vec<serde_json::Value>,
}

impl Reporter for Sarif {
    fn file(
        &mut self,
        sources: &dyn Sources,
        source: &SourceFile,
        diagnostics: &[Diagnostic],
        _: &mut dyn Write,
    ) -> io::Result<()> {
        self.results
            .extend(diagnostics.iter().map(|d| result(sources, source, d)));
        Ok(())
    }

    fn finish(&mut self, _: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let results = std::mem::take(&mut self.results);
        let descriptors: Vec<serde_json::Value> = rules::all()
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "name": r.id,
                    "shortDescription": { "text": r.summary() },
                    "fullDescription": { "text": r.docs(), "markdown": r.docs() },
                    "help": { "text": format!("postlint explain {}", r.id), "markdown": r.docs() },
                    "defaultConfiguration": { "level": level(r.severity) },
                    "properties": { "family": r.family.id(), "fixable": r.fix.as_str() }
                })
            })
            .collect();
        let document = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "postlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/postlint/postlint",
                    "rules": descriptors
                }},
                "columnKind": "unicodeCodePoints",
                "results": results
            }]
        });
        let typed: serde_sarif::sarif::Sarif =
            serde_json::from_value(document).map_err(io::Error::other)?;
        serde_json::to_writer_pretty(&mut *out, &typed)?;
        writeln!(out)
    }
}

fn result(sources: &dyn Sources, source: &SourceFile, d: &Diagnostic) -> serde_json::Value {
    let index = |id: &str| rules::index_of(id).unwrap_or(0);
    let (start, end) = (
        source.position(d.span.start as usize),
        source.position(d.span.end as usize),
    );
    let location = |path: &str, s: crate::posting::Position, e: crate::posting::Position| {
        json!({
            "physicalLocation": {
                "artifactLocation": { "uri": uri(path) },
                "region": { "startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column }
            }
        })
    };
    let related: Vec<serde_json::Value> = d
        .labels
        .iter()
        .map(|l| {
            let other = sources.source(l.span.file);
            let mut loc = location(
                &other.path,
                other.position(l.span.start as usize),
                other.position(l.span.end as usize),
            );
            loc["message"] = json!({ "text": l.text });
            loc
        })
        .collect();
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(". ");
        message.push_str(help);
    }
    json!({
        "ruleId": d.rule,
        "ruleIndex": index(d.rule),
        "level": level(d.severity),
        "message": { "text": message },
        "locations": [location(&source.path, start, end)],
        "relatedLocations": related
    })
}

/// Characters a URI path may not hold as they are (RFC 3986): they are percent-encoded.
const PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A file path as a URI reference, as SARIF requires.
fn uri(path: &str) -> String {
    percent_encoding::utf8_percent_encode(path, PATH).to_string()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
