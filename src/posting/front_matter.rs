//! YAML front matter between leading `---` fences, read with saphyr into [`FrontMatter`]
//! entries that keep the byte span of every key and value.
//!
//! saphyr counts characters; this file is the only one that converts its positions to bytes.

use saphyr::{MarkedYaml, Scalar, ScanError, YamlData, YamlLoader};
use saphyr_parser::Parser;

use super::source::{FileId, Span, Spanned};

/// Aliases have no use in a posting's front matter: a small budget refuses alias bombs at once.
const ALIAS_LIMIT: usize = 1_000;

/// Where the front matter came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FrontMatterKind {
    /// The file has none.
    #[default]
    None,
    /// YAML between `---` fences.
    Yaml,
    /// A `>Key: value` block at the top of the body (Ontario Digital Service postings).
    Metadata,
}

/// A value read from the front matter.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(String),
    Sequence(Vec<Spanned<Value>>),
    Mapping(Vec<Entry>),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// `null`, `~`, nothing at all, or a string of only spaces.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as JSON, for JSON Schema validation.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => (*b).into(),
            Value::Integer(i) => (*i).into(),
            Value::Float(f) => {
                serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
            }
            Value::String(s) => s.as_str().into(),
            Value::Sequence(items) => items.iter().map(|i| i.value.to_json()).collect(),
            Value::Mapping(entries) => entries_to_json(entries),
        }
    }

    /// A short name of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Integer(_) => "integer",
            Value::Float(_) => "number",
            Value::String(_) => "string",
            Value::Sequence(_) => "list",
            Value::Mapping(_) => "mapping",
        }
    }
}

pub fn entries_to_json(entries: &[Entry]) -> serde_json::Value {
    serde_json::Value::Object(
        entries
            .iter()
            .map(|e| (e.key.value.clone(), e.value.value.to_json()))
            .collect(),
    )
}

/// One `key: value` pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: Spanned<String>,
    pub value: Spanned<Value>,
    /// Metadata blocks only: the line does not start with `>` (a lazy continuation line).
    pub missing_marker: bool,
}

/// Why the front matter could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct YamlError {
    pub message: String,
    pub span: Span,
    pub help: Option<String>,
}

/// Front matter or metadata block; empty if the file has none.
#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    pub kind: FrontMatterKind,
    /// The whole block, fences included.
    pub span: Option<Span>,
    pub entries: Vec<Entry>,
    pub error: Option<YamlError>,
}

impl FrontMatter {
    /// The entry for `key`: exact for YAML, case-insensitive for metadata blocks.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        match self.kind {
            FrontMatterKind::Metadata => self
                .entries
                .iter()
                .find(|e| e.key.value.eq_ignore_ascii_case(key)),
            _ => self.entries.iter().find(|e| e.key.value == key),
        }
    }

    pub fn str(&self, key: &str) -> Option<&str> {
        self.get(key)?.value.value.as_str()
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        self.get(key)?.value.value.as_bool()
    }

    pub fn is_present(&self) -> bool {
        self.kind != FrontMatterKind::None
    }
}

/// The fences found at the top of a file.
pub struct Fenced {
    /// Byte range of the YAML between the fences.
    pub inner: std::ops::Range<usize>,
    /// Byte range of the whole block, closing fence and its line ending included.
    pub outer: std::ops::Range<usize>,
    /// The closing fence was found.
    pub closed: bool,
}

/// Finds the `---` fences at the very top of `text` (after `start`, which skips a BOM).
pub fn split(text: &str, start: usize) -> Option<Fenced> {
    let rest = &text[start..];
    let first_end = super::source::line_end(rest, 0);
    if rest[..first_end].trim_end() != "---" {
        return None;
    }
    let inner_start = start + first_end;
    let mut pos = inner_start;
    while pos < text.len() {
        let line_end = super::source::line_end(text, pos);
        let line = text[pos..line_end].trim_end();
        if line == "---" || line == "..." {
            return Some(Fenced {
                inner: inner_start..pos,
                outer: start..line_end,
                closed: true,
            });
        }
        pos = line_end;
    }
    Some(Fenced {
        inner: inner_start..text.len(),
        outer: start..text.len(),
        closed: false,
    })
}

/// Reads the YAML front matter of `text`, if it has one.
pub fn parse(file: FileId, text: &str, start: usize) -> (FrontMatter, usize) {
    let Some(fenced) = split(text, start) else {
        return (FrontMatter::default(), start);
    };
    let mut fm = FrontMatter {
        kind: FrontMatterKind::Yaml,
        span: Some(Span::new(file, fenced.outer.clone())),
        ..FrontMatter::default()
    };
    if !fenced.closed {
        let fence_end = start + 3;
        fm.error = Some(YamlError {
            message: "front matter is not closed".into(),
            span: Span::new(file, start..fence_end),
            help: Some("Add a line `---` after the last front-matter key.".into()),
        });
        // Without its closing fence the whole file would be YAML: read none of it.
        return (fm, text.len());
    }
    let yaml = &text[fenced.inner.clone()];
    let file_line = super::source::line_breaks(&text[..fenced.inner.start]).count();
    let offsets = CharOffsets::new(yaml, fenced.inner.start, file_line);
    match load(yaml) {
        Ok(docs) => match docs.into_iter().next() {
            None => {}
            Some(doc) => match &doc.data {
                YamlData::Mapping(_) => fm.entries = entries(file, &doc, yaml, &offsets),
                YamlData::Value(Scalar::Null) => {}
                _ => {
                    let trimmed = yaml.trim_end().len();
                    fm.error = Some(YamlError {
                        message: "front matter is not a list of `key: value` pairs".into(),
                        span: Span::new(file, fenced.inner.start..fenced.inner.start + trimmed),
                        help: Some("Write one `key: value` pair per line.".into()),
                    })
                }
            },
        },
        Err(err) => fm.error = Some(scan_error(file, yaml, &offsets, &err)),
    }
    (fm, fenced.outer.end)
}

fn load(yaml: &str) -> Result<Vec<MarkedYaml<'_>>, ScanError> {
    let mut parser = Parser::new_from_str(yaml);
    let mut loader = YamlLoader::<MarkedYaml>::default();
    loader.alias_limit(ALIAS_LIMIT);
    parser.load(&mut loader, true)?;
    match loader.error() {
        Some(err) => Err(err.clone()),
        None => Ok(loader.into_documents()),
    }
}

/// Character index → byte offset in the file.
struct CharOffsets {
    base: usize,
    /// 0-based line of the file where the YAML starts.
    file_line: usize,
    /// Byte offset of each character, or empty when the text is ASCII (index = offset).
    table: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    fn new(text: &str, base: usize, file_line: usize) -> Self {
        let table = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(i, _)| i).collect()
        };
        CharOffsets {
            base,
            file_line,
            table,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        let local = if self.table.is_empty() {
            char_index.min(self.len)
        } else {
            self.table.get(char_index).copied().unwrap_or(self.len)
        };
        self.base + local
    }
}

fn scan_error(file: FileId, yaml: &str, offsets: &CharOffsets, err: &ScanError) -> YamlError {
    let start = offsets.byte(err.marker().index());
    let local = start - offsets.base;
    // Point at the rest of the line: the token that could not be read.
    let line_end = yaml[local.min(yaml.len())..]
        .find(['\n', '\r'])
        .map_or(yaml.len(), |i| local + i);
    let token = yaml[local.min(yaml.len())..line_end].trim_end();
    let end = start + token.len();
    let info = err.info();
    let first = token.chars().next();
    let help = if info.contains("duplicated key") {
        Some("Keep one of the two keys: YAML readers disagree on which one wins.".to_string())
    } else if info.contains("alias") {
        Some(
            "Remove the anchors (`&`) and aliases (`*`): front matter does not need them."
                .to_string(),
        )
    } else if matches!(first, Some('@' | '`')) {
        Some(format!(
            "Put the value in quotes: `'{}'`.",
            token.replace('\'', "''")
        ))
    } else if info.contains("mapping values are not allowed") {
        Some("A value that contains `: ` must be put in quotes.".to_string())
    } else {
        None
    };
    if let Some(plain) = plain_cause(yaml, local, info) {
        let range = match plain.at {
            Some(at) => offsets.base + at..offsets.base + at + plain.len,
            None => start..end.max(start + plain.len),
        };
        let range = range.start..range.end.min(offsets.base + yaml.len());
        return YamlError {
            message: plain.message,
            span: Span::new(file, range),
            help: Some(plain.help),
        };
    }
    let message = match first {
        Some('@') if !info.contains("duplicated key") => {
            "invalid YAML: `@` is reserved and cannot start a plain value".to_string()
        }
        Some('`') if !info.contains("duplicated key") => {
            "invalid YAML: a backtick is reserved and cannot start a plain value".to_string()
        }
        _ if info.contains("duplicated key") => {
            let key = token
                .split(':')
                .next()
                .unwrap_or(token)
                .trim()
                .trim_matches(['\'', '"']);
            let first_line = yaml[..local.min(yaml.len())].lines().position(|l| {
                l.trim_start()
                    .trim_start_matches(['\'', '"'])
                    .starts_with(key)
                    && l.contains(':')
            });
            return YamlError {
                message: format!("duplicate key `{key}`"),
                span: Span::new(file, start..end.max(start)),
                help: Some(match first_line {
                    Some(n) => format!(
                        "`{key}` is already set on line {}: keep one of the two, since YAML readers disagree on which one wins.",
                        line_number(offsets, n)
                    ),
                    None => {
                        "Keep one of the two keys: YAML readers disagree on which one wins.".into()
                    }
                }),
            };
        }
        _ => describe_scan_error(info),
    };
    YamlError {
        message,
        span: Span::new(file, start..end.max(start)),
        help,
    }
}

/// A YAML error said in the author's terms, where its cause is a common slip: a key indented
/// under one that has a value, a tab, a quote or a bracket left open.
struct PlainCause {
    message: String,
    help: String,
    /// Where the cause is (a byte offset into the YAML) when it is not where the parser
    /// stopped, and how many bytes to underline there.
    at: Option<usize>,
    len: usize,
}

fn plain_cause(yaml: &str, local: usize, info: &str) -> Option<PlainCause> {
    let local = local.min(yaml.len());
    let line_start = yaml[..local].rfind('\n').map_or(0, |i| i + 1);
    let line = yaml[line_start..].lines().next().unwrap_or("");
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    // The lines above, each with where it starts.
    let above = yaml[..line_start]
        .split_inclusive('\n')
        .scan(0, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l.trim_end_matches(['\n', '\r'])))
        })
        .collect::<Vec<_>>();
    if info.contains("found a tab")
        || info.contains("found character that cannot start any token") && line.starts_with('\t')
    {
        let tab = yaml[line_start..].find('\t').map(|i| line_start + i)?;
        return Some(PlainCause {
            message: "invalid YAML: a tab where YAML expects spaces".into(),
            help: "Indent with spaces: YAML does not allow tabs.".into(),
            at: Some(tab),
            len: 1,
        });
    }
    if info.contains("quoted scalar") {
        return Some(PlainCause {
            message: "invalid YAML: this quote is never closed".into(),
            help: "Close the quote at the end of the value, or remove it.".into(),
            at: None,
            len: 1,
        });
    }
    // A `[` or `{` opened on an earlier line and never closed.
    if info.contains("flow") || info.contains("expected ','") || info.contains("':' indicator") {
        let (start, l) = above
            .iter()
            .rev()
            .find(|(_, l)| l.matches(['[', '{']).count() > l.matches([']', '}']).count())?;
        let open = l.rfind(['[', '{'])?;
        let close = if l.as_bytes()[open] == b'[' { ']' } else { '}' };
        return Some(PlainCause {
            message: format!("invalid YAML: this `{}` is never closed", &l[open..=open]),
            help: format!("Close it with `{close}` on the same line, or quote the value."),
            at: Some(start + open),
            len: 1,
        });
    }
    // `  lang: en` under `title: Developer`: a key indented as if it belonged to the one above.
    if (info.contains("mapping values are not allowed")
        || info.contains("did not find expected key"))
        && let Some((_, previous)) = above.iter().rev().find(|(_, l)| !l.trim().is_empty())
        && indent(line) > indent(previous)
        && let Some((key, value)) = previous.trim().split_once(':')
        && !value.trim().is_empty()
        && line.trim_start().contains(':')
    {
        let this = line.trim_start().split(':').next().unwrap_or_default();
        return Some(PlainCause {
            message: format!(
                "invalid YAML: `{this}` is indented under `{key}`, which already has a value"
            ),
            help: format!(
                "Remove the spaces before `{this}`: keys of one level start in the same column."
            ),
            at: Some(line_start),
            len: line.trim_end().len(),
        });
    }
    None
}

/// The 1-based line in the file of line `n` (0-based) of the YAML.
fn line_number(offsets: &CharOffsets, n: usize) -> usize {
    offsets.file_line + n + 1
}

fn describe_scan_error(info: &str) -> String {
    if info.contains("duplicated key") {
        "duplicate key".into()
    } else if info.contains("alias expansion") {
        "aliases expand to too many values".into()
    } else {
        format!("invalid YAML: {info}")
    }
}

fn span_of(file: FileId, node: &MarkedYaml, offsets: &CharOffsets) -> Span {
    let start = offsets.byte(node.span.start.index());
    let end = offsets.byte(node.span.end.index()).max(start);
    Span::new(file, start..end)
}

fn entries(file: FileId, node: &MarkedYaml, yaml: &str, offsets: &CharOffsets) -> Vec<Entry> {
    let YamlData::Mapping(map) = &node.data else {
        return Vec::new();
    };
    map.iter()
        .map(|(k, v)| Entry {
            key: Spanned::new(
                key_text(k),
                trim_span(span_of(file, k, offsets), yaml, offsets.base),
            ),
            value: value(file, v, yaml, offsets),
            missing_marker: false,
        })
        .collect()
}

fn key_text(node: &MarkedYaml) -> String {
    match &node.data {
        YamlData::Value(s) => scalar_text(s),
        _ => String::from("?"),
    }
}

fn scalar_text(s: &Scalar) -> String {
    match s {
        Scalar::Null => "null".into(),
        Scalar::Boolean(b) => b.to_string(),
        Scalar::Integer(i) => i.to_string(),
        Scalar::FloatingPoint(f) => f.to_string(),
        Scalar::String(s) => s.to_string(),
    }
}

fn value(file: FileId, node: &MarkedYaml, yaml: &str, offsets: &CharOffsets) -> Spanned<Value> {
    let span = trim_span(span_of(file, node, offsets), yaml, offsets.base);
    let value = match &node.data {
        YamlData::Value(Scalar::Null) => Value::Null,
        YamlData::Value(Scalar::Boolean(b)) => Value::Bool(*b),
        YamlData::Value(Scalar::Integer(i)) => Value::Integer(*i),
        YamlData::Value(Scalar::FloatingPoint(f)) => Value::Float(f.into_inner()),
        YamlData::Value(Scalar::String(s)) => Value::String(s.to_string()),
        YamlData::Sequence(items) => Value::Sequence(
            items
                .iter()
                .map(|i| value(file, i, yaml, offsets))
                .collect(),
        ),
        YamlData::Mapping(_) => Value::Mapping(entries(file, node, yaml, offsets)),
        YamlData::Tagged(_, inner) => return value(file, inner, yaml, offsets),
        _ => Value::Null,
    };
    Spanned::new(value, span)
}

/// saphyr ends some spans after the line break that closes them: keep spans on their text.
fn trim_span(span: Span, yaml: &str, base: usize) -> Span {
    let (start, end) = (span.start as usize - base, span.end as usize - base);
    let Some(slice) = yaml.get(start..end) else {
        return span;
    };
    let trimmed = slice.trim_end_matches(['\n', '\r']);
    span.within(0..trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(text: &str) -> FrontMatter {
        parse(FileId(0), text, 0).0
    }

    #[test]
    fn keys_and_values_keep_byte_spans() {
        let text = "---\ntitle: 'Agent·e '\narchived: true\nleverId: 191b\n---\nbody";
        let fm = fm(text);
        assert!(fm.error.is_none());
        let title = fm.get("title").unwrap();
        assert_eq!(&text[title.key.span.range()], "title");
        assert_eq!(title.value.value, Value::String("Agent·e ".into()));
        assert_eq!(&text[title.value.span.range()], "'Agent·e '");
        let lever = fm.get("leverId").unwrap();
        assert_eq!(&text[lever.value.span.range()], "191b");
        assert_eq!(fm.bool("archived"), Some(true));
    }

    #[test]
    fn syntax_error_points_at_the_token() {
        let text = "---\ncreated-on: 2021-06-11\nowner: @someone\n---\n";
        let fm = fm(text);
        let err = fm.error.unwrap();
        assert_eq!(&text[err.span.range()], "@someone");
        assert!(err.help.unwrap().contains("'@someone'"));
    }

    #[test]
    fn duplicate_keys_and_alias_bombs_are_refused() {
        let dup = fm("---\na: 1\na: 2\n---\n");
        assert_eq!(dup.error.unwrap().message, "duplicate key `a`");
        let mut bomb = String::from("---\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            bomb.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        bomb.push_str("---\n");
        let started = std::time::Instant::now();
        let err = fm(&bomb).error.unwrap();
        assert!(err.message.contains("alias"), "{}", err.message);
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn common_slips_are_explained() {
        for (yaml, message, underlined) in [
            (
                "---\ntitle: Developer\n  lang: en\n---\n",
                "`lang` is indented under `title`, which already has a value",
                "  lang: en",
            ),
            (
                "---\ntitle: Developer\n\tlang: en\n---\n",
                "a tab where YAML expects spaces",
                "\t",
            ),
            (
                "---\ntitle: \"Developer\nlang: en\n---\n",
                "this quote is never closed",
                "\"Developer",
            ),
            (
                "---\ntags: [a, b\nlang: en\n---\n",
                "this `[` is never closed",
                "[",
            ),
        ] {
            let err = fm(yaml).error.unwrap_or_else(|| panic!("{yaml:?}"));
            assert_eq!(err.message, format!("invalid YAML: {message}"), "{yaml:?}");
            assert_eq!(&yaml[err.span.range()], underlined, "{yaml:?}");
        }
        // A value with `: ` in it keeps its own help.
        let err = fm("---\ntitle: Developer: Backend\n---\n").error.unwrap();
        assert!(err.help.unwrap().contains("quotes"));
    }

    #[test]
    fn unterminated_front_matter() {
        let fm = fm("---\ntitle: x\n\nbody\n");
        assert_eq!(fm.error.unwrap().message, "front matter is not closed");
    }

    #[test]
    fn crlf_fences() {
        let text = "---\r\ntitle: x\r\n---\r\nbody";
        let (fm, body) = parse(FileId(0), text, 0);
        assert!(fm.error.is_none());
        assert_eq!(&text[fm.get("title").unwrap().value.span.range()], "x");
        assert_eq!(&text[body..], "body");
    }
}
