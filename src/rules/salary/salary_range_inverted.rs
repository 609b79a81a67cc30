use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A pay range whose first amount is larger than its second: `$90,000 to $75,000`.
    ///
    /// ## Why it matters
    /// Readers, job boards and pay-transparency checks read the first amount as the minimum.
    ///
    /// ## Examples
    /// ```md,bad
    /// Salary: $90,000 to $75,000 per year
    /// ```
    /// ```md,good
    /// Salary: $75,000 to $90,000 per year
    /// ```
    ///
    /// ## Fix safety
    /// Swapping the amounts is unsafe: one of them may be a typo instead.
    pub static SALARY_RANGE_INVERTED = Rule {
        id: "salary-range-inverted",
        family: Family::Salary,
        severity: Severity::Error,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for (found, pay) in super::amounts(posting) {
        let Some(max) = &pay.max else { continue };
        if pay.min.cents <= max.cents {
            continue;
        }
        let (low, high) = (
            posting.span(max.range.clone()),
            posting.span(pay.min.range.clone()),
        );
        let (low_text, high_text) = (
            posting.slice(low).to_string(),
            posting.slice(high).to_string(),
        );
        cx.report(
            found.span,
            format!("the range starts at `{high_text}` and ends lower, at `{low_text}`"),
        )
        .help("Put the lower amount first.")
        .fix(
            Applicability::Unsafe,
            "Swap the amounts",
            vec![
                Edit {
                    span: high,
                    replacement: low_text,
                },
                Edit {
                    span: low,
                    replacement: high_text,
                },
            ],
        );
    }
}
