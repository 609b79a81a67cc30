//! Readability, per language: words, sentences and syllables of running text, and the
//! formulas that use them (Flesch–Kincaid grade and Flesch reading ease for English,
//! Kandel & Moles for French, LIX for both). Pure: the rule decides what to say.
//!
//! Syllables come from the `hypher` hyphenation patterns, corrected where TeX patterns count
//! low: they never break within two or three letters of a word's edges, so a short word such
//! as `area` counts one; a count of vowel groups (less a silent final `e`) sets the floor.

use super::Lang;
use crate::memo::Memo;

/// Counts of a piece of text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Words of more than six letters (LIX).
    pub long_words: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
        self.long_words += other.long_words;
    }

    fn asl(&self) -> f64 {
        self.words as f64 / self.sentences.max(1) as f64
    }

    fn asw(&self) -> f64 {
        self.syllables as f64 / self.words.max(1) as f64
    }

    /// Flesch–Kincaid grade: 0.39·ASL + 11.8·ASW − 15.59.
    pub fn flesch_kincaid_grade(&self) -> f64 {
        0.39 * self.asl() + 11.8 * self.asw() - 15.59
    }

    /// Flesch reading ease (English): 206.835 − 1.015·ASL − 84.6·ASW.
    pub fn flesch_reading_ease(&self) -> f64 {
        206.835 - 1.015 * self.asl() - 84.6 * self.asw()
    }

    /// Kandel & Moles reading ease (French): 207 − 1.015·ASL − 73.6·ASW.
    pub fn kandel_moles(&self) -> f64 {
        207.0 - 1.015 * self.asl() - 73.6 * self.asw()
    }

    /// LIX: W/S + 100·(words of more than six letters)/W.
    pub fn lix(&self) -> f64 {
        self.asl() + 100.0 * self.long_words as f64 / self.words.max(1) as f64
    }
}

/// The words of `text`: runs of letters, digits, apostrophes and hyphens that hold a letter,
/// without the apostrophes and hyphens at their edges.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    Words { text, at: 0 }.map(|w| w.text)
}

/// A word of [`words`], with its number of letters.
struct Word<'a> {
    text: &'a str,
    letters: usize,
}

/// The words of a text read a byte at a time (ASCII) or a character at a time (beyond).
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    #[inline]
    fn next(&mut self) -> Option<Word<'a>> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut at = self.at;
        loop {
            // Up to the next word character.
            loop {
                let &b = bytes.get(at).or_else(|| {
                    self.at = at;
                    None
                })?;
                match ASCII_CLASS.get(usize::from(b)) {
                    Some(0) => at += 1,
                    Some(_) => break,
                    None => match class_of(text, at) {
                        (false, _, len) => at += len,
                        _ => break,
                    },
                }
            }
            let start = at;
            let mut letters = 0;
            while let Some(&b) = bytes.get(at) {
                match ASCII_CLASS.get(usize::from(b)) {
                    Some(0) => break,
                    Some(&class) => {
                        letters += usize::from(class == 3);
                        at += 1;
                    }
                    None => match class_of(text, at) {
                        (false, _, _) => break,
                        (true, letter, len) => {
                            letters += usize::from(letter);
                            at += len;
                        }
                    },
                }
            }
            if letters == 0 {
                continue;
            }
            self.at = at;
            let run = &text[start..at];
            // Most words neither start nor end with an apostrophe or a hyphen (`’` is E2 80 99).
            let text = match run.as_bytes() {
                [b'\'' | b'-' | 0xE2, ..] | [.., b'\'' | b'-' | 0x99] => {
                    run.trim_matches(|c: char| matches!(c, '\'' | '’' | '-'))
                }
                _ => run,
            };
            return Some(Word { text, letters });
        }
    }
}

/// `c.is_alphabetic()`, with the letters of Latin-1 (`à`, `é`, `Ç`…: French words) told
/// without Unicode's tables: from U+00C0 to U+00FF, all but `×` and `÷` are letters.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{C0}'..='\u{FF}' => !matches!(c, '×' | '÷'),
        _ => !c.is_ascii() && c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`, as [`is_letter`] (no digit lies from U+00C0 to U+00FF).
fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}

/// Whether the character at byte `i`, beyond ASCII, is a word character and a letter, and
/// its length.
fn class_of(text: &str, i: usize) -> (bool, bool, usize) {
    let c = text[i..].chars().next().expect("a character starts here");
    (
        is_letter_or_digit(c) || c == '’',
        is_letter(c),
        c.len_utf8(),
    )
}

/// What each ASCII byte is to [`words`]: 1 a word character, 3 a letter, 0 neither.
const ASCII_CLASS: [u8; 128] = {
    let mut class = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_alphabetic() {
            3
        } else if c.is_ascii_digit() || c == b'\'' || c == b'-' {
            1
        } else {
            0
        };
        b += 1;
    }
    class
};

fn is_vowel(c: char, lang: Lang) -> bool {
    let vowels = match lang {
        Lang::En => "aeiouy",
        Lang::Fr => "aeiouyàâäéèêëîïôöùûüÿœæ",
    };
    vowels.contains(c)
}

/// Vowel groups, less a silent final `e` (English `-e` but not `-le`; French `-e`, `-es`).
fn vowel_groups(word: &str, lang: Lang) -> usize {
    let mut lower: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    // French `qu` and `gu` (before e, i) sound as one consonant: their `u` is not a vowel.
    if lang == Lang::Fr {
        let mut i = 1;
        while i + 1 < lower.len() {
            if lower[i] == 'u'
                && (lower[i - 1] == 'q'
                    || (lower[i - 1] == 'g'
                        && matches!(lower[i + 1], 'e' | 'i' | 'é' | 'è' | 'ê' | 'y')))
            {
                lower.remove(i);
            } else {
                i += 1;
            }
        }
    }
    let mut groups = 0;
    let mut previous = false;
    for &c in &lower {
        let v = is_vowel(c, lang);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    let n = lower.len();
    let silent_e = match lang {
        Lang::En => {
            n > 2
                && lower[n - 1] == 'e'
                && (lower[n - 2] != 'l' || is_vowel(lower[n - 3], lang))
                && !is_vowel(lower[n - 2], lang)
        }
        Lang::Fr => {
            (n > 2 && lower[n - 1] == 'e' && !is_vowel(lower[n - 2], lang))
                || (n > 3
                    && lower[n - 2] == 'e'
                    && lower[n - 1] == 's'
                    && !is_vowel(lower[n - 3], lang))
        }
    };
    if silent_e && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// Syllables of one word: hyphenation points, with vowel groups as the floor.
pub fn syllables(word: &str, lang: Lang) -> usize {
    with_known(lang, |known| syllables_in(known, word, lang))
}

/// Words whose syllables were counted, in one language: words of up to seven bytes by
/// [`short_key`] (most words: no text to hash or compare), longer ones by their text. A
/// corpus of postings uses far fewer distinct words than the bound.
struct Known {
    short: Memo<u64, usize>,
    long: Memo<String, usize>,
}

impl Default for Known {
    fn default() -> Known {
        Known {
            short: Memo::new(100_000),
            long: Memo::new(100_000),
        }
    }
}

/// A word of up to seven bytes as one number: its bytes, and its length in the top byte.
fn short_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    (bytes.len() < 8).then(|| {
        let at = |i: usize| u64::from(bytes[i]) << (8 * i);
        (0..bytes.len()).fold((bytes.len() as u64) << 56, |key, i| key | at(i))
    })
}

/// Runs `f` with this thread's table of counted words for `lang`: postings repeat their
/// words.
fn with_known<R>(lang: Lang, f: impl FnOnce(&mut Known) -> R) -> R {
    thread_local! {
        static KNOWN: std::cell::RefCell<[Known; 2]> = std::cell::RefCell::default();
    }
    KNOWN.with_borrow_mut(|known| f(&mut known[lang as usize]))
}

fn syllables_in(known: &mut Known, word: &str, lang: Lang) -> usize {
    match short_key(word) {
        Some(key) => known.short.get(&key, |_| count_syllables(word, lang)),
        None => known.long.get(word, |word| count_syllables(word, lang)),
    }
}

fn count_syllables(word: &str, lang: Lang) -> usize {
    let by_vowels = vowel_groups(word, lang);
    // TeX patterns never split near a word's edges: trust vowel groups for short words, and
    // never count more syllables than vowel groups allow.
    if word.chars().count() <= 5 {
        return by_vowels;
    }
    let hypher_lang = match lang {
        Lang::En => hypher::Lang::English,
        Lang::Fr => hypher::Lang::French,
    };
    let by_patterns = hypher::hyphenate(&word.to_lowercase(), hypher_lang).count();
    by_patterns.max(by_vowels.min(by_patterns + 1))
}

pub fn count_sentence(sentence: &str, lang: Lang) -> Counts {
    let mut counts = Counts {
        sentences: 1,
        ..Counts::default()
    };
    with_known(lang, |known| {
        for w in (Words {
            text: sentence,
            at: 0,
        }) {
            counts.words += 1;
            counts.syllables += syllables_in(known, w.text, lang);
            counts.long_words += usize::from(w.letters > 6);
        }
    });
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_they_are_read() {
        for (text, count) in [
            ("", 0),
            ("Apply now.", 2),
            ("l’équipe du CDS-2 -- 42 'quoted'", 4),
            ("- ' ’ 123", 0),
            ("Été à Ottawa", 3),
        ] {
            assert_eq!(count_sentence(text, Lang::En).words, count, "{text}");
            assert_eq!(words(text).count(), count, "{text}");
        }
    }

    /// The words as the definition says: split at every character that is not a word
    /// character, trimmed, kept when they hold a letter.
    fn words_by_definition(text: &str) -> Vec<(&str, usize)> {
        text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
            .map(|w| w.trim_matches(|c: char| matches!(c, '\'' | '’' | '-')))
            .map(|w| (w, w.chars().filter(|c| c.is_alphabetic()).count()))
            .filter(|&(_, letters)| letters > 0)
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn words_are_read_as_defined(text in "[a-cA-CÉé0-9 ,.’'«\\u{a0}\\u{2019}\\u{3b1}\\u{660}-]{0,40}") {
            let read: Vec<(&str, usize)> =
                Words { text: &text, at: 0 }.map(|w| (w.text, w.letters)).collect();
            proptest::prop_assert_eq!(&read, &words_by_definition(&text));
        }
    }

    #[test]
    fn letters_are_unicode_letters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn short_words_have_keys_of_their_own() {
        let keys: Vec<u64> = ["", "a", "a\0", "ab", "ba", "été", "abcdefg"]
            .iter()
            .map(|w| short_key(w).expect("under eight bytes"))
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{i}");
        }
        assert_eq!(short_key("abcdefgh"), None);
        // A word counts the same whichever table holds it, and the second time.
        for word in ["use", "people", "government", "équipe", "numérique"] {
            for lang in [Lang::En, Lang::Fr] {
                let first = syllables(word, lang);
                assert_eq!(syllables(word, lang), first, "{word}");
                assert_eq!(count_syllables(word, lang), first, "{word}");
            }
        }
    }

    #[test]
    fn english_syllables() {
        for (word, n) in [
            ("use", 1),
            ("table", 2),
            ("government", 3),
            ("digital", 3),
            ("the", 1),
            ("services", 3),
            ("accessible", 4),
            ("people", 2),
        ] {
            assert_eq!(syllables(word, Lang::En), n, "{word}");
        }
    }

    #[test]
    fn french_syllables() {
        for (word, n) in [
            ("numérique", 3),
            ("gouvernement", 4),
            ("équipe", 2),
            ("les", 1),
            ("services", 2),
            ("accessible", 3),
        ] {
            assert_eq!(syllables(word, Lang::Fr), n, "{word}");
        }
    }

    #[test]
    fn formulas() {
        let c = count_sentence("The cat sat on the mat.", Lang::En);
        assert_eq!((c.words, c.syllables, c.sentences), (6, 6, 1));
        assert!(c.flesch_kincaid_grade() < 0.0);
        assert!(c.flesch_reading_ease() > 100.0);
        let hard = count_sentence(
            "Interdepartmental accountability frameworks necessitate comprehensive organizational transformation initiatives.",
            Lang::En,
        );
        assert!(hard.flesch_kincaid_grade() > 16.0);
        assert!(hard.lix() > 60.0);
        let fr = count_sentence(
            "Nous créons des services numériques pour tout le monde.",
            Lang::Fr,
        );
        assert!(fr.kandel_moles() > 50.0, "{}", fr.kandel_moles());
    }
}
