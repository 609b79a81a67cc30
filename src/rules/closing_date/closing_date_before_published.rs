use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A closing date earlier than the posting's publication date (`Published:` in a metadata
    /// block, or `date`/`published`/`datePosted` in front matter).
    ///
    /// ## Why it matters
    /// The posting closed before it opened: one of the two dates is wrong, usually a year
    /// copied from an older posting.
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// date: 2028-03-01
    /// ---
    ///
    /// Apply by February 15, 2028 at 11:59 pm EST.
    /// ```
    /// ```md,good
    /// ---
    /// date: 2028-03-01
    /// ---
    ///
    /// Apply by March 15, 2028 at 11:59 pm EDT.
    /// ```
    pub static CLOSING_DATE_BEFORE_PUBLISHED = Rule {
        id: "closing-date-before-published",
        family: Family::ClosingDate,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let Some(published) = &posting.facts.published else {
        return;
    };
    let Some(opened) = published.value.date else {
        return;
    };
    for found in &posting.facts.deadlines {
        let Some(closes) = found.value.date else {
            continue;
        };
        if closes < opened {
            cx.report(
                found.span,
                format!("the posting closes on {closes}, before it was published on {opened}"),
            )
            .label(published.span, "published here")
            .help("Check the year of both dates.");
        }
    }
}
