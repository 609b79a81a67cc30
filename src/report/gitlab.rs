//! GitLab Code Quality JSON: a list of issues with a stable fingerprint each, so GitLab can
//! tell new findings from old ones across pipelines.

use std::io::{self, Write};

use serde::Serialize;

use super::{Reporter, Sources, Totals};
use crate::diagnostic::{Diagnostic, Severity};
use crate::posting::SourceFile;

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
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

/// Collects issues; writes the array at the end.
#[derive(Default)]
pub struct Gitlab {
    issues: Vec<Issue>,
    /// How many times each finding (rule, file, message, text) was seen, for its fingerprint.
    seen: std::collections::HashMap<String, usize>,
}

impl Reporter for Gitlab {
    fn file(
        &mut self,
        _: &dyn Sources,
        source: &SourceFile,
        diagnostics: &[Diagnostic],
        _: &mut dyn Write,
    ) -> io::Result<()> {
        for d in diagnostics {
            let (start, end) = (
                source.position(d.span.start as usize),
                source.position(d.span.end as usize),
            );
            // The fingerprint ignores line numbers, so an edit above a finding keeps it; the
            // flagged text and an occurrence count tell repeated findings apart.
            let text = source.slice(d.span);
            let key = fnv1a(&[d.rule, &source.path, &d.message, text]);
            let n: &mut usize = self.seen.entry(key.clone()).or_default();
            *n += 1;
            self.issues.push(Issue {
                description: d.message.clone(),
                check_name: d.rule,
                fingerprint: fnv1a(&[&key, &n.to_string()]),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                location: Location {
                    path: source.path.clone(),
                    lines: Lines {
                        begin: start.line,
                        end: end.line,
                    },
                },
            });
        }
        Ok(())
    }

    fn finish(&mut self, _: &Totals, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.issues)?;
        writeln!(out)
    }
}
