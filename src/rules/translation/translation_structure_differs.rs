use crate::rules::prelude::*;

declare_rule! {
    /// ## What it flags
    /// The English and French versions of a posting that are built differently: the sequence
    /// of headings and their levels, the number of items of each list, or the number of links
    /// of each section. The finding is where the two first part ways, with a label in the other
    /// file, and says what is extra or missing: a whole section, a heading of another level,
    /// a heading that became a paragraph (`##Titre` without its space), a lost list marker.
    ///
    /// ## Why it matters
    /// A section or a list item missing from one language is information one group of readers
    /// does not get (Official Languages Act: equal quality in both languages).
    ///
    /// ## Examples
    /// ```md,bad,file=dev.en.md
    /// ## What you'll do
    ///
    /// Build services.
    ///
    /// ## Who you are
    ///
    /// A developer.
    /// ```
    /// ```md,bad,file=dev.fr.md
    /// ## Ce que vous ferez
    ///
    /// Créer des services.
    /// ```
    /// ```md,good,file=dev.en.md
    /// ## What you'll do
    ///
    /// Build services.
    /// ```
    /// ```md,good,file=dev.fr.md
    /// ## Ce que vous ferez
    ///
    /// Créer des services.
    /// ```
    pub static TRANSLATION_STRUCTURE_DIFFERS = Rule {
        id: "translation-structure-differs",
        family: Family::Translation,
        severity: Severity::Warning,
        fix: FixAvailability::Never,
        options: None,
        check: Check::Corpus(check),
    };
}

/// A heading of the French side: a real one, or a line that lost the space after its `#`.
struct Side {
    level: u8,
    text: String,
    span: Span,
    lost_space: bool,
}

/// At most this many structure findings per pair: the first ones say where to look.
const MAX_PER_PAIR: usize = 3;

fn check(corpus: &Corpus, cx: &mut CorpusContext) {
    for pair in super::compared(corpus) {
        let (en, fr) = (&corpus.summaries[pair.en], &corpus.summaries[pair.fr]);
        let fr_posting = corpus.posting(pair.fr);
        let note = super::copies_note(corpus, pair);
        let a = &en.headings;
        // Lines such as `##Titre` are paragraphs in Markdown: count them as the headings they
        // were meant to be, and say so.
        let mut b: Vec<Side> = fr
            .headings
            .iter()
            .map(|(l, t, s)| Side {
                level: *l,
                text: t.clone(),
                span: *s,
                lost_space: false,
            })
            .collect();
        for blk in fr_posting.markdown.blocks.iter().filter(|blk| {
            blk.span.start >= fr.span.start && blk.span.start < fr.span.end.max(fr.span.start + 1)
        }) {
            let raw = fr_posting.slice(blk.span);
            let hashes = raw.chars().take_while(|c| *c == '#').count();
            if (1..=6).contains(&hashes) && raw[hashes..].starts_with(|c: char| c.is_alphanumeric())
            {
                let first_line = raw.lines().next().unwrap_or(raw);
                b.push(Side {
                    level: hashes as u8,
                    text: first_line[hashes..].trim().to_string(),
                    span: blk.span.within(0..first_line.len()),
                    lost_space: true,
                });
            }
        }
        b.sort_by_key(|h| h.span.start);
        let mut reported = 0;
        let (mut i, mut j) = (0, 0);
        let fr_end = fr.span.within(fr.span.range().len()..fr.span.range().len());
        let en_end = en.span.within(en.span.range().len()..en.span.range().len());
        while (i < a.len() || j < b.len()) && reported < MAX_PER_PAIR {
            let (ea, fb) = (a.get(i), b.get(j));
            if let Some(fb) = fb
                && fb.lost_space
            {
                cx.report(
                    fb.span,
                    format!(
                        "`{}` is not a heading: a space is missing after the `#`",
                        fb.text
                    ),
                )
                .label(ea.map_or(en_end, |h| h.2), "the English heading")
                .help(format!("Write a space after the `#`.{note}"));
                reported += 1;
            }
            match (ea, fb) {
                (Some(ea), Some(fb)) if ea.0 == fb.level => {
                    i += 1;
                    j += 1;
                }
                (Some(ea), Some(fb)) => {
                    let fr_extra = b.get(j + 1).is_some_and(|n| n.level == ea.0);
                    let en_missing = a.get(i + 1).is_some_and(|n| n.0 == fb.level);
                    if fr_extra && !en_missing {
                        cx.report(
                            fb.span,
                            format!(
                                "the section `{}` has no counterpart in the English version",
                                fb.text
                            ),
                        )
                        .label(ea.2, "the English version continues here")
                        .help(format!("Give both versions the same sections.{note}"));
                        j += 1;
                    } else if en_missing && !fr_extra {
                        cx.report(
                            fb.span,
                            format!(
                                "the section `{}` of the English version is missing here",
                                ea.1
                            ),
                        )
                        .label(ea.2, "this English section has no French counterpart")
                        .help(format!("Translate the missing section.{note}"));
                        i += 1;
                    } else {
                        cx.report(
                            fb.span,
                            format!(
                                "this is an h{} where the English version has an h{}",
                                fb.level, ea.0
                            ),
                        )
                        .label(ea.2, format!("h{} in English", ea.0))
                        .help(format!(
                            "Use the same heading levels in both languages.{note}"
                        ));
                        i += 1;
                        j += 1;
                    }
                    reported += 1;
                }
                (Some(ea), None) => {
                    cx.report(
                        fr_end,
                        format!(
                            "the section `{}` of the English version is missing here",
                            ea.1
                        ),
                    )
                    .label(ea.2, "this English section has no French counterpart")
                    .help(format!("Translate the missing section.{note}"));
                    reported += 1;
                    i += 1;
                }
                (None, Some(fb)) => {
                    cx.report(
                        fb.span,
                        format!(
                            "the section `{}` has no counterpart in the English version",
                            fb.text
                        ),
                    )
                    .label(en_end, "the English version ends here")
                    .help(format!("Give both versions the same sections.{note}"));
                    reported += 1;
                    j += 1;
                }
                (None, None) => break,
            }
        }
        if reported > 0 || a.len() != fr.headings.len() {
            continue;
        }
        // Same headings: compare lists and links section by section.
        for (sa, sb) in en.sections.iter().zip(&fr.sections) {
            let list_diff = (0..sa.lists.len().max(sb.lists.len()))
                .find(|&i| sa.lists.get(i).map(|l| l.0) != sb.lists.get(i).map(|l| l.0));
            if let Some(i) = list_diff {
                let fr_at = sb
                    .lists
                    .get(i)
                    .map(|l| l.1)
                    .or(sb.span)
                    .unwrap_or(fr.span.within(0..0));
                let en_at = sa
                    .lists
                    .get(i)
                    .map(|l| l.1)
                    .or(sa.span)
                    .unwrap_or(en.span.within(0..0));
                let count = |l: Option<&(usize, Span)>| {
                    l.map_or("no list".to_string(), |l| format!("{} items", l.0))
                };
                cx.report(fr_at, format!("this list has {} here and {} in the English version", count(sb.lists.get(i)), count(sa.lists.get(i))))
                    .label(en_at, "the English list")
                    .help(format!("Translate every item; a line that lost its `-` or `*` joins the item before it.{note}"));
                break;
            }
            if sa.links != sb.links {
                let fr_at = sb.span.unwrap_or(fr.span.within(0..0));
                let en_at = sa.span.unwrap_or(en.span.within(0..0));
                cx.report(
                    fr_at,
                    format!(
                        "this section has {} links here and {} in the English version",
                        sb.links, sa.links
                    ),
                )
                .label(en_at, "the English section")
                .help(format!("Link the same pages in both languages.{note}"));
                break;
            }
        }
    }
}
