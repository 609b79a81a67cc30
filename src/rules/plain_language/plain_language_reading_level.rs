use crate::posting::Lang;
use crate::posting::readability::Counts;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Text that is hard to read, measured per language of the posting: English by its
    /// Flesch–Kincaid grade (default: above grade 12) and Flesch reading ease, French by the
    /// Kandel & Moles reading ease (default: below 30, "difficult"), and both by LIX. The finding
    /// gives the scores for the posting; it points at the hardest sentence, and its labels at
    /// the next hardest ones and at the hardest section (scored alike, sections of 50 words or
    /// more). Languages with fewer than 80 words are not scored.
    ///
    /// Syllables come from the `hypher` hyphenation patterns, with vowel groups as a floor
    /// where TeX patterns count low (short words). Formulas: Flesch–Kincaid grade
    /// 0.39·ASL + 11.8·ASW − 15.59; Flesch 206.835 − 1.015·ASL − 84.6·ASW; Kandel & Moles
    /// 207 − 1.015·ASL − 73.6·ASW; LIX W/S + 100·long words/W.
    ///
    /// ## Why it matters
    /// WCAG 3.1.5 asks that text above the lower-secondary level (grades 7 to 9) have a simpler
    /// version; the Canada.ca guide long targeted grade 8 and Ontario.ca grade 6. Job postings
    /// need some technical words, so the defaults are looser: the score is a warning, never an
    /// error, as the Canada.ca guide advises ("don't rely on readability tools").
    ///
    /// ## Examples
    /// ```md,bad
    /// The incumbent will operationalize interdepartmental accountability frameworks, necessitating comprehensive organizational transformation initiatives. Demonstrated proficiency in stakeholder engagement methodologies, procurement instrumentation and multidisciplinary governance mechanisms is considered indispensable. Familiarity with intergovernmental administrative infrastructure, institutional modernization strategies and departmental interoperability considerations constitutes a significant organizational asset for this particular classification. Candidates demonstrating comprehensive understanding of enterprise architecture, information management responsibilities and accessibility legislation will be considered preferentially. Additionally, the successful applicant will systematically coordinate multijurisdictional consultations, operationalize evaluation methodologies and institutionalize continuous organizational improvement. Exceptional interpersonal communication capabilities, sophisticated analytical competencies and demonstrated organizational leadership are fundamentally indispensable prerequisites.
    /// ```
    /// ```md,good
    /// You will help our team build better services. You will talk with the people who use them. You will test ideas and fix what does not work. You will share what you learn with other teams. We will help you learn the tools we use. You can work from home or from our office. We want people from all walks of life to apply. Tell us what you have done and what you want to learn next.
    /// ```
    ///
    /// ## Options
    /// ```toml
    /// [rules.plain-language-reading-level]
    /// max-grade = 12.0        # English Flesch–Kincaid grade
    /// min-french-ease = 30.0  # French Kandel & Moles reading ease
    /// ```
    ///
    /// ## References
    /// WCAG 2.x SC 3.1.5 Reading Level; Canada.ca Content Style Guide (before 2024: grade 8);
    /// Ontario.ca style guide (grade 6); Kandel & Moles (1958); Björnsson (1968), LIX.
    pub static PLAIN_LANGUAGE_READING_LEVEL = Rule {
        id: "plain-language-reading-level",
        family: Family::PlainLanguage,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: Some(validate_options::<Options>),
        check: Check::Posting(check),
    };
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    #[serde(default = "default_grade")]
    max_grade: f64,
    #[serde(default = "default_ease")]
    min_french_ease: f64,
}

fn default_grade() -> f64 {
    12.0
}

fn default_ease() -> f64 {
    30.0
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_grade: default_grade(),
            min_french_ease: default_ease(),
        }
    }
}

/// Fewer words than this say too little to score.
const MIN_WORDS: usize = 80;

fn check(posting: &Posting, cx: &mut Context) {
    let options = cx.options::<Options>();
    let sentences = super::sentences(posting);
    let counts = posting.sentence_counts();
    for lang in [Lang::En, Lang::Fr] {
        let mine: Vec<_> = sentences
            .iter()
            .filter(|s| s.lang == lang && !s.heading)
            .collect();
        let mut total = Counts::default();
        let mut scored: Vec<(f64, Span)> = Vec::new();
        let mut by_section: std::collections::BTreeMap<usize, Counts> =
            std::collections::BTreeMap::new();
        for s in &mine {
            let c = counts[s.index];
            total.add(c);
            by_section
                .entry(posting.markdown.blocks[s.block].section)
                .or_default()
                .add(c);
            if c.words >= 8 {
                let difficulty = match lang {
                    Lang::En => c.flesch_kincaid_grade(),
                    Lang::Fr => -c.kandel_moles(),
                };
                scored.push((difficulty, s.span));
            }
        }
        if total.words < MIN_WORDS {
            continue;
        }
        let (hard, message, help) = match lang {
            Lang::En => {
                let grade = total.flesch_kincaid_grade();
                (
                    grade > options.max_grade,
                    format!(
                        "the English text reads at grade {grade:.1} (Flesch–Kincaid; Flesch reading ease {:.0}, LIX {:.0}), above grade {}",
                        total.flesch_reading_ease().max(0.0),
                        total.lix(),
                        options.max_grade
                    ),
                    "Use shorter sentences and everyday words; start with the hardest sentences, labelled.",
                )
            }
            Lang::Fr => {
                let ease = total.kandel_moles();
                (
                    ease < options.min_french_ease,
                    format!(
                        "the French text is hard to read: reading ease {:.0} (Kandel & Moles; LIX {:.0}), below {}",
                        ease.max(0.0),
                        total.lix(),
                        options.min_french_ease
                    ),
                    "Raccourcissez les phrases et choisissez des mots courants; commencez par les phrases indiquées.",
                )
            }
        };
        if !hard {
            continue;
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let Some(&(_, first)) = scored.first() else {
            continue;
        };
        // The hardest section with enough text to score, by the same formula.
        let hardest_section = by_section
            .iter()
            .filter(|(_, c)| c.words >= 50)
            .filter_map(|(&k, c)| {
                let heading = posting.markdown.sections.get(k)?.heading?;
                let score = match lang {
                    Lang::En => c.flesch_kincaid_grade(),
                    Lang::Fr => -c.kandel_moles(),
                };
                Some((score, posting.markdown.headings[heading].span, *c))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let d = cx.report(first, message);
        for &(_, span) in scored.iter().skip(1).take(2) {
            d.label(span, "another of the hardest sentences");
        }
        if let Some((_, span, c)) = hardest_section {
            let score = match lang {
                Lang::En => format!("the hardest section: grade {:.1}", c.flesch_kincaid_grade()),
                Lang::Fr => format!(
                    "the hardest section: reading ease {:.0}",
                    c.kandel_moles().max(0.0)
                ),
            };
            d.label(span, score);
        }
        d.help(help);
    }
}
