use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A front-matter string value with spaces at its start or end, such as
    /// `title: 'Administrative Officer '`.
    ///
    /// ## Why it matters
    /// The spaces end up in the page title, in search results and in the text screen readers
    /// announce, and they make two values that look equal compare unequal (`translationKey`).
    ///
    /// ## Examples
    /// ```md,bad
    /// ---
    /// title: 'Agente administrative '
    /// ---
    /// ```
    /// ```md,good
    /// ---
    /// title: 'Agente administrative'
    /// ---
    /// ```
    ///
    /// Block values (`>-`, `|`) are not checked: their line ends are not part of what readers see.
    ///
    /// ## Fix safety
    /// Trimming a quoted one-line value is safe.
    pub static FRONT_MATTER_VALUE_WHITESPACE = Rule {
        id: "front-matter-value-whitespace",
        family: Family::FrontMatter,
        severity: Severity::Warning,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    // Trailing spaces in a metadata block are Markdown line breaks, not part of the value.
    if posting.front_matter.kind != FrontMatterKind::Yaml {
        return;
    }
    for entry in &posting.front_matter.entries {
        let Some(value) = entry.value.value.as_str() else {
            continue;
        };
        let raw = posting.slice(entry.value.span);
        // Block values (`>-`, `|`) end lines with spaces nobody sees; only inline values count.
        let between = posting
            .text()
            .get(entry.key.span.end as usize..entry.value.span.start as usize)
            .unwrap_or("");
        if between
            .trim_start_matches([':', ' ', '\t'])
            .starts_with(['>', '|'])
        {
            continue;
        }
        let trimmed = value.trim();
        if trimmed == value || trimmed.is_empty() {
            continue;
        }
        let key = &entry.key.value;
        let d = cx.report(
            entry.value.span,
            format!("`{key}` has spaces at its start or end"),
        );
        d.help(format!("Remove the spaces around the value of `{key}`."));
        let quote = raw.chars().next().filter(|q| matches!(q, '\'' | '"'));
        if let Some(q) = quote
            && !raw.contains('\n')
            && raw.len() >= 2
            && raw.ends_with(q)
        {
            let inner = &raw[1..raw.len() - 1];
            let trimmed_inner = inner.trim_matches([' ', '\t']);
            // Escaped white space (`\n`, `\u00A0`) is left to the author.
            if trimmed_inner == inner {
                continue;
            }
            d.replace(
                Applicability::Safe,
                "Trim the value",
                format!("{q}{trimmed_inner}{q}"),
            );
        }
    }
}
