//! Case-insensitive matching that is cheap to build: [`Folded`] runs a case-sensitive,
//! lower-case pattern over text folded to lower case with its byte offsets unchanged.
//!
//! A `(?i)` pattern costs the regex engine several times more to build than the same pattern
//! without it (every letter becomes a class of two), and a one-file run builds dozens of
//! them. Folding the text instead keeps a pattern's build cost at its case-sensitive price.
//! Offsets found in the folded text are offsets in the original text.

use std::borrow::Cow;
use std::ops::Range;

use super::pattern::Pattern;
use super::source::find_byte;

/// `text` in lower case, byte for byte the same length: every character whose lower case is
/// one character of the same UTF-8 length is replaced by it (`É` → `é`, `Œ` → `œ`); the rare
/// others (`İ`, the Kelvin sign) are kept as written.
pub fn fold_case(text: &str) -> Cow<'_, str> {
    let Some(first) = first_capital(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = text.to_owned();
    // ASCII capitals all at once; then the others, each in place.
    out[first..].make_ascii_lowercase();
    let mut i = first;
    while let Some(n) = out.as_bytes()[i..].iter().position(|b| !b.is_ascii()) {
        i += n;
        let c = out[i..].chars().next().expect("a character starts here");
        if let Some(l) = small_letter(c) {
            let mut buf = [0; 4];
            out.replace_range(i..i + c.len_utf8(), l.encode_utf8(&mut buf));
        }
        i += c.len_utf8();
    }
    Cow::Owned(out)
}

/// Where the first character [`fold_case`] changes is.
fn first_capital(text: &str) -> Option<usize> {
    let mut i = 0;
    loop {
        // Runs of lower-case ASCII, most of any text, are skipped whole.
        i = find_byte(text.as_bytes(), i, |b| {
            b.is_ascii_uppercase() || !b.is_ascii()
        })?;
        let c = text[i..].chars().next().expect("a character starts here");
        if small_letter(c).is_some() {
            return Some(i);
        }
        i += c.len_utf8();
    }
}

/// The lower case of a capital when it is one character of the same UTF-8 length.
fn small_letter(c: char) -> Option<char> {
    match c {
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        // Latin-1 capitals (not `×`) are 0x20 below their small letters.
        '\u{C0}'..='\u{DE}' if c != '×' => char::from_u32(c as u32 + 0x20),
        // Latin-1 symbols and small letters, and punctuation (`’`, `—`, no-break spaces),
        // the other characters of English and French text, have no capital form to fold.
        '\u{80}'..='\u{BF}' | '\u{DF}'..='\u{FF}' | '\u{2000}'..='\u{206F}' => None,
        c if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => Some(l),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A regular expression matched case-insensitively. Its pattern is written in lower case and
/// without `(?i)`; it is matched against [`fold_case`]d text.
#[derive(Debug)]
pub struct Folded(Pattern);

impl Folded {
    /// Builds the expression; the pattern is a constant of postlint, so an invalid one is a
    /// bug caught by the tests.
    pub fn new(pattern: &str) -> Folded {
        debug_assert!(
            !pattern.contains("(?i") && !pattern.contains("(?xi"),
            "a folded pattern is case-sensitive: {pattern}"
        );
        Folded(Pattern::new(pattern))
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(&fold_case(text))
    }

    /// Where the first match is in `text`.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.0.find(&fold_case(text)).map(|m| m.range())
    }

    /// [`Folded::new`] for a pattern that never gets literal prefilters ([`Pattern::scanning`]).
    pub fn scanning(pattern: &str) -> Folded {
        Folded(Pattern::scanning(pattern))
    }

    /// The expression, to run over text folded once for several expressions.
    pub fn regex(&self) -> &Pattern {
        &self.0
    }

    /// Runs `f` with the expression and the folded text, for what needs captures; what it
    /// reads of the text is in lower case, at the original offsets.
    pub fn on<R>(&self, text: &str, f: impl FnOnce(&Pattern, &str) -> R) -> R {
        f(&self.0, &fold_case(text))
    }
}

/// Text as the word lists read it (see [`normalise`]), and the way back to the offsets of the
/// text it was read from.
#[derive(Clone, Debug, Default)]
pub struct Normalised {
    pub text: String,
    /// Where the offsets part: from offset `.0` of `text` on, offset `r` was read from offset
    /// `.1 + (r - .0)` (until the next jump). Before the first jump they are the same.
    jumps: Vec<(u32, u32)>,
}

impl Normalised {
    /// The offset in the original text that offset `i` of [`Normalised::text`] was read from
    /// (`i` on a character boundary, or its end).
    pub fn source_offset(&self, i: usize) -> usize {
        let i = i as u32;
        match self.jumps.partition_point(|&(at, _)| at <= i) {
            0 => i as usize,
            n => {
                let (at, from) = self.jumps[n - 1];
                (from + (i - at)) as usize
            }
        }
    }
}

/// `text` as the lists read it: folded to lower case, each run of white space one space,
/// `’` an apostrophe; with the way back to the offsets of `text`.
pub fn normalise(text: &str) -> Normalised {
    normalise_folded(&fold_case(text))
}

/// [`normalise`] for text already [`fold_case`]d.
pub fn normalise_folded(folded: &str) -> Normalised {
    let bytes = folded.as_bytes();
    // Most blocks have no white space but single spaces, and no `’`: read as they are.
    let special = bytes.iter().fold(false, |any, &b| {
        any | matches!(b, b'\t'..=b'\r' | 0xC2 | 0xE1..=0xE3)
    });
    if !special && memchr::memmem::find(bytes, b"  ").is_none() {
        return Normalised {
            text: folded.to_string(),
            jumps: Vec::new(),
        };
    }
    let mut read = String::with_capacity(bytes.len());
    let mut jumps = Vec::new();
    // Runs of characters read as written, spaces included but not after white space, are
    // copied whole; white space and `’` one by one. Beyond ASCII, only characters whose UTF-8
    // starts with C2, E1, E2 or E3 can be white space or `’` (U+0085, U+00A0, U+1680,
    // U+2000 to U+205F, U+3000).
    let (mut i, mut after_space) = (0, false);
    loop {
        let mut run = 0;
        while let Some(&b) = bytes.get(i + run) {
            let plain = if b.is_ascii() {
                !b.is_ascii_whitespace() && b != 0x0b
            } else {
                !matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
            };
            if !(plain || (b == b' ' && !after_space)) {
                break;
            }
            after_space = b == b' ';
            run += 1;
        }
        if run > 0 {
            read.push_str(&folded[i..i + run]);
            i += run;
        }
        let Some(c) = folded[i..].chars().next() else {
            break;
        };
        let space = c.is_whitespace();
        let written = read.len();
        if space {
            if !after_space {
                read.push(' ');
            }
        } else if c == '’' {
            read.push('\'');
        } else {
            read.push(c);
        }
        after_space = space;
        i += c.len_utf8();
        // The character took as many bytes as it was read from, or the offsets jump.
        if read.len() - written != c.len_utf8() {
            jumps.push((read.len() as u32, i as u32));
        }
    }
    Normalised { text: read, jumps }
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

    proptest::proptest! {
        /// Every character of the normalised text maps back to the character it was read
        /// from, and its end to the end of the text.
        #[test]
        fn normalised_offsets_lead_back_to_what_was_read(
            text in "[aZ é’'\u{a0}\n\t\u{2003}İ]{0,40}"
        ) {
            let normalised = normalise(&text);
            let folded = fold_case(&text);
            let mut expected = Vec::new();
            let mut chars = folded.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                expected.push(i);
                if c.is_whitespace() {
                    while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
                }
            }
            let starts: Vec<usize> = normalised
                .text
                .char_indices()
                .map(|(i, _)| normalised.source_offset(i))
                .collect();
            proptest::prop_assert_eq!(starts, expected);
            proptest::prop_assert_eq!(normalised.source_offset(normalised.text.len()), text.len());
        }
    }

    #[test]
    fn folding_keeps_every_offset() {
        for text in [
            "Closing DATE",
            "DÉCEMBRE, Œuvre",
            "İstanbul K",
            "déjà",
            "ÀÞ×ß",
            "",
        ] {
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
        assert_eq!(fold_case("ÀÖØÞ × ß — ’"), "àöøþ × ß — ’");
        // Every Latin-1 capital folds as Unicode says.
        for c in ('\u{C0}'..='\u{DE}').filter(|c| *c != '×') {
            assert_eq!(fold_case(&c.to_string()), c.to_lowercase().to_string());
        }
    }

    #[test]
    fn folded_patterns_match_any_case_at_the_original_offsets() {
        let cue = Folded::new(r"(?-u:\b)(?:date\s+limite|deadline)(?-u:\b)");
        assert!(cue.is_match("The DEADLINE is near"));
        assert_eq!(cue.find("Élan. Date Limite : demain"), Some(7..18));
        let all: Vec<_> = cue
            .regex()
            .find_iter(&fold_case("deadline, Deadline"))
            .map(|m| m.range())
            .collect();
        assert_eq!(all, vec![0..8, 10..18]);
        assert!(!cue.is_match("deadlines"));
    }

    #[test]
    fn word_class_covers_french_letters() {
        let word = Pattern::new(&format!("^{WORD}+$"));
        assert!(word.is_match("rémunération_Œuvre2"));
        assert!(!word.is_match("a b"));
        let letter = Pattern::new(&format!("^{LETTER}+$"));
        assert!(letter.is_match("ÉtudiantŒœ"));
        assert!(!letter.is_match("a1") && !letter.is_match("a_b"));
    }
}
