//! `<!-- postlint-disable … -->` comments that do nothing or cannot be understood.
//! Reported by the engine when it applies suppressions.

mod suppression_invalid;
mod suppression_unused;

pub use suppression_invalid::SUPPRESSION_INVALID;
pub use suppression_unused::SUPPRESSION_UNUSED;

pub static RULES: &[&crate::rules::Rule] = &[&SUPPRESSION_INVALID, &SUPPRESSION_UNUSED];
