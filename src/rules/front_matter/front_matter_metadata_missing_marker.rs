use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Lines of a `>Key: value` metadata block that lost their `>`.
    ///
    /// ## Why it matters
    /// Markdown still joins such a line to the block (a "lazy continuation"), but the next
    /// edit that adds a blank line or reorders the block turns it into a stray paragraph, and
    /// tools that read the block line by line miss the key.
    ///
    /// ## Examples
    /// ```md,bad
    /// >Updated: October 19, 2021
    /// Published: October 19, 2021
    /// Job title: Director of Chapters
    /// ```
    /// ```md,good
    /// >Updated: October 19, 2021
    /// >Published: October 19, 2021
    /// >Job title: Director of Chapters
    /// ```
    ///
    /// ## Fix safety
    /// Adding the `>` is safe: the rendered page does not change.
    pub static FRONT_MATTER_METADATA_MISSING_MARKER = Rule {
        id: "front-matter-metadata-missing-marker",
        family: Family::FrontMatter,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let lazy: Vec<_> = posting
        .front_matter
        .entries
        .iter()
        .filter(|e| e.missing_marker)
        .collect();
    let Some(first) = lazy.first() else { return };
    let message = match lazy.len() {
        1 => format!("metadata line `{}` has no `>`", first.key.value),
        n => format!("{n} metadata lines have no `>`"),
    };
    let edits = lazy
        .iter()
        .map(|e| Edit {
            span: e.key.span.within(0..0),
            replacement: ">".into(),
        })
        .collect();
    let d = cx.report(first.key.span, message);
    for entry in &lazy[1..] {
        d.label(entry.key.span, "no `>` here either");
    }
    d.help("Start every line of the metadata block with `>`.")
        .fix(Applicability::Safe, "Add the missing `>`", edits);
}
