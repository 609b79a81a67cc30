//! Words in capitals, found from pairs of capitals: most text has none, and only the word
//! around such a pair is read. Read once a posting ([`super::Posting::caps_runs`]) for the
//! rules about capitals (`plain-language-all-caps`, `plain-language-acronym`).

use super::source::find_byte;

/// Words in capitals parted by spaces only: each word's byte range.
pub type Run = Vec<(usize, usize)>;

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
pub fn caps_runs(text: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
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
