//! The plain-language family: text every reader can follow, in English and French. Lists are
//! TOML packs in `rules/plain-language/`.

mod plain_language_acronym;
pub(crate) mod plain_language_all_caps;
mod plain_language_jargon;
mod plain_language_long_paragraph;
mod plain_language_long_sentence;
mod plain_language_passive_voice;
mod plain_language_reading_level;

use crate::posting::{Lang, Posting, Span};
use crate::rules::Rule;

pub static RULES: &[&Rule] = &[
    &plain_language_acronym::PLAIN_LANGUAGE_ACRONYM,
    &plain_language_all_caps::PLAIN_LANGUAGE_ALL_CAPS,
    &plain_language_jargon::PLAIN_LANGUAGE_JARGON,
    &plain_language_long_paragraph::PLAIN_LANGUAGE_LONG_PARAGRAPH,
    &plain_language_long_sentence::PLAIN_LANGUAGE_LONG_SENTENCE,
    &plain_language_passive_voice::PLAIN_LANGUAGE_PASSIVE_VOICE,
    &plain_language_reading_level::PLAIN_LANGUAGE_READING_LEVEL,
];

/// A sentence of running text, with its language and where it is.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub span: Span,
    pub lang: Lang,
    /// Index into the posting's text blocks.
    pub block: usize,
    /// Where the sentence starts in its block's text.
    pub start: usize,
    /// The block is a heading.
    pub heading: bool,
    /// Index into the posting's sentences ([`Posting::sentence_counts`]).
    pub index: usize,
}

/// Every sentence of the posting's text blocks in a language, in order.
pub fn sentences(posting: &Posting) -> Vec<Sentence<'_>> {
    let blocks = &posting.markdown.blocks;
    posting
        .sentence_ranges()
        .iter()
        .zip(posting.sentence_places())
        .enumerate()
        .filter_map(|(index, ((i, range), place))| {
            Some(Sentence {
                text: &blocks[*i].text[range.clone()],
                span: place.span,
                lang: place.lang?,
                block: *i,
                start: range.start,
                heading: place.heading,
                index,
            })
        })
        .collect()
}
