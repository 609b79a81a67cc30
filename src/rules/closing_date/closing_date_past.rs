use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// An open posting whose closing date has passed (compared with `--today`, `today` in
    /// `postlint.toml`, or the clock). A posting is open unless it is `archived: true` or
    /// `linkHidden: true`, or says applications are closed.
    ///
    /// ## Why it matters
    /// An expired posting still presented as open wastes candidates' time, and Google asks
    /// sites to remove or expire such postings or risk a manual action.
    ///
    /// ## Examples
    /// ```md,bad
    /// We're accepting applications until Friday, March 31, 2023 at 11:59 pm EDT.
    /// ```
    /// ```md,good
    /// We're accepting applications until Friday, March 31, 2028 at 11:59 pm EDT.
    /// ```
    pub static CLOSING_DATE_PAST = Rule {
        id: "closing-date-past",
        family: Family::ClosingDate,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    if !posting.is_open() {
        return;
    }
    let Some(latest) = super::latest(posting) else {
        return;
    };
    let Some(date) = latest.value.date else {
        return;
    };
    let today = cx.today();
    if date >= today {
        return;
    }
    let help = if posting.front_matter.get("linkHidden").is_some() {
        "Hide the posting (`linkHidden: true`) or update the closing date."
    } else if posting.front_matter.kind == FrontMatterKind::Yaml {
        "Archive the posting (`archived: true`) or update the closing date."
    } else {
        "Take the posting down, mark it closed, or update the closing date."
    };
    cx.report(
        latest.span,
        format!(
            "the closing date {date} has passed (today is {today}) but the posting is still open"
        ),
    )
    .help(help);
}
