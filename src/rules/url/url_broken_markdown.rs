use std::sync::LazyLock;

use crate::posting::pattern::Pattern;

use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Markdown that was meant to be a link but is not one, or barely:
    /// - `[text] (url)`: the space between `]` and `(` breaks the link, and the page shows
    ///   the brackets and the address;
    /// - `[text](https://site.ca/my page)`: a space in the address breaks it the same way;
    /// - `S[ervices](url)`: a link that starts in the middle of a word.
    ///
    /// ## Why it matters
    /// The published page shows raw Markdown instead of a link, and candidates cannot click
    /// the address they need.
    ///
    /// ## Examples
    /// ```md,bad
    /// Send your application to [jobs@example.ca] (mailto:jobs@example.ca).
    /// ```
    /// ```md,good
    /// Send your application to [jobs@example.ca](mailto:jobs@example.ca).
    /// ```
    ///
    /// ## Fix safety
    /// Removing the space between `]` and `(` is safe.
    pub static URL_BROKEN_MARKDOWN = Rule {
        id: "url-broken-markdown",
        family: Family::Url,
        severity: Severity::Error,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

/// `[text] (url)`: group 1 is the space.
static SPACED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"\[[^\]\n]+\](\s+)\((?:https?://|mailto:|www\.|/|#|\.\.?/)[^)\s]*\s*\)")
});

/// `[text](https://site.ca/my page)`.
static SPACE_IN_URL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"\[[^\]\n]+\]\((?:https?://|mailto:|www\.)[^)\s]*[ \t][^)\n]*\)")
});

fn check(posting: &Posting, cx: &mut Context) {
    let text = posting.text();
    // A list item's block holds its nested items too: report each place once.
    let mut seen = std::collections::HashSet::new();
    for block in &posting.markdown.blocks {
        let range = block.span.range();
        // Both patterns close a link's text: a block without `]` has neither.
        let Some(raw) = text.get(range.clone()).filter(|raw| raw.contains(']')) else {
            continue;
        };
        for caps in SPACED.captures_iter(raw) {
            let whole = caps.get(0).expect("group 0");
            let space = caps.get(1).expect("group 1");
            let span = posting.span(range.start + whole.start()..range.start + whole.end());
            if !seen.insert(span.start) {
                continue;
            }
            cx.report(span, "the space between `]` and `(` breaks this link")
                .help("Remove the space: `[text](address)`.")
                .fix(
                    Applicability::Safe,
                    "Remove the space",
                    vec![Edit {
                        span: posting.span(range.start + space.start()..range.start + space.end()),
                        replacement: String::new(),
                    }],
                );
        }
        for m in SPACE_IN_URL.find_iter(raw) {
            let start = range.start + m.start();
            if !seen.insert(start as u32) {
                continue;
            }
            // Only when no link was made of it (`<…>` destinations may hold spaces).
            if posting
                .markdown
                .links
                .iter()
                .any(|l| l.span.start as usize <= start && start < l.span.end as usize)
            {
                continue;
            }
            cx.report(
                posting.span(start..range.start + m.end()),
                "a space in the address breaks this link",
            )
            .help("Remove the space from the address, or write it as `%20`.");
        }
    }
    for link in &posting.markdown.links {
        let start = link.span.start as usize;
        let before = text[..start].chars().next_back();
        // `the[ Information…]` renders with its space; `S[ervices…]` splits a word.
        let glued = before.is_some_and(char::is_alphanumeric)
            && link.text.starts_with(char::is_alphanumeric);
        if link.kind == crate::posting::LinkKind::Inline && glued {
            let word_start = text[..start]
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| {
                    i + text[i..].chars().next().map_or(1, char::len_utf8)
                });
            let tail: String = link
                .text
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let word = format!("{}[{tail}", &text[word_start..start]);
            cx.report(
                link.span,
                format!("the link starts in the middle of a word: `{word}`"),
            )
            .help("Move the `[` to the start of the word, or add a space before it.");
        }
    }
}
