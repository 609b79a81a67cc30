//! Walks `tests/fixtures/<rule-id>/`: every `good-*` gives no diagnostic from that rule, every
//! `bad-*` gives at least one, and its human output is an insta snapshot beside it.
//! A fixture is a file, or a folder (a small corpus, possibly with its own `postlint.toml`).

mod common;

use std::path::PathBuf;

use postlint::engine::Run;
use postlint::report::Format;
use postlint::rules;

fn fixtures() -> Vec<(String, PathBuf)> {
    let dir = common::root().join("tests/fixtures");
    let mut out = Vec::new();
    for rule_dir in std::fs::read_dir(&dir).expect("tests/fixtures exists") {
        let rule_dir = rule_dir.expect("readable").path();
        let id = rule_dir.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            rules::by_id(&id).is_some(),
            "tests/fixtures/{id}: no rule has this id"
        );
        for case in std::fs::read_dir(&rule_dir).expect("readable") {
            let case = case.expect("readable").path();
            let name = case.file_name().unwrap().to_string_lossy().to_string();
            if name.starts_with("good-") || name.starts_with("bad-") {
                out.push((id.clone(), case));
            } else {
                assert!(
                    name == "snapshots" || name.ends_with(".snap"),
                    "{}: fixtures are named good-* or bad-*",
                    case.display()
                );
            }
        }
    }
    out.sort();
    out
}

fn only(mut run: Run, id: &str) -> Run {
    run.diagnostics.retain(|d| d.rule == id);
    run
}

#[test]
fn fixtures_fire_as_named() {
    let root = common::root();
    let mut failures = Vec::new();
    let mut count = 0;
    for (id, case) in fixtures() {
        count += 1;
        let relative = case
            .strip_prefix(&root)
            .expect("inside the crate")
            .to_path_buf();
        let cwd = if case.is_dir() {
            case.clone()
        } else {
            case.parent().unwrap().to_path_buf()
        };
        // Run from the crate root so paths print as `tests/fixtures/…`, with the fixture's config.
        let settings = {
            let config = ["postlint.toml", ".postlint.toml"]
                .iter()
                .map(|n| cwd.join(n))
                .find(|p| p.is_file());
            common::settings(
                &cwd,
                postlint::Flags {
                    config,
                    ..Default::default()
                },
            )
        };
        let run =
            postlint::lint(std::slice::from_ref(&relative), &settings).expect("fixture exists");
        let run = only(run, &id);
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let bad = name.starts_with("bad-");
        if bad && run.diagnostics.is_empty() {
            failures.push(format!("{}: expected `{id}` to fire", relative.display()));
            continue;
        }
        if !bad {
            if !run.diagnostics.is_empty() {
                failures.push(format!(
                    "{}: expected no `{id}`, got:\n{}",
                    relative.display(),
                    common::render(Format::Concise, &run)
                ));
            }
            continue;
        }
        let output = common::render(Format::Human, &run);
        let snapshot = name.trim_end_matches(".md").to_string();
        insta::with_settings!({
            snapshot_path => case.parent().unwrap().join("snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(snapshot, output);
        });
    }
    assert!(count > 0, "no fixtures found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_good_and_bad_fixtures_in_both_languages() {
    let cases = fixtures();
    let mut missing = Vec::new();
    for rule in rules::all() {
        // Rules that need the network are proven by tests/online.rs against a local server.
        let kinds: &[&str] = if rule.docs.contains("With `--online` only") {
            &["good"]
        } else {
            &["good", "bad"]
        };
        for &kind in kinds {
            let names: Vec<String> = cases
                .iter()
                .filter(|(id, _)| id == rule.id)
                .map(|(_, p)| p.file_name().unwrap().to_string_lossy().to_string())
                .filter(|n| n.starts_with(&format!("{kind}-")))
                .collect();
            for lang in ["en", "fr"] {
                if !names.iter().any(|n| n.contains(&format!("-{lang}"))) {
                    missing.push(format!("{}: no {kind}-*{lang}* fixture", rule.id));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing fixtures:\n{}",
        missing.join("\n")
    );
}
