use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// An English posting with no French counterpart, or a French one with no English one,
    /// with where the counterpart was expected. Postings are paired by `translationKey` in
    /// parallel `en/` and `fr/` folders, by `name.en.md`/`name.fr.md`, by the two halves of a
    /// bilingual file, or by `[translation] pairs` in `postlint.toml`. When an unpaired file
    /// of the other language looks like the counterpart (same file-name UUID or Lever id, a
    /// similar key, the same links), the help names it. Files whose language is only guessed
    /// from their text (no `lang:`, no `en/`/`fr/` folder, no `.en.md`) are not expected to
    /// have a counterpart.
    ///
    /// ## Why it matters
    /// Canada's Official Languages Act requires federal job advertisements in both official
    /// languages, published at the same time and of equal quality.
    ///
    /// ## Examples
    /// ```md,bad,file=developer.en.md
    /// ---
    /// title: Developer
    /// ---
    /// We're hiring a developer to build digital services.
    /// ```
    /// ```md,good
    /// We're hiring a developer to build digital services.
    ///
    /// ---
    ///
    /// Nous embauchons une développeuse pour créer des services numériques.
    /// ```
    ///
    /// ## Options
    /// ```toml
    /// [translation]
    /// pairs = [["en/jobs/product-manager.md", "fr/jobs/gestionnaire-de-produit.md"]]
    /// ```
    pub static TRANSLATION_MISSING = Rule {
        id: "translation-missing",
        family: Family::Translation,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Corpus(check),
    };
}

fn check(corpus: &Corpus, cx: &mut CorpusContext) {
    for unpaired in &corpus.unpaired {
        let summary = &corpus.summaries[unpaired.summary];
        let file = corpus.file(unpaired.summary);
        let span = summary
            .key
            .as_ref()
            .map(|(_, s)| *s)
            .or(file.title)
            .unwrap_or(file.start());
        let d = cx.report(
            span,
            format!(
                "no {} counterpart: expected {}",
                summary.lang.other().name(),
                unpaired.expected
            ),
        );
        match unpaired.likely {
            Some(likely) => {
                let other = corpus.file(likely);
                let other_span = corpus.summaries[likely]
                    .key
                    .as_ref()
                    .map(|(_, s)| *s)
                    .unwrap_or(other.start());
                d.label(other_span, "this looks like the counterpart");
                let help = match (&summary.key, &corpus.summaries[likely].key) {
                    (Some((a, _)), Some((b, _))) if a != b => {
                        format!(
                            "Did you mean `{}`? Give both files the same `translationKey` (`{a}` here, `{b}` there).",
                            other.path
                        )
                    }
                    (Some((a, _)), Some(_)) => format!(
                        "Did you mean `{}`? It has the same key `{a}` in another folder: move one file to the parallel folder, or pair them with `[translation] pairs` in postlint.toml.",
                        other.path
                    ),
                    _ => format!(
                        "Did you mean `{}`? Pair them with `[translation] pairs` in postlint.toml.",
                        other.path
                    ),
                };
                d.help(help);
            }
            None => {
                d.help(format!("Publish the {} version with the same `translationKey`, or pair it in `[translation] pairs`.", summary.lang.other().name()));
            }
        }
    }
}
