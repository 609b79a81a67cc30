use crate::posting::LinkKind;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A URL written in running text (`see https://example.ca/jobs`), or a link whose text is
    /// its own URL (`[https://example.ca](https://example.ca)`, `<https://example.ca>`). A URL
    /// given as an example (after `e.g.`, `for example`, `p. ex.`, `par exemple`) is not.
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
    // Each prefix as many times as it is repeated, as `trim_start_matches` would, without
    // building a substring searcher for each.
    let norm = |s: &str| {
        let mut s = s.trim();
        for prefix in ["mailto:", "https://", "http://", "www."] {
            while let Some(rest) = s.strip_prefix(prefix) {
                s = rest;
            }
        }
        s.trim_end_matches('/').to_ascii_lowercase()
    };
    norm(a) == norm(b)
}

fn check(posting: &Posting, cx: &mut Context) {
    for link in posting.urls() {
        if super::given_as_example(posting, link) {
            continue;
        }
        let message = match link.kind {
            LinkKind::Bare => format!("bare URL `{}` in the text", link.url),
            LinkKind::Autolink if !link.url.starts_with("mailto:") && !link.url.contains('@') => {
                format!("the link shows its URL `{}`", link.url)
            }
            // `[Canada.ca](https://www.canada.ca)` names the site; `[https://…](…)` reads the URL out.
            LinkKind::Inline | LinkKind::Reference
                if link.url.contains("://")
                    && (link.text.contains("://")
                        || link.text.contains('/')
                        || link.text.trim().starts_with("www."))
                    && same_address(&link.text, &link.url) =>
            {
                format!("the link text is the URL `{}`", link.text.trim())
            }
            _ => continue,
        };
        let help = posting.in_lang_at(
            link.span.start as usize,
            "Write a link whose text says where it goes, such as `[Government of Canada jobs](https://…)`.",
            "Écrivez un lien dont le texte dit où il mène, par exemple `[Emplois au gouvernement du Canada](https://…)`.",
        );
        cx.report(link.span, message).help(help);
    }
}
