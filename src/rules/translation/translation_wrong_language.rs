use crate::posting::{Lang, LangSource, lang};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A file whose text is not in the language it claims: a file in an `fr/` folder, named
    /// `.fr.md` or marked `lang: fr` whose prose is English, and the reverse. The text's
    /// language is detected from its running text (at least a few sentences).
    ///
    /// ## Why it matters
    /// French readers who follow the language switch land on an English page (or the reverse):
    /// the posting is, in effect, not published in their language.
    ///
    /// ## Examples
    /// ```md,bad,file=poste.fr.md
    /// We are hiring a developer to build digital services for people across Canada. You will
    /// work with designers and researchers to test what we build with the people who use it,
    /// and you will help departments deliver better services.
    /// ```
    /// ```md,good,file=poste.fr.md
    /// Nous embauchons une développeuse pour créer des services numériques pour la population
    /// canadienne. Vous travaillerez avec des designers et des chercheurs pour tester ce que nous
    /// créons avec les personnes qui s'en servent, et vous aiderez les ministères.
    /// ```
    pub static TRANSLATION_WRONG_LANGUAGE = Rule {
        id: "translation-wrong-language",
        family: Family::Translation,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Posting(check),
    };
}

fn check(posting: &Posting, cx: &mut Context) {
    let Some((claimed, source)) = posting.lang else {
        return;
    };
    if source == LangSource::Detected || posting.is_bilingual() {
        return;
    }
    let prose = posting.prose_sample(posting.body_start..posting.text().len());
    let Some(detected) = lang::detect_reliable(&prose) else {
        return;
    };
    if detected == claimed {
        return;
    }
    let why = match source {
        LangSource::FrontMatter => "`lang:` says".to_string(),
        LangSource::Path => "its path says".to_string(),
        LangSource::Detected => unreachable!("returned above"),
    };
    let span = posting
        .markdown
        .blocks
        .first()
        .map_or(posting.span(posting.body_start..posting.body_start), |b| {
            b.span
        });
    let help = match claimed {
        Lang::Fr => {
            "Put the French translation in this file, or move the English text to the English folder."
        }
        Lang::En => {
            "Put the English text in this file, or move the French text to the French folder."
        }
    };
    cx.report(
        span,
        format!(
            "the text is in {} but {why} {}",
            detected.name(),
            claimed.name()
        ),
    )
    .help(help);
}
