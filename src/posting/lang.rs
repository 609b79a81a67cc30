//! Which language a posting, or a part of it, is written in.
//!
//! Order of evidence: the front matter `lang` key, then the path (`en/`, `fr/`, `.en.md`,
//! `.fr.md`), then the prose itself (whatlang, limited to English and French).

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::{LazyLock, Mutex};

use foldhash::fast::FixedState;
use whatlang::{Detector, Lang as WLang};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    /// `en` or `fr`: whichever is in this language.
    pub fn pick<T>(self, en: T, fr: T) -> T {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    /// [`Lang::pick`] for a language that may be unknown: English then.
    pub fn pick_for<T>(lang: Option<Lang>, en: T, fr: T) -> T {
        lang.unwrap_or(Lang::En).pick(en, fr)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "French",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }

    /// `en`, `eng`, `en-CA`, `English`, `fr`, `fra`, `fr-CA`, `français`…
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            _ => None,
        }
    }
}

/// How the language of a file was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangSource {
    FrontMatter,
    Path,
    Detected,
}

static DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(vec![WLang::Eng, WLang::Fra]));

/// Enough text to tell English from French; more only costs time.
/// How much of a text detection reads.
pub const SAMPLE_BYTES: usize = 2_000;
/// Fewer letters than this say too little to tell.
const MIN_LETTERS: usize = 40;

/// What the detector says of `sample`: its language and whether the guess is reliable.
/// Copies of a posting (the same text in several sections of a site) and the start of a file
/// read twice (for its parts, then for its language) give the same samples: each is detected
/// once a run.
fn detected(sample: &str) -> Option<(WLang, bool)> {
    type Seen = HashMap<u128, Option<(WLang, bool)>, FixedState>;
    static SEEN: LazyLock<Mutex<Seen>> = LazyLock::new(Mutex::default);
    // Two hashes of the sample, with two seeds: a key no two samples of a run share.
    let hash = |seed: u64| u128::from(FixedState::with_seed(seed).hash_one(sample));
    let key = hash(1) << 64 | hash(2);
    let seen = SEEN.lock().ok().and_then(|seen| seen.get(&key).copied());
    if let Some(info) = seen {
        return info;
    }
    let info = DETECTOR
        .detect(sample)
        .map(|info| (info.lang(), info.is_reliable()));
    if let Ok(mut seen) = SEEN.lock() {
        // A bound on memory: samples seldom repeat beyond a few thousand postings.
        if seen.len() >= 10_000 {
            seen.clear();
        }
        seen.insert(key, info);
    }
    info
}

/// The language of `text`, if it has enough letters to tell.
pub fn detect(text: &str) -> Option<Lang> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    match detected(sample)?.0 {
        WLang::Eng => Some(Lang::En),
        WLang::Fra => Some(Lang::Fr),
        _ => None,
    }
}

/// The language of `text` when the detector is confident (a longer sample, a reliable guess).
pub fn detect_reliable(text: &str) -> Option<Lang> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 4 * MIN_LETTERS {
        return None;
    }
    let (lang, reliable) = detected(sample)?;
    if !reliable {
        return None;
    }
    match lang {
        WLang::Eng => Some(Lang::En),
        WLang::Fra => Some(Lang::Fr),
        _ => None,
    }
}

/// The language a path claims: a folder `en/` or `fr/`, or a suffix `.en.md` / `.fr.md`.
pub fn from_path(path: &str) -> Option<Lang> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let mut parts = name.rsplitn(3, '.');
    let _ext = parts.next();
    if let (Some(code), Some(_stem)) = (parts.next(), parts.next())
        && let Some(lang) = Lang::from_code(code).filter(|_| code.len() == 2)
    {
        return Some(lang);
    }
    path.split('/')
        .rev()
        .skip(1)
        .find_map(|segment| match segment {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_evidence() {
        assert_eq!(from_path("content/fr/jobs/x.md"), Some(Lang::Fr));
        assert_eq!(from_path("postings/dev.en.md"), Some(Lang::En));
        assert_eq!(from_path("postings/dev.md"), None);
        assert_eq!(from_path("en.md"), None);
    }

    #[test]
    fn detects_english_and_french() {
        assert_eq!(
            detect(
                "We are hiring a senior developer to build better digital services for people in Canada."
            ),
            Some(Lang::En)
        );
        assert_eq!(
            detect(
                "Nous embauchons une développeuse principale pour bâtir de meilleurs services numériques."
            ),
            Some(Lang::Fr)
        );
        assert_eq!(detect("AS-02"), None);
    }

    #[test]
    fn a_sample_detected_again_gives_the_same_answer() {
        let en = "We are hiring a senior developer to build better digital services for people in Canada. You will work with designers and researchers, test what we build with the people who use it, and help departments deliver.";
        let fr = "Nous embauchons une développeuse principale pour bâtir de meilleurs services numériques. Vous travaillerez avec des designers et des chercheurs, et vous aiderez les ministères à offrir de meilleurs services.";
        // Short: a guess, not a reliable one; asked again, still not reliable.
        let short = "We are hiring a senior developer to build better services.";
        for _ in 0..2 {
            assert_eq!(detect_reliable(en), Some(Lang::En));
            assert_eq!(detect(fr), Some(Lang::Fr));
            assert_eq!(detect_reliable(fr), Some(Lang::Fr));
            assert_eq!(detect(short), Some(Lang::En));
            assert_eq!(detect_reliable(short), None);
        }
    }
}
