//! Text that is not clean UTF-8, or not in lines every tool sees. Reported by the engine
//! while reading.

mod encoding_bom;
mod encoding_invalid;
mod encoding_line_ending;
mod encoding_nul;

pub use encoding_bom::ENCODING_BOM;
pub use encoding_invalid::ENCODING_INVALID;
pub use encoding_line_ending::{ENCODING_LINE_ENDING, lone_carriage_returns};
pub use encoding_nul::ENCODING_NUL;

pub static RULES: &[&crate::rules::Rule] = &[
    &ENCODING_BOM,
    &ENCODING_INVALID,
    &ENCODING_LINE_ENDING,
    &ENCODING_NUL,
];
