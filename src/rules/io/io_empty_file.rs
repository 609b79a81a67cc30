use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A posting file that is empty or holds only white space.
    ///
    /// ## Why it matters
    /// An empty file publishes an empty page, and usually means a failed export or an
    /// unfinished copy.
    ///
    /// ## Examples
    /// ```md,bad
    /// ```
    /// ```md,good
    /// # Senior developer
    /// ```
    pub static IO_EMPTY_FILE = Rule {
        id: "io-empty-file",
        family: Family::Io,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Engine,
    };
}
