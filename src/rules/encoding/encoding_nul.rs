use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A file that contains NUL bytes, which text never does. The file is not checked further.
    ///
    /// ## Why it matters
    /// NUL bytes mean a binary file with a Markdown name, or text saved as UTF-16; either way
    /// the published page will be broken.
    pub static ENCODING_NUL = Rule {
        id: "encoding-nul",
        family: Family::Encoding,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Engine,
    };
}
