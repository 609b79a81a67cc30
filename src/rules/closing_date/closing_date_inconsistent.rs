use crate::posting::date::{DateText, zone_info};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Two statements of the closing date in one posting that disagree: a different date or
    /// time, or a different zone (`11:59 pm EDT` at the top, `11:59 p.m. EST` at the bottom).
    ///
    /// ## Why it matters
    /// Candidates cannot know which one holds; usually one was updated and the other forgotten.
    ///
    /// ## Examples
    /// ```md,bad
    /// We're accepting submissions until Wednesday, May 4, 2022 11:59 pm EDT.
    ///
    /// Apply by Wednesday, May 4, 2022 at 11:59 pm EST.
    /// ```
    /// ```md,good
    /// We're accepting submissions until Wednesday, May 4, 2022 11:59 pm EDT.
    ///
    /// Apply by Wednesday, May 4, 2022 at 11:59 pm EDT.
    /// ```
    pub static CLOSING_DATE_INCONSISTENT = Rule {
        id: "closing-date-inconsistent",
        family: Family::ClosingDate,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

/// The zone's meaning, so that `EDT` and `HAE` agree.
fn zone_key(d: &DateText) -> Option<(&'static str, bool)> {
    d.zone.as_ref().and_then(|(z, _)| zone_info(z))
}

fn check(posting: &Posting, cx: &mut Context) {
    let deadlines: Vec<_> = posting
        .facts
        .deadlines
        .iter()
        .filter(|d| d.value.date.is_some())
        .collect();
    let Some(first) = deadlines.first() else {
        return;
    };
    for other in &deadlines[1..] {
        let (a, b) = (&first.value, &other.value);
        let what = if a.date != b.date {
            Some(format!(
                "{} here, {} above",
                b.date.map(|d| d.to_string()).unwrap_or_default(),
                a.date.map(|d| d.to_string()).unwrap_or_default()
            ))
        } else if a.time.is_some()
            && b.time.is_some()
            && a.time.as_ref().map(|t| t.0) != b.time.as_ref().map(|t| t.0)
        {
            Some(format!("{} here, {} above", b.understood(), a.understood()))
        } else if zone_key(a).is_some() && zone_key(b).is_some() && zone_key(a) != zone_key(b) {
            let (za, zb) = (
                &a.zone.as_ref().expect("zone").0,
                &b.zone.as_ref().expect("zone").0,
            );
            Some(format!("`{zb}` here, `{za}` above"))
        } else {
            None
        };
        if let Some(what) = what {
            cx.report(
                other.span,
                format!("the closing date disagrees with an earlier statement: {what}"),
            )
            .label(first.span, "first stated here")
            .help("State the deadline once, or make every statement of it the same.");
        }
    }
}
