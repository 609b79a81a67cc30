//! GitLab Code Quality JSON: a list of issues with a stable fingerprint each, so GitLab can
//! tell new findings from old ones across pipelines.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::engine::Run;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
    end: u32,
}

/// FNV-1a, 64 bits: stable across Rust versions and runs, unlike the standard library's hasher.
fn fnv1a(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let mut seen = std::collections::HashMap::new();
    let issues: Vec<Issue> = run
        .diagnostics
        .iter()
        .map(|d| {
            let source = run.source(d.span.file);
            let (start, end) = (
                source.position(d.span.start as usize),
                source.position(d.span.end as usize),
            );
            // The fingerprint ignores line numbers, so an edit above a finding keeps it; the
            // flagged text and an occurrence count tell repeated findings apart.
            let text = source.slice(d.span);
            let key = fnv1a(&[d.rule, &source.path, &d.message, text]);
            let n: &mut usize = seen.entry(key.clone()).or_default();
            *n += 1;
            Issue {
                description: d.message.clone(),
                check_name: d.rule,
                fingerprint: fnv1a(&[&key, &n.to_string()]),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                location: Location {
                    path: &source.path,
                    lines: Lines {
                        begin: start.line,
                        end: end.line,
                    },
                },
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
