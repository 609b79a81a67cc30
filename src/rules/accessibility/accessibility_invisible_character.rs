use crate::posting::source::four_bytes;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Invisible characters in the text: zero-width spaces (U+200B), zero-width joiners and
    /// non-joiners (U+200C, U+200D), word joiners (U+2060), byte-order marks inside the text
    /// (U+FEFF), soft hyphens (U+00AD), direction marks and bidirectional controls (U+200E,
    /// U+200F, U+202A to U+202E, U+2066 to U+2069: they can make text display in another order
    /// than it reads), and the literal entity `&nbsp;` in Markdown text (in HTML, entities are
    /// how HTML is written). A zero-width joiner inside an emoji (`👩‍💻`) is part of it and is
    /// not flagged.
    ///
    /// ## Why it matters
    /// They are pasted in from word processors and web pages and break what looks fine: a list
    /// item or heading that starts with U+200B is not one, search does not find the word, and
    /// screen readers may stumble. `&nbsp;` in Markdown is markup where a no-break space
    /// character (U+00A0) says the same.
    ///
    /// ## Examples
    /// ```md,bad
    /// Salaire&nbsp;: 75 000 $ par année.
    /// ```
    /// ```md,good
    /// Salaire : 75 000 $ par année.
    /// ```
    ///
    /// ## Fix safety
    /// Removing the invisible characters, and writing `&nbsp;` as the character it stands for,
    /// is safe: the visible text does not change.
    pub static ACCESSIBILITY_INVISIBLE_CHARACTER = Rule {
        id: "accessibility-invisible-character",
        family: Family::Accessibility,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Posting(check),
    };
}

/// Characters that take no space and show nothing.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// A zero-width joiner inside an emoji sequence (`👩‍💻`, `🏳️‍🌈`) is part of the emoji.
fn joins_emoji(text: &str, at: usize, c: char) -> bool {
    let pictographic = |d: char| (d as u32) >= 0x2190 && !d.is_alphanumeric() && !is_invisible(d);
    c == '\u{200D}'
        && text[..at].chars().next_back().is_some_and(pictographic)
        && text[at + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(pictographic)
}

fn name(c: char) -> String {
    let known = match c {
        '\u{200B}' => "zero-width space (U+200B)",
        '\u{200C}' => "zero-width non-joiner (U+200C)",
        '\u{200D}' => "zero-width joiner (U+200D)",
        '\u{200E}' => "left-to-right mark (U+200E)",
        '\u{200F}' => "right-to-left mark (U+200F)",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            return format!("bidirectional control character (U+{:04X})", c as u32);
        }
        '\u{2060}' => "word joiner (U+2060)",
        '\u{FEFF}' => "zero-width no-break space (U+FEFF)",
        _ => "soft hyphen (U+00AD)",
    };
    known.to_string()
}

fn check(posting: &Posting, cx: &mut Context) {
    let text = posting.text();
    // A byte-order mark at the very start is `encoding-bom`'s.
    let start = if posting.bom { 3 } else { 0 };
    let md = &posting.markdown;
    let in_code_or_html = |at: usize| {
        md.code
            .iter()
            .chain(&md.html)
            .any(|c| c.range().contains(&at))
    };
    // Every invisible character starts with 0xC2 (U+00AD), 0xE2 (U+200B to U+2069) or 0xEF
    // (U+FEFF), and `&nbsp;` with `&`: the bytes between are not read.
    let mut places = four_bytes(text.as_bytes(), [0xC2, 0xE2, 0xEF], b'&');
    let mut i = start;
    while let Some(at) = places.find(|&at| at >= i) {
        i = at;
        let c = text[i..].chars().next().expect("a character starts here");
        if is_invisible(c) && !joins_emoji(text, i, c) {
            // One finding for a run of invisible characters.
            let mut end = i;
            while let Some(d) = text[end..].chars().next().filter(|d| is_invisible(*d)) {
                end += d.len_utf8();
            }
            let span = posting.span(i..end);
            let count = text[i..end].chars().count();
            let message = if count == 1 {
                format!("invisible {}", name(c))
            } else {
                format!("{count} invisible characters ({} and others)", name(c))
            };
            cx.report(span, message)
                .help("Remove it: it shows nothing and breaks search and Markdown.")
                .replace(Applicability::Safe, "Remove it", "");
            i = end;
            continue;
        }
        // In code, `&nbsp;` is shown as written: it is the code. In HTML (`<p>&nbsp;</p>`),
        // entities are how HTML is written.
        if text[i..].starts_with("&nbsp;") && !in_code_or_html(i) {
            let span = posting.span(i..i + 6);
            cx.report(span, "`&nbsp;` is markup for a no-break space")
                .help("Write the no-break space character (U+00A0) itself, or a plain space.")
                .replace(
                    Applicability::Safe,
                    "Write the no-break space character",
                    "\u{a0}",
                );
            i += 6;
            continue;
        }
        i += c.len_utf8();
    }
}
