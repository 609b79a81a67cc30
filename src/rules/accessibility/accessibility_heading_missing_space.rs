use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A line meant as a heading that lost the space after its `#` signs: `##Vous êtes
    /// intéressé?`, at the start of a paragraph or inside one. Markdown shows it as text
    /// beginning with `##`. A single `#` is left alone: it is more often a hashtag.
    ///
    /// ## Why it matters
    /// The section has no heading: readers see stray `#` signs and screen-reader users cannot
    /// jump to it.
    ///
    /// ## Examples
    /// ```md,bad
    /// ##Vous êtes intéressé?
    /// ```
    /// ```md,good
    /// ## Vous êtes intéressé?
    /// ```
    ///
    /// ## Fix safety
    /// Adding the space is safe: it is what the author meant.
    pub static ACCESSIBILITY_HEADING_MISSING_SPACE = Rule {
        id: "accessibility-heading-missing-space",
        family: Family::Accessibility,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let md = &posting.markdown;
    for block in &md.blocks {
        // Paragraphs only: a real heading is not a paragraph, and code is not text.
        if !md.paragraphs.contains(&block.span) {
            continue;
        }
        let raw = posting.slice(block.span);
        let mut offset = 0;
        for line in raw.split_inclusive('\n') {
            let at = offset;
            offset += line.len();
            let line = line.trim_end();
            let indent = line.len() - line.trim_start().len();
            let rest = &line[indent..];
            let hashes = rest.chars().take_while(|c| *c == '#').count();
            // `##Titre`; a single `#` is more often a hashtag (`#GCDigital`) than a lost h1.
            if !(2..=6).contains(&hashes)
                || !rest[hashes..].starts_with(|c: char| c.is_alphanumeric())
            {
                continue;
            }
            let span = block.span.within(at + indent..at + line.len());
            cx.report(
                span,
                format!(
                    "`{}` is not a heading: a space is missing after `{}`",
                    rest,
                    &rest[..hashes]
                ),
            )
            .help("Write a space after the `#` signs, with a blank line before the heading.")
            .fix(
                Applicability::Safe,
                "Add the space",
                vec![Edit {
                    span: block
                        .span
                        .within(at + indent + hashes..at + indent + hashes),
                    replacement: " ".into(),
                }],
            );
        }
    }
}
