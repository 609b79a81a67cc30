//! Every rule's docs have the required sections, and every example runs: `md,bad` examples
//! fire the rule, `md,good` ones don't. An example may name its file: ```` ```md,bad,file=job.fr.md ````.

mod common;

use postlint::rules::{self, Check};

struct Example {
    bad: bool,
    file: String,
    text: String,
}

fn examples(docs: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut current: Option<Example> = None;
    for line in docs.lines() {
        let line = line.strip_prefix(' ').unwrap_or(line);
        match &mut current {
            None => {
                if let Some(info) = line.strip_prefix("```md,") {
                    let mut parts = info.split(',');
                    let kind = parts.next().unwrap_or("");
                    assert!(
                        kind == "bad" || kind == "good",
                        "unknown example kind `{kind}`"
                    );
                    let file = parts
                        .find_map(|p| p.strip_prefix("file="))
                        .unwrap_or("job.md")
                        .to_string();
                    current = Some(Example {
                        bad: kind == "bad",
                        file,
                        text: String::new(),
                    });
                }
            }
            Some(example) => {
                if line.starts_with("```") {
                    out.push(current.take().unwrap());
                } else {
                    example.text.push_str(line);
                    example.text.push('\n');
                }
            }
        }
    }
    assert!(current.is_none(), "an example is not closed");
    out
}

#[test]
fn docs_have_the_required_sections() {
    for rule in rules::all() {
        let docs = rule.docs();
        for section in ["## What it flags", "## Why it matters"] {
            assert!(docs.contains(section), "{}: missing `{section}`", rule.id);
        }
        if matches!(rule.check, Check::Posting(_)) {
            let ex = examples(&docs);
            // A rule that needs the network cannot fire in an offline example; tests/online.rs
            // proves its bad cases against a local server.
            let online_only = docs.contains("With `--online` only");
            assert!(online_only || ex.iter().any(|e| e.bad), "{}: no `md,bad` example", rule.id);
            assert!(
                ex.iter().any(|e| !e.bad),
                "{}: no `md,good` example",
                rule.id
            );
        }
    }
}

#[test]
fn docs_examples_run() {
    let mut failures = Vec::new();
    for rule in rules::all() {
        for (i, example) in examples(&rule.docs()).into_iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(&example.file);
            std::fs::write(&path, &example.text).unwrap();
            let run = common::lint(&[path], dir.path());
            let fired = run.diagnostics.iter().any(|d| d.rule == rule.id);
            if fired != example.bad {
                failures.push(format!(
                    "{} example {} ({}): expected the rule {}",
                    rule.id,
                    i + 1,
                    if example.bad { "bad" } else { "good" },
                    if example.bad {
                        "to fire"
                    } else {
                        "not to fire"
                    }
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
