//! What a rule may use besides the posting: where to report, its options, and "today".

use jiff::civil::Date;

use crate::diagnostic::{Diagnostic, Severity};
use crate::posting::Span;

use super::Rule;
use super::salary::Jurisdiction;

/// Collects one rule's findings. Rules never read the clock, files or the network.
pub struct Context<'a> {
    pub(crate) rule: &'static Rule,
    pub(crate) severity: Severity,
    pub(crate) options: Option<&'a crate::config::RuleOptions>,
    pub(crate) today: Date,
    pub(crate) jurisdiction: Option<&'static Jurisdiction>,
    pub(crate) employer_size: Option<u32>,
    pub(crate) online: Option<&'a crate::online::Results>,
    pub(crate) diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    /// Reports a finding of the current rule at `span`; chain `.help()`, `.label()`, `.fix()`.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::new(self.rule.id, self.severity, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// The rule's options from `[rules.<id>]` in `postlint.toml`, or their defaults; read once
    /// a run, whatever the number of files.
    pub fn options<T: serde::de::DeserializeOwned + Default + Send + Sync + 'static>(
        &self,
    ) -> std::sync::Arc<T> {
        self.options
            .map_or_else(|| std::sync::Arc::new(T::default()), |o| o.get::<T>())
    }

    /// The pay-transparency law configured for this file, if any.
    pub fn jurisdiction(&self) -> Option<&'static Jurisdiction> {
        self.jurisdiction
    }

    /// The employer's head count, if configured.
    pub fn employer_size(&self) -> Option<u32> {
        self.employer_size
    }

    /// What `--online` found for `url`; `None` offline or for a URL not checked.
    pub fn online(&self, url: &str) -> Option<&'a crate::online::LinkResult> {
        self.online?.get(url)
    }

    /// The date the run treats as today (`--today`, `today` in config, else the clock).
    pub fn today(&self) -> Date {
        self.today
    }
}

/// Collects one corpus rule's findings, each at the severity configured for its file.
pub struct CorpusContext<'a> {
    pub(crate) rule: &'static Rule,
    /// Per file id: the rule's severity there, `None` when it is off.
    pub(crate) severities: &'a [Option<Severity>],
    pub(crate) diagnostics: &'a mut Vec<Diagnostic>,
    /// Where findings in files that turned the rule off go, to be dropped.
    pub(crate) discarded: Vec<Diagnostic>,
}

impl CorpusContext<'_> {
    /// Reports a finding at `span` (in any file); chain `.label()` to point into the other file.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        match self.severities.get(span.file.0 as usize).copied().flatten() {
            Some(severity) => {
                self.diagnostics
                    .push(Diagnostic::new(self.rule.id, severity, span, message));
                self.diagnostics.last_mut().expect("just pushed")
            }
            None => {
                self.discarded
                    .push(Diagnostic::new(self.rule.id, Severity::Info, span, message));
                self.discarded.last_mut().expect("just pushed")
            }
        }
    }

    /// Whether the rule runs for the file of `span`.
    pub fn enabled(&self, span: Span) -> bool {
        self.severities
            .get(span.file.0 as usize)
            .copied()
            .flatten()
            .is_some()
    }
}
