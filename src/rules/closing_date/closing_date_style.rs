use crate::posting::Lang;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A closing date not written in the house style of its language (Canada.ca):
    /// - English: no ordinal (`February 11`, not `February 11th`); `pm` without periods
    ///   (`5:00 pm`, not `5:00 p.m.`);
    /// - French: `23 h 59` with spaces (not `23h59` or `23:59`); the first of the month as
    ///   `1er`; months and weekdays in lower case.
    ///
    /// ## Why it matters
    /// One style across postings is easier to read and to compare, and the Canada.ca style
    /// guides are what Government of Canada readers expect.
    ///
    /// ## Examples
    /// ```md,bad
    /// We're accepting submissions until Friday, February 11th, 2028 at 5:00 p.m. EST.
    /// ```
    /// ```md,good
    /// We're accepting submissions until Friday, February 11, 2028 at 5:00 pm EST.
    /// ```
    ///
    /// ## Fix safety
    /// Safe: only the way the date is written changes.
    ///
    /// ## References
    /// Canada.ca Content Style Guide §4.7 (dates) and §4.8 (times); Guide de rédaction du
    /// contenu du site Canada.ca §4.6 to §4.8.
    pub static CLOSING_DATE_STYLE = Rule {
        id: "closing-date-style",
        family: Family::ClosingDate,
        severity: Severity::Info,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for found in super::in_text(posting) {
        let d = &found.value;
        if d.iso {
            continue;
        }
        match d.lang {
            Lang::En => english(posting, found.span, d, cx),
            Lang::Fr => french(posting, found.span, d, cx),
        }
    }
}

fn english(posting: &Posting, _span: Span, d: &crate::posting::date::DateText, cx: &mut Context) {
    if let Some(range) = &d.ordinal {
        let span = posting.span(range.clone());
        cx.report(
            span,
            format!("write the day without `{}`", posting.slice(span)),
        )
        .help("Canada.ca style writes dates without ordinals: `February 11, 2028`.")
        .replace(Applicability::Safe, "Remove the ordinal", "");
    }
    if d.dotted_meridiem
        && let Some((time, range)) = &d.time
    {
        let span = posting.span(range.clone());
        let (h, m) = (time.hour(), time.minute());
        let (h12, suffix) = match h {
            0 => (12, "am"),
            1..=11 => (h, "am"),
            12 => (12, "pm"),
            _ => (h - 12, "pm"),
        };
        let rewrite = format!("{h12}:{m:02}\u{a0}{suffix}");
        cx.report(span, format!("write the time as `{h12}:{m:02} {suffix}`"))
            .help("Canada.ca style writes `am` and `pm` in lower case, without periods, after a no-break space.")
            .replace(Applicability::Safe, format!("Write `{h12}:{m:02} {suffix}`"), rewrite);
    }
}

fn french(posting: &Posting, span: Span, d: &crate::posting::date::DateText, cx: &mut Context) {
    if let Some((time, range)) = &d.time {
        let written = posting.slice(posting.span(range.clone()));
        let (h, m) = (time.hour(), time.minute());
        let rewrite = if m == 0 {
            format!("{h}\u{a0}h")
        } else {
            format!("{h}\u{a0}h\u{a0}{m:02}")
        };
        let shown = rewrite.replace('\u{a0}', " ");
        let normalized = written.replace(['\u{a0}', '\u{202f}'], " ");
        if normalized != shown && !matches!(written, "midi" | "minuit") {
            cx.report(
                posting.span(range.clone()),
                format!("write the time as `{shown}`"),
            )
            .help("Le style Canada.ca écrit l'heure `23 h 59`, avec des espaces insécables.")
            .replace(Applicability::Safe, format!("Write `{shown}`"), rewrite);
        }
    }
    let text = posting.slice(span);
    if text.chars().any(|c| c.is_uppercase()) {
        let has_capital_word = text.split_whitespace().any(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        });
        if has_capital_word {
            cx.report(span, "write French months and weekdays in lower case")
                .help("En français, les mois et les jours s'écrivent en minuscules : `le mercredi 31 mars 2028`.");
        }
    }
    if d.day == 1 {
        let written = posting.slice(span);
        if !written.contains("1er") {
            cx.report(span, "write the first of the month as `1er`")
                .help("Le premier jour du mois s'écrit `1er` : `1er avril 2028`.");
        }
    }
}
