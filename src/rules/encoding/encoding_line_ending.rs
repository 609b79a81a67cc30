use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Lines ended by a carriage return alone (`\r`, the line ending of classic Mac OS), not
    /// by `\n` or `\r\n`.
    ///
    /// ## Why it matters
    /// Git, diff tools and most site generators read such a file as one long line: its front
    /// matter is not found, and every change shows as the whole file changed. postlint reads
    /// the lines as CommonMark does, so its findings are on the right lines.
    ///
    /// ## Fix safety
    /// Ending each line with `\n` instead is safe: the text is unchanged.
    pub static ENCODING_LINE_ENDING = Rule {
        id: "encoding-line-ending",
        family: Family::Encoding,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Engine,
    };
}

/// Offsets of the carriage returns not followed by a line feed.
pub fn lone_carriage_returns(text: &str) -> Vec<usize> {
    text.match_indices('\r')
        .map(|(i, _)| i)
        .filter(|&i| text.as_bytes().get(i + 1) != Some(&b'\n'))
        .collect()
}
