use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Pay with only one end: `up to $30 per hour`, `$60,000 and up`, `starting at $25`,
    /// `jusqu'à 30 $ l'heure`, `à partir de 60 000 $`.
    ///
    /// ## Why it matters
    /// An open-ended range tells candidates little, and British Columbia, Washington, New York,
    /// Illinois, Minnesota and New Jersey say outright that it does not meet their
    /// pay-transparency laws.
    ///
    /// ## Examples
    /// ```md,bad
    /// The salary is up to $90,000 per year.
    /// ```
    /// ```md,good
    /// The salary is $75,000 to $90,000 per year.
    /// ```
    pub static SALARY_OPEN_ENDED = Rule {
        id: "salary-open-ended",
        family: Family::Salary,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let law = super::salary_missing::jurisdiction(posting, cx).filter(|j| !j.open_ended_allowed);
    for (found, pay) in super::amounts(posting) {
        let Some((words, _)) = &pay.open_ended else {
            continue;
        };
        let french = posting.lang_at(found.span.start as usize) == Some(crate::posting::Lang::Fr);
        let example = if french {
            "`75 000 $ à 90 000 $ par année`"
        } else {
            "`$75,000 to $90,000 per year`"
        };
        let mut help = if french {
            format!("Donnez le salaire le plus bas et le plus haut, par exemple {example}.")
        } else {
            format!("Give both the lowest and the highest pay, such as {example}.")
        };
        if let Some(law) = law {
            help.push_str(&format!(
                " {} law does not accept open-ended ranges ({}).",
                law.name, law.source
            ));
        }
        cx.report(
            found.span,
            format!("`{words}` gives only one end of the pay range"),
        )
        .help(help);
    }
}
