//! Profiles: what a posting's front matter must contain, as a JSON Schema.
//!
//! Built-in profiles are data in `rules/front-matter/`; a team names its own schema in
//! `postlint.toml`. Validation errors are mapped back to the span of the YAML key or value.
//!
//! Two schema annotations shape the messages: a property's `title` is its canonical spelling
//! in a metadata block (`Job title`), and an `errorMessage` (a string, or an object keyed by
//! the failing keyword) replaces the generic message of a failing keyword.

use std::sync::{Arc, LazyLock};

use jsonschema::error::ValidationErrorKind;
use serde_json::Value as Json;

use super::Posting;
use super::front_matter::{Entry, FrontMatter, FrontMatterKind, Value, entries_to_json};
use super::source::Span;

/// A named JSON Schema for front matter.
#[derive(Debug)]
pub struct Profile {
    pub name: String,
    pub schema: Json,
    validator: jsonschema::Validator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaErrorKind {
    MissingKey,
    InvalidType,
    InvalidValue,
    UnknownKey,
}

/// One thing the schema says is wrong, located in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemaError {
    pub kind: SchemaErrorKind,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
    /// For unknown keys: the profile key it probably means, and whether only its case differs.
    pub suggestion: Option<(String, bool)>,
}

/// The built-in profiles' names and schemas.
const BUILT_IN_SCHEMAS: [(&str, &str); 2] = [
    (
        "cds",
        include_str!("../../rules/front-matter/cds.schema.json"),
    ),
    (
        "ods",
        include_str!("../../rules/front-matter/ods.schema.json"),
    ),
];

/// Each built-in profile, compiled when first used: a run compiles only the schemas its files
/// need.
static BUILT_IN: [LazyLock<Arc<Profile>>; 2] = [
    LazyLock::new(|| compile_built_in(0)),
    LazyLock::new(|| compile_built_in(1)),
];

fn compile_built_in(i: usize) -> Arc<Profile> {
    let (name, text) = BUILT_IN_SCHEMAS[i];
    let schema: Json =
        serde_json::from_str(text).expect("built-in schemas are valid JSON (tests/data.rs)");
    Arc::new(Profile::new(name, schema).expect("built-in schemas compile (tests/data.rs)"))
}

impl Profile {
    pub fn new(name: &str, schema: Json) -> Result<Profile, String> {
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| e.to_string())?;
        Ok(Profile {
            name: name.to_string(),
            schema,
            validator,
        })
    }

    /// A built-in profile by name: `cds` or `ods`.
    pub fn built_in(name: &str) -> Option<Arc<Profile>> {
        let i = BUILT_IN_SCHEMAS.iter().position(|(n, _)| *n == name)?;
        Some(Arc::clone(&BUILT_IN[i]))
    }

    pub fn built_in_names() -> Vec<&'static str> {
        BUILT_IN_SCHEMAS.iter().map(|(name, _)| *name).collect()
    }

    /// The keys the schema describes, in its spelling.
    pub fn keys(&self) -> Vec<&str> {
        self.schema
            .get("properties")
            .and_then(Json::as_object)
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// How a key should be written: the property's `title`, else the key itself.
    pub fn spelling<'a>(&'a self, key: &'a str) -> &'a str {
        self.schema
            .pointer(&format!("/properties/{}", escape_pointer(key)))
            .and_then(|p| p.get("title"))
            .and_then(Json::as_str)
            .unwrap_or(key)
    }

    fn description(&self, key: &str) -> Option<&str> {
        self.schema
            .pointer(&format!("/properties/{}", escape_pointer(key)))
            .and_then(|p| p.get("description"))
            .and_then(Json::as_str)
    }

    /// Validates the posting's front matter against the schema.
    pub fn validate(&self, posting: &Posting) -> Vec<SchemaError> {
        let fm = &posting.front_matter;
        let metadata = fm.kind == FrontMatterKind::Metadata;
        let instance = if metadata {
            Json::Object(
                fm.entries
                    .iter()
                    .map(|e| (normalize_key(&e.key.value), e.value.value.to_json()))
                    .collect(),
            )
        } else {
            entries_to_json(&fm.entries)
        };
        // Where to point when something is missing: the opening fence or the first line.
        let anchor = fm.span.map_or(posting.span(0..0), |s| {
            let text = posting.slice(s);
            s.within(0..text.find('\n').unwrap_or(text.len()).min(text.len()))
        });
        let mut out = Vec::new();
        for error in self.validator.iter_errors(&instance) {
            let path: Vec<String> = error
                .instance_path()
                .as_str()
                .split('/')
                .skip(1)
                .map(|s| s.replace("~1", "/").replace("~0", "~"))
                .collect();
            let entry = path.first().and_then(|k| find(fm, k));
            // An empty value is reported once, by `front-matter-empty-value`.
            if entry.is_some_and(|e| e.value.value.is_empty()) {
                continue;
            }
            let custom = self.error_message(error.schema_path().as_str());
            let span = entry.map_or(anchor, |e| value_span(e, &path[1..]));
            let key = path.first().map(String::as_str).unwrap_or("");
            let shown = entry.map_or(key.to_string(), |e| e.key.value.clone());
            match error.kind() {
                ValidationErrorKind::Required { property } => {
                    let key = property.as_str().unwrap_or("?");
                    // A misspelt key is the likeliest cause: name it.
                    let misspelt = fm.entries.iter().find(|e| {
                        !self.keys().contains(
                            &(if metadata {
                                normalize_key(&e.key.value)
                            } else {
                                e.key.value.clone()
                            })
                            .as_str(),
                        ) && self
                            .closest_key(&e.key.value, metadata)
                            .is_some_and(|(k, _)| k == key)
                    });
                    let help = match (misspelt, self.description(key)) {
                        (Some(e), _) => {
                            format!("Rename `{}` to `{}`.", e.key.value, self.spelling(key))
                        }
                        (None, Some(d)) => format!("Add `{}:` ({d}).", self.spelling(key)),
                        (None, None) => {
                            format!("Add `{}:` to the {}.", self.spelling(key), block_name(fm))
                        }
                    };
                    out.push(SchemaError {
                        kind: SchemaErrorKind::MissingKey,
                        span: anchor,
                        message: custom.unwrap_or_else(|| {
                            format!("missing required key `{}`", self.spelling(key))
                        }),
                        help: Some(help),
                        suggestion: None,
                    });
                }
                ValidationErrorKind::AdditionalProperties { unexpected } => {
                    for key in unexpected {
                        let Some(entry) = find(fm, key) else { continue };
                        let suggestion = self.closest_key(&entry.key.value, metadata);
                        let help = match &suggestion {
                            Some((s, _)) => format!("Did you mean `{}`?", self.spelling(s)),
                            None => format!(
                                "The `{}` profile has no such key: remove it, or use a profile that allows it.",
                                self.name
                            ),
                        };
                        out.push(SchemaError {
                            kind: SchemaErrorKind::UnknownKey,
                            span: entry.key.span,
                            message: format!("unknown key `{}`", entry.key.value),
                            help: Some(help),
                            suggestion: suggestion
                                .map(|(s, case)| (self.spelling(&s).to_string(), case)),
                        });
                    }
                }
                ValidationErrorKind::Type { .. } => {
                    let expected = self
                        .schema
                        .pointer(error.schema_path().as_str())
                        .map(type_names)
                        .unwrap_or_else(|| "another type".into());
                    let found = entry.map_or("nothing".to_string(), |e| {
                        article(e.value.value.type_name())
                    });
                    out.push(SchemaError {
                        kind: SchemaErrorKind::InvalidType,
                        span,
                        message: custom.unwrap_or_else(|| {
                            format!("`{shown}` must be {expected}, not {found}")
                        }),
                        help: self.description(key).map(|d| format!("`{shown}`: {d}.")),
                        suggestion: None,
                    });
                }
                ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. }
                    if self.alternatives_are_required_keys(error.schema_path().as_str()) =>
                {
                    out.push(SchemaError {
                        kind: SchemaErrorKind::MissingKey,
                        span: anchor,
                        message: custom
                            .unwrap_or_else(|| "missing one of the required groups of keys".into()),
                        help: Some(format!(
                            "Add the keys the `{}` profile asks for.",
                            self.name
                        )),
                        suggestion: None,
                    });
                }
                kind => {
                    let custom = custom.map(|c| format!("`{shown}`: {c}"));
                    let message = custom.unwrap_or_else(|| match kind {
                        ValidationErrorKind::Enum { options } => {
                            format!("`{shown}` must be one of {}", list(options))
                        }
                        ValidationErrorKind::Constant { expected_value } => {
                            format!("`{shown}` must be {expected_value}")
                        }
                        ValidationErrorKind::Format { format } => {
                            format!("`{shown}` is not a valid {format}")
                        }
                        ValidationErrorKind::Pattern { .. } => {
                            format!("`{shown}` is not in the expected form")
                        }
                        _ => format!("`{shown}`: {error}"),
                    });
                    out.push(SchemaError {
                        kind: SchemaErrorKind::InvalidValue,
                        span,
                        message,
                        help: self.description(key).map(|d| format!("`{shown}`: {d}.")),
                        suggestion: None,
                    });
                }
            }
        }
        out.sort_by_key(|e| (e.span, e.message.clone()));
        out.dedup();
        out
    }

    /// The `errorMessage` annotation next to the failing keyword, if any.
    fn error_message(&self, schema_path: &str) -> Option<String> {
        let (parent, keyword) = schema_path.rsplit_once('/')?;
        let node = self.schema.pointer(parent)?.get("errorMessage")?;
        match node {
            Json::String(s) => Some(s.clone()),
            Json::Object(map) => map.get(keyword)?.as_str().map(str::to_string),
            _ => None,
        }
    }

    fn alternatives_are_required_keys(&self, schema_path: &str) -> bool {
        self.schema
            .pointer(schema_path)
            .and_then(Json::as_array)
            .is_some_and(|alts| {
                alts.iter().all(|a| {
                    a.as_object()
                        .is_some_and(|o| o.len() == 1 && o.contains_key("required"))
                })
            })
    }

    /// The profile key closest to `key`: equal but for case first, else a near spelling.
    pub fn closest_key(&self, key: &str, metadata: bool) -> Option<(String, bool)> {
        let normalized = if metadata {
            normalize_key(key)
        } else {
            key.to_string()
        };
        let keys = self.keys();
        if let Some(k) = keys
            .iter()
            .find(|k| k.to_lowercase() == normalized.to_lowercase())
        {
            return Some((k.to_string(), true));
        }
        keys.iter()
            .map(|k| {
                (
                    strsim::jaro_winkler(&k.to_lowercase(), &normalized.to_lowercase()),
                    *k,
                )
            })
            .filter(|(score, _)| *score >= 0.85)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| (k.to_string(), false))
    }
}

/// How many keys of Ontario's schema a metadata block holds to be read as Ontario's.
const ODS_KEYS_SEEN: usize = 3;

/// Picks a built-in profile from the file's shape.
pub fn detect(fm: &FrontMatter) -> Option<Arc<Profile>> {
    match fm.kind {
        // A `>Key: value` block is Ontario's when it holds a few of its keys: two lines of
        // another employer's (`>Job Title:`, `>Salary:`) are not held to Ontario's schema.
        FrontMatterKind::Metadata => Profile::built_in("ods").filter(|ods| {
            let keys = ods.keys();
            let known = fm
                .entries
                .iter()
                .filter(|e| keys.contains(&normalize_key(&e.key.value).as_str()));
            known.take(ODS_KEYS_SEEN).count() == ODS_KEYS_SEEN
        }),
        FrontMatterKind::Yaml
            if fm.str("layout") == Some("job-posting")
                || fm.get("translationKey").is_some()
                || fm.get("leverId").is_some() =>
        {
            Profile::built_in("cds")
        }
        _ => None,
    }
}

/// Metadata keys are matched case-insensitively, whatever their spacing: `Job  Title` → `job title`.
pub fn normalize_key(key: &str) -> String {
    key.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn find<'a>(fm: &'a FrontMatter, key: &str) -> Option<&'a Entry> {
    match fm.kind {
        FrontMatterKind::Metadata => fm
            .entries
            .iter()
            .find(|e| normalize_key(&e.key.value) == key),
        _ => fm.entries.iter().find(|e| e.key.value == key),
    }
}

/// The span of the value at `rest` (a path inside the entry's value), as deep as it goes.
fn value_span(entry: &Entry, rest: &[String]) -> Span {
    let mut value = &entry.value;
    for segment in rest {
        let next = match &value.value {
            Value::Sequence(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            Value::Mapping(entries) => entries
                .iter()
                .find(|e| &e.key.value == segment)
                .map(|e| &e.value),
            _ => None,
        };
        match next {
            Some(n) => value = n,
            None => break,
        }
    }
    value.span
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn block_name(fm: &FrontMatter) -> &'static str {
    match fm.kind {
        FrontMatterKind::Metadata => "metadata block",
        _ => "front matter",
    }
}

fn type_names(node: &Json) -> String {
    let name = |t: &str| match t {
        "string" => "a string",
        "boolean" => "`true` or `false`",
        "integer" => "a whole number",
        "number" => "a number",
        "array" => "a list",
        "object" => "a mapping",
        "null" => "empty",
        _ => "a value",
    };
    match node {
        Json::String(t) => name(t).to_string(),
        Json::Array(ts) => ts
            .iter()
            .filter_map(Json::as_str)
            .map(name)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "another type".into(),
    }
}

fn list(options: &Json) -> String {
    match options {
        Json::Array(items) => items
            .iter()
            .map(|i| match i {
                Json::String(s) => format!("`{s}`"),
                other => format!("`{other}`"),
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// `a list`, `an integer`.
fn article(name: &str) -> String {
    match name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {name}"),
        _ => format!("a {name}"),
    }
}
