use crate::posting::SchemaErrorKind;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A front-matter key the posting's profile does not know, with the key it probably
    /// means (`translationkey` → `translationKey`).
    ///
    /// ## Why it matters
    /// YAML keys are case-sensitive: the site ignores `translationkey`, and the English and
    /// French pages lose their link to each other without any error.
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// layout: job-posting
    /// title: Designer
    /// description: Join the design team.
    /// archived: false
    /// translationkey: designer
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
    /// ## Fix safety
    /// Renaming a key that differs from a known key only by case is safe (unless the known
    /// key is also present); any other suggested rename is unsafe.
    pub static FRONT_MATTER_UNKNOWN_KEY = Rule {
        id: "front-matter-unknown-key",
        family: Family::FrontMatter,
        severity: Severity::Warning,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for error in posting
        .schema_errors()
        .iter()
        .filter(|e| e.kind == SchemaErrorKind::UnknownKey)
    {
        let d = cx.report(error.span, error.message.clone());
        if let Some(help) = &error.help {
            d.help(help.clone());
        }
        let Some((key, case_only)) = &error.suggestion else {
            continue;
        };
        let applicability = if *case_only
            && posting
                .front_matter
                .entries
                .iter()
                .all(|e| &e.key.value != key)
        {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        d.replace(applicability, format!("Rename to `{key}`"), key.clone());
    }
}
