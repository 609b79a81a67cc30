//! Dates, times and time zones as people write them in English and French postings, read with
//! a small grammar on jiff. Pure: it records what it read and never reports.
//!
//! ```text
//! Wednesday, March 31, 2021 11:59 pm EDT          le mercredi 31 mars 2021 à 23 h 59 (HAE)
//! Friday, February 11th, 2022 at 5:00 p.m. EDT    1er avril 2022
//! 2021-03-31                                       jusqu'au 31 mars 2021
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::pattern::{Caps, Pattern};
use jiff::civil::{Date, Time, Weekday};

use super::fold::{Folded, WORD, fold_case};
use super::lang::Lang;

/// A date expression, with what was understood of each part. Ranges are byte offsets into the
/// text that was searched.
#[derive(Clone, Debug, PartialEq)]
pub struct DateText {
    /// The whole expression.
    pub range: Range<usize>,
    /// The grammar that read it: English (`March 31, 2021`), French (`31 mars 2021`).
    pub lang: Lang,
    /// Written as `2021-03-31`.
    pub iso: bool,
    pub year: Option<i16>,
    pub month: i8,
    pub day: i8,
    /// The calendar date, when the year is given and the date exists.
    pub date: Option<Date>,
    pub weekday: Option<(Weekday, Range<usize>)>,
    pub time: Option<(Time, Range<usize>)>,
    /// The zone abbreviation as written, upper-cased (`EDT`, `HAE`), and where.
    pub zone: Option<(String, Range<usize>)>,
    /// An English ordinal suffix (`11th`): where it is.
    pub ordinal: Option<Range<usize>>,
    /// The 12-hour clock's `am`/`pm` is written otherwise (`p.m.`, `PM`).
    pub odd_meridiem: bool,
}

impl DateText {
    /// The same date with every range passed through `f` (from text offsets to file offsets).
    pub fn map(mut self, f: &impl Fn(Range<usize>) -> Range<usize>) -> DateText {
        self.range = f(self.range);
        self.weekday = self.weekday.map(|(w, r)| (w, f(r)));
        self.time = self.time.map(|(t, r)| (t, f(r)));
        self.zone = self.zone.map(|(z, r)| (z, f(r)));
        self.ordinal = self.ordinal.map(f);
        self
    }

    /// The date and time as a civil datetime, the end of the day when no time is given.
    pub fn datetime(&self) -> Option<jiff::civil::DateTime> {
        let time = self
            .time
            .as_ref()
            .map_or(Time::new(23, 59, 59, 0).ok()?, |(t, _)| *t);
        Some(self.date?.to_datetime(time))
    }

    /// What was understood, for messages: `2021-03-31 23:59 EDT`.
    pub fn understood(&self) -> String {
        let mut out = match (self.date, self.year) {
            (Some(d), _) => d.to_string(),
            (None, Some(y)) => format!("{y:04}-{:02}-{:02} (no such date)", self.month, self.day),
            (None, None) => {
                let month = month_name(Lang::En, self.month);
                format!(
                    "{}{} {} (no year)",
                    month[..1].to_uppercase(),
                    &month[1..],
                    self.day
                )
            }
        };
        if let Some((t, _)) = &self.time {
            out.push_str(&format!(" {:02}:{:02}", t.hour(), t.minute()));
        }
        if let Some((z, _)) = &self.zone {
            out.push(' ');
            out.push_str(z);
        }
        out
    }
}

const EN_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const FR_WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

pub fn month_name(lang: Lang, month: i8) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::En => EN_MONTHS[i],
        Lang::Fr => FR_MONTHS[i],
    }
}

pub fn weekday_name(lang: Lang, weekday: Weekday) -> &'static str {
    let i = weekday.to_monday_zero_offset() as usize;
    match lang {
        Lang::En => EN_WEEKDAYS[i],
        Lang::Fr => FR_WEEKDAYS[i],
    }
}

/// Zone abbreviations postlint knows, both languages.
/// Abbreviations are matched in capitals only (`et` is a French word); names in full in any case.
pub const ZONES: &str = r"(?-i:NDT|NST|ADT|AST|EDT|EST|CDT|CST|MDT|MST|PDT|PST|ET|CT|MT|PT|HAT|HNT|HAA|HNA|HAE|HNE|HAC|HNC|HAR|HNR|HAP|HNP|HE|HC|HR|HP|UTC|GMT)|(?i:(?:newfoundland|atlantic|eastern|central|mountain|pacific)\s+(?:standard\s+|daylight\s+)?time|heure\s+(?:normale\s+|avancée\s+)?(?:de\s+l['’](?:est|atlantique)|du\s+(?:centre|pacifique)|des\s+rocheuses|de\s+terre-neuve))";

/// The abbreviation for a zone written in full (`Eastern Standard Time` → `EST`,
/// `heure avancée de l'Est` → `HAE`), or the abbreviation itself.
pub fn zone_abbreviation(written: &str) -> String {
    let lower = written.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() < 2 {
        return written.to_uppercase();
    }
    if words[0] == "heure" {
        let kind = if lower.contains("normale") {
            "N"
        } else if lower.contains("avancée") {
            "A"
        } else {
            ""
        };
        let region = if lower.contains("l'est") {
            "E"
        } else if lower.contains("atlantique") {
            "A"
        } else if lower.contains("centre") {
            "C"
        } else if lower.contains("pacifique") {
            "P"
        } else if lower.contains("rocheuses") {
            "R"
        } else {
            "T"
        };
        return format!("H{kind}{region}");
    }
    let region = match words[0] {
        "newfoundland" => "N",
        "atlantic" => "A",
        "eastern" => "E",
        "central" => "C",
        "mountain" => "M",
        _ => "P",
    };
    let kind = match words[1] {
        "standard" => "S",
        "daylight" => "D",
        _ => "",
    };
    format!("{region}{kind}T")
}

// `\s` covers the no-break spaces (U+00A0, U+202F) people and editors put in dates.
// The written dates are matched over folded text (see `fold`), without `(?i)`; the zone
// after a date is read by `ZONE_AFTER`, over the text as written, as abbreviations are
// capitals only.
static EN: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(&format!(
        r"(?x)
        (?:(?-u:\b)(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+(?:the\s+)?)?
        (?-u:\b)(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+
        (?P<day>[0-9]{{1,2}})(?P<ord>st|nd|rd|th)?(?-u:\b)
        (?:,?\s+(?P<year>[0-9]{{4}})(?-u:\b))?
        (?:,?\s*(?:at\s+|@\s*|by\s+)?{TIME_EN})?
        "
    ))
});

/// `31 March 2028`, `31st March 2028`, `the 31st of March 2028`, as British-style English
/// writes it.
static EN_DAY_FIRST: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(&format!(
        r"(?x)
        (?:(?-u:\b)(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:the\s+)?)?
        (?-u:\b)(?P<day>[0-9]{{1,2}})(?P<ord>st|nd|rd|th)?\s+(?:of\s+)?
        (?P<month>january|february|march|april|may|june|july|august|september|october|november|december)\s+
        (?P<year>[0-9]{{4}})(?-u:\b)
        (?:,?\s*(?:at\s+)?{TIME_EN})?
        "
    ))
});

/// `11:59 pm`, `5:00 p.m.`, `5 pm`, `23:59`, `noon`, `midnight`.
const TIME_EN: &str = r"(?P<time>(?P<h>[0-9]{1,2})(?::(?P<m>[0-9]{2}))?\s*(?P<ampm>[ap]\.?\s?m(?-u:\b)\.?)|(?P<h24>[01]?[0-9]|2[0-3]):(?P<m24>[0-5][0-9])(?-u:\b)|(?P<noon>noon)|(?P<midnight>midnight))";

static FR: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(&format!(
        r"(?x)
        (?:(?-u:\b)(?:le\s+)?(?P<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+)?
        (?-u:\b)(?P<day>[0-9]{{1,2}})(?P<er>er|re|e)?\s+
        (?P<month>janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec)(?-u:\b)\.?
        (?:,?\s+(?P<year>[0-9]{{4}})(?-u:\b))?
        (?:,?\s*(?:à\s+)?{TIME_FR})?
        "
    ))
});

/// `23 h 59`, `23h59`, `17 h`, `23:59`, `midi`, `minuit`. The space after `h` belongs to the
/// time only when minutes follow.
const TIME_FR: &str = r"(?P<time>(?P<h>[01]?[0-9]|2[0-4])\s*h(?:\s*(?P<m>[0-5][0-9]))?(?-u:\b)|(?P<h24>[01]?[0-9]|2[0-3]):(?P<m24>[0-5][0-9])(?-u:\b)|(?P<noon>midi)|(?P<midnight>minuit))";

static ISO: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?x)(?-u:\b)(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})
        (?:[T\s]+(?P<time>(?P<h24>[01][0-9]|2[0-3]):(?P<m24>[0-5][0-9]))(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?",
    )
});

/// The zone right after a date or its time: `, 11:59 pm (EDT)`.
static ZONE_AFTER: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(&format!(r"^,?\s*\(?(?P<zone>{ZONES})(?-u:\b)\)?")));

/// `word` is the full name of a month or a day of the week, in English or French, in any case
/// (`MARCH`, `Jeudi`).
pub fn is_date_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    [&EN_MONTHS[..], &FR_MONTHS, &EN_WEEKDAYS, &FR_WEEKDAYS]
        .iter()
        .any(|names| names.contains(&lower.as_str()))
}

fn month_index(name: &str) -> Option<i8> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    let find = |months: &[&str]| {
        months.iter().position(|m| {
            let plain = m.replace(['é', 'è'], "e").replace('û', "u");
            *m == lower
                || plain == lower
                || (lower.len() >= 3 && (m.starts_with(lower) || plain.starts_with(lower)))
        })
    };
    find(&EN_MONTHS)
        .or_else(|| find(&FR_MONTHS))
        .map(|i| i as i8 + 1)
}

fn weekday_index(name: &str) -> Option<Weekday> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    let i = EN_WEEKDAYS
        .iter()
        .position(|w| w.starts_with(lower))
        .or_else(|| FR_WEEKDAYS.iter().position(|w| *w == lower))?;
    Weekday::from_monday_zero_offset(i as i8).ok()
}

fn time_of(caps: &Caps) -> Option<Time> {
    if caps.name("noon").is_some() {
        return Time::new(12, 0, 0, 0).ok();
    }
    if caps.name("midnight").is_some() {
        return Time::new(0, 0, 0, 0).ok();
    }
    if let Some(h) = caps.name("h24") {
        let h: i8 = h.as_str().parse().ok()?;
        let m: i8 = caps.name("m24")?.as_str().parse().ok()?;
        return Time::new(h, m, 0, 0).ok();
    }
    let h: i8 = caps.name("h")?.as_str().parse().ok()?;
    let m: i8 = caps
        .name("m")
        .map_or(Some(0), |m| m.as_str().parse().ok())?;
    let h = match caps.name("ampm").map(|a| a.as_str().to_lowercase()) {
        Some(a) if a.starts_with('p') => {
            if !(1..=12).contains(&h) {
                return None;
            }
            if h == 12 { 12 } else { h + 12 }
        }
        Some(_) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            if h == 12 { 0 } else { h }
        }
        // `24 h` is midnight at the end of the day: read it as 23:59.
        None if h == 24 && m == 0 => return Time::new(23, 59, 0, 0).ok(),
        None => h,
    };
    Time::new(h, m, 0, 0).ok()
}

/// The date `caps` found in `text` (the text as written; `caps` may be of its folded copy).
fn build(text: &str, caps: &Caps, lang: Lang, iso: bool) -> Option<DateText> {
    let whole = caps.get(0)?;
    let zone = ZONE_AFTER.captures(&text[whole.end()..]).map(|z| {
        let m = z.name("zone").expect("group");
        let at = whole.end();
        (
            zone_abbreviation(m.as_str()),
            at + m.start()..at + m.end(),
            at + z.get(0).expect("group 0").end(),
        )
    });
    let end = zone.as_ref().map_or(whole.end(), |z| z.2);
    let written = &text[whole.start()..end];
    let month = if iso {
        caps.name("month")?.as_str().parse().ok()?
    } else {
        month_index(caps.name("month")?.as_str())?
    };
    let day: i8 = caps.name("day")?.as_str().parse().ok()?;
    let year: Option<i16> = caps.name("year").and_then(|y| y.as_str().parse().ok());
    let date = year.and_then(|y| Date::new(y, month, day).ok());
    let weekday = caps
        .name("wd")
        .and_then(|w| weekday_index(w.as_str()).map(|d| (d, w.range())));
    let time = caps
        .name("time")
        .and_then(|t| time_of(caps).map(|time| (time, t.range())));
    let odd_meridiem = caps.name("ampm").is_some_and(|a| {
        let a = &text[a.range()];
        a.contains('.') || a.chars().any(char::is_uppercase)
    });
    Some(DateText {
        range: whole.start()..whole.start() + trimmed_end(written),
        lang,
        iso,
        year,
        month,
        day,
        date,
        weekday,
        time,
        zone: zone.map(|(abbreviation, range, _)| (abbreviation, range)),
        ordinal: caps.name("ord").map(|m| m.range()),
        odd_meridiem,
    })
}

/// The end of `s` without trailing spaces, commas or an unmatched `(`.
fn trimmed_end(s: &str) -> usize {
    s.trim_end_matches([' ', ',', '(', '\u{a0}', '\u{202f}'])
        .len()
}

/// Every date expression in `text`, in order, without overlaps.
pub fn find_all(text: &str) -> Vec<DateText> {
    find_all_folded(text, &fold_case(text))
}

/// [`find_all`], given the text already [`fold_case`]d.
fn find_all_folded(text: &str, folded: &str) -> Vec<DateText> {
    let mut found: Vec<DateText> = Vec::new();
    for (regex, lang, iso) in [
        (EN.regex(), Lang::En, false),
        (EN_DAY_FIRST.regex(), Lang::En, false),
        (FR.regex(), Lang::Fr, false),
        (&*ISO, Lang::En, true),
    ] {
        let haystack = if iso { text } else { folded };
        for caps in regex.captures_iter(haystack) {
            // `2028-03-011` is not a date (the ISO pattern cannot say so itself: `T` may follow).
            let day_end = caps.name("day").map_or(0, |d| d.end());
            if iso && text[day_end..].starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            if let Some(d) = build(text, &caps, lang, iso)
                && !found
                    .iter()
                    .any(|f| f.range.start < d.range.end && d.range.start < f.range.end)
            {
                found.push(d);
            }
        }
    }
    found.sort_by_key(|d| d.range.start);
    found
}

/// Reads one date written alone, such as a metadata value `October 19, 2021` or `2021-10-19`.
pub fn parse_value(text: &str) -> Option<DateText> {
    let d = find_all(text).into_iter().next()?;
    (text[..d.range.start].trim().is_empty()
        && text[d.range.end..].trim_matches(['.', ' ']).is_empty())
    .then_some(d)
}

/// Words that make a sentence about applying, and so its date a deadline.
static DEADLINE_CUE: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?x)
        (?-u:\b)(?:(?:closing\s+date|deadline|closes?|closing|apply|applications?|submissions?|submit|accepting|due|date\s+(?:limite|de\s+clôture)|clôture)(?-u:\b)|candidat|postul|soumett)",
    )
});

/// What introduces the deadline within such a sentence.
static DEADLINE_LEAD: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?x)
        (?-u:\b)(?:(?:close|end)\s+of\s+(?:business|day)(?:\s+on)?|cob|fin\s+de\s+(?:la\s+)?journée|until|by|before|on|is|are|due|no\s+later\s+than|closes?|jusqu(?:'|’)(?:au|à)|avant\s+le|au\s+plus\s+tard\s+le|d(?:'|’)ici\s+le|est|le
          # `Deadline to apply:`, `Date limite pour postuler :`
          | (?:deadline|closing\s+date|date\s+limite|date\s+de\s+clôture)(?:\s+(?:to|for|pour|de|des|d['’])\s*\p{L}+(?:\s+\p{L}+)?)?
        )(?-u:\b)\s*:?\s*",
    )
});

/// `at 11:59 pm EDT on` right before a date: the time stated first.
static TIME_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?xi){TIME_EN}(?:,?\s*\(?(?P<zone>{ZONES})(?-u:\b)\)?)?\s+on\s+$"
    ))
});

/// Takes a time (and zone) written before the date: `at 11:59 pm EDT on Friday, March 31`.
fn time_before(sentence: &str, d: &mut DateText) {
    if d.time.is_some() {
        return;
    }
    let before = &sentence[..d.range.start];
    let Some(caps) = TIME_BEFORE.captures(before) else {
        return;
    };
    if let (Some(t), Some(time)) = (caps.name("time"), time_of(&caps)) {
        d.time = Some((time, t.start()..t.end()));
        d.odd_meridiem = caps.name("ampm").is_some_and(|a| {
            a.as_str().contains('.') || a.as_str().chars().any(char::is_uppercase)
        });
    }
    if d.zone.is_none()
        && let Some(z) = caps.name("zone")
    {
        d.zone = Some((zone_abbreviation(z.as_str()), z.start()..z.end()));
    }
}

/// A statement of the deadline in running text.
#[derive(Clone, Debug, PartialEq)]
pub enum Deadline {
    /// A date was read.
    Read(DateText),
    /// The sentence announces a deadline but its date could not be read; `range` is the sentence
    /// and `hint` what looked like a date.
    Unreadable { range: Range<usize>, hint: String },
}

/// Looks like part of a date: a month name with a number, or digits with `/`, `.` or `-`.
static DATE_ISH: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?x)
        (?-u:\b)(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+[0-9]{1,4}(?-u:\b)
        | (?-u:\b)[0-9]{1,2}(?:er)?\s+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)(?-u:\b)
        | (?-u:\b)[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}(?-u:\b)",
    )
});

/// Sentences that say there is no fixed deadline.
static NO_DEADLINE: LazyLock<Folded> = LazyLock::new(|| {
    Folded::scanning(
        r"(?-u:\b)(?:no\s+(?:official\s+|fixed\s+)?(?:closing|deadline)|until\s+the\s+(?:position|role|job)\s+is\s+filled|ongoing\s+basis|on\s+a\s+rolling\s+basis|continuous(?:ly)?\s+(?:intake|accept)|aucune\s+date\s+(?:limite|de\s+clôture)|pas\s+de\s+date\s+(?:limite|de\s+clôture)|en\s+continu|jusqu'à\s+ce\s+que\s+le\s+poste\s+soit\s+(?:pourvu|comblé))",
    )
});

/// The text says there is no fixed closing date.
pub fn says_no_deadline(text: &str) -> bool {
    says_no_deadline_folded(&fold_case(text))
}

/// [`says_no_deadline`], given the text already [`fold_case`]d.
pub fn says_no_deadline_folded(folded: &str) -> bool {
    NO_DEADLINE.regex().is_match(folded)
}

/// The deadlines stated in one sentence (or short paragraph) of running text.
pub fn deadlines(sentence: &str) -> Vec<Deadline> {
    deadlines_folded(sentence, &fold_case(sentence))
}

/// Where the words that announce a deadline start in `folded`, a block [`fold_case`]d: a
/// sentence of the block without one states no deadline. (No cue runs over the end of a
/// sentence: the words of one are parted by white space only.)
pub fn deadline_cues(folded: &str) -> Vec<usize> {
    DEADLINE_CUE
        .regex()
        .find_iter(folded)
        .map(|m| m.start())
        .collect()
}

/// [`deadlines`], given the sentence already [`fold_case`]d (a slice of its folded block).
pub fn deadlines_folded(sentence: &str, folded: &str) -> Vec<Deadline> {
    if !DEADLINE_CUE.regex().is_match(folded) {
        return Vec::new();
    }
    let dates = find_all_folded(sentence, folded);
    let mut out = Vec::new();
    for mut d in dates {
        // The date must follow a word that introduces a deadline, close before it.
        // `avant le vendredi 7 avril`: the date took the `le` that ends the lead.
        let takes_le = sentence[d.range.clone()]
            .get(..3)
            .is_some_and(|s| s.eq_ignore_ascii_case("le "));
        let before = &sentence[..if takes_le {
            d.range.start + 2
        } else {
            d.range.start
        }];
        let window_start = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
        let lead = DEADLINE_LEAD
            .regex()
            .find_iter(&folded[window_start..before.len()])
            .last();
        let Some(lead) = lead else { continue };
        let gap = &before[window_start + lead.end()..];
        if gap.trim().is_empty() || gap.trim().len() < 4 {
            time_before(sentence, &mut d);
            out.push(Deadline::Read(d));
        }
    }
    if out.is_empty()
        && !says_no_deadline_folded(folded)
        && let Some(hint) = DATE_ISH.regex().find(folded)
        && DEADLINE_LEAD.regex().is_match(&folded[..hint.start()])
        && !TERM.regex().is_match(folded)
    {
        // "a 12-month term until March 2023", "from May to August": dates that are not
        // deadlines (`TERM`).
        out.push(Deadline::Unreadable {
            range: 0..sentence.len(),
            hint: sentence[hint.range()].to_string(),
        });
    }
    out
}

/// Words of a contract's term.
static TERM: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(&format!(
        r"(?-u:\b)(?:term|months?|weeks?|contrat|mois|semaines?|durée|start(?:s|ing)?|début|from\s+{WORD}+\s+to|du\s+{WORD}+\s+au)(?-u:\b)"
    ))
});

/// The time-zone region an abbreviation names, and whether it is the daylight-time one.
/// `None` for the generic `ET`/`HE` and for `UTC` and `GMT`.
pub fn zone_info(abbreviation: &str) -> Option<(&'static str, bool)> {
    let (tz, dst) = match abbreviation {
        "NST" | "HNT" => ("America/St_Johns", false),
        "NDT" | "HAT" => ("America/St_Johns", true),
        "AST" | "HNA" => ("America/Halifax", false),
        "ADT" | "HAA" => ("America/Halifax", true),
        "EST" | "HNE" => ("America/Toronto", false),
        "EDT" | "HAE" => ("America/Toronto", true),
        "CST" | "HNC" => ("America/Winnipeg", false),
        "CDT" | "HAC" => ("America/Winnipeg", true),
        "MST" | "HNR" => ("America/Edmonton", false),
        "MDT" | "HAR" => ("America/Edmonton", true),
        "PST" | "HNP" => ("America/Vancouver", false),
        "PDT" | "HAP" => ("America/Vancouver", true),
        _ => return None,
    };
    Some((tz, dst))
}

/// The abbreviation for the same region with daylight time on or off, in the same language.
pub fn zone_variant(abbreviation: &str, dst: bool) -> Option<&'static str> {
    const PAIRS: [(&str, &str); 12] = [
        ("NST", "NDT"),
        ("AST", "ADT"),
        ("EST", "EDT"),
        ("CST", "CDT"),
        ("MST", "MDT"),
        ("PST", "PDT"),
        ("HNT", "HAT"),
        ("HNA", "HAA"),
        ("HNE", "HAE"),
        ("HNC", "HAC"),
        ("HNR", "HAR"),
        ("HNP", "HAP"),
    ];
    PAIRS
        .iter()
        .find(|(s, d)| *s == abbreviation || *d == abbreviation)
        .map(|(s, d)| if dst { *d } else { *s })
}

/// The UTC offset, in seconds, an abbreviation stands for (`EDT`: −4 h).
pub fn zone_offset(abbreviation: &str) -> Option<i32> {
    let english = match zone_translation(abbreviation) {
        Some(en) if abbreviation.starts_with('H') => en,
        _ => abbreviation,
    };
    Some(match english {
        "NST" => -12_600,
        "NDT" => -9_000,
        "AST" => -14_400,
        "ADT" => -10_800,
        "EST" => -18_000,
        "EDT" => -14_400,
        "CST" => -21_600,
        "CDT" => -18_000,
        "MST" => -25_200,
        "MDT" => -21_600,
        "PST" => -28_800,
        "PDT" => -25_200,
        _ => return None,
    })
}

/// The UTC offset, in seconds, of the region `tz` at `date` `time` (local), from the bundled
/// time-zone database (which knows when a province changes its rules).
pub fn offset_at(tz: &str, date: Date, time: Time) -> Option<i32> {
    let zone = jiff::tz::TimeZone::get(tz).ok()?;
    let zoned = date.to_datetime(time).to_zoned(zone).ok()?;
    Some(zoned.offset().seconds())
}

/// Whether daylight time is in effect in `tz` at `date` `time` (local).
pub fn is_dst(tz: &str, date: Date, time: Time) -> Option<bool> {
    let zone = jiff::tz::TimeZone::get(tz).ok()?;
    let zoned = date.to_datetime(time).to_zoned(zone).ok()?;
    Some(
        zoned
            .time_zone()
            .to_offset_info(zoned.timestamp())
            .dst()
            .is_dst(),
    )
}

/// `UTC−4`, `UTC−3:30`.
pub fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '−' } else { '+' };
    let abs = seconds.abs();
    let (h, m) = (abs / 3600, abs % 3600 / 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// The same zone abbreviation in the other language: `EDT` ↔ `HAE`.
pub fn zone_translation(abbreviation: &str) -> Option<&'static str> {
    const EN_FR: [(&str, &str); 16] = [
        ("NST", "HNT"),
        ("NDT", "HAT"),
        ("AST", "HNA"),
        ("ADT", "HAA"),
        ("EST", "HNE"),
        ("EDT", "HAE"),
        ("CST", "HNC"),
        ("CDT", "HAC"),
        ("MST", "HNR"),
        ("MDT", "HAR"),
        ("PST", "HNP"),
        ("PDT", "HAP"),
        ("ET", "HE"),
        ("CT", "HC"),
        ("MT", "HR"),
        ("PT", "HP"),
    ];
    EN_FR.iter().find_map(|(en, fr)| {
        if *en == abbreviation {
            Some(*fr)
        } else if *fr == abbreviation {
            Some(*en)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the deadline of `sentence`: `(date, time, zone)` as text, or `None`.
    fn read(sentence: &str) -> Option<String> {
        match deadlines(sentence).into_iter().next()? {
            Deadline::Read(d) => Some(d.understood()),
            Deadline::Unreadable { .. } => None,
        }
    }

    fn unreadable(sentence: &str) -> bool {
        matches!(
            deadlines(sentence).first(),
            Some(Deadline::Unreadable { .. })
        )
    }

    #[test]
    fn english_deadlines() {
        let cases = [
            (
                "We're accepting submissions until Wednesday, March 31, 2021 11:59 pm EDT.",
                "2021-03-31 23:59 EDT",
            ),
            (
                "We’re accepting submissions until Wednesday, March 31, 2021 11:59 pm EDT.",
                "2021-03-31 23:59 EDT",
            ),
            (
                "We’re accepting submissions until Friday, February 11th, 2022 at 5:00\u{202f}p.m. EDT",
                "2022-02-11 17:00 EDT",
            ),
            (
                "We’re accepting submissions until Friday, February 18, 2022 at 5:00\u{202f}p.m.\u{202f}EST.",
                "2022-02-18 17:00 EST",
            ),
            (
                "We’re accepting submissions until Wednesday May 4, 2022 11:59 pm EDT.",
                "2022-05-04 23:59 EDT",
            ),
            ("Apply by March 31, 2021", "2021-03-31"),
            ("Apply by March 31, 2021.", "2021-03-31"),
            (
                "Apply before April 1, 2028 at noon ET.",
                "2028-04-01 12:00 ET",
            ),
            (
                "Apply by Mar. 31, 2028 at 4 pm PDT.",
                "2028-03-31 16:00 PDT",
            ),
            (
                "Applications close on Friday, June 2, 2028 at 23:59 EDT.",
                "2028-06-02 23:59 EDT",
            ),
            (
                "Applications must be received no later than July 15, 2028, 11:59 p.m. EDT.",
                "2028-07-15 23:59 EDT",
            ),
            (
                "The deadline is September 30, 2028 at 5 pm (EDT).",
                "2028-09-30 17:00 EDT",
            ),
            ("Closing date: 2021-03-31", "2021-03-31"),
            ("Closing date: 2028-03-31 23:59 EDT", "2028-03-31 23:59 EDT"),
            ("Closing date: March 31, 2028", "2028-03-31"),
            (
                "Deadline: Monday, January 8, 2029 at midnight EST",
                "2029-01-08 00:00 EST",
            ),
            (
                "Submit your application by Tuesday, December 7, 2021 11:59 pm EDT.",
                "2021-12-07 23:59 EDT",
            ),
            ("Apply by 31 March 2028.", "2028-03-31"),
            (
                "Apply by March 31 at 11:59 pm EDT.",
                "March 31 (no year) 23:59 EDT",
            ),
            (
                "We are accepting applications until Sept. 5, 2028 at 9:00 a.m. PDT.",
                "2028-09-05 09:00 PDT",
            ),
            (
                "Applications are open until Thursday, October 5, 2028 at 11:59 pm NDT.",
                "2028-10-05 23:59 NDT",
            ),
            (
                "Apply by Wed., Nov. 1, 2028, 11:59 pm CDT.",
                "2028-11-01 23:59 CDT",
            ),
            (
                "Applications close Tuesday, May 2, 2028 at 12 pm MDT.",
                "2028-05-02 12:00 MDT",
            ),
            (
                "Apply by December 1, 2028 at 12 am EST.",
                "2028-12-01 00:00 EST",
            ),
            ("Submissions are due by 2028-04-15.", "2028-04-15"),
            ("Please apply by June 30th, 2028.", "2028-06-30"),
            ("Deadline to apply: June 24, 2028", "2028-06-24"),
            ("Closing date for applications: June 24, 2028", "2028-06-24"),
            (
                "Apply by August 1st, 2028 at 5pm ADT.",
                "2028-08-01 17:00 ADT",
            ),
            (
                "We’re accepting applications until Friday, March 3, 2028 11:59\u{a0}pm EST.",
                "2028-03-03 23:59 EST",
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(read(sentence).as_deref(), Some(expected), "{sentence}");
        }
    }

    #[test]
    fn french_deadlines() {
        let cases = [
            (
                "Date limite : le mercredi 31 mars 2021 à 23 h 59 (HAE)",
                "2021-03-31 23:59 HAE",
            ),
            (
                "Nous acceptons les candidatures jusqu'au 31 mars 2021.",
                "2021-03-31",
            ),
            ("Date limite pour postuler : 24 juin 2028", "2028-06-24"),
            ("Date limite de candidature : 24 juin 2028", "2028-06-24"),
            (
                "Nous acceptons les candidatures jusqu’au mercredi 31 mars 2021 à 23 h 59 (HAE).",
                "2021-03-31 23:59 HAE",
            ),
            ("Postulez avant le 1er avril 2028.", "2028-04-01"),
            (
                "Date limite : 1er avril 2028 à 17 h HAE",
                "2028-04-01 17:00 HAE",
            ),
            (
                "Les candidatures doivent être reçues au plus tard le 15 juillet 2028 à 23 h 59 (HAE).",
                "2028-07-15 23:59 HAE",
            ),
            ("Date de clôture : 2028-03-31", "2028-03-31"),
            (
                "Nous acceptons les candidatures jusqu'au vendredi 11 février 2028 à 17 h (HNE).",
                "2028-02-11 17:00 HNE",
            ),
            (
                "Soumettez votre candidature d'ici le 5 septembre 2028 à 9 h HAP.",
                "2028-09-05 09:00 HAP",
            ),
            (
                "Date limite : le lundi 8 janvier 2029 à minuit (HNE)",
                "2029-01-08 00:00 HNE",
            ),
            (
                "Date limite : le 2 mai 2028 à midi (HAE)",
                "2028-05-02 12:00 HAE",
            ),
            (
                "Nous acceptons les candidatures jusqu'au 31 mars à 23 h 59.",
                "March 31 (no year) 23:59",
            ),
            (
                "Date limite : 30 juin 2028, 23h59 HAE",
                "2028-06-30 23:59 HAE",
            ),
            (
                "Date limite : 1er déc. 2028 à 23 h 59 (HNE)",
                "2028-12-01 23:59 HNE",
            ),
            (
                "Postuler d'ici le 3 août 2028 à 16 h 30 (HAE).",
                "2028-08-03 16:30 HAE",
            ),
            (
                "Les candidatures seront acceptées jusqu'au jeudi 5 octobre 2028 à 23 h 59 (HAT).",
                "2028-10-05 23:59 HAT",
            ),
            (
                "Date limite : 31\u{a0}mars\u{a0}2028 à 23\u{a0}h\u{a0}59 (HAE)",
                "2028-03-31 23:59 HAE",
            ),
            (
                "Date limite de candidature : le 12 novembre 2028 à 23:59 HNE",
                "2028-11-12 23:59 HNE",
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(read(sentence).as_deref(), Some(expected), "{sentence}");
        }
    }

    #[test]
    fn parts_are_located() {
        let sentence = "We're accepting submissions until Wednesday, March 31, 2021 11:59 pm EDT.";
        let Some(Deadline::Read(d)) = deadlines(sentence).into_iter().next() else {
            panic!()
        };
        assert_eq!(
            &sentence[d.range.clone()],
            "Wednesday, March 31, 2021 11:59 pm EDT"
        );
        assert_eq!(&sentence[d.weekday.clone().unwrap().1], "Wednesday");
        assert_eq!(d.weekday.unwrap().0, Weekday::Wednesday);
        assert_eq!(&sentence[d.time.clone().unwrap().1], "11:59 pm");
        assert_eq!(&sentence[d.zone.clone().unwrap().1], "EDT");
        let ordinal = "Apply by February 11th, 2022 at 5:00 p.m. EDT";
        let Some(Deadline::Read(d)) = deadlines(ordinal).into_iter().next() else {
            panic!()
        };
        assert_eq!(&ordinal[d.ordinal.clone().unwrap()], "th");
        assert!(d.odd_meridiem);
        let fr = "Date limite : le mercredi 31 mars 2021 à 23 h 59 (HAE)";
        let Some(Deadline::Read(d)) = deadlines(fr).into_iter().next() else {
            panic!()
        };
        assert_eq!(
            &fr[d.range.clone()],
            "le mercredi 31 mars 2021 à 23 h 59 (HAE)"
        );
        assert_eq!(d.lang, Lang::Fr);
    }

    #[test]
    fn not_deadlines() {
        let cases = [
            "This is a term position of up to 12 months, with possibility of extension.",
            "Job term: Temporary, generally four months or eight months (May - August 2022)",
            "1 Temporary - duration up to 12 months, with possibility for extension",
            "The term runs until March 31, 2023.",
            "Updated: February 22, 2022",
            "Published: January 15, 2018",
            "We received 114 applications for this job opportunity.",
            "The program started in May 2019 and has grown since.",
            "You may apply your skills to many problems.",
            "Le contrat se termine le 31 mars 2023.",
            "Nous avons reçu 120 candidatures.",
            "In 2021, we launched COVID Alert.",
            "Applications will be reviewed on an ongoing basis.",
            "Nous acceptons les candidatures jusqu'à ce que le poste soit pourvu.",
            "Our office is at 595 Bay Street, and we work 36.25 hours a week.",
            "Starting salary: $73,402 per year.",
        ];
        for sentence in cases {
            assert_eq!(read(sentence), None, "{sentence}");
            assert!(!unreadable(sentence), "{sentence} is not a deadline");
        }
    }

    #[test]
    fn unreadable_deadlines() {
        for sentence in [
            "Apply by 31/03/2028.",
            "Applications close on 03/31/2028 at 5 pm.",
            "Date limite : 31/03/2028",
        ] {
            assert!(unreadable(sentence), "{sentence}");
        }
        // A date that does not exist is read, and says so.
        let Some(Deadline::Read(d)) = deadlines("Apply by February 30, 2028.").into_iter().next()
        else {
            panic!()
        };
        assert_eq!(d.date, None);
        assert_eq!(d.understood(), "2028-02-30 (no such date)");
    }

    #[test]
    fn values_and_zones() {
        assert_eq!(
            parse_value("October 19, 2021")
                .unwrap()
                .date
                .unwrap()
                .to_string(),
            "2021-10-19"
        );
        assert_eq!(
            parse_value("2021-10-19").unwrap().date.unwrap().to_string(),
            "2021-10-19"
        );
        assert!(parse_value("sometime in October").is_none());
        assert!(parse_value("October 19, 2021 or later").is_none());
        let feb = Date::new(2022, 2, 7).unwrap();
        let may = Date::new(2022, 5, 4).unwrap();
        let t = Time::new(23, 59, 0, 0).unwrap();
        assert_eq!(is_dst("America/Toronto", feb, t), Some(false));
        assert_eq!(is_dst("America/Toronto", may, t), Some(true));
        // Daylight time starts on the second Sunday of March.
        assert_eq!(
            is_dst("America/Toronto", Date::new(2022, 3, 13).unwrap(), t),
            Some(true)
        );
        assert_eq!(
            is_dst("America/Toronto", Date::new(2022, 3, 12).unwrap(), t),
            Some(false)
        );
        assert_eq!(zone_variant("EDT", false), Some("EST"));
        assert_eq!(zone_variant("HNE", true), Some("HAE"));
        assert_eq!(zone_translation("EDT"), Some("HAE"));
        assert_eq!(zone_info("HAE"), Some(("America/Toronto", true)));
        assert_eq!(zone_info("ET"), None);
    }
}

#[cfg(test)]
mod iso_tests {
    #[test]
    fn hugo_datetimes() {
        let d = super::parse_value("2028-03-01T09:00:00-05:00").expect("read");
        assert_eq!(d.date.unwrap().to_string(), "2028-03-01");
        assert_eq!(d.time.unwrap().0.to_string(), "09:00:00");
        assert!(super::parse_value("2028-02-20T14:30:00Z").is_some());
    }
}
