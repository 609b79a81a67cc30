//! [`Posting`], the model every rule reads: start here.
//!
//! A file is read and parsed once, into one `Posting`. Rules only read it.

pub mod capitals;
pub mod corpus;
pub mod date;
pub mod facts;
pub mod fold;
pub mod front_matter;
pub mod lang;
pub mod language_profile;
pub mod markdown;
pub mod metadata;
pub mod pattern;
pub mod profile;
pub mod readability;
pub mod redirect;
pub mod salary;
pub mod sentences;
pub mod source;

use std::sync::{Arc, OnceLock};

pub use facts::{Facts, Found, Origin};
pub use front_matter::{Entry, FrontMatter, FrontMatterKind, Value};
pub use lang::{Lang, LangSource};
pub use markdown::{Heading, Image, Link, LinkKind, List, Markdown, Section};
pub use profile::{Profile, SchemaError, SchemaErrorKind};
pub use source::{FileId, LineIndex, Position, SourceFile, Span, Spanned};

const BOM: &str = "\u{feff}";

/// A part of the body in one language. A bilingual file (English, `---`, French) has two.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub lang: Lang,
    pub span: Span,
}

/// One job posting, parsed once. Rules read it; nothing changes it afterwards.
#[derive(Debug)]
pub struct Posting {
    pub source: SourceFile,
    /// The file starts with a UTF-8 byte-order mark (kept in `source.text`).
    pub bom: bool,
    pub front_matter: FrontMatter,
    /// Where the Markdown body starts (after the front matter or metadata block).
    pub body_start: usize,
    pub markdown: Markdown,
    /// The file's language, and how it was decided.
    pub lang: Option<(Lang, LangSource)>,
    /// Language parts of the body; one for most files, two for a bilingual single file.
    pub segments: Vec<Segment>,
    /// `title:` (or `Job title:`), else the first H1.
    pub title: Option<Spanned<String>>,
    /// What the posting must contain, if a profile applies to it.
    pub profile: Option<Arc<Profile>>,
    /// Closing and publication dates, status and pay, read once.
    pub facts: Facts,
    /// URL spans of relative links whose file does not exist (set by the engine, which reads
    /// the file system; rules only read it).
    pub missing_files: Vec<Span>,
    schema_errors: OnceLock<Vec<SchemaError>>,
    /// Each sentence of the text blocks: its block and its range in the block's text.
    sentences: OnceLock<Vec<(usize, std::ops::Range<usize>)>>,
    /// Where each sentence is, made on first use.
    sentence_places: OnceLock<Vec<SentencePlace>>,
    /// What each sentence counts for readability, made on first use.
    sentence_counts: OnceLock<Vec<readability::Counts>>,
    /// Each text block folded to lower case (see [`fold::fold_case`]); `None` where folding
    /// changes nothing.
    folded: Vec<Option<Box<str>>>,
    /// Each text block as the word lists read it (see [`fold::normalise`]), made on first use.
    list_texts: OnceLock<Vec<fold::Normalised>>,
    /// Each text block's runs of words in capitals, found once for the rules about capitals.
    caps_runs: OnceLock<Vec<Vec<capitals::Run>>>,
}

/// Where a sentence is: its span in the file, its block's language, and whether its block is
/// a heading.
#[derive(Clone, Copy, Debug)]
pub struct SentencePlace {
    pub span: Span,
    pub lang: Option<Lang>,
    pub heading: bool,
}

/// How to choose a posting's profile.
#[derive(Clone, Debug, Default)]
pub enum ProfileChoice {
    /// From the file: a metadata block is `ods`, a job-posting front matter is `cds`.
    #[default]
    Auto,
    None,
    Fixed(Arc<Profile>),
}

impl Posting {
    /// Parses `text` (already checked to be UTF-8).
    pub fn parse(id: FileId, path: String, text: String, profile: &ProfileChoice) -> Posting {
        let source = SourceFile::new(id, path, text);
        let text = source.text.as_str();
        let bom = text.starts_with(BOM);
        let start = if bom { BOM.len() } else { 0 };
        let (front_matter, body_start) = match front_matter::parse(id, text, start) {
            (fm, body) if fm.is_present() => (fm, body),
            _ => metadata::parse(id, text, start).unwrap_or((FrontMatter::default(), start)),
        };
        let markdown = markdown::parse(id, text, body_start);
        let lang = lang_of(&source.path, &front_matter, || {
            prose_sample(&source, &markdown.prose, 0..text.len())
        });
        let segments = segments(&source, &markdown, body_start, lang.map(|(l, _)| l));
        let title = title(&front_matter, &markdown);
        // Sentences are split once: the closing-date grammar reads them, and so do rules.
        let sentences: Vec<(usize, std::ops::Range<usize>)> = markdown
            .blocks
            .iter()
            .enumerate()
            .flat_map(|(i, block)| {
                sentences::split(&block.text)
                    .into_iter()
                    .map(move |r| (i, r))
            })
            .collect();
        // Blocks are folded once, for the dates, the pay and every rule that reads them so.
        let folded: Vec<Option<Box<str>>> = markdown
            .blocks
            .iter()
            .map(|b| match fold::fold_case(&b.text) {
                std::borrow::Cow::Owned(f) => Some(f.into_boxed_str()),
                std::borrow::Cow::Borrowed(_) => None,
            })
            .collect();
        let folded_texts: Vec<&str> = folded
            .iter()
            .zip(&markdown.blocks)
            .map(|(f, b)| f.as_deref().unwrap_or(&b.text))
            .collect();
        let facts = facts::read(&source, &front_matter, &markdown, &folded_texts, &sentences);
        drop(folded_texts);
        let profile = match profile {
            ProfileChoice::None => None,
            ProfileChoice::Fixed(p) => Some(p.clone()),
            ProfileChoice::Auto => profile::detect(&front_matter),
        };
        Posting {
            source,
            bom,
            front_matter,
            body_start,
            markdown,
            lang,
            segments,
            title,
            profile,
            facts,
            missing_files: Vec::new(),
            schema_errors: OnceLock::new(),
            sentences: OnceLock::from(sentences),
            sentence_places: OnceLock::new(),
            sentence_counts: OnceLock::new(),
            folded,
            list_texts: OnceLock::new(),
            caps_runs: OnceLock::new(),
        }
    }

    pub fn path(&self) -> &str {
        &self.source.path
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        self.source.span(range)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.source.slice(span)
    }

    /// The body holds an English part and a French part.
    pub fn is_bilingual(&self) -> bool {
        self.segments.len() > 1
    }

    /// What the profile's JSON Schema says about the front matter, computed once.
    pub fn schema_errors(&self) -> &[SchemaError] {
        self.schema_errors.get_or_init(|| match &self.profile {
            Some(profile) if self.front_matter.error.is_none() => profile.validate(self),
            _ => Vec::new(),
        })
    }

    /// Each sentence of the text blocks, split once for every rule that reads sentences: the
    /// index of its block in `markdown.blocks`, and its range in that block's text.
    pub fn sentence_ranges(&self) -> &[(usize, std::ops::Range<usize>)] {
        self.sentences.get().map_or(&[], Vec::as_slice)
    }

    /// Where each sentence of [`Posting::sentence_ranges`] is, worked out once for every rule
    /// that reads sentences.
    pub fn sentence_places(&self) -> &[SentencePlace] {
        self.sentence_places.get_or_init(|| {
            let md = &self.markdown;
            // The language and heading of the block of the sentences at hand: read once a block.
            let mut of_block: Option<(usize, Option<Lang>, bool)> = None;
            self.sentence_ranges()
                .iter()
                .map(|(i, range)| {
                    let block = &md.blocks[*i];
                    let (lang, heading) = match of_block {
                        Some((b, lang, heading)) if b == *i => (lang, heading),
                        _ => {
                            let lang = self.lang_at(block.span.start as usize);
                            let heading =
                                md.headings.iter().any(|h| h.span.start == block.span.start);
                            of_block = Some((*i, lang, heading));
                            (lang, heading)
                        }
                    };
                    SentencePlace {
                        span: block.source_span(range.clone()),
                        lang,
                        heading,
                    }
                })
                .collect()
        })
    }

    /// The words, syllables and long words of each sentence of [`Posting::sentence_ranges`]
    /// ([`readability::count_sentence`]) in running text of a known language; a heading's
    /// sentences and those in no known language count nothing. Counted once for the rules
    /// about sentence length and reading level.
    pub fn sentence_counts(&self) -> &[readability::Counts] {
        self.sentence_counts.get_or_init(|| {
            let blocks = &self.markdown.blocks;
            self.sentence_ranges()
                .iter()
                .zip(self.sentence_places())
                .map(|((i, range), place)| match place.lang {
                    Some(lang) if !place.heading => {
                        readability::count_sentence(&blocks[*i].text[range.clone()], lang)
                    }
                    _ => readability::Counts::default(),
                })
                .collect()
        })
    }

    /// The text of block `i` folded to lower case, at the same offsets (see
    /// [`fold::fold_case`]).
    pub fn folded(&self, i: usize) -> &str {
        match &self.folded[i] {
            Some(folded) => folded,
            None => &self.markdown.blocks[i].text,
        }
    }

    /// Each text block as the word lists read it, normalised once for all of them.
    pub fn list_texts(&self) -> &[fold::Normalised] {
        self.list_texts.get_or_init(|| {
            (0..self.markdown.blocks.len())
                .map(|i| fold::normalise_folded(self.folded(i)))
                .collect()
        })
    }

    /// The runs of words in capitals of text block `i` ([`capitals::caps_runs`]), as byte
    /// ranges of its text; worked out for every block at the first call.
    pub fn caps_runs(&self, i: usize) -> &[capitals::Run] {
        &self.caps_runs.get_or_init(|| {
            self.markdown
                .blocks
                .iter()
                .map(|b| capitals::caps_runs(&b.text))
                .collect()
        })[i]
    }

    /// `en` or `fr`, in the language at `offset` (English where it is unknown): help speaks
    /// the language of the text it is about.
    pub fn in_lang_at<T>(&self, offset: usize, en: T, fr: T) -> T {
        Lang::pick_for(self.lang_at(offset), en, fr)
    }

    /// The language at `offset`: its segment's, else the file's.
    pub fn lang_at(&self, offset: usize) -> Option<Lang> {
        self.segments
            .iter()
            .find(|s| s.span.range().contains(&offset))
            .map(|s| s.lang)
            .or(self.lang.map(|(l, _)| l))
    }

    /// Still accepting applications: not archived or hidden, and no "we received N
    /// applications" status.
    pub fn is_open(&self) -> bool {
        let fm = &self.front_matter;
        fm.bool("archived") != Some(true)
            && fm.bool("linkHidden") != Some(true)
            && self.facts.closed_status.is_none()
    }

    /// Every link and every bare URL of the body, in file order.
    pub fn urls(&self) -> Vec<&Link> {
        let mut all: Vec<&Link> = self
            .markdown
            .links
            .iter()
            .chain(&self.markdown.bare_urls)
            .collect();
        all.sort_by_key(|l| l.span);
        all
    }

    /// The start of the prose inside `range`, joined with spaces: as much as language
    /// detection reads.
    pub fn prose_sample(&self, range: std::ops::Range<usize>) -> String {
        prose_sample(&self.source, &self.markdown.prose, range)
    }
}

/// The start of the prose inside `range`, as much as language detection reads.
fn prose_sample(source: &SourceFile, prose: &[Span], range: std::ops::Range<usize>) -> String {
    let mut out = String::new();
    for span in prose
        .iter()
        .filter(|s| s.start as usize >= range.start && s.end as usize <= range.end)
    {
        if out.len() >= lang::SAMPLE_BYTES {
            break;
        }
        out.push_str(source.slice(*span));
        out.push(' ');
    }
    out
}

fn lang_of(
    path: &str,
    fm: &FrontMatter,
    prose: impl FnOnce() -> String,
) -> Option<(Lang, LangSource)> {
    if let Some(code) = fm.str("lang").and_then(Lang::from_code) {
        return Some((code, LangSource::FrontMatter));
    }
    if let Some(lang) = lang::from_path(path) {
        return Some((lang, LangSource::Path));
    }
    lang::detect(&prose()).map(|l| (l, LangSource::Detected))
}

/// Splits a bilingual single file at the thematic break where English turns into French.
fn segments(
    source: &SourceFile,
    md: &Markdown,
    body_start: usize,
    lang: Option<Lang>,
) -> Vec<Segment> {
    let end = source.text.len();
    // "La version française suit." is a link to the French part, not English text.
    let prose: Vec<Span> = md
        .prose
        .iter()
        .filter(|p| {
            !md.links
                .iter()
                .any(|l| l.url.starts_with('#') && l.span.start <= p.start && p.end <= l.span.end)
        })
        .copied()
        .collect();
    // Detection reads the start of a text: the same start, the same answer.
    let mut last_before: Option<(String, Option<Lang>)> = None;
    for brk in &md.breaks {
        let before = prose_sample(source, &prose, body_start..brk.start as usize);
        let a = match &last_before {
            Some((sample, lang)) if *sample == before => *lang,
            _ => {
                let lang = lang::detect(&before);
                last_before = Some((before, lang));
                lang
            }
        };
        let Some(a) = a else { continue };
        let after = prose_sample(source, &prose, brk.end as usize..end);
        if let Some(b) = lang::detect(&after)
            && a != b
        {
            return vec![
                Segment {
                    lang: a,
                    span: source.span(body_start..brk.start as usize),
                },
                Segment {
                    lang: b,
                    span: source.span(brk.end as usize..end),
                },
            ];
        }
    }
    lang.map(|lang| Segment {
        lang,
        span: source.span(body_start..end),
    })
    .into_iter()
    .collect()
}

fn title(fm: &FrontMatter, md: &Markdown) -> Option<Spanned<String>> {
    let key = match fm.kind {
        FrontMatterKind::Metadata => "job title",
        _ => "title",
    };
    if let Some(entry) = fm.get(key)
        && let Some(s) = entry.value.value.as_str()
    {
        return Some(Spanned::new(s.trim().to_string(), entry.value.span));
    }
    md.headings
        .iter()
        .find(|h| h.level == 1)
        .map(|h| Spanned::new(h.text.clone(), h.span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilingual_file_is_split_at_the_break() {
        let text = "---\nowner: x\n---\n\n[La version française suit.](#nous)\n\n# We're hiring a designer\n\nWe are transforming government and our products will impact people's everyday lives. We need you.\n\n---\n\n# Nous embauchons\n\nNous transformons le gouvernement et nos produits auront une incidence sur la vie quotidienne des gens.\n";
        let posting = Posting::parse(
            FileId(0),
            "docs/designer.md".into(),
            text.into(),
            &ProfileChoice::Auto,
        );
        assert!(posting.is_bilingual());
        assert_eq!(posting.segments[0].lang, Lang::En);
        assert_eq!(posting.segments[1].lang, Lang::Fr);
        assert_eq!(
            posting.title.as_ref().unwrap().value,
            "We're hiring a designer"
        );
    }

    #[test]
    fn a_closed_status_is_read_from_the_text_or_the_front_matter_not_from_comments() {
        let parse = |text: &str| {
            Posting::parse(
                FileId(0),
                "en/x.md".into(),
                text.into(),
                &ProfileChoice::None,
            )
        };
        for (text, status) in [
            (
                "# Job\n\nWe received 114 applications for this job.\n",
                Some("We received 114 applications"),
            ),
            (
                "# Poste\n\nNous avons reçu 86 candidatures.\n",
                Some("Nous avons reçu 86 candidatures"),
            ),
            (
                "---\nstatus: This posting is closed\n---\n# Job\n",
                Some("This posting is closed"),
            ),
            (
                "# Job\n\n<!-- This posting is closed -->\n\nApply now.\n",
                None,
            ),
            ("# Job\n\nApply by March 3.\n", None),
        ] {
            let p = parse(text);
            assert_eq!(p.facts.closed_status.map(|s| p.slice(s)), status, "{text}");
        }
    }

    #[test]
    fn language_from_front_matter_then_path() {
        let p = Posting::parse(
            FileId(0),
            "en/x.md".into(),
            "---\nlang: fr-CA\n---\nTexte".into(),
            &ProfileChoice::None,
        );
        assert_eq!(p.lang, Some((Lang::Fr, LangSource::FrontMatter)));
        let p = Posting::parse(
            FileId(0),
            "en/x.md".into(),
            "Text".into(),
            &ProfileChoice::None,
        );
        assert_eq!(p.lang, Some((Lang::En, LangSource::Path)));
    }
}
