//! The registry's invariants: ids unique, kebab-case, prefixed by their family and named after
//! their file; and the README's rules table generated from it (`BLESS=1` rewrites it).

mod common;

use postlint::rules::{self, Check};

#[test]
fn ids_are_unique_kebab_case_and_prefixed_by_their_family() {
    let kebab = regex::Regex::new(r"^[a-z0-9]+(-[a-z0-9]+)*$").unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for rule in rules::all() {
        assert!(seen.insert(rule.id), "duplicate id {}", rule.id);
        assert!(kebab.is_match(rule.id), "{} is not kebab-case", rule.id);
        assert!(
            rule.id.starts_with(&format!("{}-", rule.family.id())),
            "{} does not start with its family `{}`",
            rule.id,
            rule.family.id()
        );
    }
}

#[test]
fn each_rule_lives_in_a_file_named_after_it() {
    for rule in rules::all() {
        let file = rule.file.replace('\\', "/");
        let expected = format!(
            "src/rules/{}/{}.rs",
            rule.family.id().replace('-', "_"),
            rule.id.replace('-', "_")
        );
        assert!(
            file.ends_with(&expected),
            "{} is declared in {file}, expected {expected}",
            rule.id
        );
    }
}

#[test]
fn rules_are_sorted_and_found_by_id() {
    let ids: Vec<_> = rules::all().iter().map(|r| r.id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    for id in ids {
        assert_eq!(rules::by_id(id).unwrap().id, id);
    }
    assert!(rules::by_id("no-such-rule").is_none());
}

#[test]
fn selectors_pick_families_prefixes_and_ids() {
    let family = rules::matching("front-matter");
    assert!(family.len() >= 5 && family.iter().all(|r| r.id.starts_with("front-matter-")));
    let prefix = rules::matching("front-matter-invalid");
    assert!(prefix.iter().any(|r| r.id == "front-matter-invalid-yaml"));
    assert!(prefix.len() < family.len());
    assert_eq!(rules::matching("front-matter-missing-key").len(), 1);
    assert!(
        rules::matching("front-matter-miss").is_empty(),
        "a prefix must end at a `-`"
    );
    assert_eq!(rules::matching("all").len(), rules::all().len());
}

#[test]
fn checks_and_docs_are_present() {
    for rule in rules::all() {
        assert!(!rule.summary().is_empty(), "{} has no summary", rule.id);
        if let Check::Posting(_) = rule.check {
            assert!(
                rule.docs.contains("## Examples"),
                "{} has no examples",
                rule.id
            );
        }
    }
}

#[test]
fn readme_rules_table_is_in_sync() {
    const START: &str = "<!-- rules-table:start -->\n";
    const END: &str = "<!-- rules-table:end -->";
    let path = common::root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme
        .find(START)
        .expect("README has the rules-table start marker")
        + START.len();
    let end = readme
        .find(END)
        .expect("README has the rules-table end marker");
    let table = postlint::report::rules_table();
    if readme[start..end] != table {
        if std::env::var_os("BLESS").is_some() {
            let updated = format!("{}{}{}", &readme[..start], table, &readme[end..]);
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!("README's rules table is out of date: run `BLESS=1 cargo test --test registry`");
        }
    }
}
