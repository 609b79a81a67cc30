//! Inline suppressions in HTML comments, and the diagnostics they leave:
//!
//! - `<!-- postlint-disable-next-line RULE… -->` the line after the comment;
//! - `<!-- postlint-disable-line RULE… -->` the comment's own line;
//! - `<!-- postlint-disable RULE… -->` … `<!-- postlint-enable RULE… -->` a range;
//! - `<!-- postlint-disable-file RULE… -->` the whole file.
//!
//! RULE is a rule id or family id; none means every rule.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::posting::{Posting, Span};
use crate::rules::{self, Rule};

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*postlint-(?<directive>[a-z-]+)(?<rules>[^>]*?)\s*-->").expect("valid regex")
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    NextLine,
    Line,
    Range,
    File,
}

#[derive(Debug)]
struct Suppression {
    comment: Span,
    /// Byte range of the text it covers.
    covers: std::ops::Range<usize>,
    /// Line-based scopes: the 0-based line it covers.
    line: Option<usize>,
    /// `None`: every rule.
    rules: Option<Vec<&'static Rule>>,
    used: bool,
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
    diagnostics.retain(|d| {
        let start = d.span.start as usize;
        let line = lines.line_of(start);
        let mut suppressed = false;
        for s in suppressions.iter_mut() {
            let in_scope = match s.line {
                Some(l) => l == line,
                None => {
                    s.covers.contains(&start)
                        || (s.covers.end == posting.text().len() && start == s.covers.end)
                }
            };
            let rule_matches = s
                .rules
                .as_ref()
                .is_none_or(|rs| rs.iter().any(|r| r.id == d.rule));
            if in_scope && rule_matches {
                s.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    if let Some(severity) = severity_of(&rules::suppression::SUPPRESSION_UNUSED) {
        for s in suppressions.iter().filter(|s| !s.used) {
            let text = posting.slice(s.comment);
            let mut d = Diagnostic::new(
                rules::suppression::SUPPRESSION_UNUSED.id,
                severity,
                s.comment,
                format!("`{}` suppresses nothing", text.trim()),
            );
            d.help("Remove the comment: the rule it names reports nothing here.");
            d.fix(
                Applicability::Safe,
                "Remove the comment",
                vec![Edit {
                    span: whole_line_or(posting, s.comment),
                    replacement: String::new(),
                }],
            );
            found.push(d);
        }
    }
    diagnostics.append(&mut found);
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
    // Open `postlint-disable` ranges: (index into `out`).
    let mut open: Vec<usize> = Vec::new();
    for html in &posting.markdown.html {
        let Some(chunk) = text.get(html.range()) else {
            continue;
        };
        for caps in DIRECTIVE.captures_iter(chunk) {
            let whole = caps.get(0).expect("group 0");
            let comment = html.within(whole.start()..whole.end());
            let directive = &caps["directive"];
            let mut listed = Vec::new();
            let mut ok = true;
            for id in caps["rules"]
                .split([' ', ',', '\t', '\n'])
                .filter(|s| !s.is_empty())
            {
                let matched = rules::matching(id);
                if matched.is_empty() {
                    report(
                        comment,
                        format!("unknown rule `{id}` in `postlint-{directive}`"),
                        "Use a rule or family id from `postlint rules`.",
                    );
                    ok = false;
                }
                listed.extend(matched);
            }
            if !ok {
                continue;
            }
            let rules = (!listed.is_empty()).then_some(listed);
            let comment_line = lines.line_of(comment.end as usize);
            let scope = match directive {
                "disable-next-line" => Scope::NextLine,
                "disable-line" => Scope::Line,
                "disable" => Scope::Range,
                "disable-file" => Scope::File,
                "enable" => {
                    if close(
                        &mut out,
                        &mut open,
                        rules.as_deref(),
                        comment.start as usize,
                    ) {
                        continue;
                    }
                    report(
                        comment,
                        "`postlint-enable` without a `postlint-disable` before it".into(),
                        "Remove the comment, or add the `postlint-disable` it closes.",
                    );
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
            let (covers, line) = match scope {
                Scope::NextLine => (0..0, Some(comment_line + 1)),
                Scope::Line => (0..0, Some(lines.line_of(comment.start as usize))),
                Scope::Range => (comment.end as usize..text.len(), None),
                Scope::File => (0..text.len(), None),
            };
            out.push(Suppression {
                comment,
                covers,
                line,
                rules,
                used: false,
            });
            if scope == Scope::Range {
                open.push(out.len() - 1);
            }
        }
    }
    (out, problems)
}

/// Ends the open ranges that `rules` (all, when `None`) names.
fn close(
    out: &mut [Suppression],
    open: &mut Vec<usize>,
    rules: Option<&[&'static Rule]>,
    at: usize,
) -> bool {
    let before = open.len();
    open.retain(|&i| {
        let same = match (&out[i].rules, rules) {
            (_, None) => true,
            (Some(a), Some(b)) => a.iter().all(|r| b.iter().any(|x| x.id == r.id)),
            (None, Some(_)) => false,
        };
        if same {
            out[i].covers.end = at;
        }
        !same
    });
    open.len() < before
}
