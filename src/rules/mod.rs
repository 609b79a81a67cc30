//! The rule registry: every rule, its family, default severity, fixability and docs.

pub mod accessibility;
pub mod closing_date;
pub mod context;
pub mod declare;
pub mod encoding;
pub mod front_matter;
pub mod inclusive;
pub mod io;
pub mod plain_language;
pub mod salary;
pub mod suppression;
pub mod translation;
pub mod url;
pub mod word_list;

use std::sync::LazyLock;

pub use context::{Context, CorpusContext};

use crate::diagnostic::Severity;
use crate::posting::Posting;
use crate::posting::corpus::Corpus;

/// What every rule file imports.
pub mod prelude {
    pub use crate::declare_rule;
    pub use crate::diagnostic::{Applicability, Edit, Severity};
    pub use crate::posting::corpus::Corpus;
    pub use crate::posting::{FrontMatterKind, Posting, Span, Spanned, Value};
    pub use crate::rules::{
        Check, Context, CorpusContext, Family, FixAvailability, Rule, validate_options,
    };
}

/// A group of rules; every id in a family starts with the family's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Files that cannot be read.
    Io,
    /// Text that is not clean UTF-8.
    Encoding,
    /// `postlint-disable` comments.
    Suppression,
    FrontMatter,
    ClosingDate,
    Salary,
    Url,
    Translation,
    PlainLanguage,
    Accessibility,
    Inclusive,
}

impl Family {
    pub const ALL: [Family; 4] = [
        Family::Io,
        Family::Encoding,
        Family::Suppression,
        Family::FrontMatter,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Family::Io => "io",
            Family::Encoding => "encoding",
            Family::Suppression => "suppression",
            Family::FrontMatter => "front-matter",
            Family::ClosingDate => "closing-date",
            Family::Salary => "salary",
            Family::Url => "url",
            Family::Translation => "translation",
            Family::PlainLanguage => "plain-language",
            Family::Accessibility => "accessibility",
            Family::Inclusive => "inclusive",
        }
    }

    pub fn from_id(id: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.id() == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    Never,
    Sometimes,
    Always,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::Never => "never",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "always",
        }
    }
}

pub enum Check {
    /// Sees one posting; runs in parallel with the others.
    Posting(fn(&Posting, &mut Context)),
    /// Sees every posting and the translation pairs; runs once, after all are parsed.
    Corpus(fn(&Corpus, &mut CorpusContext)),
    /// Reported by the engine itself while reading files or applying suppressions.
    Engine,
}

/// Validates a rule's options table, saying what is wrong.
pub type OptionsCheck = fn(&toml::Table) -> Result<(), String>;

/// A rule: metadata, docs and its check.
pub struct Rule {
    /// Kebab-case, starting with the family's id; names the problem.
    pub id: &'static str,
    pub family: Family,
    /// The default; configuration may change it or turn the rule off.
    pub severity: Severity,
    pub fix: FixAvailability,
    /// Validates the rule's `[rules.<id>]` options when the configuration loads.
    pub options: Option<OptionsCheck>,
    pub check: Check,
    /// The doc comment, captured by `declare_rule!`.
    pub docs: &'static str,
    /// The source file, so tests can check that it is named after the id.
    pub file: &'static str,
}

impl Rule {
    /// The docs without the space each `///` line keeps.
    pub fn docs(&self) -> String {
        let mut out: String = self
            .docs
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n");
        out.push('\n');
        out
    }

    /// The first sentence under `## What it flags`: a one-line summary.
    pub fn summary(&self) -> String {
        let docs = self.docs();
        let after = docs.split("## What it flags").nth(1).unwrap_or(&docs);
        let paragraph = after.trim_start().split("\n\n").next().unwrap_or("");
        let paragraph = paragraph.split("\n- ").next().unwrap_or(paragraph);
        let text = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        match text.find(". ") {
            Some(end) => text[..=end].to_string(),
            None => text,
        }
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

static ALL: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut rules: Vec<&'static Rule> = [
        io::RULES,
        encoding::RULES,
        suppression::RULES,
        front_matter::RULES,
        closing_date::RULES,
        salary::RULES,
        url::RULES,
        translation::RULES,
        plain_language::RULES,
        accessibility::RULES,
        inclusive::RULES,
    ]
    .into_iter()
    .flatten()
    .copied()
    .collect();
    rules.sort_by_key(|r| r.id);
    rules
});

/// Every rule, sorted by id.
pub fn all() -> &'static [&'static Rule] {
    &ALL
}

pub fn by_id(id: &str) -> Option<&'static Rule> {
    all().iter().copied().find(|r| r.id == id)
}

/// Position of a rule in [`all`], for per-rule tables.
pub fn index_of(id: &str) -> Option<usize> {
    all().iter().position(|r| r.id == id)
}

/// Rules picked by a selector: `all`, a family id, a rule id, or an id prefix ending at a `-`.
pub fn matching(selector: &str) -> Vec<&'static Rule> {
    if selector.eq_ignore_ascii_case("all") {
        return all().to_vec();
    }
    all()
        .iter()
        .copied()
        .filter(|r| {
            r.id == selector
                || r.family.id() == selector
                || r.id
                    .strip_prefix(selector)
                    .is_some_and(|rest| rest.starts_with('-'))
        })
        .collect()
}

/// Checks a rule's options table against its options type (unknown keys are errors).
pub fn validate_options<T: serde::de::DeserializeOwned>(table: &toml::Table) -> Result<(), String> {
    T::deserialize(table.clone())
        .map(|_| ())
        .map_err(|e| e.message().to_string())
}
