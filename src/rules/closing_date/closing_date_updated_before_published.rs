use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// An `Updated` date earlier than the `Published` date (metadata blocks; `lastmod` or
    /// `updated` before `date` in front matter).
    ///
    /// ## Why it matters
    /// A posting cannot change before it exists: one of the dates is wrong, and readers use
    /// them to judge whether the posting is current.
    ///
    /// ## Examples
    /// ```md,bad
    /// >Updated: January 5, 2022
    /// >Published: January 15, 2022
    /// >Job title: Policy co-op
    /// ```
    /// ```md,good
    /// >Updated: February 22, 2022
    /// >Published: January 15, 2022
    /// >Job title: Policy co-op
    /// ```
    pub static CLOSING_DATE_UPDATED_BEFORE_PUBLISHED = Rule {
        id: "closing-date-updated-before-published",
        family: Family::ClosingDate,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let (Some(published), Some(updated)) = (&posting.facts.published, &posting.facts.updated)
    else {
        return;
    };
    let (Some(p), Some(u)) = (published.value.date, updated.value.date) else {
        return;
    };
    if u < p {
        cx.report(
            updated.span,
            format!("updated on {u}, before it was published on {p}"),
        )
        .label(published.span, "published here")
        .help("Check the year of both dates.");
    }
}
