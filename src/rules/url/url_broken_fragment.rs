use std::collections::HashSet;
use std::sync::LazyLock;

use crate::posting::fold::Folded;

use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// A link to `#fragment` that matches no heading in the same file. Heading anchors are
    /// computed as GitHub and Hugo make them (lower case, spaces to `-`, punctuation dropped;
    /// also without accents, as Hugo's `github-ascii`), and explicit `{#id}` and HTML `id`
    /// and `name` attributes count too.
    ///
    /// ## Why it matters
    /// The link does nothing: in a bilingual file, the "La version française suit" link is how
    /// French readers reach their text.
    ///
    /// ## Examples
    /// ```md,bad
    /// [La version française suit.](#nous-embauchons)
    ///
    /// # We're hiring
    ///
    /// # Nous embauchons une développeuse
    /// ```
    /// ```md,good
    /// [La version française suit.](#nous-embauchons-une-développeuse)
    ///
    /// # We're hiring
    ///
    /// # Nous embauchons une développeuse
    /// ```
    pub static URL_BROKEN_FRAGMENT = Rule {
        id: "url-broken-fragment",
        family: Family::Url,
        severity: Severity::Error,
        fix: FixAvailability::Sometimes,
        options: None,
        check: Check::Posting(check),
    };
}

static HTML_ID: LazyLock<Folded> =
    LazyLock::new(|| Folded::new(r#"\b(?:id|name)\s*=\s*["']([^"']+)["']"#));

fn check(posting: &Posting, cx: &mut Context) {
    let md = &posting.markdown;
    // Most postings link to none of their headings: their anchors are not worked out.
    if !md
        .links
        .iter()
        .any(|l| l.url.len() > 1 && l.url.starts_with('#'))
    {
        return;
    }
    let mut anchors: HashSet<String> = HashSet::new();
    let mut by_heading: Vec<(String, &str)> = Vec::new();
    // A repeated heading gets `-1`, `-2`… on GitHub and Hugo.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for h in &md.headings {
        if let Some(id) = &h.id {
            anchors.insert(id.to_lowercase());
        }
        for slug in super::slugs(&h.text) {
            let count = seen.entry(slug.clone()).or_default();
            let anchor = if *count == 0 {
                slug.clone()
            } else {
                format!("{slug}-{count}")
            };
            *count += 1;
            anchors.insert(anchor.clone());
            by_heading.push((anchor, &h.text));
        }
    }
    for html in &md.html {
        HTML_ID.on(posting.slice(*html), |re, folded| {
            for caps in re.captures_iter(folded) {
                anchors.insert(caps[1].to_lowercase());
            }
        });
    }
    for link in &md.links {
        let Some(fragment) = link.url.strip_prefix('#') else {
            continue;
        };
        if fragment.is_empty() {
            continue;
        }
        let decoded: String =
            url::form_urlencoded::parse(format!("f={}", fragment.replace('+', "%2B")).as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
                .to_lowercase();
        if anchors.contains(&decoded) {
            continue;
        }
        let closest = by_heading
            .iter()
            .map(|(slug, text)| (strsim::jaro_winkler(slug, &decoded), slug, text))
            .filter(|(score, _, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let d = cx.report(
            link.url_span,
            format!("no heading in this file has the anchor `#{fragment}`"),
        );
        match closest {
            Some((_, slug, text)) => {
                d.help(format!(
                    "Did you mean the heading `{text}`, anchor `#{slug}`?"
                ));
                d.replace(
                    Applicability::Unsafe,
                    format!("Link to `#{slug}`"),
                    format!("#{slug}"),
                );
            }
            None => {
                d.help("Link to an existing heading's anchor, or add the heading.");
            }
        }
    }
}
