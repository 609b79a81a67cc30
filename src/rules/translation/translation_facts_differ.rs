use std::collections::BTreeSet;

use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Facts that differ between the English and French versions of a posting: the closing
    /// date, time or time zone (`EDT` and `HAE` agree), pay amounts, classification codes
    /// (`IT-03`), e-mail addresses, and link targets (the same address, or the other language's
    /// version of it: `/en/…` ≈ `/fr/…`, `-eng.aspx` ≈ `-fra.aspx`).
    ///
    /// ## Why it matters
    /// A deadline or a salary that differs between languages gives readers of one language a
    /// different job; usually one file was updated and the other forgotten.
    ///
    /// ## Examples
    /// ```md,bad,file=dev.en.md
    /// We're accepting applications until Friday, March 31, 2028 at 11:59 pm EDT. The salary is $75,000 to $90,000 per year.
    /// ```
    /// ```md,bad,file=dev.fr.md
    /// Nous acceptons les candidatures jusqu'au vendredi 7 avril 2028 à 23 h 59 (HAE). Le salaire est de 75 000 $ à 90 000 $ par année.
    /// ```
    /// ```md,good,file=dev.en.md
    /// We're accepting applications until Friday, March 31, 2028 at 11:59 pm EDT. The salary is $75,000 to $90,000 per year.
    /// ```
    /// ```md,good,file=dev.fr.md
    /// Nous acceptons les candidatures jusqu'au vendredi 31 mars 2028 à 23 h 59 (HAE). Le salaire est de 75 000 $ à 90 000 $ par année.
    /// ```
    pub static TRANSLATION_FACTS_DIFFER = Rule {
        id: "translation-facts-differ",
        family: Family::Translation,
        severity: Severity::Error,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Corpus(check),
    };
}

fn check(corpus: &Corpus, cx: &mut CorpusContext) {
    for pair in super::compared(corpus) {
        let (en, fr) = (&corpus.summaries[pair.en], &corpus.summaries[pair.fr]);
        let note = super::copies_note(corpus, pair);
        // Closing dates: the first statement on each side.
        if let (Some((a, sa)), Some((b, sb))) = (en.deadlines.first(), fr.deadlines.first())
            && a != b
        {
            cx.report(
                *sb,
                format!("the closing date differs: {b} here, {a} in English"),
            )
            .label(*sa, "the English closing date")
            .help(format!(
                "Make the deadline the same in both languages.{note}"
            ));
        }
        // Pay: every amount must be on both sides.
        let amounts = |s: &[(i64, Option<i64>, Span)]| {
            s.iter().map(|(a, b, _)| (*a, *b)).collect::<BTreeSet<_>>()
        };
        let (pa, pb) = (amounts(&en.pay), amounts(&fr.pay));
        if !pa.is_empty() && !pb.is_empty() && pa != pb {
            let (_, _, sa) = en.pay[0];
            let (_, _, sb) = fr.pay[0];
            let dollars = |set: &BTreeSet<(i64, Option<i64>)>| {
                set.iter()
                    .map(|(a, b)| match b {
                        Some(b) => format!("{}–{}", a / 100, b / 100),
                        None => (a / 100).to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            cx.report(
                sb,
                format!(
                    "the pay differs: {} here, {} in English",
                    dollars(&pb),
                    dollars(&pa)
                ),
            )
            .label(sa, "the English pay")
            .help(format!("State the same amounts in both languages.{note}"));
        }
        let set_differs = |a: &BTreeSet<String>, b: &BTreeSet<String>| -> Option<String> {
            let only_en: Vec<&String> = a.difference(b).collect();
            let only_fr: Vec<&String> = b.difference(a).collect();
            if a.is_empty() || b.is_empty() || (only_en.is_empty() && only_fr.is_empty()) {
                return None;
            }
            let list = |v: &[&String]| {
                v.iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            Some(match (only_en.is_empty(), only_fr.is_empty()) {
                (false, false) => format!("{} here, {} in English", list(&only_fr), list(&only_en)),
                (false, true) => format!("{} only in English", list(&only_en)),
                _ => format!("{} only here", list(&only_fr)),
            })
        };
        let anchor = fr.span.within(0..0);
        let en_anchor = en.span.within(0..0);
        if let Some(what) = set_differs(&en.classifications, &fr.classifications) {
            let at = fr.pay.first().map_or(anchor, |p| p.2);
            cx.report(at, format!("the classification differs: {what}"))
                .label(
                    en.pay.first().map_or(en_anchor, |p| p.2),
                    "the English classification",
                )
                .help(format!(
                    "Give the same classification in both languages.{note}"
                ));
        }
        if let Some(what) = set_differs(&en.emails, &fr.emails) {
            cx.report(anchor, format!("the e-mail addresses differ: {what}"))
                .label(en_anchor, "the English version")
                .help(format!("Use the same addresses in both languages.{note}"));
        }
        // Links: the same target, or the two language versions of one page on one host
        // (`canada.ca/en/…` and `canada.ca/fr/…`, whose slugs are translated too).
        if en.links.is_empty() || fr.links.is_empty() {
            continue;
        }
        let (only_en, only_fr) = crate::posting::corpus::unmatched_links(&en.links, &fr.links);
        for &i in &only_fr {
            let (_, url, span) = &fr.links[i];
            let d = cx.report(
                *span,
                format!("the link to `{url}` has no counterpart in the English version"),
            );
            match only_en.first() {
                Some(&j) => d.label(en.links[j].2, "the English version links here instead"),
                None => d.label(en_anchor, "the English version"),
            };
            d.help(format!(
                "Link the same pages (in each language's version) on both sides.{note}"
            ));
        }
        if only_fr.is_empty() {
            for &j in only_en.iter().take(3) {
                let (_, url, span) = &en.links[j];
                cx.report(
                    anchor,
                    format!("the English version links to `{url}`, and this version does not"),
                )
                .label(*span, "only in English")
                .help(format!(
                    "Link the same pages (in each language's version) on both sides.{note}"
                ));
            }
        }
    }
}
