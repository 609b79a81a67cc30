use crate::posting::corpus::COMPARED_KEYS;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Front matter that differs between the English and French versions of a posting where it
    /// must agree: `archived`, `linkHidden`, `formHidden`, `layout` and `type`; a `leverId`
    /// written two ways (`http://<uuid>` and `<uuid>`; each language may have its own Lever
    /// posting, so different ids are fine); and keys present on one side only.
    ///
    /// ## Why it matters
    /// One language's page stays open after the other is archived, or shows an application
    /// form the other hides: readers of one language get a different job posting.
    ///
    /// ## Examples
    /// ```md,bad,file=dev.en.md
    /// ---
    /// archived: false
    /// ---
    /// We're hiring a developer.
    /// ```
    /// ```md,bad,file=dev.fr.md
    /// ---
    /// archived: true
    /// ---
    /// Nous embauchons une développeuse.
    /// ```
    /// ```md,good,file=dev.en.md
    /// ---
    /// archived: true
    /// ---
    /// We're hiring a developer.
    /// ```
    /// ```md,good,file=dev.fr.md
    /// ---
    /// archived: true
    /// ---
    /// Nous embauchons une développeuse.
    /// ```
    pub static TRANSLATION_FRONT_MATTER_DIFFERS = Rule {
        id: "translation-front-matter-differs",
        family: Family::Translation,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Corpus(check),
    };
}

/// Keys whose value must be the same in both languages. (`leverId` is compared apart: each
/// language may have its own Lever posting.)
/// The keys that must agree; `leverId` (the last of [`COMPARED_KEYS`]) is compared apart.
const SAME: &[&str] = COMPARED_KEYS.split_last().expect("keys").1;

fn check(corpus: &Corpus, cx: &mut CorpusContext) {
    for pair in &corpus.pairs {
        let (en, fr) = (corpus.file(pair.en), corpus.file(pair.fr));
        // The two halves of one file share one front matter.
        if en.file == fr.file {
            continue;
        }
        let (en_fields, fr_fields) = (corpus.fields(en), corpus.fields(fr));
        for key in SAME {
            let (Some((vx, x_span)), Some((vy, y_span))) =
                (en_fields.value(key), fr_fields.value(key))
            else {
                continue;
            };
            if vx != vy {
                cx.report(
                    y_span,
                    format!("`{key}: {vy}` here but `{key}: {vx}` in the English version"),
                )
                .label(x_span, "the English value")
                .help(format!("Make `{key}` the same in both languages."));
            }
        }
        // One Lever id written two ways (`http://<uuid>` and `<uuid>`): the same id, mistyped.
        if let (Some((vx, x_span)), Some((vy, y_span))) =
            (en_fields.value("leverId"), fr_fields.value("leverId"))
            && vx != vy
            && !vx.is_empty()
            && (vy.contains(vx) || vx.contains(vy))
        {
            cx.report(
                y_span,
                format!("`leverId: {vy}` here but `leverId: {vx}` in the English version"),
            )
            .label(x_span, "the English value")
            .help("Write the same Lever id the same way in both languages.");
        }
        let en_keys: Vec<&str> = en_fields.list.iter().map(|f| f.key).collect();
        let fr_keys: Vec<&str> = fr_fields.list.iter().map(|f| f.key).collect();
        // A finding about a missing key points at the opening fence of the other front matter.
        let fence = |file: &crate::posting::corpus::FileDigest| {
            file.front_matter
                .map_or(file.start(), |s| s.within(0..3.min(s.range().len())))
        };
        for f in &en_fields.list {
            if !fr_keys.contains(&f.key) {
                cx.report(
                    fence(fr),
                    format!("`{}` is set in the English version but not here", f.key),
                )
                .label(f.key_span, "set here in English")
                .help("Give both versions the same keys.");
            }
        }
        for f in &fr_fields.list {
            if !en_keys.contains(&f.key) {
                cx.report(
                    f.key_span,
                    format!("`{}` is set here but not in the English version", f.key),
                )
                .label(fence(en), "the English front matter")
                .help("Give both versions the same keys.");
            }
        }
    }
}
