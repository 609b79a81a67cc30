use crate::posting::SchemaErrorKind;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A front-matter value of the wrong type for its profile: a list where a string is
    /// expected, `"true"` in quotes where a boolean is expected, and so on.
    ///
    /// ## Why it matters
    /// Templates test `archived` as a boolean: the string `"false"` is true in most template
    /// languages, so the posting silently disappears or stays up.
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// layout: job-posting
    /// title: Développeuse
    /// description: Rejoignez l'équipe.
    /// translationKey: developer
    /// archived: 'false'
    /// ---
    /// ```
    /// ```md,good
    /// ---
    /// layout: job-posting
    /// title: Développeuse
    /// description: Rejoignez l'équipe.
    /// translationKey: developer
    /// archived: false
    /// ---
    /// ```
    pub static FRONT_MATTER_INVALID_TYPE = Rule {
        id: "front-matter-invalid-type",
        family: Family::FrontMatter,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    super::report_schema_errors(posting, cx, SchemaErrorKind::InvalidType);
}
