//! The CLI's comforts: standard input, counterparts read from disk when files are named one by
//! one, `--watch`, `init`, `completions`, `man`, `config-schema`, and no progress bar off a
//! terminal.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::Command;

fn postlint() -> Command {
    Command::cargo_bin("postlint").unwrap()
}

const EN: &str = "---\nlayout: job-posting\ntitle: Developer\ntranslationKey: developer\narchived: true\n---\n\n## What you'll do\n\nBuild services with the [Canadian Digital Service](https://digital.canada.ca/).\n";
const FR: &str = "---\nlayout: job-posting\ntitle: Développeur ou développeuse\ntranslationKey: developer\narchived: true\n---\n\n## Ce que vous ferez\n\nCréer des services avec le Service numérique canadien.\n";

fn pair(dir: &Path) {
    std::fs::create_dir_all(dir.join("en")).unwrap();
    std::fs::create_dir_all(dir.join("fr")).unwrap();
    std::fs::write(dir.join("en/developer.md"), EN).unwrap();
    std::fs::write(dir.join("fr/developpeur.md"), FR).unwrap();
}

/// A folder with the English and French postings, and these other files.
fn folder(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    pair(dir.path());
    for (name, text) in extra {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn concise(dir: &Path, args: &[&str]) -> (String, Option<i32>) {
    let out = postlint()
        .current_dir(dir)
        .args(["check", "--today", common::TODAY, "--format", "concise"])
        .args(args)
        .output()
        .unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.code())
}

#[test]
fn a_file_named_alone_is_compared_with_its_counterpart_on_disk() {
    let dir = folder(&[]);
    let (out, _) = concise(dir.path(), &["--select", "translation", "en/developer.md"]);
    assert!(!out.contains("translation-missing"), "{out}");
    assert!(!out.contains("fr/developpeur.md:"), "{out}");
    // The English file was read for comparison: the link the French one lacks is reported, in
    // the French file only.
    let (fr, _) = concise(
        dir.path(),
        &["--select", "translation", "fr/developpeur.md"],
    );
    assert!(
        fr.contains("fr/developpeur.md:8:1: warning[translation-structure-differs]"),
        "{fr}"
    );
    assert!(!fr.contains("en/developer.md:"), "{fr}");
    // Without the French file, the English one has no counterpart.
    std::fs::remove_file(dir.path().join("fr/developpeur.md")).unwrap();
    let (alone, code) = concise(dir.path(), &["en/developer.md"]);
    assert!(alone.contains("translation-missing"), "{alone}");
    assert_eq!(code, Some(1));
}

#[test]
fn files_of_one_name_in_language_folders_are_counterparts() {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in [
        (
            "en/jobs/devops.md",
            "---\ntitle: DevOps engineer\n---\n\nAutomate our platform.\n",
        ),
        (
            "fr/jobs/devops.md",
            "---\ntitle: Ingénieur DevOps\n---\n\nAutomatisez notre plateforme.\n",
        ),
        (
            "en/jobs/producer.md",
            "---\ntitle: Producer\n---\n\nProduce our shows.\n",
        ),
    ] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let select = ["--select", "translation-missing"];
    let (all, _) = concise(dir.path(), &select);
    assert!(
        all.contains("en/jobs/producer.md:2:8: error[translation-missing]"),
        "{all}"
    );
    assert_eq!(all.matches("translation-missing").count(), 1, "{all}");
    // Named alone, a file finds its counterpart by name on disk.
    for file in ["en/jobs/devops.md", "fr/jobs/devops.md"] {
        let (alone, code) = concise(dir.path(), &[&select[..], &[file]].concat());
        assert!(!alone.contains("translation-missing"), "{alone}");
        assert_eq!(code, Some(0), "{alone}");
    }
}

#[test]
fn standard_input_is_linted_under_its_name_with_its_folders_configuration() {
    let dir = folder(&[("postlint.toml", "ignore = [\"url-insecure\"]\n")]);
    let text = EN.replace("https://digital.canada.ca/", "http://bit.ly/cds");
    let out = postlint()
        .current_dir(dir.path())
        .args([
            "check",
            "--today",
            common::TODAY,
            "--format",
            "concise",
            "--stdin-filename",
            "en/developer.md",
        ])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("en/developer.md:10:") && stdout.contains("url-shortened"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("url-insecure"),
        "the folder's postlint.toml applies: {stdout}"
    );
    assert!(!stdout.contains("translation-missing"), "{stdout}");
    // The file on disk was not read in place of standard input, nor written.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("en/developer.md")).unwrap(),
        EN
    );
}

#[test]
fn fixing_standard_input_prints_the_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = postlint()
        .current_dir(dir.path())
        .args([
            "check",
            "--today",
            common::TODAY,
            "--stdin-filename",
            "draft.md",
            "--fix",
        ])
        .write_stdin("---\nowner: @team\n---\n\nYou MUST apply by email.\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "---\nowner: '@team'\n---\n\nYou must apply by email.\n"
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("Fixed 2 findings.")
    );
    assert!(!dir.path().join("draft.md").exists());
    // `--diff` shows the same change under the name.
    let diff = postlint()
        .current_dir(dir.path())
        .args(["check", "--stdin-filename", "draft.md", "--diff"])
        .write_stdin("You MUST apply.\n")
        .output()
        .unwrap();
    let shown = String::from_utf8(diff.stdout).unwrap();
    assert!(
        shown.contains("+++ b/draft.md") && shown.contains("+You must apply."),
        "{shown}"
    );
    assert_eq!(diff.status.code(), Some(1));
}

#[test]
fn stdin_filename_cannot_be_mixed_with_paths() {
    postlint()
        .args(["check", "--stdin-filename", "a.md", "b.md"])
        .assert()
        .code(2);
}

#[test]
fn init_writes_a_valid_commented_configuration_for_the_profile_found() {
    let dir = folder(&[]);
    postlint().arg("init").arg(dir.path()).assert().success();
    let written = std::fs::read_to_string(dir.path().join("postlint.toml")).unwrap();
    assert!(written.contains("profile = \"cds\""), "{written}");
    assert!(
        written.contains("2 postings; profiles: cds 2; languages: en 1, fr 1."),
        "{written}"
    );
    // It is a configuration postlint accepts and the schema describes.
    let check = postlint()
        .current_dir(dir.path())
        .args(["check", "--today", common::TODAY, "."])
        .output()
        .unwrap();
    assert_ne!(
        check.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let schema: serde_json::Value =
        serde_json::from_slice(&postlint().arg("config-schema").output().unwrap().stdout).unwrap();
    let config: serde_json::Value =
        serde_json::to_value(toml::from_str::<toml::Table>(&written).unwrap()).unwrap();
    assert!(jsonschema::is_valid(&schema, &config));
    // It is never overwritten by accident.
    std::fs::write(dir.path().join("postlint.toml"), "# mine\n").unwrap();
    let again = postlint().arg("init").arg(dir.path()).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8(again.stderr)
            .unwrap()
            .contains("already exists")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("postlint.toml")).unwrap(),
        "# mine\n"
    );
    postlint()
        .arg("init")
        .arg("--force")
        .arg(dir.path())
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(dir.path().join("postlint.toml"))
            .unwrap()
            .contains("profile = \"cds\"")
    );
}

#[test]
fn init_falls_back_to_auto_for_mixed_postings() {
    let dir = folder(&[("notes.md", "# Notes\n\nNo front matter here.\n")]);
    postlint().arg("init").arg(dir.path()).assert().success();
    let written = std::fs::read_to_string(dir.path().join("postlint.toml")).unwrap();
    assert!(
        written.contains("profile = \"auto\"") && written.contains("none 1"),
        "{written}"
    );
}

#[test]
fn the_configuration_schema_accepts_the_example_and_rejects_mistakes() {
    let out = postlint().arg("config-schema").output().unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let example = std::fs::read_to_string(common::root().join("examples/postlint.toml")).unwrap();
    let example: serde_json::Value =
        serde_json::to_value(toml::from_str::<toml::Table>(&example).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(
        validator.is_valid(&example),
        "{:?}",
        validator
            .iter_errors(&example)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    for bad in [
        serde_json::json!({"selekt": ["all"]}),
        serde_json::json!({"rules": {"url-bare": {"severity": "loud"}}}),
        serde_json::json!({"overrides": [{"select": ["all"]}]}),
        serde_json::json!({"employer-size": "big"}),
    ] {
        assert!(!validator.is_valid(&bad), "{bad}");
    }
}

#[test]
fn completions_and_man_page_are_printed() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = postlint().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("postlint") && script.contains("stdin-filename"),
            "{shell}"
        );
    }
    let man = postlint().arg("man").output().unwrap();
    let page = String::from_utf8(man.stdout).unwrap();
    assert!(
        page.contains(".TH postlint 1") && page.contains("config\\-schema"),
        "{page}"
    );
    postlint().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    for args in [
        &["man"][..],
        &["completions", "zsh"],
        &["rules"],
        &["config-schema"],
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("postlint"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(status.success(), "{args:?}: {status} {stderr}");
    }
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    let out = postlint()
        .args(["check", "--today", common::TODAY, "--exit-zero"])
        .arg(common::root().join("examples"))
        .output()
        .unwrap();
    assert!(!out.stdout.is_empty());
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

#[test]
fn watch_lints_again_when_a_posting_changes() {
    let dir = folder(&[]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("postlint"))
        .current_dir(dir.path())
        .args([
            "check",
            "--watch",
            "--today",
            common::TODAY,
            "--format",
            "concise",
            "--select",
            "url",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout: Box<dyn Read + Send> = Box::new(child.stdout.take().unwrap());
    let stderr: Box<dyn Read + Send> = Box::new(child.stderr.take().unwrap());
    for stream in [stdout, stderr] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines() {
                if tx.send(line.unwrap_or_default()).is_err() {
                    break;
                }
            }
        });
    }
    // The first run finds nothing for `url`, then says it is watching.
    let first = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("a first report");
    assert!(first.contains("Watching for changes"), "{first}");
    std::thread::sleep(Duration::from_millis(500));
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.path().join("en/developer.md"))
        .unwrap();
    writeln!(file, "\nApply at https://bit.ly/apply-cds.").unwrap();
    drop(file);
    let mut seen = Vec::new();
    let found = loop {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) if line.contains("url-shortened") => break true,
            Ok(line) => seen.push(line),
            Err(_) => break false,
        }
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(found, "no second report after the change: {seen:?}");
}

#[test]
fn force_exclude_leaves_out_named_files_that_exclude_matches() {
    let dir = folder(&[
        ("postlint.toml", "exclude = [\"README.md\"]\n"),
        ("README.md", "# About\n\nClick [here](http://bit.ly/x).\n"),
    ]);
    let (named, code) = concise(dir.path(), &["README.md"]);
    assert!(named.contains("README.md:") && code == Some(0), "{named}");
    let (forced, code) = concise(
        dir.path(),
        &["--force-exclude", "README.md", "en/developer.md"],
    );
    assert!(
        !forced.contains("README.md") && forced.contains("en/developer.md"),
        "{forced}"
    );
    assert_ne!(code, Some(2));
    let stdin = postlint()
        .current_dir(dir.path())
        .args(["check", "--force-exclude", "--stdin-filename", "README.md"])
        .write_stdin("Click [here](http://bit.ly/x).\n")
        .output()
        .unwrap();
    assert!(stdin.stdout.is_empty() && stdin.status.success());
}

#[test]
fn repository_documents_are_not_postings() {
    let shortened = "# About\n\nClick [here](http://bit.ly/x).\n";
    let docs = [
        "README.md",
        "readme.markdown",
        "LISEZMOI.md",
        "README-fr.md",
        "CONTRIBUTING.md",
        "CODE_OF_CONDUCT.md",
        "SECURITY.fr.md",
    ];
    let mut files: Vec<(&str, &str)> = docs.iter().map(|name| (*name, shortened)).collect();
    // Named as a posting is: in lower case, `security.md` is one.
    files.push(("security.md", shortened));
    let dir = folder(&files);
    let args = ["--select", "url-shortened", "."];
    let (walked, _) = concise(dir.path(), &args);
    assert!(walked.contains("security.md:"), "{walked}");
    for name in docs {
        assert!(
            !walked.contains(&format!("{name}:")),
            "{name} linted: {walked}"
        );
    }
    // A document named on the command line is linted, unless the run forces `exclude`.
    let (named, _) = concise(dir.path(), &["--select", "url-shortened", "README.md"]);
    assert!(named.contains("README.md:"), "{named}");
    let (forced, _) = concise(
        dir.path(),
        &["--select", "url-shortened", "--force-exclude", "README.md"],
    );
    assert!(!forced.contains("README.md"), "{forced}");
    // `lint-repository-docs = true` lints them all.
    std::fs::write(
        dir.path().join("postlint.toml"),
        "lint-repository-docs = true\n",
    )
    .unwrap();
    let (all, _) = concise(dir.path(), &args);
    for name in docs {
        assert!(
            all.contains(&format!("{name}:")),
            "{name} not linted: {all}"
        );
    }
}
