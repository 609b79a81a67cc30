//! The `>Key: value` metadata block that opens Ontario Digital Service postings, read into
//! the same [`FrontMatter`] entries as YAML.
//!
//! ```text
//! >Updated: February 22, 2022
//! Published: January 15, 2018      <- a lazy continuation line: it lost its `>`
//! >Job title: Experience design co-op
//! ```

use std::sync::LazyLock;

use super::pattern::Pattern;

use super::fold::LETTER;
use super::front_matter::{Entry, FrontMatter, FrontMatterKind, Value};
use super::source::{FileId, Span, Spanned};

/// `Key: value`, where the key is a short label such as `Job title` or `Area of government`
/// (at most [`KEY_CHARS`] characters, counted after the match: a bounded repetition of a
/// Unicode class would cost the regex engine forty copies of it to build).
static KEY_VALUE: LazyLock<Pattern> = LazyLock::new(|| {
    // `LETTER` for `\p{L}`: keys are English and French labels.
    let letters = &LETTER[1..LETTER.len() - 1];
    Pattern::new(&format!(
        r"^(?<key>{LETTER}[{letters} &/()’'-]*?)[ \t]*:[ \t]*(?<value>.*?)[ \t]*$"
    ))
});
const KEY_CHARS: usize = 40;

/// Reads the metadata block at `start` (after blank lines), if the file opens with one.
/// Returns the block and the offset where the Markdown body starts.
pub fn parse(file: FileId, text: &str, start: usize) -> Option<(FrontMatter, usize)> {
    let mut pos = start;
    let mut entries: Vec<Entry> = Vec::new();
    let mut block_start = None;
    let mut block_end = start;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..line_end].trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            if block_start.is_some() {
                break;
            }
            pos = line_end;
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let (marker, content_offset) = match rest.strip_prefix('>') {
            Some(after) => (true, indent + 1 + (after.len() - after.trim_start().len())),
            None => (false, indent),
        };
        // The block must open with `>`; later lines may have lost it.
        if block_start.is_none() && (!marker || indent > 3) {
            return None;
        }
        let content = &line[content_offset..];
        let content_start = pos + content_offset;
        let key_value = KEY_VALUE
            .captures(content)
            .filter(|caps| caps["key"].chars().count() <= KEY_CHARS);
        match key_value {
            Some(caps) => {
                let key = caps.name("key").expect("group");
                let value = caps.name("value").expect("group");
                let key_span =
                    Span::new(file, content_start + key.start()..content_start + key.end());
                let value_span = Span::new(
                    file,
                    content_start + value.start()..content_start + value.end(),
                );
                let value = if value.as_str().is_empty() {
                    Value::Null
                } else {
                    Value::String(value.as_str().to_string())
                };
                entries.push(Entry {
                    key: Spanned::new(key.as_str().to_string(), key_span),
                    value: Spanned::new(value, value_span),
                    missing_marker: !marker,
                });
            }
            None => {
                // A line without a key continues the previous value, as Markdown would join it.
                let last = entries.last_mut()?;
                let extra = content.trim_end();
                if let Value::String(s) = &mut last.value.value {
                    s.push(' ');
                    s.push_str(extra);
                }
                last.value.span.end = (content_start + extra.len()) as u32;
            }
        }
        block_start.get_or_insert(pos);
        block_end = line_end;
        pos = line_end;
    }
    let block_start = block_start?;
    // One `Key: value` line is a quotation that happens to hold a colon, not metadata.
    if entries.len() < 2 {
        return None;
    }
    let fm = FrontMatter {
        kind: FrontMatterKind::Metadata,
        span: Some(Span::new(file, block_start..block_end)),
        entries,
        error: None,
    };
    Some((fm, block_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_and_lazy_lines() {
        let text = "\n>Updated: October 19, 2021\nPublished: October 19, 2021\n> Job title: Director    \n\n### Status\n";
        let (fm, body) = parse(FileId(0), text, 0).unwrap();
        assert_eq!(fm.entries.len(), 3);
        let published = fm.get("published").unwrap();
        assert!(published.missing_marker);
        assert_eq!(&text[published.key.span.range()], "Published");
        let title = fm.get("JOB TITLE").unwrap();
        assert_eq!(&text[title.value.span.range()], "Director");
        assert!(!title.missing_marker);
        assert_eq!(&text[body..], "\n### Status\n");
    }

    #[test]
    fn a_quotation_is_not_metadata() {
        assert!(parse(FileId(0), "> Note: this is a quote\n\nText", 0).is_none());
        assert!(parse(FileId(0), "Title: x\nOther: y\n", 0).is_none());
    }
}
