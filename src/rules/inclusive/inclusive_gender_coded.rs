use std::sync::LazyLock;

use crate::posting::Lang;
use crate::posting::readability::runs;
use crate::posting::source::offset_in;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// English postings whose wording leans strongly masculine or feminine by the word lists of
    /// Gaucher, Friesen and Kay (2011), as extended by Gender Decoder: one finding per posting,
    /// when one kind outnumbers the other by more than three words, listing the words counted.
    /// Words such as `leadership`, `responsible` and `support` are on the lists, which is why
    /// this is a balance, not a word-by-word warning.
    ///
    /// ## Why it matters
    /// Gaucher et al. found that masculine-coded wording makes job ads less appealing to women
    /// and lowers their sense of belonging, without changing how men see them.
    ///
    /// ## Examples
    /// ```md,bad
    /// We want an ambitious, competitive and decisive leader. You are assertive, independent and driven, and you lead with confidence and determination.
    /// ```
    /// ```md,good
    /// We want a developer who enjoys working with others. You lead projects, share what you learn and support your team.
    /// ```
    ///
    /// ## References
    /// Gaucher, Friesen & Kay (2011), Journal of Personality and Social Psychology 101(1),
    /// Appendix A; Gender Decoder (lovedaybrooke/gender-decoder, MIT).
    pub static INCLUSIVE_GENDER_CODED = Rule {
        id: "inclusive-gender-coded",
        family: Family::Inclusive,
        severity: Severity::Info,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

#[derive(serde::Deserialize)]
struct Lists {
    masculine: Vec<String>,
    feminine: Vec<String>,
    exceptions: Vec<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    toml::from_str(include_str!(
        "../../../rules/plain-language/gender-coded.en.toml"
    ))
    .expect("valid pack (tests/data.rs)")
});

/// The stems of one list by their first letter, so a word is compared with a few stems only.
type Stems = std::collections::HashMap<char, Vec<String>, foldhash::fast::FixedState>;

fn by_initial(stems: &[String]) -> Stems {
    let mut out = Stems::default();
    for stem in stems {
        if let Some(c) = stem.chars().next() {
            out.entry(c).or_default().push(stem.clone());
        }
    }
    out
}

static STEMS: LazyLock<(Stems, Stems)> =
    LazyLock::new(|| (by_initial(&LISTS.masculine), by_initial(&LISTS.feminine)));

fn starts_with_any(stems: &Stems, word: &str) -> bool {
    word.chars()
        .next()
        .and_then(|c| stems.get(&c))
        .is_some_and(|list| list.iter().any(|stem| word.starts_with(stem.as_str())))
}

/// A difference larger than this makes the wording "strongly" coded (Gender Decoder).
const STRONG: usize = 3;

fn check(posting: &Posting, cx: &mut Context) {
    let lists = &*LISTS;
    let mut masculine: Vec<(String, Span)> = Vec::new();
    let mut feminine: Vec<(String, Span)> = Vec::new();
    let (masculine_stems, feminine_stems) = &*STEMS;
    for (i, block) in posting.markdown.blocks.iter().enumerate() {
        if posting.lang_at(block.span.start as usize) != Some(Lang::En) {
            continue;
        }
        // A word's offset in the folded text is its offset in the block.
        let folded = posting.folded(i);
        for lower in runs(folded, |c| c.is_alphanumeric() || c == '-') {
            let is_masculine = starts_with_any(masculine_stems, lower);
            let is_feminine = !is_masculine && starts_with_any(feminine_stems, lower);
            if !(is_masculine || is_feminine) || lists.exceptions.iter().any(|e| e == lower) {
                continue;
            }
            let start = offset_in(folded, lower);
            let span = block.source_span(start..start + lower.len());
            let lower = lower.to_string();
            if is_masculine {
                masculine.push((lower, span));
            } else {
                feminine.push((lower, span));
            }
        }
    }
    let (m, f) = (masculine.len(), feminine.len());
    let (lean, more, fewer) = if m > f + STRONG {
        ("masculine", &masculine, &feminine)
    } else if f > m + STRONG {
        ("feminine", &feminine, &masculine)
    } else {
        return;
    };
    let words = |list: &[(String, Span)]| {
        let mut w: Vec<&str> = list.iter().map(|(s, _)| s.as_str()).collect();
        w.sort_unstable();
        w.dedup();
        w.join(", ")
    };
    let d = cx.report(
        more[0].1,
        format!(
            "the wording is strongly {lean}-coded: {} {lean}-coded words against {}",
            more.len(),
            fewer.len()
        ),
    );
    for (_, span) in more.iter().skip(1).take(4) {
        d.label(*span, format!("{lean}-coded"));
    }
    let advice = if lean == "masculine" {
        "Balance the wording, for example by describing the team and the support you offer."
    } else {
        "Balance the wording, for example by naming the decisions the role makes and what it leads."
    };
    d.help(format!(
        "{advice} Counted: {} ({lean}); {} (the other).",
        words(more),
        if fewer.is_empty() {
            "none".to_string()
        } else {
            words(fewer)
        }
    ));
}
