//! What a rule reports. The library builds [`Diagnostic`]s; reporters print them.

use std::sync::Arc;

use crate::interner::Interner;
use crate::posting::FileId;
use crate::posting::source::Span;
use crate::rules;

/// How serious a finding is. Configuration may change a rule's severity or turn it off.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary location, possibly in another file.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

/// Whether `--fix` may apply a fix without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning of the posting; applied by `--fix`.
    Safe,
    /// May change meaning; shown, applied only with `--unsafe-fixes`.
    Unsafe,
}

/// One replacement of a byte range.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity,
            span,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn label(&mut self, span: Span, text: impl Into<String>) -> &mut Self {
        self.labels.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    pub fn fix(
        &mut self,
        applicability: Applicability,
        title: impl Into<String>,
        edits: Vec<Edit>,
    ) -> &mut Self {
        self.fix = Some(Fix {
            title: title.into(),
            applicability,
            edits,
        });
        self
    }

    /// A fix that replaces the diagnostic's own span.
    pub fn replace(
        &mut self,
        applicability: Applicability,
        title: impl Into<String>,
        replacement: impl Into<String>,
    ) -> &mut Self {
        let span = self.span;
        self.fix(
            applicability,
            title,
            vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        )
    }
}

/// The findings of one file packed in one allocation (postcard) while they wait for their
/// turn: about a fifth of what the diagnostics take. Spans are packed without their file, so
/// only findings wholly within one file are packed; help texts and fix titles, which repeat
/// across files, are kept once in an [`Interner`].
#[derive(Debug)]
pub struct Packed {
    file: FileId,
    bytes: Box<[u8]>,
    strings: Arc<Interner>,
}

/// A diagnostic as packed: its rule by index in [`rules::all`], its help and fix title by
/// [`Interner`] id.
type Stored = (
    u16,
    Severity,
    Span,
    String,
    Vec<Label>,
    Option<u32>,
    Option<(u32, Applicability, Vec<Edit>)>,
);

impl Packed {
    /// Packs `found`, or gives it back when a finding points outside `file`.
    pub fn new(
        found: Vec<Diagnostic>,
        file: FileId,
        strings: &Arc<Interner>,
    ) -> Result<Packed, Vec<Diagnostic>> {
        let within = |span: &Span| span.file == file;
        // Each finding's rule index, found once; none when a finding cannot be packed.
        let rules: Option<Vec<u16>> = found
            .iter()
            .map(|d| {
                let inside = within(&d.span)
                    && d.labels.iter().all(|l| within(&l.span))
                    && d.fix.iter().flat_map(|f| &f.edits).all(|e| within(&e.span));
                inside
                    .then(|| rules::index_of(d.rule))
                    .flatten()
                    .and_then(|i| u16::try_from(i).ok())
            })
            .collect();
        let Some(rules) = rules else {
            return Err(found);
        };
        let stored: Vec<Stored> = found
            .into_iter()
            .zip(rules)
            .map(|(d, rule)| {
                let help = d.help.map(|h| strings.id(&h));
                let fix = d
                    .fix
                    .map(|f| (strings.id(&f.title), f.applicability, f.edits));
                (rule, d.severity, d.span, d.message, d.labels, help, fix)
            })
            .collect();
        let bytes = postcard::to_allocvec(&stored)
            .expect("findings pack into memory")
            .into_boxed_slice();
        Ok(Packed {
            file,
            bytes,
            strings: Arc::clone(strings),
        })
    }

    /// How many bytes the packed findings take.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The findings as they were given.
    pub fn unpack(&self) -> Vec<Diagnostic> {
        let strings = &self.strings;
        let stored: Vec<Stored> =
            postcard::from_bytes(&self.bytes).expect("findings read back as postlint packed them");
        let file = self.file;
        let place = |span: Span| Span { file, ..span };
        stored
            .into_iter()
            .map(|(rule, severity, span, message, mut labels, help, fix)| {
                for label in &mut labels {
                    label.span = place(label.span);
                }
                let fix = fix.map(|(title, applicability, mut edits)| {
                    for edit in &mut edits {
                        edit.span = place(edit.span);
                    }
                    Fix {
                        title: strings.text(title).to_string(),
                        applicability,
                        edits,
                    }
                });
                Diagnostic {
                    rule: rules::all()[usize::from(rule)].id,
                    severity,
                    span: place(span),
                    message,
                    labels,
                    help: help.map(|id| strings.text(id).to_string()),
                    fix,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(file: u32, start: u32, end: u32) -> Span {
        Span {
            file: FileId(file),
            start,
            end,
        }
    }

    #[test]
    fn findings_unpack_as_they_were_packed() {
        let rule = rules::all()[3].id;
        let mut full = Diagnostic::new(rule, Severity::Warning, span(7, 10, 20), "message é");
        full.label(span(7, 0, 4), "here")
            .help("Say it plainly.")
            .replace(Applicability::Unsafe, "Replace it", "plain");
        let bare = Diagnostic::new(rules::all()[0].id, Severity::Info, span(7, 30, 30), "");
        let strings = Arc::new(Interner::default());
        let found = vec![full, bare.clone(), bare];
        let packed = Packed::new(found.clone(), FileId(7), &strings).expect("packable");
        assert!(packed.len() < found.iter().map(|d| d.message.len()).sum::<usize>() + 64);
        assert_eq!(packed.unpack(), found);
        assert!(Packed::new(Vec::new(), FileId(7), &strings).is_ok_and(|p| p.unpack().is_empty()));
    }

    #[test]
    fn findings_pointing_into_another_file_are_given_back() {
        let mut d = Diagnostic::new(rules::all()[0].id, Severity::Error, span(1, 0, 1), "m");
        d.label(span(2, 0, 1), "there");
        let strings = Arc::new(Interner::default());
        assert_eq!(
            Packed::new(vec![d.clone()], FileId(1), &strings).unwrap_err(),
            vec![d]
        );
        let elsewhere = Diagnostic::new(rules::all()[0].id, Severity::Error, span(2, 0, 1), "m");
        assert!(Packed::new(vec![elsewhere], FileId(1), &strings).is_err());
    }
}
