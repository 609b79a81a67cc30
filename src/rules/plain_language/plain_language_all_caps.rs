use std::collections::HashSet;
use std::sync::LazyLock;

use crate::posting::capitals::Run;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Words in capitals used for emphasis: `You MAY apply`, `Vous PEUVEZ`, `NOTE`, or three
    /// capitalised words in a row. Abbreviations (`CDS`, `IT-03`) are not flagged here. Words in
    /// capitals parted only by punctuation (a paragraph or a heading in capitals) are one
    /// finding.
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
    /// Lower-casing a single emphasis word (`MUST`, `NOTE`) is safe: the text means the same.
    /// Writing a run of capitals in sentence case is unsafe: it may hold a proper noun
    /// (`CANADIAN DIGITAL SERVICE`) that must keep its capitals; apply it with
    /// `--unsafe-fixes` and review the result.
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

/// Shouting: three words or more in capitals, two of them real words (three letters or more),
/// or two words in capitals with an emphasis word among them (`APPLY NOW`).
pub fn is_shouting(text: &str, run: &[(usize, usize)]) -> bool {
    let words = run.iter().map(|(s, e)| &text[*s..*e]);
    let long = words.clone().filter(|w| w.chars().count() >= 3).count();
    (run.len() >= 3 && long >= 2) || (run.len() >= 2 && words.clone().any(|w| EMPHASIS.contains(w)))
}

/// `NOTE` → `Note` at the start of a sentence, `note` elsewhere.
fn lower(text: &str, start: usize, word: &str) -> String {
    let before = text[..start].trim_end();
    // Each sentence of it starts with a capital: at its start, and after `.`, `!` or `?`.
    let mut capital = before.is_empty() || before.ends_with(['.', '!', '?', ':']);
    let mut out = String::with_capacity(word.len());
    let mut after_stop = false;
    for c in word.chars() {
        // `V2.0` goes on: only a stop followed by white space ends a sentence.
        if after_stop {
            capital = c.is_whitespace();
        }
        if c.is_alphabetic() && capital {
            out.extend(c.to_uppercase());
            capital = false;
        } else {
            out.extend(c.to_lowercase());
        }
        after_stop = matches!(c, '.' | '!' | '?');
    }
    out
}

/// Runs of capitals parted by no small letter (`TERMS, CONDITIONS & THE DEPARTMENT’S PAY`)
/// make one group: a line in capitals is one finding, not one per comma.
pub fn groups<'r>(text: &str, runs: &'r [Run]) -> Vec<&'r [Run]> {
    let mut out: Vec<&[Run]> = Vec::new();
    let mut first = 0;
    for i in 1..=runs.len() {
        let parted = runs.get(i).is_none_or(|run| {
            let gap = &text[runs[i - 1][runs[i - 1].len() - 1].1..run[0].0];
            gap.chars().any(char::is_lowercase)
        });
        if parted {
            out.push(&runs[first..i]);
            first = i;
        }
    }
    out
}

/// The message for `written` in capitals; a long one is quoted by its first words.
fn shouted(written: &str) -> String {
    let words: Vec<&str> = written.split_whitespace().collect();
    if words.len() <= 8 {
        return format!("`{written}` is written in capitals");
    }
    format!(
        "`{} …` is written in capitals ({} words)",
        words[..6].join(" "),
        words.len()
    )
}

fn check(posting: &Posting, cx: &mut Context) {
    for (i, block) in posting.markdown.blocks.iter().enumerate() {
        let text = block.text.as_str();
        for group in groups(text, posting.caps_runs(i)) {
            if group.iter().any(|run| is_shouting(text, run)) {
                let (start, end) = (
                    group[0][0].0,
                    group[group.len() - 1].last().expect("a run has a word").1,
                );
                let written = &text[start..end];
                cx.report(
                    block.source_span(start..end),
                    shouted(written),
                )
                .help("Write it in sentence case; use bold for the one word that matters, if any.")
                .replace(
                    Applicability::Unsafe,
                    "Write it in sentence case",
                    lower(text, start, written),
                );
                continue;
            }
            for &(start, end) in group.iter().flatten() {
                let piece = &text[start..end];
                // `MAY 8` is a date.
                let date = || {
                    crate::posting::date::is_date_word(piece)
                        && text[end..]
                            .trim_start()
                            .starts_with(|c: char| c.is_ascii_digit())
                };
                if !EMPHASIS.contains(piece) || date() {
                    continue;
                }
                let fixed = lower(text, start, piece);
                cx.report(
                    block.source_span(start..end),
                    format!("`{piece}` is written in capitals for emphasis"),
                )
                .help("Write it in lower case; if it matters, say why instead.")
                .replace(Applicability::Safe, format!("Write `{fixed}`"), fixed);
            }
        }
    }
}
