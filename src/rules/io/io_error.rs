use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A file that could not be read: missing, unreadable, a broken symbolic link, or a
    /// symbolic-link loop found while walking a folder.
    ///
    /// ## Why it matters
    /// A posting that cannot be read cannot be checked; the run goes on with the other files,
    /// and this error makes sure the gap is seen.
    pub static IO_ERROR = Rule {
        id: "io-error",
        family: Family::Io,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Engine,
    };
}
