//! One engine for the rules that differ only by their list (jargon, gendered terms,
//! exclusionary requirements, culture terms): TOML packs of terms, matched case-insensitively
//! on word boundaries in the posting's text blocks, in the text's language. The terms of a
//! language are one Aho-Corasick automaton over the text as the lists read it (folded to lower
//! case, each run of white space one space, `’` an apostrophe).
//!
//! A pack is `[[term]]` tables with `term`, `suggestion`, `why`, `source` (and `lang` when the
//! file name does not say it). A `term` ending with `*` matches any word that starts with it.
//! Teams add packs in `postlint.toml`: `[rules.<id>] packs = ["house-terms.toml"]`.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::posting::fold::normalise;
use crate::posting::pattern::automaton_kind;
use crate::posting::{Lang, Posting, Span};

#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    #[serde(default)]
    pub suggestion: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub source: String,
    /// `en` or `fr`; a built-in pack's file name says it.
    #[serde(default)]
    pub lang: Option<String>,
    /// Phrases that start with the term but are fine (`jeune entreprise` for `jeune`).
    #[serde(default)]
    pub except: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    #[serde(default)]
    pub term: Vec<Term>,
}

/// The options every word-list rule takes: terms added in `postlint.toml` (directly, or read
/// from the files named in `packs`), and terms to leave alone.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListOptions {
    #[serde(default)]
    pub terms: Vec<Term>,
    #[serde(default)]
    pub packs: Vec<String>,
    #[serde(default)]
    pub allow: Vec<String>,
}

/// A compiled list.
#[derive(Debug)]
pub struct WordList {
    terms: Vec<(Lang, Term)>,
    /// Each term in lower case, as [`WordList::term_for`] compares them.
    lower: Vec<String>,
    /// One automaton per language, of the terms as the lists read them.
    automata: Vec<(Lang, AhoCorasick)>,
}

/// A term found in the text.
#[derive(Clone, Debug)]
pub struct Hit<'a> {
    pub term: &'a Term,
    pub lang: Lang,
    pub span: Span,
    /// The text as written.
    pub text: String,
}

impl Hit<'_> {
    /// "Try: <suggestion>. <why>", in the language of the text.
    pub fn help(&self) -> String {
        let try_ = self.lang.pick("Try:", "Écrivez plutôt :");
        format!("{try_} {}. {}", self.term.suggestion, self.term.why)
    }
}

impl WordList {
    /// Builds a list from built-in packs `(lang, toml)` and extra terms.
    pub fn new(packs: &[(Lang, &str)], extra: &[Term]) -> WordList {
        let mut terms = Vec::new();
        for (lang, text) in packs {
            let pack: Pack =
                toml::from_str(text).expect("built-in packs are valid (tests/data.rs)");
            terms.extend(pack.term.into_iter().map(|t| (*lang, t)));
        }
        for t in extra {
            let langs: Vec<Lang> = match t.lang.as_deref().and_then(Lang::from_code) {
                Some(l) => vec![l],
                None => vec![Lang::En, Lang::Fr],
            };
            terms.extend(langs.into_iter().map(|l| (l, t.clone())));
        }
        let automata = [Lang::En, Lang::Fr]
            .into_iter()
            .filter_map(|lang| {
                let patterns: Vec<String> = terms
                    .iter()
                    .filter(|(l, _)| *l == lang)
                    .map(|(_, t)| normalise(t.term.trim_end_matches('*')).text)
                    .filter(|p| !p.is_empty())
                    .collect();
                if patterns.is_empty() {
                    return None;
                }
                let automaton = AhoCorasick::builder()
                    .kind(Some(automaton_kind()))
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .ok()?;
                Some((lang, automaton))
            })
            .collect();
        let lower = terms.iter().map(|(_, t)| t.term.to_lowercase()).collect();
        WordList {
            terms,
            lower,
            automata,
        }
    }

    fn term_for(&self, lang: Lang, found: &str) -> Option<&Term> {
        let lower = found.to_lowercase().replace('’', "'");
        self.terms
            .iter()
            .zip(&self.lower)
            .filter(|((l, _), _)| *l == lang)
            .find(|(_, term)| match term.strip_suffix('*') {
                Some(prefix) => lower.starts_with(prefix),
                None => lower == **term,
            })
            .map(|((_, t), _)| t)
    }

    /// Every term of the list in the posting's running text, in its language.
    pub fn find<'a>(&'a self, posting: &Posting, allow: &[String]) -> Vec<Hit<'a>> {
        let mut hits = Vec::new();
        for (block, read) in posting.markdown.blocks.iter().zip(posting.list_texts()) {
            let Some(lang) = posting.lang_at(block.span.start as usize) else {
                continue;
            };
            let Some((_, automaton)) = self.automata.iter().find(|(l, _)| *l == lang) else {
                continue;
            };
            let text = block.text.as_str();
            for m in automaton.find_iter(&read.text) {
                let (start, mut end) = (read.source_offset(m.start()), read.source_offset(m.end()));
                // Word boundaries, checked here so that accented letters count as letters.
                if text[..start].chars().next_back().is_some_and(is_word) {
                    continue;
                }
                let prefix = self
                    .term_for(lang, &text[start..end])
                    .is_some_and(|t| t.term.ends_with('*'));
                if prefix {
                    end += text[end..]
                        .find(|c: char| !is_word(c))
                        .unwrap_or(text.len() - end);
                } else if text[end..].chars().next().is_some_and(is_word) {
                    continue;
                }
                let written = &text[start..end];
                if allow.iter().any(|a| a.eq_ignore_ascii_case(written)) {
                    continue;
                }
                let Some(term) = self.term_for(lang, written) else {
                    continue;
                };
                // `Ashley Young`: a one-word term with a capital inside a sentence is a name.
                let head = text[..start].trim_end();
                let sentence_start =
                    head.is_empty() || head.ends_with(['.', '!', '?', ':', '«', '"', '(']);
                if !term.term.contains(' ')
                    && written.chars().next().is_some_and(char::is_uppercase)
                    && !sentence_start
                {
                    continue;
                }
                if term
                    .except
                    .iter()
                    .any(|e| excepted(e, &term.term, text, start))
                {
                    continue;
                }
                hits.push(Hit {
                    term,
                    lang,
                    span: block.source_span(start..end),
                    text: written.to_string(),
                });
            }
        }
        hits
    }
}

/// The text around a match of `term` at `start` reads as the exception `except`, which holds
/// the term where it is in the text: after it (`le candidat idéal ou la candidate`) or before
/// it too (`la candidate ou le candidat idéal`). Compared in lower case, `’` as `'`.
fn excepted(except: &str, term: &str, text: &str, start: usize) -> bool {
    let lower = except.to_lowercase();
    // How many characters of the exception come before the term.
    let before = lower
        .find(&term.to_lowercase())
        .map_or(0, |at| lower[..at].chars().count());
    let begin = match before {
        0 => start,
        n => match text[..start].char_indices().rev().nth(n - 1) {
            Some((i, _)) => i,
            None => return false,
        },
    };
    // As many characters of the text as the exception has, in lower case.
    text[begin..]
        .chars()
        .take(lower.chars().count())
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'")
        .starts_with(&lower)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A rule's list: its built-in packs plus the terms of its options, built once per options.
pub fn list_for(
    cache: &std::sync::OnceLock<Arc<WordList>>,
    packs: &[(Lang, &str)],
    options: &ListOptions,
) -> Arc<WordList> {
    if options.terms.is_empty() {
        return cache
            .get_or_init(|| Arc::new(WordList::new(packs, &[])))
            .clone();
    }
    Arc::new(WordList::new(packs, &options.terms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_text_maps_back_to_every_original_offset() {
        let text = "He  or\u{a0}\nShe’s FINE";
        let normalised = normalise(text);
        let read = normalised.text.as_str();
        assert_eq!(read, "he or she's fine");
        let she = read.find("she's").unwrap();
        let at = |i: usize| normalised.source_offset(i);
        assert_eq!(&text[at(she)..at(she + "she's".len())], "She’s");
        assert_eq!(&text[at(0)..at(read.find(" she").unwrap())], "He  or");
        assert_eq!(at(read.len()), text.len());
    }

    #[test]
    fn terms_match_across_any_white_space_and_either_apostrophe() {
        let pack = "[[term]]\nterm = \"he or she\"\n[[term]]\nterm = \"main-d'œuvre masculine\"\n[[term]]\nterm = \"ninja*\"\n";
        let list = WordList::new(&[(Lang::En, pack)], &[]);
        let automaton = &list.automata[0].1;
        for (text, expected) in [
            ("Ask HE  OR\nshe.", Some("HE  OR\nshe")),
            ("la main-d’œuvre Masculine", Some("main-d’œuvre Masculine")),
            ("code ninjas", Some("ninja")),
            ("he or he", None),
        ] {
            let read = normalise(text);
            let found = automaton
                .find(&read.text)
                .map(|m| &text[read.source_offset(m.start())..read.source_offset(m.end())]);
            assert_eq!(found, expected, "{text}");
        }
    }
}
