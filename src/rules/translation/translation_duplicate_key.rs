use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Two files of one language in one folder with the same `translationKey`.
    ///
    /// ## Why it matters
    /// The site cannot tell which of the two is the translation of the other language's page:
    /// the language switch leads to either, and one of them is usually a stale copy.
    ///
    /// ## Examples
    /// ```md,good
    /// ---
    /// translationKey: developer
    /// ---
    /// We're hiring a developer.
    /// ```
    pub static TRANSLATION_DUPLICATE_KEY = Rule {
        id: "translation-duplicate-key",
        family: Family::Translation,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Corpus(check),
    };
}

fn check(corpus: &Corpus, cx: &mut CorpusContext) {
    let unpaired: std::collections::BTreeSet<usize> =
        corpus.unpaired.iter().map(|u| u.summary).collect();
    for dup in &corpus.duplicates {
        // Report on the copy left without a counterpart: it is likely the stale one.
        let (here, there) = if unpaired.contains(&dup.first) && !unpaired.contains(&dup.summary) {
            (dup.first, dup.summary)
        } else {
            (dup.summary, dup.first)
        };
        let (Some((key, span)), Some((_, first_span))) =
            (&corpus.summaries[here].key, &corpus.summaries[there].key)
        else {
            continue;
        };
        let first = &corpus.file(there).path;
        cx.report(*span, format!("`translationKey: {key}` is also used by `{first}` in the same folder"))
            .label(*first_span, "the same key")
            .help("Keep one file per language for each key: delete the stale copy or give it its own key.");
    }
}
