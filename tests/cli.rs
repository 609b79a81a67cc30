//! The command line: every exit code, every format, `rules`, `explain`, configuration errors
//! and bad input.

mod common;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const GOOD: &str = "---\nlayout: job-posting\ntype: section\ntitle: Senior developer\ndescription: Build services for people.\narchived: false\ntranslationKey: senior-developer\nleverId: 191b5e60-a9d8-4c60-89e5-263aa4347771\n---\n\nWe are hiring a senior developer to build better digital services.\n";
const BAD: &str =
    "---\nlayout: job-posting\ntitle: Designer\nowner: @team\n---\n\nWe are hiring a designer.\n";
const WARN_ONLY: &str = "---\nlayout: job-posting\ntype: section\ntitle: Designer\ndescription: Design.\narchived: false\ntranslationKey: designer\nlinkHidden: null\n---\n\nWe are hiring a designer.\n";

fn postlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("postlint").unwrap();
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .arg("check")
        .arg("--today")
        .arg(common::TODAY);
    cmd
}

fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn exit_0_when_clean() {
    let dir = dir_with(&[("jobs/dev.md", GOOD)]);
    postlint(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("All checks passed (1 file)."));
}

#[test]
fn exit_1_on_an_error_and_0_with_exit_zero() {
    let dir = dir_with(&[("jobs/designer.md", BAD)]);
    postlint(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[front-matter-invalid-yaml]"))
        .stdout(predicate::str::contains("--> jobs/designer.md:4:8"))
        .stdout(predicate::str::contains("Found 1 error"));
    postlint(dir.path()).arg("--exit-zero").assert().code(0);
}

#[test]
fn fail_on_warning() {
    let dir = dir_with(&[("jobs/designer.md", WARN_ONLY)]);
    postlint(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "warning[front-matter-empty-value]",
        ));
    postlint(dir.path())
        .args(["--fail-on", "warning"])
        .assert()
        .code(1);
    postlint(dir.path())
        .args(["--fail-on", "warning", "--exit-zero"])
        .assert()
        .code(0);
}

#[test]
fn exit_2_on_a_missing_path() {
    let dir = dir_with(&[]);
    postlint(dir.path())
        .arg("nowhere")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read `nowhere`: no such file or folder",
        ));
}

#[test]
fn concise_format() {
    let dir = dir_with(&[("jobs/designer.md", BAD)]);
    postlint(dir.path())
        .args(["--format", "concise"])
        .assert()
        .code(1)
        .stdout("jobs/designer.md:4:8: error[front-matter-invalid-yaml] invalid YAML: `@` is reserved and cannot start a plain value\n");
}

#[test]
fn json_format() {
    let dir = dir_with(&[("jobs/designer.md", BAD), ("jobs/developer.md", GOOD)]);
    let out = postlint(dir.path())
        .args(["--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(json["summary"]["errors"], 1);
    let d = &json["diagnostics"][0];
    assert_eq!(d["rule"], "front-matter-invalid-yaml");
    assert_eq!(d["path"], "jobs/designer.md");
    assert_eq!(
        d["range"]["start"],
        serde_json::json!({"line": 4, "column": 8})
    );
    assert_eq!(
        d["range"]["end"],
        serde_json::json!({"line": 4, "column": 13})
    );
    assert_eq!(d["fix"]["applicability"], "safe");
    assert_eq!(d["fix"]["edits"][0]["replacement"], "'@team'");
}

#[test]
fn paths_are_joined_as_given() {
    let dir = dir_with(&[("postings/jobs/designer.md", BAD)]);
    postlint(dir.path())
        .args(["--format", "concise", "postings"])
        .assert()
        .stdout(predicate::str::starts_with(
            "postings/jobs/designer.md:4:8:",
        ));
}

#[test]
fn color_only_when_asked_or_on_a_terminal() {
    let dir = dir_with(&[("jobs/designer.md", BAD)]);
    // Piped: no colour.
    postlint(dir.path())
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
    postlint(dir.path())
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    postlint(dir.path())
        .env("NO_COLOR", "1")
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn select_and_ignore() {
    let dir = dir_with(&[("jobs/designer.md", BAD)]);
    postlint(dir.path())
        .args(["--ignore", "front-matter-invalid-yaml"])
        .assert()
        .code(0);
    postlint(dir.path())
        .args(["--select", "encoding"])
        .assert()
        .code(0);
    postlint(dir.path())
        .args(["--select", "front-matter"])
        .assert()
        .code(1);
    postlint(dir.path())
        .args(["--select", "front-matter-invalid-yam"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule or family `front-matter-invalid-yam`",
        ))
        .stderr(predicate::str::contains(
            "Did you mean `front-matter-invalid-yaml`?",
        ));
}

#[test]
fn config_is_found_upward_and_applied() {
    let dir = dir_with(&[
        (
            "postlint.toml",
            "[rules.front-matter-invalid-yaml]\nseverity = \"warning\"\n",
        ),
        ("jobs/jobs/designer.md", BAD),
    ]);
    let jobs = dir.path().join("jobs");
    postlint(&jobs)
        .args(["--format", "concise"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "warning[front-matter-invalid-yaml]",
        ));
}

#[test]
fn config_overrides_by_glob() {
    let dir = dir_with(&[
        (
            "postlint.toml",
            "[[overrides]]\nfiles = [\"archive/**\"]\nignore = [\"front-matter\"]\n",
        ),
        ("archive/jobs/designer.md", BAD),
        ("current/jobs/designer.md", BAD),
    ]);
    let out = postlint(dir.path())
        .args(["--format", "concise"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("current/jobs/designer.md"));
    assert!(!stdout.contains("archive/"), "{stdout}");
}

#[test]
fn bad_config_is_a_report_with_a_code_frame_and_exit_2() {
    for (config, expected) in [
        ("select = [\"front-matter\"\n", "invalid configuration"),
        ("selekt = [\"front-matter\"]\n", "unknown field `selekt`"),
        (
            "ignore = [\"front-matter-nope\"]\n",
            "unknown rule or family `front-matter-nope`",
        ),
        (
            "[rules.front-matter-missing-key]\nseverity = \"fatal\"\n",
            "invalid severity `fatal`",
        ),
        ("profile = \"acme\"\n", "unknown profile `acme`"),
        ("today = \"2026-13-01\"\n", "invalid date"),
        (
            "[rules.url-wrong-language]\nen = [\"/english(/\"]\n",
            "unclosed group",
        ),
    ] {
        let dir = dir_with(&[("postlint.toml", config), ("jobs/dev.md", GOOD)]);
        postlint(dir.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expected))
            .stderr(predicate::str::contains("postlint.toml"));
    }
}

#[test]
fn user_profile_from_a_json_schema() {
    let schema = r#"{"type":"object","required":["title","closingDate"],"properties":{"title":{"type":"string"},"closingDate":{"type":"string","format":"date"}}}"#;
    let dir = dir_with(&[
        (
            "postlint.toml",
            "profile = \"acme\"\n[profiles]\nacme = \"schema/posting.json\"\n",
        ),
        ("schema/posting.json", schema),
        (
            "jobs/dev.md",
            "---\ntitle: Developer\nclosingDate: 2026-02-30\n---\n\nApply now.\n",
        ),
        ("jobs/ops.md", "---\ntitle: Operations\n---\n\nApply now.\n"),
    ]);
    postlint(dir.path())
        .args(["--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "jobs/dev.md:3:14: error[front-matter-invalid-value] `closingDate` is not a valid date",
        ))
        .stdout(predicate::str::contains(
            "jobs/ops.md:1:1: error[front-matter-missing-key] missing required key `closingDate`",
        ));
}

#[test]
fn inline_suppressions() {
    let text = "---\ntitle: Designer\nlinkHidden: null\n---\n\n<!-- postlint-disable-next-line front-matter-unknown-key -->\nWe are hiring.\n";
    let dir = dir_with(&[("jobs/designer.md", text)]);
    postlint(dir.path())
        .args(["--format", "concise"])
        .assert()
        .stdout(predicate::str::contains("warning[suppression-unused]"));
    let file_level = "<!-- postlint-disable-file front-matter-empty-value -->\n";
    let dir = dir_with(&[("jobs/designer.md", &format!("{text}{file_level}"))]);
    let out = postlint(dir.path())
        .args(["--format", "concise"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("front-matter-empty-value"), "{stdout}");
}

#[test]
fn rules_and_explain() {
    let mut cmd = Command::cargo_bin("postlint").unwrap();
    cmd.arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "| `front-matter-missing-key` | front-matter | error |",
        ));
    let out = Command::cargo_bin("postlint")
        .unwrap()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), postlint::rules::all().len());
    for key in ["id", "family", "severity", "fixable", "docs"] {
        assert!(list[0].get(key).is_some(), "missing {key}");
    }
    Command::cargo_bin("postlint")
        .unwrap()
        .args(["explain", "front-matter-unknown-key"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## What it flags"))
        .stdout(predicate::str::contains("```md,bad"));
    Command::cargo_bin("postlint")
        .unwrap()
        .args(["explain", "front-matter-unknown-kye"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "Did you mean `front-matter-unknown-key`?",
        ));
}

#[test]
fn explicit_files_are_linted_whatever_their_extension() {
    let dir = dir_with(&[("posting.txt", BAD), ("notes.txt", BAD)]);
    postlint(dir.path())
        .args(["--format", "concise"])
        .assert()
        .code(0)
        .stdout("");
    postlint(dir.path())
        .args(["--format", "concise", "posting.txt"])
        .assert()
        .code(1);
}

#[test]
fn gitignore_is_honoured_outside_a_repository() {
    let dir = dir_with(&[
        (".gitignore", "drafts/\n"),
        ("drafts/en/x.md", BAD),
        ("jobs/dev.md", GOOD),
    ]);
    postlint(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("(1 file)"));
}

#[test]
fn bad_input_is_reported_and_the_run_goes_on() {
    let dir = dir_with(&[("jobs/dev.md", GOOD), ("jobs/empty.md", "")]);
    let root = dir.path();
    std::fs::write(
        root.join("jobs/latin1.md"),
        b"---\ntitle: D\xe9veloppeur\n---\n",
    )
    .unwrap();
    std::fs::write(root.join("jobs/nul.md"), b"# Title\n\0binary").unwrap();
    std::fs::write(root.join("jobs/bom.md"), format!("\u{feff}{GOOD}")).unwrap();
    std::fs::write(root.join("jobs/crlf.md"), BAD.replace('\n', "\r\n")).unwrap();
    std::fs::create_dir_all(root.join("jobs/folder.md")).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("missing.md", root.join("jobs/dangling.md")).unwrap();
        std::fs::create_dir_all(root.join("loop")).unwrap();
        std::os::unix::fs::symlink("..", root.join("loop/back")).unwrap();
    }
    let out = postlint(root)
        .args(["--format", "concise"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().is_empty());
    for expected in [
        "jobs/latin1.md:2:9: error[encoding-invalid] the file is not valid UTF-8: byte 0xE9",
        "jobs/nul.md:2:1: error[encoding-nul]",
        "jobs/bom.md:1:1: warning[encoding-bom]",
        "jobs/empty.md:1:1: warning[io-empty-file]",
        "jobs/crlf.md:4:8: error[front-matter-invalid-yaml]",
    ] {
        assert!(
            stdout.contains(expected),
            "missing `{expected}` in:\n{stdout}"
        );
    }
    #[cfg(unix)]
    {
        assert!(
            stdout.contains("jobs/dangling.md:1:1: error[io-error]"),
            "{stdout}"
        );
        assert!(
            stdout.contains("[io-error] cannot read the file: symbolic link loop"),
            "{stdout}"
        );
    }
    assert!(
        !stdout.contains("folder.md"),
        "a folder named x.md is walked, not read"
    );
}

#[test]
fn same_output_with_any_number_of_threads() {
    let files: Vec<(String, &str)> = (0..40)
        .map(|i| {
            (
                format!("jobs/p{i:02}.md"),
                if i % 3 == 0 { BAD } else { WARN_ONLY },
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    let dir = dir_with(&refs);
    let one = postlint(dir.path())
        .args(["--threads", "1", "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    let many = postlint(dir.path())
        .args(["--threads", "4", "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(one, many);
    assert!(!one.is_empty());
}

#[test]
fn config_is_found_from_the_linted_path_first() {
    let dir = dir_with(&[
        (
            "site/postlint.toml",
            "ignore = [\"front-matter-invalid-yaml\"]\n",
        ),
        ("site/jobs/designer.md", BAD),
    ]);
    postlint(dir.path()).arg("site").assert().code(0);
    postlint(dir.path()).arg(".").assert().code(1);
}
