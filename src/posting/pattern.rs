//! [`Pattern`]: a regular expression that is cheap to build, for the grammars and word
//! patterns postlint compiles on first use.
//!
//! The `regex` crate looks for literals in every expression it builds (a month name, a `$`)
//! to skip through text with SIMD before running its automaton. That search is worth it over
//! megabytes of text, but it is half the cost of building an expression, and a one-file run
//! (a pre-commit hook) builds dozens of expressions to read a few kilobytes. A `Pattern` is the
//! same engine ([`regex_automata::meta`]), built without those prefilters unless the run said
//! it reads many files ([`expect_files`]): then its lazy DFA reads every byte, which costs less
//! over a few postings than the prefilters cost to build. The word lists' Aho-Corasick
//! automata make the same choice ([`automaton_kind`]).
//!
//! Its API is the part of `regex::Regex` postlint uses: `is_match`, `find`, `find_iter`,
//! `captures`, `captures_iter`, with matches ([`Found`]) and groups ([`Caps`]) that borrow the
//! text they were found in.

use std::fmt;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;

/// From how many files a run builds its patterns with literal prefilters: the prefilters of
/// postlint's grammars cost about 17 million instructions to build and save about 0.4 million
/// a posting.
const MANY_FILES: usize = 32;

static MANY_TEXTS: AtomicBool = AtomicBool::new(false);

/// Tells the patterns built from now on how many files the run reads (see the module docs).
pub fn expect_files(files: usize) {
    MANY_TEXTS.store(files >= MANY_FILES, Ordering::Relaxed);
}

/// The kind of Aho-Corasick automaton for postlint's word lists: a DFA reads text in about
/// half the instructions of a contiguous NFA but takes longer to build, which only a run over
/// many files (see [`expect_files`]) pays back.
pub fn automaton_kind() -> aho_corasick::AhoCorasickKind {
    if MANY_TEXTS.load(Ordering::Relaxed) {
        aho_corasick::AhoCorasickKind::DFA
    } else {
        aho_corasick::AhoCorasickKind::ContiguousNFA
    }
}

/// A compiled regular expression, with literal prefilters only for runs over many files (see
/// the module docs).
#[derive(Clone, Debug)]
pub struct Pattern(Regex);

/// Why a pattern does not compile, with the place in it the parser reports.
#[derive(Debug)]
pub struct PatternError(String);

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PatternError {}

impl Pattern {
    /// Compiles a pattern given by a user (a configuration file, a schema).
    pub fn try_new(pattern: &str) -> Result<Pattern, PatternError> {
        Pattern::build(pattern, MANY_TEXTS.load(Ordering::Relaxed))
    }

    /// Compiles one of postlint's own patterns that never gets literal prefilters: one whose
    /// alternatives start with common words (`job`, `les`), where the prefilter stops at
    /// nearly every word and the automaton alone reads faster.
    pub fn scanning(pattern: &str) -> Pattern {
        Pattern::build(pattern, false).unwrap_or_else(|e| panic!("invalid built-in pattern: {e}"))
    }

    fn build(pattern: &str, prefilter: bool) -> Result<Pattern, PatternError> {
        Regex::builder()
            .configure(Regex::config().auto_prefilter(prefilter))
            .build(pattern)
            .map(Pattern)
            .map_err(|e| {
                // The syntax error, when there is one, shows the pattern with a caret.
                let detail = std::error::Error::source(&e)
                    .map_or_else(|| e.to_string(), ToString::to_string);
                PatternError(detail)
            })
    }

    /// Compiles one of postlint's own patterns: an invalid one is a bug the tests catch.
    pub fn new(pattern: &str) -> Pattern {
        Pattern::try_new(pattern).unwrap_or_else(|e| panic!("invalid built-in pattern: {e}"))
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// The first match in `text`.
    pub fn find<'h>(&self, text: &'h str) -> Option<Found<'h>> {
        self.0.find(text).map(|m| Found::new(text, m.range()))
    }

    /// Every match in `text`, in order, without overlaps.
    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Found<'h>> + 'r
    where
        'h: 'r,
    {
        self.0
            .find_iter(text)
            .map(move |m| Found::new(text, m.range()))
    }

    /// The groups of the first match in `text`.
    pub fn captures<'h>(&self, text: &'h str) -> Option<Caps<'h>> {
        let mut caps = self.0.create_captures();
        self.0.captures(text, &mut caps);
        caps.is_match().then_some(Caps { text, caps })
    }

    /// The groups of every match in `text`, in order.
    pub fn captures_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Caps<'h>> + 'r
    where
        'h: 'r,
    {
        self.0
            .captures_iter(text)
            .map(move |caps| Caps { text, caps })
    }
}

/// A pattern read from a configuration file: one that does not compile is an error there,
/// with the parser's message.
impl<'de> serde::Deserialize<'de> for Pattern {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Pattern, D::Error> {
        let pattern = String::deserialize(deserializer)?;
        Pattern::try_new(&pattern).map_err(serde::de::Error::custom)
    }
}

/// A match: where it is in the text it was found in, and what it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    fn new(text: &'h str, range: Range<usize>) -> Found<'h> {
        Found {
            text,
            start: range.start,
            end: range.end,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }
}

/// The groups of one match.
#[derive(Clone, Debug)]
pub struct Caps<'h> {
    text: &'h str,
    caps: Captures,
}

impl<'h> Caps<'h> {
    /// Group `i`: 0 is the whole match.
    pub fn get(&self, i: usize) -> Option<Found<'h>> {
        self.caps
            .get_group(i)
            .map(|s| Found::new(self.text, s.range()))
    }

    /// The group of this name, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Found<'h>> {
        self.caps
            .get_group_by_name(name)
            .map(|s| Found::new(self.text, s.range()))
    }
}

/// `caps[1]`: the text of a group the pattern always matches (a panic otherwise, a bug).
impl<'h> std::ops::Index<usize> for Caps<'h> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i)
            .unwrap_or_else(|| panic!("group {i} did not take part in the match"))
            .as_str()
    }
}

/// `caps["name"]`: the text of a group the pattern always matches.
impl<'h> std::ops::Index<&str> for Caps<'h> {
    type Output = str;

    fn index(&self, name: &str) -> &str {
        self.name(name)
            .unwrap_or_else(|| panic!("group {name} did not take part in the match"))
            .as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_reads_like_a_regex() {
        let date = Pattern::new(r"(?P<month>[a-z]+)\s+(?P<day>[0-9]{1,2})(?P<th>th)?");
        let text = "Closes march 3 or april 14th";
        assert!(date.is_match(text));
        assert!(!date.is_match("no date"));
        let first = date.find(text).unwrap();
        assert_eq!(
            (first.start(), first.end(), first.as_str()),
            (7, 14, "march 3")
        );
        let all: Vec<&str> = date.find_iter(text).map(|m| m.as_str()).collect();
        assert_eq!(all, ["march 3", "april 14th"]);
        let caps: Vec<Caps> = date.captures_iter(text).collect();
        assert_eq!(caps[1].name("day").unwrap().as_str(), "14");
        assert_eq!(caps[1].name("th").unwrap().range(), 26..28);
        assert!(caps[0].name("th").is_none());
        assert_eq!((&caps[0][2], &caps[1]["month"]), ("3", "april"));
        assert_eq!(caps[0].get(0).unwrap().as_str(), "march 3");
        assert!(date.captures("nothing here").is_none());
        assert_eq!(
            date.captures(text).unwrap().name("month").unwrap().as_str(),
            "march"
        );
        // Empty matches step over whole characters.
        let empty: Vec<usize> = Pattern::new("").find_iter("é").map(|m| m.start()).collect();
        assert_eq!(empty, [0, 2]);
    }

    #[test]
    fn prefilters_change_no_match() {
        let source = r"(?-u:\b)(?:closing\s+date|date\s+limite)\s*:\s*(?P<date>[a-z0-9 ]+)";
        let quick = Pattern::new(source);
        expect_files(MANY_FILES);
        let bulk = Pattern::new(source);
        let scanning = Pattern::scanning(source);
        expect_files(1);
        let text = "x closing date: march 3\ndate limite : 3 mars\nclosing dates: none";
        let read = |p: &Pattern| -> Vec<(Range<usize>, String)> {
            p.captures_iter(text)
                .map(|c| (c.get(0).unwrap().range(), c["date"].to_string()))
                .collect()
        };
        assert_eq!(read(&quick).len(), 2);
        assert_eq!(read(&quick), read(&bulk));
        assert_eq!(read(&quick), read(&scanning));
    }

    #[test]
    fn a_bad_pattern_says_where() {
        let error = Pattern::try_new("a(b").unwrap_err().to_string();
        assert!(error.contains("a(b") && error.contains('^'), "{error}");
    }
}
