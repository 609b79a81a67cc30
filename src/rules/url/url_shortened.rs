use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Links and URLs whose host is a URL shortener (`bit.ly`, `goo.gl`, `eepurl.com`…):
    /// the host's registrable domain, so `go.bit.ly` counts, is in the list of 1,479
    /// shortener domains in `rules/url/shorteners.txt`. With `--online`, the help names the
    /// address the short link leads to. A URL written out as an example (`e.g.
    /// https://goo.gl/…`, `par exemple : https://bit.ly/…`) is shown, not linked: not flagged.
    ///
    /// ## Why it matters
    /// Readers, and screen-reader users most of all, cannot tell where a short link goes;
    /// spam filters block the abused domains; and short links die with their service (Google
    /// turned off inactive goo.gl links in 2025).
    ///
    /// ## Examples
    /// ```md,bad
    /// [Sign up for job alerts](https://bit.ly/3xYz).
    /// ```
    /// ```md,good
    /// [Sign up for job alerts](https://jobs.example.ca/alerts).
    /// ```
    ///
    /// ## Options
    /// ```toml
    /// [rules.url-shortened]
    /// allow = ["aka.ms", "youtu.be"]   # shorteners you accept
    /// extend = ["go.example.ca"]       # your own shorteners
    /// ```
    ///
    /// ## References
    /// Shortener list: PeterDaveHello/url-shorteners, CC BY-SA 4.0.
    pub static URL_SHORTENED = Rule {
        id: "url-shortened",
        family: Family::Url,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: Some(validate_options::<Options>),
        check: Check::Posting(check),
    };
}

#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    extend: Vec<String>,
}

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<Options>();
    for link in posting.urls() {
        let Some(host) = link.host() else { continue };
        // The registrable domain is the host or a domain it is under: when none of these is
        // listed, it is not either, and the public-suffix list need not be read.
        if options.extend.is_empty() && !under_shortener(&host) {
            continue;
        }
        if super::given_as_example(posting, link) {
            continue;
        }
        let domain = super::registrable(&host);
        let by_host = options.extend.iter().any(|d| d.eq_ignore_ascii_case(&host));
        let listed = by_host
            || super::SHORTENERS.contains(domain.as_str())
            || options
                .extend
                .iter()
                .any(|d| d.eq_ignore_ascii_case(&domain) || d.eq_ignore_ascii_case(&host));
        let domain = if by_host { host.clone() } else { domain };
        if !listed
            || options
                .allow
                .iter()
                .any(|d| d.eq_ignore_ascii_case(&domain) || d.eq_ignore_ascii_case(&host))
        {
            continue;
        }
        let target = cx
            .online(&link.url)
            .filter(|r| r.final_url != link.url && r.status.is_some())
            .map(|r| r.final_url.clone());
        let help = match target {
            Some(target) => format!("Link to the full address: it leads to {target}"),
            None => {
                "Link to the full address so readers can see where it goes (`--online` finds it)."
                    .to_string()
            }
        };
        cx.report(link.url_span, format!("`{domain}` is a URL shortener"))
            .help(help);
    }
}

/// Whether `host` (lower case) or a domain it is under is a listed shortener.
fn under_shortener(host: &str) -> bool {
    crate::posting::markdown::domains(host).any(|domain| super::SHORTENERS.contains(domain))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick test never passes over a host the public-suffix list would find listed.
    #[test]
    fn hosts_under_no_shortener_are_not_listed() {
        for host in [
            "bit.ly",
            "jobs.bit.ly",
            "bit.ly.",
            "x.y.goo.gl",
            "notbit.ly",
            "bitly.com",
            "www.canada.ca",
            "canada.ca",
            "127.0.0.1",
            "localhost",
            "",
        ] {
            let listed =
                super::super::SHORTENERS.contains(super::super::registrable(host).as_str());
            assert!(!listed || under_shortener(host), "{host}");
        }
        assert!(under_shortener("jobs.bit.ly"));
        assert!(!under_shortener("www.canada.ca"));
        assert!(!under_shortener("notbit.ly"));
    }
}
