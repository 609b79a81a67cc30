use crate::posting::Lang;
use crate::posting::date::{DateText, zone_info};
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
            Lang::En => english(posting, d, cx),
            Lang::Fr => french(posting, found.span, d, cx),
        }
    }
}

fn english(posting: &Posting, d: &DateText, cx: &mut Context) {
    if let Some(range) = &d.ordinal {
        let span = posting.span(range.clone());
        cx.report(
            span,
            format!("write the day without `{}`", posting.slice(span)),
        )
        .help("Canada.ca style writes dates without ordinals: `February 11, 2028`.")
        .replace(Applicability::Safe, "Remove the ordinal", "");
    }
    if !d.odd_meridiem {
        return;
    }
    let Some((time, range)) = &d.time else { return };
    let span = posting.span(range.clone());
    let (h, m) = (time.hour(), time.minute());
    let (h12, suffix) = match h {
        0 => (12, "am"),
        1..=11 => (h, "am"),
        12 => (12, "pm"),
        _ => (h - 12, "pm"),
    };
    let mut rewrite = format!("{h12}:{m:02}\u{a0}{suffix}");
    // `5:00 p.m.` at the end of a sentence: its last period also ends the sentence.
    if posting.slice(span).ends_with('.') && ends_sentence(&posting.text()[span.end as usize..]) {
        rewrite.push('.');
    }
    cx.report(span, format!("write the time as `{h12}:{m:02} {suffix}`"))
        .help("Canada.ca style writes `am` and `pm` in lower case, without periods, after a no-break space.")
        .replace(Applicability::Safe, format!("Write `{h12}:{m:02} {suffix}`"), rewrite);
}

/// The text after a period starts a new sentence (or nothing follows).
fn ends_sentence(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\t', '\u{a0}']);
    let next_word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    rest.is_empty()
        || rest.starts_with(['\n', '\r', '*', '_', ')'])
        || (next_word.chars().next().is_some_and(char::is_uppercase)
            && zone_info(&next_word).is_none()
            && next_word.len() > 2)
}

fn french(posting: &Posting, span: Span, d: &DateText, cx: &mut Context) {
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
        // `24 h` is the end of the day, read as 23:59: it is fine as written.
        let end_of_day = written.trim_start().starts_with("24");
        if normalized != shown && !end_of_day && !matches!(written, "midi" | "minuit") {
            cx.report(
                posting.span(range.clone()),
                format!("write the time as `{shown}`"),
            )
            .help("Le style Canada.ca écrit l'heure `23 h 59`, avec des espaces insécables.")
            .replace(Applicability::Safe, format!("Write `{shown}`"), rewrite);
        }
    }
    let text = posting.slice(span);
    let capitalized = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .any(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        });
    if capitalized {
        cx.report(span, "write French months and weekdays in lower case")
            .help("En français, les mois et les jours s'écrivent en minuscules : `le mercredi 31 mars 2028`.");
    }
    if d.day == 1 && !text.contains("1er") {
        cx.report(span, "write the first of the month as `1er`")
            .help("Le premier jour du mois s'écrit `1er` : `1er avril 2028`.");
    }
}
