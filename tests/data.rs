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
