use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A pay amount or range with no period: `$66,995 - $72,183` (a year? a month?).
    ///
    /// ## Why it matters
    /// Without the period, readers and job boards guess; the same numbers mean very different
    /// pay per week and per year, and a range cannot be checked against the law.
    ///
    /// ## Examples
    /// ```md,bad
    /// ## Salaire
    ///
    /// 66 995 $ à 72 183 $
    /// ```
    /// ```md,good
    /// ## Salaire
    ///
    /// 66 995 $ à 72 183 $ par année
    /// ```
    pub static SALARY_NO_PERIOD = Rule {
        id: "salary-no-period",
        family: Family::Salary,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for (found, pay) in super::amounts(posting) {
        if pay.period.is_some() {
            continue;
        }
        let help = posting.in_lang_at(
            found.span.start as usize,
            "Say what period the pay is for, such as `per year` or `per hour`.",
            "Dites pour quelle période : `par année`, `par heure`… (Say the period, such as `par année`.)",
        );
        cx.report(
            found.span,
            format!(
                "`{}` does not say per what period",
                posting.slice(found.span)
            ),
        )
        .help(help);
    }
}
