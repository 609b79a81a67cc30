use crate::posting::redirect;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A link that goes through a redirect wrapper to another address: Google's
    /// `https://www.google.com/url?q=…` (left by links copied from Google Docs or search),
    /// Outlook's Safe Links (`…safelinks.protection.outlook.com/?url=…`, left by links copied
    /// from e-mail), Facebook's `l.facebook.com/l.php?u=…`, LinkedIn's and YouTube's redirects
    /// (list in `rules/url/redirect-wrappers.tsv`).
    ///
    /// ## Why it matters
    /// The reader sees a link to Google or Outlook, not to the page: the wrapper hides where the
    /// link goes, records the click, makes the link long, and stops working when the service
    /// changes (Safe Links are tied to the mailbox that received them). The translation rules
    /// compare the address the wrapper leads to.
    ///
    /// ## Examples
    /// ```md,bad
    /// See the [pay rates](https://www.google.com/url?q=https://www.tbs-sct.canada.ca/agreements-conventions/view-visualiser-eng.aspx?id%3D1&sa=D&source=docs).
    /// ```
    /// ```md,good
    /// See the [pay rates](https://www.tbs-sct.canada.ca/agreements-conventions/view-visualiser-eng.aspx?id=1).
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the fix links to the address the wrapper sends readers to. It is offered when that
    /// address can be written in the link as it is (no spaces, parentheses or angle brackets).
    pub static URL_REDIRECT_WRAPPER = Rule {
        id: "url-redirect-wrapper",
        family: Family::Url,
        severity: Severity::Warning,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for link in posting.urls() {
        let Some(wrapped) = redirect::unwrap(&link.url) else {
            continue;
        };
        let help = posting.in_lang_at(
            link.span.start as usize,
            "Link to the address itself: the redirect hides where the link goes, tracks readers and can stop working.",
            "Faites pointer le lien vers l'adresse elle-même : la redirection cache la destination, suit les lecteurs et peut cesser de fonctionner.",
        );
        let report = cx
            .report(
                link.url_span,
                format!(
                    "this link goes through a redirect at `{}` to `{}`",
                    wrapped.host, wrapped.target
                ),
            )
            .help(help);
        let writable = !wrapped
            .target
            .contains(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>'));
        if writable {
            report.replace(
                Applicability::Safe,
                "Link to the address itself",
                wrapped.target,
            );
        }
    }
}
