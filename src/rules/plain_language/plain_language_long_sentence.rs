use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A sentence of more than 25 words (configurable), in English or French: the three
    /// longest of each posting, with the count of the others. Sentences are split at `.`, `!`
    /// and `?`, not after abbreviations such as `e.g.`, `p.m.`, `M.` or `art.`.
    ///
    /// ## Why it matters
    /// Long sentences are hard to follow, more so for people reading in their second language
    /// or with a screen reader. Canada.ca: "optimal is under 15 to 20 words"; Ontario.ca writes
    /// for a grade 6 reading level.
    ///
    /// ## Examples
    /// ```md,bad
    /// As a senior developer on our platform team you will design, build and run the shared services that product teams across government rely on every day to deliver services that people can trust and use.
    /// ```
    /// ```md,good
    /// As a senior developer on our platform team, you will build shared services. Product teams across government rely on them every day.
    /// ```
    ///
    /// ## Options
    /// `[rules.plain-language-long-sentence] max-words = 25`
    ///
    /// ## References
    /// Canada.ca Content Style Guide §2.1; Ontario.ca style guide.
    pub static PLAIN_LANGUAGE_LONG_SENTENCE = Rule {
        id: "plain-language-long-sentence",
        family: Family::PlainLanguage,
        severity: Severity::Info,
        fix: FixAvailability::Never,
        options: Some(validate_options::<Options>),
        check: Check::Posting(check),
    };
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    #[serde(default = "default_max")]
    max_words: usize,
}

fn default_max() -> usize {
    25
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_words: default_max(),
        }
    }
}

/// The longest sentences reported per posting; the count of the others is in the message.
const MAX_REPORTED: usize = 3;

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<Options>();
    let counts = posting.sentence_counts();
    let mut long: Vec<(usize, super::Sentence)> = super::sentences(posting)
        .into_iter()
        .filter(|s| !s.heading)
        .map(|s| (counts[s.index].words, s))
        .filter(|(words, _)| *words > options.max_words)
        .collect();
    let total = long.len();
    long.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.span.cmp(&b.1.span)));
    for (words, s) in long.into_iter().take(MAX_REPORTED) {
        let help = s.lang.pick(
            "Split it into shorter sentences: one idea per sentence.",
            "Coupez la phrase en deux ou plus : une idée par phrase.",
        );
        let others = if total > MAX_REPORTED {
            format!(
                "; {} sentences of this posting are longer than {}",
                total, options.max_words
            )
        } else {
            String::new()
        };
        cx.report(
            s.span,
            format!(
                "this sentence has {words} words (more than {}){others}",
                options.max_words
            ),
        )
        .help(help);
    }
}
