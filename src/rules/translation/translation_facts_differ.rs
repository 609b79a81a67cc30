use std::collections::BTreeSet;

use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// Facts that differ between the English and French versions of a posting: the closing
    /// date, time or time zone (`EDT` and `HAE` agree), pay amounts, classification codes
    /// (`IT-03`), second-language profiles (`CBC`, `BBB/BBB`, read where the paragraph speaks
    /// of languages or requirements), e-mail addresses, and link targets (the same address, or
    /// the other language's
    /// version of it: `/en/…` ≈ `/fr/…`, `-eng.aspx` ≈ `-fra.aspx`; an anchor `#…` is not
    /// compared, as a page's anchors differ between its versions).
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

/// `$75,000–$90,000`, `$25.50`.
fn dollars(cents: i64) -> String {
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if cents % 100 == 0 {
        format!("${grouped}")
    } else {
        format!("${grouped}.{:02}", cents % 100)
    }
}

fn amounts(set: &BTreeSet<(i64, Option<i64>)>) -> String {
    set.iter()
        .map(|(a, b)| match b {
            Some(b) => format!("{}–{}", dollars(*a), dollars(*b)),
            None => dollars(*a),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn check(corpus: &Corpus, cx: &mut CorpusContext) {
    for pair in super::compared(corpus) {
        let fr_span = corpus.summaries[pair.fr].span;
        let (en, fr) = (
            corpus.summaries[pair.en].stated(),
            corpus.summaries[pair.fr].stated(),
        );
        let note = super::copies_note(corpus, pair);
        // Closing dates: the first statement on each side (`EDT` and `HAE` compare equal).
        if let (Some((a, shown_a, sa)), Some((b, shown_b, sb))) =
            (en.deadlines.first(), fr.deadlines.first())
            && a != b
        {
            cx.report(
                *sb,
                format!("the closing date differs: {shown_b} here, {shown_a} in English"),
            )
            .label(*sa, "the English closing date")
            .help(format!(
                "Make the deadline the same in both languages.{note}"
            ));
        }
        // Pay: every amount must be on both sides.
        let set = |s: &[(i64, Option<i64>, Span)]| {
            s.iter().map(|(a, b, _)| (*a, *b)).collect::<BTreeSet<_>>()
        };
        let (pa, pb) = (set(&en.pay), set(&fr.pay));
        if !pa.is_empty() && !pb.is_empty() && pa != pb {
            cx.report(
                fr.pay[0].2,
                format!(
                    "the pay differs: {} here, {} in English",
                    amounts(&pb),
                    amounts(&pa)
                ),
            )
            .label(en.pay[0].2, "the English pay")
            .help(format!("State the same amounts in both languages.{note}"));
        }
        // Classifications, as written, where they are.
        if !en.classifications.is_empty() && !fr.classifications.is_empty() {
            let only_fr: Vec<&(String, Span)> = fr
                .classifications
                .iter()
                .filter(|(k, _)| !en.classifications.contains_key(*k))
                .map(|(_, v)| v)
                .collect();
            let only_en: Vec<&(String, Span)> = en
                .classifications
                .iter()
                .filter(|(k, _)| !fr.classifications.contains_key(*k))
                .map(|(_, v)| v)
                .collect();
            if let (Some((code_fr, at_fr)), Some((code_en, at_en))) =
                (only_fr.first(), only_en.first())
            {
                cx.report(
                    *at_fr,
                    format!("the classification differs: `{code_fr}` here, `{code_en}` in English"),
                )
                .label(*at_en, "the English classification")
                .help(format!(
                    "Give the same classification in both languages.{note}"
                ));
            }
        }
        // Language profiles: the same codes on both sides.
        if !en.profiles.is_empty()
            && !fr.profiles.is_empty()
            && en.profiles.keys().ne(fr.profiles.keys())
        {
            let list = |p: &std::collections::BTreeMap<String, Span>| {
                p.keys()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (at_fr, at_en) = (
                fr.profiles
                    .iter()
                    .find(|(k, _)| !en.profiles.contains_key(*k))
                    .map_or(
                        *fr.profiles.values().next().expect("not empty"),
                        |(_, s)| *s,
                    ),
                en.profiles
                    .iter()
                    .find(|(k, _)| !fr.profiles.contains_key(*k))
                    .map_or(
                        *en.profiles.values().next().expect("not empty"),
                        |(_, s)| *s,
                    ),
            );
            cx.report(
                at_fr,
                format!(
                    "the language profile differs: {} here, {} in English",
                    list(&fr.profiles),
                    list(&en.profiles)
                ),
            )
            .label(at_en, "the English language profile")
            .help(format!(
                "Give the same language profile in both languages.{note}"
            ));
        }
        // E-mail addresses, where they are.
        if !en.emails.is_empty() && !fr.emails.is_empty() {
            let only_fr: Vec<(&String, &Span)> = fr
                .emails
                .iter()
                .filter(|(k, _)| !en.emails.contains_key(*k))
                .collect();
            let only_en: Vec<(&String, &Span)> = en
                .emails
                .iter()
                .filter(|(k, _)| !fr.emails.contains_key(*k))
                .collect();
            if let Some((address, at)) = only_fr.first() {
                let d = cx.report(
                    **at,
                    format!("the address `{address}` is not in the English version"),
                );
                if let Some((other, at_en)) = only_en.first() {
                    d.label(**at_en, format!("the English version has `{other}`"));
                }
                d.help(format!("Use the same addresses in both languages.{note}"));
            }
        }
        // Links: the same target, or the two language versions of one page.
        if en.links.is_empty() || fr.links.is_empty() {
            continue;
        }
        let (only_en, only_fr) = corpus.unmatched_links(&en.links, &fr.links);
        for &i in &only_fr {
            let (_, url, span) = fr.links[i];
            let url = corpus.text(url);
            let d = cx.report(
                span,
                format!("the link to `{url}` has no counterpart in the English version"),
            );
            if let Some(&j) = only_en.first() {
                d.label(en.links[j].2, "the English version links here instead");
            }
            d.help(format!(
                "Link the same pages (in each language's version) on both sides.{note}"
            ));
        }
        if only_fr.is_empty() {
            let anchor = corpus.file(pair.fr).title.unwrap_or(fr_span.within(0..0));
            for &j in only_en.iter().take(3) {
                let (_, url, span) = en.links[j];
                let url = corpus.text(url);
                cx.report(
                    anchor,
                    format!("the English version links to `{url}`, and this version does not"),
                )
                .label(span, "only in English")
                .help(format!(
                    "Link the same pages (in each language's version) on both sides.{note}"
                ));
            }
        }
    }
}
