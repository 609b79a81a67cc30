use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A link with no text (`[](https://…)`) or no address (`[Apply]()`).
    ///
    /// ## Why it matters
    /// A link without text is announced as "link" and nothing more by screen readers (WCAG
    /// 2.4.4); a link without an address goes nowhere.
    ///
    /// ## Examples
    /// ```md,bad
    /// Postulez [ici]() avant la date limite.
    /// ```
    /// ```md,good
    /// [Postulez sur le site d'emplois](https://emplois.exemple.ca/dev) avant la date limite.
    /// ```
    pub static URL_EMPTY_LINK = Rule {
        id: "url-empty-link",
        family: Family::Url,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for link in &posting.markdown.links {
        // An image inside the link gives it its name (its alt text).
        let has_image = posting.markdown.images.iter().any(|i| {
            link.span.start <= i.span.start
                && i.span.end <= link.span.end
                && !i.alt.trim().is_empty()
        });
        if link.url.trim().is_empty() {
            cx.report(
                link.span,
                format!("the link `{}` has no address", link.text.trim()),
            )
            .help("Add the address between the parentheses.");
        } else if link.text.trim().is_empty() && !has_image {
            let image = posting
                .markdown
                .images
                .iter()
                .any(|i| link.span.start <= i.span.start && i.span.end <= link.span.end);
            cx.report(link.span, format!("the link to `{}` has no text", link.url)).help(if image {
                "Give the image alt text that says where the link goes: `[![Apply on GC Jobs](logo.png)](…)`."
            } else {
                "Write between the brackets where the link goes."
            });
        }
    }
}
