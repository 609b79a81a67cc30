use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A line meant as a heading that lost the space after its `#`: `##Vous êtes intéressé?`.
    /// Markdown shows it as a paragraph beginning with `##`.
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
    for block in &posting.markdown.blocks {
        let raw = posting.slice(block.span);
        let hashes = raw.chars().take_while(|c| *c == '#').count();
        if !(1..=6).contains(&hashes) || !raw[hashes..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let line = raw.lines().next().unwrap_or(raw);
        let span = block.span.within(0..line.len());
        cx.report(
            span,
            format!(
                "`{}` is not a heading: a space is missing after `{}`",
                line.trim(),
                &raw[..hashes]
            ),
        )
        .help("Write a space after the `#` signs.")
        .fix(
            Applicability::Safe,
            "Add the space",
            vec![Edit {
                span: block.span.within(hashes..hashes),
                replacement: " ".into(),
            }],
        );
    }
}
