use std::collections::BTreeMap;

use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A paragraph or list item (eight words or more) that is the same, word for word, in the
    /// English and French versions: it was not translated. Lists of names (mostly capitalised
    /// words, such as `Python, TypeScript, PostgreSQL…`) read the same in both and are left out.
    ///
    /// ## Why it matters
    /// Readers of the other language meet text they may not read; the Official Languages Act
    /// asks for both versions in full.
    ///
    /// ## Examples
    /// ```md,bad,file=dev.en.md
    /// We're hiring a developer to build digital services with our product teams.
    ///
    /// We are building services that work for everyone in Canada.
    /// ```
    /// ```md,bad,file=dev.fr.md
    /// Nous embauchons une développeuse pour créer des services numériques avec nos équipes.
    ///
    /// We are building services that work for everyone in Canada.
    /// ```
    /// ```md,good,file=dev.en.md
    /// We are building services that work for everyone in Canada.
    /// ```
    /// ```md,good,file=dev.fr.md
    /// Nous créons des services qui fonctionnent pour tout le monde au Canada.
    /// ```
    pub static TRANSLATION_UNTRANSLATED = Rule {
        id: "translation-untranslated",
        family: Family::Translation,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Corpus(check),
    };
}

fn check(corpus: &Corpus, cx: &mut CorpusContext) {
    for pair in super::compared(corpus) {
        let (en, fr) = (
            corpus.summaries[pair.en].blocks(),
            corpus.summaries[pair.fr].blocks(),
        );
        let english: BTreeMap<u64, Span> = en.iter().map(|b| (b.text, b.span)).collect();
        let same: Vec<(Span, Span)> = fr
            .iter()
            .filter(|b| !b.names)
            .filter_map(|b| english.get(&b.text).map(|e| (b.span, *e)))
            .collect();
        // A whole file left in English is `translation-wrong-language`; report the paragraphs
        // only when some of the file is translated.
        if same.is_empty() || same.len() == fr.len() {
            continue;
        }
        let note = super::copies_note(corpus, pair);
        for (at, english_at) in same {
            cx.report(
                at,
                "this text is the same as in the English version: it was not translated",
            )
            .label(english_at, "the English text")
            .help(format!("Translate it.{note}"));
        }
    }
}
