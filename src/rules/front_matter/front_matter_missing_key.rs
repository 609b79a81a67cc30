use crate::posting::SchemaErrorKind;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A key the posting's profile requires but the front matter or metadata block lacks.
    /// The `cds` profile needs `layout`, `title`, `description`, `translationKey`, and either
    /// `archived` or both `linkHidden` and `formHidden`; the `ods` profile needs `Updated`,
    /// `Published`, `Job title`, `Organization` or `Area of government`, `Location`, `Salary`
    /// and `Job term`.
    ///
    /// ## Why it matters
    /// The site template reads these keys: without `translationKey` the page loses its link to
    /// the other language; without `Salary` an Ontario posting breaks the pay-transparency law.
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// layout: job-posting
    /// title: Designer
    /// description: Join the design team.
    /// archived: false
    /// ---
    /// ```
    /// ```md,good
    /// ---
    /// layout: job-posting
    /// title: Designer
    /// description: Join the design team.
    /// archived: false
    /// translationKey: designer
    /// ---
    /// ```
    ///
    /// ## Options
    /// Choose the profile with `profile = "cds" | "ods" | "none" | "<your profile>"` in
    /// `postlint.toml` (by default it is detected per file).
    pub static FRONT_MATTER_MISSING_KEY = Rule {
        id: "front-matter-missing-key",
        family: Family::FrontMatter,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    // A fixed profile applied to a file with no front matter at all: say so once.
    if let Some(profile) = &posting.profile
        && !posting.front_matter.is_present()
    {
        cx.report(posting.span(0..0), "no front matter")
            .help(format!(
                "The `{}` profile expects the posting to open with its keys.",
                profile.name
            ));
        return;
    }
    super::report_schema_errors(posting, cx, SchemaErrorKind::MissingKey);
}
