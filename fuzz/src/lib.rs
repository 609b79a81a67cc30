//! What each fuzz target runs, with the invariants it checks. Shared by the fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and by the regression test of the root crate
//! (`tests/fuzz_regressions.rs`, which includes this file), so a saved input is replayed through
//! exactly the same calls and assertions.
//!
//! Every function takes the fuzzer's bytes and returns nothing: a panic is the finding. Besides
//! "does not panic", they assert what the rest of postlint relies on: every byte range returned
//! lies inside the text, on character boundaries, and points at what it claims to.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use postlint::Settings;
use postlint::posting::date::{self, DateText, Deadline};
use postlint::posting::front_matter::{self, Entry, FrontMatterKind, Value};
use postlint::posting::salary::{self, PayText};
use postlint::posting::{FileId, Posting, ProfileChoice, Span, Spanned, metadata, sentences};

const BOM: &str = "\u{feff}";

/// The date every fuzzed lint run treats as today.
const TODAY: (i16, i8, i8) = (2026, 11, 23);

/// A folder that does not exist: links to relative files and translation counterparts are
/// looked up there, so the file system around the fuzzer never changes a run.
const ROOT: &str = "/nonexistent-postlint-fuzz";

/// Built-in settings (every rule on), a fixed today, no network.
static SETTINGS: LazyLock<Settings> = LazyLock::new(|| {
    let (y, m, d) = TODAY;
    Settings::builtin(Path::new(ROOT), jiff::civil::date(y, m, d))
});

/// Where the text of a target goes: after an optional byte-order mark, as `Posting::parse`.
fn start_of(text: &str) -> usize {
    if text.starts_with(BOM) { BOM.len() } else { 0 }
}

#[track_caller]
fn check_range(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what}: {range:?} outside the {} bytes of the text",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: {range:?} splits a character of {:?}",
        text.get(range.start.saturating_sub(4)..(range.end + 4).min(text.len()))
    );
}

#[track_caller]
fn check_span(text: &str, span: Span, what: &str) {
    assert_eq!(span.file, FileId(0), "{what}: {span:?} is in another file");
    check_range(text, &span.range(), what);
}

#[track_caller]
fn check_inside(outer: &Range<usize>, inner: &Range<usize>, what: &str) {
    assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what}: {inner:?} is not inside {outer:?}"
    );
}

fn check_entries(text: &str, entries: &[Entry], block: Option<Span>) {
    for e in entries {
        check_span(text, e.key.span, "front-matter key");
        check_span(text, e.value.span, "front-matter value");
        if let Some(block) = block {
            check_inside(&block.range(), &e.key.span.range(), "front-matter key");
            check_inside(&block.range(), &e.value.span.range(), "front-matter value");
        }
        check_value(text, &e.value, block);
    }
}

fn check_value(text: &str, value: &Spanned<Value>, block: Option<Span>) {
    let _ = (
        value.value.to_json(),
        value.value.type_name(),
        value.value.is_empty(),
    );
    match &value.value {
        Value::Sequence(items) => {
            for item in items {
                check_span(text, item.span, "front-matter list item");
                if let Some(block) = block {
                    check_inside(&block.range(), &item.span.range(), "front-matter list item");
                }
                check_value(text, item, block);
            }
        }
        Value::Mapping(entries) => check_entries(text, entries, block),
        _ => {}
    }
}

/// `front_matter`: the YAML front matter between `---` fences.
pub fn front_matter(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let start = start_of(text);
    let fenced = front_matter::split(text, start);
    if let Some(f) = &fenced {
        check_range(text, &f.inner, "fence inner");
        check_range(text, &f.outer, "fence outer");
        check_inside(&f.outer, &f.inner, "fence inner");
    }
    let (fm, body) = front_matter::parse(FileId(0), text, start);
    check_range(text, &(start..body), "front-matter body start");
    assert_eq!(
        fm.is_present(),
        fenced.is_some(),
        "fences found but no front matter"
    );
    if let Some(span) = fm.span {
        check_span(text, span, "front-matter block");
        assert_eq!(
            span.end as usize, body,
            "the body does not follow the block"
        );
    }
    if let Some(err) = &fm.error {
        check_span(text, err.span, "front-matter error");
        assert!(!err.message.is_empty(), "empty error message");
    }
    if fm.kind == FrontMatterKind::None {
        assert!(fm.entries.is_empty() && fm.error.is_none() && body == start);
    }
    check_entries(text, &fm.entries, fm.span);
    for e in &fm.entries {
        let _ = (
            fm.get(&e.key.value),
            fm.str(&e.key.value),
            fm.bool(&e.key.value),
        );
    }
    let _ = front_matter::entries_to_json(&fm.entries);
}

/// `metadata_block`: the `>Key: value` block that opens Ontario postings.
pub fn metadata_block(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let start = start_of(text);
    let Some((fm, body)) = metadata::parse(FileId(0), text, start) else {
        return;
    };
    check_range(text, &(start..body), "metadata body start");
    assert_eq!(fm.kind, FrontMatterKind::Metadata);
    assert!(fm.entries.len() >= 2, "a block of fewer than two entries");
    assert!(fm.error.is_none());
    let block = fm.span.expect("a metadata block has a span");
    check_span(text, block, "metadata block");
    assert_eq!(
        block.end as usize, body,
        "the body does not follow the block"
    );
    check_entries(text, &fm.entries, Some(block));
    for e in &fm.entries {
        assert_eq!(
            &text[e.key.span.range()],
            e.key.value,
            "the key span does not hold the key"
        );
        assert!(
            fm.get(&e.key.value).is_some(),
            "an entry its key does not find"
        );
    }
}

fn check_date(text: &str, d: &DateText, contained: bool) {
    check_range(text, &d.range, "date");
    assert!(!d.range.is_empty(), "empty date");
    let parts = [
        d.weekday.as_ref().map(|w| w.1.clone()),
        d.time.as_ref().map(|t| t.1.clone()),
        d.zone.as_ref().map(|z| z.1.clone()),
        d.ordinal.clone(),
    ];
    for part in parts.iter().flatten() {
        check_range(text, part, "part of a date");
        if contained {
            check_inside(&d.range, part, "part of a date");
        }
    }
    assert!(
        (1..=12).contains(&d.month) || d.iso,
        "month {} read",
        d.month
    );
    if let Some(date) = d.date {
        assert_eq!(
            (Some(date.year()), date.month(), date.day()),
            (d.year, d.month, d.day)
        );
    }
    let understood = d.understood();
    assert!(!understood.is_empty());
    let _ = d.datetime();
    let _ = date::month_name(d.lang, d.month);
    if let Some((weekday, _)) = &d.weekday {
        let _ = date::weekday_name(d.lang, *weekday);
    }
    if let Some((zone, _)) = &d.zone {
        let _ = (
            date::zone_variant(zone, true),
            date::zone_translation(zone),
            date::zone_offset(zone).map(date::format_offset),
        );
        if let (Some((tz, _)), Some(day)) = (date::zone_info(zone), d.date) {
            let time = d
                .time
                .as_ref()
                .map_or(jiff::civil::Time::midnight(), |t| t.0);
            let _ = (date::offset_at(tz, day, time), date::is_dst(tz, day, time));
        }
    }
}

/// `closing_date`: the date grammar, on a sentence or a value.
pub fn closing_date(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let all = date::find_all(text);
    for (i, d) in all.iter().enumerate() {
        check_date(text, d, true);
        if let Some(next) = all.get(i + 1) {
            assert!(
                d.range.end <= next.range.start,
                "overlapping dates {d:?} {next:?}"
            );
        }
    }
    for deadline in date::deadlines(text) {
        match deadline {
            Deadline::Read(d) => {
                check_date(text, &d, false);
                assert!(
                    all.iter().any(|f| f.range == d.range),
                    "a deadline that find_all did not find"
                );
            }
            Deadline::Unreadable { range, hint } => {
                check_range(text, &range, "unreadable deadline");
                assert!(!hint.is_empty() && text.contains(&hint));
            }
        }
    }
    if let Some(d) = date::parse_value(text) {
        check_date(text, &d, true);
    }
    let _ = date::says_no_deadline(text);
}

/// `exact`: the ranges are into the text that was searched, not mapped back through Markdown
/// (where `[IT-]()6` is read `IT-6`, and its range covers the link's markup).
fn check_pay(text: &str, p: &PayText, exact: bool) {
    let whole = p.range();
    check_range(text, &whole, "pay");
    assert!(!whole.is_empty(), "empty pay");
    match p {
        PayText::Amounts(pay) => {
            let mut parts = vec![pay.min.range.clone()];
            parts.extend(pay.max.as_ref().map(|a| a.range.clone()));
            parts.extend(pay.separator.as_ref().map(|s| s.1.clone()));
            parts.extend(pay.period.as_ref().map(|s| s.1.clone()));
            parts.extend(pay.open_ended.as_ref().map(|s| s.1.clone()));
            for part in &parts {
                check_range(text, part, "part of a pay statement");
                check_inside(&whole, part, "part of a pay statement");
            }
            for amount in std::iter::once(&pay.min).chain(&pay.max) {
                assert!(amount.cents >= 0, "negative pay {}", amount.cents);
                let _ = amount.dollars();
            }
            if let Some(max) = &pay.max {
                assert!(pay.min.range.end <= max.range.start, "max before min");
            }
            if let Some((period, _)) = pay.period {
                let _ = (period.per_year(), period.name(), period.french());
            }
        }
        PayText::Classification { code, range } if exact => {
            assert_eq!(&text[range.clone()], code, "the code is not where it says")
        }
        PayText::Classification { .. } => {}
        PayText::Vague { .. } => {}
    }
    let same = p.clone().map(&|r: Range<usize>| r);
    assert_eq!(&same, p);
}

/// `pay`: the pay grammar, on a whole text and on each line as a value alone (a `Salary:` key).
pub fn pay(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let found = salary::find_all(text);
    for p in &found {
        check_pay(text, p, true);
    }
    assert!(
        found.is_sorted_by_key(|p| p.range().start),
        "pay not in order"
    );
    if text.contains('\n') {
        for line in text.lines() {
            for p in salary::find_all(line) {
                check_pay(line, &p, true);
            }
        }
    }
}

/// `posting`: a whole file into the model every rule reads.
pub fn posting(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let path = if first & 1 == 0 {
        "en/posting.md"
    } else {
        "fr/poste.md"
    };
    let posting = Posting::parse(FileId(0), path.into(), text.into(), &ProfileChoice::Auto);
    let len = text.len();
    check_range(text, &(posting.body_start..len), "body");
    let fm = &posting.front_matter;
    if let Some(span) = fm.span {
        check_span(text, span, "front-matter block");
    }
    if let Some(err) = &fm.error {
        check_span(text, err.span, "front-matter error");
    }
    check_entries(text, &fm.entries, fm.span);

    let md = &posting.markdown;
    for h in &md.headings {
        check_span(text, h.span, "heading");
        assert!((1..=6).contains(&h.level));
    }
    for s in &md.sections {
        check_span(text, s.span, "section");
        assert!(s.heading.is_none_or(|h| h < md.headings.len()));
    }
    for l in &md.lists {
        check_span(text, l.span, "list");
        for item in &l.items {
            check_span(text, *item, "list item");
        }
    }
    for l in md.links.iter().chain(&md.bare_urls) {
        check_span(text, l.span, "link");
        check_span(text, l.url_span, "link URL");
        let _ = l.host();
    }
    for i in &md.images {
        check_span(text, i.span, "image");
    }
    let spans = [
        (&md.paragraphs, "paragraph"),
        (&md.prose, "prose"),
        (&md.html, "HTML"),
        (&md.code, "code"),
        (&md.breaks, "thematic break"),
    ];
    for (list, what) in spans {
        for s in list {
            check_span(text, *s, what);
        }
    }
    for b in &md.blocks {
        check_span(text, b.span, "text block");
        check_span(text, b.source_span(0..b.text.len()), "text block source");
        for sentence in sentences::split(&b.text) {
            check_range(&b.text, &sentence, "sentence");
            check_span(text, b.source_span(sentence), "sentence source");
        }
    }

    for s in &posting.segments {
        check_span(text, s.span, "language segment");
    }
    if let Some(t) = &posting.title {
        check_span(text, t.span, "title");
    }

    let facts = &posting.facts;
    for d in &facts.deadlines {
        check_span(text, d.span, "deadline");
        check_date(text, &d.value, false);
    }
    for d in facts.published.iter().chain(&facts.updated) {
        check_span(text, d.span, "publication date");
        check_date(text, &d.value, false);
    }
    for u in &facts.unreadable_deadlines {
        check_span(text, u.span, "unreadable deadline");
    }
    for s in facts.no_deadline.iter().chain(&facts.closed_status) {
        check_span(text, *s, "status");
    }
    for p in &facts.pay {
        check_span(text, p.span, "pay");
        check_pay(text, &p.value, false);
    }
    for u in &facts.unreadable_pay {
        check_span(text, u.span, "unreadable pay");
    }

    for e in posting.schema_errors() {
        check_span(text, e.span, "schema error");
        assert!(!e.message.is_empty());
    }
    let _ = (
        posting.is_open(),
        posting.is_bilingual(),
        posting.urls(),
        posting.lang_at(posting.body_start),
        posting.prose_sample(0..len),
    );
}

/// The file names a lint run may see, chosen by the first byte: the language comes from
/// the folder or the suffix, or from the text.
const NAMES: [&str; 4] = [
    "en/posting.md",
    "fr/poste.md",
    "jobs/poste.fr.md",
    "posting.md",
];

/// `lint`: the whole lint of one file, from bytes that need not be UTF-8; then the JSON
/// report and the fixes.
pub fn lint(data: &[u8]) {
    let name = NAMES[data.first().map_or(0, |b| usize::from(b % 4))];
    let path = PathBuf::from(ROOT).join(name);
    let run = postlint::lint_text(path, data.to_vec(), &SETTINGS);
    assert_eq!(run.files.len(), 1, "one file in, one file out");
    let source = run.source(FileId(0));
    assert!(
        data.starts_with(source.text.as_bytes()),
        "the text read is not the file's"
    );
    let text = source.text.as_str();
    let lines = source.lines.line_count();
    let check = |span: Span, what: &str| {
        check_span(text, span, what);
        for offset in [span.start, span.end] {
            let p = source.position(offset as usize);
            assert!(
                p.line >= 1 && p.line as usize <= lines,
                "{what}: line {} of {lines}",
                p.line
            );
            // The line as written, with a `\r` before its `\n` if it has one.
            let start = source.lines.line_range(text, p.line as usize - 1).start;
            let line = text[start..].split('\n').next().unwrap_or("");
            assert!(
                p.column >= 1 && p.column as usize <= line.chars().count() + 1,
                "{what}: column {} of a line of {} characters",
                p.column,
                line.chars().count()
            );
        }
    };
    for d in &run.diagnostics {
        check(d.span, d.rule);
        assert!(!d.message.is_empty(), "{}: empty message", d.rule);
        for l in &d.labels {
            check(l.span, d.rule);
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            check(e.span, d.rule);
        }
    }
    let mut json = Vec::new();
    postlint::report::write(
        postlint::report::Format::Json,
        &run,
        postlint::report::Options::default(),
        &mut json,
    )
    .expect("writing to memory");
    assert!(json.starts_with(b"{"));
    for fix in postlint::fix::plan(&run, true) {
        assert_eq!(fix.original, text);
    }
}
