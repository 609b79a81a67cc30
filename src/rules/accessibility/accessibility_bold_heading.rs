use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A line of bold text alone, used as a heading: `**What you'll do**` on its own line
    /// (ten words at most). A list item's bold label (`- **Administration**` over its own
    /// sub-items) names the item, in the list's structure, and is not reported.
    ///
    /// ## Why it matters
    /// It looks like a heading but is not one: screen readers and the page's outline do not
    /// see it (WCAG 1.3.1 Info and Relationships).
    ///
    /// ## Examples
    /// ```md,bad
    /// **What you'll do**
    ///
    /// Build services with product teams.
    /// ```
    /// ```md,good
    /// ## What you'll do
    ///
    /// Build services with product teams.
    /// ```
    pub static ACCESSIBILITY_BOLD_HEADING = Rule {
        id: "accessibility-bold-heading",
        family: Family::Accessibility,
        severity: Severity::Info,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let md = &posting.markdown;
    for block in &md.blocks {
        if !md.paragraphs.contains(&block.span)
            || md
                .lists
                .iter()
                .any(|l| l.span.start <= block.span.start && block.span.end <= l.span.end)
        {
            continue;
        }
        let raw = posting.slice(block.span).trim();
        let inner = raw
            .strip_prefix("**")
            .and_then(|r| r.strip_suffix("**"))
            .or_else(|| raw.strip_prefix("__").and_then(|r| r.strip_suffix("__")));
        let Some(inner) = inner else { continue };
        // `***Title***` is bold and italic: the title is what is inside both.
        let inner = inner.trim_matches(['*', '_']).trim_end_matches(':').trim();
        let words = inner.split_whitespace().count();
        if inner.is_empty()
            || inner.contains("**")
            || words > 10
            || inner.ends_with(['.', '!', '?'])
        {
            continue;
        }
        cx.report(
            block.span,
            format!("`{inner}` is bold text used as a heading"),
        )
        .help("Make it a heading (`## …`) at the right level.");
    }
}
