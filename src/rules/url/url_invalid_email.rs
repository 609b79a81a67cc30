use email_address::EmailAddress;

use crate::posting::LinkKind;
use crate::posting::markdown::is_bare_address;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A `mailto:` link (or an e-mail autolink) whose address is not a valid e-mail address:
    /// a missing `@`, spaces, a trailing period (`…@tbs-sct.gc.ca.`), two `@`. And a link to an
    /// e-mail address without `mailto:` (`[écrivez-nous](emplois@exemple.ca)`), which the site
    /// reads as a path to a page (an autolink, `<emplois@exemple.ca>`, needs none).
    ///
    /// ## Why it matters
    /// The candidate's mail program opens with a wrong address, and the application bounces or
    /// never arrives.
    ///
    /// ## Examples
    /// ```md,bad
    /// Écrivez-nous à [recrutement@exemple.gc.ca.](mailto:recrutement@exemple.gc.ca.).
    /// ```
    /// ```md,bad
    /// Send your résumé to [our team](jobs@example.ca).
    /// ```
    /// ```md,good
    /// Écrivez-nous à [recrutement@exemple.gc.ca](mailto:recrutement@exemple.gc.ca).
    /// ```
    ///
    /// ## Fix safety
    /// Removing a period after the address, and adding `mailto:` before an address, is safe:
    /// the link then goes where its text says.
    pub static URL_INVALID_EMAIL = Rule {
        id: "url-invalid-email",
        family: Family::Url,
        severity: Severity::Error,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for link in &posting.markdown.links {
        if link.kind != LinkKind::Autolink && is_bare_address(&link.url) {
            super::report_missing_scheme(posting, cx, link, "mailto:");
            continue;
        }
        let address = match link.url.get(..7) {
            Some(s) if s.eq_ignore_ascii_case("mailto:") => &link.url[7..],
            _ if link.kind == LinkKind::Autolink
                && link.url.contains('@')
                && !link.url.contains("://") =>
            {
                link.url.as_str()
            }
            _ => continue,
        };
        let address = address.split('?').next().unwrap_or("");
        if address.trim().is_empty() {
            cx.report(link.url_span, "the `mailto:` link has no address")
                .help("Write the address after `mailto:`, such as `mailto:jobs@example.ca`.");
            continue;
        }
        for one in address.split(',') {
            let email = decode(one);
            let email = email.trim();
            if email.is_empty() || EmailAddress::is_valid(email) && !email.ends_with('.') {
                continue;
            }
            let d = cx.report(
                link.url_span,
                format!("`{email}` is not a valid e-mail address"),
            );
            let trimmed = email.trim_end_matches('.');
            if !(email.ends_with('.') && EmailAddress::is_valid(trimmed)) {
                d.help("Check the address: it needs one `@` and a domain, and no spaces.");
                continue;
            }
            d.help("Remove the period at the end: it is not part of the address.");
            // Remove the period where it is in the address, and in the link text if it shows it.
            let written = posting.slice(link.url_span);
            let Some(at) = written
                .find(one.trim_end())
                .map(|i| i + one.trim_end().len())
            else {
                continue;
            };
            let dots = one.trim_end().len() - one.trim_end().trim_end_matches('.').len();
            let url_start = link.url_span.start as usize;
            let mut edits = vec![Edit {
                span: posting.span(url_start + at - dots..url_start + at),
                replacement: String::new(),
            }];
            let source = posting.slice(link.span);
            if link.text.trim() == email
                && let Some(text_at) = source
                    .strip_prefix('[')
                    .and_then(|rest| rest.find(email))
                    .map(|i| i + 1)
            {
                let end = link.span.start as usize + text_at + email.len();
                edits.push(Edit {
                    span: posting.span(end - dots..end),
                    replacement: String::new(),
                });
            }
            d.fix(Applicability::Safe, format!("Write `{trimmed}`"), edits);
        }
    }
}

/// Percent-decodes one address of a `mailto:` link.
fn decode(address: &str) -> String {
    url::form_urlencoded::parse(format!("a={}", address.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}
