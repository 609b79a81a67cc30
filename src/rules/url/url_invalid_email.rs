use email_address::EmailAddress;

use crate::posting::LinkKind;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A `mailto:` link (or an e-mail autolink) whose address is not a valid e-mail address:
    /// a missing `@`, spaces, a trailing period (`…@tbs-sct.gc.ca.`), two `@`.
    ///
    /// ## Why it matters
    /// The candidate's mail program opens with a wrong address, and the application bounces or
    /// never arrives.
    ///
    /// ## Examples
    /// ```md,bad
    /// Écrivez-nous à [recrutement@exemple.gc.ca.](mailto:recrutement@exemple.gc.ca.).
    /// ```
    /// ```md,good
    /// Écrivez-nous à [recrutement@exemple.gc.ca](mailto:recrutement@exemple.gc.ca).
    /// ```
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
        for one in address.split(',') {
            let decoded: String =
                url::form_urlencoded::parse(format!("a={}", one.replace('+', "%2B")).as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default();
            let email = decoded.trim();
            if email.is_empty() || EmailAddress::is_valid(email) && !email.ends_with('.') {
                continue;
            }
            let d = cx.report(
                link.url_span,
                format!("`{email}` is not a valid e-mail address"),
            );
            let trimmed = email.trim_end_matches('.');
            if email.ends_with('.') && EmailAddress::is_valid(trimmed) {
                d.help("Remove the period at the end: it is not part of the address.");
                let written = posting.slice(link.url_span);
                d.replace(
                    Applicability::Safe,
                    format!("Write `{trimmed}`"),
                    written.trim_end().trim_end_matches('.').to_string(),
                );
            } else {
                d.help("Check the address: it needs one `@` and a domain, and no spaces.");
            }
        }
    }
}
