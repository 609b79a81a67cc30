use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A heading with no text: a line of `#` signs alone, or one holding only spaces or
    /// invisible characters.
    ///
    /// ## Why it matters
    /// Screen readers announce an empty heading, which tells the listener nothing (WCAG 2.4.6
    /// Headings and Labels).
    ///
    /// ## Examples
    /// ```md,bad
    /// ##
    ///
    /// Nous embauchons.
    /// ```
    /// ```md,good
    /// ## Qui nous sommes
    ///
    /// Nous embauchons.
    /// ```
    pub static ACCESSIBILITY_EMPTY_HEADING = Rule {
        id: "accessibility-empty-heading",
        family: Family::Accessibility,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for h in &posting.markdown.headings {
        if h.text
            .chars()
            .all(|c| c.is_whitespace() || super::accessibility_invisible_character::is_invisible(c))
        {
            cx.report(h.span, "this heading is empty")
                .help("Write what the section is about, or remove the heading.");
        }
    }
}
