//! The flow, nothing more: read and parse every file once (in parallel), run the rules,
//! apply suppressions, sort.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::{FileSettings, Settings};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::discover::{self, Discovered};
use crate::online;
use crate::posting::corpus::{self, Corpus};
use crate::posting::{FileId, Posting, SourceFile};
use crate::rules::{self, Check, Context, CorpusContext, Rule};
use crate::suppression;

/// A file of the run: parsed, or left unparsed because it could not be read as text.
#[derive(Debug)]
pub enum File {
    Posting(Box<Posting>),
    Unread(SourceFile),
}

impl File {
    pub fn source(&self) -> &SourceFile {
        match self {
            File::Posting(p) => &p.source,
            File::Unread(s) => s,
        }
    }
}

/// Everything a reporter needs.
#[derive(Debug)]
pub struct Run {
    /// Indexed by [`FileId`].
    pub files: Vec<File>,
    /// Sorted by path, offset, rule id.
    pub diagnostics: Vec<Diagnostic>,
    /// Translation counterparts read from disk only to compare with [`Run::files`], when those
    /// were named one by one (a pre-commit hook, an editor): not checked, never fixed. Their
    /// ids follow those of `files`.
    pub context: Vec<Posting>,
}

impl Run {
    pub fn source(&self, id: FileId) -> &SourceFile {
        let i = id.0 as usize;
        match self.files.get(i) {
            Some(file) => file.source(),
            None => &self.context[i - self.files.len()].source,
        }
    }

    pub fn postings(&self) -> impl Iterator<Item = &Posting> {
        self.files.iter().filter_map(|f| match f {
            File::Posting(p) => Some(p.as_ref()),
            File::Unread(_) => None,
        })
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Where a file's text comes from.
enum Entry {
    Disk,
    /// Given by the caller (standard input).
    Given(Vec<u8>),
    /// The walk could not read it, for this reason.
    Unwalkable(String),
}

/// Lints the discovered files.
pub fn run(found: Discovered, settings: &Settings) -> Run {
    let mut entries: Vec<(PathBuf, Entry)> =
        found.files.into_iter().map(|p| (p, Entry::Disk)).collect();
    entries.extend(
        found
            .errors
            .into_iter()
            .map(|(p, reason)| (p, Entry::Unwalkable(reason))),
    );
    entries.extend(
        found
            .given
            .into_iter()
            .map(|(p, bytes)| (p, Entry::Given(bytes))),
    );
    entries.sort_by_key(|(p, _)| discover::display(p));
    let progress = settings
        .progress
        .clone()
        .unwrap_or_else(indicatif::ProgressBar::hidden);
    // Each file is counted once read and parsed, and once checked.
    progress.set_length(2 * entries.len() as u64);
    // Read and parse every file once, in parallel.
    let loaded: Vec<(File, Vec<Diagnostic>, FileSettings)> = entries
        .par_iter()
        .enumerate()
        .map(|(i, (path, entry))| {
            let id = FileId(i as u32);
            let file_settings = settings.for_path(path);
            let metadata = match entry {
                Entry::Disk => std::fs::metadata(path).ok(),
                _ => None,
            };
            let size = match entry {
                Entry::Given(bytes) => bytes.len() as u64,
                _ => metadata.as_ref().map_or(0, |m| m.len()),
            };
            let (file, found) = match entry {
                Entry::Unwalkable(reason) => unread_file(id, path, reason, &file_settings),
                // A named pipe or a device would block the read, or never end.
                Entry::Disk if metadata.as_ref().is_some_and(|m| !m.is_file()) => unread_file(
                    id,
                    path,
                    "not a regular file (a named pipe, a socket or a device)",
                    &file_settings,
                ),
                _ if too_large(size, &file_settings, settings) => {
                    too_large_file(id, path, size, &file_settings, settings)
                }
                Entry::Disk => match std::fs::read(path) {
                    Ok(bytes) => load_file(id, path, bytes, &file_settings),
                    Err(e) => {
                        let is_link = std::fs::symlink_metadata(path)
                            .is_ok_and(|m| m.file_type().is_symlink());
                        let reason = if is_link {
                            discover::link_reason(&e)
                        } else {
                            discover::io_reason(&e)
                        };
                        unread_file(id, path, &reason, &file_settings)
                    }
                },
                Entry::Given(bytes) => load_file(id, path, bytes.clone(), &file_settings),
            };
            progress.inc(1);
            (file, found, file_settings)
        })
        .collect();
    // The network, only with `--online`: every link of the run checked once.
    let online = settings.online.as_ref().map(|options| {
        let urls = loaded
            .iter()
            .filter_map(|(file, _, _)| match file {
                File::Posting(p) => Some(
                    p.markdown
                        .links
                        .iter()
                        .chain(&p.markdown.bare_urls)
                        .map(|l| l.url.clone()),
                ),
                File::Unread(_) => None,
            })
            .flatten()
            .collect();
        online::check(&urls, options)
    });
    // Check each posting, in parallel.
    let checked: Vec<Vec<Diagnostic>> = loaded
        .par_iter()
        .map(|(file, _, file_settings)| {
            let found = match file {
                File::Posting(posting) => check(posting, file_settings, settings, online.as_ref()),
                File::Unread(_) => Vec::new(),
            };
            progress.inc(1);
            found
        })
        .collect();
    progress.finish_and_clear();
    // Then the corpus: translation pairs across files, with counterparts left out of the run.
    let mut by_file = checked;
    let corpus_rules_on = rules::all().iter().enumerate().any(|(i, rule)| {
        matches!(rule.check, Check::Corpus(_))
            && loaded.iter().any(|(_, _, fs)| fs.severities[i].is_some())
    });
    let context = if corpus_rules_on {
        counterparts(&loaded, settings)
    } else {
        Vec::new()
    };
    let context_settings: Vec<FileSettings> = context
        .iter()
        .map(|p| settings.for_path(std::path::Path::new(&p.source.path)))
        .collect();
    {
        let summarised = loaded
            .iter()
            .filter_map(|(f, _, _)| match f {
                File::Posting(p) => Some(p.as_ref()),
                File::Unread(_) => None,
            })
            .chain(&context)
            .map(corpus::summarise_file)
            .collect();
        let corpus = Corpus::new(summarised, &settings.translation_pairs);
        for (i, rule) in rules::all().iter().enumerate() {
            let Check::Corpus(check) = rule.check else {
                continue;
            };
            let severities: Vec<Option<Severity>> = loaded
                .iter()
                .map(|(_, _, fs)| fs.severities[i])
                .chain(context_settings.iter().map(|fs| fs.severities[i]))
                .collect();
            let mut found = Vec::new();
            let mut cx = CorpusContext {
                rule,
                severities: &severities,
                diagnostics: &mut found,
                discarded: Vec::new(),
            };
            check(&corpus, &mut cx);
            for d in found {
                // Findings in a counterpart that was only read for comparison are not reported.
                if let Some(file) = by_file.get_mut(d.span.file.0 as usize) {
                    file.push(d);
                }
            }
        }
    }
    // Suppressions see every finding of their file, the corpus rules' included.
    let mut files = Vec::with_capacity(loaded.len());
    let mut diagnostics = Vec::new();
    for ((file, mut engine_found, file_settings), mut found) in loaded.into_iter().zip(by_file) {
        if let File::Posting(posting) = &file {
            suppression::apply(posting, &mut found, &|rule| file_settings.severity(rule));
        }
        diagnostics.append(&mut engine_found);
        diagnostics.append(&mut found);
        files.push(file);
    }
    diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start, a.rule, a.span.end, &a.message).cmp(&(
            b.span.file,
            b.span.start,
            b.rule,
            b.span.end,
            &b.message,
        ))
    });
    Run {
        files,
        diagnostics,
        context,
    }
}

/// The files where the translations of the run's postings would be (the parallel `en/`/`fr/`
/// folder, the `.en.md`/`.fr.md` sibling) that are not in the run, parsed for comparison.
fn counterparts(
    loaded: &[(File, Vec<Diagnostic>, FileSettings)],
    settings: &Settings,
) -> Vec<Posting> {
    let linted: std::collections::BTreeSet<String> = loaded
        .iter()
        .map(|(f, _, _)| f.source().path.clone())
        .collect();
    let mut candidates = std::collections::BTreeSet::new();
    let mut folders = std::collections::BTreeSet::new();
    // What a counterpart in the parallel folder must contain: the `translationKey` or `leverId`
    // of a posting of the run. Only files holding one are parsed; when a posting has neither,
    // every file of the folder is, to be paired by name or suggested as likely.
    let mut needles: Option<Vec<String>> = Some(Vec::new());
    for (file, _, _) in loaded {
        let path = std::path::Path::new(&file.source().path);
        if let (File::Posting(posting), Some(list)) = (file, needles.as_mut()) {
            let ids: Vec<String> = ["translationKey", "leverId"]
                .into_iter()
                .filter_map(|key| posting.front_matter.str(key))
                .map(|id| id.trim().to_ascii_lowercase())
                .filter(|id| !id.is_empty())
                .collect();
            if ids.is_empty() {
                needles = None;
            } else {
                list.extend(ids);
            }
        }
        let swapped: PathBuf = path
            .components()
            .map(|c| match c.as_os_str().to_str() {
                Some("en") => std::ffi::OsStr::new("fr"),
                Some("fr") => std::ffi::OsStr::new("en"),
                _ => c.as_os_str(),
            })
            .collect();
        if swapped != path
            && let Some(folder) = swapped.parent()
        {
            folders.insert(folder.to_path_buf());
        }
        let name = path.to_string_lossy();
        for (from, to) in [(".en.", ".fr."), (".fr.", ".en.")] {
            if name.contains(from) {
                candidates.insert(PathBuf::from(name.replace(from, to)));
            }
        }
    }
    let siblings = candidates.clone();
    for folder in folders {
        if let Ok(entries) = std::fs::read_dir(folder) {
            candidates.extend(entries.flatten().map(|e| e.path()));
        }
    }
    let may_pair = |path: &PathBuf, text: &str| {
        siblings.contains(path)
            || needles.as_ref().is_none_or(|needles| {
                let text = text.to_ascii_lowercase();
                needles.iter().any(|n| contains_id(&text, n))
            })
    };
    let first = loaded.len();
    candidates
        .into_iter()
        .filter(|p| !linted.contains(&discover::display(p)))
        .filter(|p| p.is_file() && discover::is_markdown(p) && !settings.is_excluded(p))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            may_pair(&p, &text).then_some((p, text))
        })
        .enumerate()
        .map(|(i, (p, text))| {
            let profile = settings.for_path(&p).profile;
            Posting::parse(
                FileId((first + i) as u32),
                discover::display(&p),
                text,
                &profile,
            )
        })
        .collect()
}

/// `text` holds `id` as a whole value: `dev-3` is not in `dev-30`.
fn contains_id(text: &str, id: &str) -> bool {
    let part_of_id = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_');
    text.match_indices(id).any(|(at, _)| {
        !text[..at].ends_with(part_of_id) && !text[at + id.len()..].starts_with(part_of_id)
    })
}

fn engine_diagnostic(
    settings: &FileSettings,
    rule: &'static Rule,
    file: &SourceFile,
    range: std::ops::Range<usize>,
    message: String,
    help: &str,
) -> Option<Diagnostic> {
    let severity = settings.severity(rule)?;
    let mut d = Diagnostic::new(rule.id, severity, file.span(range), message);
    d.help(help);
    Some(d)
}

fn unread_file(
    id: FileId,
    path: &std::path::Path,
    reason: &str,
    settings: &FileSettings,
) -> (File, Vec<Diagnostic>) {
    let source = SourceFile::new(id, discover::display(path), String::new());
    let d = engine_diagnostic(
        settings,
        &rules::io::IO_ERROR,
        &source,
        0..0,
        format!("cannot read the file: {reason}"),
        "Check that the file exists and can be read; the other files were checked.",
    );
    (File::Unread(source), d.into_iter().collect())
}

/// The size above which a file is not checked (`io-file-too-large`), if that rule is on.
fn max_bytes(file_settings: &FileSettings, settings: &Settings) -> Option<u64> {
    file_settings.severity(&rules::io::IO_FILE_TOO_LARGE)?;
    let options: rules::io::FileSizeOptions = settings
        .options
        .get(rules::io::IO_FILE_TOO_LARGE.id)
        .and_then(|t| t.clone().try_into().ok())
        .unwrap_or_default();
    Some(options.max_bytes)
}

fn too_large(size: u64, file_settings: &FileSettings, settings: &Settings) -> bool {
    max_bytes(file_settings, settings).is_some_and(|max| size > max)
}

fn too_large_file(
    id: FileId,
    path: &std::path::Path,
    size: u64,
    file_settings: &FileSettings,
    settings: &Settings,
) -> (File, Vec<Diagnostic>) {
    let source = SourceFile::new(id, discover::display(path), String::new());
    let max = max_bytes(file_settings, settings).unwrap_or_default();
    let d = engine_diagnostic(
        file_settings,
        &rules::io::IO_FILE_TOO_LARGE,
        &source,
        0..0,
        format!(
            "the file is {size} bytes, more than the {max} a posting may have: it was not checked"
        ),
        "Move it out of the postings or exclude it in postlint.toml; if it is a posting, raise `max-bytes` under `[rules.io-file-too-large]`.",
    );
    (File::Unread(source), d.into_iter().collect())
}

fn load_file(
    id: FileId,
    path: &std::path::Path,
    bytes: Vec<u8>,
    file_settings: &FileSettings,
) -> (File, Vec<Diagnostic>) {
    let display = discover::display(path);
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let byte = bytes[valid];
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let source = SourceFile::new(id, display, prefix);
            let d = engine_diagnostic(
                file_settings,
                &rules::encoding::ENCODING_INVALID,
                &source,
                valid..valid,
                format!("the file is not valid UTF-8: byte 0x{byte:02X} at offset {valid}"),
                "Save the file as UTF-8; the rest of it was not checked.",
            );
            return (File::Unread(source), d.into_iter().collect());
        }
    };
    if let Some(nul) = text.find('\0') {
        let source = SourceFile::new(id, display, text[..nul].to_string());
        let d = engine_diagnostic(
            file_settings,
            &rules::encoding::ENCODING_NUL,
            &source,
            nul..nul,
            "the file contains a NUL byte: it is binary, or not UTF-8 text".into(),
            "Check that this is a text file saved as UTF-8; the rest of it was not checked.",
        );
        return (File::Unread(source), d.into_iter().collect());
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        let source = SourceFile::new(id, display, text);
        let d = engine_diagnostic(
            file_settings,
            &rules::io::IO_EMPTY_FILE,
            &source,
            0..0,
            "the file is empty or holds only white space".into(),
            "Write the posting, or delete the file.",
        );
        return (File::Unread(source), d.into_iter().collect());
    }
    let mut posting = Posting::parse(id, display, text, &file_settings.profile);
    posting.missing_files = missing_files(&posting, path);
    let mut diagnostics = Vec::new();
    if posting.bom
        && let Some(mut d) = engine_diagnostic(
            file_settings,
            &rules::encoding::ENCODING_BOM,
            &posting.source,
            0..3,
            "the file starts with a byte-order mark".into(),
            "Save the file as UTF-8 without a byte-order mark.",
        )
    {
        d.fix(
            Applicability::Safe,
            "Remove the byte-order mark",
            vec![Edit {
                span: posting.span(0..3),
                replacement: String::new(),
            }],
        );
        diagnostics.push(d);
    }
    let lone = rules::encoding::lone_carriage_returns(posting.text());
    if let Some(&first) = lone.first()
        && let Some(mut d) = engine_diagnostic(
            file_settings,
            &rules::encoding::ENCODING_LINE_ENDING,
            &posting.source,
            first..first + 1,
            format!(
                "{} line{} end with a carriage return alone (`\\r`)",
                lone.len(),
                if lone.len() == 1 { "" } else { "s" }
            ),
            "Save the file with `\\n` (LF) line endings.",
        )
    {
        let edits = lone
            .iter()
            .map(|&i| Edit {
                span: posting.span(i..i + 1),
                replacement: "\n".into(),
            })
            .collect();
        d.fix(Applicability::Safe, "End lines with `\\n`", edits);
        diagnostics.push(d);
    }
    (File::Posting(Box::new(posting)), diagnostics)
}

/// Runs the posting rules selected for the file, then applies its suppressions.
fn check(
    posting: &Posting,
    file_settings: &FileSettings,
    settings: &Settings,
    online: Option<&online::Results>,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (i, rule) in rules::all().iter().enumerate() {
        let (Check::Posting(check), Some(severity)) = (&rule.check, file_settings.severities[i])
        else {
            continue;
        };
        let mut cx = Context {
            rule,
            severity,
            options: settings.options.get(rule.id),
            today: settings.today,
            jurisdiction: file_settings.jurisdiction,
            employer_size: file_settings.employer_size,
            online,
            diagnostics: &mut found,
        };
        check(posting, &mut cx);
    }
    found
}

/// The URL spans of relative links to files that do not exist (site-root links like `/en/`
/// cannot be resolved from the repository and are left alone).
fn missing_files(posting: &Posting, path: &std::path::Path) -> Vec<crate::posting::Span> {
    let dir = path.parent().unwrap_or(std::path::Path::new("."));
    posting
        .markdown
        .links
        .iter()
        .filter_map(|link| {
            let target = relative_target(&link.url)?;
            let exists = candidates(&dir.join(&target)).iter().any(|p| p.exists());
            (!exists).then_some(link.url_span)
        })
        .collect()
}

/// The path of a relative link, percent-decoded, without its fragment or query.
fn relative_target(url: &str) -> Option<String> {
    let has_scheme = url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    // `www.site.ca/…` is a web address missing its scheme: `url-invalid` says so.
    if url.is_empty()
        || has_scheme
        || url.starts_with(['#', '/', '?'])
        || url.to_ascii_lowercase().starts_with("www.")
    {
        return None;
    }
    let path = url.split(['#', '?']).next()?;
    if path.is_empty() {
        return None;
    }
    Some(
        url::form_urlencoded::parse(format!("p={}", path.replace('+', "%2B")).as_bytes())
            .next()?
            .1
            .into_owned(),
    )
}

/// A link to `page/` or `page` may mean `page.md` or `page/index.md` on a static site.
fn candidates(target: &std::path::Path) -> Vec<std::path::PathBuf> {
    let trimmed = target.to_string_lossy().trim_end_matches('/').to_string();
    let base = std::path::PathBuf::from(&trimmed);
    vec![
        target.to_path_buf(),
        base.with_extension("md"),
        base.join("index.md"),
        base.join("_index.md"),
    ]
}
