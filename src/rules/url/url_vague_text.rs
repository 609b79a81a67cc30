use crate::posting::Lang;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Link text that says nothing about where the link goes: `here`, `click here`, `read
    /// more`, `this link`, `ici`, `cliquez ici`, `en savoir plus`… (English and French lists in
    /// `rules/url/vague-link-text.tsv`).
    ///
    /// ## Why it matters
    /// Screen-reader users often jump from link to link: a list of "here, here, read more"
    /// tells them nothing (WCAG 2.4.4 Link Purpose; Canada.ca style guide §7.3).
    ///
    /// ## Examples
    /// ```md,bad
    /// To apply, click [here](https://jobs.example.ca/dev).
    /// ```
    /// ```md,good
    /// [Apply for the developer job](https://jobs.example.ca/dev).
    /// ```
    ///
    /// ## Options
    /// `[rules.url-vague-text] extend = ["en: go to page", "fr: voir la page"]` adds texts,
    /// each prefixed with its language.
    pub static URL_VAGUE_TEXT = Rule {
        id: "url-vague-text",
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
    extend: Vec<String>,
}

fn normalize(text: &str) -> String {
    text.trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() || matches!(c, '«' | '»' | '…' | '’'))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<Options>();
    let extra: Vec<(Option<Lang>, String)> = options
        .extend
        .iter()
        .map(|e| match e.split_once(':') {
            Some((lang, text)) if Lang::from_code(lang).is_some() => {
                (Lang::from_code(lang), normalize(text))
            }
            _ => (None, normalize(e)),
        })
        .collect();
    for link in &posting.markdown.links {
        let text = normalize(&link.text);
        if text.is_empty() {
            continue;
        }
        let lang = posting.lang_at(link.span.start as usize);
        let vague = super::VAGUE
            .iter()
            .any(|(l, t)| *t == text && lang.is_none_or(|lang| lang == *l))
            || extra
                .iter()
                .any(|(l, t)| *t == text && l.is_none_or(|l| lang.is_none_or(|lang| lang == l)));
        if vague {
            let help = Lang::pick_for(
                lang,
                "Write link text that says where it goes, such as `[Apply for the developer job](…)`.",
                "Écrivez un texte de lien qui dit où il mène, par exemple `[Postuler pour le poste de développeur](…)`.",
            );
            cx.report(
                link.span,
                format!(
                    "the link text `{}` does not say where the link goes",
                    link.text.trim()
                ),
            )
            .help(help);
        }
    }
}
