use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Links that use `http://` instead of `https://`.
    ///
    /// ## Why it matters
    /// Plain HTTP can be read and altered on the way; browsers mark such pages "not secure",
    /// which undermines trust in an application link.
    ///
    /// ## Examples
    /// ```md,bad
    /// [Inscrivez-vous aux alertes d'emploi](http://emplois.exemple.ca/alertes).
    /// ```
    /// ```md,good
    /// [Inscrivez-vous aux alertes d'emploi](https://emplois.exemple.ca/alertes).
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the site may not serve HTTPS at the same address; check the link after fixing.
    pub static URL_INSECURE = Rule {
        id: "url-insecure",
        family: Family::Url,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for link in posting.urls() {
        if !link
            .url
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
        {
            continue;
        }
        let written = posting.slice(link.url_span);
        let Some(rest) = written.get(7..) else {
            continue;
        };
        cx.report(link.url_span, format!("`{}` is not encrypted", link.url))
            .help("Use `https://`.")
            .replace(
                Applicability::Unsafe,
                "Use `https://`",
                format!("https://{rest}"),
            );
    }
}
