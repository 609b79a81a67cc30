use crate::posting::facts::Found;
use crate::posting::salary::PayText;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Pay described without numbers: `competitive salary`, `pay commensurate with
    /// experience`, `salaire concurrentiel`, `selon l'expérience`, in a posting that states no
    /// amount. Beside a range (`a competitive salary and benefits; the salary range is $90,000
    /// to $105,000 a year`), the phrase takes nothing away and is not reported.
    ///
    /// ## Why it matters
    /// Candidates cannot tell whether the job pays enough to apply, and pay-transparency laws
    /// require an amount or a range. Joblint users asked for this check first (joblint #54).
    ///
    /// ## Examples
    /// ```md,bad
    /// Nous offrons un salaire concurrentiel.
    /// ```
    /// ```md,good
    /// Le salaire est de 75 000 $ à 90 000 $ par année.
    /// ```
    pub static SALARY_VAGUE = Rule {
        id: "salary-vague",
        family: Family::Salary,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let amounts = |found: &Found<PayText>| matches!(found.value, PayText::Amounts(_));
    if posting.facts.pay.iter().any(amounts) {
        return;
    }
    for found in &posting.facts.pay {
        if let PayText::Vague { .. } = found.value {
            cx.report(found.span, format!("`{}` gives no amount", posting.slice(found.span)))
                .help("State the pay range with its period, such as `$75,000 to $90,000 per year` or `75 000 $ à 90 000 $ par année`.");
        }
    }
}
