//! Files that cannot be read as postings. Reported by the engine while reading.

mod io_empty_file;
mod io_error;
mod io_file_too_large;

pub use io_empty_file::IO_EMPTY_FILE;
pub use io_error::IO_ERROR;
pub use io_file_too_large::{IO_FILE_TOO_LARGE, Options as FileSizeOptions};

pub static RULES: &[&crate::rules::Rule] = &[&IO_EMPTY_FILE, &IO_ERROR, &IO_FILE_TOO_LARGE];
