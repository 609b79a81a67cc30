//! Source text and positions: byte spans, and the line index that turns them into the
//! 1-based lines and character columns every output format prints.

use std::ops::Range;

/// Index of a file in the run (its position in the sorted list of discovered files).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A byte range in one file. Line and column are computed only when printing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

/// A span is packed (in the corpus summaries) as its start and length, without its file: the
/// reader knows which file it is of and sets it.
impl serde::Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(
            &(self.start, self.end.saturating_sub(self.start)),
            serializer,
        )
    }
}

impl<'de> serde::Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (start, len): (u32, u32) = serde::Deserialize::deserialize(deserializer)?;
        let end = start
            .checked_add(len)
            .ok_or_else(|| serde::de::Error::custom("a span ends past 4 GiB"))?;
        Ok(Span {
            file: FileId::default(),
            start,
            end,
        })
    }
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span {
            file,
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The sub-span `range`, given relative to this span's start.
    pub fn within(self, range: Range<usize>) -> Span {
        Span::new(
            self.file,
            self.start as usize + range.start..self.start as usize + range.end,
        )
    }
}

/// A value and where it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A line and column, both 1-based; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// Byte offsets of line starts, to turn a byte offset into a [`Position`].
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(line_breaks(text).map(|i| i as u32 + 1));
        LineIndex { starts }
    }

    /// 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1)
    }

    /// Byte range of a 0-based line, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts.get(line).map_or(text.len(), |&s| s as usize);
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&s| s as usize - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end.max(start)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line] as usize;
        let column = text[start..offset].chars().count() + 1;
        Position {
            line: line as u32 + 1,
            column: column as u32,
        }
    }
}

/// Offsets of the last byte of each line ending, as CommonMark reads them: `\n`, `\r\n`, and
/// a `\r` alone.
pub fn line_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(move |&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
}

/// The end of the line that starts at `pos`, its line ending included.
pub fn line_end(text: &str, pos: usize) -> usize {
    line_breaks(&text[pos..])
        .next()
        .map_or(text.len(), |i| pos + i + 1)
}

/// Where `part`, a slice of `whole` (a word `split` from it), starts in `whole`.
pub fn offset_in(whole: &str, part: &str) -> usize {
    let at = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    debug_assert!(at + part.len() <= whole.len(), "a slice of the text");
    at
}

/// Where any of four bytes is in `bytes`, in order: memchr looks for three of them and for the
/// fourth side by side, and the bytes between are not read.
pub fn four_bytes(bytes: &[u8], three: [u8; 3], fourth: u8) -> impl Iterator<Item = usize> + '_ {
    let mut of_three = memchr::memchr3_iter(three[0], three[1], three[2], bytes).peekable();
    let mut of_fourth = memchr::memchr_iter(fourth, bytes).peekable();
    std::iter::from_fn(move || match (of_three.peek(), of_fourth.peek()) {
        (Some(a), Some(b)) if a < b => of_three.next(),
        (Some(_), None) => of_three.next(),
        _ => of_fourth.next(),
    })
}

/// The first byte at or after `from` that `wanted` accepts. Runs of sixteen bytes of which
/// none is wanted are skipped at once (a check the compiler turns into vector instructions):
/// fast where wanted bytes are rare, such as capitals in running text.
#[inline]
pub fn find_byte(bytes: &[u8], mut from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    while let Some(chunk) = bytes.get(from..from + 16)
        && !chunk.iter().fold(false, |any, &b| any | wanted(b))
    {
        from += 16;
    }
    Some(from + bytes.get(from..)?.iter().position(|&b| wanted(b))?)
}

/// The character starting at byte `i` of `text` and its length in bytes (ASCII without
/// decoding), or `None` at the end.
#[inline(always)]
pub fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some((char::from(b), 1)),
        _ => text[i..].chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One file's text, as read, with its display path.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub id: FileId,
    /// The path as given on the command line joined with the path found under it, `/`-separated.
    pub path: String,
    pub text: String,
    pub lines: LineIndex,
}

impl SourceFile {
    pub fn new(id: FileId, path: String, text: String) -> Self {
        let lines = LineIndex::new(&text);
        SourceFile {
            id,
            path,
            text,
            lines,
        }
    }

    pub fn span(&self, range: Range<usize>) -> Span {
        Span::new(self.id, range)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn four_bytes_are_found_in_order(bytes in proptest::collection::vec(0u8..8, 0..64)) {
            let wanted = [1, 3, 5, 6];
            let found: Vec<usize> = four_bytes(&bytes, [1, 3, 5], 6).collect();
            let read: Vec<usize> = (0..bytes.len()).filter(|&i| wanted.contains(&bytes[i])).collect();
            proptest::prop_assert_eq!(found, read);
        }
    }

    #[test]
    fn columns_count_characters() {
        let text = "é\nab\r\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 2), Position { line: 1, column: 2 });
        assert_eq!(index.position(text, 4), Position { line: 2, column: 2 });
        assert_eq!(index.position(text, 7), Position { line: 3, column: 1 });
        assert_eq!(index.line_range(text, 1), 3..5);
        // An offset inside a multi-byte character rounds down to its start.
        assert_eq!(index.position(text, 1), Position { line: 1, column: 1 });
    }
}
