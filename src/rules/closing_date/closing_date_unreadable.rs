use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A sentence that announces a deadline whose date postlint cannot read, or a date that
    /// does not exist (`February 30, 2022`). The message says what was understood.
    ///
    /// ## Why it matters
    /// If postlint cannot read the date, neither can the site's structured data or many
    /// readers, and none of the other date checks can run on it.
    ///
    /// ## Examples
    /// ```md,bad
    /// Apply by 31/03/2028.
    /// ```
    /// ```md,good
    /// Apply by March 31, 2028.
    /// ```
    pub static CLOSING_DATE_UNREADABLE = Rule {
        id: "closing-date-unreadable",
        family: Family::ClosingDate,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for found in &posting.facts.unreadable_deadlines {
        cx.report(
            found.span,
            format!("cannot read the closing date: saw `{}`", found.value.trim()),
        )
        .help(
            "Write the date in full, such as `March 31, 2028` or `31 mars 2028` (or `2028-03-31`).",
        );
    }
    for found in &posting.facts.deadlines {
        let d = &found.value;
        if d.year.is_some() && d.date.is_none() {
            cx.report(
                found.span,
                format!(
                    "the closing date does not exist: read as {}",
                    d.understood()
                ),
            )
            .help("Check the day and the month.");
        }
    }
}
