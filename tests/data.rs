//! The data in `rules/` is well formed: every built-in profile is a JSON Schema that compiles,
//! and the properties of a metadata profile say how each key is spelled.

mod common;

use postlint::posting::Profile;

#[test]
fn built_in_profiles_compile() {
    for name in Profile::built_in_names() {
        let profile = Profile::built_in(name).unwrap_or_else(|| panic!("profile {name}"));
        assert_eq!(
            profile.schema["title"], name,
            "a profile's `title` is its name"
        );
        assert!(!profile.keys().is_empty());
        let required = profile.schema["required"].as_array().unwrap();
        for key in required {
            assert!(
                profile.keys().contains(&key.as_str().unwrap()),
                "{name}: required `{key}` is not a property"
            );
        }
    }
}

#[test]
fn metadata_profile_keys_have_a_spelling() {
    let ods = Profile::built_in("ods").unwrap();
    for key in ods.keys() {
        let title = ods.spelling(key);
        assert_eq!(
            title.to_lowercase(),
            key,
            "ods: `{key}` is spelled `{title}`"
        );
        assert_ne!(title, key, "ods: `{key}` has no `title`");
    }
}

#[test]
fn profile_files_are_canonical_json() {
    for entry in std::fs::read_dir(common::root().join("rules/front-matter")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let value: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(value.is_object(), "{}", path.display());
            assert!(
                text.ends_with('\n'),
                "{} ends with a newline",
                path.display()
            );
        }
    }
}

#[test]
fn jurisdictions_are_complete_and_sorted() {
    use postlint::rules::salary::Jurisdiction;
    let all = Jurisdiction::all();
    assert!(all.len() >= 10);
    let codes: Vec<&str> = all.iter().map(|j| j.code.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted, "jurisdictions are sorted by code, each once");
    for j in all {
        assert!(j.in_force().year() >= 2020, "{}", j.code);
        assert!(!j.source.is_empty() && !j.name.is_empty(), "{}", j.code);
        assert!(j.min_employees >= 1, "{}", j.code);
        if let (Some(width), Some(exempt)) = (j.max_range_width, j.range_limit_exempt_above) {
            assert!(width > 0.0 && exempt > width, "{}", j.code);
        }
    }
    let on = Jurisdiction::by_code("CA-ON").unwrap();
    assert_eq!(on.in_force().to_string(), "2026-01-01");
    assert_eq!(on.max_range_width, Some(50_000.0));
    assert_eq!(on.min_employees, 25);
}

#[test]
fn readme_lists_every_jurisdiction() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    for j in postlint::rules::salary::Jurisdiction::all() {
        assert!(
            readme.contains(&format!("| `{}` | {} | {} |", j.code, j.name, j.in_force())),
            "README lacks {}",
            j.code
        );
    }
}

#[test]
fn url_data_is_well_formed() {
    let root = common::root().join("rules/url");
    // The shortener list keeps its CC BY-SA attribution and its sorted, unique domains.
    let shorteners = std::fs::read_to_string(root.join("shorteners.txt")).unwrap();
    assert!(
        shorteners.contains("CC BY-SA 4.0") && shorteners.contains("PeterDaveHello/url-shorteners")
    );
    let domains: Vec<&str> = shorteners
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let mut sorted = domains.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(domains, sorted, "shorteners.txt is sorted and unique");
    assert!(
        domains
            .iter()
            .all(|d| d.contains('.') && !d.contains(char::is_whitespace))
    );
    assert!(
        std::fs::read_to_string(common::root().join("rules/README.md"))
            .unwrap()
            .contains("CC BY-SA 4.0")
    );
    // Vague link texts: `lang<TAB>text`, sorted within each language.
    let vague = std::fs::read_to_string(root.join("vague-link-text.tsv")).unwrap();
    let rows: Vec<&str> = vague
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    for row in &rows {
        let (lang, text) = row
            .split_once('\t')
            .unwrap_or_else(|| panic!("no tab in `{row}`"));
        assert!(lang == "en" || lang == "fr", "{row}");
        assert_eq!(text, text.trim().to_lowercase(), "{row}");
    }
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted, "vague-link-text.tsv is sorted");
    // Language patterns compile, and are written for URLs in lower case.
    let patterns: toml::Table =
        toml::from_str(&std::fs::read_to_string(root.join("language-patterns.toml")).unwrap())
            .unwrap();
    for lang in ["en", "fr"] {
        for p in patterns[lang].as_array().unwrap() {
            let p = p.as_str().unwrap();
            postlint::posting::pattern::Pattern::try_new(p).unwrap();
            assert!(
                !p.contains("(?i"),
                "{p}: matched in lower case, without (?i)"
            );
            assert!(
                !p.contains(|c: char| c.is_uppercase()),
                "{p}: matched in lower case"
            );
        }
    }
    // Tracking parameters: sorted, lowercase.
    let tracking = std::fs::read_to_string(root.join("tracking-parameters.txt")).unwrap();
    let params: Vec<&str> = tracking
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let mut sorted = params.clone();
    sorted.sort();
    assert_eq!(params, sorted);
}

#[test]
fn word_list_packs_are_well_formed() {
    let root = common::root().join("rules");
    let mut count = 0;
    for dir in ["plain-language"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !name.ends_with(".toml") || name.starts_with("gender-coded") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let pack: postlint::rules::word_list::Pack =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!pack.term.is_empty(), "{name}");
            assert!(
                name.ends_with(".en.toml") || name.ends_with(".fr.toml"),
                "{name}: the file name says the language"
            );
            let mut seen = std::collections::BTreeSet::new();
            for t in &pack.term {
                assert!(
                    seen.insert(t.term.to_lowercase()),
                    "{name}: `{}` twice",
                    t.term
                );
                assert!(
                    !t.suggestion.is_empty() && !t.why.is_empty() && !t.source.is_empty(),
                    "{name}: `{}` needs suggestion, why and source",
                    t.term
                );
                assert_eq!(t.term.trim(), t.term, "{name}");
            }
            count += 1;
        }
    }
    assert!(count >= 8, "{count} packs");
    let coded: toml::Table = toml::from_str(
        &std::fs::read_to_string(root.join("plain-language/gender-coded.en.toml")).unwrap(),
    )
    .unwrap();
    assert!(
        coded["masculine"].as_array().unwrap().len() >= 40
            && coded["feminine"].as_array().unwrap().len() >= 40
    );
}
