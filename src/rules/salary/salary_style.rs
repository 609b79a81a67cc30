use crate::posting::Lang;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Pay not written in the house style of its language (Canada.ca): English
    /// `$73,402 to $108,164 per year`, French `73 402 $ à 108 164 $ par année`. That is: `to`
    /// or `à` between the amounts, not a dash; no `.00` on whole dollars; thousands grouped
    /// (`,` in English, a no-break space in French); and the period as `per year` / `par année`,
    /// in lower case.
    ///
    /// ## Why it matters
    /// Screen readers skip or misread dashes between numbers ("73 thousand 402 minus 108
    /// thousand"), `.00` adds noise, and one style across postings makes them easy to compare.
    ///
    /// ## Examples
    /// ```md,bad
    /// Salary: $73,402.00 - $108,164.00 Per Year
    /// ```
    /// ```md,good
    /// Salary: $73,402 to $108,164 per year
    /// ```
    ///
    /// ## Fix safety
    /// The rewrite keeps every number and the period, so it is safe.
    ///
    /// ## References
    /// Canada.ca Content Style Guide §4.3 and §4.6; Guide de rédaction du contenu du site
    /// Canada.ca §4.3.
    pub static SALARY_STYLE = Rule {
        id: "salary-style",
        family: Family::Salary,
        severity: Severity::Info,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

fn normalize(s: &str) -> String {
    s.replace('\u{202f}', "\u{a0}")
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn check(posting: &Posting, cx: &mut Context) {
    for (found, pay) in super::amounts(posting) {
        let written_as = if pay.min.style.symbol_first {
            Lang::En
        } else {
            Lang::Fr
        };
        // Too little text to tell the language: judge the amount by its own conventions.
        let lang = super::lang_of(posting, found).unwrap_or(written_as);
        // The other language's format is `salary-locale-mismatch`.
        if written_as != lang {
            continue;
        }
        let Some(mut rewrite) = super::canonical(pay, lang) else {
            continue;
        };
        let written = posting.slice(found.span);
        // A French range may open with `de`; keep the author's choice.
        if lang == Lang::Fr && !written.starts_with("de ") {
            rewrite = rewrite.trim_start_matches("de ").to_string();
        }
        if normalize(written) == normalize(&rewrite) {
            continue;
        }
        let only_spaces =
            normalize(written).replace('\u{a0}', " ") == normalize(&rewrite).replace('\u{a0}', " ");
        let message = if only_spaces {
            format!("use no-break spaces in `{written}`, so the amounts do not break across lines")
        } else {
            format!("write pay as `{rewrite}`")
        };
        cx.report(found.span, message)
            .help(lang.pick(
                "Canada.ca style: `to` between amounts, no `.00`, thousands with commas, `per year` in lower case.",
                "Style Canada.ca : `à` entre les montants, pas de `,00`, espace insécable pour les milliers et avant `$`, `par année`.",
            ))
            .replace(Applicability::Safe, if only_spaces { "Use no-break spaces".to_string() } else { format!("Write `{rewrite}`") }, rewrite);
    }
}
