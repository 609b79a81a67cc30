use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A `postlint-` comment postlint cannot act on: an unknown directive, a rule id that does
    /// not exist, or a `postlint-enable` with no `postlint-disable` before it.
    ///
    /// ## Why it matters
    /// A misspelt suppression silently suppresses nothing, and the finding it was meant for
    /// still fails the build, with no clue why.
    ///
    /// ## Examples
    /// ```md,bad
    /// <!-- postlint-disable-next-line front-matter-unknwn-key -->
    /// We are hiring.
    /// ```
    /// ```md,good
    /// <!-- a plain comment -->
    /// We are hiring.
    /// ```
    pub static SUPPRESSION_INVALID = Rule {
        id: "suppression-invalid",
        family: Family::Suppression,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Engine,
    };
}
