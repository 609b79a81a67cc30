use std::collections::HashSet;
use std::sync::LazyLock;

use crate::posting::source::find_byte;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Words in capitals used for emphasis: `You MAY apply`, `Vous PEUVEZ`, `NOTE`, or three
    /// capitalised words in a row. Abbreviations (`CDS`, `IT-03`) are not flagged here.
    ///
    /// ## Why it matters
    /// Capitals are harder to read, some screen readers spell them out letter by letter, and
    /// they read as shouting. Use bold sparingly instead, or rewrite.
    ///
    /// ## Examples
    /// ```md,bad
    /// You MUST include a cover letter.
    /// ```
    /// ```md,good
    /// Include a cover letter.
    /// ```
    ///
    /// ## Fix safety
    /// Lower-casing a single emphasis word (`MUST`, `NOTE`) is safe: the text means the same.
    /// Writing a run of capitals in sentence case is unsafe: it may hold a proper noun
    /// (`CANADIAN DIGITAL SERVICE`) that must keep its capitals; apply it with
    /// `--unsafe-fixes` and review the result.
    ///
    /// ## References
    /// Canada.ca Content Style Guide §4.1.
    pub static PLAIN_LANGUAGE_ALL_CAPS = Rule {
        id: "plain-language-all-caps",
        family: Family::PlainLanguage,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Posting(check),
    };
}

static EMPHASIS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::rules::url::data_lines(include_str!(
        "../../../rules/plain-language/emphasis-words.txt"
    ))
    .collect()
});

/// Letters, digits, apostrophes and hyphens make words.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

/// Where the next two capitals in a row start, at or after byte `from`. Only ASCII capitals
/// and characters beyond ASCII can be capitals: runs of other bytes are skipped whole.
fn two_capitals(text: &str, mut from: usize) -> Option<usize> {
    loop {
        from = find_byte(text.as_bytes(), from, |b| {
            b.is_ascii_uppercase() || !b.is_ascii()
        })?;
        let mut chars = text[from..].chars();
        let first = chars.next()?;
        if first.is_uppercase() && chars.next().is_some_and(char::is_uppercase) {
            return Some(from);
        }
        from += first.len_utf8();
    }
}

/// Words in capitals (two letters or more, all capitals), as byte ranges. Each starts with
/// two capitals in a row, and most text has none: only the word around such a pair is looked
/// at.
fn caps_words(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut from = 0;
    while let Some(at) = two_capitals(text, from) {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word(c))
            .last()
            .map_or(at, |(k, _)| k);
        let end = text[at..]
            .char_indices()
            .find(|&(_, c)| !is_word(c))
            .map_or(text.len(), |(k, _)| at + k);
        if text[start..end].chars().all(char::is_uppercase) {
            words.push((start, end));
        }
        from = end;
    }
    words
}

/// Runs of words in capitals separated by spaces only, as byte ranges of each word.
pub fn caps_runs(text: &str) -> Vec<Vec<(usize, usize)>> {
    let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
    for (start, end) in caps_words(text) {
        match runs.last_mut() {
            Some(run) if text[run[run.len() - 1].1..start].bytes().all(|b| b == b' ') => {
                run.push((start, end));
            }
            _ => runs.push(vec![(start, end)]),
        }
    }
    runs
}

/// Shouting: three words or more in capitals, two of them real words (three letters or more),
/// or two words in capitals with an emphasis word among them (`APPLY NOW`).
pub fn is_shouting(text: &str, run: &[(usize, usize)]) -> bool {
    let words = run.iter().map(|(s, e)| &text[*s..*e]);
    let long = words.clone().filter(|w| w.chars().count() >= 3).count();
    (run.len() >= 3 && long >= 2) || (run.len() >= 2 && words.clone().any(|w| EMPHASIS.contains(w)))
}

/// `NOTE` → `Note` at the start of a sentence, `note` elsewhere.
fn lower(text: &str, start: usize, word: &str) -> String {
    let lower = word.to_lowercase();
    let before = text[..start].trim_end();
    if before.is_empty() || before.ends_with(['.', '!', '?', ':']) {
        let mut chars = lower.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
    } else {
        lower
    }
}

fn check(posting: &Posting, cx: &mut Context) {
    for block in &posting.markdown.blocks {
        let text = block.text.as_str();
        for run in caps_runs(text) {
            if is_shouting(text, &run) {
                let (start, end) = (run[0].0, run[run.len() - 1].1);
                let written = &text[start..end];
                cx.report(
                    block.source_span(start..end),
                    format!("`{written}` is written in capitals"),
                )
                .help("Write it in sentence case; use bold for the one word that matters, if any.")
                .replace(
                    Applicability::Unsafe,
                    "Write it in sentence case",
                    lower(text, start, written),
                );
                continue;
            }
            for &(start, end) in &run {
                let piece = &text[start..end];
                if !EMPHASIS.contains(piece) {
                    continue;
                }
                let fixed = lower(text, start, piece);
                cx.report(
                    block.source_span(start..end),
                    format!("`{piece}` is written in capitals for emphasis"),
                )
                .help("Write it in lower case; if it matters, say why instead.")
                .replace(Applicability::Safe, format!("Write `{fixed}`"), fixed);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::source::offset_in;

    /// Runs as read word by word, every word of the text looked at.
    fn runs_word_by_word(text: &str) -> Vec<Vec<(usize, usize)>> {
        let words = text
            .split(|c: char| !is_word(c))
            .filter(|w| !w.is_empty())
            .map(|w| (offset_in(text, w), w));
        let is_caps = |w: &str| w.chars().all(char::is_uppercase) && w.chars().nth(1).is_some();
        let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut run: Vec<(usize, usize)> = Vec::new();
        for (start, word) in words {
            if !is_caps(word) {
                if !run.is_empty() {
                    runs.push(std::mem::take(&mut run));
                }
                continue;
            }
            let joined = run
                .last()
                .is_some_and(|&(_, end)| text[end..start].bytes().all(|b| b == b' '));
            if !run.is_empty() && !joined {
                runs.push(std::mem::take(&mut run));
            }
            run.push((start, start + word.len()));
        }
        if !run.is_empty() {
            runs.push(run);
        }
        runs
    }

    #[test]
    fn words_in_capitals_in_any_script() {
        for (text, expected) in [
            ("APPLY now", vec![vec![(0, 5)]]),
            ("ÉTÉ", vec![vec![(0, 5)]]),
            ("dÉÀ", vec![]),
            ("Été à Ottawa", vec![]),
            ("A B C", vec![]),
            ("aB", vec![]),
            ("", vec![]),
            ("IT-03 and CDS", vec![vec![(10, 13)]]),
            ("APPLY NOW, please", vec![vec![(0, 5), (6, 9)]]),
            (
                "APPLY  NOW - TODAY",
                vec![vec![(0, 5), (7, 10)], vec![(13, 18)]],
            ),
            ("L’ÉTÉ VOUS", vec![vec![(10, 14)]]),
        ] {
            assert_eq!(caps_runs(text), expected, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_are_those_read_word_by_word(text in "[A-CÉÀa-cé0-9 ,.’'«»\u{a0}-]{0,40}") {
            proptest::prop_assert_eq!(caps_runs(&text), runs_word_by_word(&text));
        }
    }
}
