//! Pay as people write it in English and French postings: amounts, ranges, periods,
//! classifications given instead of amounts, and vague wording. Pure: it records, never reports.
//!
//! ```text
//! $73,402.00 - $108,164.00 per year (at time of posting)     73 402,00 $ à 108 164,00 $ par année
//! $1,364.05 - $1,743.34 Per Week*                              de 66 995 $ à 72 183 $
//! $25.50/hour      $25 to $30 an hour      IT-03      competitive salary
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::pattern::{Caps, Pattern};

use super::fold::{Folded, fold_case};

/// The period a pay amount is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Period {
    Hour,
    Day,
    Week,
    TwoWeeks,
    Month,
    Year,
}

impl Period {
    /// How many of these make a year: hours as 40 a week for 52 weeks.
    pub fn per_year(self) -> f64 {
        match self {
            Period::Hour => 2080.0,
            Period::Day => 260.0,
            Period::Week => 52.0,
            Period::TwoWeeks => 26.0,
            Period::Month => 12.0,
            Period::Year => 1.0,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Period::Hour => "hour",
            Period::Day => "day",
            Period::Week => "week",
            Period::TwoWeeks => "two weeks",
            Period::Month => "month",
            Period::Year => "year",
        }
    }

    pub fn french(self) -> &'static str {
        match self {
            Period::Hour => "heure",
            Period::Day => "jour",
            Period::Week => "semaine",
            Period::TwoWeeks => "deux semaines",
            Period::Month => "mois",
            Period::Year => "année",
        }
    }
}

/// How an amount is written: `$73,402.00` (English) or `73 402,00 $` (French).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// `$` before the number (English) or after it (French).
    pub symbol_first: bool,
    /// The thousands separator, if the number has one.
    pub thousands: Option<char>,
    /// The decimal mark, if cents are written.
    pub decimal: Option<char>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub range: Range<usize>,
    /// In cents.
    pub cents: i64,
    pub style: Style,
}

impl Amount {
    pub fn dollars(&self) -> f64 {
        self.cents as f64 / 100.0
    }
}

/// A stated amount or range of pay.
#[derive(Clone, Debug, PartialEq)]
pub struct Pay {
    /// The whole expression, period included.
    pub range: Range<usize>,
    pub min: Amount,
    pub max: Option<Amount>,
    /// The word or sign between the two amounts (`-`, `–`, `to`, `à`), and where.
    pub separator: Option<(String, Range<usize>)>,
    pub period: Option<(Period, Range<usize>)>,
    /// `up to`, `and up`, `starting at`, `jusqu'à`, `à partir de`…: a range with one end.
    pub open_ended: Option<(String, Range<usize>)>,
}

impl PayText {
    pub fn range(&self) -> Range<usize> {
        match self {
            PayText::Amounts(p) => p.range.clone(),
            PayText::Classification { range, .. } | PayText::Vague { range } => range.clone(),
        }
    }

    /// The same statement with every range passed through `f` (from text offsets to file offsets).
    pub fn map(self, f: &impl Fn(Range<usize>) -> Range<usize>) -> PayText {
        let amount = |a: Amount| Amount {
            range: f(a.range),
            ..a
        };
        match self {
            PayText::Amounts(p) => PayText::Amounts(Pay {
                range: f(p.range),
                min: amount(p.min),
                max: p.max.map(amount),
                separator: p.separator.map(|(s, r)| (s, f(r))),
                period: p.period.map(|(k, r)| (k, f(r))),
                open_ended: p.open_ended.map(|(s, r)| (s, f(r))),
            }),
            PayText::Classification { code, range } => PayText::Classification {
                code,
                range: f(range),
            },
            PayText::Vague { range } => PayText::Vague { range: f(range) },
        }
    }
}

/// What a posting says about pay, in one place.
#[derive(Clone, Debug, PartialEq)]
pub enum PayText {
    Amounts(Pay),
    /// A classification that stands for a pay scale: `IT-03`, `CS-04`.
    Classification {
        code: String,
        range: Range<usize>,
    },
    /// `competitive salary`, `salaire concurrentiel`.
    Vague {
        range: Range<usize>,
    },
}

const NUMBER: &str = r"[0-9]{1,3}(?:[,\u{a0}\u{202f}\x20.][0-9]{3})+|[0-9]+";

static AMOUNT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?x)
        (?:\$\s?(?P<en>{NUMBER})(?:(?P<endec>\.)(?P<encents>[0-9]{{2}}))?(?P<enk>[kK](?-u:\b))?(?:\s?(?:CAD|CA))?)
        |
        (?:(?P<fr>{NUMBER})(?:(?P<frdec>[,.])(?P<frcents>[0-9]{{2}}))?(?:\s?(?P<frk>[kK]))?[\s\u{{a0}}\u{{202f}}]?\$)"
    ))
});

/// The second amount of an English range written without its `$`: `$80,000 - 90,000`.
static BARE_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"^[\s*]*(?P<sep>-|–|—|to|and)[\s*]*(?P<n>{NUMBER})(?:(?P<dec>\.)(?P<cents>[0-9]{{2}}))?(?P<k>[kK])?"
    ))
});

/// The first amount of a French range written without its `$`: `66 995 à 72 183 $`.
static BARE_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?:^|[^0-9])(?P<n>{NUMBER})(?:(?P<dec>,)(?P<cents>[0-9]{{2}}))?(?:\s?(?P<k>[kK]))?[\s*]*(?P<sep>-|–|—|à|a|au|et)[\s*]*$"
    ))
});

static SEPARATOR: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^\s*(?P<sep>-|–|—|to|and|à|a|et|au)\s*"));

static PERIOD: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?x)^[\s*]*(?P<open>\(\s*)?(?:
            (?:per|an?|/|a\s+|par|(?:de\s+|à\s+)?l['’])\s*(?P<unit>hour|hr|h|heure|day|jour|week|wk|semaine|two\s+weeks|month|mo|mois|year|yr|annum|année|annee|an)(?-u:\b)
          | (?P<adverb>hourly|daily|weekly|bi-?weekly|monthly|yearly|annually|annual|horaire|hebdomadaire|mensuel(?:lement)?|annuel(?:lement)?)(?-u:\b)
        )(?P<close>\s*\))?",
    )
});

/// How far around an amount its open end and period are looked for, in bytes past the white
/// space and emphasis next to it.
const NEAR: usize = 40;

/// The text after `end`, up to [`NEAR`] bytes past the spaces and `*` that follow it.
fn after(text: &str, end: usize) -> &str {
    let rest = &text[end..];
    let lead = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || c == '*')
            .len();
    &rest[..rest.ceil_char_boundary(lead + NEAR)]
}

static OPEN_BEFORE: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?:up\s+to|starting\s+(?:at|from)|from|as\s+low\s+as|minimum(?:\s+of)?|maximum(?:\s+of)?|jusqu(?:'|’)à|à\s+partir\s+de|à\s+compter\s+de|au\s+moins)\s*$",
    )
});

static OPEN_AFTER: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(r"^\s*(?:\+|and\s+(?:up|above|more)|or\s+more|plus|et\s+plus|ou\s+plus)")
});

static CLASSIFICATION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u:\b)(?P<code>(?:AS|CS|IT|EC|PM|EX|CO|FI|IS|PE|PG|CR|AU|ES|BI|EG|EN|GT|LS|MD|NU|SG|SO|SP|TI)-0?[0-9]{1,2})(?-u:\b)",
    )
});

static VAGUE: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?-u:\b)(?:competitive\s+(?:salary|pay|compensation|wages?|rates?)|attractive\s+(?:salary|pay)|salaire\s+(?:concurrentiel|compétitif|competitif|attrayant)|rémunération\s+(?:concurrentielle|compétitive|attrayante)|pay\s+commensurate\s+with\s+experience|salary\s+commensurate|doe|depending\s+on\s+experience|selon\s+(?:l'|l’)expérience)(?-u:\b)",
    )
});

fn amount(caps: &Caps) -> Option<Amount> {
    let whole = caps.get(0)?;
    let (number, decimal, cents, k, symbol_first) = match caps.name("en") {
        Some(n) => (
            n.as_str(),
            caps.name("endec"),
            caps.name("encents"),
            caps.name("enk"),
            true,
        ),
        None => (
            caps.name("fr")?.as_str(),
            caps.name("frdec"),
            caps.name("frcents"),
            caps.name("frk"),
            false,
        ),
    };
    read_amount(
        whole.start()..whole.end(),
        number,
        decimal.map(|d| d.as_str()),
        cents.map(|c| c.as_str()),
        k.is_some(),
        symbol_first,
    )
}

/// An amount from its parts as written: `85`, `K` is 85,000 dollars.
fn read_amount(
    range: Range<usize>,
    number: &str,
    decimal: Option<&str>,
    cents: Option<&str>,
    thousands_suffix: bool,
    symbol_first: bool,
) -> Option<Amount> {
    let thousands = number.chars().find(|c| !c.is_ascii_digit());
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let dollars: i64 = digits.parse().ok()?;
    let cents: i64 = cents.map_or(Some(0), |c| c.parse().ok())?;
    let mut cents = dollars.checked_mul(100)?.checked_add(cents)?;
    if thousands_suffix {
        cents = cents.checked_mul(1000)?;
    }
    Some(Amount {
        range,
        cents,
        style: Style {
            symbol_first,
            thousands,
            decimal: decimal.and_then(|d| d.chars().next()),
        },
    })
}

/// The other end of a range whose second (English) or first (French) amount is written
/// without its `$`, with the word between them: `$80,000 - 90,000`, `66 995 à 72 183 $`. Only a
/// number that can be the other end is taken: at most ten times the one with the `$`, on the
/// right side of it.
fn bare_end(text: &str, amount: &Amount) -> Option<(Amount, (String, Range<usize>))> {
    let (caps, offset) = if amount.style.symbol_first {
        let end = amount.range.end;
        let window = &text[end..text.ceil_char_boundary(end + NEAR)];
        (BARE_AFTER.captures(window)?, end)
    } else {
        let start = amount.range.start;
        let from = text.floor_char_boundary(start.saturating_sub(NEAR));
        let caps = BARE_BEFORE.captures(&text[from..start])?;
        // A window cut through a number does not show where the number starts.
        let n = caps.name("n")?;
        if n.start() == 0 && from > 0 && text.as_bytes()[from - 1].is_ascii_digit() {
            return None;
        }
        (caps, from)
    };
    let n = caps.name("n")?;
    let k = caps.name("k");
    let end = k.as_ref().map_or_else(
        || caps.name("cents").map_or(n.end(), |c| c.end()),
        |k| k.end(),
    );
    if amount.style.symbol_first
        && text[offset + end..].starts_with(|c: char| c.is_alphanumeric() || c == '%' || c == '$')
    {
        return None;
    }
    let bare = read_amount(
        offset + n.start()..offset + end,
        n.as_str(),
        caps.name("dec").map(|d| d.as_str()),
        caps.name("cents").map(|c| c.as_str()),
        k.is_some(),
        amount.style.symbol_first,
    )?;
    let (low, high) = if amount.style.symbol_first {
        (amount, &bare)
    } else {
        (&bare, amount)
    };
    if high.cents < low.cents || high.cents > low.cents.saturating_mul(10) {
        return None;
    }
    let sep = caps.name("sep")?;
    let separator = (
        sep.as_str().to_string(),
        offset + sep.start()..offset + sep.end(),
    );
    Some((bare, separator))
}

/// Whether the amount at `range` is part of a longer word or number: `$75kg`, `$82.5K`,
/// `82,5 k$`.
fn glued(text: &str, range: &Range<usize>) -> bool {
    let after = &text.as_bytes()[range.end..];
    let before = &text.as_bytes()[..range.start];
    text[range.end..].starts_with(char::is_alphabetic)
        || matches!(after, [b'.' | b',', d, ..] if d.is_ascii_digit())
        || matches!(before, [.., d, b'.' | b','] | [.., d] if d.is_ascii_digit())
}

/// Every statement of pay in `text`, in order.
pub fn find_all(text: &str) -> Vec<PayText> {
    find_all_folded(text, &fold_case(text))
}

/// [`find_all`], given the text already [`fold_case`]d.
pub fn find_all_folded(text: &str, folded: &str) -> Vec<PayText> {
    // `$75kg` is not 75 dollars, nor `$82.5K` 82 dollars: an amount glued to a letter, or
    // to more of a number, is left unread. Every amount has its dollar sign, and most blocks
    // none: those are not searched.
    let amounts: Vec<Amount> = if text.contains('$') {
        AMOUNT
            .captures_iter(text)
            .filter_map(|c| amount(&c))
            .filter(|a| !glued(text, &a.range))
            .collect()
    } else {
        Vec::new()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < amounts.len() {
        let mut min = amounts[i].clone();
        let mut end = min.range.end;
        let mut max = None;
        let mut separator = None;
        let paired = amounts.get(i + 1).and_then(|next| {
            let between = &text[min.range.end..next.range.start];
            let sep = SEPARATOR.captures(between)?;
            if sep.get(0)?.end() != between.len() {
                return None;
            }
            let s = sep.name("sep")?;
            Some((
                s.as_str().to_string(),
                min.range.end + s.start()..min.range.end + s.end(),
            ))
        });
        if let Some(sep) = paired {
            separator = Some(sep);
            max = amounts.get(i + 1).cloned();
            end = amounts[i + 1].range.end;
            i += 1;
        } else if let Some((bare, sep)) = bare_end(text, &min) {
            separator = Some(sep);
            if min.style.symbol_first {
                end = bare.range.end;
                max = Some(bare);
            } else {
                max = Some(std::mem::replace(&mut min, bare));
            }
        }
        i += 1;
        let mut start = min.range.start;
        // `de 66 995 $ à 72 183 $`, `from $25 to $30`, `between $X and $Y`: the opening word belongs to the range.
        // The words around an amount are read within a few words of it, not the whole text.
        let from = text.floor_char_boundary(text[..start].trim_end().len().saturating_sub(NEAR));
        let before = &text[from..start];
        let mut open_ended = None;
        if max.is_none() {
            if let Some(m) = OPEN_BEFORE.find(before) {
                let written = &before[m.clone()];
                open_ended = Some((
                    written.trim().to_string(),
                    from + m.start..from + m.start + written.trim_end().len(),
                ));
                start = from + m.start;
            } else if let Some(m) = OPEN_AFTER.find(after(text, end)) {
                let written = &text[end + m.start..end + m.end];
                let r = end + m.start + (written.len() - written.trim_start().len())..end + m.end;
                open_ended = Some((text[r.clone()].to_string(), r.clone()));
                end = r.end;
            }
        }
        let mut period = None;
        let after = PERIOD.on(after(text, end), |period, folded| {
            let p = period.captures(folded)?;
            // `(Annual)`, with both its brackets.
            if p.name("open").is_some() != p.name("close").is_some() {
                return None;
            }
            let unit = p
                .name("unit")
                .or_else(|| p.name("adverb"))
                .expect("one of the groups");
            Some((
                period_of(unit.as_str())?,
                p.get(0).expect("group 0").range(),
            ))
        });
        if let Some((kind, m)) = after {
            let written = &text[end + m.start..end + m.end];
            let r = end + m.start + (written.len() - written.trim_start_matches([' ', '*']).len())
                ..end + m.end;
            period = Some((kind, r.clone()));
            end = r.end;
        }
        out.push(PayText::Amounts(Pay {
            range: start..end,
            min,
            max,
            separator,
            period,
            open_ended,
        }));
    }
    // A classification's level follows a hyphen (`IT-03`): a block without one has none.
    let hyphen_digit = |(i, _)| text.as_bytes().get(i + 1).is_some_and(u8::is_ascii_digit);
    if text.match_indices('-').any(hyphen_digit) {
        for c in CLASSIFICATION.captures_iter(text) {
            let m = c.name("code").expect("group");
            out.push(PayText::Classification {
                code: m.as_str().to_string(),
                range: m.start()..m.end(),
            });
        }
    }
    for m in VAGUE.regex().find_iter(folded) {
        out.push(PayText::Vague { range: m.range() });
    }
    out.sort_by_key(|p| match p {
        PayText::Amounts(a) => a.range.start,
        PayText::Classification { range, .. } | PayText::Vague { range } => range.start,
    });
    out
}

fn period_of(unit: &str) -> Option<Period> {
    let u = unit.to_lowercase();
    Some(match u.as_str() {
        "hour" | "hr" | "h" | "heure" | "hourly" | "horaire" => Period::Hour,
        "day" | "jour" | "daily" => Period::Day,
        "week" | "wk" | "semaine" | "weekly" | "hebdomadaire" => Period::Week,
        "biweekly" | "bi-weekly" | "two weeks" => Period::TwoWeeks,
        "month" | "mo" | "mois" | "monthly" | "mensuel" | "mensuellement" => Period::Month,
        "year" | "yr" | "annum" | "année" | "annee" | "an" | "yearly" | "annually" | "annual"
        | "annuel" | "annuellement" => Period::Year,
        _ if u.starts_with("two") => Period::TwoWeeks,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pay(text: &str) -> Pay {
        match find_all(text).into_iter().next() {
            Some(PayText::Amounts(p)) => p,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn english_ranges() {
        let p = pay("$73,402.00 - $108,164.00 per year (at time of posting)");
        assert_eq!(p.min.cents, 7_340_200);
        assert_eq!(p.max.as_ref().unwrap().cents, 10_816_400);
        assert_eq!(p.period.as_ref().unwrap().0, Period::Year);
        assert!(p.min.style.symbol_first);
        assert_eq!(p.min.style.thousands, Some(','));
        let p = pay("$1,364.05 - $1,743.34 Per Week*");
        assert_eq!(p.period.unwrap().0, Period::Week);
        let p = pay("$690 - $920 weekly");
        assert_eq!((p.min.cents, p.period.unwrap().0), (69_000, Period::Week));
        let p = pay("$25.50/hour");
        assert_eq!((p.min.cents, p.period.unwrap().0), (2_550, Period::Hour));
        let text = "$94,283 – $120,000 (Annual)";
        let p = pay(text);
        assert_eq!(p.period.unwrap().0, Period::Year);
        assert_eq!(&text[p.range], text);
        let p = pay("$94,283 (annual salary)");
        assert!(p.period.is_none());
        let p = pay("$25 to $30 an hour");
        assert_eq!(p.separator.unwrap().0, "to");
        assert_eq!(p.period.unwrap().0, Period::Hour);
        let p = pay("$66,995 - $72,183");
        assert!(p.period.is_none());
        let p = pay("$788.25 - $1051.00 weekly before tax");
        assert_eq!(p.max.unwrap().style.thousands, None);
    }

    #[test]
    fn french_ranges() {
        let text = "73 402,00 $ à 108 164,00 $ par année";
        let p = pay(text);
        assert_eq!(p.min.cents, 7_340_200);
        assert!(!p.min.style.symbol_first);
        assert_eq!(p.min.style.decimal, Some(','));
        assert_eq!(p.separator.as_ref().unwrap().0, "à");
        assert_eq!(p.period.unwrap().0, Period::Year);
        let p = pay("de 66\u{a0}995\u{a0}$ à 72\u{a0}183\u{a0}$ par an");
        assert_eq!(p.min.style.thousands, Some('\u{a0}'));
        assert_eq!(p.max.unwrap().cents, 7_218_300);
    }

    #[test]
    fn thousands_as_k_and_ranges_with_one_dollar_sign() {
        let p = pay("$85K–$95K annually");
        assert_eq!((p.min.cents, p.max.unwrap().cents), (8_500_000, 9_500_000));
        assert_eq!(pay("Salary: $120k+").min.cents, 12_000_000);
        let p = pay("$80,000 - 90,000 per year");
        assert_eq!(p.max.unwrap().cents, 9_000_000);
        assert_eq!(p.period.unwrap().0, Period::Year);
        let text = "de 66 995 à 72 183 $ par année";
        let p = pay(text);
        assert_eq!((p.min.cents, p.max.unwrap().cents), (6_699_500, 7_218_300));
        assert_eq!(&text[p.range.clone()], "66 995 à 72 183 $ par année");
        assert_eq!(pay("75 k$ à 85 k$").max.unwrap().cents, 8_500_000);
        // A number cut short is not read at all.
        for text in ["$82.5K", "82,5 k$", "$1.2M", "75 000$CAN"] {
            assert!(find_all(text).is_empty(), "{text}");
        }
        // A number that cannot be the other end of the range stays out of it.
        for text in [
            "$60,000 - 5 years of experience",
            "$60,000 to 1,000,000 people",
            "$25 - 50%",
            "2024 à 72 183 $",
            "$5kg",
        ] {
            let found = find_all(text);
            assert!(
                found
                    .iter()
                    .all(|p| !matches!(p, PayText::Amounts(a) if a.max.is_some())),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn open_ended_classification_and_vague() {
        let p = pay("up to $30 per hour");
        assert_eq!(p.open_ended.unwrap().0, "up to");
        let p = pay("$20 and up per hour");
        assert_eq!(p.open_ended.unwrap().0, "and up");
        assert_eq!(p.period.unwrap().0, Period::Hour);
        assert!(
            matches!(&find_all("Classification: IT-03")[0], PayText::Classification { code, .. } if code == "IT-03")
        );
        assert!(matches!(
            find_all("We offer a competitive salary.")[0],
            PayText::Vague { .. }
        ));
        assert!(matches!(
            find_all("Salaire concurrentiel")[0],
            PayText::Vague { .. }
        ));
    }
}
