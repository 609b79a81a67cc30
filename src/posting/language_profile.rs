//! Second-language profiles: `CBC`, `BBB/BBB`, "bilingual imperative CCC". A bilingual
//! position's level in reading, writing and oral interaction, each `A`, `B` or `C`, or `E`
//! (exempt), `P` (specialized proficiency) or `X` (no proficiency required): codes, not
//! abbreviations with a long form.

use std::ops::Range;

use super::capitals::Run;

/// Words (folded to lower case) that name the languages.
const LANGUAGES: [&str; 5] = ["bilingu", "english", "anglais", "french", "français"];

/// Words (folded to lower case) that speak of a position's requirements.
const REQUIREMENTS: [&str; 9] = [
    "langu",
    "linguisti",
    "profil",
    "essential",
    "essentiel",
    "imperative",
    "impérati",
    "level",
    "niveau",
];

/// Three letters among `A`, `B`, `C`, `E`, `P` and `X`.
pub fn is_code(word: &str) -> bool {
    word.len() == 3
        && word
            .bytes()
            .all(|b| matches!(b, b'A' | b'B' | b'C' | b'E' | b'P' | b'X'))
}

/// Whether a block, `folded` to lower case, names the languages (`bilingual`, `French`): a
/// code there is read with what it is about.
pub fn speaks_of_languages(folded: &str) -> bool {
    LANGUAGES.iter().any(|cue| folded.contains(cue))
}

/// The profile codes of a block's `text` (`folded`, its text folded to lower case; `caps`, its
/// words in capitals): words of their own that are codes, in a block that names the languages
/// or speaks of requirements ("CBC essential", "niveau CBC").
pub fn codes(text: &str, folded: &str, caps: &[Run]) -> Vec<Range<usize>> {
    let found: Vec<Range<usize>> = caps
        .iter()
        .flatten()
        .filter(|&&(start, end)| is_code(&text[start..end]))
        .map(|&(start, end)| start..end)
        .collect();
    if found.is_empty()
        || speaks_of_languages(folded)
        || REQUIREMENTS.iter().any(|cue| folded.contains(cue))
    {
        found
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::capitals::caps_runs;
    use crate::posting::fold::fold_case;

    fn codes_of(text: &str) -> Vec<&str> {
        codes(text, &fold_case(text), &caps_runs(text))
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn profiles_are_read_where_languages_are_spoken_of() {
        assert_eq!(
            codes_of("Bilingual imperative BBB/BBB, or CBC/CBC."),
            ["BBB", "BBB", "CBC", "CBC"]
        );
        assert_eq!(codes_of("This position is CBC essential."), ["CBC"]);
        assert_eq!(codes_of("It requires a CBC language profile."), ["CBC"]);
        assert_eq!(codes_of("Bilingue impératif CCC/CCC."), ["CCC", "CCC"]);
        // Not a profile: no talk of languages, a longer word, a classification.
        assert!(codes_of("We work with the CBC and the BBC.").is_empty());
        assert!(codes_of("Bilingual: ABCE or CBCX.").is_empty());
        assert!(codes_of("Bilingual, EX-01 or PEX-02.").is_empty());
        assert!(speaks_of_languages("fluent in french and english"));
        assert!(!speaks_of_languages("this position is cbc essential."));
        assert!(!speaks_of_languages("a cbc language profile"));
        assert!(is_code("CBC") && is_code("XXX") && !is_code("CBD") && !is_code("CB"));
    }
}
