use std::sync::LazyLock;

use crate::posting::pattern::Pattern;

use crate::posting::fold::Folded;

use crate::posting::Lang;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A French posting that links to the English version of a bilingual site (a `/en/` path,
    /// `-eng.aspx`, `lang=eng`), or an English posting that links to the French version. The
    /// patterns are data (`rules/url/language-patterns.toml`). A link whose text names the
    /// other language (`English`, `version anglaise`) is a language switch, and one followed by
    /// a note such as `(en anglais seulement)` tells the reader: neither is flagged.
    ///
    /// ## Why it matters
    /// The Official Languages Act requires communications of equal quality in both languages:
    /// a French reader sent to an English page when a French one exists is served in the
    /// wrong language.
    ///
    /// ## Examples
    /// ```md,bad,file=poste.fr.md
    /// Consultez la [convention collective](https://www.tbs-sct.gc.ca/agreements-conventions/view-visualiser-eng.aspx?id=1).
    /// ```
    /// ```md,good,file=poste.fr.md
    /// Consultez la [convention collective](https://www.tbs-sct.gc.ca/agreements-conventions/view-visualiser-fra.aspx?id=1).
    /// ```
    ///
    /// ## Options
    /// `[rules.url-wrong-language] en = ["…"]` and `fr = ["…"]` add regular expressions for
    /// English and French URLs.
    pub static URL_WRONG_LANGUAGE = Rule {
        id: "url-wrong-language",
        family: Family::Url,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: Some(validate_options::<Options>),
        check: Check::Posting(check),
    };
}

#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    en: Vec<Pattern>,
    #[serde(default)]
    fr: Vec<Pattern>,
}

/// The built-in patterns of each language, as one alternation (one expression builds
/// faster than several), matched against the URL in lower case.
static BUILT_IN: LazyLock<(Folded, Folded)> = LazyLock::new(|| {
    let compile = |list: &[String]| {
        let alternatives: Vec<String> = list.iter().map(|p| format!("(?:{p})")).collect();
        Folded::new(&alternatives.join("|"))
    };
    (
        compile(&super::LANGUAGE_PATTERNS.en),
        compile(&super::LANGUAGE_PATTERNS.fr),
    )
});

/// A language switch: the link text names the other language.
static SWITCH: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"(?-u:\b)(?:english|anglais|in\s+english|en\s+anglais|french|français|francais|en\s+français|in\s+french|version\s+(?:anglaise|française)|(?:english|french)\s+version)(?-u:\b)",
    )
});

/// A note that the page is in the other language only.
static ONLY: LazyLock<Folded> = LazyLock::new(|| {
    Folded::new(
        r"^[^0-9a-z_\u{C0}-\u{24F}]{0,3}(?:\(|—|-|–)?\s*(?:en\s+anglais(?:\s+seulement)?|anglais\s+seulement|en\s+français(?:\s+seulement)?|français\s+seulement|english\s+only|in\s+english(?:\s+only)?|french\s+only|in\s+french(?:\s+only)?)(?-u:\b)",
    )
});

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<Options>();
    for link in posting.urls() {
        let Some(lang) = posting.lang_at(link.span.start as usize) else {
            continue;
        };
        let (other, patterns, extra) = match lang {
            Lang::Fr => (Lang::En, &BUILT_IN.0, &options.en),
            Lang::En => (Lang::Fr, &BUILT_IN.1, &options.fr),
        };
        if !(patterns.is_match(&link.url) || extra.iter().any(|p| p.is_match(&link.url)))
            || SWITCH.is_match(&link.text)
        {
            continue;
        }
        // `[Page](…/en/…) (en anglais seulement)`: the reader is told.
        let after = &posting.text()[link.span.end as usize..];
        let after = &after[..after.char_indices().nth(40).map_or(after.len(), |(i, _)| i)];
        if ONLY.is_match(after) {
            continue;
        }
        let help = match lang {
            Lang::Fr => {
                "Liez la version française de la page, ou signalez que la page est en anglais seulement (« en anglais seulement »)."
            }
            Lang::En => {
                "Link the English version of the page, or say that the page is in French only (\"French only\")."
            }
        };
        cx.report(
            link.url_span,
            format!(
                "{} page links to the {} version of `{}`",
                if lang == Lang::En {
                    "an English"
                } else {
                    "a French"
                },
                other.name(),
                link.host().unwrap_or_else(|| link.url.clone())
            ),
        )
        .help(help);
    }
}
