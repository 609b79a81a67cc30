use crate::posting::profile::normalize_key;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A metadata-block key written differently from the profile's spelling, such as
    /// `Job Title` or `Hours of Work` where the profile writes `Job title` and `Hours of work`.
    ///
    /// ## Why it matters
    /// Keys are matched without regard to case, so nothing breaks, but postings that spell the
    /// same label three ways look careless side by side and defeat simple search and scripts.
    ///
    /// ## Examples
    /// ```md,bad
    /// >Updated: March 24, 2022
    /// >Published: March 9, 2022
    /// >Job Title: Web Editor
    /// >Organization: Ministry of Finance
    /// >Location: Toronto
    /// >Salary: $1,457.67 - $1,783.61 per week
    /// >Job term: 1 Temporary
    /// ```
    /// ```md,good
    /// >Updated: March 24, 2022
    /// >Published: March 9, 2022
    /// >Job title: Web Editor
    /// >Organization: Ministry of Finance
    /// >Location: Toronto
    /// >Salary: $1,457.67 - $1,783.61 per week
    /// >Job term: 1 Temporary
    /// ```
    ///
    /// ## Fix safety
    /// Respelling the key is safe: keys are matched without regard to case.
    pub static FRONT_MATTER_KEY_SPELLING = Rule {
        id: "front-matter-key-spelling",
        family: Family::FrontMatter,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let Some(profile) = &posting.profile else {
        return;
    };
    if posting.front_matter.kind != FrontMatterKind::Metadata {
        return;
    }
    for entry in &posting.front_matter.entries {
        let written = &entry.key.value;
        let key = normalize_key(written);
        if !profile.keys().contains(&key.as_str()) {
            continue;
        }
        let expected = profile.spelling(&key);
        if written != expected {
            cx.report(
                entry.key.span,
                format!("`{written}` is usually written `{expected}`"),
            )
            .help(format!(
                "Write `{expected}`, as the other `{}` postings do.",
                profile.name
            ))
            .replace(Applicability::Safe, format!("Write `{expected}`"), expected);
        }
    }
}
