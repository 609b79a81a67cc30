use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Tracking parameters in a link's query: `utm_source` and the other `utm_*`, `fbclid`,
    /// `gclid`, `mc_cid`, `mc_eid`, `_hsenc`, `msclkid`… (list in
    /// `rules/url/tracking-parameters.txt`).
    ///
    /// ## Why it matters
    /// They follow the reader, not the page: they make links long and hard to read aloud, and
    /// leak where the reader came from.
    ///
    /// ## Examples
    /// ```md,bad
    /// [Apply](https://jobs.example.ca/dev?utm_source=linkedin&utm_medium=social)
    /// ```
    /// ```md,good
    /// [Apply](https://jobs.example.ca/dev)
    /// ```
    ///
    /// ## Options
    /// `[rules.url-tracking-parameter] extend = ["ref_src"]` adds parameters.
    ///
    /// ## Fix safety
    /// Safe: removing tracking parameters never changes the page a link opens.
    pub static URL_TRACKING_PARAMETER = Rule {
        id: "url-tracking-parameter",
        family: Family::Url,
        severity: Severity::Warning,
        fix: FixAvailability::Always,
        options: Some(validate_options::<Options>),
        check: Check::Posting(check),
    };
}

#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    extend: Vec<String>,
}

fn is_tracking(name: &str, extra: &[String]) -> bool {
    let name = name.to_ascii_lowercase();
    super::TRACKING
        .iter()
        .copied()
        .chain(extra.iter().map(String::as_str))
        .any(|p| match p.strip_suffix('*') {
            Some(prefix) => name.starts_with(prefix),
            None => name == p,
        })
}

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<Options>();
    for link in posting.urls() {
        // The URL as Markdown decoded it (`&amp;` is `&`).
        let url = link.url.as_str();
        let Some((base, rest)) = url.split_once('?') else {
            continue;
        };
        let (query, fragment) = match rest.split_once('#') {
            Some((q, f)) => (q, Some(f)),
            None => (rest, None),
        };
        let params: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
        let (tracking, kept): (Vec<&str>, Vec<&str>) = params
            .iter()
            .partition(|p| is_tracking(p.split('=').next().unwrap_or(""), &options.extend));
        if tracking.is_empty() {
            continue;
        }
        let names: Vec<&str> = tracking
            .iter()
            .map(|p| p.split('=').next().unwrap_or(""))
            .collect();
        let mut clean = base.to_string();
        if !kept.is_empty() {
            clean.push('?');
            clean.push_str(&kept.join("&"));
        }
        if let Some(f) = fragment {
            clean.push('#');
            clean.push_str(f);
        }
        cx.report(
            link.url_span,
            format!("tracking parameters in the link: `{}`", names.join("`, `")),
        )
        .help("Remove them: they track readers and make the link harder to read.")
        .replace(Applicability::Safe, "Remove the tracking parameters", clean);
    }
}
