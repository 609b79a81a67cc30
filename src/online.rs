//! Opt-in network checks (`--online`): follows each link's redirects and records where it ends
//! and with which status. postlint touches the network only here, and only when asked.
//!
//! Each host is visited by one request at a time (a per-host limit of one connection), hosts in
//! parallel; results are cached on disk for a day so repeated runs stay polite and fast.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use ureq::ResponseExt;

/// What a link led to.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LinkResult {
    /// The final HTTP status, after redirects; `None` when no response came.
    pub status: Option<u16>,
    /// Where the redirects ended.
    pub final_url: String,
    /// Why no response came (timeout, DNS, TLS…).
    pub error: Option<String>,
    /// When it was checked, in seconds since 1970 (for the cache).
    pub checked: u64,
}

impl LinkResult {
    /// A 4xx or 5xx answer, or no answer at all.
    pub fn is_dead(&self) -> bool {
        self.status.is_none_or(|s| s >= 400)
    }
}

/// Online results, by URL.
pub type Results = BTreeMap<String, LinkResult>;

/// How to check.
#[derive(Clone, Debug)]
pub struct Options {
    pub timeout: Duration,
    /// Where the cache lives; `None` disables it.
    pub cache: Option<PathBuf>,
    /// How long a cached result stays good.
    pub max_age: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(10),
            cache: Some(PathBuf::from(".postlint-cache/links.json")),
            max_age: Duration::from_secs(24 * 3600),
        }
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default()
}

/// Checks every `http(s)` URL of `urls`, using and refreshing the cache.
pub fn check(urls: &BTreeSet<String>, options: &Options) -> Results {
    let mut cached = options.cache.as_deref().map(load).unwrap_or_default();
    let fresh = |r: &LinkResult| now().saturating_sub(r.checked) < options.max_age.as_secs();
    let todo: Vec<&String> = urls
        .iter()
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .filter(|u| !cached.get(*u).is_some_and(fresh))
        .collect();
    let mut by_host: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for url in todo {
        by_host.entry(host_of(url)).or_default().push(url);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .http_status_as_error(false)
        .max_redirects(10)
        .user_agent(concat!(
            "postlint/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into();
    let checked: Vec<(String, LinkResult)> = by_host
        .into_par_iter()
        .flat_map_iter(|(_, urls)| {
            let agent = agent.clone();
            urls.into_iter()
                .map(move |url| (url.clone(), fetch(&agent, url)))
                .collect::<Vec<_>>()
        })
        .collect();
    cached.extend(checked);
    if let Some(path) = &options.cache {
        save(path, &cached);
    }
    urls.iter()
        .filter_map(|u| cached.get(u).map(|r| (u.clone(), r.clone())))
        .collect()
}

fn fetch(agent: &ureq::Agent, url: &str) -> LinkResult {
    // HEAD first; some servers refuse it, so fall back to GET.
    let attempt = |method: &str| match method {
        "HEAD" => agent.head(url).call(),
        _ => agent.get(url).call(),
    };
    let response = match attempt("HEAD") {
        Ok(r) if matches!(r.status().as_u16(), 403 | 405 | 501) => attempt("GET"),
        other => other,
    };
    match response {
        Ok(r) => LinkResult {
            status: Some(r.status().as_u16()),
            final_url: r.get_uri().to_string(),
            error: None,
            checked: now(),
        },
        Err(e) => LinkResult {
            status: None,
            final_url: url.to_string(),
            error: Some(e.to_string()),
            checked: now(),
        },
    }
}

fn load(path: &Path) -> Results {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Writes the cache atomically; a cache that cannot be written is only a slower next run.
fn save(path: &Path, results: &Results) {
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let Ok(text) = serde_json::to_string_pretty(results) else {
        return;
    };
    let tmp = path.with_extension("json.tmp");
    if std::fs::write(&tmp, text).is_ok() {
        let _ = std::fs::rename(&tmp, path);
    }
}
