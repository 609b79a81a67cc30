//! Every rule's docs have the required sections, and every example runs: `md,bad` examples
//! fire the rule, `md,good` ones don't. An example may name its file: ```` ```md,bad,file=job.fr.md ````;
//! consecutive blocks of one kind naming different files form one multi-file example (an
//! English and a French posting, for the translation rules).

mod common;

use postlint::rules::{self, Check};

struct Example {
    bad: bool,
    file: String,
    text: String,
    /// The file name was given (`file=`).
    named: bool,
}

/// Examples grouped into runs: one file, or several named files of one kind.
fn groups(examples: Vec<Example>) -> Vec<Vec<Example>> {
    let mut out: Vec<Vec<Example>> = Vec::new();
    for e in examples {
        if let Some(last) = out.last_mut()
            && e.named
            && last
                .iter()
                .all(|x| x.named && x.bad == e.bad && x.file != e.file)
        {
            last.push(e);
            continue;
        }
        out.push(vec![e]);
    }
    out
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
                    let named = parts.find_map(|p| p.strip_prefix("file="));
                    let file = named.unwrap_or("job.md").to_string();
                    current = Some(Example {
                        bad: kind == "bad",
                        file,
                        text: String::new(),
                        named: named.is_some(),
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
            assert!(
                online_only || ex.iter().any(|e| e.bad),
                "{}: no `md,bad` example",
                rule.id
            );
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
        for (i, group) in groups(examples(&rule.docs())).into_iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            let mut paths = Vec::new();
            for example in &group {
                let path = dir.path().join(&example.file);
                std::fs::write(&path, &example.text).unwrap();
                paths.push(path);
            }
            let run = common::lint(&[dir.path().to_path_buf()], dir.path());
            let fired = run.diagnostics.iter().any(|d| d.rule == rule.id);
            let bad = group[0].bad;
            if fired != bad {
                failures.push(format!(
                    "{} example {} ({}): expected the rule {}",
                    rule.id,
                    i + 1,
                    if bad { "bad" } else { "good" },
                    if bad { "to fire" } else { "not to fire" }
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
