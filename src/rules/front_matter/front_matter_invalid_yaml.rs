use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Front matter that is not valid YAML: a syntax error (at its line and column), a
    /// duplicate key, a block with no closing `---`, or anchors and aliases that expand into
    /// too many values (an "alias bomb", refused without expanding it).
    ///
    /// Common slips are said in plain words, at their cause: a key indented under one that
    /// already has a value, a tab, a quote or a `[` left open on an earlier line.
    ///
    /// ## Why it matters
    /// The site generator fails on the file, or worse, publishes it without its title, its
    /// `archived` flag or its translation key. A value such as `owner: @team` is a syntax
    /// error because `@` is reserved in YAML.
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// title: Designer
    /// owner: @talent-team
    /// ---
    /// ```
    /// ```md,good
    /// ---
    /// title: Designer
    /// owner: '@talent-team'
    /// ---
    /// ```
    ///
    /// ## Fix safety
    /// Quoting a value that starts with `@` or a backtick is safe: it is what the author meant.
    pub static FRONT_MATTER_INVALID_YAML = Rule {
        id: "front-matter-invalid-yaml",
        family: Family::FrontMatter,
        severity: Severity::Error,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let Some(error) = &posting.front_matter.error else {
        return;
    };
    let d = cx.report(error.span, error.message.clone());
    if let Some(help) = &error.help {
        d.help(help.clone());
    }
    let token = posting.slice(error.span);
    if token.starts_with(['@', '`']) {
        let quoted = format!("'{}'", token.replace('\'', "''"));
        d.replace(
            Applicability::Safe,
            format!("Quote the value: {quoted}"),
            quoted,
        );
    }
}
