//! Inline suppressions in HTML comments, and the diagnostics they leave:
//!
//! - `<!-- postlint-disable-next-line RULE… -->` the line after the comment;
//! - `<!-- postlint-disable-line RULE… -->` the comment's own line;
//! - `<!-- postlint-disable RULE… -->` … `<!-- postlint-enable RULE… -->` a range;
//! - `<!-- postlint-disable-file RULE… -->` the whole file.
//!
//! RULE is a rule id or family id; none means every rule. Each RULE that suppresses nothing
//! is reported, as Ruff's RUF100 does for each unused code.

use std::sync::LazyLock;

use crate::posting::pattern::Pattern;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::posting::{Posting, Span};
use crate::rules::{self, Rule};

static DIRECTIVE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"<!--\s*postlint-(?<directive>[a-z-]+)(?<rules>[^>]*?)\s*-->"));

/// One RULE of a comment.
#[derive(Debug)]
struct Selector {
    text: String,
    /// Where it is written, inside the comment.
    span: Span,
    rules: Vec<&'static Rule>,
    used: bool,
}

#[derive(Debug)]
struct Suppression {
    comment: Span,
    /// Byte range of the text it covers (ranges and whole files).
    covers: std::ops::Range<usize>,
    /// Line scopes: the 0-based line it covers.
    line: Option<usize>,
    /// Empty: every rule.
    selectors: Vec<Selector>,
    /// For a comment naming no rule: it suppressed something.
    used: bool,
    /// The `postlint-enable` that ends a range.
    closed_by: Option<Span>,
}

/// Whether `posting` holds a `postlint-` comment: without one, [`apply`] changes nothing.
pub fn any(posting: &Posting) -> bool {
    let text = posting.text();
    posting.markdown.html.iter().any(|html| {
        text.get(html.range())
            .is_some_and(|c| DIRECTIVE.is_match(c))
    })
}

/// Removes suppressed diagnostics of `posting` and adds `suppression-*` findings.
/// `severity_of` gives the configured severity of a rule for this file, `None` when off.
pub fn apply(
    posting: &Posting,
    diagnostics: &mut Vec<Diagnostic>,
    severity_of: &dyn Fn(&Rule) -> Option<Severity>,
) {
    let (mut suppressions, mut found) = parse(posting, severity_of);
    if suppressions.is_empty() {
        diagnostics.append(&mut found);
        return;
    }
    let lines = &posting.source.lines;
    let text_len = posting.text().len();
    diagnostics.retain(|d| {
        let start = d.span.start as usize;
        let line = lines.line_of(start);
        let mut suppressed = false;
        for s in suppressions.iter_mut() {
            let in_scope = match s.line {
                Some(l) => l == line,
                None => {
                    s.covers.contains(&start) || (s.covers.end == text_len && start == text_len)
                }
            };
            if !in_scope {
                continue;
            }
            if s.selectors.is_empty() {
                s.used = true;
                suppressed = true;
            }
            for selector in s
                .selectors
                .iter_mut()
                .filter(|sel| sel.rules.iter().any(|r| r.id == d.rule))
            {
                selector.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    if let Some(severity) = severity_of(&rules::suppression::SUPPRESSION_UNUSED) {
        for s in &suppressions {
            report_unused(posting, s, severity, severity_of, &mut found);
        }
    }
    diagnostics.append(&mut found);
}

fn report_unused(
    posting: &Posting,
    s: &Suppression,
    severity: Severity,
    severity_of: &dyn Fn(&Rule) -> Option<Severity>,
    found: &mut Vec<Diagnostic>,
) {
    let id = rules::suppression::SUPPRESSION_UNUSED.id;
    let unused: Vec<&Selector> = s.selectors.iter().filter(|sel| !sel.used).collect();
    let whole = if s.selectors.is_empty() {
        !s.used
    } else {
        unused.len() == s.selectors.len()
    };
    let turned_off = |sel: &Selector| sel.rules.iter().all(|r| severity_of(r).is_none());
    if whole {
        let text = posting.slice(s.comment).trim();
        let mut d = Diagnostic::new(
            id,
            severity,
            s.comment,
            format!("`{text}` suppresses nothing"),
        );
        d.help(
            if !unused.is_empty() && unused.iter().all(|sel| turned_off(sel)) {
                "Remove the comment: the rules it names are turned off for this file."
            } else {
                "Remove the comment: the rules it names report nothing here."
            },
        );
        let mut edits = vec![Edit {
            span: whole_line_or(posting, s.comment),
            replacement: String::new(),
        }];
        if let Some(close) = s.closed_by {
            d.label(close, "the end of the range");
            edits.push(Edit {
                span: whole_line_or(posting, close),
                replacement: String::new(),
            });
        }
        let title = if s.closed_by.is_some() {
            "Remove both comments"
        } else {
            "Remove the comment"
        };
        d.fix(Applicability::Safe, title, edits);
        found.push(d);
        return;
    }
    for sel in unused {
        let mut d = Diagnostic::new(
            id,
            severity,
            sel.span,
            format!("`{}` in this comment suppresses nothing", sel.text),
        );
        d.help(if turned_off(sel) {
            format!("Remove `{}`: it is turned off for this file.", sel.text)
        } else {
            format!("Remove `{}`: it reports nothing here.", sel.text)
        });
        // Take the space before the id with it, so the comment stays tidy.
        let text = posting.text();
        let mut start = sel.span.start as usize;
        while start > 0 && matches!(text.as_bytes()[start - 1], b' ' | b',' | b'\t') {
            start -= 1;
        }
        d.fix(
            Applicability::Safe,
            format!("Remove `{}` from the comment", sel.text),
            vec![Edit {
                span: posting.span(start..sel.span.end as usize),
                replacement: String::new(),
            }],
        );
        found.push(d);
    }
}

/// The comment's line, line ending included, when the comment is alone on it.
fn whole_line_or(posting: &Posting, span: Span) -> Span {
    let lines = &posting.source.lines;
    let text = posting.text();
    let line = lines.line_of(span.start as usize);
    let range = lines.line_range(text, line);
    if text[range.clone()].trim() == text[span.range()].trim()
        && lines.line_of(span.end as usize) == line
    {
        let end = text[range.end..]
            .find('\n')
            .map_or(text.len(), |i| range.end + i + 1);
        posting.span(range.start..end)
    } else {
        span
    }
}

fn parse(
    posting: &Posting,
    severity_of: &dyn Fn(&Rule) -> Option<Severity>,
) -> (Vec<Suppression>, Vec<Diagnostic>) {
    let text = posting.text();
    let lines = &posting.source.lines;
    let mut out: Vec<Suppression> = Vec::new();
    let mut problems = Vec::new();
    let invalid = severity_of(&rules::suppression::SUPPRESSION_INVALID);
    let mut report = |span: Span, message: String, help: &str| {
        if let Some(severity) = invalid {
            let mut d = Diagnostic::new(
                rules::suppression::SUPPRESSION_INVALID.id,
                severity,
                span,
                message,
            );
            d.help(help);
            problems.push(d);
        }
    };
    // Open `postlint-disable` ranges: indexes into `out`.
    let mut open: Vec<usize> = Vec::new();
    for html in &posting.markdown.html {
        let Some(chunk) = text.get(html.range()) else {
            continue;
        };
        for caps in DIRECTIVE.captures_iter(chunk) {
            let whole = caps.get(0).expect("group 0");
            let comment = html.within(whole.start()..whole.end());
            let directive = &caps["directive"];
            let list = caps.name("rules").expect("group");
            let mut selectors = Vec::new();
            let mut offset = 0;
            for piece in list.as_str().split([' ', ',', '\t', '\n']) {
                let at = list.start() + offset;
                offset += piece.len() + 1;
                if piece.is_empty() {
                    continue;
                }
                let span = html.within(at..at + piece.len());
                let matched = rules::matching(piece);
                if matched.is_empty() {
                    report(
                        span,
                        format!("unknown rule `{piece}` in `postlint-{directive}`"),
                        "Use a rule or family id from `postlint rules`.",
                    );
                    continue;
                }
                selectors.push(Selector {
                    text: piece.to_string(),
                    span,
                    rules: matched,
                    used: false,
                });
            }
            let named_some = list
                .as_str()
                .split([' ', ',', '\t', '\n'])
                .any(|p| !p.is_empty());
            // Every id was unknown: the comment suppresses nothing, and that is already said.
            if named_some && selectors.is_empty() {
                continue;
            }
            let comment_line = lines.line_of(comment.end as usize);
            let (covers, line) = match directive {
                "disable-next-line" => (0..0, Some(comment_line + 1)),
                "disable-line" => (0..0, Some(lines.line_of(comment.start as usize))),
                "disable" => (comment.end as usize..text.len(), None),
                "disable-file" => (0..text.len(), None),
                "enable" => {
                    if !close(&mut out, &mut open, &selectors, comment) {
                        report(
                            comment,
                            "`postlint-enable` without a `postlint-disable` before it".into(),
                            "Remove the comment, or add the `postlint-disable` it closes.",
                        );
                    }
                    continue;
                }
                other => {
                    report(
                        comment,
                        format!("unknown directive `postlint-{other}`"),
                        "Use `postlint-disable-next-line`, `postlint-disable-line`, `postlint-disable`, `postlint-enable` or `postlint-disable-file`.",
                    );
                    continue;
                }
            };
            out.push(Suppression {
                comment,
                covers,
                line,
                selectors,
                used: false,
                closed_by: None,
            });
            if directive == "disable" {
                open.push(out.len() - 1);
            }
        }
    }
    (out, problems)
}

/// Ends the open ranges that an enable naming `selectors` (all, when empty) closes.
fn close(out: &mut [Suppression], open: &mut Vec<usize>, selectors: &[Selector], at: Span) -> bool {
    let before = open.len();
    open.retain(|&i| {
        let same = selectors.is_empty()
            || (!out[i].selectors.is_empty()
                && out[i].selectors.iter().all(|s| {
                    selectors.iter().any(|x| {
                        x.rules
                            .iter()
                            .map(|r| r.id)
                            .eq(s.rules.iter().map(|r| r.id))
                    })
                }));
        if same {
            out[i].covers.end = at.start as usize;
            out[i].closed_by = Some(at);
        }
        !same
    });
    open.len() < before
}
