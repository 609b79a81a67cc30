use crate::posting::Value;
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
const SAME: [&str; 5] = ["archived", "linkHidden", "formHidden", "layout", "type"];

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim().to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Integer(i) => i.to_string(),
        Value::Null => "null".into(),
        other => format!("{other:?}"),
    }
}

fn check(corpus: &Corpus, cx: &mut CorpusContext) {
    for pair in &corpus.pairs {
        let (en, fr) = (corpus.posting(pair.en), corpus.posting(pair.fr));
        // The two halves of one file share one front matter.
        if std::ptr::eq(en, fr) {
            continue;
        }
        let (a, b) = (&en.front_matter, &fr.front_matter);
        for key in SAME {
            let (Some(x), Some(y)) = (a.get(key), b.get(key)) else {
                continue;
            };
            let (vx, vy) = (shown(&x.value.value), shown(&y.value.value));
            if vx != vy {
                cx.report(
                    y.value.span,
                    format!("`{key}: {vy}` here but `{key}: {vx}` in the English version"),
                )
                .label(x.value.span, "the English value")
                .help(format!("Make `{key}` the same in both languages."));
            }
        }
        // One Lever id written two ways (`http://<uuid>` and `<uuid>`): the same id, mistyped.
        if let (Some(x), Some(y)) = (a.get("leverId"), b.get("leverId")) {
            let (vx, vy) = (shown(&x.value.value), shown(&y.value.value));
            if vx != vy && !vx.is_empty() && (vy.contains(&vx) || vx.contains(&vy)) {
                cx.report(
                    y.value.span,
                    format!("`leverId: {vy}` here but `leverId: {vx}` in the English version"),
                )
                .label(x.value.span, "the English value")
                .help("Write the same Lever id the same way in both languages.");
            }
        }
        let en_keys: Vec<&str> = a.entries.iter().map(|e| e.key.value.as_str()).collect();
        let fr_keys: Vec<&str> = b.entries.iter().map(|e| e.key.value.as_str()).collect();
        for e in &a.entries {
            if !fr_keys.contains(&e.key.value.as_str()) {
                let anchor = b
                    .span
                    .map_or(fr.span(0..0), |s| s.within(0..3.min(s.range().len())));
                cx.report(
                    anchor,
                    format!(
                        "`{}` is set in the English version but not here",
                        e.key.value
                    ),
                )
                .label(e.key.span, "set here in English")
                .help("Give both versions the same keys.");
            }
        }
        for e in &b.entries {
            if !en_keys.contains(&e.key.value.as_str()) {
                cx.report(
                    e.key.span,
                    format!(
                        "`{}` is set here but not in the English version",
                        e.key.value
                    ),
                )
                .label(
                    a.span
                        .map_or(en.span(0..0), |s| s.within(0..3.min(s.range().len()))),
                    "the English front matter",
                )
                .help("Give both versions the same keys.");
            }
        }
    }
}
