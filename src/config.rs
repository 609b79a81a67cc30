//! `postlint.toml` and command-line flags → [`Settings`]: which rules run on which file, at
//! which severity, with which profile and options, and the date taken as today.

use std::any::Any;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use globset::{Glob, GlobSet, GlobSetBuilder};
use jiff::civil::Date;
use miette::{NamedSource, SourceSpan};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::posting::{Profile, ProfileChoice};
use crate::rules::salary::Jurisdiction;
use crate::rules::{self, Rule};

/// The names postlint looks for, in each folder from the current one upward.
pub const CONFIG_NAMES: [&str; 2] = ["postlint.toml", ".postlint.toml"];

/// A problem in the configuration: a miette report, with a code frame of the file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
#[diagnostic(code(postlint::config))]
pub struct ConfigError {
    pub message: String,
    #[source_code]
    pub src: Option<NamedSource<String>>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

/// Boxed: a report carries the whole configuration file.
pub type ConfigResult<T> = Result<T, Box<ConfigError>>;

/// Rules and the severity given to them (`None`: off).
type SeverityChoice = (Vec<&'static Rule>, Option<Severity>);

impl ConfigError {
    fn plain(message: impl Into<String>, help: Option<String>) -> Box<Self> {
        Box::new(ConfigError {
            message: message.into(),
            src: None,
            span: None,
            label: String::new(),
            help,
        })
    }
}

/// `postlint.toml`, as written. Unknown keys are errors.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "postlint.toml")]
struct ConfigFile {
    /// Rules to run: rule ids, family ids, id prefixes, or "all" (default: all).
    #[schemars(with = "Option<Vec<String>>")]
    select: Option<Vec<Spanned<String>>>,
    /// Rules or families to run on top of `select`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    extend_select: Vec<Spanned<String>>,
    /// Rules or families to skip.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    ignore: Vec<Spanned<String>>,
    /// Front-matter profile: "auto", "none", "cds", "ods", or a name from `profiles`.
    #[schemars(with = "Option<String>")]
    profile: Option<Spanned<String>>,
    /// Pay-transparency law to check, as an ISO 3166-2 code such as "CA-ON" or "US-CO".
    #[schemars(with = "Option<String>")]
    jurisdiction: Option<Spanned<String>>,
    /// The employer's number of employees, for laws that cover only larger employers.
    employer_size: Option<u32>,
    /// The date treated as today (YYYY-MM-DD); the `--today` flag wins.
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    today: Option<Spanned<String>>,
    /// Files to leave out when walking folders: globs relative to this file's folder.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    exclude: Vec<Spanned<String>>,
    /// Check repository documents (README, CONTRIBUTING, SECURITY…) as postings too; folder
    /// walks skip them by default.
    #[serde(default)]
    lint_repository_docs: bool,
    /// Your own profiles: name = path of a JSON Schema file, relative to this file.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    profiles: BTreeMap<String, Spanned<String>>,
    /// Per rule or family: `severity` ("error", "warning", "info", "off") and rule options.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RuleTable>")]
    rules: BTreeMap<Spanned<String>, Spanned<toml::Table>>,
    /// Per-glob settings, applied in order after the ones above.
    #[serde(default)]
    overrides: Vec<OverrideFile>,
    /// Translation pairs the automatic pairing cannot find.
    #[serde(default)]
    translation: TranslationFile,
}

/// The schema of a `[rules.<id>]` table: a severity, and the rule's own options.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
struct RuleTable {
    /// "error", "warning", "info" or "off".
    severity: Option<SeverityName>,
    /// The rule's options (`postlint explain <rule>` lists them).
    #[serde(flatten)]
    options: BTreeMap<String, serde_json::Value>,
}

#[derive(schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum SeverityName {
    Error,
    Warning,
    Info,
    Off,
}

/// `[translation]`: pairs the automatic pairing cannot find.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct TranslationFile {
    /// `[["en/old-name.md", "fr/nouveau-nom.md"], …]`: paths (or path endings) of an English
    /// and a French posting.
    #[serde(default)]
    pairs: Vec<(String, String)>,
}

/// `[[overrides]]`: settings for the files matching `files`.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct OverrideFile {
    /// Globs relative to the configuration file's folder.
    #[schemars(with = "Vec<String>")]
    files: Vec<Spanned<String>>,
    /// Rules to run for these files, instead of the ones above.
    #[schemars(with = "Option<Vec<String>>")]
    select: Option<Vec<Spanned<String>>>,
    /// Rules or families to run on top.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    extend_select: Vec<Spanned<String>>,
    /// Rules or families to skip.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    ignore: Vec<Spanned<String>>,
    /// Front-matter profile for these files.
    #[schemars(with = "Option<String>")]
    profile: Option<Spanned<String>>,
    /// Pay-transparency law for these files.
    #[schemars(with = "Option<String>")]
    jurisdiction: Option<Spanned<String>>,
    /// The employer's size for these files.
    employer_size: Option<u32>,
    /// Per rule or family settings for these files.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RuleTable>")]
    rules: BTreeMap<Spanned<String>, Spanned<toml::Table>>,
}

/// The JSON Schema of `postlint.toml` (`postlint config-schema`).
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(ConfigFile)).unwrap_or_default()
}

/// Command-line choices that refine the configuration.
#[derive(Debug, Default, Clone)]
pub struct Flags {
    pub config: Option<PathBuf>,
    /// Look for the configuration from this path upward first (the first path to lint).
    pub search_from: Option<PathBuf>,
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub today: Option<Date>,
    pub profile: Option<String>,
}

/// One layer of choices: the config file, an override, or the flags.
#[derive(Debug, Default, Clone)]
struct Layer {
    select: Option<Vec<&'static Rule>>,
    extend_select: Vec<&'static Rule>,
    ignore: Vec<&'static Rule>,
    severities: Vec<SeverityChoice>,
    profile: Option<ProfileChoice>,
    jurisdiction: Option<&'static Jurisdiction>,
    employer_size: Option<u32>,
}

/// What applies to one file.
#[derive(Debug, Clone)]
pub struct FileSettings {
    /// Per rule, in the order of [`rules::all`]: its severity, or `None` when it is off.
    pub severities: Vec<Option<Severity>>,
    pub profile: ProfileChoice,
    /// Where pay-transparency law is checked (`jurisdiction` in config).
    pub jurisdiction: Option<&'static Jurisdiction>,
    /// The employer's head count, when given: small employers are exempt in some places.
    pub employer_size: Option<u32>,
}

impl FileSettings {
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
        rules::index_of(rule.id).and_then(|i| self.severities[i])
    }
}

/// A rule's `[rules.<id>]` options: the table as written, and the value the rule reads,
/// deserialised once for the whole run (patterns in it compiled once, not once a file).
#[derive(Debug)]
pub struct RuleOptions {
    table: toml::Table,
    typed: OnceLock<Arc<dyn Any + Send + Sync>>,
}

impl RuleOptions {
    pub fn new(table: toml::Table) -> RuleOptions {
        RuleOptions {
            table,
            typed: OnceLock::new(),
        }
    }

    /// The options as `T`: the rule's options type, read once. Options were checked against
    /// the rule when the configuration was loaded; a table that does not read as `T` gives
    /// `T`'s defaults.
    pub fn get<T: serde::de::DeserializeOwned + Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let read = || Arc::new(self.table.clone().try_into::<T>().unwrap_or_default());
        let typed = self.typed.get_or_init(|| read());
        Arc::clone(typed).downcast::<T>().unwrap_or_else(|_| read())
    }
}

#[derive(Debug)]
pub struct Settings {
    /// The configuration file used, if any.
    pub config_path: Option<PathBuf>,
    /// Folder that `exclude` and override globs are relative to.
    root: PathBuf,
    pub today: Date,
    exclude: GlobSet,
    base: Layer,
    overrides: Vec<(GlobSet, Layer)>,
    flags: Layer,
    /// `[rules.<id>]` options other than `severity`.
    pub options: BTreeMap<&'static str, RuleOptions>,
    /// Network checks, only with `--online`.
    pub online: Option<crate::online::Options>,
    /// Translation pairs named in the configuration.
    pub translation_pairs: Vec<(String, String)>,
    /// Shows how far a run has got (on standard error, only on a terminal).
    pub progress: Option<indicatif::ProgressBar>,
    /// Apply `exclude` to files named on the command line too (`--force-exclude`).
    pub force_exclude: bool,
    /// Whether repository documents ([`crate::discover::is_repository_doc`]) are linted.
    pub lint_repository_docs: bool,
}

impl Settings {
    /// Reads the configuration (found upward from `cwd`, or `flags.config`) and applies the flags.
    pub fn load(cwd: &Path, flags: &Flags, clock_today: Date) -> ConfigResult<Settings> {
        let config_path = match &flags.config {
            Some(path) => Some(path.clone()),
            None => flags
                .search_from
                .as_deref()
                .map(|p| cwd.join(p))
                .and_then(|p| {
                    let dir = if p.is_dir() {
                        Some(p.as_path())
                    } else {
                        p.parent()
                    };
                    dir.and_then(find_config)
                })
                .or_else(|| find_config(cwd)),
        };
        Self::with_config(cwd, config_path, flags, clock_today)
    }

    /// The built-in settings, whatever configuration files there are.
    pub fn builtin(cwd: &Path, clock_today: Date) -> Settings {
        match Self::with_config(cwd, None, &Flags::default(), clock_today) {
            Ok(settings) => settings,
            Err(e) => unreachable!("the built-in settings are valid: {e}"),
        }
    }

    fn with_config(
        cwd: &Path,
        config_path: Option<PathBuf>,
        flags: &Flags,
        clock_today: Date,
    ) -> ConfigResult<Settings> {
        let (file, source) = match &config_path {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    ConfigError::plain(format!("cannot read {}: {e}", path.display()), None)
                })?;
                let src = NamedSource::new(path.display().to_string(), text.clone());
                let file: ConfigFile = toml::from_str(&text).map_err(|e| {
                    Box::new(ConfigError {
                        message: format!("invalid configuration: {}", e.message()),
                        span: e.span().map(Into::into),
                        src: Some(src.clone()),
                        label: "here".into(),
                        help: Some("See the configuration reference in postlint's README.".into()),
                    })
                })?;
                (file, Some(src))
            }
            None => (ConfigFile::default(), None),
        };
        let root = config_path
            .as_deref()
            .and_then(Path::parent)
            .map(|p| {
                if p.as_os_str().is_empty() {
                    cwd.to_path_buf()
                } else {
                    cwd.join(p)
                }
            })
            .unwrap_or_else(|| cwd.to_path_buf());
        let err = |span: std::ops::Range<usize>, message: String, help: Option<String>| {
            Box::new(ConfigError {
                message,
                src: source.clone(),
                span: Some(span.into()),
                label: "here".into(),
                help,
            })
        };

        let mut profiles: BTreeMap<String, Arc<Profile>> = BTreeMap::new();
        for (name, path) in &file.profiles {
            let schema_path = root.join(path.get_ref());
            let text = std::fs::read_to_string(&schema_path).map_err(|e| {
                err(
                    path.span(),
                    format!("cannot read profile schema {}: {e}", schema_path.display()),
                    None,
                )
            })?;
            let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
                err(
                    path.span(),
                    format!("profile schema {} is not JSON: {e}", schema_path.display()),
                    None,
                )
            })?;
            let profile = Profile::new(name, json).map_err(|e| {
                err(
                    path.span(),
                    format!(
                        "profile schema {} is not a valid JSON Schema: {e}",
                        schema_path.display()
                    ),
                    None,
                )
            })?;
            profiles.insert(name.clone(), Arc::new(profile));
        }
        let profile_choice = |name: &Spanned<String>| -> ConfigResult<ProfileChoice> {
            resolve_profile(name.get_ref(), &profiles).ok_or_else(|| {
                err(
                    name.span(),
                    format!("unknown profile `{}`", name.get_ref()),
                    Some(profile_help(&profiles)),
                )
            })
        };
        let jurisdiction = |code: &Spanned<String>| -> ConfigResult<&'static Jurisdiction> {
            Jurisdiction::by_code(code.get_ref()).ok_or_else(|| {
                err(
                    code.span(),
                    format!("unknown jurisdiction `{}`", code.get_ref()),
                    Some(format!(
                        "Use one of {}.",
                        Jurisdiction::codes()
                            .iter()
                            .map(|c| format!("`{c}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                )
            })
        };
        let selectors = |list: &[Spanned<String>]| -> ConfigResult<Vec<&'static Rule>> {
            let mut out = Vec::new();
            for s in list {
                out.extend(select(s.get_ref()).map_err(|help| {
                    err(
                        s.span(),
                        format!("unknown rule or family `{}`", s.get_ref()),
                        Some(help),
                    )
                })?);
            }
            Ok(out)
        };
        let mut options = BTreeMap::new();
        let rule_tables = |tables: &BTreeMap<Spanned<String>, Spanned<toml::Table>>,
                           options: &mut BTreeMap<&'static str, toml::Table>|
         -> ConfigResult<Vec<SeverityChoice>> {
            let mut out = Vec::new();
            for (id, table) in tables {
                let matched = select(id.get_ref()).map_err(|help| {
                    err(
                        id.span(),
                        format!("unknown rule or family `{}`", id.get_ref()),
                        Some(help),
                    )
                })?;
                let mut rest = table.get_ref().clone();
                // `packs = ["house.toml"]`: word-list packs read now, their terms inlined.
                if let Some(toml::Value::Array(packs)) = rest.get("packs").cloned() {
                    let mut terms = match rest.remove("terms") {
                        Some(toml::Value::Array(t)) => t,
                        _ => Vec::new(),
                    };
                    for pack in packs {
                        let Some(name) = pack.as_str() else { continue };
                        let path = root.join(name);
                        let text = std::fs::read_to_string(&path).map_err(|e| {
                            err(
                                table.span(),
                                format!("cannot read the pack {}: {e}", path.display()),
                                None,
                            )
                        })?;
                        let parsed: toml::Table = toml::from_str(&text).map_err(|e| {
                            err(
                                table.span(),
                                format!(
                                    "the pack {} is not valid TOML: {}",
                                    path.display(),
                                    e.message()
                                ),
                                None,
                            )
                        })?;
                        if let Some(toml::Value::Array(more)) = parsed.get("term") {
                            terms.extend(more.iter().cloned());
                        }
                    }
                    rest.insert("terms".into(), toml::Value::Array(terms));
                }
                if let Some(value) = rest.remove("severity") {
                    let severity = match value.as_str() {
                        Some("off") => None,
                        Some(s) => Some(parse_severity(s).ok_or_else(|| {
                            err(
                                table.span(),
                                format!("invalid severity `{s}` for `{}`", id.get_ref()),
                                Some("Use `error`, `warning`, `info` or `off`.".into()),
                            )
                        })?),
                        None => {
                            return Err(err(
                                table.span(),
                                format!("the severity of `{}` must be a string", id.get_ref()),
                                Some("Use `error`, `warning`, `info` or `off`.".into()),
                            ));
                        }
                    };
                    out.push((matched.clone(), severity));
                }
                if rest.is_empty() {
                    continue;
                }
                let [rule] = matched.as_slice() else {
                    return Err(err(
                        table.span(),
                        format!(
                            "options need one rule, and `{}` names a family",
                            id.get_ref()
                        ),
                        None,
                    ));
                };
                match rule.options {
                    Some(validate) => validate(&rest).map_err(|e| {
                        err(
                            table.span(),
                            format!("invalid options for `{}`: {e}", rule.id),
                            None,
                        )
                    })?,
                    None => {
                        let key = rest.keys().next().cloned().unwrap_or_default();
                        return Err(err(
                            table.span(),
                            format!("`{}` has no option `{key}`", rule.id),
                            Some("The only key every rule takes is `severity`.".into()),
                        ));
                    }
                }
                options.insert(rule.id, rest);
            }
            Ok(out)
        };

        let base = Layer {
            select: file.select.as_deref().map(selectors).transpose()?,
            extend_select: selectors(&file.extend_select)?,
            ignore: selectors(&file.ignore)?,
            severities: rule_tables(&file.rules, &mut options)?,
            profile: file.profile.as_ref().map(profile_choice).transpose()?,
            jurisdiction: file.jurisdiction.as_ref().map(jurisdiction).transpose()?,
            employer_size: file.employer_size,
        };
        let glob_set = |globs: &[Spanned<String>]| -> ConfigResult<GlobSet> {
            let mut builder = GlobSetBuilder::new();
            for g in globs {
                let glob = Glob::new(g.get_ref()).map_err(|e| {
                    err(
                        g.span(),
                        format!("invalid glob `{}`: {e}", g.get_ref()),
                        None,
                    )
                })?;
                builder.add(glob);
            }
            builder
                .build()
                .map_err(|e| ConfigError::plain(e.to_string(), None))
        };
        let mut overrides = Vec::new();
        for o in &file.overrides {
            let layer = Layer {
                select: o.select.as_deref().map(selectors).transpose()?,
                extend_select: selectors(&o.extend_select)?,
                ignore: selectors(&o.ignore)?,
                severities: rule_tables(&o.rules, &mut options)?,
                profile: o.profile.as_ref().map(profile_choice).transpose()?,
                jurisdiction: o.jurisdiction.as_ref().map(jurisdiction).transpose()?,
                employer_size: o.employer_size,
            };
            overrides.push((glob_set(&o.files)?, layer));
        }
        let configured_today = file
            .today
            .as_ref()
            .map(|s| {
                s.get_ref().parse::<Date>().map_err(|e| {
                    err(
                        s.span(),
                        format!("invalid date `{}`: {e}", s.get_ref()),
                        Some("Write the date as YYYY-MM-DD.".into()),
                    )
                })
            })
            .transpose()?;
        let today = flags.today.or(configured_today).unwrap_or(clock_today);
        let flag_rules = |list: &[String]| -> ConfigResult<Vec<&'static Rule>> {
            let mut out = Vec::new();
            for s in list {
                out.extend(select(s).map_err(|help| {
                    ConfigError::plain(format!("unknown rule or family `{s}`"), Some(help))
                })?);
            }
            Ok(out)
        };
        let flags_layer = Layer {
            select: flags.select.as_deref().map(flag_rules).transpose()?,
            extend_select: flag_rules(&flags.extend_select)?,
            ignore: flag_rules(&flags.ignore)?,
            severities: Vec::new(),
            profile: flags
                .profile
                .as_deref()
                .map(|p| {
                    resolve_profile(p, &profiles).ok_or_else(|| {
                        ConfigError::plain(
                            format!("unknown profile `{p}`"),
                            Some(profile_help(&profiles)),
                        )
                    })
                })
                .transpose()?,
            jurisdiction: None,
            employer_size: None,
        };
        Ok(Settings {
            exclude: glob_set(&file.exclude)?,
            config_path,
            root,
            today,
            base,
            overrides,
            flags: flags_layer,
            options: options
                .into_iter()
                .map(|(id, table)| (id, RuleOptions::new(table)))
                .collect(),
            online: None,
            progress: None,
            force_exclude: false,
            lint_repository_docs: file.lint_repository_docs,
            translation_pairs: file.translation.pairs.clone(),
        })
    }

    /// Whether `exclude` leaves this file out, or it is a repository document (`README.md`…)
    /// and those are not linted.
    pub fn is_excluded(&self, path: &Path) -> bool {
        (!self.lint_repository_docs && crate::discover::is_repository_doc(path))
            || self
                .relative(path)
                .is_some_and(|rel| self.exclude.is_match(rel))
    }

    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir().ok()?.join(path)
        };
        let absolute: PathBuf = absolute
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect();
        absolute
            .strip_prefix(&self.root)
            .ok()
            .map(Path::to_path_buf)
    }

    /// The rules, severities and profile for one file.
    pub fn for_path(&self, path: &Path) -> FileSettings {
        let all = rules::all();
        let mut enabled = vec![true; all.len()];
        let mut severity: Vec<Severity> = all.iter().map(|r| r.severity).collect();
        let mut profile = ProfileChoice::Auto;
        let mut jurisdiction = None;
        let mut employer_size = None;
        let relative = self.relative(path);
        let overrides = self
            .overrides
            .iter()
            .filter(|(globs, _)| relative.as_ref().is_some_and(|r| globs.is_match(r)))
            .map(|(_, layer)| layer);
        for layer in std::iter::once(&self.base)
            .chain(overrides)
            .chain(std::iter::once(&self.flags))
        {
            if let Some(select) = &layer.select {
                for (i, rule) in all.iter().enumerate() {
                    enabled[i] = select.iter().any(|r| r.id == rule.id);
                }
            }
            for (i, rule) in all.iter().enumerate() {
                if layer.extend_select.iter().any(|r| r.id == rule.id) {
                    enabled[i] = true;
                }
                if layer.ignore.iter().any(|r| r.id == rule.id) {
                    enabled[i] = false;
                }
                for (rules, s) in &layer.severities {
                    if rules.iter().any(|r| r.id == rule.id) {
                        match s {
                            Some(s) => severity[i] = *s,
                            None => enabled[i] = false,
                        }
                    }
                }
            }
            if let Some(p) = &layer.profile {
                profile = p.clone();
            }
            if layer.jurisdiction.is_some() {
                jurisdiction = layer.jurisdiction;
            }
            if layer.employer_size.is_some() {
                employer_size = layer.employer_size;
            }
        }
        FileSettings {
            severities: enabled
                .iter()
                .zip(severity)
                .map(|(&on, s)| on.then_some(s))
                .collect(),
            profile,
            jurisdiction,
            employer_size,
        }
    }
}

fn find_config(cwd: &Path) -> Option<PathBuf> {
    cwd.ancestors()
        .flat_map(|dir| CONFIG_NAMES.iter().map(move |name| dir.join(name)))
        .find(|p| p.is_file())
}

fn parse_severity(s: &str) -> Option<Severity> {
    match s {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        _ => None,
    }
}

/// The rules a selector picks, or a "did you mean" help.
fn select(selector: &str) -> Result<Vec<&'static Rule>, String> {
    let matched = rules::matching(selector);
    if !matched.is_empty() {
        return Ok(matched);
    }
    let names = rules::all()
        .iter()
        .map(|r| r.id)
        .chain(rules::Family::ALL.iter().map(|f| f.id()));
    let best = names
        .map(|n| (strsim::jaro_winkler(n, selector), n))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.8);
    Err(match best {
        Some((_, name)) => format!("Did you mean `{name}`? `postlint rules` lists every rule."),
        None => "`postlint rules` lists every rule and family.".into(),
    })
}

fn resolve_profile(name: &str, custom: &BTreeMap<String, Arc<Profile>>) -> Option<ProfileChoice> {
    match name {
        "auto" => Some(ProfileChoice::Auto),
        "none" => Some(ProfileChoice::None),
        _ => custom
            .get(name)
            .cloned()
            .or_else(|| Profile::built_in(name))
            .map(ProfileChoice::Fixed),
    }
}

fn profile_help(custom: &BTreeMap<String, Arc<Profile>>) -> String {
    let mut names: Vec<String> = ["auto", "none"].iter().map(|s| s.to_string()).collect();
    names.extend(Profile::built_in_names().iter().map(|s| s.to_string()));
    names.extend(custom.keys().cloned());
    format!(
        "Use one of {}, or name a JSON Schema under `[profiles]`.",
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The commented `postlint.toml` that `postlint init` writes for the postings of `run`: the
/// profile they share (or `auto` when they differ) and what was found.
pub fn init_file(run: &crate::Run) -> String {
    let mut profiles: BTreeMap<String, usize> = BTreeMap::new();
    let mut langs: BTreeMap<String, usize> = BTreeMap::new();
    let mut postings = 0;
    for posting in run.postings() {
        postings += 1;
        let profile = posting.profile.as_ref().map_or("none", |p| p.name.as_str());
        *profiles.entry(profile.to_string()).or_default() += 1;
        for segment in &posting.segments {
            *langs.entry(segment.lang.code().to_string()).or_default() += 1;
        }
    }
    let profile = match profiles.keys().collect::<Vec<_>>().as_slice() {
        [only] if only.as_str() != "none" => only.as_str(),
        _ => "auto",
    };
    let count = |m: &BTreeMap<_, usize>| -> String {
        m.iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let summary = if postings == 0 {
        "no postings yet.".to_string()
    } else {
        format!(
            "{}; profiles: {}; languages: {}.",
            crate::report::plural(postings, "posting"),
            count(&profiles),
            count(&langs)
        )
    };
    include_str!("init.toml")
        .replace("{summary}", &summary)
        .replace("{profile}", profile)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, serde::Deserialize)]
    struct Limits {
        max: u32,
    }

    #[test]
    fn rule_options_are_read_once_a_run() {
        let table: toml::Table = toml::from_str("max = 12").unwrap();
        let options = RuleOptions::new(table);
        let first = options.get::<Limits>();
        assert_eq!(*first, Limits { max: 12 });
        assert!(Arc::ptr_eq(&first, &options.get::<Limits>()));
        // Read as another type, the table is read again, not mistaken for the first.
        #[derive(Debug, Default, serde::Deserialize)]
        struct Other {
            max: Option<u32>,
        }
        assert_eq!(options.get::<Other>().max, Some(12));
        let wrong = RuleOptions::new(toml::from_str("max = 'twelve'").unwrap());
        assert_eq!(*wrong.get::<Limits>(), Limits::default());
    }
}
