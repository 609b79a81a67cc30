//! Property tests: no input makes an extractor or the parser panic, and every range they
//! return lies inside the text, on character boundaries.

use postlint::posting::{FileId, Posting, ProfileChoice, date, salary};
use proptest::prelude::*;

/// Text built from pieces that look like dates, times, zones, money and Markdown, so the
/// grammars get deep, plus arbitrary characters.
fn posting_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("until ".to_string()),
        Just("jusqu'au ".to_string()),
        Just("Wednesday, ".to_string()),
        Just("le mercredi ".to_string()),
        Just("March ".to_string()),
        Just(" mars ".to_string()),
        Just("31".to_string()),
        Just("1er".to_string()),
        Just("th, ".to_string()),
        Just("2021".to_string()),
        Just(" 11:59 pm ".to_string()),
        Just(" 23 h 59 ".to_string()),
        Just("p.m.".to_string()),
        Just("EDT".to_string()),
        Just("(HAE)".to_string()),
        Just("$73,402.00".to_string()),
        Just(" - ".to_string()),
        Just("73 402,00 $".to_string()),
        Just(" à ".to_string()),
        Just(" per year".to_string()),
        Just("/hour".to_string()),
        Just("up to ".to_string()),
        Just("IT-03".to_string()),
        Just("\u{202f}".to_string()),
        Just("\u{a0}".to_string()),
        Just("\n".to_string()),
        Just("---\n".to_string()),
        Just(">Salary: ".to_string()),
        Just("# ".to_string()),
        Just("**".to_string()),
        Just("[x](".to_string()),
        Just("<!-- postlint-disable -->".to_string()),
        Just("Apply by ".to_string()),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn check_range(text: &str, range: &std::ops::Range<usize>) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{range:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{range:?} splits a character"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn date_extractors_never_panic(text in posting_like()) {
        for d in date::find_all(&text) {
            check_range(&text, &d.range);
            let _ = d.understood();
        }
        for d in date::deadlines(&text) {
            if let date::Deadline::Read(d) = d {
                check_range(&text, &d.range);
            }
        }
        let _ = date::parse_value(&text);
    }

    #[test]
    fn pay_extractor_never_panics(text in posting_like()) {
        for p in salary::find_all(&text) {
            check_range(&text, &p.range());
        }
    }

    #[test]
    fn parsing_never_panics(text in posting_like()) {
        let posting = Posting::parse(FileId(0), "fr/poste.md".into(), text.clone(), &ProfileChoice::Auto);
        for d in &posting.facts.deadlines {
            check_range(&text, &d.span.range());
        }
        for p in &posting.facts.pay {
            check_range(&text, &p.span.range());
        }
        for l in &posting.markdown.links {
            check_range(&text, &l.span.range());
            check_range(&text, &l.url_span.range());
        }
        for e in &posting.front_matter.entries {
            check_range(&text, &e.key.span.range());
            check_range(&text, &e.value.span.range());
        }
        let _ = posting.schema_errors();
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        let _ = date::find_all(&text);
        let _ = salary::find_all(&text);
        let _ = Posting::parse(FileId(0), "x.md".into(), text, &ProfileChoice::Auto);
    }
}
