use std::sync::LazyLock;

use crate::posting::pattern::Pattern;

use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Identifiers that are not what they claim to be: a `leverId` that is not a UUID, or a
    /// `translationKey` that is not kebab-case.
    /// - a `leverId` that is not a UUID: a URL around the UUID (`http://<uuid>`), a truncated
    ///   or padded UUID, a placeholder such as `0000000000`;
    /// - a `translationKey` that is not kebab-case (lowercase words joined by `-`).
    ///
    /// ## Why it matters
    /// The site builds the application link from `leverId`: a wrong id sends candidates to a
    /// missing job. Mixed-case translation keys are easy to mistype on the other language's
    /// file, which silently breaks the link between the English and French pages.
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// leverId: http://cd488c0a-cfbf-466b-9d10-1a3c22b1eeeb
    /// translationKey: Senior-Developer
    /// ---
    /// ```
    /// ```md,good
    /// ---
    /// leverId: cd488c0a-cfbf-466b-9d10-1a3c22b1eeeb
    /// translationKey: senior-developer
    /// ---
    /// ```
    ///
    /// ## Fix safety
    /// Taking the UUID out of a URL is unsafe: check that it is the posting's id.
    pub static FRONT_MATTER_INVALID_ID = Rule {
        id: "front-matter-invalid-id",
        family: Family::FrontMatter,
        severity: Severity::Error,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

static UUID: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
});
static UUID_INSIDE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
});
static HEX_GROUPS: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^[0-9a-f]+(-[0-9a-f]+)*$"));
static KEBAB: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^[a-z0-9]+(-[a-z0-9]+)*$"));

fn check(posting: &Posting, cx: &mut Context) {
    let fm = &posting.front_matter;
    if fm.kind != FrontMatterKind::Yaml {
        return;
    }
    if let Some(entry) = fm.get("leverId")
        && !entry.value.value.is_empty()
    {
        let raw = posting.slice(entry.value.span).trim_matches(['\'', '"']);
        if let Some(problem) = lever_id_problem(raw) {
            let d = cx.report(entry.value.span, format!("`leverId` `{raw}` {problem}"));
            match UUID_INSIDE.find(raw).filter(|m| m.len() < raw.len()) {
                Some(uuid) => {
                    d.help("Keep only the UUID.");
                    d.replace(
                        Applicability::Unsafe,
                        format!("Use `{}`", uuid.as_str()),
                        uuid.as_str(),
                    );
                }
                None => {
                    d.help("Copy the posting's id from Lever: 32 hexadecimal digits in groups of 8-4-4-4-12.");
                }
            }
        }
    }
    if let Some(entry) = fm.get("translationKey")
        && let Some(key) = entry.value.value.as_str()
        && !key.trim().is_empty()
        && !KEBAB.is_match(key)
    {
        cx.report(entry.value.span, format!("`translationKey` `{key}` is not kebab-case"))
            .help(format!(
                "Use lowercase words joined by `-`, such as `{}`, and change the other language's file to match.",
                kebab(key)
            ));
    }
}

/// Why `raw` is not a UUID, or `None` if it is one.
fn lever_id_problem(raw: &str) -> Option<String> {
    if UUID.is_match(raw) {
        return (raw
            .chars()
            .filter(|c| c.is_ascii_hexdigit())
            .all(|c| c == '0'))
        .then(|| "is a placeholder made of zeros".to_string());
    }
    if UUID_INSIDE.is_match(raw) {
        return Some(if raw.contains("://") {
            "is a URL, not an id".into()
        } else {
            "has extra text around the UUID".into()
        });
    }
    let digits = raw.chars().filter(|c| c.is_ascii_hexdigit()).count();
    if !raw.is_empty() && raw.chars().all(|c| c == '0' || c == '-') {
        return Some("is a placeholder, not an id".into());
    }
    if HEX_GROUPS.is_match(raw) {
        return Some(format!(
            "is not a UUID: it has {digits} hexadecimal digits, not 32"
        ));
    }
    Some("is not a UUID".into())
}

fn kebab(key: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in key.chars() {
        if c.is_uppercase() && prev_lower {
            out.push('-');
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lever_ids() {
        assert_eq!(
            lever_id_problem("cd488c0a-cfbf-466b-9d10-1a3c22b1eeeb"),
            None
        );
        assert!(
            lever_id_problem("http://cd488c0a-cfbf-466b-9d10-1a3c22b1eeeb")
                .unwrap()
                .contains("URL")
        );
        assert!(
            lever_id_problem("685e34db-a7c9-4476-bc60-ae1c1e75176")
                .unwrap()
                .contains("31")
        );
        assert!(
            lever_id_problem("0000000000")
                .unwrap()
                .contains("placeholder")
        );
    }

    #[test]
    fn kebab_suggestions() {
        assert_eq!(
            kebab("2023-Jan-AdministrativeOfficer"),
            "2023-jan-administrative-officer"
        );
        assert_eq!(
            kebab("Senior-Policy-Advisor-winter2022"),
            "senior-policy-advisor-winter2022"
        );
    }
}
