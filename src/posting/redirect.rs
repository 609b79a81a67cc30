//! Redirect wrappers: a link to `https://www.google.com/url?q=https://…` or to Outlook's Safe
//! Links goes to a service that sends the reader on to the address in its query. The services
//! are listed in `rules/url/redirect-wrappers.tsv`.

use std::sync::LazyLock;

use super::markdown::{domains, url_host_part};

/// One wrapping service: links to `host` (or a host under it) with this path hold the
/// address in the query parameter `parameter`.
struct Wrapper {
    host: &'static str,
    path: &'static str,
    parameter: &'static str,
}

static WRAPPERS: LazyLock<Vec<Wrapper>> = LazyLock::new(|| {
    crate::rules::url::data_lines(include_str!("../../rules/url/redirect-wrappers.tsv"))
        .filter_map(|l| {
            let mut columns = l.split('\t').map(str::trim);
            Some(Wrapper {
                host: columns.next()?,
                path: columns.next()?,
                parameter: columns.next()?,
            })
        })
        .collect()
});

/// The hosts of [`WRAPPERS`], each once.
static HOSTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut hosts: Vec<&str> = WRAPPERS.iter().map(|w| w.host).collect();
    hosts.sort_unstable();
    hosts.dedup();
    hosts
});

/// A link through a redirect wrapper: the wrapping host and the address it leads to.
#[derive(Clone, Debug, PartialEq)]
pub struct Wrapped {
    pub host: String,
    pub target: String,
}

/// The address `url` leads to when it goes through a redirect wrapper: an absolute `http(s)`
/// address, percent-decoded from the wrapper's query.
pub fn unwrap(url: &str) -> Option<Wrapped> {
    // Most links are to no wrapper: their host is read without parsing the whole address.
    let host = url_host_part(url)?;
    if !domains(host).any(|d| HOSTS.iter().any(|h| d.eq_ignore_ascii_case(h))) {
        return None;
    }
    let parsed = url::Url::parse(url).ok()?;
    let (host, path) = (parsed.host_str()?, parsed.path());
    let wrapper = WRAPPERS.iter().find(|w| {
        domains(host).any(|d| d == w.host) && (path == w.path || (w.path == "/" && path.is_empty()))
    })?;
    let target = parsed
        .query_pairs()
        .find(|(name, _)| name == wrapper.parameter)?
        .1
        .trim()
        .to_string();
    let lower = target.get(..8).unwrap_or(&target).to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    (web && url::Url::parse(&target).is_ok()).then(|| Wrapped {
        host: host.to_string(),
        target,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_addresses_are_read() {
        let google = unwrap(
            "https://www.google.com/url?q=https://www.tbs-sct.gc.ca/agreements-conventions/view-visualiser-fra.aspx?id%3D1&sa=D&source=docs",
        )
        .expect("a Google redirect");
        assert_eq!(google.host, "www.google.com");
        assert_eq!(
            google.target,
            "https://www.tbs-sct.gc.ca/agreements-conventions/view-visualiser-fra.aspx?id=1"
        );
        let outlook = unwrap(
            "https://can01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fdigital.canada.ca%2Fcareers%2F&data=05%7C01&reserved=0",
        )
        .expect("Safe Links");
        assert_eq!(outlook.target, "https://digital.canada.ca/careers/");
        assert_eq!(
            unwrap("https://l.facebook.com/l.php?u=https%3A%2F%2Fjobs.example.ca%2F&h=AT0")
                .map(|w| w.target),
            Some("https://jobs.example.ca/".to_string())
        );
    }

    #[test]
    fn other_links_are_not_wrapped() {
        for url in [
            "https://www.google.com/search?q=https://example.ca",
            "https://www.google.com/url?q=not-an-address",
            "https://notgoogle.com/url?q=https://example.ca",
            "https://www.canada.ca/en.html?url=https://example.ca",
            "mailto:jobs@example.ca",
            "https://www.google.com/url",
            "",
        ] {
            assert_eq!(unwrap(url), None, "{url}");
        }
    }
}
