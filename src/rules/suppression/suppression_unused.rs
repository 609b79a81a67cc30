use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A `postlint-disable` comment that suppresses nothing: the rule it names found nothing
    /// in its scope, or the rule is not selected.
    ///
    /// ## Why it matters
    /// Stale suppressions hide the next real problem and mislead the next editor. Ruff
    /// (`RUF100`) and rumdl (`MD087`) report them for the same reason.
    ///
    /// ## Examples
    /// ```md,bad
    /// <!-- postlint-disable-next-line front-matter-unknown-key -->
    /// We are hiring.
    /// ```
    /// ```md,good
    /// We are hiring.
    /// ```
    ///
    /// ## Fix safety
    /// Removing a comment that suppresses nothing is safe.
    pub static SUPPRESSION_UNUSED = Rule {
        id: "suppression-unused",
        family: Family::Suppression,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Engine,
    };
}
