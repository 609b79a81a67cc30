use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

use crate::posting::language_profile;
use crate::posting::source::find_byte;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// An abbreviation in capitals (`OCIF`, `CBC`, `SNC`) used without its long form: neither
    /// `Long Form (ABC)` nor `ABC (Long Form)` anywhere in the posting. Each abbreviation is
    /// reported once, at its first use. Common ones (`IT`, `PDF`, `URL`…, in
    /// `rules/plain-language/acronyms.txt`), classification codes (`IT-03`), time zones,
    /// words in capitals for emphasis, WCAG conformance levels (`Level AA`), and language profiles (`CBC`, `BBB/BBB`) in a paragraph
    /// that names the languages ("fluent in French and English … CBC", "bilingual imperative
    /// BBB/BBB") are left out.
    ///
    /// ## Why it matters
    /// Readers outside the organization do not know its abbreviations: a language profile
    /// `CBC` alone ("This position is CBC essential", "a CBC language profile") means nothing
    /// to a candidate. Canada.ca: "Write out the long form … with the
    /// abbreviated form in parentheses at first mention" (WCAG 3.1.4 Abbreviations).
    ///
    /// ## Examples
    /// ```md,bad
    /// This position requires a CBC language profile.
    /// ```
    /// ```md,good
    /// This position requires a bilingual language profile of CBC (comprehension C, writing B, oral C).
    /// ```
    ///
    /// ## Options
    /// `[rules.plain-language-acronym] allow = ["CDS", "SNC"]` accepts your own.
    ///
    /// ## References
    /// Canada.ca Content Style Guide §4.4; WCAG 2.x SC 3.1.4.
    pub static PLAIN_LANGUAGE_ACRONYM = Rule {
        id: "plain-language-acronym",
        family: Family::PlainLanguage,
        severity: Severity::Info,
        fix: FixAvailability::Never,
        options: Some(validate_options::<Options>),
        check: Check::Posting(check),
    };
}

#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    allow: Vec<String>,
}

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::rules::url::data_lines(include_str!("../../../rules/plain-language/acronyms.txt"))
        .collect()
});
static EMPHASIS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::rules::url::data_lines(include_str!(
        "../../../rules/plain-language/emphasis-words.txt"
    ))
    .collect()
});
/// Two to six capitals, not part of a classification code (`IT-03`) or a longer word.
/// Where the words of two to six ASCII capitals are, an `s` after them or not (`ABC`, `CVs`):
/// whole runs of ASCII letters, digits and `_` (`(?-u:\b)[A-Z]{2,6}s?(?-u:\b)`). Each holds
/// two capitals in a row, which is what the scan looks for; most text has none.
fn acronyms(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let is_word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            i = find_byte(bytes, i, |b| b.is_ascii_uppercase())?;
            if !bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase) {
                i += 1;
                continue;
            }
            let start = i - bytes[..i].iter().rev().take_while(|b| is_word(b)).count();
            let end = i + bytes[i..].iter().take_while(|b| is_word(b)).count();
            i = end;
            let word = &bytes[start..end];
            let capitals = word.strip_suffix(b"s").unwrap_or(word);
            if (2..=6).contains(&capitals.len()) && capitals.iter().all(u8::is_ascii_uppercase) {
                return Some(start..end);
            }
        }
    })
}

/// `before` ends with `Level`, `niveau` or a WCAG version: the capitals after it are a WCAG
/// conformance level (`Level AA`, `WCAG 2.1 AA`).
fn is_conformance_level(before: &str) -> bool {
    let before = before.trim_end();
    let tail = &before[before.floor_char_boundary(before.len().saturating_sub(12))..];
    let tail = tail.to_ascii_lowercase();
    tail.ends_with("level") || tail.ends_with("niveau") || tail.contains("wcag")
}

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<Options>();
    let text: String = posting
        .markdown
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let title = posting.title.as_ref().map_or("", |t| t.value.as_str());
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (i, block) in posting.markdown.blocks.iter().enumerate() {
        // Words of a shouted line are `plain-language-all-caps`'s, and words in capitals
        // beside one longer than any acronym (`DESIGN RESEARCHERS`) are words, not acronyms.
        let shouted: Vec<(usize, usize)> = posting
            .caps_runs(i)
            .iter()
            .filter(|run| {
                super::plain_language_all_caps::is_shouting(&block.text, run)
                    || run
                        .iter()
                        .any(|&(s, e)| block.text[s..e].chars().count() > 6)
            })
            .flatten()
            .copied()
            .collect();
        for m in acronyms(&block.text) {
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            if !boundary(block.text[..m.start].chars().next_back())
                || !boundary(block.text[m.end..].chars().next())
            {
                continue;
            }
            if shouted.iter().any(|&(s, e)| s <= m.start && m.end <= e) {
                continue;
            }
            let word = block.text[m.clone()].trim_end_matches('s');
            let after = &block.text[m.end..];
            let before = &block.text[..m.start];
            if word.len() < 2
                || seen.contains(word)
                || COMMON.contains(word)
                || EMPHASIS.contains(word)
                || options.allow.iter().any(|a| a == word)
                || after.starts_with('-')
                || before.ends_with('-')
                || crate::posting::date::zone_offset(word).is_some()
                || matches!(word, "ET" | "PT" | "MT" | "CT" | "HE" | "AM" | "PM")
                || (language_profile::is_code(word)
                    && language_profile::speaks_of_languages(posting.folded(i)))
                || (matches!(word, "AA" | "AAA") && is_conformance_level(before))
            {
                continue;
            }
            seen.insert(word.to_string());
            // Explained somewhere: `(ABC)` after its long form, `ABC (…)`, or in the title.
            let explained = text.contains(&format!("({word})"))
                || text.contains(&format!("{word} ("))
                || title.contains(&format!("({word})"))
                || block.text[m.end..].trim_start().starts_with('(');
            if explained {
                continue;
            }
            let help = posting.in_lang_at(
                block.span.start as usize,
                format!(
                    "Write the long form at first use, with `({word})` after it, or add `{word}` to `allow`."
                ),
                format!(
                    "Écrivez la forme longue à la première mention, suivie de `({word})`, ou ajoutez `{word}` à `allow`."
                ),
            );
            cx.report(
                block.source_span(m.start..m.start + word.len()),
                format!("`{word}` is not spelled out"),
            )
            .help(help);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The scan finds what the regular expression it stands for finds.
        #[test]
        fn acronyms_are_the_whole_words_in_capitals(text in "[ABCDEFGs_1a é-]{0,40}") {
            let pattern = regex::Regex::new(r"(?-u:\b)[A-Z]{2,6}s?(?-u:\b)").unwrap();
            let expected: Vec<_> = pattern.find_iter(&text).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(acronyms(&text).collect::<Vec<_>>(), expected);
        }
    }
}
