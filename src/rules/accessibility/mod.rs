//! The accessibility family: structure that screen readers and keyboard users can navigate,
//! and text without invisible traps.

mod accessibility_body_below_h2;
mod accessibility_bold_heading;
mod accessibility_empty_heading;
mod accessibility_heading_missing_space;
mod accessibility_heading_skip;
mod accessibility_image_alt;
mod accessibility_invisible_character;

use crate::rules::Rule;

pub use accessibility_invisible_character::is_invisible;

pub static RULES: &[&Rule] = &[
    &accessibility_body_below_h2::ACCESSIBILITY_BODY_BELOW_H2,
    &accessibility_bold_heading::ACCESSIBILITY_BOLD_HEADING,
    &accessibility_empty_heading::ACCESSIBILITY_EMPTY_HEADING,
    &accessibility_heading_missing_space::ACCESSIBILITY_HEADING_MISSING_SPACE,
    &accessibility_heading_skip::ACCESSIBILITY_HEADING_SKIP,
    &accessibility_image_alt::ACCESSIBILITY_IMAGE_ALT,
    &accessibility_invisible_character::ACCESSIBILITY_INVISIBLE_CHARACTER,
];
