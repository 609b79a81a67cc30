//! Hostile inputs: each gets the expected finding (or none) and exit code, never a panic or a
//! hang. The inputs are built here, as bytes, so that none has to live in the repository.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// Lints `name` in `dir`; returns the concise output and the exit code.
fn lint(dir: &Path, name: &str) -> (String, i32) {
    let started = Instant::now();
    let out = Command::cargo_bin("postlint")
        .unwrap()
        .current_dir(dir)
        .args([
            "check",
            "--today",
            common::TODAY,
            "--format",
            "concise",
            name,
        ])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{name} took too long"
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// `(file name, contents, a rule expected in the output or "" for none, exit code)`.
fn cases() -> Vec<(&'static str, Vec<u8>, &'static str, i32)> {
    let nest = |n: usize| {
        (0..n)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect::<String>()
    };
    let mut alias =
        String::from("---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g"])
    {
        alias += &format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        );
    }
    alias += "---\n\nBody.\n";
    vec![
        (
            "invalid-utf8.md",
            b"---\ntitle: Caf\xe9\n---\n".to_vec(),
            "encoding-invalid",
            1,
        ),
        (
            "bom.md",
            "\u{feff}Hello there, we are hiring.\n".into(),
            "encoding-bom",
            0,
        ),
        ("nul.md", b"Hello\0world\n".to_vec(), "encoding-nul", 1),
        (
            "binary.md",
            (0u8..=255).cycle().take(4096).collect(),
            "encoding-",
            1,
        ),
        ("empty.md", Vec::new(), "io-empty-file", 0),
        (
            "crlf.md",
            "---\r\ntitle: 'Dev '\r\n---\r\n\r\nBody.\r\n".into(),
            "front-matter-value-whitespace",
            0,
        ),
        ("lone-cr.md", "---\rtitle: x\r---\r\rBody.\r".into(), "", 0),
        (
            "long-line.md",
            "word ".repeat(2_000_000).into(),
            "plain-language-long-sentence",
            0,
        ),
        ("nested-lists.md", nest(3000).into(), "", 0),
        (
            "nested-quotes.md",
            format!("{} hi\n", ">".repeat(100_000)).into(),
            "",
            0,
        ),
        ("nested-brackets.md", "[".repeat(100_000).into(), "", 0),
        ("unclosed-links.md", "[a](".repeat(20_000).into(), "", 0),
        (
            "alias-bomb.md",
            alias.into(),
            "front-matter-invalid-yaml",
            1,
        ),
        (
            "deep-flow.md",
            format!(
                "---\na: {}{}\n---\n\nBody.\n",
                "[".repeat(10_000),
                "]".repeat(10_000)
            )
            .into(),
            "front-matter-invalid-yaml",
            1,
        ),
        (
            "deep-map.md",
            format!(
                "---\n{}---\n\nBody.\n",
                (0..2000)
                    .map(|i| format!("{}k:\n", " ".repeat(i)))
                    .collect::<String>()
            )
            .into(),
            "",
            0,
        ),
        (
            "unterminated.md",
            "---\ntitle: x\n\nBody without an end.\n".into(),
            "front-matter-invalid-yaml",
            1,
        ),
        (
            "duplicate-keys.md",
            "---\ntitle: a\ntitle: b\n---\n\nBody.\n".into(),
            "front-matter-invalid-yaml",
            1,
        ),
        ("only-fences.md", "---\n---\n---\n---\n".into(), "", 0),
        ("metadata-only.md", ">Title:\n>\n>:\n".into(), "", 0),
        (
            "huge-number.md",
            format!("${} to ${} per year\n", "9".repeat(5000), "9".repeat(5000)).into(),
            "salary-unreadable",
            0,
        ),
        (
            "repeated-days.md",
            format!("Closing date: {}\n", "31 ".repeat(20_000)).into(),
            "",
            0,
        ),
        (
            "bidi.md",
            "# \u{202e}evil\u{202c} heading\n\nText.\n".into(),
            "accessibility-invisible-character",
            0,
        ),
        (
            "emoji.md",
            "## 👩\u{200d}💻 Développeur·euse 🎉\n\nCombining: e\u{301}\u{301}\u{301}.\n".into(),
            "",
            0,
        ),
    ]
}

#[test]
fn hostile_files_get_their_finding_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, rule, code) in cases() {
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        let (out, got) = lint(dir.path(), name);
        assert_eq!(got, code, "{name}: {out}");
        if rule.is_empty() {
            assert!(!out.contains("error["), "{name}: {out}");
        } else {
            assert!(
                out.contains(&format!("{name}:")) && out.contains(rule),
                "{name}: expected {rule}: {out}"
            );
        }
    }
}

#[test]
fn hostile_folders_are_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    // A folder named like a posting is walked, not read.
    std::fs::create_dir_all(dir.path().join("x.md")).unwrap();
    std::fs::write(dir.path().join("x.md/inner.md"), "Hello.\n").unwrap();
    // Many tiny files.
    std::fs::create_dir_all(dir.path().join("many")).unwrap();
    for i in 0..2000 {
        std::fs::write(
            dir.path().join(format!("many/{i:04}.md")),
            format!("Posting {i}.\n"),
        )
        .unwrap();
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("loop", dir.path().join("loop")).unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("many/self")).unwrap();
        std::os::unix::fs::symlink("gone.md", dir.path().join("dangling.md")).unwrap();
    }
    let (out, code) = lint(dir.path(), ".");
    assert_ne!(code, 2, "{out}");
    assert!(
        !out.contains("x.md:"),
        "the folder x.md is not a file: {out}"
    );
    #[cfg(unix)]
    assert!(
        out.contains("dangling.md:") && out.contains("io-error"),
        "{out}"
    );
    #[cfg(unix)]
    assert!(
        out.contains(
            "many/self:1:1: error[io-error] cannot read the file: symbolic link loop back to `many`"
        ),
        "{out}"
    );
    // Each tiny file was linted exactly once, whatever the symbolic links (the loop is one more).
    let summary = Command::cargo_bin("postlint")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "check",
            "--today",
            common::TODAY,
            "--format",
            "json",
            "many",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&summary.stdout).unwrap();
    let expected = if cfg!(unix) { 2001 } else { 2000 };
    assert_eq!(json["summary"]["files"], expected);
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_, code) = lint(dir.path(), "missing.md");
    assert_eq!(code, 2);
}
