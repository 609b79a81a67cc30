use crate::posting::salary::PayText;
use crate::rules::prelude::*;

use super::Jurisdiction;

declare_rule! {
    /// ## What it flags
    /// An open posting with no pay amount where a pay-transparency law requires one: the
    /// jurisdiction comes from the posting's `jurisdiction` front-matter key, else from
    /// `jurisdiction` in `postlint.toml`. The law applies when the posting was published (its
    /// `Published` date, else today) on or after the law's in-force date, by an employer at
    /// least as large as the law's threshold (`employer-size` in `postlint.toml`; unknown
    /// counts as covered). A classification (`IT-03`) or "competitive salary" is not an amount.
    ///
    /// ## Why it matters
    /// Ontario (from January 1, 2026), British Columbia, Prince Edward Island and many US
    /// states require the expected pay or pay range in every publicly advertised job posting.
    /// A posting without it breaks the law and drives away applicants.
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// title: Web editor
    /// jurisdiction: CA-ON
    /// ---
    ///
    /// We offer a competitive salary and great benefits.
    /// ```
    /// ```md,good
    /// ---
    /// title: Web editor
    /// jurisdiction: CA-ON
    /// ---
    ///
    /// Salary: $75,000 to $90,000 per year.
    /// ```
    ///
    /// ## Options
    /// `jurisdiction = "CA-ON"` and `employer-size = 120` in `postlint.toml` (also in
    /// `[[overrides]]`). The codes and their sources are in `rules/salary/jurisdictions.toml`.
    ///
    /// ## References
    /// - Ontario: Employment Standards Act, 2000, s. 8.2; O. Reg. 476/24.
    /// - British Columbia: Pay Transparency Act, SBC 2023 c. 18, s. 2.
    pub static SALARY_MISSING = Rule {
        id: "salary-missing",
        family: Family::Salary,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let Some(law) = jurisdiction(posting, cx) else {
        return;
    };
    if !posting.is_open() {
        return;
    }
    let published = posting
        .facts
        .published
        .as_ref()
        .and_then(|p| p.value.date)
        .unwrap_or(cx.today());
    if !law.applies(published, cx.employer_size()) {
        return;
    }
    if super::amounts(posting).next().is_some() {
        return;
    }
    let instead = posting.facts.pay.iter().find_map(|f| match &f.value {
        PayText::Classification { code, .. } => Some(format!(
            "gives the classification `{code}` but no pay amount"
        )),
        PayText::Vague { .. } => Some(format!(
            "describes pay as `{}` but gives no amount",
            posting.slice(f.span)
        )),
        PayText::Amounts(_) => None,
    });
    let span = posting
        .title
        .as_ref()
        .map_or(posting.span(0..0), |t| t.span);
    let message = match instead {
        Some(what) => format!(
            "{} law requires the pay in the posting, which {what}",
            law.name
        ),
        None => format!(
            "{} law requires the pay in the posting, and none is stated",
            law.name
        ),
    };
    let help = crate::posting::Lang::pick_for(
        posting.lang.map(|(l, _)| l),
        format!(
            "State the expected pay or pay range with its period, such as `$75,000 to $90,000 per year` ({}).",
            law.source
        ),
        format!(
            "Indiquez le salaire ou l'échelle salariale et sa période, par exemple `75 000 $ à 90 000 $ par année` ({}).",
            law.source
        ),
    );
    cx.report(span, message).help(help);
}

/// The posting's `jurisdiction` key, else the configured one.
pub(super) fn jurisdiction(posting: &Posting, cx: &Context) -> Option<&'static Jurisdiction> {
    posting
        .front_matter
        .str("jurisdiction")
        .and_then(Jurisdiction::by_code)
        .or(cx.jurisdiction())
}
