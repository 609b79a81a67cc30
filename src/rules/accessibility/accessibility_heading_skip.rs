use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A heading more than one level below the heading before it (`##` then `####`). The
    /// posting's title counts as its `#` when it comes from the front matter (`title:` or
    /// `Job title:`), and each language part of a bilingual file starts afresh.
    ///
    /// ## Why it matters
    /// Screen-reader users move through a page by its headings; a skipped level looks like a
    /// missing section (WCAG 1.3.1 Info and Relationships, 2.4.6 Headings and Labels).
    ///
    /// ## Examples
    /// ```md,bad
    /// # Développeuse
    ///
    /// ## Ce que vous ferez
    ///
    /// #### Vos tâches
    /// ```
    /// ```md,good
    /// # Développeuse
    ///
    /// ## Ce que vous ferez
    ///
    /// ### Vos tâches
    /// ```
    pub static ACCESSIBILITY_HEADING_SKIP = Rule {
        id: "accessibility-heading-skip",
        family: Family::Accessibility,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let headings = &posting.markdown.headings;
    for (i, h) in headings.iter().enumerate() {
        // The first heading of the body is `accessibility-body-below-h2`'s to judge.
        let previous = headings[..i]
            .iter()
            .rev()
            .find(|p| same_part(posting, p.span, h.span));
        // After the `#` title, the first heading is `accessibility-body-below-h2`'s to judge.
        let Some(previous) = previous.filter(|p| p.level > 1) else {
            continue;
        };
        if h.level > previous.level + 1 {
            cx.report(
                h.span,
                format!(
                    "an h{} follows an h{}: level {} is skipped",
                    h.level,
                    previous.level,
                    previous.level + 1
                ),
            )
            .label(previous.span, format!("the h{} before it", previous.level))
            .help(format!(
                "Make this heading an h{}, or add the missing level.",
                previous.level + 1
            ));
        }
    }
}

/// Both spans are in the same language part of the file.
fn same_part(posting: &Posting, a: Span, b: Span) -> bool {
    if !posting.is_bilingual() {
        return true;
    }
    let part = |s: Span| {
        posting
            .segments
            .iter()
            .position(|seg| seg.span.range().contains(&(s.start as usize)))
    };
    part(a) == part(b)
}
