//! rustc-style code frames (annotate-snippets): what is wrong, where, what to do, the fix as
//! a patch, and where the rule's docs are; then a summary line.

use std::io::{self, Write};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};

use super::{EachFinding, Options, Sources, Totals, plural};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::posting::{SourceFile, Span};

#[derive(Clone)]
pub struct Human {
    options: Options,
    renderer: Renderer,
}

impl Human {
    pub fn new(options: Options) -> Human {
        let renderer = if options.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
        .decor_style(DecorStyle::Ascii);
        Human { options, renderer }
    }
}

impl EachFinding for Human {
    fn finding(
        &self,
        sources: &dyn Sources,
        source: &SourceFile,
        d: &Diagnostic,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        // The files labels point into, besides this one.
        let mut others: Vec<std::borrow::Cow<'_, SourceFile>> = Vec::new();
        for label in d.labels.iter().filter(|l| l.span.file != source.id) {
            if others.iter().all(|o| o.id != label.span.file) {
                others.push(sources.source(label.span.file));
            }
        }
        writeln!(
            out,
            "{}\n",
            self.renderer.render(&report(source, &others, d))
        )
    }

    fn summary(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        summary(totals, self.options, out)
    }
}

/// The lines of `source` that `spans` touch, as (first line's start offset, text, 1-based line).
fn window(source: &SourceFile, spans: &[Span]) -> (usize, usize, usize) {
    let lines = &source.lines;
    let first = spans
        .iter()
        .map(|s| lines.line_of(s.start as usize))
        .min()
        .unwrap_or(0);
    let last = spans
        .iter()
        .map(|s| lines.line_of(s.end as usize))
        .max()
        .unwrap_or(0);
    let start = lines.line_range(&source.text, first).start;
    let end = lines.line_range(&source.text, last).end;
    // Keep a trailing line break out of the window, but never cut a span short.
    let end = spans
        .iter()
        .map(|s| s.end as usize)
        .max()
        .unwrap_or(end)
        .max(end)
        .min(source.text.len());
    (start, end, first + 1)
}

fn local(span: Span, base: usize) -> std::ops::Range<usize> {
    span.start as usize - base..span.end as usize - base
}

fn report<'a>(
    source: &'a SourceFile,
    others: &'a [std::borrow::Cow<'_, SourceFile>],
    d: &'a Diagnostic,
) -> Vec<Group<'a>> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let same_file: Vec<Span> = std::iter::once(d.span)
        .chain(
            d.labels
                .iter()
                .filter(|l| l.span.file == d.span.file)
                .map(|l| l.span),
        )
        .collect();
    let (start, end, line) = window(source, &same_file);
    let mut snippet = Snippet::source(&source.text[start..end])
        .line_start(line)
        .path(source.path.as_str())
        .annotation(AnnotationKind::Primary.span(local(d.span, start)));
    for label in d.labels.iter().filter(|l| l.span.file == d.span.file) {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(local(label.span, start))
                .label(label.text.as_str()),
        );
    }
    let mut group = level
        .primary_title(d.message.as_str())
        .id(d.rule)
        .element(snippet);
    for label in d.labels.iter().filter(|l| l.span.file != d.span.file) {
        let Some(other) = others.iter().find(|o| o.id == label.span.file) else {
            continue;
        };
        let (start, end, line) = window(other, &[label.span]);
        group = group.element(
            Snippet::source(&other.text[start..end])
                .line_start(line)
                .path(other.path.as_str())
                .annotation(
                    AnnotationKind::Context
                        .span(local(label.span, start))
                        .label(label.text.as_str()),
                ),
        );
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group =
        group.element(Level::NOTE.message(format!("for more, run `postlint explain {}`", d.rule)));
    let mut groups = vec![group];
    if let Some(fix) = &d.fix {
        let edits: Vec<_> = fix
            .edits
            .iter()
            .filter(|e| e.span.file == d.span.file)
            .collect();
        if !edits.is_empty() {
            // A removed line shows best as its text removed: leave its line break out of the patch.
            let shown = |span: Span, replacement: &str| {
                let mut span = span;
                if replacement.is_empty() && source.text[span.range()].ends_with('\n') {
                    span.end -= 1;
                }
                span
            };
            // Edits on one line show as one patch; others one patch each, since annotate-snippets
            // misplaces several line deletions in one snippet.
            let spans: Vec<Span> = edits
                .iter()
                .map(|e| shown(e.span, &e.replacement))
                .collect();
            let lines = &source.lines;
            let one_line = spans.iter().all(|s| {
                lines.line_of(s.start as usize) == lines.line_of(spans[0].start as usize)
                    && lines.line_of(s.end as usize) == lines.line_of(s.start as usize)
            });
            let groups_of_edits: Vec<Vec<usize>> = if one_line {
                vec![(0..edits.len()).collect()]
            } else {
                (0..edits.len()).map(|i| vec![i]).collect()
            };
            let patches: Vec<Snippet<'_, Patch<'_>>> = groups_of_edits
                .iter()
                .map(|indexes| {
                    let group_spans: Vec<Span> = indexes.iter().map(|&i| spans[i]).collect();
                    let (start, end, line) = window(source, &group_spans);
                    indexes.iter().fold(
                        Snippet::source(&source.text[start..end])
                            .line_start(line)
                            .path(source.path.as_str()),
                        |snippet, &i| {
                            snippet.patch(Patch::new(
                                local(spans[i], start),
                                edits[i].replacement.as_str(),
                            ))
                        },
                    )
                })
                .collect();
            let title = match fix.applicability {
                Applicability::Safe => format!("fix: {}", fix.title),
                Applicability::Unsafe => format!("suggestion (unsafe): {}", fix.title),
            };
            let mut patches = patches.into_iter();
            if let Some(first) = patches.next() {
                let group = patches
                    .fold(Level::HELP.secondary_title(title).element(first), |g, p| {
                        g.element(p)
                    });
                groups.push(group);
            }
        }
    }
    groups
}

fn summary(totals: &Totals, options: Options, out: &mut dyn Write) -> io::Result<()> {
    let files = plural(totals.files, "file");
    let (errors, warnings, infos) = (totals.errors, totals.warnings, totals.infos);
    let line = if errors + warnings + infos == 0 {
        format!("All checks passed ({files}).")
    } else {
        format!(
            "Found {}, {} and {} in {files}.",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(infos, "info")
        )
    };
    if options.color {
        let style = if errors > 0 {
            anstyle::AnsiColor::Red.on_default().bold()
        } else {
            anstyle::Style::new().bold()
        };
        writeln!(out, "{style}{line}{style:#}")
    } else {
        writeln!(out, "{line}")
    }
}
