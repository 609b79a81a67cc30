//! The closing-date family: a deadline stated for every open posting, readable, real, in the
//! right time zone, not past, and stated the same way everywhere.

mod closing_date_before_published;
mod closing_date_incomplete;
mod closing_date_inconsistent;
mod closing_date_missing;
mod closing_date_past;
mod closing_date_style;
mod closing_date_unreadable;
mod closing_date_updated_before_published;
mod closing_date_weekday_mismatch;
mod closing_date_wrong_zone;

use crate::posting::Posting;
use crate::posting::date::DateText;
use crate::posting::facts::{Found, Origin};
use crate::rules::Rule;

pub static RULES: &[&Rule] = &[
    &closing_date_before_published::CLOSING_DATE_BEFORE_PUBLISHED,
    &closing_date_incomplete::CLOSING_DATE_INCOMPLETE,
    &closing_date_inconsistent::CLOSING_DATE_INCONSISTENT,
    &closing_date_missing::CLOSING_DATE_MISSING,
    &closing_date_past::CLOSING_DATE_PAST,
    &closing_date_style::CLOSING_DATE_STYLE,
    &closing_date_unreadable::CLOSING_DATE_UNREADABLE,
    &closing_date_updated_before_published::CLOSING_DATE_UPDATED_BEFORE_PUBLISHED,
    &closing_date_weekday_mismatch::CLOSING_DATE_WEEKDAY_MISMATCH,
    &closing_date_wrong_zone::CLOSING_DATE_WRONG_ZONE,
];

/// The statements of the deadline in running text (front-matter values are machine data).
fn in_text(posting: &Posting) -> impl Iterator<Item = &Found<DateText>> {
    posting
        .facts
        .deadlines
        .iter()
        .filter(|d| d.origin == Origin::Body)
}

/// The latest stated closing date and time, if any could be read.
fn latest(posting: &Posting) -> Option<&Found<DateText>> {
    posting
        .facts
        .deadlines
        .iter()
        .filter(|d| d.value.date.is_some())
        .max_by_key(|d| d.value.datetime())
}
