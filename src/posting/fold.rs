//! Case-insensitive matching that is cheap to build: [`Folded`] runs a case-sensitive,
//! lower-case pattern over text folded to lower case with its byte offsets unchanged.
//!
//! A `(?i)` pattern costs the regex engine ten times more to build than the same pattern
//! without it (every letter becomes a class, and the literal prefilter multiplies the case
//! variants), and a one-file run builds dozens of them. Folding the text instead keeps a
//! pattern's build cost at its case-sensitive price and its search on the fast literal
//! prefilters. Offsets found in the folded text are offsets in the original text.

use std::borrow::Cow;
use std::ops::Range;

use regex::Regex;

/// `text` in lower case, byte for byte the same length: every character whose lower case is
/// one character of the same UTF-8 length is replaced by it (`É` → `é`, `Œ` → `œ`); the rare
/// others (`İ`, the Kelvin sign) are kept as written.
pub fn fold_case(text: &str) -> Cow<'_, str> {
    // Up to the first capital or non-ASCII character, the text is its own folding.
    let Some(first) = text
        .bytes()
        .position(|b| b.is_ascii_uppercase() || !b.is_ascii())
    else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A regular expression matched case-insensitively. Its pattern is written in lower case and
/// without `(?i)`; it is matched against [`fold_case`]d text.
#[derive(Debug)]
pub struct Folded(Regex);

impl Folded {
    /// Builds the expression; the pattern is a constant of postlint, so an invalid one is a
    /// bug caught by the tests.
    pub fn new(pattern: &str) -> Folded {
        debug_assert!(
            !pattern.contains("(?i") && !pattern.contains("(?xi"),
            "a folded pattern is case-sensitive: {pattern}"
        );
        Folded(Regex::new(pattern).expect("valid regex"))
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(&fold_case(text))
    }

    /// Where the first match is in `text`.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.0.find(&fold_case(text)).map(|m| m.range())
    }

    /// The expression, to run over text folded once for several expressions.
    pub fn regex(&self) -> &Regex {
        &self.0
    }

    /// Runs `f` with the expression and the folded text, for what needs captures; what it
    /// reads of the text is in lower case, at the original offsets.
    pub fn on<R>(&self, text: &str, f: impl FnOnce(&Regex, &str) -> R) -> R {
        f(&self.0, &fold_case(text))
    }

    /// Where every match is in `text`, in order.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        self.0
            .find_iter(&fold_case(text))
            .map(|m| m.range())
            .collect()
    }
}

/// A word character for the patterns read over English and French text: the `\w` of the
/// Latin alphabets (ASCII, Latin-1, Latin Extended-A and B), at a fraction of the build cost
/// of Unicode's `\w`.
pub const WORD: &str = r"[0-9A-Za-z_\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}]";

/// A letter of the Latin alphabets, as [`WORD`] is a word character: `\p{L}` for English and
/// French text.
pub const LETTER: &str = r"[A-Za-z\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}]";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_every_offset() {
        for text in ["Closing DATE", "DÉCEMBRE, Œuvre", "İstanbul K", "déjà", ""] {
            let folded = fold_case(text);
            assert_eq!(folded.len(), text.len(), "{text}");
            for (a, b) in text.char_indices().zip(folded.char_indices()) {
                assert_eq!(a.0, b.0, "{text}");
            }
        }
        assert_eq!(fold_case("DÉCEMBRE, Œuvre"), "décembre, œuvre");
        assert_eq!(fold_case("Closing DATE"), "closing date");
        assert!(matches!(fold_case("already lower"), Cow::Borrowed(_)));
        assert_eq!(fold_case("ok ÉTÉ"), "ok été");
    }

    #[test]
    fn folded_patterns_match_any_case_at_the_original_offsets() {
        let cue = Folded::new(r"(?-u:\b)(?:date\s+limite|deadline)(?-u:\b)");
        assert!(cue.is_match("The DEADLINE is near"));
        assert_eq!(cue.find("Élan. Date Limite : demain"), Some(7..18));
        assert_eq!(cue.find_all("deadline, Deadline"), vec![0..8, 10..18]);
        assert!(!cue.is_match("deadlines"));
    }

    #[test]
    fn word_class_covers_french_letters() {
        let word = Regex::new(&format!("^{WORD}+$")).unwrap();
        assert!(word.is_match("rémunération_Œuvre2"));
        assert!(!word.is_match("a b"));
        let letter = Regex::new(&format!("^{LETTER}+$")).unwrap();
        assert!(letter.is_match("ÉtudiantŒœ"));
        assert!(!letter.is_match("a1") && !letter.is_match("a_b"));
    }
}
