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

use std::borrow::Cow;
use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Run;
use crate::posting::{FileId, SourceFile};

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

/// What a reporter reads of the run's files, by id: the file of a finding, or the file one of
/// its labels points into (which may have been let go and be read again).
pub trait Sources {
    fn source(&self, id: FileId) -> Cow<'_, SourceFile>;
}

impl Sources for Run {
    fn source(&self, id: FileId) -> Cow<'_, SourceFile> {
        Cow::Borrowed(Run::source(self, id))
    }
}

/// The counts of a run, for the closing summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Totals {
    /// Counts one more file and its findings.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// An output format, told each file of the run in order with its findings (sorted), then the
/// totals. Line-oriented formats write as they are told; whole documents (SARIF, JUnit, GitLab)
/// are written at the end. A format whose text for a file depends on that file alone has a
/// [`Reporter::renderer`]: a streamed run renders its files side by side on its threads, then
/// hands each text over in order ([`Reporter::rendered`]).
pub trait Reporter {
    fn file(
        &mut self,
        sources: &dyn Sources,
        file: &SourceFile,
        diagnostics: &[Diagnostic],
        out: &mut dyn Write,
    ) -> io::Result<()>;

    /// What renders a file's text on any thread, for a format whose text for a file depends on
    /// that file alone.
    fn renderer(&self) -> Option<Box<dyn Render>> {
        None
    }

    /// Writes a file's text as [`Reporter::renderer`] rendered it.
    fn rendered(
        &mut self,
        text: &[u8],
        diagnostics: &[Diagnostic],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let _ = diagnostics;
        out.write_all(text)
    }

    /// Called once, after the last file: the summary, or the whole document.
    fn finish(&mut self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let _ = (totals, out);
        Ok(())
    }
}

/// A format's text for one file, the same whatever the other files say.
pub trait Render: Send + Sync {
    fn render(
        &self,
        sources: &dyn Sources,
        file: &SourceFile,
        diagnostics: &[Diagnostic],
        out: &mut dyn Write,
    ) -> io::Result<()>;
}

/// A format that writes each finding on its own, as it comes, and at the end at most a
/// summary.
pub trait EachFinding: Clone + Send + Sync + 'static {
    fn finding(
        &self,
        sources: &dyn Sources,
        file: &SourceFile,
        d: &Diagnostic,
        out: &mut dyn Write,
    ) -> io::Result<()>;

    /// Written after the last file.
    fn summary(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let _ = (totals, out);
        Ok(())
    }
}

impl<T: EachFinding> Render for T {
    fn render(
        &self,
        sources: &dyn Sources,
        file: &SourceFile,
        diagnostics: &[Diagnostic],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for d in diagnostics {
            self.finding(sources, file, d, out)?;
        }
        Ok(())
    }
}

impl<T: EachFinding> Reporter for T {
    fn file(
        &mut self,
        sources: &dyn Sources,
        file: &SourceFile,
        diagnostics: &[Diagnostic],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        self.render(sources, file, diagnostics, out)
    }

    fn renderer(&self) -> Option<Box<dyn Render>> {
        Some(Box::new(self.clone()))
    }

    fn finish(&mut self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        self.summary(totals, out)
    }
}

/// The reporter for `format`.
pub fn reporter(format: Format, options: Options) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::Human::new(options)),
        Format::Concise => Box::new(concise::Concise),
        Format::Json => Box::new(json::Json::default()),
        Format::JsonLines => Box::new(json_lines::JsonLines),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github),
        Format::Junit => Box::new(junit::Junit::default()),
        Format::Gitlab => Box::new(gitlab::Gitlab::default()),
    }
}

pub fn write(format: Format, run: &Run, options: Options, out: &mut dyn Write) -> io::Result<()> {
    write_with(reporter(format, options).as_mut(), run, out)
}

/// Tells `reporter` every file of `run` with its findings, then the totals.
pub fn write_with(reporter: &mut dyn Reporter, run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let mut totals = Totals::default();
    let mut rest = run.diagnostics.as_slice();
    for file in &run.files {
        let source = file.source();
        // Findings are sorted by file: this file's come first.
        let n = rest.partition_point(|d| d.span.file <= source.id);
        let (of_file, after) = rest.split_at(n);
        rest = after;
        totals.add(of_file);
        reporter.file(run, source, of_file, out)?;
    }
    reporter.finish(&totals, out)
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
