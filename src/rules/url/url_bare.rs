use crate::posting::LinkKind;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A URL written in running text (`see https://example.ca/jobs`), or a link whose text is
    /// its own URL (`[https://example.ca](https://example.ca)`, `<https://example.ca>`).
    ///
    /// ## Why it matters
    /// Screen readers read URLs out character by character, and a URL says little about where
    /// it leads (WCAG 2.4.4 Link Purpose; Canada.ca style guide §7.3).
    ///
    /// ## Examples
    /// ```md,bad
    /// Consultez https://www.canada.ca/fr/services/emplois.html pour en savoir plus.
    /// ```
    /// ```md,good
    /// Consultez la page [Emplois au gouvernement du Canada](https://www.canada.ca/fr/services/emplois.html).
    /// ```
    pub static URL_BARE = Rule {
        id: "url-bare",
        family: Family::Url,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn same_address(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.trim()
            .trim_start_matches("mailto:")
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_ascii_lowercase()
    };
    norm(a) == norm(b)
}

fn check(posting: &Posting, cx: &mut Context) {
    for link in posting.urls() {
        let message = match link.kind {
            LinkKind::Bare => format!("bare URL `{}` in the text", link.url),
            LinkKind::Autolink if !link.url.starts_with("mailto:") && !link.url.contains('@') => {
                format!("the link shows its URL `{}`", link.url)
            }
            LinkKind::Inline | LinkKind::Reference
                if link.url.contains("://") && same_address(&link.text, &link.url) =>
            {
                format!("the link text is the URL `{}`", link.text.trim())
            }
            _ => continue,
        };
        cx.report(link.span, message)
            .help("Write a link whose text says where it goes, such as `[Government of Canada jobs](https://…)`.");
    }
}
