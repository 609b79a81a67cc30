use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A body whose first heading is below `##`: an `###` or `####` first, when the posting's
    /// title is its `#` (from the front matter, or a `#` heading). ODS postings that open with
    /// `### Current status` are an example.
    ///
    /// ## Why it matters
    /// The page's outline starts with a gap: screen-reader users, who list headings to find
    /// their way, see the first section as nested under a heading that is not there (WCAG
    /// 1.3.1).
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// title: Web editor
    /// ---
    ///
    /// ### Current status
    /// ```
    /// ```md,good
    /// ---
    /// title: Web editor
    /// ---
    ///
    /// ## Current status
    /// ```
    pub static ACCESSIBILITY_BODY_BELOW_H2 = Rule {
        id: "accessibility-body-below-h2",
        family: Family::Accessibility,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let headings = &posting.markdown.headings;
    let starts: Vec<usize> = if posting.is_bilingual() {
        posting
            .segments
            .iter()
            .map(|s| s.span.start as usize)
            .collect()
    } else {
        vec![0]
    };
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(usize::MAX);
        let mine: Vec<_> = headings
            .iter()
            .filter(|h| (h.span.start as usize) >= start && (h.span.start as usize) < end)
            .collect();
        // Skip the part's `#` title; the next heading opens the body.
        let (title_in_body, first) = match mine.first() {
            Some(h) if h.level == 1 => (true, mine.get(1)),
            other => (false, other),
        };
        let Some(first) = first else { continue };
        let has_title = title_in_body
            || posting
                .title
                .as_ref()
                .is_some_and(|t| !posting.markdown.headings.iter().any(|h| h.span == t.span));
        if has_title && first.level > 2 {
            cx.report(
                first.span,
                format!(
                    "the body starts with an h{}, below the title's h1 with no h2 between",
                    first.level
                ),
            )
            .help(
                "Make the first heading of the body an h2 (`##`), and the others follow from it.",
            );
        }
    }
}
