//! The translation family: every English posting has its French counterpart (and the reverse),
//! and the two say the same thing. Pairing is done once, in `posting/corpus.rs`.

mod translation_duplicate_key;
mod translation_facts_differ;
mod translation_front_matter_differs;
mod translation_missing;
mod translation_structure_differs;
mod translation_untranslated;
mod translation_wrong_language;

use crate::posting::corpus::{Corpus, Pair};
use crate::rules::Rule;

pub static RULES: &[&Rule] = &[
    &translation_duplicate_key::TRANSLATION_DUPLICATE_KEY,
    &translation_facts_differ::TRANSLATION_FACTS_DIFFER,
    &translation_front_matter_differs::TRANSLATION_FRONT_MATTER_DIFFERS,
    &translation_missing::TRANSLATION_MISSING,
    &translation_structure_differs::TRANSLATION_STRUCTURE_DIFFERS,
    &translation_untranslated::TRANSLATION_UNTRANSLATED,
    &translation_wrong_language::TRANSLATION_WRONG_LANGUAGE,
];

/// The pairs whose texts are compared: copies of a pair across site sections are compared
/// once, through their first pair.
fn compared(corpus: &Corpus) -> impl Iterator<Item = &Pair> {
    let copies: std::collections::BTreeSet<usize> = corpus
        .pairs
        .iter()
        .flat_map(|p| p.copies.iter().copied())
        .collect();
    corpus
        .pairs
        .iter()
        .enumerate()
        .filter(move |(i, _)| !copies.contains(i))
        .map(|(_, p)| p)
}

/// "The same pair is also at …", for the help of a finding on a pair with copies.
fn copies_note(corpus: &Corpus, pair: &Pair) -> String {
    if pair.copies.is_empty() {
        return String::new();
    }
    let paths: Vec<String> = pair
        .copies
        .iter()
        .take(3)
        .map(|&k| format!("`{}`", corpus.file(corpus.pairs[k].fr).path))
        .collect();
    let more = pair.copies.len().saturating_sub(3);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!(" The same pair is copied at {}{more}.", paths.join(", "))
}
