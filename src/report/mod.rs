//! Reporters: one file per output format, each writing a [`Run`] to a `Write`.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod sarif;
pub mod statistics;

use std::io::{self, Write};

use crate::engine::Run;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Code frames, help and a summary, for people.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// The documented JSON contract (see README).
    Json,
    /// One JSON diagnostic per line.
    JsonLines,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// JUnit XML.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

/// How to print.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Emit ANSI colours (the caller decides from the terminal and `NO_COLOR`).
    pub color: bool,
}

pub fn write(format: Format, run: &Run, options: Options, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::write(run, options, out),
        Format::Concise => concise::write(run, out),
        Format::Json => json::write(run, out),
        Format::JsonLines => json_lines::write(run, out),
        Format::Sarif => sarif::write(run, out),
        Format::Github => github::write(run, out),
        Format::Junit => junit::write(run, out),
        Format::Gitlab => gitlab::write(run, out),
    }
}

/// `1 error`, `2 warnings`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `postlint rules --format json`: one entry per rule.
#[derive(serde::Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub family: &'static str,
    pub severity: crate::diagnostic::Severity,
    pub fixable: &'static str,
    pub docs: String,
}

pub fn rules_json() -> Vec<RuleInfo> {
    crate::rules::all()
        .iter()
        .map(|r| RuleInfo {
            id: r.id,
            family: r.family.id(),
            severity: r.severity,
            fixable: r.fix.as_str(),
            docs: r.docs(),
        })
        .collect()
}

/// `postlint rules`, and the rules table in README: a Markdown table.
pub fn rules_table() -> String {
    let mut out = String::from(
        "| Rule | Family | Severity | Fix | What it flags |\n| --- | --- | --- | --- | --- |\n",
    );
    for r in crate::rules::all() {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            r.id,
            r.family.id(),
            r.severity,
            r.fix.as_str(),
            r.summary().replace('|', "\\|")
        ));
    }
    out
}
