use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A front-matter or metadata key with no value: `null`, `~`, nothing after the colon, or
    /// only spaces. Only keys that say something about the posting are checked: the keys of
    /// its profile, and the keys postlint reads (`title`, `lang`, `description`, the closing
    /// and publication dates, pay, `archived`, `linkHidden`, `formHidden`, `layout`, `type`,
    /// `translationKey`, `leverId`). A site's other keys left empty on purpose (`image:`,
    /// `hero_img:`) are not reported, nor is a `null` or `~` written where the profile allows
    /// one (a key it gives no type, such as CDS's `leverId: null` for a posting not in Lever).
    ///
    /// ## Why it matters
    /// An empty value is rarely what the author meant. `linkHidden: null` is read as `false`
    /// by some templates and as "not set" by others, so whether the posting shows depends on
    /// the site's code rather than on the posting.
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// title: Développeur
    /// linkHidden: null
    /// ---
    /// ```
    /// ```md,good
    /// ---
    /// title: Développeur
    /// linkHidden: false
    /// ---
    /// ```
    pub static FRONT_MATTER_EMPTY_VALUE = Rule {
        id: "front-matter-empty-value",
        family: Family::FrontMatter,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    for entry in &posting.front_matter.entries {
        if !entry.value.value.is_empty() {
            continue;
        }
        let key = &entry.key.value;
        let schema_type = posting
            .profile
            .as_ref()
            .and_then(|p| p.schema.pointer(&format!("/properties/{key}")))
            .map(|property| property.get("type"));
        // `leverId: null` says on purpose that there is none, where the profile allows it:
        // the key has no type, or `null` is one of its types.
        let null_allowed = schema_type.is_some_and(|t| match t {
            None => true,
            Some(serde_json::Value::String(t)) => t == "null",
            Some(serde_json::Value::Array(types)) => types.iter().any(|t| t == "null"),
            Some(_) => false,
        });
        if !says_something(posting, key) || (null_allowed && !entry.value.span.is_empty()) {
            continue;
        }
        let span = if entry.value.span.is_empty() {
            entry.key.span
        } else {
            entry.value.span
        };
        let help = match posting
            .profile
            .as_ref()
            .and_then(|p| p.schema.pointer(&format!("/properties/{key}/type")))
        {
            Some(serde_json::Value::String(t)) if t == "boolean" => {
                format!("Write `{key}: true` or `{key}: false`, or remove the key.")
            }
            _ => format!("Give `{key}` a value, or remove the key."),
        };
        cx.report(span, format!("`{key}` is empty")).help(help);
    }
}

/// Whether `key` is one the posting's profile describes or postlint reads.
fn says_something(posting: &Posting, key: &str) -> bool {
    use crate::posting::corpus::COMPARED_KEYS;
    const READ: [&str; 5] = ["title", "lang", "description", "translationKey", "leverId"];
    let is = |k: &&str| k.eq_ignore_ascii_case(key);
    posting
        .profile
        .as_ref()
        .is_some_and(|p| p.keys().iter().any(is))
        || READ.iter().chain(&COMPARED_KEYS).any(is)
        || crate::posting::facts::reads_key(key)
}
