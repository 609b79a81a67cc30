use crate::posting::salary::Period;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// An amount that makes no sense for its period, such as an hourly rate of $73,402 or a
    /// yearly salary of $25: usually the wrong period, or a misplaced decimal point.
    ///
    /// Plausible amounts (in dollars): hour 10 to 500; day 80 to 4,000; week 300 to 20,000;
    /// two weeks 600 to 40,000; month 1,000 to 80,000; year 15,000 to 1,000,000.
    ///
    /// ## Why it matters
    /// A wrong period misstates the pay by a factor of 2,000; candidates and job boards take it
    /// at its word.
    ///
    /// ## Examples
    /// ```md,bad
    /// The salary is $73,402 to $108,164 per hour.
    /// ```
    /// ```md,good
    /// The salary is $73,402 to $108,164 per year.
    /// ```
    pub static SALARY_IMPLAUSIBLE = Rule {
        id: "salary-implausible",
        family: Family::Salary,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

/// Lowest and highest plausible amounts, in dollars, for each period.
fn bounds(period: Period) -> (f64, f64) {
    match period {
        Period::Hour => (10.0, 500.0),
        Period::Day => (80.0, 4_000.0),
        Period::Week => (300.0, 20_000.0),
        Period::TwoWeeks => (600.0, 40_000.0),
        Period::Month => (1_000.0, 80_000.0),
        Period::Year => (15_000.0, 1_000_000.0),
    }
}

fn check(posting: &Posting, cx: &mut Context) {
    for (found, pay) in super::amounts(posting) {
        let Some((period, period_range)) = &pay.period else {
            continue;
        };
        let (low, high) = bounds(*period);
        let amounts = std::iter::once(&pay.min).chain(pay.max.as_ref());
        if let Some(odd) = amounts
            .into_iter()
            .find(|a| a.dollars() < low || a.dollars() > high)
        {
            let written = posting.slice(posting.span(odd.range.clone())).to_string();
            cx.report(
                found.span,
                format!(
                    "`{written}` per {} is not a plausible amount",
                    period.name()
                ),
            )
            .label(posting.span(period_range.clone()), "the period")
            .help("Check the period and the decimal point.");
        }
    }
}
