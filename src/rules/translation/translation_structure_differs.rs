use crate::posting::corpus::Outline;
use crate::report::plural;
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
        let (en_span, fr_span) = (
            corpus.summaries[pair.en].span,
            corpus.summaries[pair.fr].span,
        );
        let (en, fr) = (
            corpus.summaries[pair.en].shape(),
            corpus.summaries[pair.fr].shape(),
        );
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
        b.extend(fr.loose_headings.iter().map(|(l, t, s)| Side {
            level: *l,
            text: t.clone(),
            span: *s,
            lost_space: true,
        }));
        b.sort_by_key(|h| h.span.start);
        let en_end = en_span.within(en_span.range().len()..en_span.range().len());
        let fr_end = fr_span.within(fr_span.range().len()..fr_span.range().len());
        let en_starts: Vec<u32> = a.iter().map(|h| h.2.start).collect();
        let fr_starts: Vec<u32> = b.iter().map(|h| h.span.start).collect();
        let en_shapes = shapes(&en.outline, &en_starts, en_span.end);
        let fr_shapes = shapes(&fr.outline, &fr_starts, fr_span.end);
        let mut reported = 0;
        for step in align(a, &b, &en_shapes, &fr_shapes) {
            if reported >= MAX_PER_PAIR {
                break;
            }
            match step {
                Step::Same(_, j) if b[j].lost_space => {
                    cx.report(
                        b[j].span,
                        format!(
                            "`{}` is not a heading: a space is missing after the `#`",
                            b[j].text
                        ),
                    )
                    .label(
                        a.get(step.en().unwrap_or(0)).map_or(en_end, |h| h.2),
                        "the English heading",
                    )
                    .help(format!("Write a space after the `#`.{note}"));
                }
                Step::Same(..) => continue,
                Step::Level(i, j) => {
                    cx.report(
                        b[j].span,
                        format!(
                            "this is an h{} where the English version has an h{}",
                            b[j].level, a[i].0
                        ),
                    )
                    .label(a[i].2, format!("h{} in English", a[i].0))
                    .help(format!(
                        "Use the same heading levels in both languages.{note}"
                    ));
                }
                Step::MissingInFr(i, next) => {
                    cx.report(
                        next.map_or(fr_end, |j| b[j].span),
                        format!(
                            "the section `{}` of the English version is missing here",
                            a[i].1
                        ),
                    )
                    .label(a[i].2, "this English section has no French counterpart")
                    .help(format!("Translate the missing section.{note}"));
                }
                Step::ExtraInFr(j, next) => {
                    cx.report(
                        b[j].span,
                        format!(
                            "the section `{}` has no counterpart in the English version",
                            b[j].text
                        ),
                    )
                    .label(
                        next.map_or(en_end, |i| a[i].2),
                        "the English version continues here",
                    )
                    .help(format!("Give both versions the same sections.{note}"));
                }
            }
            reported += 1;
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
                    .unwrap_or(fr_span.within(0..0));
                let en_at = sa
                    .lists
                    .get(i)
                    .map(|l| l.1)
                    .or(sa.span)
                    .unwrap_or(en_span.within(0..0));
                let count = |l: Option<&(usize, Span)>| {
                    l.map_or("no list".to_string(), |l| plural(l.0, "item"))
                };
                cx.report(fr_at, format!("this list has {} here and {} in the English version", count(sb.lists.get(i)), count(sa.lists.get(i))))
                    .label(en_at, "the English list")
                    .help(format!("Translate every item; a line that lost its `-` or `*` joins the item before it.{note}"));
                break;
            }
            if sa.links != sb.links {
                let fr_at = sb.span.unwrap_or(fr_span.within(0..0));
                let en_at = sa.span.unwrap_or(en_span.within(0..0));
                cx.report(
                    fr_at,
                    format!(
                        "this section has {} here and {} in the English version",
                        plural(sb.links, "link"),
                        sa.links
                    ),
                )
                .label(en_at, "the English section")
                .help(format!("Link the same pages in both languages.{note}"));
                break;
            }
        }
    }
}

/// One step of the alignment of the English and French headings.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Same(usize, usize),
    /// Same place, other level.
    Level(usize, usize),
    /// An English heading with no French counterpart; the French heading that follows, if any.
    MissingInFr(usize, Option<usize>),
    /// A French heading with no English counterpart; the English heading that follows, if any.
    ExtraInFr(usize, Option<usize>),
}

impl Step {
    fn en(self) -> Option<usize> {
        match self {
            Step::Same(i, _) | Step::Level(i, _) | Step::MissingInFr(i, _) => Some(i),
            Step::ExtraInFr(..) => None,
        }
    }
}

type Shape = Option<(usize, usize, usize)>;

/// The shape of each section that starts at one of `starts` (in order) and runs to the next
/// one or `end`: its text blocks, list items and links.
fn shapes(outline: &Outline, starts: &[u32], end: u32) -> Vec<Shape> {
    starts
        .iter()
        .enumerate()
        .map(|(k, &start)| {
            let stop = starts.get(k + 1).copied().unwrap_or(end.max(start + 1));
            let within = |s: u32| start < s && s < stop;
            let blocks = outline.blocks.iter().filter(|&&s| within(s)).count();
            let items = outline
                .lists
                .iter()
                .filter(|(s, _)| within(*s))
                .map(|(_, n)| n)
                .sum();
            let links = outline
                .links
                .iter()
                .filter(|&&s| start <= s && s < stop)
                .count();
            Some((blocks, items, links))
        })
        .collect()
}

/// How unlike two sections are, 0 to 1, from their paragraphs, list items and links.
fn unlike(x: Shape, y: Shape) -> f64 {
    let (Some(x), Some(y)) = (x, y) else {
        return 0.3;
    };
    let diff = x.0.abs_diff(y.0) + x.1.abs_diff(y.1) + x.2.abs_diff(y.2);
    let size = x.0.max(y.0) + x.1.max(y.1) + x.2.max(y.2) + 1;
    diff as f64 / size as f64
}

/// Aligns the two heading sequences (Needleman–Wunsch): matching costs the level difference
/// plus how unlike the two sections are; leaving a heading unmatched costs one.
fn align(a: &[(u8, String, Span)], b: &[Side], sa: &[Shape], sb: &[Shape]) -> Vec<Step> {
    const GAP: f64 = 1.0;
    let (n, m) = (a.len(), b.len());
    let mut cost = vec![vec![0.0f64; m + 1]; n + 1];
    for (i, row) in cost.iter_mut().enumerate() {
        row[0] = i as f64 * GAP;
    }
    for (j, cell) in cost[0].iter_mut().enumerate() {
        *cell = j as f64 * GAP;
    }
    let pair =
        |i: usize, j: usize| (if a[i].0 == b[j].level { 0.0 } else { 1.0 }) + unlike(sa[i], sb[j]);
    for i in 1..=n {
        for j in 1..=m {
            cost[i][j] = (cost[i - 1][j - 1] + pair(i - 1, j - 1))
                .min(cost[i - 1][j] + GAP)
                .min(cost[i][j - 1] + GAP);
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        if i > 0 && j > 0 && (cost[i][j] - (cost[i - 1][j - 1] + pair(i - 1, j - 1))).abs() < 1e-9 {
            let same = a[i - 1].0 == b[j - 1].level;
            steps.push(if same {
                Step::Same(i - 1, j - 1)
            } else {
                Step::Level(i - 1, j - 1)
            });
            i -= 1;
            j -= 1;
        } else if i > 0 && (j == 0 || (cost[i][j] - (cost[i - 1][j] + GAP)).abs() < 1e-9) {
            steps.push(Step::MissingInFr(i - 1, (j < m).then_some(j)));
            i -= 1;
        } else {
            steps.push(Step::ExtraInFr(j - 1, (i < n).then_some(i)));
            j -= 1;
        }
    }
    steps.reverse();
    steps
}
