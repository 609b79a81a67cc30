//! Facts several rules need, read once per posting: closing dates, publication dates, whether
//! the posting is still open, and what it says about pay.

use std::ops::Range;
use std::sync::LazyLock;

use super::pattern::Pattern;

use super::date::{self, DateText, Deadline};
use super::fold::{Folded, fold_case};
use super::front_matter::{FrontMatter, FrontMatterKind};
use super::markdown::{Markdown, TextBlock};
use super::salary::{self, PayText};
use super::source::{SourceFile, Span};

/// Where a fact was read.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// Running text.
    Body,
    /// A front-matter or metadata key, as written.
    Key(String),
}

/// A fact with where it was read. Ranges inside `value` are byte offsets into the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub span: Span,
    pub origin: Origin,
}

#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Every statement of the closing date, in file order.
    pub deadlines: Vec<Found<DateText>>,
    /// Sentences that announce a deadline whose date could not be read, with the date-like
    /// text that was seen.
    pub unreadable_deadlines: Vec<Found<String>>,
    /// A sentence saying there is no fixed closing date.
    pub no_deadline: Option<Span>,
    pub published: Option<Found<DateText>>,
    pub updated: Option<Found<DateText>>,
    /// A status saying applications are closed ("We received 114 applications").
    pub closed_status: Option<Span>,
    /// Every statement about pay, in file order.
    pub pay: Vec<Found<PayText>>,
    /// A pay key, or a block of a pay section, whose pay could not be read.
    pub unreadable_pay: Vec<Found<String>>,
}

/// Front-matter keys that hold the closing date.
pub const CLOSING_KEYS: [&str; 13] = [
    "closingDate",
    "closing_date",
    "closing-date",
    "closeDate",
    "close_date",
    "closes",
    "closing",
    "validThrough",
    "deadline",
    "applicationDeadline",
    "application_deadline",
    "dateLimite",
    "date_limite",
];
const PUBLISHED_KEYS: [&str; 8] = [
    "published",
    "opens",
    "open_date",
    "posted",
    "datePosted",
    "date_posted",
    "publishDate",
    "date",
];
const UPDATED_KEYS: [&str; 3] = ["updated", "lastmod", "dateModified"];
const PAY_KEYS: [&str; 6] = [
    "salary",
    "compensation",
    "pay",
    "salaire",
    "remuneration",
    "rémunération",
];

/// Whether the facts are read from a front-matter `key`: a closing or publication date, an
/// update, pay.
pub fn reads_key(key: &str) -> bool {
    [&CLOSING_KEYS[..], &PUBLISHED_KEYS, &UPDATED_KEYS, &PAY_KEYS]
        .iter()
        .any(|keys| keys.iter().any(|k| k.eq_ignore_ascii_case(key)))
}

static CLOSED: LazyLock<Folded> = LazyLock::new(|| {
    Folded::scanning(
        r"(?-u:\b)(?:we\s+received\s+(?:approximately\s+|about\s+|over\s+|more\s+than\s+)?[0-9,]+\s+applications|(?:this\s+)?(?:posting|competition|job|position)\s+(?:is|has)\s+(?:now\s+)?closed|applications\s+are\s+(?:now\s+)?closed|nous\s+avons\s+reçu\s+(?:environ\s+|plus\s+de\s+)?[0-9\s]+candidatures|(?:cette\s+)?(?:offre|annonce|possibilité)\s+(?:d'emploi\s+)?est\s+(?:maintenant\s+)?(?:fermée|close)|les\s+candidatures\s+sont\s+(?:maintenant\s+)?fermées)(?-u:\b)",
    )
});

/// Words every status of [`CLOSED`] holds: a block without one is read no further.
static CLOSED_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 4]> = LazyLock::new(|| {
    ["clos", "ferm", "applications", "candidatures"].map(memchr::memmem::Finder::new)
});

static PAY_HEADING: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?-u:\b)(?:salary|salaries|compensation|pay|wages?|classification|salaire|rémunération|traitement|échelle\s+salariale)(?-u:\b)",
    )
});

static BENEFITS: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?-u:\b)(?:(?:benefits?|perks?|allowances?|stipends?|budget|bonus(?:es)?|avantages?|allocations?|indemnités?|primes?)(?-u:\b)|reimburse|rembours)",
    )
});

/// Money written in a way the pay grammar does not read: `$75k`, `75 k$`, `75K $`.
static UNREAD_MONEY: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\$\s?[0-9]|[0-9]\s?[kK]?\s?\$"));

/// An amount in another currency than the dollar (`50 à 55 k €`, `£45,000`, `2 100 euros`):
/// postlint's pay rules read dollars, and leave other money alone rather than call it
/// unreadable.
static FOREIGN_MONEY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)[0-9]\s?k?\s?(?:€|£|(?:eur|euros?|gbp|chf)\b)|(?:€|£|\b(?:eur|gbp|chf))\s?[0-9]",
    )
});

static PAY_WORDS: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?-u:\b)(?:salary|compensation|pay|paid|wages?|earn|per\s+(?:year|hour|annum|week|month)|salaire|rémunération|traitement|payé|par\s+(?:année|an|heure|semaine|mois)|classified|classé|classification)(?-u:\b)",
    )
});

/// The facts of a posting; `folded` are its blocks' texts folded to lower case (see `fold`),
/// `sentences` its blocks' sentences (block index, range in the block's text), in block order.
/// Dates and pay are read side by side (see `rayon::join`): a one-file run builds their
/// expressions on two cores.
pub fn read(
    source: &SourceFile,
    fm: &FrontMatter,
    md: &Markdown,
    folded: &[&str],
    sentences: &[(usize, Range<usize>)],
) -> Facts {
    let (mut facts, pay) = rayon::join(
        || read_dates(source, fm, md, folded, sentences),
        || read_pay(source, fm, md, folded),
    );
    facts.closed_status = pay.closed_status;
    facts.pay = pay.pay;
    facts.unreadable_pay = pay.unreadable_pay;
    facts.deadlines.sort_by_key(|d| d.span);
    facts.pay.sort_by_key(|p| p.span);
    facts
}

/// A front-matter value written as a string, and where.
struct KeyValue<'a> {
    key: &'a str,
    value: &'a str,
    /// The value as written (quoted, folded…).
    raw: &'a str,
    span: Span,
    /// Where `value` starts in the file, when it is written as read.
    offset: Option<usize>,
}

impl KeyValue<'_> {
    fn is(&self, keys: &[&str]) -> bool {
        keys.iter().any(|k| k.eq_ignore_ascii_case(self.key))
    }

    /// A range of `value` as a range of the file (the whole value when not written as read).
    fn map(&self, r: Range<usize>) -> Range<usize> {
        match self.offset {
            Some(o) => o + r.start..o + r.end,
            None => self.span.range(),
        }
    }

    fn origin(&self) -> Origin {
        Origin::Key(self.key.to_string())
    }
}

fn key_values<'a>(
    source: &'a SourceFile,
    fm: &'a FrontMatter,
) -> impl Iterator<Item = KeyValue<'a>> {
    fm.entries.iter().filter_map(move |entry| {
        let value = entry.value.value.as_str()?;
        let raw = source.slice(entry.value.span);
        Some(KeyValue {
            key: entry.key.value.as_str(),
            value,
            raw,
            span: entry.value.span,
            offset: raw.find(value).map(|i| entry.value.span.start as usize + i),
        })
    })
}

/// Closing, publication and update dates, and sentences saying there is no deadline.
fn read_dates(
    source: &SourceFile,
    fm: &FrontMatter,
    md: &Markdown,
    folded: &[&str],
    sentences: &[(usize, Range<usize>)],
) -> Facts {
    let mut facts = Facts::default();
    for kv in key_values(source, fm) {
        if kv.is(&CLOSING_KEYS) {
            match date::parse_value(kv.value) {
                Some(d) => facts.deadlines.push(Found {
                    span: source.span(kv.map(d.range.clone())),
                    value: d.map(&|r| kv.map(r)),
                    origin: kv.origin(),
                }),
                None if !kv.value.trim().is_empty() => facts.unreadable_deadlines.push(Found {
                    value: kv.value.to_string(),
                    span: kv.span,
                    origin: kv.origin(),
                }),
                None => {}
            }
        } else if kv.is(&PUBLISHED_KEYS) || kv.is(&UPDATED_KEYS) {
            let Some(d) = date::parse_value(kv.value) else {
                continue;
            };
            let found = Some(Found {
                span: source.span(kv.map(d.range.clone())),
                value: d.map(&|r| kv.map(r)),
                origin: kv.origin(),
            });
            if kv.is(&UPDATED_KEYS) {
                facts.updated = found;
            } else {
                facts.published = found;
            }
        }
    }
    let mut rest = sentences;
    for (i, block) in md.blocks.iter().enumerate() {
        let n = rest.partition_point(|(b, _)| *b <= i);
        let (of_block, after) = rest.split_at(n);
        rest = after;
        let map = |r: Range<usize>| block.source_span(r).range();
        let text = block.text.as_str();
        let folded = folded[i];
        let cues = date::deadline_cues(folded);
        // A deadline is read sentence by sentence, so other dates of the paragraph stay out.
        for (_, sentence) in of_block {
            if !cues.iter().any(|c| sentence.contains(c)) {
                continue;
            }
            let base = sentence.start;
            let shift = |r: Range<usize>| map(base + r.start..base + r.end);
            let found = date::deadlines_folded(&text[sentence.clone()], &folded[sentence.clone()]);
            for deadline in found {
                match deadline {
                    Deadline::Read(d) => facts.deadlines.push(Found {
                        span: source.span(shift(d.range.clone())),
                        value: d.map(&shift),
                        origin: Origin::Body,
                    }),
                    Deadline::Unreadable { range, hint } => {
                        facts.unreadable_deadlines.push(Found {
                            value: hint,
                            span: source.span(shift(range)),
                            origin: Origin::Body,
                        })
                    }
                }
            }
        }
        if facts.no_deadline.is_none() && date::says_no_deadline_folded(folded) {
            facts.no_deadline = Some(block.span);
        }
    }
    facts
}

/// Pay, in pay keys and in the text, and a status saying applications are closed.
fn read_pay(source: &SourceFile, fm: &FrontMatter, md: &Markdown, folded: &[&str]) -> Facts {
    let mut facts = Facts::default();
    for kv in key_values(source, fm) {
        if !(kv.is(&PAY_KEYS)
            || (fm.kind == FrontMatterKind::Metadata && kv.key.eq_ignore_ascii_case("salary")))
        {
            continue;
        }
        // A value not written as read (quoted, folded, continued on a lazy line) is read
        // where it is written, so that each amount keeps its own place.
        let (written, at) = match kv.offset {
            Some(o) => (kv.value, o),
            None => (kv.raw, kv.span.start as usize),
        };
        let shift = |r: Range<usize>| at + r.start..at + r.end;
        let found = salary::find_all(written);
        if found.is_empty() && !kv.value.trim().is_empty() && !FOREIGN_MONEY.is_match(kv.value) {
            facts.unreadable_pay.push(Found {
                value: kv.value.to_string(),
                span: kv.span,
                origin: kv.origin(),
            });
        }
        for p in found {
            facts.pay.push(Found {
                span: source.span(shift(p.range())),
                value: p.map(&shift),
                origin: kv.origin(),
            });
        }
    }
    // Whether each section's heading speaks of pay or of benefits.
    let headings: Vec<(bool, bool)> = md
        .sections
        .iter()
        .map(|s| {
            let heading = s.heading.and_then(|h| md.headings.get(h));
            heading.map_or((false, false), |h| {
                let h = fold_case(&h.text);
                (
                    PAY_HEADING.regex().is_match(&h),
                    BENEFITS.regex().is_match(&h),
                )
            })
        })
        .collect();
    for (block, folded) in md.blocks.iter().zip(folded) {
        let heading = headings.get(block.section).copied().unwrap_or_default();
        read_block_pay(source, block, folded, heading, &mut facts);
    }
    // The text blocks were read above; a status can also be a front-matter value.
    if facts.closed_status.is_none()
        && let Some(block) = fm.span
        && let Some(m) = CLOSED.find(source.slice(block))
    {
        facts.closed_status =
            Some(source.span(block.start as usize + m.start..block.start as usize + m.end));
    }
    facts
}

/// Pay in one block; `folded` is its text folded to lower case, for the case-insensitive cues;
/// `heading` says whether its section's heading is about pay, and about benefits.
fn read_block_pay(
    source: &SourceFile,
    block: &TextBlock,
    folded: &str,
    (in_pay_section, in_benefits_section): (bool, bool),
    facts: &mut Facts,
) {
    let map = |r: Range<usize>| block.source_span(r).range();
    let text = block.text.as_str();
    if facts.closed_status.is_none()
        && CLOSED_WORDS
            .iter()
            .any(|w| w.find(folded.as_bytes()).is_some())
        && let Some(m) = CLOSED.regex().find(folded).map(|m| m.range())
    {
        facts.closed_status = Some(source.span(map(m)));
    }
    let pay_words = PAY_WORDS.regex().is_match(folded);
    // Benefits and allowances are money, but not pay.
    let benefit_words = !pay_words && BENEFITS.regex().is_match(folded);
    // A section on benefits holds no pay, unless its heading names pay too (`Benefits and
    // compensation`).
    let benefits_only = in_benefits_section && !in_pay_section;
    let found = salary::find_all_folded(text, folded);
    let read_amounts = found.iter().any(|p| matches!(p, PayText::Amounts(_)));
    if (in_pay_section || pay_words)
        && !benefits_only
        && !read_amounts
        && UNREAD_MONEY.is_match(text)
    {
        facts.unreadable_pay.push(Found {
            value: text.to_string(),
            span: block.span,
            origin: Origin::Body,
        });
    }
    for p in found {
        let keep = match &p {
            PayText::Amounts(_) if benefits_only => false,
            // Under a pay heading, a range or a rate is pay even beside benefits (`$75,000
            // to $90,000 a year, plus benefits`).
            PayText::Amounts(a) if benefit_words => {
                in_pay_section && (a.period.is_some() || a.max.is_some())
            }
            PayText::Amounts(a) => {
                in_pay_section || pay_words || a.period.is_some() || a.max.is_some()
            }
            PayText::Classification { .. } => in_pay_section || pay_words,
            PayText::Vague { .. } => true,
        };
        if keep {
            facts.pay.push(Found {
                span: source.span(map(p.range())),
                value: p.map(&map),
                origin: Origin::Body,
            });
        }
    }
}
