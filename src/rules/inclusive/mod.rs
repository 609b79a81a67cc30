//! The inclusive family: wording that welcomes every qualified candidate. Lists are TOML packs
//! in `rules/plain-language/`.

mod inclusive_culture_term;
mod inclusive_exclusionary_requirement;
mod inclusive_gender_coded;
mod inclusive_gendered_term;

use crate::rules::Rule;

pub static RULES: &[&Rule] = &[
    &inclusive_culture_term::INCLUSIVE_CULTURE_TERM,
    &inclusive_exclusionary_requirement::INCLUSIVE_EXCLUSIONARY_REQUIREMENT,
    &inclusive_gender_coded::INCLUSIVE_GENDER_CODED,
    &inclusive_gendered_term::INCLUSIVE_GENDERED_TERM,
];
