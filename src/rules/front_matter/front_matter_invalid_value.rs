use crate::posting::SchemaErrorKind;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A front-matter value its profile does not allow: a `layout` other than `job-posting`, an
    /// `Updated` date not written as `Month DD, YYYY`, or any other constraint of a JSON Schema
    /// profile (enumerations, patterns, formats, lengths).
    ///
    /// ## Why it matters
    /// The site renders the posting with the wrong template, or shows a date readers and
    /// tools cannot parse.
    ///
    /// ## Examples
    /// ```md,bad
    /// >Updated: 2022-02-22
    /// >Published: January 15, 2022
    /// >Job title: Policy co-op
    /// >Area of government: Ontario Digital Service
    /// >Location: Toronto
    /// >Salary: $669.56 - $891.30 weekly
    /// >Job term: Temporary, four months
    /// ```
    /// ```md,good
    /// >Updated: February 22, 2022
    /// >Published: January 15, 2022
    /// >Job title: Policy co-op
    /// >Area of government: Ontario Digital Service
    /// >Location: Toronto
    /// >Salary: $669.56 - $891.30 weekly
    /// >Job term: Temporary, four months
    /// ```
    pub static FRONT_MATTER_INVALID_VALUE = Rule {
        id: "front-matter-invalid-value",
        family: Family::FrontMatter,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    super::report_schema_errors(posting, cx, SchemaErrorKind::InvalidValue);
}
