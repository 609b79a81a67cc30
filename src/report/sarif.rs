//! SARIF 2.1.0, for GitHub code scanning: `tool.driver.rules` from the registry (with each
//! rule's docs), results with rule ids, levels and regions, and `columnKind` set. The document
//! is built as the typed model of `serde-sarif`, so it cannot drift from the standard.

use std::io::{self, Write};

use serde_json::json;

use crate::diagnostic::Severity;
use crate::engine::Run;
use crate::rules;

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
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
    let index = |id: &str| rules::index_of(id).unwrap_or(0);
    let results: Vec<serde_json::Value> = run
        .diagnostics
        .iter()
        .map(|d| {
            let source = run.source(d.span.file);
            let (start, end) = (source.position(d.span.start as usize), source.position(d.span.end as usize));
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
                    let other = run.source(l.span.file);
                    let mut loc = location(&other.path, other.position(l.span.start as usize), other.position(l.span.end as usize));
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
