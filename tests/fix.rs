//! `--fix` and `--diff`: fixes keep every real posting's structure, converge, keep CRLF line
//! endings and permissions, and never overwrite a file that changed since it was read.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use postlint::posting::{FileId, Posting, ProfileChoice};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// What a fix must not take away: headings (level and visible text), lists and their items,
/// links. A fix may mend some: `##Title`, `[text] (url)`, a list item behind a zero-width space.
fn structure(path: &Path) -> (Vec<(u8, String)>, Vec<usize>, usize) {
    let text = std::fs::read_to_string(path).unwrap();
    let p = Posting::parse(
        FileId(0),
        path.display().to_string(),
        text,
        &ProfileChoice::Auto,
    );
    let visible = |s: &str| {
        s.chars()
            .filter(|c| !postlint::rules::accessibility::is_invisible(*c))
            .collect::<String>()
    };
    let headings = p
        .markdown
        .headings
        .iter()
        .map(|h| (h.level, visible(&h.text).trim().to_string()))
        .collect();
    let lists = p.markdown.lists.iter().map(|l| l.items.len()).collect();
    (headings, lists, p.markdown.links.len())
}

fn postlint(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("postlint")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--today", common::TODAY])
        .args(args)
        .arg(".")
        .output()
        .unwrap()
}

#[test]
fn fixing_the_corpus_keeps_its_structure_and_converges() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&common::root().join("../shared/corpus"), dir.path());
    let before: Vec<_> = files(dir.path()).iter().map(|f| structure(f)).collect();
    let originals: Vec<Vec<u8>> = files(dir.path())
        .iter()
        .map(|f| std::fs::read(f).unwrap())
        .collect();
    let diff = postlint(dir.path(), &["--diff"]);
    assert_eq!(
        diff.status.code(),
        Some(1),
        "the corpus has fixable findings"
    );
    let diff = String::from_utf8(diff.stdout).unwrap();
    assert!(diff.contains("-owner: @gilbrookiegirl") && diff.contains("+owner: '@gilbrookiegirl'"));
    // `--diff` writes nothing.
    let unchanged: Vec<Vec<u8>> = files(dir.path())
        .iter()
        .map(|f| std::fs::read(f).unwrap())
        .collect();
    assert_eq!(unchanged, originals);
    let first = postlint(dir.path(), &["--fix", "--format", "concise"]);
    let stderr = String::from_utf8(first.stderr).unwrap();
    let fixed: usize = stderr
        .trim()
        .trim_start_matches("Fixed ")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(fixed > 20, "{stderr}");
    let after: Vec<_> = files(dir.path()).iter().map(|f| structure(f)).collect();
    let mut mended = 0;
    for ((f, b), a) in files(dir.path()).iter().zip(&before).zip(&after) {
        // List items stay; a fix may turn a line hidden behind invisible characters into one.
        assert_eq!(b.1.len(), a.1.len(), "fixes keep lists in {}", f.display());
        assert!(
            b.1.iter().zip(&a.1).all(|(b, a)| a >= b),
            "fixes keep list items in {}",
            f.display()
        );
        // Headings stay; the only new ones are `##Title` lines given their missing space.
        let original = String::from_utf8_lossy(
            &originals[files(dir.path()).iter().position(|p| p == f).unwrap()],
        )
        .into_owned();
        let mut kept = b.0.iter().peekable();
        for heading in &a.0 {
            if kept.peek() == Some(&heading) {
                kept.next();
            } else {
                let unspaced = format!("{}{}", "#".repeat(heading.0.into()), heading.1);
                assert!(
                    original.contains(&unspaced),
                    "fix added heading {heading:?} in {}",
                    f.display()
                );
            }
        }
        assert!(
            kept.next().is_none(),
            "fixes keep headings in {}",
            f.display()
        );
        assert!(a.2 >= b.2, "fixes keep links in {}", f.display());
        mended += a.2 - b.2;
    }
    assert!(mended > 0, "broken Markdown links are mended");
    let changed = files(dir.path())
        .iter()
        .zip(&originals)
        .filter(|(f, o)| std::fs::read(f).unwrap() != **o)
        .count();
    assert!(changed > 10);
    // A second run has nothing left to fix.
    let snapshot: Vec<Vec<u8>> = files(dir.path())
        .iter()
        .map(|f| std::fs::read(f).unwrap())
        .collect();
    let second = postlint(dir.path(), &["--fix", "--format", "concise"]);
    assert_eq!(
        String::from_utf8(second.stderr).unwrap().trim(),
        "Fixed 0 findings."
    );
    let again: Vec<Vec<u8>> = files(dir.path())
        .iter()
        .map(|f| std::fs::read(f).unwrap())
        .collect();
    assert_eq!(snapshot, again);
}

#[test]
fn crlf_line_endings_and_permissions_stay() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\r\ntitle: 'Developer '\r\nowner: @team\r\n---\r\n\r\nWe are hiring\u{200B} a developer. You MUST apply.\r\n";
    let path = dir.path().join("dev.md");
    std::fs::write(&path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    postlint(dir.path(), &["--fix"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        "---\r\ntitle: 'Developer'\r\nowner: '@team'\r\n---\r\n\r\nWe are hiring a developer. You must apply.\r\n"
    );
    assert_eq!(fixed.matches('\n').count(), fixed.matches("\r\n").count());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}

#[test]
fn a_file_that_changed_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dev.md");
    std::fs::write(&path, "changed by someone else").unwrap();
    let plan = postlint::fix::FileFix {
        file: FileId(0),
        path: path.display().to_string(),
        original: "what postlint read".into(),
        fixed: "what postlint would write".into(),
        applied: 1,
    };
    assert!(!postlint::fix::write(&path, &plan).unwrap());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "changed by someone else"
    );
}
