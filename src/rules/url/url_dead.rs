use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// With `--online` only: a link that answers 4xx or 5xx after its redirects, or does not
    /// answer (timeout, unknown host, TLS error). Without `--online` postlint never touches the
    /// network and this rule reports nothing.
    ///
    /// ## Why it matters
    /// A dead "apply" link loses candidates; a posting is read for months and kept for years.
    ///
    /// ## Examples
    /// ```md,good
    /// [Apply](https://jobs.example.ca/dev)
    /// ```
    ///
    /// ## Options
    /// `--online` turns the network checks on; `--online-timeout SECONDS` (default 10). Results
    /// are cached for a day in `.postlint-cache/links.json`.
    pub static URL_DEAD = Rule {
        id: "url-dead",
        family: Family::Url,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for link in posting.urls() {
        let Some(result) = cx.online(&link.url) else {
            continue;
        };
        if !result.is_dead() {
            continue;
        }
        let why = match (result.status, &result.error) {
            (Some(status), _) => format!("answers {status}"),
            (None, Some(error)) => format!("does not answer ({error})"),
            (None, None) => "does not answer".to_string(),
        };
        let d = cx.report(link.url_span, format!("`{}` {why}", link.url));
        if result.final_url != link.url {
            d.help(format!(
                "It redirects to {}: link to a page that exists.",
                result.final_url
            ));
        } else {
            d.help("Link to a page that exists, or remove the link.");
        }
    }
}
