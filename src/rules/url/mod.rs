//! The url family: where links go, whether they work, and whether readers can tell.
//! Data (shorteners, tracking parameters, vague link texts, language patterns) lives in
//! `rules/url/`.

mod url_bare;
mod url_broken_fragment;
mod url_broken_markdown;
mod url_dead;
mod url_empty_link;
mod url_insecure;
mod url_invalid;
mod url_invalid_email;
mod url_missing_file;
mod url_redirect_wrapper;
mod url_shortened;
mod url_tracking_parameter;
mod url_vague_text;
mod url_wrong_language;

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::posting::Lang;
use crate::posting::{Link, LinkKind};
use crate::rules::Rule;

pub static RULES: &[&Rule] = &[
    &url_bare::URL_BARE,
    &url_broken_fragment::URL_BROKEN_FRAGMENT,
    &url_broken_markdown::URL_BROKEN_MARKDOWN,
    &url_dead::URL_DEAD,
    &url_empty_link::URL_EMPTY_LINK,
    &url_insecure::URL_INSECURE,
    &url_invalid::URL_INVALID,
    &url_invalid_email::URL_INVALID_EMAIL,
    &url_missing_file::URL_MISSING_FILE,
    &url_redirect_wrapper::URL_REDIRECT_WRAPPER,
    &url_shortened::URL_SHORTENED,
    &url_tracking_parameter::URL_TRACKING_PARAMETER,
    &url_vague_text::URL_VAGUE_TEXT,
    &url_wrong_language::URL_WRONG_LANGUAGE,
];

/// Lines of a data file, without comments and blank lines.
pub fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub static SHORTENERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../../rules/url/shorteners.txt")).collect());

pub static TRACKING: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../../../rules/url/tracking-parameters.txt")).collect()
});

/// `(language, text)` pairs.
pub static VAGUE: LazyLock<Vec<(Lang, &'static str)>> = LazyLock::new(|| {
    data_lines(include_str!("../../../rules/url/vague-link-text.tsv"))
        .filter_map(|l| {
            let (lang, text) = l.split_once('\t')?;
            Some((Lang::from_code(lang)?, text.trim()))
        })
        .collect()
});

#[derive(serde::Deserialize)]
pub struct LanguagePatterns {
    pub en: Vec<String>,
    pub fr: Vec<String>,
    /// Sites with one host per language.
    #[serde(default)]
    pub hosts: Vec<HostPair>,
}

#[derive(serde::Deserialize)]
pub struct HostPair {
    pub en: String,
    pub fr: String,
}

pub static LANGUAGE_PATTERNS: LazyLock<LanguagePatterns> = LazyLock::new(|| {
    toml::from_str(include_str!("../../../rules/url/language-patterns.toml"))
        .expect("rules/url/language-patterns.toml is valid (tests/data.rs)")
});

/// Words that give a URL written out as an example (`e.g. https://goo.gl/…` in "do not send
/// shortened links"): it is shown, not linked, and no reader is sent to it.
const EXAMPLE_CUES: [&str; 8] = [
    "e.g.",
    "eg.",
    "for example",
    "for instance",
    "p. ex.",
    "p.ex.",
    "par ex.",
    "par exemple",
];

/// Whether a URL written out in the text (a bare URL or an autolink) is given as an example:
/// right after `e.g.`, `for example`, `p. ex.`, `par exemple`…, with at most a colon or a
/// comma between.
pub fn given_as_example(posting: &crate::posting::Posting, link: &Link) -> bool {
    if !matches!(link.kind, LinkKind::Bare | LinkKind::Autolink) {
        return false;
    }
    let before = &posting.text()[..link.span.start as usize];
    let before = before.trim_end_matches([' ', '\u{a0}', ':', ',', '<']);
    let tail = &before[before.floor_char_boundary(before.len().saturating_sub(16))..];
    EXAMPLE_CUES.iter().any(|cue| {
        tail.len() >= cue.len()
            && tail.is_char_boundary(tail.len() - cue.len())
            && tail[tail.len() - cue.len()..].eq_ignore_ascii_case(cue)
            && tail[..tail.len() - cue.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Reports a link whose target lacks its `scheme` (`https://`, `mailto:`), which the site then
/// reads as a path on itself, with the safe fix that writes the scheme before it.
pub fn report_missing_scheme(
    posting: &crate::posting::Posting,
    cx: &mut crate::rules::context::Context,
    link: &Link,
    scheme: &str,
) {
    cx.report(
        link.url_span,
        format!(
            "`{}` has no `{scheme}`, so it is read as a path on this site",
            link.url.trim()
        ),
    )
    .help(format!("Start the address with `{scheme}`."))
    .replace(
        crate::diagnostic::Applicability::Safe,
        format!("Add `{scheme}`"),
        format!("{scheme}{}", posting.slice(link.url_span)),
    );
}

/// The registrable domain of a host (`jobs.bit.ly` → `bit.ly`), or the host itself for an IP
/// address or a name the public-suffix list does not know.
pub fn registrable(host: &str) -> String {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    // An IP address has no registrable domain (the public-suffix list would cut it up). Only a
    // host of hexadecimal digits, dots, colons and brackets can be one.
    let ip_like = host
        .bytes()
        .all(|b| b.is_ascii_hexdigit() || matches!(b, b'.' | b':' | b'[' | b']'));
    if ip_like
        && host
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .is_ok()
    {
        return host;
    }
    psl::domain_str(&host).map_or(host.clone(), str::to_string)
}

/// Anchors a heading gets on GitHub and Hugo (`github`, `github-ascii` and the older
/// Blackfriday style), so a `#fragment` written for any of them resolves.
pub fn slugs(heading: &str) -> Vec<String> {
    let lower = heading.trim().to_lowercase();
    let github: String = lower
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect();
    let ascii: String = github.chars().filter_map(fold_accent).collect();
    let mut blackfriday = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() {
            blackfriday.push(c);
        } else if !blackfriday.ends_with('-') {
            blackfriday.push('-');
        }
    }
    let blackfriday = blackfriday.trim_matches('-').to_string();
    let mut out = vec![github, ascii, blackfriday];
    out.dedup();
    out
}

/// `é` → `e`, `ç` → `c`; other non-ASCII letters are dropped, as `github-ascii` does.
fn fold_accent(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    let base = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ÿ' => 'y',
        'ñ' => 'n',
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_like_github_and_hugo() {
        assert!(
            slugs("Nous embauchons un chercheur en conception")
                .contains(&"nous-embauchons-un-chercheur-en-conception".to_string())
        );
        assert!(
            slugs("Nous embauchons en gestionnaire de produits expérimenté")
                .contains(&"nous-embauchons-en-gestionnaire-de-produits-expérimenté".to_string())
        );
        assert!(slugs("We’re hiring!").contains(&"were-hiring".to_string()));
        assert!(slugs("Ce que vous ferez").contains(&"ce-que-vous-ferez".to_string()));
        assert!(slugs("Qualités recherchées").contains(&"qualites-recherchees".to_string()));
    }

    #[test]
    fn registrable_domains() {
        assert_eq!(registrable("jobs.bit.ly"), "bit.ly");
        assert_eq!(registrable("eepurl.com"), "eepurl.com");
        assert_eq!(registrable("www.canada.ca"), "canada.ca");
        assert_eq!(registrable("127.0.0.1"), "127.0.0.1");
        assert_eq!(registrable("[2001:db8::1]"), "[2001:db8::1]");
        assert_eq!(registrable("cafe.bead.ca"), "bead.ca");
        assert!(SHORTENERS.contains("goo.gl") && SHORTENERS.contains("eepurl.com"));
    }
}
