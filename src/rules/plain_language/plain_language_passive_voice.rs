use std::sync::LazyLock;

use crate::posting::fold::{Folded, WORD};

use crate::posting::Lang;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// English sentences in the passive voice: a form of *to be* followed by a past participle
    /// (`applications will be reviewed`, `you will be expected`): the first three of each
    /// posting, with the count. English only, and info only: the passive is sometimes the right
    /// choice. Participles English uses as adjectives (`you are interested in`, `the post is
    /// fixed term`, `versed in`) are listed in `rules/plain-language/participle-adjectives.txt`
    /// and not reported.
    ///
    /// ## Why it matters
    /// The active voice says who does what, which matters in a job posting ("we will review
    /// your application"). Canada.ca and Ontario.ca both ask for the active voice.
    ///
    /// ## Examples
    /// ```md,bad
    /// Applications will be reviewed by the hiring team.
    /// ```
    /// ```md,good
    /// The hiring team will review your application.
    /// ```
    ///
    /// ## References
    /// Canada.ca Content Style Guide §2.1; Ontario.ca style guide.
    pub static PLAIN_LANGUAGE_PASSIVE_VOICE = Rule {
        id: "plain-language-passive-voice",
        family: Family::PlainLanguage,
        severity: Severity::Info,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

/// A form of *to be*, optionally an adverb, then a past participle (`-ed`, or a common
/// irregular one).
static PASSIVE: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(&format!(
        r"(?-u:\b)(?:am|is|are|was|were|be|been|being)\s+(?:{WORD}+ly\s+)?(?:{WORD}{{3,}}ed|given|taken|made|done|seen|known|shown|written|chosen|held|paid|kept|sent|built|found|told|brought|thought|led|met|put|set|run|won|driven|understood)(?-u:\b)",
    ))
});

/// Participles read as adjectives (`rules/plain-language/participle-adjectives.txt`).
static ADJECTIVES: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    crate::rules::url::data_lines(include_str!(
        "../../../rules/plain-language/participle-adjectives.txt"
    ))
    .collect()
});

/// Passives reported per posting: the first ones show the habit.
const MAX_REPORTED: usize = 3;

fn check(posting: &Posting, cx: &mut Context) {
    let mut found = Vec::new();
    for s in super::sentences(posting) {
        if s.lang != Lang::En {
            continue;
        }
        let folded = &posting.folded(s.block)[s.start..s.start + s.text.len()];
        let Some(m) = PASSIVE.regex().find(folded).map(|m| m.range()) else {
            continue;
        };
        let phrase = &s.text[m.clone()];
        let last = phrase
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_lowercase();
        if ADJECTIVES.contains(last.as_str()) {
            continue;
        }
        // The phrase itself is pointed at, not its whole sentence.
        let block = &posting.markdown.blocks[s.block];
        found.push((
            phrase.to_string(),
            block.source_span(s.start + m.start..s.start + m.end),
        ));
    }
    let total = found.len();
    for (phrase, span) in found.into_iter().take(MAX_REPORTED) {
        let more = if total > MAX_REPORTED {
            format!(" ({total} sentences of this posting are passive)")
        } else {
            String::new()
        };
        cx.report(span, format!("`{phrase}` is in the passive voice{more}"))
            .help("Say who does it: `we will review your application`, not `applications will be reviewed`.");
    }
}
