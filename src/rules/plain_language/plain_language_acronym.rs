use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

use crate::posting::language_profile;
use crate::posting::source::find_byte;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// An abbreviation in capitals (`OCIF`, `CBC`, `SNC`) used without its long form: neither
    /// `Long Form (ABC)` (or `(ABCs)`), `ABC (Long Form)` nor the capitalised words its
    /// letters stand for (`Ontario Public Service` for `OPS`, `Secrétariat du Conseil du
    /// Trésor` for `SCT`) anywhere in the posting. Each abbreviation is reported once, at its
    /// first use. Words in capitals are not abbreviations: labels and headings in capitals
    /// (`POST TITLE:`, `DUTIES & RESPONSIBILITIES`, a one-word label such as `FAX:`), words
    /// beside a longer word in capitals (`LE JEUDI 9 JANVIER`), dates in capitals (`FRIDAY,
    /// MARCH 31`), parts of a dotted name (`ASP.NET`), and words the posting also writes in
    /// small letters (`JAVA` beside `Java`). Common ones (`IT`, `PDF`, `URL`…, in
    /// `rules/plain-language/acronyms.txt`), classification codes (`IT-03`) and their groups
    /// (`the AS group` beside `AS-02`), time zones,
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

/// The groups of the classification codes in `text`: `AS` of `AS-02`, `IT` of `IT-03` (capitals
/// before a `-` and a digit, at the start of a word).
fn classification_groups(text: &str) -> HashSet<&str> {
    let bytes = text.as_bytes();
    let mut groups = HashSet::new();
    let mut from = 0;
    while let Some(dash) = find_byte(bytes, from, |b| b == b'-') {
        from = dash + 1;
        if !bytes.get(dash + 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let capitals = bytes[..dash]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        let start = dash - capitals;
        let bounded = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        if capitals >= 2 && bounded {
            groups.insert(&text[start..dash]);
        }
    }
    groups
}

/// The capitals at `at` belong to a label or a line in capitals of two words or more, one of
/// them five letters or more: `POST TITLE:`, `UNIT/DIVISION:`, `TERMS & CONDITIONS:`, a
/// heading `DUTIES & RESPONSIBILITIES`. Those are words, not abbreviations.
fn in_capitals_label(text: &str, at: std::ops::Range<usize>) -> bool {
    let in_group = |b: &u8| b.is_ascii_uppercase() || matches!(b, b' ' | b'/' | b'&' | b'-');
    let start = at.start - text[..at.start].bytes().rev().take_while(in_group).count();
    let end = at.end + text[at.end..].bytes().take_while(in_group).count();
    let labelled = text[end..].starts_with(':');
    let alone = text[..start].trim().is_empty()
        && text[end..]
            .chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation());
    let (count, long) = text[start..end]
        .split(|c: char| !c.is_ascii_uppercase())
        .filter(|w| !w.is_empty())
        .fold((0, false), |(n, long), w| (n + 1, long || w.len() >= 5));
    (labelled || alone) && count >= 2 && long
}

/// `word` (in capitals) is also written in small letters or with one capital as a word of the
/// posting (`salary`, `Java`): it is a word in capitals, not an abbreviation, which is always
/// written in capitals. Words in addresses (`cds-snc.ca`, `/cds/`) do not count. `lower` is
/// `text` in ASCII small letters.
fn written_in_small_letters(text: &str, lower: &str, word: &str) -> bool {
    let bytes = text.as_bytes();
    let joins = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'/' | b'@');
    let len = word.len();
    memchr::memmem::find_iter(lower.as_bytes(), word.to_ascii_lowercase().as_bytes()).any(|at| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + len).copied();
        let dotted = after == Some(b'.')
            && bytes
                .get(at + len + 1)
                .is_some_and(|b| b.is_ascii_alphanumeric());
        let in_word = before.is_some_and(|b| joins(b) || b == b'.') || after.is_some_and(joins);
        !in_word && !dotted && &bytes[at..at + len] != word.as_bytes()
    })
}

/// The initials of the long forms `text` writes, as the abbreviations of two to six letters
/// they may stand for: the last words of each run of capitalised words, small words between
/// them aside (`of`, `and`, `de`, `la`…). `Enterprise Data Solutions` gives `EDS` and `DS`,
/// `Government of Canada` `GC`, `Secrétariat du Conseil du Trésor` `SCT` and `CT`; `Canadian
/// Digital` in `Canadian Digital Service` is no long form of `CD`.
fn long_forms(text: &str) -> HashSet<u64> {
    const SMALL: [&[u8]; 16] = [
        b"of", b"and", b"for", b"the", b"on", b"in", b"to", b"de", b"des", b"du", b"la", b"le",
        b"les", b"et", b"d", b"l",
    ];
    let mut out = HashSet::new();
    // The initials of the run of capitalised words read so far.
    let mut initials: Vec<u8> = Vec::new();
    let mut end_run = |initials: &[u8]| {
        for n in 2..=initials.len().min(6) {
            out.insert(packed(&initials[initials.len() - n..]));
        }
    };
    // Words are read a byte at a time: letters beyond ASCII (`Trésor`) are part of them.
    let bytes = text.as_bytes();
    let in_word = |b: &u8| b.is_ascii_alphanumeric() || *b >= 0x80;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // A name does not run over punctuation: `… du Trésor. Le SCT`.
        if matches!(
            b,
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'\n'
        ) {
            end_run(&initials);
            initials.clear();
        }
        if !in_word(&b) {
            i += 1;
            continue;
        }
        let word = &bytes[i..i + bytes[i..].iter().take_while(|b| in_word(b)).count()];
        i += word.len();
        if word.len() > 1 && word[0].is_ascii_uppercase() && word.iter().any(u8::is_ascii_lowercase)
        {
            initials.push(word[0]);
            continue;
        }
        // A small word may join two names (`Canadian Digital Service and Treasury Board`) or
        // be part of one (`Government of Canada`).
        end_run(&initials);
        if !SMALL.contains(&word) {
            initials.clear();
        }
    }
    end_run(&initials);
    out
}

/// Up to eight letters as one number, for [`long_forms`].
fn packed(letters: &[u8]) -> u64 {
    letters.iter().fold(0, |n, &b| n << 8 | u64::from(b))
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
    // Worked out for the first abbreviation that needs them, once a posting.
    let lower = std::cell::OnceCell::new();
    let groups = std::cell::OnceCell::new();
    let long = std::cell::OnceCell::new();
    let title = posting.title.as_ref().map_or("", |t| t.value.as_str());
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (i, block) in posting.markdown.blocks.iter().enumerate() {
        // Words of a shouted line are `plain-language-all-caps`'s, and words in capitals
        // beside one longer than any acronym (`DESIGN RESEARCHERS`, `LE JEUDI 9 JANVIER`)
        // are words, not acronyms; capitals parted by no small letter go together.
        let shouted: Vec<(usize, usize)> =
            super::plain_language_all_caps::groups(&block.text, posting.caps_runs(i))
                .into_iter()
                .filter(|group| {
                    group.iter().any(|run| {
                        super::plain_language_all_caps::is_shouting(&block.text, run)
                            || run
                                .iter()
                                .any(|&(s, e)| block.text[s..e].chars().count() > 6)
                    })
                })
                .flatten()
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
                // Part of a dotted name: `ASP.NET`, `VB.NET`, `NET.Core`.
                || before
                    .strip_suffix('.')
                    .is_some_and(|b| b.ends_with(|c: char| c.is_alphanumeric()))
                || after
                    .strip_prefix('.')
                    .is_some_and(|a| a.starts_with(|c: char| c.is_alphanumeric()))
                || crate::posting::sentences::ZONES.contains(&word)
                || matches!(word, "AM" | "PM")
                // A date in capitals: `FRIDAY, MARCH 31`, `JEUDI 9 JUIN`.
                || crate::posting::date::is_date_word(word)
                // Roman numerals: `Level II`, `Niveau IV`.
                || word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
                || (language_profile::is_code(word)
                    && language_profile::speaks_of_languages(posting.folded(i)))
                || (matches!(word, "AA" | "AAA") && is_conformance_level(before))
                // The group of a classification code of the posting: `the AS group` beside
                // `AS-02`.
                || groups
                    .get_or_init(|| classification_groups(&text))
                    .contains(word)
            {
                continue;
            }
            seen.insert(word.to_string());
            // Explained somewhere: `(ABC)` or `(ABCs)` after its long form, `ABC (…)`, in the
            // title, or its long form's initials; or not an abbreviation: a label or heading
            // in capitals, a word the posting also writes in small letters.
            let explained = text.contains(&format!("({word})"))
                || text.contains(&format!("({word}s)"))
                || text.contains(&format!("{word} ("))
                || title.contains(&format!("({word})"))
                || block.text[m.end..].trim_start().starts_with('(');
            if explained
                || in_capitals_label(&block.text, m.start..m.start + word.len())
                || written_in_small_letters(
                    &text,
                    lower.get_or_init(|| text.to_ascii_lowercase()),
                    word,
                )
                || long
                    .get_or_init(|| long_forms(&text))
                    .contains(&packed(word.as_bytes()))
            {
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

    #[test]
    fn long_forms_are_whole_names() {
        let text = "At the Canadian Digital Service, with the Government of Canada. Le Secrétariat du Conseil du Trésor. Le SCT";
        for (word, expected) in [
            ("CDS", true),
            ("GC", true),
            ("SCT", true),
            ("CD", false),
            ("SCTL", false),
        ] {
            assert_eq!(
                long_forms(text).contains(&packed(word.as_bytes())),
                expected,
                "{word}"
            );
        }
    }

    #[test]
    fn labels_and_small_letters() {
        assert!(in_capitals_label("POST TITLE: Developer", 0..4));
        assert!(in_capitals_label("Read the TERMS & CONDITIONS: all", 9..14));
        assert!(!in_capitals_label("The CDS team: all", 4..7));
        let small =
            |text: &str, word| written_in_small_letters(text, &text.to_ascii_lowercase(), word);
        assert!(small("You know Java. JAVA", "JAVA"));
        assert!(!small("See cds-snc.ca and /cds/. CDS", "CDS"));
    }

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
