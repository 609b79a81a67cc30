use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A pay range wider than the jurisdiction allows, after converting both ends to a yearly
    /// amount (hours × 2,080, weeks × 52, months × 12). In Ontario a range may not span more
    /// than $50,000 a year, unless its top is above $200,000 a year.
    ///
    /// ## Why it matters
    /// Ontario's Employment Standards Act (s. 8.2 and O. Reg. 476/24, from January 1, 2026)
    /// caps the width of an advertised range; a wider range does not comply.
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// jurisdiction: CA-ON
    /// ---
    ///
    /// Salary: $60,000 to $120,000 per year
    /// ```
    /// ```md,good
    /// ---
    /// jurisdiction: CA-ON
    /// ---
    ///
    /// Salary: $70,000 to $120,000 per year
    /// ```
    pub static SALARY_RANGE_TOO_WIDE = Rule {
        id: "salary-range-too-wide",
        family: Family::Salary,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let Some(law) = super::salary_missing::jurisdiction(posting, cx) else {
        return;
    };
    let Some(limit) = law.max_range_width else {
        return;
    };
    let published = posting
        .facts
        .published
        .as_ref()
        .and_then(|p| p.value.date)
        .unwrap_or(cx.today());
    if !law.applies(published, cx.employer_size()) {
        return;
    }
    for (found, pay) in super::amounts(posting) {
        let (Some(max), Some((period, _))) = (&pay.max, &pay.period) else {
            continue;
        };
        let (low, high) = (
            super::annual(&pay.min, *period),
            super::annual(max, *period),
        );
        if law
            .range_limit_exempt_above
            .is_some_and(|above| high > above)
        {
            continue;
        }
        let width = high - low;
        if width > limit {
            cx.report(
                found.span,
                format!(
                    "the range spans ${} a year, more than the ${} {} allows",
                    super::group(width.round() as i64, ','),
                    super::group(limit as i64, ','),
                    law.name
                ),
            )
            .help(format!(
                "Narrow the range to ${} a year or less ({}).",
                super::group(limit as i64, ','),
                law.source
            ));
        }
    }
}
