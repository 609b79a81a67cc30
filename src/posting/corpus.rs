//! The corpus phase: every posting of the run, summarised, and English and French postings
//! paired. Corpus rules (translation parity) read the summaries, not whole files.
//!
//! Pairing, in order:
//! 1. the two language segments of a bilingual single file;
//! 2. `translationKey`, between an English and a French posting in parallel folders
//!    (`…/en/<section>/` and `…/fr/<section>/`); within one key, files are matched first by a
//!    shared `--<uuid>` file-name suffix, then by `leverId`, then in path order;
//! 3. `name.en.md` ↔ `name.fr.md` in one folder;
//! 4. pairs named in `postlint.toml` (`[translation] pairs`);
//! 5. one file name in parallel language folders (`en/jobs/x.md` ↔ `fr/jobs/x.md`), when no
//!    other file of the folders has that name.
//!
//! Files of one language that share a key in one folder are duplicates; a file without a
//! counterpart gets a "did you mean" when a likely one exists.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

pub use crate::interner::Interner;

use super::pattern::Pattern;

use super::fold::{Folded, fold_case};
use super::front_matter::{FrontMatterKind, Value};
use super::salary::PayText;
use super::source::char_at;
use super::{FileId, Lang, LangSource, Posting, Span};

/// What the corpus rules need of a whole file besides its summaries: all that is kept of it
/// once its text and model are gone.
#[derive(Clone, Debug)]
pub struct FileDigest {
    pub file: FileId,
    pub path: String,
    pub bilingual: bool,
    /// `title:` (or the first H1), where a finding about the whole file points.
    pub title: Option<Span>,
    /// The front matter block, fences included.
    pub front_matter: Option<Span>,
    /// The front matter's keys in order, with the values of [`COMPARED_KEYS`]: [`Packed`]
    /// fields, read with [`Corpus::fields`].
    fields: Box<[u8]>,
    /// Keys are matched without regard to case (a metadata block), or exactly (YAML).
    keys_ignore_case: bool,
}

/// A field as kept: its key's [`Interner`] id, where the key is, the value and where it is.
type Packed = (u32, Span, Option<String>, Span);

/// The front matter keys whose values the two languages of a posting must agree on
/// (`leverId` only in how it is written); the values of others are not kept.
pub const COMPARED_KEYS: [&str; 6] = [
    "archived",
    "linkHidden",
    "formHidden",
    "layout",
    "type",
    "leverId",
];

/// One front matter key and, for [`COMPARED_KEYS`], its value shown as text (`true`, `null`,
/// a trimmed string).
#[derive(Clone, Debug, PartialEq)]
pub struct Field<'c> {
    pub key: &'c str,
    pub key_span: Span,
    pub value: Option<String>,
    pub value_span: Span,
}

/// A file's front matter fields, in order.
pub struct Fields<'c> {
    pub list: Vec<Field<'c>>,
    keys_ignore_case: bool,
}

impl Fields<'_> {
    /// The field for `key`, found as [`super::FrontMatter::get`] finds it.
    pub fn field(&self, key: &str) -> Option<&Field<'_>> {
        self.list.iter().find(|f| {
            if self.keys_ignore_case {
                f.key.eq_ignore_ascii_case(key)
            } else {
                f.key == key
            }
        })
    }

    /// The value of one of [`COMPARED_KEYS`], and where it is.
    pub fn value(&self, key: &str) -> Option<(&str, Span)> {
        let field = self.field(key)?;
        Some((field.value.as_deref()?, field.value_span))
    }
}

impl FileDigest {
    pub fn new(posting: &Posting, shared: &Interner) -> FileDigest {
        let fm = &posting.front_matter;
        let fields: Vec<Packed> = fm
            .entries
            .iter()
            .map(|e| {
                let compared = COMPARED_KEYS
                    .iter()
                    .any(|k| same_key(fm.kind, &e.key.value, k));
                (
                    shared.id(&e.key.value),
                    e.key.span,
                    compared.then(|| shown(&e.value.value)),
                    e.value.span,
                )
            })
            .collect();
        FileDigest {
            file: posting.source.id,
            path: posting.path().to_string(),
            bilingual: posting.is_bilingual(),
            title: posting.title.as_ref().map(|t| t.span),
            front_matter: fm.span,
            fields: postcard::to_allocvec(&fields)
                .expect("fields are plain data")
                .into_boxed_slice(),
            keys_ignore_case: fm.kind == FrontMatterKind::Metadata,
        }
    }

    /// An empty span at the start of the file.
    pub fn start(&self) -> Span {
        Span::new(self.file, 0..0)
    }
}

fn same_key(kind: FrontMatterKind, written: &str, key: &str) -> bool {
    match kind {
        FrontMatterKind::Metadata => written.eq_ignore_ascii_case(key),
        _ => written == key,
    }
}

/// A front matter value as text, to compare two languages' values.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim().to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Integer(i) => i.to_string(),
        Value::Null => "null".into(),
        other => format!("{other:?}"),
    }
}

/// What the corpus rules need of one posting (or of one language segment of a bilingual file).
/// What pairing reads is kept as it is; what only the comparison of a pair reads is kept
/// packed, in three parts each read by the rule that needs it ([`Shape`], [`Stated`], the
/// [`Block`]s), so that the summaries of a large run stay small and each part is unpacked
/// once per pair.
#[derive(Clone, Debug)]
pub struct Summary {
    /// Index into [`Corpus::files`].
    pub posting: usize,
    pub lang: Lang,
    /// The part of the file this summary covers (the whole body, or one segment).
    pub span: Span,
    /// Where the file's language is stated: `lang:`, the path, or only the text.
    pub lang_source: Option<LangSource>,
    /// `cds/site/*/careers`: the path with its language folder replaced, without the file name.
    pub section: Arc<str>,
    pub key: Option<(String, Span)>,
    pub uuid: Option<String>,
    pub lever_id: Option<String>,
    /// The text of [`Summary::span`], hashed, to find copies.
    pub body: TextHash,
    /// [`Shape`], [`Stated`] and the [`Block`]s, each encoded with postcard, one after the
    /// other in one allocation; the first two end at `ends`.
    packed: Box<[u8]>,
    ends: [u32; 2],
}

/// The outline of a version of a posting: its headings, and where its blocks, lists and
/// links are.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Shape {
    pub headings: Vec<(u8, String, Span)>,
    /// Paragraphs that read as headings missing the space after their `#` (`##Titre`).
    pub loose_headings: Vec<(u8, String, Span)>,
    /// Where the paragraphs, lists (with their item counts) and links start.
    pub outline: Outline,
    /// Per section (in heading order, the text before the first heading first): the item
    /// counts of its lists, and its number of links.
    pub sections: Vec<SectionOutline>,
}

/// The facts a version of a posting states: links, e-mail addresses, classifications, pay
/// and closing dates.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Stated {
    /// Link targets: normalised (language markers neutralised) and hashed, as written (an
    /// [`Interner`] id, read with [`Corpus::text`]), and where.
    pub links: Vec<(ShortHash, u32, Span)>,
    /// E-mail addresses, lower-cased, and where each first appears.
    pub emails: BTreeMap<String, Span>,
    /// Classification codes, normalised (`IT-3`), with the code as written and where.
    pub classifications: BTreeMap<String, (String, Span)>,
    /// Second-language profiles (`CBC`, see [`super::language_profile`]), and where each
    /// first appears.
    pub profiles: BTreeMap<String, Span>,
    pub pay: Vec<(i64, Option<i64>, Span)>,
    /// Closing dates: a comparable key (date, time, UTC offset), what was read, and where.
    pub deadlines: Vec<(String, String, Span)>,
}

/// A packed part of a [`Summary`]: its spans are packed without their file (see [`Span`]'s
/// `Serialize`), which is the summary's.
trait Part: serde::Serialize + serde::de::DeserializeOwned {
    fn spans_mut(&mut self) -> impl Iterator<Item = &mut Span>;

    /// `packed` with the part appended, encoded.
    fn pack(&self, packed: Vec<u8>) -> Vec<u8> {
        postcard::to_extend(self, packed).expect("a summary's part is plain data")
    }

    fn unpack(packed: &[u8], file: FileId) -> Self {
        let mut part: Self = postcard::from_bytes(packed)
            .expect("a summary's part reads back as postlint packed it");
        for span in part.spans_mut() {
            span.file = file;
        }
        part
    }
}

impl Part for Shape {
    fn spans_mut(&mut self) -> impl Iterator<Item = &mut Span> {
        let sections = self.sections.iter_mut().flat_map(|s| {
            s.span
                .iter_mut()
                .chain(s.lists.iter_mut().map(|(_, span)| span))
        });
        self.headings
            .iter_mut()
            .chain(self.loose_headings.iter_mut())
            .map(|(_, _, span)| span)
            .chain(sections)
    }
}

impl Part for Stated {
    fn spans_mut(&mut self) -> impl Iterator<Item = &mut Span> {
        self.links
            .iter_mut()
            .map(|(_, _, span)| span)
            .chain(self.emails.values_mut())
            .chain(self.classifications.values_mut().map(|(_, span)| span))
            .chain(self.profiles.values_mut())
            .chain(self.pay.iter_mut().map(|(_, _, span)| span))
            .chain(self.deadlines.iter_mut().map(|(_, _, span)| span))
    }
}

impl Part for Vec<Block> {
    fn spans_mut(&mut self) -> impl Iterator<Item = &mut Span> {
        self.iter_mut().map(|b| &mut b.span)
    }
}

impl Summary {
    /// The outline, unpacked.
    pub fn shape(&self) -> Shape {
        Shape::unpack(&self.packed[..self.ends[0] as usize], self.span.file)
    }

    /// The stated facts, unpacked.
    pub fn stated(&self) -> Stated {
        let [shape, stated] = self.ends.map(|end| end as usize);
        Stated::unpack(&self.packed[shape..stated], self.span.file)
    }

    /// The blocks of running text long enough to need translating, unpacked.
    pub fn blocks(&self) -> Vec<Block> {
        Vec::unpack(&self.packed[self.ends[1] as usize..], self.span.file)
    }
}

/// A text's hash and length.
pub type TextHash = (u64, u32);

/// Where the text blocks, lists and links of a summary's part start, to compare the shape of
/// two sections.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Outline {
    pub blocks: Vec<u32>,
    /// Start and number of items, nested lists included.
    pub lists: Vec<(u32, usize)>,
    pub links: Vec<u32>,
}

/// A block of running text: its normalised text hashed, where it is, and whether it is a list
/// of names (products, tools, places), which reads the same in both languages (read in French
/// versions only: a French block is compared with the English ones, not the other way).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Block {
    pub text: ShortHash,
    pub span: Span,
    pub names: bool,
}

/// A hash kept in a summary, for texts compared within one pair of versions (blocks, link
/// targets): 32 bits are plenty there, and packed in 4 bytes it takes under half of a 64-bit
/// hash's varint.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct ShortHash(#[serde(with = "postcard::fixint::le")] u32);

impl ShortHash {
    pub fn of(text: &str) -> ShortHash {
        // The high bits: foldhash mixes them best.
        ShortHash((hash_of(text) >> 32) as u32)
    }
}

/// A hash of `text`, the same in every run.
pub fn hash_of(text: &str) -> u64 {
    use std::hash::BuildHasher;
    // A fixed seed: the same text has the same hash in every run.
    foldhash::fast::FixedState::default().hash_one(text.as_bytes())
}

/// Most of its words (parted by white space, `,` and `;`) start, at their first letter or
/// digit, with a capital or a digit. ASCII is read a byte at a time.
fn is_names(text: &str) -> bool {
    let (mut words, mut names) = (0, 0);
    // Whether the current word's first letter or digit is still to come.
    let mut looking = true;
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        i += len;
        if c.is_whitespace() || c == ',' || c == ';' {
            looking = true;
        } else if looking && c.is_alphanumeric() {
            looking = false;
            words += 1;
            if c.is_uppercase() || c.is_ascii_digit() {
                names += 1;
            }
        }
    }
    names * 5 >= words * 3
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SectionOutline {
    pub span: Option<Span>,
    pub lists: Vec<(usize, Span)>,
    pub links: usize,
    /// Paragraphs and other text blocks, headings excluded.
    pub blocks: usize,
}

/// How two summaries were paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairedBy {
    Segments,
    TranslationKey,
    FileName,
    Config,
}

#[derive(Clone, Debug)]
pub struct Pair {
    pub en: usize,
    pub fr: usize,
    pub by: PairedBy,
    /// Other pairs with the same two texts (copies across site sections): reported once.
    pub copies: Vec<usize>,
}

/// A summary with no counterpart: where one was expected, and a likely one.
#[derive(Clone, Debug)]
pub struct Unpaired {
    pub summary: usize,
    pub expected: String,
    pub likely: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct Duplicate {
    pub summary: usize,
    pub first: usize,
}

/// Every posting of the run, and their translation pairs.
pub struct Corpus {
    pub files: Vec<FileDigest>,
    pub summaries: Vec<Summary>,
    /// The strings of [`Interner`], by id.
    strings: Vec<Arc<str>>,
    pub pairs: Vec<Pair>,
    pub unpaired: Vec<Unpaired>,
    pub duplicates: Vec<Duplicate>,
}

static UUID_SUFFIX: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"--?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\.(?i:md|markdown)$",
    )
});
static EMAIL: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"));
/// A URL's language markers; the part that names the language is the group `lang`.
static LANG_MARKERS: LazyLock<[Folded; 3]> = LazyLock::new(|| {
    [
        Folded::new(r"/(?P<lang>en|fr)(?:/|$|\?|#)"),
        Folded::new(r"-(?P<lang>eng|fra)\."),
        Folded::new(r"[?&](?:lang|language)=(?P<lang>en|eng|english|fr|fra|fre|french)\b"),
    ]
});

/// The language a URL's host or markers say it is in (`numerique.canada.ca`, `/en/`,
/// `-eng.aspx`, `lang=fra`…).
pub fn url_language(url: &str) -> Option<Lang> {
    let raw_host = url
        .split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?', '#']).next())
        .map(|h| h.to_ascii_lowercase());
    if let Some(h) = raw_host {
        let h = h.strip_prefix("www.").unwrap_or(&h);
        for pair in &crate::rules::url::LANGUAGE_PATTERNS.hosts {
            if h == pair.en {
                return Some(Lang::En);
            }
            if h == pair.fr {
                return Some(Lang::Fr);
            }
        }
    }
    static EN: LazyLock<Folded> = LazyLock::new(|| {
        Folded::new(r"/en(?:/|$|\?|#)|-eng\.|[?&](?:lang|language)=(?:en|eng|english)\b")
    });
    static FR: LazyLock<Folded> = LazyLock::new(|| {
        Folded::new(r"/fr(?:/|$|\?|#)|-fra\.|[?&](?:lang|language)=(?:fr|fra|fre|french)\b")
    });
    let folded = fold_case(url);
    if EN.regex().is_match(&folded) {
        Some(Lang::En)
    } else if FR.regex().is_match(&folded) {
        Some(Lang::Fr)
    } else {
        None
    }
}

/// The host of a URL, without `www.`; the French host of a site with one host per language is
/// given as its English host, so the two versions of a page share a host.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    Some(
        crate::rules::url::LANGUAGE_PATTERNS
            .hosts
            .iter()
            .find(|p| p.fr == host)
            .map_or(host, |p| p.en.clone()),
    )
}

/// A link target with its language markers neutralised: `/en/x-eng.aspx` ≈ `/fr/x-fra.aspx`;
/// for a link through a redirect wrapper, the target it leads to.
/// The fragment is left out: a page's anchors differ from one language's version to the
/// other's (`#toc12259212260` in English, none in French), and the page is the same.
pub fn neutral_target(url: &str) -> String {
    // A link through a redirect wrapper is compared by the address it leads to.
    let wrapped = super::redirect::unwrap(url).map(|w| w.target);
    let url = wrapped.as_deref().unwrap_or(url);
    let page = url.split_once('#').map_or(url, |(page, _)| page);
    let page = page.trim().trim_end_matches('/');
    let mut out = match page.strip_prefix("http://") {
        Some(rest) => format!("https://{rest}"),
        None => page.to_string(),
    };
    // Each marker is looked for only where its text could be (a link is short: its bytes are
    // compared in place).
    let has = |needle: &[u8]| {
        out.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    };
    let present = [
        has(b"/en") || has(b"/fr"),
        has(b"-eng.") || has(b"-fra."),
        has(b"lang"),
    ];
    for (marker, present) in LANG_MARKERS.iter().zip(present) {
        if present {
            out = marker.on(&out, |re, folded| {
                let mut neutral = String::with_capacity(out.len());
                let mut last = 0;
                for lang in re.captures_iter(folded).filter_map(|c| c.name("lang")) {
                    neutral.push_str(&out[last..lang.start()]);
                    neutral.push_str("{lang}");
                    last = lang.end();
                }
                neutral.push_str(&out[last..]);
                neutral
            });
        }
    }
    match out.split_once("://") {
        Some((scheme, rest)) => {
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            let host = match host.get(..4) {
                Some(www) if www.eq_ignore_ascii_case("www.") => &host[4..],
                _ => host,
            };
            let mut neutral = String::with_capacity(out.len() + 1);
            neutral.push_str(scheme);
            neutral.push_str("://");
            neutral.extend(host.chars().map(|c| c.to_ascii_lowercase()));
            neutral.push('/');
            neutral.push_str(path);
            neutral
        }
        None => out.to_lowercase(),
    }
}

/// A file's name without its folder, language suffix and extension: `ux-researcher.en.md` →
/// `ux-researcher`.
fn file_stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let name = name
        .strip_suffix(".md")
        .or_else(|| name.strip_suffix(".markdown"))
        .unwrap_or(name);
    name.strip_suffix(".en")
        .or_else(|| name.strip_suffix(".fr"))
        .unwrap_or(name)
        .to_lowercase()
}

fn section_of(path: &str, lang: Lang) -> String {
    let dir = path.rsplit_once('/').map_or(".", |(d, _)| d);
    let code = lang.code();
    dir.split('/')
        .map(|s| if s == code { "*" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

/// A hash of a block as the translation rules compare it: as the word lists read it (folded to
/// lower case, its words joined by one space whatever white space parts them, `’` an
/// apostrophe; worked out once a posting, [`Posting::list_texts`]).
fn block_hash(read: &super::fold::Normalised) -> ShortHash {
    ShortHash::of(read.text.trim_matches(' '))
}

/// Summarises `posting` (or its segment `span`, in `lang`).
fn summarise(posting: &Posting, lang: Lang, span: Span, shared: &Interner) -> Summary {
    let fm = &posting.front_matter;
    let (shape, stated, blocks) = detail_of(posting, lang, span, shared);
    let packed = shape.pack(Vec::new());
    let shape_end = packed.len();
    let packed = stated.pack(packed);
    let ends =
        [shape_end, packed.len()].map(|end| u32::try_from(end).expect("a summary under 4 GiB"));
    let packed = blocks.pack(packed).into_boxed_slice();
    Summary {
        body: (
            hash_of(&posting.text()[span.range()]),
            span.end - span.start,
        ),
        posting: 0,
        lang,
        span,
        lang_source: posting.lang.map(|(_, s)| s),
        section: shared.get(&section_of(posting.path(), lang)),
        key: fm
            .get("translationKey")
            .and_then(|e| Some((e.value.value.as_str()?.trim().to_string(), e.value.span))),
        uuid: UUID_SUFFIX
            .captures(posting.path())
            .map(|c| c[1].to_lowercase()),
        lever_id: fm
            .str("leverId")
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty()),
        packed,
        ends,
    }
}

/// What the comparison of two versions reads of `posting`'s part `span`, in `lang`.
fn detail_of(
    posting: &Posting,
    lang: Lang,
    span: Span,
    shared: &Interner,
) -> (Shape, Stated, Vec<Block>) {
    // An item belongs to the part where it starts.
    let inside = |s: Span| span.start <= s.start && s.start < span.end.max(span.start + 1);
    let md = &posting.markdown;
    let headings: Vec<(u8, String, Span)> = md
        .headings
        .iter()
        .filter(|h| inside(h.span))
        .map(|h| (h.level, h.text.clone(), h.span))
        .collect();
    // Sections of this part only: from each heading inside it to the next, and the text
    // before its first heading (a bilingual file's French part starts mid-section).
    let starts: Vec<u32> = std::iter::once(span.start)
        .chain(
            headings
                .iter()
                .map(|h| h.2.start)
                .filter(|&st| st > span.start),
        )
        .collect();
    let mut sections: Vec<SectionOutline> = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let stop = starts
            .get(k + 1)
            .copied()
            .unwrap_or(span.end.max(start + 1));
        let within = |s: Span| start <= s.start && s.start < stop;
        let heading = headings.iter().find(|h| h.2.start == start).map(|h| h.2);
        let outline = SectionOutline {
            span: heading,
            lists: md
                .lists
                .iter()
                .filter(|l| l.depth == 0 && within(l.span))
                .map(|l| (l.items.len(), l.span))
                .collect(),
            links: md
                .links
                .iter()
                .filter(|l| within(l.span) && !l.url.starts_with('#'))
                .count(),
            blocks: md
                .blocks
                .iter()
                .filter(|b| {
                    within(b.span) && !md.headings.iter().any(|h| h.span.start == b.span.start)
                })
                .count(),
        };
        // An empty opening part (the front matter's end, a language link) is no section.
        if heading.is_none()
            && outline.lists.is_empty()
            && outline.links == 0
            && outline.blocks <= 1
        {
            continue;
        }
        sections.push(outline);
    }
    let links: Vec<(ShortHash, u32, Span)> = posting
        .urls()
        .into_iter()
        .filter(|l| {
            // Addresses are compared as e-mail addresses, also one linked without `mailto:`.
            inside(l.span)
                && !l.url.starts_with('#')
                && !l.url.to_ascii_lowercase().starts_with("mailto:")
                && !super::markdown::is_bare_address(&l.url)
        })
        .map(|l| {
            (
                ShortHash::of(&neutral_target(&l.url)),
                shared.id(&l.url),
                l.url_span,
            )
        })
        .collect();
    let text = posting.text();
    let mut emails: BTreeMap<String, Span> = BTreeMap::new();
    for m in EMAIL.find_iter(&text[span.range()]) {
        let address = m.as_str().trim_end_matches('.');
        let at = span.start as usize + m.start();
        emails
            .entry(address.to_lowercase())
            .or_insert(posting.span(at..at + address.len()));
    }
    let facts = &posting.facts;
    let mut classifications: BTreeMap<String, (String, Span)> = BTreeMap::new();
    let mut pay = Vec::new();
    for p in facts
        .pay
        .iter()
        .filter(|p| inside(p.span) || p.origin != super::facts::Origin::Body)
    {
        match &p.value {
            PayText::Classification { code, .. } => {
                classifications
                    .entry(code.replace("-0", "-").to_uppercase())
                    .or_insert((code.clone(), p.span));
            }
            PayText::Amounts(a) => pay.push((a.min.cents, a.max.as_ref().map(|m| m.cents), p.span)),
            PayText::Vague { .. } => {}
        }
    }
    let deadlines = facts
        .deadlines
        .iter()
        .filter(|d| inside(d.span))
        .filter_map(|d| {
            let date = d.value.date?;
            let time = d
                .value
                .time
                .as_ref()
                .map(|(t, _)| format!(" {:02}:{:02}", t.hour(), t.minute()))
                .unwrap_or_default();
            let zone = d
                .value
                .zone
                .as_ref()
                .and_then(|(z, _)| {
                    super::date::zone_offset(z)
                        .map(|o| format!(" {}", super::date::format_offset(o)))
                })
                .unwrap_or_default();
            Some((format!("{date}{time}{zone}"), d.value.understood(), d.span))
        })
        .collect();
    let mut profiles: BTreeMap<String, Span> = BTreeMap::new();
    for (i, b) in md.blocks.iter().enumerate().filter(|(_, b)| inside(b.span)) {
        let caps = posting.caps_runs(i);
        for code in super::language_profile::codes(&b.text, posting.folded(i), caps) {
            profiles
                .entry(b.text[code.clone()].to_string())
                .or_insert(b.source_span(code));
        }
    }
    let blocks = md
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| inside(b.span) && b.text.split_whitespace().nth(7).is_some())
        .map(|(i, b)| Block {
            text: block_hash(&posting.list_texts()[i]),
            span: b.span,
            names: lang == Lang::Fr && is_names(posting.slice(b.span)),
        })
        .collect();
    let loose_headings = md
        .blocks
        .iter()
        .filter(|b| inside(b.span))
        .filter_map(|b| {
            let raw = posting.slice(b.span);
            let hashes = raw.chars().take_while(|c| *c == '#').count();
            ((1..=6).contains(&hashes) && raw[hashes..].starts_with(|c: char| c.is_alphanumeric()))
                .then(|| {
                    let first_line = raw.lines().next().unwrap_or(raw);
                    (
                        hashes as u8,
                        first_line[hashes..].trim().to_string(),
                        b.span.within(0..first_line.len()),
                    )
                })
        })
        .collect();
    let outline = Outline {
        blocks: md
            .blocks
            .iter()
            .filter(|b| inside(b.span))
            .map(|b| b.span.start)
            .collect(),
        lists: md
            .lists
            .iter()
            .filter(|l| inside(l.span))
            .map(|l| (l.span.start, l.items.len()))
            .collect(),
        links: md
            .links
            .iter()
            .filter(|l| inside(l.span))
            .map(|l| l.span.start)
            .collect(),
    };
    let shape = Shape {
        headings,
        loose_headings,
        outline,
        sections,
    };
    let stated = Stated {
        links,
        emails,
        classifications,
        profiles,
        pay,
        deadlines,
    };
    (shape, stated, blocks)
}

/// `name.en.md` → `name`, for `.en.md`/`.fr.md` pairs.
fn suffix_stem(path: &str) -> Option<(String, Lang)> {
    for lang in [Lang::En, Lang::Fr] {
        for ext in ["md", "markdown"] {
            if let Some(stem) = path.strip_suffix(&format!(".{}.{ext}", lang.code())) {
                return Some((stem.to_string(), lang));
            }
        }
    }
    None
}

/// The digest and summaries of one posting: one summary for a posting in one language, one
/// per segment for a bilingual file, none when its language is unknown.
pub fn summarise_file(posting: &Posting, shared: &Interner) -> (FileDigest, Vec<Summary>) {
    let summaries = if posting.is_bilingual() {
        posting
            .segments
            .iter()
            .map(|s| summarise(posting, s.lang, s.span, shared))
            .collect()
    } else if let Some((lang, _)) = posting.lang {
        let body = posting.span(posting.body_start..posting.text().len());
        vec![summarise(posting, lang, body, shared)]
    } else {
        Vec::new()
    };
    (FileDigest::new(posting, shared), summaries)
}

impl Corpus {
    /// Pairs the summarised files; `configured` are pairs of paths from `postlint.toml`.
    pub fn new(
        summarised: Vec<(FileDigest, Vec<Summary>)>,
        shared: Interner,
        configured: &[(String, String)],
    ) -> Corpus {
        let mut files = Vec::with_capacity(summarised.len());
        let mut summaries = Vec::with_capacity(summarised.iter().map(|(_, s)| s.len()).sum());
        for (i, (digest, of_file)) in summarised.into_iter().enumerate() {
            files.push(digest);
            summaries.extend(of_file.into_iter().map(|s| Summary { posting: i, ..s }));
        }
        let mut corpus = Corpus {
            files,
            summaries,
            strings: shared.into_table(),
            pairs: Vec::new(),
            unpaired: Vec::new(),
            duplicates: Vec::new(),
        };
        corpus.pair(configured);
        corpus
    }

    /// A string the summaries hold by [`Interner`] id.
    pub fn text(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }

    /// Indexes of the links of two versions with no counterpart on the other side.
    pub fn unmatched_links(
        &self,
        en: &[(ShortHash, u32, Span)],
        fr: &[(ShortHash, u32, Span)],
    ) -> (Vec<usize>, Vec<usize>) {
        unmatched_links(en, fr, &self.strings)
    }

    /// The front matter fields of `file`.
    pub fn fields(&self, file: &FileDigest) -> Fields<'_> {
        let packed: Vec<Packed> =
            postcard::from_bytes(&file.fields).expect("fields read back as postlint packed them");
        let in_file = |span: Span| Span {
            file: file.file,
            ..span
        };
        Fields {
            list: packed
                .into_iter()
                .map(|(key, key_span, value, value_span)| Field {
                    key: self.text(key),
                    key_span: in_file(key_span),
                    value,
                    value_span: in_file(value_span),
                })
                .collect(),
            keys_ignore_case: file.keys_ignore_case,
        }
    }

    /// The file a summary is of.
    pub fn file(&self, summary: usize) -> &FileDigest {
        &self.files[self.summaries[summary].posting]
    }

    fn pair(&mut self, configured: &[(String, String)]) {
        let n = self.summaries.len();
        let mut paired = vec![false; n];
        let push = |pairs: &mut Vec<Pair>,
                    paired: &mut Vec<bool>,
                    a: usize,
                    b: usize,
                    by: PairedBy,
                    s: &[Summary]| {
            let (en, fr) = if s[a].lang == Lang::En {
                (a, b)
            } else {
                (b, a)
            };
            paired[en] = true;
            paired[fr] = true;
            pairs.push(Pair {
                en,
                fr,
                by,
                copies: Vec::new(),
            });
        };
        // Read while `pairs`, `duplicates` and `unpaired` are written; put back at the end.
        let summaries = std::mem::take(&mut self.summaries);
        let s = summaries.as_slice();
        // 1. Segments of one bilingual file (a file's summaries are next to each other).
        for i in 0..n {
            for j in (i + 1..n).take_while(|&j| s[j].posting == s[i].posting) {
                if s[i].lang != s[j].lang && !paired[i] && !paired[j] {
                    push(&mut self.pairs, &mut paired, i, j, PairedBy::Segments, s);
                }
            }
        }
        // 4 (first, so config wins). Pairs named in the configuration.
        for (a, b) in configured {
            let find = |path: &str| {
                (0..n).find(|&i| !paired[i] && self.files[s[i].posting].path.ends_with(path))
            };
            if let (Some(i), Some(j)) = (find(a), find(b))
                && s[i].lang != s[j].lang
            {
                push(&mut self.pairs, &mut paired, i, j, PairedBy::Config, s);
            }
        }
        // 2. translationKey within parallel folders.
        let mut groups: BTreeMap<(String, String), (Vec<usize>, Vec<usize>)> = BTreeMap::new();
        for i in (0..n).filter(|&i| !paired[i]) {
            let Some((key, _)) = &s[i].key else { continue };
            let entry = groups
                .entry((s[i].section.to_string(), key.clone()))
                .or_default();
            match s[i].lang {
                Lang::En => entry.0.push(i),
                Lang::Fr => entry.1.push(i),
            }
        }
        for (ens, frs) in groups.values() {
            let mut frs_left: Vec<usize> = frs.clone();
            let mut ens_left: Vec<usize> = Vec::new();
            for &en in ens {
                let by_uuid = frs_left
                    .iter()
                    .position(|&fr| s[en].uuid.is_some() && s[fr].uuid == s[en].uuid);
                match by_uuid {
                    Some(k) => {
                        let fr = frs_left.remove(k);
                        push(
                            &mut self.pairs,
                            &mut paired,
                            en,
                            fr,
                            PairedBy::TranslationKey,
                            s,
                        );
                    }
                    None => ens_left.push(en),
                }
            }
            let mut rest: Vec<usize> = Vec::new();
            for en in ens_left {
                let by_lever = frs_left.iter().position(|&fr| {
                    s[en].lever_id.is_some()
                        && s[fr].lever_id == s[en].lever_id
                        && s[fr].uuid.is_none()
                        && s[en].uuid.is_none()
                });
                match by_lever {
                    Some(k) => {
                        let fr = frs_left.remove(k);
                        push(
                            &mut self.pairs,
                            &mut paired,
                            en,
                            fr,
                            PairedBy::TranslationKey,
                            s,
                        );
                    }
                    None => rest.push(en),
                }
            }
            // The rest by file name: `x.en.md` with `x.fr.md`, else the most alike names.
            while !rest.is_empty() && !frs_left.is_empty() {
                let mut best = (f64::MIN, 0, 0);
                for (a, &en) in rest.iter().enumerate() {
                    for (b, &fr) in frs_left.iter().enumerate() {
                        let score = strsim::jaro_winkler(
                            &file_stem(&self.files[s[en].posting].path),
                            &file_stem(&self.files[s[fr].posting].path),
                        );
                        if score > best.0 {
                            best = (score, a, b);
                        }
                    }
                }
                let (en, fr) = (rest.remove(best.1), frs_left.remove(best.2));
                push(
                    &mut self.pairs,
                    &mut paired,
                    en,
                    fr,
                    PairedBy::TranslationKey,
                    s,
                );
            }
        }
        // 3. name.en.md ↔ name.fr.md.
        let mut by_stem: BTreeMap<String, (Option<usize>, Option<usize>)> = BTreeMap::new();
        for i in (0..n).filter(|&i| !paired[i]) {
            if let Some((stem, lang)) = suffix_stem(&self.files[s[i].posting].path) {
                let e = by_stem.entry(stem).or_default();
                match lang {
                    Lang::En => e.0 = e.0.or(Some(i)),
                    Lang::Fr => e.1 = e.1.or(Some(i)),
                }
            }
        }
        for (en, fr) in by_stem.values() {
            if let (Some(en), Some(fr)) = (en, fr) {
                push(
                    &mut self.pairs,
                    &mut paired,
                    *en,
                    *fr,
                    PairedBy::FileName,
                    s,
                );
            }
        }
        // 5. The same file name in parallel language folders: `en/jobs/x.md`, `fr/jobs/x.md`
        // (Hugo's translation by content folder).
        type Sides = (Vec<usize>, Vec<usize>);
        let mut by_name: BTreeMap<(&str, String), Sides> = BTreeMap::new();
        for i in (0..n).filter(|&i| !paired[i] && s[i].section.contains('*')) {
            let path = &self.files[s[i].posting].path;
            let e = by_name.entry((&s[i].section, file_stem(path))).or_default();
            match s[i].lang {
                Lang::En => e.0.push(i),
                Lang::Fr => e.1.push(i),
            }
        }
        for (ens, frs) in by_name.values() {
            if let ([en], [fr]) = (ens.as_slice(), frs.as_slice()) {
                push(
                    &mut self.pairs,
                    &mut paired,
                    *en,
                    *fr,
                    PairedBy::FileName,
                    s,
                );
            }
        }
        self.pairs.sort_by_key(|p| {
            (
                &self.files[s[p.en].posting].path,
                &self.files[s[p.fr].posting].path,
            )
        });
        // Duplicates: one language, one key, one folder.
        let mut seen: BTreeMap<(String, String, Lang), usize> = BTreeMap::new();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            self.files[s[a].posting]
                .path
                .cmp(&self.files[s[b].posting].path)
        });
        for &i in &order {
            let Some((key, _)) = &s[i].key else { continue };
            let dir = self.files[s[i].posting]
                .path
                .rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string());
            match seen.get(&(dir.clone(), key.clone(), s[i].lang)) {
                Some(&first) => self.duplicates.push(Duplicate { summary: i, first }),
                None => {
                    seen.insert((dir, key.clone(), s[i].lang), i);
                }
            }
        }
        // Copies: pairs whose two texts are identical to an earlier pair's.
        let mut first_of: BTreeMap<(TextHash, TextHash), usize> = BTreeMap::new();
        let mut copies: Vec<(usize, usize)> = Vec::new();
        for (k, p) in self.pairs.iter().enumerate() {
            match first_of.entry((s[p.en].body, s[p.fr].body)) {
                std::collections::btree_map::Entry::Occupied(first) => {
                    copies.push((*first.get(), k));
                }
                std::collections::btree_map::Entry::Vacant(slot) => {
                    slot.insert(k);
                }
            }
        }
        for (first, copy) in copies {
            self.pairs[first].copies.push(copy);
        }
        // Unpaired: only files that claim a language (a folder, a suffix, `lang:`) expect a
        // counterpart; a profile-less file of unknown purpose does not. A likely counterpart
        // is one of the other language left unpaired in the same section, or with the same id.
        let mut by_section: BTreeMap<(&str, Lang), Vec<usize>> = BTreeMap::new();
        let mut by_id: BTreeMap<(&str, Lang), Vec<usize>> = BTreeMap::new();
        for j in (0..n).filter(|&j| !paired[j]) {
            by_section
                .entry((&*s[j].section, s[j].lang))
                .or_default()
                .push(j);
            for id in s[j].key.iter().map(|k| &k.0).chain(&s[j].lever_id) {
                by_id.entry((id.as_str(), s[j].lang)).or_default().push(j);
            }
        }
        for i in (0..n).filter(|&i| !paired[i]) {
            if self.files[s[i].posting].bilingual
                || s[i]
                    .lang_source
                    .is_none_or(|src| src == LangSource::Detected)
            {
                continue;
            }
            let other = s[i].lang.other();
            let expected = match &s[i].key {
                Some((key, _)) => format!(
                    "{} posting with `translationKey: {key}` in `{}`",
                    article(other),
                    s[i].section.replace('*', other.code())
                ),
                None => format!(
                    "{} posting in `{}`",
                    article(other),
                    s[i].section.replace('*', other.code())
                ),
            };
            let same_id = s[i]
                .key
                .iter()
                .map(|k| &k.0)
                .chain(&s[i].lever_id)
                .filter_map(|id| by_id.get(&(id.as_str(), other)))
                .flatten()
                .min()
                .copied();
            // Scoring every file of a large section against every other would be quadratic:
            // past a few dozen candidates, only a shared id counts.
            let section = by_section
                .get(&(&*s[i].section, other))
                .filter(|c| c.len() <= MAX_LIKELY_CANDIDATES);
            let likely = same_id.or_else(|| {
                section?
                    .iter()
                    .map(|&j| (likeness(&s[i], &s[j], &self.strings), j))
                    .filter(|(score, _)| *score >= 0.6)
                    .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
                    .map(|(_, j)| j)
            });
            self.unpaired.push(Unpaired {
                summary: i,
                expected,
                likely,
            });
        }
        self.summaries = summaries;
    }
}

/// How many unpaired files of a section are scored as likely counterparts of another.
const MAX_LIKELY_CANDIDATES: usize = 64;

/// `an English`, `a French`.
fn article(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "an English",
        Lang::Fr => "a French",
    }
}

/// How likely two unpaired summaries are translations of each other: the same file-name UUID
/// or Lever id, else their keys' likeness and the links they share.
fn likeness(a: &Summary, b: &Summary, strings: &[Arc<str>]) -> f64 {
    let same_key = a.key.is_some() && a.key.as_ref().map(|k| &k.0) == b.key.as_ref().map(|k| &k.0);
    if same_key
        || a.uuid.is_some() && a.uuid == b.uuid
        || a.lever_id.is_some() && a.lever_id == b.lever_id
    {
        return 1.0;
    }
    let keys = match (&a.key, &b.key) {
        (Some((x, _)), Some((y, _))) => strsim::jaro_winkler(x, y),
        _ => 0.0,
    };
    let a_lang = a.lang;
    let (a, b) = (a.stated(), b.stated());
    let most = a.links.len().max(b.links.len());
    let links = if most == 0 {
        0.0
    } else {
        let (en, fr) = if a_lang == Lang::En {
            (&a, &b)
        } else {
            (&b, &a)
        };
        let (only_a, only_b) = unmatched_links(&en.links, &fr.links, strings);
        1.0 - (only_a.len() + only_b.len()) as f64 / (a.links.len() + b.links.len()) as f64
    };
    let facts = if !a.classifications.is_empty() && a.classifications == b.classifications {
        0.2
    } else {
        0.0
    };
    0.4 * keys + 0.6 * links + facts
}

/// Indexes of the links with no counterpart on the other side; `strings` are the links'
/// texts by id.
fn unmatched_links(
    en: &[(ShortHash, u32, Span)],
    fr: &[(ShortHash, u32, Span)],
    strings: &[Arc<str>],
) -> (Vec<usize>, Vec<usize>) {
    let url = |id: u32| &*strings[id as usize];
    let mut en_used = vec![false; en.len()];
    let mut fr_used = vec![false; fr.len()];
    for (i, (t, _, _)) in fr.iter().enumerate() {
        if let Some(j) = (0..en.len()).find(|&j| !en_used[j] && en[j].0 == *t) {
            en_used[j] = true;
            fr_used[i] = true;
        }
    }
    // Pages whose slugs are translated too (`canada.ca/en/…` and `canada.ca/fr/…`, or one host
    // per language) match by host and language; `-eng.aspx` and `lang=eng` links differ only by
    // their marker, so their neutral targets already had to match.
    static MARKER_ONLY: LazyLock<Folded> =
        LazyLock::new(|| Folded::new(r"-(?:eng|fra)\.|[?&](?:lang|language)="));
    // A page linked again (another anchor, the same address) is paired once, by its first link.
    let again =
        |links: &[(ShortHash, u32, Span)], i: usize| links[..i].iter().any(|l| l.0 == links[i].0);
    // Each side's links of a host, in the order the text gives them.
    let mut by_host: BTreeMap<String, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (links, used, lang) in [(en, &en_used, Lang::En), (fr, &fr_used, Lang::Fr)] {
        for (i, &(_, id, _)) in links.iter().enumerate() {
            let target = url(id);
            if used[i]
                || again(links, i)
                || url_language(target) != Some(lang)
                || MARKER_ONLY.is_match(target)
            {
                continue;
            }
            if let Some(h) = host(target) {
                let (e, f) = by_host.entry(h).or_default();
                if lang == Lang::En { e } else { f }.push(i);
            }
        }
    }
    // Where one side links a page more, the two lists are aligned in order, so the page left
    // over is the one whose address is least like its neighbours' counterparts, not the last.
    for (e, f) in by_host.values() {
        for (i, j) in align(e.len(), f.len(), |i, j| {
            path_likeness(url(en[e[i]].1), url(fr[f[j]].1))
        }) {
            en_used[e[i]] = true;
            fr_used[f[j]] = true;
        }
    }
    // Each link then counts as its page's first link does.
    let only = |links: &[(ShortHash, u32, Span)], used: &[bool]| {
        (0..links.len())
            .filter(|&i| {
                let first = links.iter().position(|l| l.0 == links[i].0).unwrap_or(i);
                !used[i] && !used[first]
            })
            .collect()
    };
    (only(en, &en_used), only(fr, &fr_used))
}

/// The pairs `(i, j)` of an order-keeping alignment of two lists of `n` and `m` items that all
/// may pair: as many pairs as the shorter list has items, chosen for the highest total
/// `likeness` (a weighted longest common subsequence).
fn align(n: usize, m: usize, likeness: impl Fn(usize, usize) -> usize) -> Vec<(usize, usize)> {
    // Each pair is worth more than any likeness, so the alignment pairs as many as it can.
    const PAIR: usize = 1 << 16;
    let width = m + 1;
    let mut best = vec![0usize; (n + 1) * width];
    for i in 1..=n {
        for j in 1..=m {
            let paired = best[(i - 1) * width + j - 1] + PAIR + likeness(i - 1, j - 1);
            best[i * width + j] = paired
                .max(best[(i - 1) * width + j])
                .max(best[i * width + j - 1]);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let here = best[i * width + j];
        if here == best[(i - 1) * width + j] {
            i -= 1;
        } else if here == best[i * width + j - 1] {
            j -= 1;
        } else {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

/// How alike two addresses of one site in two languages are, though their words are
/// translated: path segments equal at the same place (`services`, a number), the same depth,
/// the same anchor.
fn path_likeness(a: &str, b: &str) -> usize {
    let (Ok(a), Ok(b)) = (url::Url::parse(a), url::Url::parse(b)) else {
        return 0;
    };
    fn segments(u: &url::Url) -> Vec<&str> {
        u.path_segments()
            .map(|s| s.filter(|s| !s.is_empty()).collect())
            .unwrap_or_default()
    }
    let (x, y) = (segments(&a), segments(&b));
    let same_place = x.iter().zip(&y).filter(|(p, q)| p == q).count();
    let same_anchor = a.fragment().is_some_and(|f| !f.is_empty()) && a.fragment() == b.fragment();
    same_place + usize::from(x.len() == y.len()) + usize::from(same_anchor)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A block hashes as its words in lower case, joined by one space.
        #[test]
        fn blocks_hash_by_their_words(
            text in "[abAÉ é’'\\n\\t\\r\u{a0}\u{2003}\u{3000}\u{b}\u{85}]{0,40}"
        ) {
            let words: Vec<String> = text
                .split_whitespace()
                .map(|w| w.to_lowercase().replace('’', "'"))
                .collect();
            let read = super::super::fold::normalise(&text);
            proptest::prop_assert_eq!(block_hash(&read), ShortHash::of(&words.join(" ")));
        }

        /// Names are read word by word, at each word's first letter or digit.
        #[test]
        fn names_are_words_that_start_with_capitals(text in "[aAÉé1 ,;(\\n\u{a0}]{0,30}") {
            let (mut words, mut names) = (0, 0);
            for word in text.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
                if let Some(first) = word.chars().find(|c| c.is_alphanumeric()) {
                    words += 1;
                    names += usize::from(first.is_uppercase() || first.is_ascii_digit());
                }
            }
            proptest::prop_assert_eq!(is_names(&text), names * 5 >= words * 3);
        }
    }

    /// A summary's links to `urls`, in order.
    fn links(interner: &Interner, urls: &[&str]) -> Vec<(ShortHash, u32, Span)> {
        urls.iter()
            .map(|u| {
                (
                    ShortHash::of(&neutral_target(u)),
                    interner.id(u),
                    Span::default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_page_linked_again_is_paired_by_its_first_link() {
        let interner = Interner::default();
        let side = |urls: &[&str]| links(&interner, urls);
        // Translated slugs pair by host and language; the French page is linked at three of
        // its anchors.
        let en = side(&[
            "https://www.canada.ca/en/treasury-board-secretariat/services/staffing/qualification-standards/core.html#ex",
            "https://www.canada.ca/en/public-service-commission/services/assessment-accommodation-page.html",
        ]);
        let fr = side(&[
            "https://www.canada.ca/fr/secretariat-conseil-tresor/services/dotation/normes-qualification/centrale.html#ex",
            "https://www.canada.ca/fr/secretariat-conseil-tresor/services/dotation/normes-qualification/centrale.html#grade",
            "https://www.canada.ca/fr/secretariat-conseil-tresor/services/dotation/normes-qualification/centrale.html#acceptable",
            "https://www.canada.ca/fr/commission-fonction-publique/services/mesures-d-adaptation-matiere-evaluation.html",
        ]);
        // A page only one side links is still found, at each of its links.
        let more = side(&["https://example.ca/x", "https://example.ca/x#y"]);
        let fr_more = [fr.clone(), more].concat();
        let strings = interner.into_table();
        assert_eq!(unmatched_links(&en, &fr, &strings), (vec![], vec![]));
        assert_eq!(
            unmatched_links(&en, &fr_more, &strings),
            (vec![], vec![4, 5])
        );
    }

    #[test]
    fn a_translated_page_one_side_adds_is_the_one_left_over() {
        let interner = Interner::default();
        let side = |urls: &[&str]| links(&interner, urls);
        let en = side(&[
            "https://www.canada.ca/en/treasury-board-secretariat/services/pay/rates-pay/rates-pay-unrepresented-senior-excluded-employees.html",
            "https://www.canada.ca/en/treasury-board-secretariat/services/staffing/qualification-standards/core.html#ex",
            "https://www.canada.ca/en/public-service-commission/services/assessment-accommodation-page.html",
        ]);
        // The French version links the mandate page too, before the others.
        let fr = side(&[
            "https://www.canada.ca/fr/secretariat-conseil-tresor/organisation/mandat.html",
            "https://www.canada.ca/fr/secretariat-conseil-tresor/services/remuneration/taux-remuneration/taux-remuneration-employes-non-representes-exclus-niveaux-superieurs.html",
            "https://www.canada.ca/fr/secretariat-conseil-tresor/services/dotation/normes-qualification/centrale.html#ex",
            "https://www.canada.ca/fr/commission-fonction-publique/services/mesures-d-adaptation-matiere-evaluation.html",
        ]);
        let strings = interner.into_table();
        assert_eq!(unmatched_links(&en, &fr, &strings), (vec![], vec![0]));
        // Where the English version links a page more (the pay rates), that page is left over.
        assert_eq!(unmatched_links(&en, &fr[2..], &strings), (vec![0], vec![]));
    }

    #[test]
    fn alignment_keeps_order_and_pairs_the_likest() {
        // Items pair when equal (likeness 1); all may pair.
        let a = [1, 2, 3];
        let b = [9, 2, 3, 4];
        let pairs = align(a.len(), b.len(), |i, j| usize::from(a[i] == b[j]));
        assert_eq!(pairs.len(), 3);
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        assert!(pairs.contains(&(1, 1)) && pairs.contains(&(2, 2)));
        assert_eq!(align(0, 3, |_, _| 0), vec![]);
    }

    #[test]
    fn language_markers_are_neutralised() {
        assert_eq!(
            neutral_target(
                "https://www.google.com/url?q=https://www.tbs-sct.gc.ca/agreements-conventions/view-visualiser-fra.aspx?id%3D1&sa=D&source=docs"
            ),
            neutral_target(
                "https://www.tbs-sct.gc.ca/agreements-conventions/view-visualiser-eng.aspx?id=1"
            )
        );
        assert_eq!(
            neutral_target(
                "https://www.tbs-sct.gc.ca/agreements-conventions/view-visualiser-eng.aspx?id=1"
            ),
            neutral_target(
                "https://www.tbs-sct.gc.ca/agreements-conventions/view-visualiser-fra.aspx?id=1"
            )
        );
        assert_eq!(
            neutral_target("https://www.canada.ca/en/services/jobs.html"),
            neutral_target("https://canada.ca/fr/services/jobs.html")
        );
        assert_ne!(
            neutral_target("https://canada.ca/en/a"),
            neutral_target("https://canada.ca/en/b")
        );
        // The host's case and `www.` do not matter; the path's case does.
        assert_eq!(
            neutral_target("http://WWW.Canada.ca/EN/Jobs/"),
            "https://canada.ca/{lang}/Jobs"
        );
        assert_eq!(
            neutral_target("https://www.canada.ca/page?lang=fra"),
            neutral_target("https://canada.ca/page?lang=eng")
        );
        // Anchors differ between a page's versions; the page is what is compared.
        assert_eq!(
            neutral_target("https://www.tbs-sct.gc.ca/view-visualiser-eng.aspx?id=1#toc1226/"),
            neutral_target("https://www.tbs-sct.gc.ca/view-visualiser-fra.aspx?id=1")
        );
    }

    #[test]
    fn a_summary_reads_back_what_was_packed() {
        let text = "---\ntitle: Designer\nlang: en\ntranslationKey: designer\n---\n\n\
            ## About the role\n\nYou will design the services that Canadians use every day, \
            with a team that tests its work with the people who use it.\n\n\
            ## Pay\n\nThe salary is $73,402 to $108,164 per year.\n\n\
            Apply before March 3, 2025 at 11:59 p.m. EST on [our site](https://digital.canada.ca/en/jobs/) \
            or write to Jobs@Example.ca.\n";
        let posting = Posting::parse(
            FileId(3),
            "en/designer.md".into(),
            text.into(),
            &super::super::ProfileChoice::Auto,
        );
        let shared = Interner::default();
        let (_, summaries) = summarise_file(&posting, &shared);
        let corpus = Corpus::new(
            vec![(FileDigest::new(&posting, &shared), summaries)],
            shared,
            &[],
        );
        let summary = &corpus.summaries[0];
        let (shape, stated, blocks) = (summary.shape(), summary.stated(), summary.blocks());
        let body = posting.span(posting.body_start..text.len());
        assert_eq!(
            (shape.clone(), stated.clone(), blocks.clone()),
            detail_of(&posting, Lang::En, body, &Interner::default())
        );
        let headings: Vec<&str> = shape.headings.iter().map(|h| h.1.as_str()).collect();
        assert_eq!(headings, ["About the role", "Pay"]);
        assert_eq!(stated.pay.len(), 1);
        assert_eq!(
            (stated.pay[0].0, stated.pay[0].1),
            (7_340_200, Some(10_816_400))
        );
        assert_eq!(stated.deadlines.len(), 1);
        assert!(
            stated.deadlines[0].0.starts_with("2025-03-03 23:59"),
            "{:?}",
            stated.deadlines
        );
        assert_eq!(stated.links.len(), 1);
        assert_eq!(
            corpus.text(stated.links[0].1),
            "https://digital.canada.ca/en/jobs/"
        );
        assert_eq!(
            &text[stated.links[0].2.range()],
            "https://digital.canada.ca/en/jobs/"
        );
        assert!(stated.emails.contains_key("jobs@example.ca"));
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert!(blocks.iter().all(|b| b.span.file == FileId(3)));
        assert!(shape.headings.iter().all(|h| h.2.file == FileId(3)));
    }

    #[test]
    fn sections_ignore_the_language_folder() {
        assert_eq!(
            section_of("cds/site/en/careers/x.md", Lang::En),
            section_of("cds/site/fr/careers/y.md", Lang::Fr)
        );
        assert_ne!(
            section_of("cds/site/en/careers/x.md", Lang::En),
            section_of("cds/site/fr/jobs/y.md", Lang::Fr)
        );
    }
}
