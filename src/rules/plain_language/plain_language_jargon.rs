use std::sync::{Arc, OnceLock};

use crate::posting::Lang;
use crate::rules::prelude::*;
use crate::rules::word_list::{self, ListOptions, WordList};

declare_rule! {
    /// ## What it flags
    /// Jargon and wordy phrases, with a plainer alternative: `utilize` → `use`, `leverage`,
    /// `synergy`, `in order to`; French `en amont`, `optimiser`, `impacter`, `au niveau de`…
    /// The lists are packs in `rules/plain-language/jargon.en.toml` and `jargon.fr.toml`.
    ///
    /// ## Why it matters
    /// Plain words are understood faster by everyone, and most of all by people reading in their
    /// second language (WCAG 3.1.3 Unusual Words; Canada.ca: "Simple words have two syllables
    /// or less").
    ///
    /// ## Examples
    /// ```md,bad
    /// You will leverage modern tools in order to improve services.
    /// ```
    /// ```md,good
    /// You will use modern tools to improve services.
    /// ```
    ///
    /// ## Options
    /// ```toml
    /// [rules.plain-language-jargon]
    /// packs = ["house-jargon.toml"]   # more terms, in the same format
    /// allow = ["leverage"]            # words you accept
    /// ```
    pub static PLAIN_LANGUAGE_JARGON = Rule {
        id: "plain-language-jargon",
        family: Family::PlainLanguage,
        severity: Severity::Info,
        fix: FixAvailability::Never,
        options: Some(validate_options::<ListOptions>),
        check: Check::Posting(check),
    };
}

static LIST: OnceLock<Arc<WordList>> = OnceLock::new();

const PACKS: [(Lang, &str); 2] = [
    (
        Lang::En,
        include_str!("../../../rules/plain-language/jargon.en.toml"),
    ),
    (
        Lang::Fr,
        include_str!("../../../rules/plain-language/jargon.fr.toml"),
    ),
];

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<ListOptions>();
    let list = word_list::list_for(&LIST, &PACKS, &options);
    for hit in list.find(posting, &options.allow) {
        let help = hit.help();
        cx.report(hit.span, format!("`{}` is jargon", hit.text))
            .help(help);
    }
}
