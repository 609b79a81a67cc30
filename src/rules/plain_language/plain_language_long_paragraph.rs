use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A paragraph of more than 5 sentences (configurable).
    ///
    /// ## Why it matters
    /// Short paragraphs with one main idea are easier to scan: Ontario.ca uses "one to five
    /// sentences", Canada.ca "no more than three".
    ///
    /// ## Examples
    /// ```md,bad
    /// Nous créons des services. Nous testons avec les gens. Nous travaillons en équipe. Nous publions notre code. Nous apprenons vite. Nous partageons nos leçons.
    /// ```
    /// ```md,good
    /// Nous créons des services. Nous testons avec les gens. Nous travaillons en équipe.
    ///
    /// Nous publions notre code. Nous apprenons vite. Nous partageons nos leçons.
    /// ```
    ///
    /// ## Options
    /// `[rules.plain-language-long-paragraph] max-sentences = 5`
    ///
    /// ## References
    /// Ontario.ca style guide; Canada.ca Content Style Guide §2.6.
    pub static PLAIN_LANGUAGE_LONG_PARAGRAPH = Rule {
        id: "plain-language-long-paragraph",
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
    max_sentences: usize,
}

fn default_max() -> usize {
    5
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_sentences: default_max(),
        }
    }
}

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<Options>();
    let md = &posting.markdown;
    for block in &md.blocks {
        // Paragraphs only: list items and headings are their own units.
        if !md.paragraphs.contains(&block.span) {
            continue;
        }
        let count = crate::posting::sentences::split(&block.text).len();
        if count > options.max_sentences {
            let first_line = posting
                .slice(block.span)
                .find('\n')
                .unwrap_or(block.span.range().len());
            cx.report(
                block.span.within(0..first_line),
                format!(
                    "this paragraph has {count} sentences (more than {})",
                    options.max_sentences
                ),
            )
            .help(posting.in_lang_at(
                block.span.start as usize,
                "Split it: one main idea per paragraph.",
                "Coupez-le : une idée principale par paragraphe.",
            ));
        }
    }
}
