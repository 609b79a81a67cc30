//! Command-line types (clap) only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::Format;

#[derive(Debug, Parser)]
#[command(
    name = "postlint",
    version,
    about = "Lint job postings written in Markdown: front matter, closing dates, salaries, links, EN/FR parity and plain language.",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint posting files and folders.
    Check(Box<CheckArgs>),
    /// List every rule.
    Rules(RulesArgs),
    /// Print a rule's documentation: what it flags, why, examples.
    Explain {
        /// A rule id, such as `front-matter-missing-key`.
        rule: String,
    },
    /// Write a commented `postlint.toml` for the postings in this folder.
    Init {
        /// The folder of postings (the file is written there).
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Overwrite an existing `postlint.toml`.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell: bash, elvish, fish, powershell or zsh.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a `man1` folder.
    Man,
    /// Print the JSON Schema of `postlint.toml`, for editors' completion and checks.
    ConfigSchema,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when an error-severity finding is reported.
    Error,
    /// Exit 1 when an error or warning is reported.
    Warning,
    /// Exit 1 on any finding.
    Info,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to lint [default: .]
    pub paths: Vec<PathBuf>,
    /// Lint standard input as if it were this file (its folder's configuration applies).
    /// With `--fix`, the fixed text is written to standard output.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["paths", "watch"])]
    pub stdin_filename: Option<PathBuf>,
    /// Leave out files named on the command line that `exclude` matches, as folders' files are
    /// (for pre-commit hooks and editors, which name every file).
    #[arg(long)]
    pub force_exclude: bool,
    /// Lint again whenever a posting or the configuration changes.
    #[arg(long, short = 'w', conflicts_with = "diff")]
    pub watch: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Use this configuration file instead of looking for `postlint.toml` upward.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Run only these rules or families (comma-separated), instead of the configured ones.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Option<Vec<String>>,
    /// Run these rules or families too.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Vec<String>,
    /// Skip these rules or families.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Front-matter profile: `auto`, `none`, `cds`, `ods` or one named in the configuration.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// The date to treat as today, for date rules (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub today: Option<jiff::civil::Date>,
    /// Apply safe fixes, then report what is left.
    #[arg(long)]
    pub fix: bool,
    /// With `--fix` or `--diff`, apply unsafe fixes too (check them: they may change meaning).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Show the fixes as a diff, without writing any file (exit 1 if there is one).
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Print how many findings each rule reported, instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Which findings make the exit code 1.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Exit 0 even when findings are reported (2 still means postlint failed).
    #[arg(long)]
    pub exit_zero: bool,
    /// Check links over the network: follow shortened URLs and report dead links. postlint never
    /// touches the network without this flag.
    #[arg(long)]
    pub online: bool,
    /// Seconds to wait for each link with `--online`.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 10,
        requires = "online"
    )]
    pub online_timeout: u64,
    /// Where `--online` caches its results for a day [default: .postlint-cache/links.json].
    #[arg(long, value_name = "FILE", requires = "online")]
    pub online_cache: Option<PathBuf>,
    /// Do not read or write the `--online` cache.
    #[arg(long, requires = "online")]
    pub no_cache: bool,
    /// Number of threads to parse and check with [default: the number of cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// `human` prints a table; `json` a list of `{id, family, severity, fixable, docs}`.
    #[arg(long, value_enum, default_value = "human")]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
}
