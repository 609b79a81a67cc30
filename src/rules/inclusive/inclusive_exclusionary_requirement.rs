use std::sync::{Arc, OnceLock};

use crate::posting::Lang;
use crate::rules::prelude::*;
use crate::rules::word_list::{self, ListOptions, WordList};

declare_rule! {
    /// ## What it flags
    /// Requirements that exclude people on grounds the law protects: `Canadian experience` and
    /// `expérience canadienne` (prohibited in Ontario job postings since January 1, 2026),
    /// `native speaker`, `mother tongue`, `langue maternelle`, `digital native`, `young`,
    /// `recent graduate`, `récemment diplômé`. Lists: `rules/plain-language/exclusionary.en.toml` and
    /// `exclusionary.fr.toml`.
    ///
    /// ## Why it matters
    /// The Ontario Human Rights Code (s. 23(1)) forbids job ads that classify candidates by a
    /// prohibited ground, the OHRC says a "Canadian experience" requirement is discriminatory,
    /// and Ontario's Employment Standards Act bans it in postings. Age-coded words such as
    /// `young` and `recent graduate` are the textbook examples of age discrimination in ads.
    ///
    /// ## Examples
    /// ```md,bad
    /// You have at least two years of Canadian experience.
    /// ```
    /// ```md,good
    /// You have at least two years of experience in a similar role.
    /// ```
    ///
    /// ## Options
    /// `packs`, `terms` and `allow`, as for `plain-language-jargon`.
    pub static INCLUSIVE_EXCLUSIONARY_REQUIREMENT = Rule {
        id: "inclusive-exclusionary-requirement",
        family: Family::Inclusive,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: Some(validate_options::<ListOptions>),
        check: Check::Posting(check),
    };
}

static LIST: OnceLock<Arc<WordList>> = OnceLock::new();

const PACKS: [(Lang, &str); 2] = [
    (
        Lang::En,
        include_str!("../../../rules/plain-language/exclusionary.en.toml"),
    ),
    (
        Lang::Fr,
        include_str!("../../../rules/plain-language/exclusionary.fr.toml"),
    ),
];

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<ListOptions>();
    let list = word_list::list_for(&LIST, &PACKS, &options);
    for hit in list.find(posting, &options.allow) {
        let help = format!("{} ({})", hit.help(), hit.term.source);
        cx.report(
            hit.span,
            format!("`{}` excludes candidates on a protected ground", hit.text),
        )
        .help(help);
    }
}
