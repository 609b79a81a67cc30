use crate::posting::date::weekday_name;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A closing date whose weekday is wrong: `Wednesday, March 30, 2021` (March 30, 2021 was
    /// a Tuesday).
    ///
    /// ## Why it matters
    /// Candidates cannot tell which of the two is right, and a deadline copied from last year's
    /// posting usually keeps last year's weekday.
    ///
    /// ## Examples
    /// ```md,bad
    /// Nous acceptons les candidatures jusqu'au mardi 31 mars 2021 à 23 h 59 (HAE).
    /// ```
    /// ```md,good
    /// Nous acceptons les candidatures jusqu'au mercredi 31 mars 2021 à 23 h 59 (HAE).
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the date may be the wrong part rather than the weekday.
    pub static CLOSING_DATE_WEEKDAY_MISMATCH = Rule {
        id: "closing-date-weekday-mismatch",
        family: Family::ClosingDate,
        severity: Severity::Error,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for found in &posting.facts.deadlines {
        let d = &found.value;
        let (Some(date), Some((written, range))) = (d.date, &d.weekday) else {
            continue;
        };
        let actual = date.weekday();
        if actual == *written {
            continue;
        }
        let span = posting.span(range.clone());
        let original = posting.slice(span);
        let full = weekday_name(d.lang, actual);
        // Keep an abbreviation abbreviated: `Fri.` becomes `Thu.`, not `Thursday.`.
        let abbreviated = original.chars().count() < weekday_name(d.lang, *written).chars().count();
        let mut name = if abbreviated {
            full.chars().take(3).collect()
        } else {
            full.to_string()
        };
        if original.chars().next().is_some_and(char::is_uppercase) {
            name = capitalize(&name);
        }
        cx.report(
            span,
            format!(
                "{} {} a {}, not a {}",
                date.strftime("%B %-d, %Y"),
                if date < cx.today() { "was" } else { "is" },
                capitalize(weekday_name(crate::posting::Lang::En, actual)),
                capitalize(weekday_name(crate::posting::Lang::En, *written))
            ),
        )
        .help("Check the date and the weekday; one of them is wrong.")
        .replace(Applicability::Unsafe, format!("Write `{name}`"), name);
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}
