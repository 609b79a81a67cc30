use std::collections::HashSet;
use std::sync::LazyLock;

use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Words in capitals used for emphasis: `You MAY apply`, `Vous PEUVEZ`, `NOTE`, or three
    /// capitalised words in a row. Abbreviations (`CDS`, `IT-03`) are not flagged here.
    ///
    /// ## Why it matters
    /// Capitals are harder to read, some screen readers spell them out letter by letter, and
    /// they read as shouting. Use bold sparingly instead, or rewrite.
    ///
    /// ## Examples
    /// ```md,bad
    /// You MUST include a cover letter.
    /// ```
    /// ```md,good
    /// Include a cover letter.
    /// ```
    ///
    /// ## Fix safety
    /// Lower-casing the word is safe: the text means the same.
    ///
    /// ## References
    /// Canada.ca Content Style Guide §4.1.
    pub static PLAIN_LANGUAGE_ALL_CAPS = Rule {
        id: "plain-language-all-caps",
        family: Family::PlainLanguage,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Posting(check),
    };
}

static EMPHASIS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::rules::url::data_lines(include_str!(
        "../../../rules/plain-language/emphasis-words.txt"
    ))
    .collect()
});

static WORD: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"[\p{L}\p{N}'’-]+").expect("valid regex"));

fn is_caps_word(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(char::is_uppercase)
}

fn check(posting: &Posting, cx: &mut Context) {
    for block in &posting.markdown.blocks {
        let text = block.text.as_str();
        let mut run: Vec<(usize, usize)> = Vec::new();
        let flush = |run: &mut Vec<(usize, usize)>, cx: &mut Context| {
            // Three words in capitals in a row, each a real word (three letters or more).
            if run.len() >= 3 && run.iter().all(|(s, e)| text[*s..*e].chars().count() >= 3) {
                let span = block.source_span(run[0].0..run[run.len() - 1].1);
                cx.report(
                    span,
                    format!(
                        "`{}` is written in capitals",
                        &text[run[0].0..run[run.len() - 1].1]
                    ),
                )
                .help("Write it in sentence case; use bold for the one word that matters, if any.");
            }
            run.clear();
        };
        for m in WORD.find_iter(text) {
            let piece = m.as_str();
            if !is_caps_word(piece) {
                flush(&mut run, cx);
                continue;
            }
            if EMPHASIS.contains(piece) {
                flush(&mut run, cx);
                let span = block.source_span(m.range());
                let lower = piece.to_lowercase();
                cx.report(
                    span,
                    format!("`{piece}` is written in capitals for emphasis"),
                )
                .help("Write it in lower case; if it matters, say why instead.")
                .replace(Applicability::Safe, format!("Write `{lower}`"), lower);
                continue;
            }
            // A run is words separated by spaces only: `TOGAF, ITIL, COBIT` is a list of names.
            if let Some(&(_, last_end)) = run.last()
                && !text[last_end..m.start()].chars().all(|c| c == ' ')
            {
                flush(&mut run, cx);
            }
            run.push((m.start(), m.end()));
        }
        flush(&mut run, cx);
    }
}
