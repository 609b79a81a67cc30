use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A closing date in the text without its year, without a time, or with a time but no
    /// time zone: `until March 31`, `until March 31, 2028`, `until March 31, 2028 at 11:59 pm`.
    ///
    /// ## Why it matters
    /// A deadline is a moment: candidates across Canada's six time zones need the time and the
    /// zone (the Translation Bureau writes zones in capitals, `EDT`, `HAE`), and a date
    /// without a year is wrong again every year the posting is reused.
    ///
    /// ## Examples
    /// ```md,bad
    /// We're accepting applications until March 31, 2028.
    /// ```
    /// ```md,good
    /// We're accepting applications until March 31, 2028 at 11:59 pm EDT.
    /// ```
    pub static CLOSING_DATE_INCOMPLETE = Rule {
        id: "closing-date-incomplete",
        family: Family::ClosingDate,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for found in super::in_text(posting) {
        let d = &found.value;
        let mut missing = Vec::new();
        if d.year.is_none() {
            missing.push("year");
        }
        if d.time.is_none() {
            missing.push("time");
        }
        if d.zone.is_none() {
            missing.push("time zone");
        }
        if missing.is_empty() {
            continue;
        }
        let list = match missing.as_slice() {
            [one] => one.to_string(),
            [a, b] => format!("{a} or {b}"),
            _ => "year, time or time zone".to_string(),
        };
        cx.report(found.span, format!("the closing date has no {list}"))
            .help(d.lang.pick(
                "Give the full date, time and zone: `March 31, 2028 at 11:59 pm EDT`.",
                "Écrivez la date complète avec l'heure et le fuseau : `31 mars 2028 à 23 h 59 (HAE)`.",
            ));
    }
}
