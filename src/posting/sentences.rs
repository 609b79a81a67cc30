//! Splits running text into sentences, in English and French, without breaking after
//! abbreviations (`p.m.`, `e.g.`, `M.`, `art.`, `Mar.`) or inside numbers (`36.25`).

use std::ops::Range;

use super::source::four_bytes;

/// Words that end with a period without ending the sentence (lower-cased, without the period).
const ABBREVIATIONS: &[&str] = &[
    "a.m", "p.m", "am", "pm", "e.g", "i.e", "vs", "approx", "no", "nos", "st", "mr", "mrs", "ms",
    "dr", "prof", "jr", "sr", "inc", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "m", "mm", "mme", "mmes", "mlle", "art", "p", "pp", "env", "janv", "févr", "avr",
    "juil", "déc", "c.-à-d", "ex", "cf", "min", "max", "ext", "tél", "approx",
];

/// The longest of [`ABBREVIATIONS`], in bytes (their capitals take as many).
const ABBREVIATION_BYTES: usize = 7;

/// Time-zone abbreviations, English and French. They may follow `p.m.` in the same sentence.
pub const ZONES: &[&str] = &[
    "EDT", "EST", "ET", "CDT", "CST", "CT", "MDT", "MST", "MT", "PDT", "PST", "PT", "ADT", "AST",
    "NDT", "NST", "HAE", "HNE", "HE", "HAC", "HNC", "HAR", "HNR", "HAP", "HNP", "HAA", "HNA",
    "HAT", "HNT", "UTC", "GMT",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut from = 0;
    // A sentence ends with ASCII punctuation or `…`, whose UTF-8 starts with 0xE2: the bytes
    // between those are not read.
    let mut ends = four_bytes(bytes, [b'.', b'!', b'?'], 0xE2);
    while let Some(at) = ends.find(|&at| at >= from) {
        let c = text[at..].chars().next().expect("a character starts here");
        from = at + c.len_utf8();
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Closing brackets, quotes and emphasis end the sentence with it: `(we do!) Next`.
        let closers: usize = text[from..]
            .chars()
            .take_while(|c| matches!(c, ')' | ']' | '"' | '\'' | '*' | '_' | '”' | '’' | '»'))
            .map(char::len_utf8)
            .sum();
        let mut end = from + closers;
        // French closes its quotes after a space: `« Oui. » Bien.`
        let spaced = text[end..].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        if let Some(after) = spaced.strip_prefix('»') {
            end = text.len() - after.len();
        }
        // The next character must be white space, and the next word must start a sentence.
        if !text[end..].starts_with(char::is_whitespace) {
            continue;
        }
        let rest = text[end..].trim_start();
        let Some(first) = rest.chars().next() else {
            continue;
        };
        if !(first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(first, '«' | '"' | '“' | '(' | '[' | '*' | '-'))
        {
            continue;
        }
        if c == '.' {
            let word_start = text[..at]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric() || c == '.' || c == '-')
                .last()
                .map_or(at, |(i, _)| i);
            let word = &text[word_start..at];
            // No abbreviation is longer than seven bytes (`c.-à-d`), in any case.
            if word.len() <= ABBREVIATION_BYTES {
                let lower = word.to_lowercase();
                let next_word = &rest[..rest
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(rest.len())];
                if ABBREVIATIONS.contains(&lower.as_str())
                    && (ZONES.contains(&next_word) || lower.contains('.') || lower.len() <= 4)
                {
                    continue;
                }
            }
            // A single capital, as in an initial (`J. Smith`).
            if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
                continue;
            }
        }
        push(text, &mut out, start..end);
        start = end;
        from = end;
    }
    push(text, &mut out, start..text.len());
    out
}

fn push(text: &str, out: &mut Vec<Range<usize>>, range: Range<usize>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(range.start + lead..range.start + lead + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_abbreviation_is_longer_than_the_bound() {
        for a in ABBREVIATIONS {
            assert!(a.to_uppercase().len() <= ABBREVIATION_BYTES, "{a}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_sentence_ends_only() {
        assert_eq!(
            sentences(
                "Apply by March 31, 2028 at 5:00 p.m. EDT. Interviews start on April 10. Good luck!"
            ),
            vec![
                "Apply by March 31, 2028 at 5:00 p.m. EDT.",
                "Interviews start on April 10.",
                "Good luck!"
            ]
        );
        assert_eq!(
            sentences("We work 36.25 hours a week, e.g. Monday to Friday. Welcome."),
            vec![
                "We work 36.25 hours a week, e.g. Monday to Friday.",
                "Welcome."
            ]
        );
        assert_eq!(
            sentences(
                "Come work with us (we are hiring!) Apply. Read the \"guide.\" Then « oui. » Bien."
            ),
            vec![
                "Come work with us (we are hiring!)",
                "Apply.",
                "Read the \"guide.\"",
                "Then « oui. »",
                "Bien."
            ]
        );
        assert_eq!(
            sentences("Écrivez à M. Tremblay. Merci."),
            vec!["Écrivez à M. Tremblay.", "Merci."]
        );
        assert_eq!(
            sentences("Apply by Fri. March 3, 2028."),
            vec!["Apply by Fri. March 3, 2028."]
        );
        assert_eq!(
            sentences("Vraiment… Oui ! Écrivez-nous. à bientôt."),
            vec!["Vraiment…", "Oui !", "Écrivez-nous. à bientôt."]
        );
        assert_eq!(
            sentences("L’équipe est là. C’est bien ! Merci… «Bravo»."),
            vec!["L’équipe est là.", "C’est bien !", "Merci…", "«Bravo»."]
        );
        assert_eq!(sentences(""), Vec::<&str>::new());
    }
}
