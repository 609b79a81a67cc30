use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A file larger than 1 MiB (configurable). It is not checked: a job posting is a few
    /// kilobytes, and a file a thousand times that size is an export, a log or a data file
    /// named `.md` by mistake, whose checking would only slow every run down.
    ///
    /// ## Why it matters
    /// A file that is not checked must not pass silently: this finding is an error, so the
    /// run fails until the file is moved out of the postings, excluded in `postlint.toml`, or
    /// the limit raised.
    ///
    /// ## Options
    /// `[rules.io-file-too-large] max-bytes = 1048576`
    pub static IO_FILE_TOO_LARGE = Rule {
        id: "io-file-too-large",
        family: Family::Io,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: Some(validate_options::<Options>),
        check: Check::Engine,
    };
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    #[serde(default = "default_max")]
    pub max_bytes: u64,
}

fn default_max() -> u64 {
    1024 * 1024
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: default_max(),
        }
    }
}
