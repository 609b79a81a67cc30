use std::sync::{Arc, OnceLock};

use crate::posting::Lang;
use crate::posting::fold::LETTER;
use crate::posting::pattern::Pattern;
use crate::rules::prelude::*;
use crate::rules::word_list::{self, ListOptions, WordList};

declare_rule! {
    /// ## What it flags
    /// Gendered terms, with neutral alternatives: `guys`, `manpower`, `chairman`, `he/she`,
    /// `his or her`; in French, forms the OQLF does not retain (`il/elle`, and short doublets
    /// such as `candidat(e)`, `retenu(e)s`, `directeurs(trices)` outside tables) and the ideal
    /// candidate in the masculine (`le candidat idéal`). Lists: `rules/plain-language/gendered.en.toml` and `gendered.fr.toml`.
    ///
    /// ## Why it matters
    /// Gendered wording tells some readers the job is not for them. The Canada.ca guide asks
    /// for gender-inclusive writing as standard practice, and the EU Pay Transparency Directive
    /// (Art. 5(3)) requires gender-neutral vacancy notices.
    ///
    /// ## Examples
    /// ```md,bad,file=poste.fr.md
    /// Le candidat idéal aime travailler en équipe.
    /// ```
    /// ```md,good,file=poste.fr.md
    /// La personne idéale aime travailler en équipe.
    /// ```
    ///
    /// ## Options
    /// `packs`, `terms` and `allow`, as for `plain-language-jargon`.
    ///
    /// ## References
    /// Language Portal of Canada, "Inclusive writing – Guidelines and resources"; OQLF, Banque
    /// de dépannage linguistique (rédaction épicène; signes non retenus pour les doublets abrégés).
    pub static INCLUSIVE_GENDERED_TERM = Rule {
        id: "inclusive-gendered-term",
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
        include_str!("../../../rules/plain-language/gendered.en.toml"),
    ),
    (
        Lang::Fr,
        include_str!("../../../rules/plain-language/gendered.fr.toml"),
    ),
];

/// French short doublets: `candidat(e)`, `retenu(e)s`, `directeurs(trices)`, `agent(e)`.
static SHORT_DOUBLET: std::sync::LazyLock<Pattern> = std::sync::LazyLock::new(|| {
    Pattern::new(&format!(
        r"{LETTER}+\((?:e|ne|le|te|se|trice|euse|ice|ère|ive|rice|ve|fe|he)s?\)s?"
    ))
});

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<ListOptions>();
    // Short doublets are for tables and forms, where space is short (OQLF). A posting written
    // with them has many: report the first three, with the count.
    let mut doublets = Vec::new();
    for block in posting.markdown.blocks.iter().filter(|b| !b.in_table) {
        if posting.lang_at(block.span.start as usize) != Some(Lang::Fr) {
            continue;
        }
        for m in SHORT_DOUBLET.find_iter(&block.text) {
            if block.text[m.end()..].starts_with(|c: char| c.is_alphanumeric())
                || options.allow.iter().any(|a| a == m.as_str())
            {
                continue;
            }
            doublets.push((m.as_str().to_string(), block.source_span(m.range())));
        }
    }
    let total = doublets.len();
    for (written, span) in doublets.into_iter().take(3) {
        let more = if total > 3 {
            format!(" ({total} in this posting)")
        } else {
            String::new()
        };
        cx.report(span, format!("`{written}` is a short doublet{more}")).help(
            "Écrivez le doublet complet (« candidates et candidats ») ou une forme épicène (« personne candidate »); l'OQLF réserve les doublets abrégés aux tableaux et formulaires.",
        );
    }
    let list = word_list::list_for(&LIST, &PACKS, &options);
    for hit in list.find(posting, &options.allow) {
        let help = hit.help();
        cx.report(hit.span, format!("`{}` is gendered", hit.text))
            .help(help);
    }
}
