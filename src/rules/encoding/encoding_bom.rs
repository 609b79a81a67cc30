use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A UTF-8 byte-order mark (U+FEFF) at the start of a file.
    ///
    /// ## Why it matters
    /// UTF-8 needs no byte-order mark. Some site generators then miss the front matter, since
    /// the file no longer starts with `---`, and publish it as text.
    ///
    /// ## Fix safety
    /// Removing the mark is safe: it is invisible and carries no content.
    pub static ENCODING_BOM = Rule {
        id: "encoding-bom",
        family: Family::Encoding,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Engine,
    };
}
