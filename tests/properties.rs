//! Properties that hold for any input: linting never panics and every finding points inside
//! its file; `--fix` converges, and fixing fixed text changes nothing; nothing goes to the
//! network without `--online`.

mod common;

use std::path::PathBuf;
use std::sync::LazyLock;

use postlint::Settings;
use proptest::prelude::*;

static SETTINGS: LazyLock<(tempfile::TempDir, Settings)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let settings = common::settings(dir.path(), postlint::Flags::default());
    (dir, settings)
});

/// Lines of postings, with defects of every family, in both languages.
fn posting_lines() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("---".to_string()),
        Just("title: 'Senior developer '".to_string()),
        Just("translationKey: dev".to_string()),
        Just("archived: false".to_string()),
        Just(">Salary: $60,000.00 - $117,142.00 Per Year".to_string()),
        Just("##Heading".to_string()),
        Just("# Développeuse ou développeur".to_string()),
        Just("**Bold heading**".to_string()),
        Just("- item with [text] (https://example.ca)".to_string()),
        Just("\u{200b}- hidden item".to_string()),
        Just("See [here](http://bit.ly/x?utm_source=a).".to_string()),
        Just("Apply by Friday, February 9, 2027 at 11:59 pm EDT.".to_string()),
        Just("jusqu'au mardi 31 mars 2028 à 23h59 (HAE)".to_string()),
        Just("$73,402 - $108,164 per year".to_string()),
        Just("De $90,000 à $110,000 par année.".to_string()),
        Just("You MUST leverage synergies, and he will report to a ninja.".to_string()),
        Just("\u{feff}".to_string()),
        Just("\r".to_string()),
        Just(String::new()),
        "\\PC{0,40}",
    ];
    prop::collection::vec(line, 0..24).prop_map(|lines| lines.join("\n"))
}

fn path(fr: bool) -> PathBuf {
    if fr { "fr/poste.md" } else { "en/posting.md" }.into()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_linted_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000), fr in any::<bool>()) {
        let run = postlint::lint_text(path(fr), bytes, &SETTINGS.1);
        prop_assert_eq!(run.files.len(), 1);
        for d in &run.diagnostics {
            let text = &run.source(d.span.file).text;
            prop_assert!(d.span.end as usize <= text.len(), "{} outside the file", d.rule);
            prop_assert!(text.is_char_boundary(d.span.start as usize) && text.is_char_boundary(d.span.end as usize));
        }
    }

    #[test]
    fn posting_like_text_is_linted_without_panic(text in posting_lines(), fr in any::<bool>()) {
        let run = postlint::lint_text(path(fr), text.into_bytes(), &SETTINGS.1);
        for d in &run.diagnostics {
            let text = &run.source(d.span.file).text;
            prop_assert!(text.get(d.span.range()).is_some(), "{} at {:?}", d.rule, d.span);
        }
    }

    #[test]
    fn fix_converges_and_is_idempotent(text in posting_lines(), fr in any::<bool>(), unsafe_fixes in any::<bool>()) {
        let mut text = text;
        let mut passes = 0;
        loop {
            let run = postlint::lint_text(path(fr), text.clone().into_bytes(), &SETTINGS.1);
            let Some(plan) = postlint::fix::plan(&run, unsafe_fixes).pop() else { break };
            prop_assert_ne!(&plan.fixed, &text, "a fix that changes nothing");
            text = plan.fixed;
            passes += 1;
            // `--fix` makes at most ten passes: fixes must settle well before.
            prop_assert!(passes < 10, "no fixed point after {} passes:\n{}", passes, text);
        }
    }
}

/// A server on the loopback that counts the connections it gets.
fn listener() -> (std::net::TcpListener, String) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    (listener, url)
}

#[test]
fn nothing_goes_to_the_network_without_online() {
    let (server, url) = listener();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("posting.md"),
        format!("# Developer\n\nRead [our handbook]({url}/handbook) and <{url}/about>.\n"),
    )
    .unwrap();
    let check = |online: bool, url: &str| {
        let mut command = assert_cmd::Command::cargo_bin("postlint").unwrap();
        command.current_dir(dir.path()).args([
            "check",
            "--today",
            common::TODAY,
            "--format",
            "concise",
        ]);
        // A proxy too would be this server: no way out that it would not see.
        for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
            command.env(proxy, url);
        }
        if online {
            command.args(["--online", "--online-timeout", "1", "--no-cache"]);
        }
        command.arg("posting.md").output().unwrap()
    };
    let offline = check(false, &url);
    assert!(offline.status.code().is_some());
    assert!(
        matches!(server.accept(), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "postlint connected to the network without --online"
    );
    // The same run with `--online` does connect: the listener above would have seen it.
    let (server, url) = listener();
    std::fs::write(
        dir.path().join("posting.md"),
        format!("# Developer\n\nRead [our handbook]({url}/handbook).\n"),
    )
    .unwrap();
    let _ = check(true, &url);
    assert!(server.accept().is_ok(), "--online checks the links");
}
