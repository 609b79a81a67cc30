//! `--online` against a small HTTP server on 127.0.0.1 started by the test: no test reaches the
//! internet. The server answers `/ok` 200, `/gone` 404, `/moved` with a redirect to `/ok`, and
//! holds `/slow` past the timeout.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

/// Starts the server; returns its base URL and a count of requests served.
fn server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let served = count.clone();
    let location = format!("{base}/ok");
    std::thread::spawn(move || {
        for stream in listener.incoming().take(200) {
            let Ok(mut stream) = stream else { continue };
            served.fetch_add(1, Ordering::SeqCst);
            let mut request_line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let _ = reader.read_line(&mut request_line);
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                    break;
                }
            }
            let path = request_line
                .split_whitespace()
                .nth(1)
                .unwrap_or("/")
                .to_string();
            let response = match path.as_str() {
                "/ok" => {
                    "HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".to_string()
                }
                "/moved" => format!(
                    "HTTP/1.1 301 Moved Permanently\r\nlocation: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                ),
                "/slow" => {
                    std::thread::sleep(Duration::from_secs(3));
                    "HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".to_string()
                }
                _ => "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                    .to_string(),
            };
            let _ = stream.write_all(response.as_bytes());
        }
    });
    (base, count)
}

fn posting(dir: &std::path::Path, base: &str) {
    let text = format!(
        "# We're hiring a developer\n\nSee [the team page]({base}/ok), [the old page]({base}/gone), [the short link]({base}/moved) and [the slow page]({base}/slow).\n"
    );
    std::fs::create_dir_all(dir.join("en")).unwrap();
    std::fs::write(dir.join("en/dev.md"), text).unwrap();
    std::fs::write(
        dir.join("postlint.toml"),
        "[rules.url-shortened]\nextend = [\"127.0.0.1\"]\n",
    )
    .unwrap();
}

fn postlint(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("postlint").unwrap();
    cmd.current_dir(dir).args([
        "check",
        "--format",
        "concise",
        "--select",
        "url-dead,url-shortened",
        ".",
    ]);
    cmd
}

#[test]
fn offline_by_default() {
    let (base, count) = server();
    let dir = tempfile::tempdir().unwrap();
    posting(dir.path(), &base);
    postlint(dir.path())
        .assert()
        .stdout(predicate::str::contains("url-dead").not());
    assert_eq!(
        count.load(Ordering::SeqCst),
        0,
        "no request without --online"
    );
}

#[test]
fn dead_links_and_redirect_targets() {
    let (base, _) = server();
    let dir = tempfile::tempdir().unwrap();
    posting(dir.path(), &base);
    let out = postlint(dir.path())
        .args(["--online", "--online-timeout", "1", "--no-cache"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(&format!("[url-dead] `{base}/gone` answers 404")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("[url-dead] `{base}/slow` does not answer")),
        "{stdout}"
    );
    assert!(
        !stdout.contains(&format!("`{base}/ok` answers")),
        "{stdout}"
    );
    assert!(
        !stdout.contains(&format!("`{base}/moved` answers")),
        "a redirect to a live page is alive: {stdout}"
    );
    // The human format names where the short link leads.
    let out = Command::cargo_bin("postlint")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "check",
            "--select",
            "url-shortened",
            "--online",
            "--no-cache",
            ".",
        ])
        .output()
        .unwrap();
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(human.contains(&format!("it leads to {base}/ok")), "{human}");
}

#[test]
fn results_are_cached() {
    let (base, count) = server();
    let dir = tempfile::tempdir().unwrap();
    posting(dir.path(), &base);
    let cache = dir.path().join("cache/links.json");
    let run = || {
        postlint(dir.path())
            .args(["--online", "--online-timeout", "1", "--online-cache"])
            .arg(&cache)
            .output()
            .unwrap()
    };
    let first = run();
    let served = count.load(Ordering::SeqCst);
    assert!(served >= 4 && cache.is_file());
    let second = run();
    assert_eq!(
        count.load(Ordering::SeqCst),
        served,
        "the second run uses the cache"
    );
    assert_eq!(first.stdout, second.stdout);
}
