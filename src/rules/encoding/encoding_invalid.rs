use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A file that is not valid UTF-8, at the first byte that is not. The file is not checked
    /// further.
    ///
    /// ## Why it matters
    /// Static-site generators and browsers expect UTF-8; a file saved as Windows-1252 or
    /// Latin-1 shows `Ã©` instead of `é` on the published French page.
    ///
    /// ## Fix
    /// Re-save the file as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8`).
    pub static ENCODING_INVALID = Rule {
        id: "encoding-invalid",
        family: Family::Encoding,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Engine,
    };
}
