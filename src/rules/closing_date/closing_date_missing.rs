use std::sync::LazyLock;

use crate::posting::fold::Folded;

use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// An open posting that states no closing date. A posting is open unless it is
    /// `archived: true` or `linkHidden: true`, or says applications are closed ("We received
    /// 114 applications"). A posting that says it has no fixed closing date ("until the
    /// position is filled", « aucune date limite ») is not missing one, and neither is one
    /// whose profile says the date comes from elsewhere (the `cds` profile: the Lever
    /// applicant-tracking system shows it).
    ///
    /// Files that do not look like postings (no profile, no pay, no "we're hiring" title) are
    /// skipped.
    ///
    /// ## Why it matters
    /// Candidates need to know how long they have; Google's job-posting guidelines ask for
    /// `validThrough`, and Colorado requires the application deadline in postings.
    ///
    /// ## Examples
    /// ```md,bad
    /// # We're hiring a web editor
    ///
    /// Salary: $75,000 to $90,000 per year.
    /// ```
    /// ```md,good
    /// # We're hiring a web editor
    ///
    /// Salary: $75,000 to $90,000 per year.
    ///
    /// We're accepting applications until Friday, March 31, 2028 at 11:59 pm EDT.
    /// ```
    pub static CLOSING_DATE_MISSING = Rule {
        id: "closing-date-missing",
        family: Family::ClosingDate,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

static HIRING: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?-u:\b)(?:(?:hiring|recruiting|join\s+our\s+team|joignez-vous)(?-u:\b)|embauch|recrut)",
    )
});

fn check(posting: &Posting, cx: &mut Context) {
    let facts = &posting.facts;
    if !posting.is_open()
        || !facts.deadlines.is_empty()
        || !facts.unreadable_deadlines.is_empty()
        || facts.no_deadline.is_some()
    {
        return;
    }
    let external = posting
        .profile
        .as_ref()
        .and_then(|p| p.schema.pointer("/x-postlint/closingDate"))
        .and_then(|v| v.as_str())
        == Some("external");
    if external {
        return;
    }
    let looks_like_posting = posting.profile.is_some()
        || !facts.pay.is_empty()
        || posting
            .title
            .as_ref()
            .is_some_and(|t| HIRING.is_match(&t.value));
    if !looks_like_posting {
        return;
    }
    let span = posting
        .title
        .as_ref()
        .map_or(posting.span(0..0), |t| t.span);
    let help = posting.in_lang_at(
        span.start as usize,
        "Say until when applications are accepted, such as `We're accepting applications until Friday, March 31, 2028 at 11:59 pm EDT`, or archive the posting.",
        "Dites jusqu'à quand les candidatures sont acceptées, par exemple `Nous acceptons les candidatures jusqu'au vendredi 31 mars 2028 à 23 h 59 (HAE)`, ou archivez l'offre.",
    );
    cx.report(span, "the posting is open but states no closing date")
        .help(help);
}
