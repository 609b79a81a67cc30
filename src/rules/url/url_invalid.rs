use crate::memo::Memo;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A web address that cannot be parsed (`https://exa mple.ca`, `https://`, `http//site.ca`,
    /// a port that is not a number), one with spaces in it, or a link to `www.…` without
    /// `https://` (read as a path on the posting's own site).
    ///
    /// ## Why it matters
    /// Browsers either refuse the link or guess, and the guess is usually a search for the
    /// text, not the page.
    ///
    /// ## Examples
    /// ```md,bad
    /// [Apply](<https://jobs.example.ca/senior developer>)
    /// ```
    /// ```md,good
    /// [Apply](https://jobs.example.ca/senior-developer)
    /// ```
    pub static URL_INVALID = Rule {
        id: "url-invalid",
        family: Family::Url,
        severity: Severity::Error,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for link in posting.urls() {
        let url = link.url.trim();
        let lower = url.to_ascii_lowercase();
        let web =
            lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("www.");
        // `[…](www.canada.ca/…)` is read as a file path next to the posting.
        if lower.starts_with("www.") && link.kind != crate::posting::LinkKind::Bare {
            super::report_missing_scheme(posting, cx, link, "https://");
            continue;
        }
        if !web && !lower.starts_with("ftp:") {
            // `http//site.ca` lost its colon: say so instead of treating it as a relative path.
            if lower.starts_with("http//") || lower.starts_with("https//") {
                cx.report(
                    link.url_span,
                    format!("`{url}` is missing the `:` after `http`"),
                )
                .help("Write `https://`.");
            }
            continue;
        }
        if url.contains(char::is_whitespace) {
            cx.report(link.url_span, format!("`{url}` has spaces in it"))
                .help("Remove the spaces, or write them as `%20` if the address really has them.");
            continue;
        }
        match parsed(url) {
            Parsed::Invalid(e) => {
                cx.report(
                    link.url_span,
                    format!("`{url}` is not a valid address: {e}"),
                )
                .help("Check the address: copy it again from the browser's address bar.");
            }
            Parsed::NoDomain => {
                cx.report(link.url_span, format!("`{url}` has no domain"))
                    .help("Check the address: a web address has a domain such as `canada.ca`.");
            }
            Parsed::Valid => {}
        }
    }
}

/// What the URL parser says of a web address.
#[derive(Clone, Debug, PartialEq)]
enum Parsed {
    Valid,
    /// Why it is not an address.
    Invalid(String),
    /// A host with no dot that is a name, not `localhost` or an IP address.
    NoDomain,
}

/// [`Parsed`] of `url` (`www.` read as `https://www.`), once a thread for each address:
/// postings link to the same pages again and again.
fn parsed(url: &str) -> Parsed {
    thread_local! {
        static PARSED: std::cell::RefCell<Memo<String, Parsed>> =
            std::cell::RefCell::new(Memo::new(4096));
    }
    PARSED.with_borrow_mut(|memo| memo.get(url, parse))
}

fn parse(url: &str) -> Parsed {
    let parsed = if url.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www.")) {
        url::Url::parse(&format!("https://{url}"))
    } else {
        url::Url::parse(url)
    };
    match parsed {
        Err(e) => Parsed::Invalid(e.to_string()),
        Ok(u)
            if u.host_str()
                .is_none_or(|h| !h.contains('.') && h != "localhost")
                && u.host().is_some_and(|h| matches!(h, url::Host::Domain(_))) =>
        {
            Parsed::NoDomain
        }
        Ok(_) => Parsed::Valid,
    }
}
