use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A salary postlint cannot read: a `Salary:` key, or text under a pay heading, that holds
    /// no amount postlint understands (`Salary: TBD`, `$82.5K`).
    ///
    /// ## Why it matters
    /// What postlint cannot read, job boards and screen readers often read wrongly too; and an
    /// unreadable salary cannot be checked against the law or against the other language.
    ///
    /// ## Examples
    /// ```md,bad
    /// >Updated: March 24, 2022
    /// >Published: March 9, 2022
    /// >Job title: Web editor
    /// >Organization: Ministry of Finance
    /// >Location: Toronto
    /// >Salary: to be confirmed
    /// >Job term: 1 Permanent
    /// ```
    /// ```md,good
    /// >Updated: March 24, 2022
    /// >Published: March 9, 2022
    /// >Job title: Web editor
    /// >Organization: Ministry of Finance
    /// >Location: Toronto
    /// >Salary: $75,000 to $90,000 per year
    /// >Job term: 1 Permanent
    /// ```
    pub static SALARY_UNREADABLE = Rule {
        id: "salary-unreadable",
        family: Family::Salary,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for found in &posting.facts.unreadable_pay {
        let shown: String = found.value.chars().take(60).collect();
        cx.report(found.span, format!("cannot read the pay in `{}`", shown.trim()))
            .help("Write the amounts in full with a `$` and the period: `$75,000 to $90,000 per year`, `75 000 $ à 90 000 $ par année`.");
    }
}
