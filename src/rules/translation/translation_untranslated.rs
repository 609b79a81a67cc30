use std::collections::BTreeMap;

use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A paragraph or list item (eight words or more) that is the same, word for word, in the
    /// English and French versions: it was not translated. Paragraphs and list items left in
    /// English one after another under one heading are one finding. Lists of names (mostly
    /// capitalised words, such as `Python, TypeScript, PostgreSQL…`) read the same in both and
    /// are left out.
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
        let english: BTreeMap<_, Span> = en.iter().map(|b| (b.text, b.span)).collect();
        // Each French block left as it is in English, with its English text.
        let same: Vec<Option<(Span, Span)>> = fr
            .iter()
            .map(|b| {
                (!b.names)
                    .then(|| english.get(&b.text).map(|e| (b.span, *e)))
                    .flatten()
            })
            .collect();
        let untranslated = same.iter().flatten().count();
        // A whole file left in English is `translation-wrong-language`; report the paragraphs
        // only when some of the file is translated.
        if untranslated == 0 || untranslated == fr.len() {
            continue;
        }
        let note = super::copies_note(corpus, pair);
        // A run of blocks next to each other, under one heading, is one finding.
        let headings: Vec<u32> = if untranslated > 1 {
            let shape = corpus.summaries[pair.fr].shape();
            shape.headings.iter().map(|h| h.2.start).collect()
        } else {
            Vec::new()
        };
        let mut runs: Vec<Vec<(Span, Span)>> = Vec::new();
        let mut open = false;
        for block in &same {
            match block {
                Some(b) if open => {
                    let run = runs.last_mut().expect("a run is open");
                    let after = run[run.len() - 1].0.end;
                    if headings.iter().any(|&h| h > after && h < b.0.start) {
                        runs.push(vec![*b]);
                    } else {
                        run.push(*b);
                    }
                }
                Some(b) => runs.push(vec![*b]),
                None => {}
            }
            open = block.is_some();
        }
        for run in runs {
            let (first, last) = (run[0], run[run.len() - 1]);
            let at = Span {
                end: last.0.end,
                ..first.0
            };
            let english_at = if last.1.start > first.1.start {
                Span {
                    end: last.1.end,
                    ..first.1
                }
            } else {
                first.1
            };
            let message = if run.len() == 1 {
                "this text is the same as in the English version: it was not translated".to_string()
            } else {
                format!(
                    "these {} paragraphs or list items are the same as in the English version: \
                     they were not translated",
                    run.len()
                )
            };
            cx.report(at, message)
                .label(english_at, "the English text")
                .help(format!("Translate it.{note}"));
        }
    }
}
