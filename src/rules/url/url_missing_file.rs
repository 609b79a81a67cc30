use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A relative link (`../benefits.md`, `forms/application.pdf`, `team/`) to a file that
    /// does not exist next to the posting. A link to `page/` also finds `page.md`,
    /// `page/index.md` and `page/_index.md`, as static-site generators do. Links from the site
    /// root (`/en/careers/`) cannot be resolved from the repository and are not checked.
    ///
    /// ## Why it matters
    /// The published link leads to a "page not found".
    ///
    /// ## Examples
    /// ```md,bad
    /// Read about [our benefits](benefits-that-do-not-exist.md).
    /// ```
    /// ```md,good
    /// Read about [our benefits](https://jobs.example.ca/benefits).
    /// ```
    pub static URL_MISSING_FILE = Rule {
        id: "url-missing-file",
        family: Family::Url,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for span in &posting.missing_files {
        cx.report(*span, format!("`{}` does not exist", posting.slice(*span)))
            .help("Check the path: it is relative to the posting's folder.");
    }
}
