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
    let bytes = text.as_bytes();
    // Copied at the first capital; most text has few, and ASCII needs no table.
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_uppercase() {
                out.get_or_insert_with(|| bytes.to_vec())[i] = b.to_ascii_lowercase();
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        let len = c.len_utf8();
        if c.is_uppercase() {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next())
                && l.len_utf8() == len
            {
                l.encode_utf8(&mut out.get_or_insert_with(|| bytes.to_vec())[i..i + len]);
            }
        }
        i += len;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(folded) => Cow::Owned(
            String::from_utf8(folded).expect("characters replaced by ones of the same length"),
        ),
    }
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

/// `text` as the lists read it: folded to lower case, each run of white space one space,
/// `’` an apostrophe; and for each byte of it (and its end), the offset in `text` it was read
/// from.
pub fn normalise(text: &str) -> (String, Vec<u32>) {
    let folded = fold_case(text);
    let bytes = folded.as_bytes();
    let mut read: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut at: Vec<u32> = Vec::with_capacity(bytes.len() + 1);
    let mut after_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII, most of the text, byte by byte; other characters decoded.
        let (len, space) = if b.is_ascii() {
            (1, b.is_ascii_whitespace() || b == 0x0b)
        } else {
            let c = folded[i..].chars().next().expect("a character starts here");
            (c.len_utf8(), c.is_whitespace())
        };
        if space {
            if !after_space {
                read.push(b' ');
                at.push(i as u32);
            }
        } else if &bytes[i..i + len] == "’".as_bytes() {
            read.push(b'\'');
            at.push(i as u32);
        } else {
            read.extend_from_slice(&bytes[i..i + len]);
            at.extend(std::iter::repeat_n(i as u32, len));
        }
        after_space = space;
        i += len;
    }
    at.push(text.len() as u32);
    let read = String::from_utf8(read).expect("whole characters, and ASCII for the others");
    (read, at)
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
