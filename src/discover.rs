//! Paths → the sorted list of files to lint. Folders are walked for `*.md` and `*.markdown`
//! files, honouring `.gitignore` (inside a git repository or not); a file named on the command
//! line is linted whatever its extension.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use crate::config::Settings;

/// A path named on the command line that does not exist: postlint cannot do what was asked.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("cannot read `{path}`: {reason}")]
#[diagnostic(
    code(postlint::path),
    help("Check the path; postlint lints files and folders that exist.")
)]
pub struct PathError {
    pub path: String,
    pub reason: String,
}

/// What was found: files to read, and entries that could not be walked.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    /// `(path, reason)` for entries the walk could not read (permissions, link loops).
    pub errors: Vec<(PathBuf, String)>,
    /// Text given under a file name instead of read from disk (`--stdin-filename`).
    pub given: Vec<(PathBuf, Vec<u8>)>,
}

impl Discovered {
    /// One text read from elsewhere (standard input), linted as if it were the file `name`.
    pub fn given(name: PathBuf, bytes: Vec<u8>) -> Self {
        Discovered {
            given: vec![(name, bytes)],
            ..Discovered::default()
        }
    }
}

pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Community files GitHub and GitLab give a meaning to, skipped when written in capitals as
/// they are by convention (a posting `security.md` is still a posting).
const REPOSITORY_DOCS: [&str; 17] = [
    "AUTHORS",
    "CHANGELOG",
    "CHANGES",
    "CODEOWNERS",
    "CODE_OF_CONDUCT",
    "CONTRIBUTING",
    "CONTRIBUTORS",
    "GOVERNANCE",
    "HISTORY",
    "ISSUE_TEMPLATE",
    "LICENCE",
    "LICENSE",
    "MAINTAINERS",
    "NOTICE",
    "PULL_REQUEST_TEMPLATE",
    "SECURITY",
    "SUPPORT",
];

/// A repository's own document, not a posting: `README.md` or `LISEZMOI.md` in any case, or
/// one of [`REPOSITORY_DOCS`] in capitals; a language suffix (`README.fr.md`, `README-FR.md`)
/// counts too. Folder walks skip them unless `lint-repository-docs = true`.
pub fn is_repository_doc(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let stem = name.split('.').next().unwrap_or(name);
    let stem = ["-en", "_en", "-fr", "_fr"]
        .iter()
        .find_map(|suffix| {
            stem.len()
                .checked_sub(suffix.len())
                .filter(|&at| stem.is_char_boundary(at))
                .filter(|&at| stem[at..].eq_ignore_ascii_case(suffix))
                .map(|at| &stem[..at])
        })
        .unwrap_or(stem);
    is_markdown(path)
        && (stem.eq_ignore_ascii_case("readme")
            || stem.eq_ignore_ascii_case("lisezmoi")
            || REPOSITORY_DOCS.contains(&stem))
}

pub fn discover(paths: &[PathBuf], settings: &Settings) -> Result<Discovered, PathError> {
    let mut found = Discovered::default();
    for path in paths {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            // A symbolic link that leads nowhere (to a missing file, or in a loop) is a file
            // of the run that cannot be read, not a mistyped path.
            Err(e) if std::fs::symlink_metadata(path).is_ok() => {
                found.errors.push((path.clone(), link_reason(&e)));
                continue;
            }
            Err(e) => {
                return Err(PathError {
                    path: display(path),
                    reason: io_reason(&e),
                });
            }
        };
        if !metadata.is_dir() {
            if !(settings.force_exclude && settings.is_excluded(path)) {
                found.files.push(path.clone());
            }
            continue;
        }
        let walker = WalkBuilder::new(path)
            .follow_links(true)
            .require_git(false)
            .sort_by_file_path(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    let p = entry.path();
                    if is_file && is_markdown(p) && !settings.is_excluded(p) {
                        found.files.push(p.to_path_buf());
                    }
                }
                Err(err) => {
                    let path = error_path(&err).unwrap_or_else(|| path.clone());
                    found.errors.push((path, walk_reason(&err)));
                }
            }
        }
    }
    found.files.sort_by_key(|p| display(p));
    found.files.dedup();
    found.errors.sort();
    found.errors.dedup();
    Ok(found)
}

/// The path as printed: as given on the command line joined with what the walk found, with
/// `/` separators and no leading `./`.
pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let mut s = s.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

/// Why a symbolic link cannot be followed.
pub fn link_reason(err: &std::io::Error) -> String {
    if err.kind() == std::io::ErrorKind::NotFound {
        "a symbolic link to a file that does not exist".into()
    } else {
        io_reason(err)
    }
}

pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a folder".into(),
        _ => {
            let text = err.to_string();
            // Drop the "(os error N)" suffix: it helps no one reading a lint report.
            text.split(" (os error")
                .next()
                .unwrap_or(&text)
                .to_lowercase()
        }
    }
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::Partial(errs) => errs.first().and_then(error_path),
        _ => None,
    }
}

fn walk_reason(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_reason(err),
        ignore::Error::Loop { ancestor, .. } => {
            format!("symbolic link loop back to `{}`", display(ancestor))
        }
        ignore::Error::Io(e) => io_reason(e),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::is_repository_doc;
    use std::path::Path;

    #[test]
    fn repository_documents_are_known_by_name() {
        for doc in [
            "README.md",
            "docs/readme.md",
            "ReadMe.markdown",
            "README.fr.md",
            "README-FR.md",
            "lisezmoi.md",
            "CONTRIBUTING.md",
            "CODE_OF_CONDUCT.md",
            ".github/PULL_REQUEST_TEMPLATE.md",
            "SECURITY_fr.md",
        ] {
            assert!(is_repository_doc(Path::new(doc)), "{doc}");
        }
        for posting in [
            "security.md",
            "en/careers/license-analyst.md",
            "README.txt",
            "readme-writer.md",
            "fr/contributing-editor.md",
            "é.md",
        ] {
            assert!(!is_repository_doc(Path::new(posting)), "{posting}");
        }
    }
}
