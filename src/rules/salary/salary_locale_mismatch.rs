use crate::posting::Lang;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// An amount written the English way in French text (`$66,995 - $72,183`), or the French
    /// way in English text (`66 995 $`).
    ///
    /// ## Why it matters
    /// French puts the `$` after the number, groups thousands with a space and uses a decimal
    /// comma (Guide de rédaction §4.3, OQLF); `$66,995` reads as an untranslated English page,
    /// and `66,995` is "sixty-six point nine nine five" to a French reader.
    ///
    /// ## Examples
    /// ```md,bad,file=poste.fr.md
    /// Le salaire est de $66,995 à $72,183 par année.
    /// ```
    /// ```md,good,file=poste.fr.md
    /// Le salaire est de 66 995 $ à 72 183 $ par année.
    /// ```
    ///
    /// ## Fix safety
    /// Rewriting the amounts in the text's language is safe: the numbers do not change.
    pub static SALARY_LOCALE_MISMATCH = Rule {
        id: "salary-locale-mismatch",
        family: Family::Salary,
        severity: Severity::Warning,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for (found, pay) in super::amounts(posting) {
        let Some(lang) = super::lang_of(posting, found) else {
            continue;
        };
        let written_as = if pay.min.style.symbol_first {
            Lang::En
        } else {
            Lang::Fr
        };
        if written_as == lang {
            continue;
        }
        let d = cx.report(
            found.span,
            format!(
                "`{}` is written the {} way in {} text",
                posting.slice(found.span),
                written_as.name(),
                lang.name()
            ),
        );
        match super::rewrite_in_place(posting, found, pay, lang) {
            Some(rewrite) => {
                d.help(lang.pick(
                    format!("Write `{rewrite}`."),
                    format!("Écrivez `{rewrite}`."),
                ));
                d.replace(Applicability::Safe, format!("Write `{rewrite}`"), rewrite);
            }
            None => {
                d.help(lang.pick(
                    "Put the `$` before the number and group thousands with a comma: `$66,995`.",
                    "Placez le `$` après le nombre, séparez les milliers par une espace et les décimales par une virgule : `66 995 $`.",
                ));
            }
        }
    }
}
