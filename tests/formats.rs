//! The machine formats: SARIF valid against the official schema, GitHub commands that no
//! posting can break out of, JUnit, GitLab Code Quality with stable fingerprints, JSON lines,
//! `--output-file` and `--statistics`.

mod common;

use std::path::Path;

use assert_cmd::Command;

fn check(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("postlint")
        .unwrap()
        .current_dir(dir)
        .env_remove("CLICOLOR_FORCE")
        .args(["check", "--today", common::TODAY])
        .args(args)
        .output()
        .unwrap()
}

fn corpus() -> std::path::PathBuf {
    common::root().join("../shared/corpus")
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let out = check(
        &common::root(),
        &["--format", "sarif", corpus().to_str().unwrap()],
    );
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("tests/contract/sarif-2.1.0.schema.json"))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .take(5)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), postlint::rules::all().len());
    assert!(rules.iter().all(|r| {
        r["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("## What it flags")
    }));
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 100);
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        assert!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                >= 1
        );
    }
}

#[test]
fn github_commands_cannot_be_injected() {
    let dir = tempfile::tempdir().unwrap();
    // A hostile file name and hostile text: `%`, `:`, `,`, a line break and a workflow command.
    let name = "jobs/50%,off:now\n::error::pwned.md";
    let text = "---\nlayout: job-posting\ntitle: x\n\"bad\\n::error file=x::injected\": 1\n\"100%\\r::warning::y\": 2\n---\n\nWe are hiring.\n";
    std::fs::create_dir_all(dir.path().join("jobs")).unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    let out = check(dir.path(), &["--format", "github", name]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let json = check(dir.path(), &["--format", "json", name]);
    let count = serde_json::from_slice::<serde_json::Value>(&json.stdout).unwrap()["diagnostics"]
        .as_array()
        .unwrap()
        .len();
    assert!(count >= 2);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), count, "one command per finding:\n{stdout}");
    for line in lines {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "{line}"
        );
        let (props, message) = line
            .split_once("::")
            .map(|(_, rest)| rest.split_once("::").unwrap())
            .unwrap();
        assert!(
            props.contains("file=jobs/50%25%2Coff%3Anow%0A%3A%3Aerror%3A%3Apwned.md"),
            "{props}"
        );
        assert!(!message.contains('\n') && !message.contains('\r'));
        // `::` in a message is harmless once it cannot start a line.
        assert_eq!(line.matches("\n").count(), 0);
    }
}

#[test]
fn junit_gitlab_and_json_lines() {
    let root = common::root();
    let examples = root.join("examples");
    let junit =
        String::from_utf8(check(&root, &["--format", "junit", examples.to_str().unwrap()]).stdout)
            .unwrap();
    assert!(
        junit.starts_with("<?xml")
            && junit.contains("<testsuite name=\"postlint\"")
            && junit.contains("<failure")
    );
    let gitlab = |_: ()| -> Vec<serde_json::Value> {
        serde_json::from_slice::<Vec<serde_json::Value>>(
            &check(&root, &["--format", "gitlab", corpus().to_str().unwrap()]).stdout,
        )
        .unwrap()
    };
    let (a, b) = (gitlab(()), gitlab(()));
    assert_eq!(a, b, "fingerprints are stable");
    let mut fingerprints: Vec<&str> = a
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    let total = fingerprints.len();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), total, "fingerprints are unique");
    assert!(
        a.iter()
            .all(|i| ["info", "minor", "major"].contains(&i["severity"].as_str().unwrap()))
    );
    let lines = String::from_utf8(
        check(
            &root,
            &["--format", "json-lines", examples.to_str().unwrap()],
        )
        .stdout,
    )
    .unwrap();
    assert!(lines.lines().count() > 3);
    for line in lines.lines() {
        let d: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(d["rule"].is_string() && d["range"]["start"]["line"].is_u64());
    }
}

#[test]
fn output_file_and_statistics() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.json");
    let examples = common::root().join("examples");
    let out = check(
        &common::root(),
        &[
            "--format",
            "json",
            "--output-file",
            file.to_str().unwrap(),
            examples.to_str().unwrap(),
        ],
    );
    assert!(out.stdout.is_empty());
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let total = report["diagnostics"].as_array().unwrap().len();
    let stats = String::from_utf8(
        check(
            &common::root(),
            &["--statistics", examples.to_str().unwrap()],
        )
        .stdout,
    )
    .unwrap();
    let counted: usize = stats
        .lines()
        .map(|l| {
            l.split('\t')
                .next()
                .unwrap()
                .trim()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(counted, total);
    assert!(
        stats
            .lines()
            .any(|l| l.contains("front-matter-invalid-yaml"))
    );
}
