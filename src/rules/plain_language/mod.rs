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
}

/// Every sentence of the posting's text blocks, in order.
pub fn sentences(posting: &Posting) -> Vec<Sentence<'_>> {
    let md = &posting.markdown;
    let ranges = posting.sentence_ranges();
    let mut out = Vec::with_capacity(ranges.len());
    // The language of the block of the sentences at hand, and whether it is a heading: read
    // once a block.
    let mut of_block: Option<(usize, Option<Lang>, bool)> = None;
    for (i, range) in ranges {
        let block = &md.blocks[*i];
        let (lang, heading) = match of_block {
            Some((b, lang, heading)) if b == *i => (lang, heading),
            _ => {
                let lang = posting.lang_at(block.span.start as usize);
                let heading = md.headings.iter().any(|h| h.span.start == block.span.start);
                of_block = Some((*i, lang, heading));
                (lang, heading)
            }
        };
        let Some(lang) = lang else {
            continue;
        };
        out.push(Sentence {
            text: &block.text[range.clone()],
            span: block.source_span(range.clone()),
            lang,
            block: *i,
            start: range.start,
            heading,
        });
    }
    out
}
