//! The only file that knows the Markdown parser (pulldown-cmark): it turns the body into
//! headings, sections, lists, links, images, paragraphs and prose, each with its byte span.

use std::ops::Range;
use std::sync::LazyLock;

use super::pattern::Pattern;
use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::source::{FileId, Span};

#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's text, without markup.
    pub text: String,
    /// The whole heading, markup included.
    pub span: Span,
    /// An explicit `{#id}`, if given.
    pub id: Option<String>,
}

/// The part of the body from one heading to the next, whatever its level.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Index into [`Markdown::headings`]; `None` for the text before the first heading.
    pub heading: Option<usize>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct List {
    pub span: Span,
    pub ordered: bool,
    /// Nesting depth: 0 for a top-level list.
    pub depth: u32,
    pub items: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](url)`
    Inline,
    /// `[text][ref]`, `[text][]`, `[ref]`
    Reference,
    /// `<https://…>` or `<name@example.ca>`
    Autolink,
    /// A URL written in running text, not as a link.
    Bare,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub kind: LinkKind,
    pub url: String,
    /// The link text, without markup.
    pub text: String,
    /// The whole link.
    pub span: Span,
    /// Where the URL is written (for reference links, in the definition when found).
    pub url_span: Span,
}

impl Link {
    /// The host of an absolute `http(s)` URL, lowercased.
    pub fn host(&self) -> Option<String> {
        let url = url_host_part(&self.url)?;
        Some(url.to_ascii_lowercase())
    }
}

/// `jobs@example.ca` as a link's target: a valid e-mail address with no scheme and no path,
/// which a site reads as a path (it needs `mailto:`).
pub fn is_bare_address(url: &str) -> bool {
    !url.contains([':', '/']) && email_address::EmailAddress::is_valid(url)
}

/// The host of an absolute `http(s)` URL as written, read from the text after its scheme.
pub fn url_host_part(url: &str) -> Option<&str> {
    let after = |scheme: &str| {
        url.get(..scheme.len())
            .filter(|s| s.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    };
    let rest = after("https://").or_else(|| after("http://"))?;
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#' | b':'))
        .unwrap_or(rest.len());
    let host = &rest[..end];
    let host = match host.bytes().rposition(|b| b == b'@') {
        Some(at) => &host[at + 1..],
        None => host,
    };
    (!host.is_empty()).then_some(host)
}

/// `host` (without a final `.`) and each domain it is under: `jobs.bit.ly`, `bit.ly`, `ly`.
pub fn domains(host: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(host.trim_end_matches('.')), |h| {
        h.bytes().position(|b| b == b'.').map(|dot| &h[dot + 1..])
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub url: String,
    pub alt: String,
    pub span: Span,
}

/// The plain text of one leaf block (paragraph, heading, list item, table cell), with the
/// map back to the source: what sentence- and phrase-level extractors read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextBlock {
    pub text: String,
    /// `(offset in text, source range)` of each piece, in order.
    pieces: Vec<(usize, Range<usize>)>,
    /// The whole block in the source.
    pub span: Span,
    /// Index of the section the block is in.
    pub section: usize,
    /// The block is a table cell.
    pub in_table: bool,
}

impl TextBlock {
    /// An empty block over `source`, with room for its text (never longer than the source,
    /// but for entities) and a few pieces.
    fn new(source: Range<usize>, span: Span, section: usize) -> TextBlock {
        TextBlock {
            text: String::with_capacity(source.len()),
            pieces: Vec::with_capacity(4),
            span,
            section,
            in_table: false,
        }
    }

    fn push(&mut self, text: &str, source: Range<usize>) {
        self.pieces.push((self.text.len(), source));
        self.text.push_str(text);
    }

    /// The source span of `range` (offsets into [`TextBlock::text`]). Exact where the source
    /// holds the text as written; an escaped or entity-encoded piece maps to its whole range.
    pub fn source_span(&self, range: Range<usize>) -> Span {
        let map = |offset: usize, end: bool| -> usize {
            let i = self.pieces.partition_point(|(start, _)| {
                if end {
                    *start < offset
                } else {
                    *start <= offset
                }
            });
            let Some((start, source)) = self.pieces.get(i.saturating_sub(1)) else {
                return self.span.start as usize;
            };
            let piece_len = self
                .pieces
                .get(i)
                .map_or(self.text.len(), |(next, _)| *next)
                - start;
            if source.len() == piece_len {
                (source.start + offset - start).min(source.end)
            } else if end {
                source.end
            } else {
                source.start
            }
        };
        let start = map(range.start, false);
        let end = map(range.end, true).max(start);
        Span::new(self.span.file, start..end)
    }
}

/// Everything the rules read from the Markdown body.
#[derive(Clone, Debug, Default)]
pub struct Markdown {
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    pub lists: Vec<List>,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
    pub paragraphs: Vec<Span>,
    /// Running text: no code, HTML, URLs or front matter. Adjacent runs are merged.
    pub prose: Vec<Span>,
    /// HTML blocks and inline HTML, where suppression comments live.
    pub html: Vec<Span>,
    /// Code blocks and code spans: not text.
    pub code: Vec<Span>,
    /// Thematic breaks (`---`, `***`) outside any container.
    pub breaks: Vec<Span>,
    /// URLs written in running text, not as links (kind [`LinkKind::Bare`]).
    pub bare_urls: Vec<Link>,
    /// The plain text of each leaf block, in order.
    pub blocks: Vec<TextBlock>,
}

/// Bare URLs are not prose: a reader does not read them as words.
static BARE_URL: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?-u:\b)(?i:https?://|www\.)[^\s<>()\[\]]+"));

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
}

/// An open container while walking the events.
enum Open {
    Heading {
        level: u8,
        start: usize,
        text: String,
        id: Option<String>,
    },
    Link {
        kind: LinkKind,
        url: String,
        start: usize,
        text: String,
        ref_id: String,
    },
    Image {
        url: String,
        start: usize,
        alt: String,
    },
}

/// Parses the body `text[start..]`; spans are offsets into the whole `text`.
pub fn parse(file: FileId, text: &str, start: usize) -> Markdown {
    let body = &text[start..];
    let span = |r: Range<usize>| Span::new(file, r.start + start..r.end + start);
    let parser = Parser::new_ext(body, options());
    let definitions: Vec<(String, Range<usize>)> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_lowercase(), def.span.clone()))
        .collect();
    let mut md = Markdown::default();
    let mut open: Vec<Open> = Vec::new();
    let mut lists: Vec<(usize, Vec<Span>)> = Vec::new(); // (index into md.lists, items)
    let mut code_depth = 0u32;
    let mut container_depth = 0u32;
    let mut block: Option<TextBlock> = None;
    let finish = |block: &mut Option<TextBlock>, md: &mut Markdown| {
        if let Some(b) = block.take()
            && !b.text.trim().is_empty()
        {
            md.blocks.push(b);
        }
    };
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, id, .. } => {
                    finish(&mut block, &mut md);
                    // Counted as the section it opens.
                    block = Some(TextBlock::new(
                        range.clone(),
                        span(range.clone()),
                        md.headings.len() + 1,
                    ));
                    open.push(Open::Heading {
                        level: heading_level(level),
                        start: range.start,
                        text: String::new(),
                        id: id.map(|s| s.to_string()),
                    })
                }
                Tag::Paragraph | Tag::TableCell => {
                    if matches!(tag, Tag::Paragraph) {
                        md.paragraphs.push(span(range.clone()));
                    }
                    finish(&mut block, &mut md);
                    block = Some(TextBlock {
                        in_table: matches!(tag, Tag::TableCell),
                        ..TextBlock::new(range.clone(), span(range.clone()), md.headings.len())
                    });
                }
                Tag::List(first) => {
                    md.lists.push(List {
                        span: span(range.clone()),
                        ordered: first.is_some(),
                        depth: lists.len() as u32,
                        items: Vec::new(),
                    });
                    lists.push((md.lists.len() - 1, Vec::new()));
                    container_depth += 1;
                }
                Tag::Item => {
                    if let Some((_, items)) = lists.last_mut() {
                        items.push(span(range.clone()));
                    }
                    // A tight item's text has no paragraph of its own.
                    finish(&mut block, &mut md);
                    block = Some(TextBlock::new(
                        range.clone(),
                        span(range.clone()),
                        md.headings.len(),
                    ));
                }
                Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) | Tag::Table(_) => {
                    container_depth += 1
                }
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) => {
                    code_depth += 1;
                    md.code.push(span(range.clone()));
                }
                Tag::Link {
                    link_type,
                    dest_url,
                    id,
                    ..
                } => open.push(Open::Link {
                    kind: link_kind(link_type),
                    url: dest_url.to_string(),
                    start: range.start,
                    text: String::new(),
                    ref_id: id.to_string(),
                }),
                Tag::Image { dest_url, .. } => open.push(Open::Image {
                    url: dest_url.to_string(),
                    start: range.start,
                    alt: String::new(),
                }),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Item => finish(&mut block, &mut md),
                TagEnd::Heading(_) => {
                    finish(&mut block, &mut md);
                    if let Some(Open::Heading {
                        level,
                        start: s,
                        text,
                        id,
                    }) = open.pop()
                    {
                        md.headings.push(Heading {
                            level,
                            text: text.trim().to_string(),
                            span: span(s..trim_newline(body, s, range.end)),
                            id,
                        });
                    }
                }
                TagEnd::List(_) => {
                    if let Some((index, items)) = lists.pop() {
                        md.lists[index].items = items;
                    }
                    container_depth -= 1;
                }
                TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition | TagEnd::Table => {
                    container_depth -= 1
                }
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) => {
                    code_depth = code_depth.saturating_sub(1)
                }
                TagEnd::Link => {
                    if let Some(Open::Link {
                        kind,
                        url,
                        start: s,
                        text,
                        ref_id,
                    }) = open.pop()
                    {
                        let link_span = span(s..range.end);
                        let url_span =
                            url_span(body, s..range.end, kind, &url, &ref_id, &definitions)
                                .map_or(link_span, &span);
                        push_text(&mut open, &text);
                        md.links.push(Link {
                            kind,
                            url,
                            text,
                            span: link_span,
                            url_span,
                        });
                    }
                }
                TagEnd::Image => {
                    if let Some(Open::Image { url, start: s, alt }) = open.pop() {
                        md.images.push(Image {
                            url,
                            alt,
                            span: span(s..range.end),
                        });
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if code_depth > 0 {
                    continue;
                }
                push_text(&mut open, &t);
                if let Some(b) = block.as_mut() {
                    b.push(&t, start + range.start..start + range.end);
                }
                let in_autolink = matches!(
                    open.last(),
                    Some(Open::Link {
                        kind: LinkKind::Autolink,
                        ..
                    })
                );
                if !in_autolink && !matches!(open.last(), Some(Open::Image { .. })) {
                    let in_link = open.iter().any(|o| matches!(o, Open::Link { .. }));
                    push_prose(&mut md, body, range, start, file, !in_link);
                }
            }
            Event::Code(t) => {
                push_text(&mut open, &t);
                md.code.push(span(range));
            }
            Event::Html(_) | Event::InlineHtml(_) => md.html.push(span(range)),
            Event::SoftBreak | Event::HardBreak => {
                push_text(&mut open, " ");
                if let Some(b) = block.as_mut() {
                    b.push(" ", start + range.start..start + range.end);
                }
            }
            Event::Rule if container_depth == 0 => md.breaks.push(span(
                range.start..trim_newline(body, range.start, range.end),
            )),
            _ => {}
        }
    }
    finish(&mut block, &mut md);
    // Block and list ranges end after their line break, or at the next item: keep spans on text.
    let trim = |s: &mut Span| {
        let slice = &text[s.range()];
        s.end = s.start + slice.trim_end().len() as u32;
    };
    for b in &mut md.blocks {
        trim(&mut b.span);
    }
    for p in &mut md.paragraphs {
        trim(p);
    }
    for l in &mut md.lists {
        trim(&mut l.span);
        for item in &mut l.items {
            trim(item);
        }
    }
    md.sections = sections(&md.headings, file, start, text.len());
    // Blocks counted the headings before them; without text before the first heading, the
    // first section is that heading's.
    if md.sections.first().is_some_and(|s| s.heading.is_some()) {
        for b in &mut md.blocks {
            b.section = b.section.saturating_sub(1);
        }
    }
    md
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn link_kind(link_type: LinkType) -> LinkKind {
    match link_type {
        LinkType::Autolink | LinkType::Email => LinkKind::Autolink,
        LinkType::Inline => LinkKind::Inline,
        _ => LinkKind::Reference,
    }
}

/// Adds `text` to the innermost open heading, link or image.
fn push_text(open: &mut [Open], t: &str) {
    match open.last_mut() {
        Some(Open::Heading { text, .. } | Open::Link { text, .. }) => text.push_str(t),
        Some(Open::Image { alt, .. }) => alt.push_str(t),
        None => {}
    }
}

/// Adds a text run to the prose, without its bare URLs, merging it with the run before.
fn push_prose(
    md: &mut Markdown,
    body: &str,
    range: Range<usize>,
    start: usize,
    file: FileId,
    record_urls: bool,
) {
    let Some(raw) = body.get(range.clone()) else {
        return;
    };
    let mut pieces = Vec::new();
    let mut last = 0;
    for m in BARE_URL.find_iter(raw) {
        pieces.push(last..m.start());
        // A sentence's punctuation after a URL is not part of it.
        let url = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"', '’', '*', '_']);
        let span = Span::new(
            file,
            range.start + m.start() + start..range.start + m.start() + url.len() + start,
        );
        if !record_urls {
            last = m.start() + url.len();
            continue;
        }
        md.bare_urls.push(Link {
            kind: LinkKind::Bare,
            url: url.to_string(),
            text: url.to_string(),
            span,
            url_span: span,
        });
        last = m.start() + url.len();
    }
    pieces.push(last..raw.len());
    for piece in pieces.into_iter().filter(|p| !p.is_empty()) {
        let s = Span::new(
            file,
            range.start + piece.start + start..range.start + piece.end + start,
        );
        match md.prose.last_mut() {
            Some(prev) if prev.end == s.start => prev.end = s.end,
            _ => md.prose.push(s),
        }
    }
}

/// Where a link's URL is written in the source.
fn url_span(
    body: &str,
    link: Range<usize>,
    kind: LinkKind,
    url: &str,
    ref_id: &str,
    definitions: &[(String, Range<usize>)],
) -> Option<Range<usize>> {
    match kind {
        LinkKind::Bare => Some(link),
        LinkKind::Autolink => Some(link.start + 1..link.end.saturating_sub(1).max(link.start + 1)),
        LinkKind::Inline => {
            let slice = body.get(link.clone())?;
            // Link texts and destinations are short: no searcher to build for them.
            let open = slice.as_bytes().windows(2).rposition(|w| w == b"](")? + 2;
            let rest = &slice[open..];
            let found = if rest.starts_with(url) {
                Some(0)
            } else {
                rest.find(url)
            }
            .map(|i| open + i..open + i + url.len());
            let range = found.unwrap_or_else(|| {
                let close = slice.len().saturating_sub(1).max(open);
                let inner = slice[open..close].trim();
                let at = open + slice[open..close].find(inner).unwrap_or(0);
                at..at + inner.len()
            });
            Some(link.start + range.start..link.start + range.end)
        }
        LinkKind::Reference => {
            let label = ref_id.to_lowercase();
            let (_, def) = definitions.iter().find(|(l, _)| *l == label)?;
            let slice = body.get(def.clone())?;
            let at = slice.find(url)?;
            Some(def.start + at..def.start + at + url.len())
        }
    }
}

fn trim_newline(body: &str, start: usize, end: usize) -> usize {
    let slice = &body[start..end];
    start + slice.trim_end_matches(['\n', '\r']).len()
}

fn sections(headings: &[Heading], file: FileId, start: usize, end: usize) -> Vec<Section> {
    let mut sections = Vec::with_capacity(headings.len() + 1);
    let first = headings.first().map_or(end, |h| h.span.start as usize);
    if first > start {
        sections.push(Section {
            heading: None,
            span: Span::new(file, start..first),
        });
    }
    for (i, h) in headings.iter().enumerate() {
        let next = headings.get(i + 1).map_or(end, |n| n.span.start as usize);
        sections.push(Section {
            heading: Some(i),
            span: Span::new(file, h.span.start as usize..next),
        });
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_web_addresses_only() {
        for (url, host) in [
            ("HTTPS://Jobs.Example.ca/apply", Some("Jobs.Example.ca")),
            ("http://user@site.ca:8080/x?y#z", Some("site.ca")),
            ("https://bit.ly", Some("bit.ly")),
            ("ftp://files.example.ca", None),
            ("http:/site.ca", None),
            ("www.canada.ca", None),
            ("mailto:jobs@site.ca", None),
            ("https://", None),
        ] {
            assert_eq!(url_host_part(url), host, "{url}");
        }
    }

    #[test]
    fn headings_links_lists_and_prose() {
        let text = "---\nt: x\n---\n# Title\n\nApply [here](https://bit.ly/x \"t\") or see <https://a.ca>.\n\n- one\n- two `code`\n\n```\ncode block\n```\n\n## Next {#nxt}\n\n[ref]: https://example.ca/ref\n\nSee [the ref][ref] and https://bare.example.ca now.\n";
        let md = parse(FileId(0), text, 13);
        assert_eq!(md.headings.len(), 2);
        assert_eq!(md.headings[0].text, "Title");
        assert_eq!(&text[md.headings[0].span.range()], "# Title");
        assert_eq!(md.headings[1].id.as_deref(), Some("nxt"));
        assert_eq!(md.links.len(), 3);
        assert_eq!(&text[md.links[0].url_span.range()], "https://bit.ly/x");
        assert_eq!(md.links[0].text, "here");
        assert_eq!(md.links[0].host().as_deref(), Some("bit.ly"));
        assert_eq!(&text[md.links[1].url_span.range()], "https://a.ca");
        assert_eq!(
            &text[md.links[2].url_span.range()],
            "https://example.ca/ref"
        );
        assert_eq!(md.lists.len(), 1);
        assert_eq!(md.lists[0].items.len(), 2);
        assert_eq!(md.sections.len(), 2);
        let prose: Vec<&str> = md.prose.iter().map(|s| &text[s.range()]).collect();
        assert!(prose.contains(&"Title"));
        assert!(
            !prose
                .iter()
                .any(|p| p.contains("code") || p.contains("https")),
            "{prose:?}"
        );
        assert!(prose.iter().any(|p| p.contains("now.")));
        let block = md
            .blocks
            .iter()
            .find(|b| b.text.starts_with("Apply"))
            .unwrap();
        assert_eq!(block.text, "Apply here or see https://a.ca.");
        let at = block.text.find("here").unwrap();
        assert_eq!(&text[block.source_span(at..at + 4).range()], "here");
        assert_eq!(md.sections[md.blocks[0].section].heading, Some(0));
        for b in &md.blocks {
            let section = &md.sections[b.section];
            assert!(
                section.span.start <= b.span.start
                    && b.span.end <= section.span.end.max(b.span.end),
                "{b:?}"
            );
            assert!(
                b.span.start >= section.span.start,
                "{:?} not in {:?}",
                b.text,
                section
            );
        }
        let with_preamble = parse(FileId(0), "Intro text.\n\n# A\n\nBody.\n", 0);
        let sections: Vec<_> = with_preamble.blocks.iter().map(|b| b.section).collect();
        assert_eq!(sections, vec![0, 1, 1]);
    }

    #[test]
    fn blocks_map_back_through_markup() {
        let text =
            "We're accepting submissions until **Wednesday, March 31, 2021** 11:59&nbsp;pm EDT.\n";
        let md = parse(FileId(0), text, 0);
        let b = &md.blocks[0];
        assert_eq!(
            b.text,
            "We're accepting submissions until Wednesday, March 31, 2021 11:59\u{a0}pm EDT."
        );
        let at = b.text.find("Wednesday").unwrap();
        assert_eq!(&text[b.source_span(at..at + 9).range()], "Wednesday");
        let pm = b.text.find("pm").unwrap();
        assert_eq!(&text[b.source_span(pm..pm + 6).range()], "pm EDT");
        let nbsp = b.text.find('\u{a0}').unwrap();
        assert_eq!(&text[b.source_span(nbsp..nbsp + 2).range()], "&nbsp;");
    }
}
