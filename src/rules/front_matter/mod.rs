//! The front-matter family: YAML and metadata blocks read against a profile.

mod front_matter_empty_value;
mod front_matter_invalid_id;
mod front_matter_invalid_type;
mod front_matter_invalid_value;
mod front_matter_invalid_yaml;
mod front_matter_key_spelling;
mod front_matter_metadata_missing_marker;
mod front_matter_missing_key;
mod front_matter_unknown_key;
mod front_matter_value_whitespace;

use crate::posting::{Posting, SchemaErrorKind};
use crate::rules::{Context, Rule};

pub static RULES: &[&Rule] = &[
    &front_matter_empty_value::FRONT_MATTER_EMPTY_VALUE,
    &front_matter_invalid_id::FRONT_MATTER_INVALID_ID,
    &front_matter_invalid_type::FRONT_MATTER_INVALID_TYPE,
    &front_matter_invalid_value::FRONT_MATTER_INVALID_VALUE,
    &front_matter_invalid_yaml::FRONT_MATTER_INVALID_YAML,
    &front_matter_key_spelling::FRONT_MATTER_KEY_SPELLING,
    &front_matter_metadata_missing_marker::FRONT_MATTER_METADATA_MISSING_MARKER,
    &front_matter_missing_key::FRONT_MATTER_MISSING_KEY,
    &front_matter_unknown_key::FRONT_MATTER_UNKNOWN_KEY,
    &front_matter_value_whitespace::FRONT_MATTER_VALUE_WHITESPACE,
];

/// Reports the profile's schema errors of one kind: the rules that read the schema share this.
fn report_schema_errors(posting: &Posting, cx: &mut Context, kind: SchemaErrorKind) {
    for error in posting.schema_errors().iter().filter(|e| e.kind == kind) {
        let d = cx.report(error.span, error.message.clone());
        if let Some(help) = &error.help {
            d.help(help.clone());
        }
    }
}
