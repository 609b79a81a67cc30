use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::posting::Lang;
use crate::posting::pattern::automaton_kind;
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

/// The stems of both lists, masculine first, in one automaton: at a word's start it reports the
/// first stem listed that the word starts with. Stems hold letters and hyphens only, so a match
/// never runs over the start of another word.
static STEMS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let lists = &*LISTS;
    AhoCorasick::builder()
        .kind(Some(automaton_kind()))
        .match_kind(MatchKind::LeftmostFirst)
        .build(lists.masculine.iter().chain(&lists.feminine))
        .expect("stems make an automaton")
});

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// A difference larger than this makes the wording "strongly" coded (Gender Decoder).
const STRONG: usize = 3;

fn check(posting: &Posting, cx: &mut Context) {
    let lists = &*LISTS;
    let mut masculine: Vec<(String, Span)> = Vec::new();
    let mut feminine: Vec<(String, Span)> = Vec::new();
    for (i, block) in posting.markdown.blocks.iter().enumerate() {
        if posting.lang_at(block.span.start as usize) != Some(Lang::En) {
            continue;
        }
        // A word's offset in the folded text is its offset in the block.
        let folded = posting.folded(i);
        for m in STEMS.find_iter(folded) {
            let start = m.start();
            if folded[..start].chars().next_back().is_some_and(is_word) {
                continue;
            }
            let end = folded[start..]
                .find(|c: char| !is_word(c))
                .map_or(folded.len(), |n| start + n);
            let lower = &folded[start..end];
            if lists.exceptions.iter().any(|e| e == lower) {
                continue;
            }
            let span = block.source_span(start..end);
            if m.pattern().as_usize() < lists.masculine.len() {
                masculine.push((lower.to_string(), span));
            } else {
                feminine.push((lower.to_string(), span));
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
