use std::sync::{Arc, OnceLock};

use crate::posting::Lang;
use crate::rules::prelude::*;
use crate::rules::word_list::{self, ListOptions, WordList};

declare_rule! {
    /// ## What it flags
    /// Culture terms that put people off or promise little: `rockstar`, `ninja`, `guru`,
    /// `work hard, play hard`, `hit the ground running`, `beer fridge`; French `ninja`,
    /// `gourou`, `être opérationnel dès le premier jour`. Lists: `rules/plain-language/culture.en.toml`
    /// and `culture.fr.toml`, adapted from joblint.
    ///
    /// ## Why it matters
    /// They read as an in-group's culture, suggest long hours, and say nothing about the job.
    ///
    /// ## Examples
    /// ```md,bad
    /// We're looking for a JavaScript ninja who can hit the ground running.
    /// ```
    /// ```md,good
    /// We're looking for an experienced JavaScript developer; we'll help you settle in.
    /// ```
    ///
    /// ## Options
    /// `packs`, `terms` and `allow`, as for `plain-language-jargon`.
    ///
    /// ## References
    /// joblint (rowanmanning/joblint, MIT): dumb job titles, hollow benefits, new starter
    /// expectations, bro terminology.
    pub static INCLUSIVE_CULTURE_TERM = Rule {
        id: "inclusive-culture-term",
        family: Family::Inclusive,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: Some(validate_options::<ListOptions>),
        check: Check::Posting(check),
    };
}

static LIST: OnceLock<Arc<WordList>> = OnceLock::new();

const PACKS: [(Lang, &str); 2] = [
    (
        Lang::En,
        include_str!("../../../rules/plain-language/culture.en.toml"),
    ),
    (
        Lang::Fr,
        include_str!("../../../rules/plain-language/culture.fr.toml"),
    ),
];

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<ListOptions>();
    let list = word_list::list_for(&LIST, &PACKS, &options);
    for hit in list.find(posting, &options.allow) {
        let help = hit.help();
        cx.report(hit.span, format!("`{}` puts candidates off", hit.text))
            .help(help);
    }
}
