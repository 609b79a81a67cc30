//! postlint over the real postings in `../shared/corpus` (or `$POSTLINT_CORPUS`): no crash, no
//! tool failure, the known defects found where they are, and JSON output that keeps its contract.
//! The corpus is required: the test fails when it is missing.

mod common;

use std::path::PathBuf;

use postlint::report::Format;

fn corpus() -> PathBuf {
    let path = std::env::var_os("POSTLINT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::root().join("../shared/corpus"));
    assert!(
        path.join("MANIFEST.tsv").is_file(),
        "the real-posting corpus is missing at {} (set POSTLINT_CORPUS to its folder)",
        path.display()
    );
    path
}

fn lint_corpus() -> postlint::engine::Run {
    let corpus = corpus();
    common::lint(&[corpus], &common::root())
}

#[test]
fn every_file_is_read_and_parsed() {
    let run = lint_corpus();
    let manifest = std::fs::read_to_string(corpus().join("MANIFEST.tsv")).unwrap();
    let parsed: std::collections::BTreeSet<String> =
        run.postings().map(|p| p.path().to_string()).collect();
    let mut listed = 0;
    for line in manifest.lines().skip(1) {
        let target = line.rsplit('\t').next().unwrap();
        let path = postlint::discover::display(&corpus().join(target));
        assert!(parsed.contains(&path), "{path} was not parsed");
        listed += 1;
    }
    assert!(listed >= 360, "the manifest lists {listed} postings");
    let failures: Vec<_> = run
        .diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("io-") || d.rule.starts_with("encoding-"))
        .collect();
    assert!(
        failures.is_empty(),
        "tool failures on real files: {failures:?}"
    );
}

#[test]
fn yaml_error_of_every_cds_docs_file_is_on_line_4() {
    let run = lint_corpus();
    let json: serde_json::Value =
        serde_json::from_str(&common::render(Format::Json, &run)).unwrap();
    let docs: Vec<_> = std::fs::read_dir(corpus().join("cds-docs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(docs.len() >= 3);
    for name in docs {
        let found = json["diagnostics"].as_array().unwrap().iter().find(|d| {
            d["rule"] == "front-matter-invalid-yaml"
                && d["path"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("cds-docs/{name}"))
        });
        let d = found.unwrap_or_else(|| panic!("no invalid YAML found in cds-docs/{name}"));
        assert_eq!(d["range"]["start"]["line"], 4, "{name}");
        assert_eq!(
            d["range"]["start"]["column"], 8,
            "{name}: the `@` of `owner: @…`"
        );
        assert!(
            d["fix"]["edits"][0]["replacement"]
                .as_str()
                .unwrap()
                .starts_with("'@")
        );
    }
}

#[test]
fn json_output_keeps_its_contract() {
    let run = lint_corpus();
    let output: serde_json::Value =
        serde_json::from_str(&common::render(Format::Json, &run)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("tests/contract/json-v1.schema.json"))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&output)
        .take(5)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(output["summary"]["files"], run.files.len());
    assert!(output["summary"]["errors"].as_u64().unwrap() > 0);
}

#[test]
fn real_defects_are_found() {
    let run = lint_corpus();
    let concise = common::render(Format::Concise, &run);
    let has = |path_part: &str, rule: &str| {
        concise
            .lines()
            .any(|l| l.contains(path_part) && l.contains(&format!("[{rule}]")))
    };
    // A Lever id pasted as a URL.
    assert!(has(
        "fr/careers/développeur-généraliste-plateforme.md:9:10",
        "front-matter-invalid-id"
    ));
    // A UUID that lost its last digit.
    assert!(has(
        "685e34db-a7c9-4476-bc60-ae1c1e75176.md:10:10",
        "front-matter-invalid-id"
    ));
    // `linkHidden: null`.
    assert!(
        concise
            .lines()
            .any(|l| l.contains("[front-matter-empty-value] `linkHidden` is empty"))
    );
    // An ODS block whose lines lost their `>`.
    assert!(has(
        "ontario/director-chapters.md:3:1",
        "front-matter-metadata-missing-marker"
    ));
    assert!(has(
        "ontario/web-editor.md:3:2",
        "front-matter-key-spelling"
    ));
    // Every ODS posting gets the `ods` profile, and every CDS posting with a job-posting layout the `cds` one.
    for posting in run.postings() {
        let profile = posting.profile.as_ref().map(|p| p.name.as_str());
        if posting.path().contains("/ontario/") {
            assert_eq!(profile, Some("ods"), "{}", posting.path());
        }
        if posting.front_matter.str("layout") == Some("job-posting") {
            assert_eq!(profile, Some("cds"), "{}", posting.path());
        }
    }
}

#[test]
fn languages_are_told_apart() {
    let run = lint_corpus();
    for posting in run.postings() {
        let path = posting.path();
        if path.contains("/cds-docs/") {
            assert!(posting.is_bilingual(), "{path} holds English then French");
        }
        if path.contains("/ontario/") {
            assert_eq!(
                posting.lang.map(|l| l.0),
                Some(postlint::posting::Lang::En),
                "{path}"
            );
        }
    }
}

#[test]
fn output_is_byte_identical_across_twenty_runs_on_two_threads() {
    let run = || {
        assert_cmd::Command::cargo_bin("postlint")
            .unwrap()
            .current_dir(common::root())
            .args(["check", "--today", common::TODAY, "--threads", "2"])
            .args(["--format", "json"])
            .arg(corpus())
            .output()
            .unwrap()
    };
    let first = run();
    assert_eq!(first.status.code(), Some(1), "the corpus has errors");
    assert!(first.stdout.len() > 100_000, "a full report");
    for i in 1..20 {
        let again = run();
        assert!(
            again.stdout == first.stdout,
            "run {i} differs from the first"
        );
        assert_eq!(again.status.code(), first.status.code());
    }
}

/// A run of fewer files than threads spreads each file's rules over the threads: what it says
/// must not depend on that, nor on which thread finishes first.
#[test]
fn one_file_spread_over_threads_says_what_one_thread_says() {
    let files: Vec<PathBuf> = ["cds-docs", "ontario", "cds"]
        .iter()
        .filter_map(|folder| {
            let mut md: Vec<PathBuf> = std::fs::read_dir(corpus().join(folder))
                .ok()?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .collect();
            md.sort();
            md.into_iter().next()
        })
        .collect();
    assert!(files.len() >= 2, "postings of two kinds at least");
    for file in files {
        let run = |threads: &str| {
            assert_cmd::Command::cargo_bin("postlint")
                .unwrap()
                .current_dir(common::root())
                .args(["check", "--today", common::TODAY, "--threads", threads])
                .args(["--format", "json"])
                .arg(&file)
                .output()
                .unwrap()
        };
        let serial = run("1");
        assert!(serial.stdout.len() > 200, "findings for {}", file.display());
        for _ in 0..5 {
            let spread = run("2");
            assert!(spread.stdout == serial.stdout, "{}", file.display());
            assert_eq!(spread.status.code(), serial.status.code());
        }
    }
}

/// The command line streams its findings, parsing again the files it let go after the first
/// pass (the corpus is larger than what it holds) and rendering files side by side on its
/// threads; the library keeps every file and writes them one by one. Both must say the same,
/// in every format.
#[test]
fn streamed_output_is_the_kept_run_output() {
    let run = lint_corpus();
    for (flag, format) in [
        ("json", Format::Json),
        ("human", Format::Human),
        ("sarif", Format::Sarif),
        ("junit", Format::Junit),
        ("gitlab", Format::Gitlab),
        ("github", Format::Github),
        ("concise", Format::Concise),
        ("json-lines", Format::JsonLines),
    ] {
        let streamed = assert_cmd::Command::cargo_bin("postlint")
            .unwrap()
            .current_dir(common::root())
            .env("NO_COLOR", "1")
            .args(["check", "--today", common::TODAY, "--format", flag])
            .arg(corpus())
            .output()
            .unwrap();
        assert_eq!(streamed.status.code(), Some(1), "{flag}");
        let kept = common::render(format, &run);
        assert!(
            String::from_utf8(streamed.stdout).unwrap() == kept,
            "--format {flag}: the streamed output differs from the kept run's"
        );
    }
}

#[test]
fn closing_dates_and_pay_of_real_postings() {
    let run = lint_corpus();
    let concise = common::render(Format::Concise, &run);
    let has = |path_part: &str, rule: &str| {
        concise
            .lines()
            .any(|l| l.contains(path_part) && l.contains(&format!("[{rule}]")))
    };
    // EDT on winter dates.
    assert!(has(
        "ontario/engineering-manager.md:130:",
        "closing-date-wrong-zone"
    ));
    assert!(has(
        "ontario/senior-iit-architect.md:148:",
        "closing-date-wrong-zone"
    ));
    assert!(has(
        "ontario/policy-co-op.md:95:",
        "closing-date-wrong-zone"
    ));
    // The same deadline with two zones.
    assert!(has(
        "ontario/senior-developer.md:13:",
        "closing-date-wrong-zone"
    ));
    assert!(has(
        "ontario/senior-developer.md:121:",
        "closing-date-inconsistent"
    ));
    // Past deadlines of postings that still present themselves as open (today is fixed).
    assert!(has("ontario/senior-developer.md", "closing-date-past"));
    assert!(
        !has("ontario/senior-product-manager.md", "closing-date-past"),
        "it says it received applications"
    );
    // Salary style, and an English-formatted salary in a French posting.
    assert!(has("ontario/experience-design-co-op.md:7:", "salary-style"));
    assert!(has("ontario/director-chapters.md:7:", "salary-style"));
    assert!(has(
        "digital-canada-ca-website/fr/jobs/administrative-officer---internal-operations-fr---878766da-0bed-4884-b61b-994597a90f0f.md:15:",
        "salary-locale-mismatch"
    ));
    // Every ODS posting has its salary read, and every deadline in it.
    for posting in run.postings().filter(|p| p.path().contains("/ontario/")) {
        assert!(!posting.facts.pay.is_empty(), "{}", posting.path());
        assert!(!posting.facts.deadlines.is_empty(), "{}", posting.path());
        assert!(posting.facts.published.is_some(), "{}", posting.path());
    }
    // The corpus README is not a posting: the walk leaves it out.
    assert!(
        !concise.contains("corpus/README.md"),
        "the corpus README was linted"
    );
    assert!(
        run.files
            .iter()
            .all(|f| !f.source().path.ends_with("corpus/README.md"))
    );
}

#[test]
fn links_of_real_postings() {
    let run = lint_corpus();
    let concise = common::render(Format::Concise, &run);
    let lines_of = |rule: &str| -> Vec<&str> {
        concise
            .lines()
            .filter(|l| l.contains(&format!("[{rule}]")))
            .collect()
    };
    // Every Ontario posting has its shorteners found, in links and in the text, but for a URL
    // written out as an example of what not to send (`e.g. https://goo.gl/…`).
    for posting in run.postings().filter(|p| p.path().contains("/ontario/")) {
        let path = posting.path();
        let found: Vec<&str> = lines_of("url-shortened")
            .into_iter()
            .filter(|l| l.starts_with(&format!("{path}:")))
            .collect();
        for (n, line) in posting.text().lines().enumerate() {
            for domain in ["eepurl.com", "goo.gl"] {
                if line.contains(&format!("{domain}/")) {
                    let at = format!("{path}:{}:", n + 1);
                    let example = line.contains(&format!("e.g. https://{domain}/"));
                    let flagged = found
                        .iter()
                        .any(|l| l.starts_with(&at) && l.contains(&format!("`{domain}`")));
                    assert_eq!(flagged, !example, "{at} {domain}");
                }
            }
            if line.contains("](http://") {
                let at = format!("{path}:{}:", n + 1);
                assert!(
                    lines_of("url-insecure").iter().any(|l| l.starts_with(&at)),
                    "{at} http://"
                );
            }
        }
        assert!(!found.is_empty(), "{path}");
    }
    // Every link through a redirect wrapper is found, in every posting.
    let wrapped = lines_of("url-redirect-wrapper");
    let mut wrappers = 0;
    for posting in run.postings() {
        let path = posting.path();
        for (n, line) in posting.text().lines().enumerate() {
            if line.contains("google.com/url?q=http") || line.contains("safelinks.protection") {
                wrappers += 1;
                let at = format!("{path}:{}:", n + 1);
                assert!(wrapped.iter().any(|l| l.starts_with(&at)), "{at}");
            }
        }
    }
    assert!(wrappers > 0 && wrapped.len() == wrappers, "{wrapped:?}");
    // The link whose text is the URL.
    assert!(
        concise
            .lines()
            .any(|l| l.contains("ontario/experience-design-co-op.md:82:")
                && l.contains("[url-bare] the link text is the URL"))
    );
    assert!(
        concise
            .lines()
            .any(|l| l.contains("ontario/experience-design-co-op.md:82:")
                && l.contains("[url-shortened]"))
    );
    // The `[…] (mailto:…)` link broken by a space.
    assert!(concise.lines().any(|l| {
        l.contains("cds/digital-canada-ca/fr/join-our-team/head-of-engineering.md:39:")
            && l.contains("[url-broken-markdown]")
    }));
    // French pages linking to English ones.
    let wrong = lines_of("url-wrong-language");
    assert!(wrong.len() >= 10, "{wrong:?}");
    assert!(wrong.iter().all(|l| l.contains("/fr/")), "{wrong:?}");
    // The anchors and e-mail links that work are not flagged.
    assert!(
        lines_of("url-broken-fragment").is_empty(),
        "{:?}",
        lines_of("url-broken-fragment")
    );
    for line in lines_of("url-invalid-email") {
        assert!(
            line.contains("gc.ca.`"),
            "only the address with a trailing period is invalid: {line}"
        );
    }
}

#[test]
fn translation_pairs_of_real_postings() {
    let run = lint_corpus();
    let concise = common::render(Format::Concise, &run);
    let has = |path_part: &str, rule: &str| {
        concise
            .lines()
            .any(|l| l.contains(path_part) && l.contains(&format!("[{rule}]")))
    };
    // The October 2025 product manager, whose English and French keys differ: each side names the other.
    let json: serde_json::Value =
        serde_json::from_str(&common::render(Format::Json, &run)).unwrap();
    let missing: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "translation-missing" && d["path"].as_str().unwrap().contains("digital-canada-ca-website/en/jobs/product-manager-—-digital-credentials-team--null.md"))
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0]["range"]["start"]["line"], 8);
    assert!(
        missing[0]["help"]
            .as_str()
            .unwrap()
            .contains("gestionnaire-de-produit")
    );
    assert!(
        missing[0]["labels"][0]["path"]
            .as_str()
            .unwrap()
            .contains("/fr/jobs/gestionnaire-de-produit")
    );
    // The whole English file in French folders.
    assert!(has(
        "digital-canada-ca-website/fr/jobs/administrative-officer---internal-operations-fr---878766da-0bed-4884-b61b-994597a90f0f.md",
        "translation-wrong-language"
    ));
    // `archived: false` in English, `archived: true` in French.
    let archived: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["rule"] == "translation-front-matter-differs"
                && d["labels"][0]["path"]
                    .as_str()
                    .unwrap_or("")
                    .contains("en/careers/senior-project-services---df2507ec")
        })
        .collect();
    assert!(!archived.is_empty());
    assert_eq!(archived[0]["labels"][0]["range"]["start"]["line"], 7);
    // The French creative recruiter that lost a section, and the h3 that is an h2 in the other language.
    assert!(has(
        "fr/work-with-us/recruteur-creatif.md",
        "translation-structure-differs"
    ));
    assert!(
        concise
            .lines()
            .any(|l| l.contains("fr/work-with-us/recruteur-creatif.md")
                && l.contains("`Want to learn more about CDS?` of the English version is missing"))
    );
    assert!(
        concise
            .lines()
            .any(|l| l.contains("536ae967-b8b9-49fa-b18b-f8955560fb7f.md")
                && l.contains("is an h2 where the English version has an h3"))
    );
    // Copies across site sections do not repeat a drift: no finding's message appears more
    // than three times for one rule and one file name.
    let mut seen: std::collections::BTreeMap<(String, String), usize> =
        std::collections::BTreeMap::new();
    for d in json["diagnostics"].as_array().unwrap().iter().filter(|d| {
        d["rule"].as_str().unwrap().starts_with("translation-facts")
            || d["rule"]
                .as_str()
                .unwrap()
                .starts_with("translation-structure")
    }) {
        let name = d["path"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();
        *seen
            .entry((name, d["message"].as_str().unwrap().to_string()))
            .or_default() += 1;
    }
    assert!(seen.values().all(|&n| n <= 3), "{seen:?}");
}

#[test]
fn plain_language_of_real_postings() {
    let run = lint_corpus();
    let concise = common::render(Format::Concise, &run);
    let has = |path_part: &str, rule: &str| {
        concise
            .lines()
            .any(|l| l.contains(path_part) && l.contains(&format!("[{rule}]")))
    };
    // The long opening sentence of the senior product manager (platform) posting.
    assert!(has(
        "en/careers/senior-product-manager---platform--f5ea171c-590f-4272-b1cc-7e56714d37fa.md:12:1:",
        "plain-language-long-sentence"
    ));
    // `MAY` in capitals.
    assert!(concise.lines().any(|l| {
        l.contains("en/join-our-team/storyteller-media-relations-advisor.md:44:")
            && l.contains("`MAY` is written in capitals")
    }));
    // A body that starts at h4.
    assert!(has(
        "en/careers/senior-policy-advisor--289adf15-22f1-44fb-885c-3b2ea720183b.md:18:",
        "accessibility-body-below-h2"
    ));
    // Zero-width spaces in a French heading.
    assert!(has(
        "fr/careers/conseiller-ère-principal-e-en-relations-avec-les-parties-prenantes--685e34db-a7c9-4476-bc60-ae1c1e751763.md:19:",
        "accessibility-invisible-character"
    ));
    // ODS postings that open with `### Current status`.
    let ods_h3 = concise
        .lines()
        .filter(|l| l.contains("/ontario/") && l.contains("[accessibility-body-below-h2]"))
        .count();
    assert!(ods_h3 >= 10, "{ods_h3}");
    // Readability is scored in both languages.
    assert!(
        concise
            .lines()
            .any(|l| l.contains("[plain-language-reading-level] the English text"))
    );
    // Language profiles (`CBC`, `BBB/BBB`) are flagged as unexplained abbreviations only
    // where their paragraph names no language; many real postings give them.
    let mut profiles = 0;
    for posting in run.postings() {
        for (n, line) in posting.text().lines().enumerate() {
            let has_profile = line
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w.len() == 3 && w.bytes().all(|b| b"ABCEPX".contains(&b)));
            if !has_profile {
                continue;
            }
            profiles += 1;
            let lower = line.to_lowercase();
            let named = ["bilingu", "english", "anglais", "french", "français"]
                .iter()
                .any(|w| lower.contains(w));
            let at = format!("{}:{}:", posting.path(), n + 1);
            let flagged = concise.lines().any(|l| {
                l.starts_with(&at)
                    && l.contains("[plain-language-acronym]")
                    && ["CBC", "BBB", "CCC"]
                        .iter()
                        .any(|c| l.contains(&format!("`{c}`")))
            });
            assert!(!(named && flagged), "{at} {line}");
        }
    }
    assert!(profiles >= 20, "{profiles}");
    // No exclusionary false alarm from `une jeune entreprise`.
    assert!(
        !concise
            .lines()
            .any(|l| l.contains("[inclusive-exclusionary-requirement]") && l.contains("jeune"))
    );
}
