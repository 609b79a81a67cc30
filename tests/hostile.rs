//! Hostile inputs (`tests/hostile/`, listed in `tests/hostile/cases.toml`): each gets its
//! expected findings and exit code, in under a second, never a panic or a hang.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

const HOSTILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");

#[derive(serde::Deserialize)]
struct Cases {
    cases: std::collections::BTreeMap<String, Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    built: Option<String>,
    exit: i32,
    expect: Vec<String>,
}

/// Copies `from` (a file or a folder) to `to`.
fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).unwrap();
    }
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// Makes the input `name` that cannot live in a repository, in `dir`.
fn build(dir: &Path, name: &str) {
    let path = dir.join(name);
    let write = |text: String| std::fs::write(&path, text).unwrap();
    match name {
        "long-line-10mb.md" => write("word ".repeat(2_000_000)),
        "long-line-1mb.md" => write("word ".repeat(200_000)),
        "nested-lists.md" => write(format!("{}x\n", "- ".repeat(100_000))),
        "nested-quotes.md" => write(format!("{} hi\n", ">".repeat(100_000))),
        "nested-brackets.md" => write("[".repeat(100_000)),
        "nested-emphasis.md" => write(format!("{0}a{0}\n", "*".repeat(50_000))),
        "unclosed-links.md" => write("[a](".repeat(20_000)),
        "yaml-deep-flow.md" => write(format!(
            "---\na: {}{}\n---\n\nBody.\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        )),
        "yaml-deep-map.md" => write(format!(
            "---\n{}---\n\nBody.\n",
            (0..1000)
                .map(|i| format!("{}k:\n", " ".repeat(i)))
                .collect::<String>()
        )),
        "many-tiny-files" => {
            std::fs::create_dir_all(&path).unwrap();
            for i in 0..2000 {
                std::fs::write(path.join(format!("{i:04}.md")), format!("Posting {i}.\n")).unwrap();
            }
        }
        #[cfg(unix)]
        "symlink-loop.md" => std::os::unix::fs::symlink(name, &path).unwrap(),
        #[cfg(unix)]
        "dangling-symlink.md" => std::os::unix::fs::symlink("gone.md", &path).unwrap(),
        #[cfg(unix)]
        "unreadable.md" => {
            use std::os::unix::fs::PermissionsExt;
            write("# Developer\n".into());
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
        }
        #[cfg(unix)]
        "named-pipe.md" => {
            let made = std::process::Command::new("mkfifo").arg(&path).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
        }
        #[cfg(target_os = "linux")]
        "non-utf8-name" => {
            use std::os::unix::ffi::OsStrExt;
            std::fs::create_dir_all(&path).unwrap();
            let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
            std::fs::write(path.join(name), "# Caf\u{e9}\n\nText.\n").unwrap();
        }
        other => panic!("no recipe to build `{other}` on this system"),
    }
}

/// Lints `name` in `dir`: the concise output, the JSON report and the exit code.
fn lint(dir: &Path, name: &str) -> (String, serde_json::Value, i32) {
    let run = |format: &str| {
        // Root reads any file: the unreadable one is read by an unprivileged user instead.
        let mut command = if name == "unreadable.md" && is_root() {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(assert_cmd::cargo::cargo_bin("postlint"));
            c
        } else {
            Command::cargo_bin("postlint").unwrap()
        };
        let started = Instant::now();
        let out = command
            .current_dir(dir)
            .args(["check", "--today", common::TODAY, "--format", format, name])
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        let took = started.elapsed();
        assert!(took < Duration::from_secs(1), "{name} took {took:?}");
        out
    };
    let concise = run("concise");
    let json = run("json");
    (
        String::from_utf8_lossy(&concise.stdout).into_owned(),
        serde_json::from_slice(&json.stdout).unwrap_or_else(|e| {
            panic!(
                "{name}: no JSON report ({e}): {}",
                String::from_utf8_lossy(&json.stderr)
            )
        }),
        concise.status.code().unwrap_or(-1),
    )
}

#[test]
fn hostile_inputs_get_their_findings_and_exit_code_in_under_a_second() {
    let cases: Cases =
        toml::from_str(&std::fs::read_to_string(Path::new(HOSTILE).join("cases.toml")).unwrap())
            .unwrap();
    let on_disk: Vec<PathBuf> = std::fs::read_dir(HOSTILE)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "cases.toml"))
        .collect();
    // Every input has its case, and every case not built has its input.
    for path in &on_disk {
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(
            cases.cases.contains_key(name.as_ref()),
            "no case for {name}"
        );
    }
    assert!(
        cases.cases.len() >= 40,
        "{} hostile inputs",
        cases.cases.len()
    );
    let dir = tempfile::tempdir().unwrap();
    // Readable by the unprivileged user that reads `unreadable.md`.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    for (name, case) in &cases.cases {
        if case.built.is_some() {
            build(dir.path(), name);
        } else {
            copy(&Path::new(HOSTILE).join(name), &dir.path().join(name));
        }
        let (out, json, code) = lint(dir.path(), name);
        assert_eq!(code, case.exit, "{name}: exit code\n{out}");
        assert!(
            json["summary"]["files"].as_u64().is_some_and(|n| n >= 1),
            "{name}: {json}"
        );
        for expected in &case.expect {
            let (at, rule) = expected.split_once(' ').expect("`line:column rule`");
            let want = format!("{name}:{at}: ");
            assert!(
                out.lines()
                    .any(|l| l.starts_with(&want) && l.contains(&format!("[{rule}]"))),
                "{name}: expected {expected}\n{out}"
            );
        }
        if case.expect.is_empty() && case.exit == 0 {
            assert!(!out.contains("error["), "{name}: {out}");
        }
    }
}

#[test]
fn a_folder_named_like_a_posting_is_walked_and_links_loops_are_cut() {
    let dir = tempfile::tempdir().unwrap();
    copy(&Path::new(HOSTILE).join("x.md"), &dir.path().join("x.md"));
    #[cfg(unix)]
    std::os::unix::fs::symlink(".", dir.path().join("x.md/self")).unwrap();
    let (out, json, code) = lint(dir.path(), ".");
    assert_eq!(code, if cfg!(unix) { 1 } else { 0 }, "{out}");
    assert!(
        !out.contains("x.md:"),
        "the folder x.md is not a file: {out}"
    );
    #[cfg(unix)]
    assert!(
        out.contains("x.md/self:1:1: error[io-error] cannot read the file: symbolic link loop"),
        "{out}"
    );
    assert_eq!(json["summary"]["files"], if cfg!(unix) { 2 } else { 1 });
}

#[test]
fn many_tiny_files_are_each_linted_once() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "many-tiny-files");
    let (_, json, _) = lint(dir.path(), "many-tiny-files");
    assert_eq!(json["summary"]["files"], 2000);
}

#[test]
fn a_file_deleted_during_the_run_is_reported_and_the_others_checked() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.md", "b.md", "c.md"] {
        std::fs::write(dir.path().join(name), "# Developer\n\nWe are hiring.\n").unwrap();
    }
    let today = common::TODAY.parse().unwrap();
    let settings = postlint::Settings::load(
        dir.path(),
        &postlint::Flags {
            today: Some(today),
            ..postlint::Flags::default()
        },
        today,
    )
    .unwrap();
    // Found by the walk, then gone before it is read.
    let found = postlint::discover::discover(&[dir.path().to_path_buf()], &settings).unwrap();
    std::fs::remove_file(dir.path().join("b.md")).unwrap();
    let run = postlint::engine::run(found, &settings);
    assert_eq!(run.files.len(), 3);
    let errors: Vec<_> = run
        .diagnostics
        .iter()
        .filter(|d| d.rule == "io-error")
        .map(|d| run.source(d.span.file).path.clone())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].ends_with("b.md"), "{errors:?}");
    assert_eq!(run.postings().count(), 2);
}

/// Between the passes, a streamed run lets files go (keeping their findings, or parsing them
/// again when they hold suppression comments) and reads them again at their turn: a file
/// changed meanwhile is said to have changed, and the others get what a kept run finds.
#[test]
fn a_file_changed_between_the_passes_is_said_to_have_changed() {
    let dir = tempfile::tempdir().unwrap();
    let name = |i: usize| format!("p{i:03}.md");
    for i in 0..200 {
        let suppressed = if i % 2 == 0 {
            "<!-- postlint-disable-next-line plain-language-jargon -->\n"
        } else {
            ""
        };
        let text = format!(
            "---\nlang: en\n---\n# Developer {i}\n\n{suppressed}We leverage synergies going forward.\n\nApply at http://bit.ly/x{i}.\n"
        );
        std::fs::write(dir.path().join(name(i)), text).unwrap();
    }
    let settings = common::settings(dir.path(), postlint::Flags::default());
    let kept = common::lint(&[dir.path().to_path_buf()], dir.path());
    // Files checked in a chunk after the one being written, one kept as findings and one
    // parsed again.
    let changed = [dir.path().join(name(171)), dir.path().join(name(180))];
    let found = postlint::discover::discover(&[dir.path().to_path_buf()], &settings).unwrap();
    let mut streamed = Vec::new();
    postlint::engine::stream(found, &settings, None, &mut |_, file, found, _| {
        if streamed.is_empty() {
            for path in &changed {
                std::fs::write(path, "# Changed\n").unwrap();
            }
        }
        let rules: Vec<&str> = found.iter().map(|d| d.rule).collect();
        streamed.push((file.path.clone(), rules));
        Ok(())
    })
    .unwrap();
    assert_eq!(streamed.len(), 200);
    for (i, (path, rules)) in streamed.iter().enumerate() {
        assert!(path.ends_with(&name(i)), "{path}");
        if i == 171 || i == 180 {
            assert_eq!(rules, &["io-error"], "{path}");
            continue;
        }
        let want: Vec<&str> = kept
            .diagnostics
            .iter()
            .filter(|d| d.span.file.0 as usize == i)
            .map(|d| d.rule)
            .collect();
        assert_eq!(rules, &want, "{path}");
        assert!(rules.contains(&"url-shortened"), "{path}: {rules:?}");
        assert_eq!(
            rules.contains(&"plain-language-jargon"),
            i % 2 == 1,
            "{path}: {rules:?}"
        );
    }
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("postlint")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "missing.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.md"));
}
