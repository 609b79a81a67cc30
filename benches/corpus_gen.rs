//! A deterministic corpus generator for benchmarks: writes `n` postings built from the
//! sample postings in `examples/` (CDS-style EN/FR pairs with YAML front matter, Ontario
//! postings with a `>Key: value` metadata block, bilingual single files), each grown to the
//! size of a real posting (≈6 KB) with sections that carry defects of every rule family.
//! The same `n` always gives the same bytes, so timings depend on nothing but postlint.
//!
//! Used by `benches/lint.rs`, and on its own:
//! `cargo run --release --example gen-corpus -- <folder> <n>`.

use std::fmt::Write as _;
use std::path::Path;

const EN: &str = include_str!("../examples/en/senior-developer.md");
const FR: &str = include_str!("../examples/fr/developpeur-principal.md");
const ONTARIO: &str = include_str!("../examples/ontario/policy-analyst.md");
const BILINGUAL: &str = include_str!("../examples/bilingual/designer.md");

const EN_PARAGRAPH: &str = "The Canadian Digital Service is changing how the federal government designs and delivers digital services. We're here to improve people's lives by changing how the government builds technology, and we work in the open.";
const FR_PARAGRAPH: &str = "Le Service numérique canadien change la façon dont le gouvernement fédéral conçoit et offre des services numériques. Nous sommes ici pour améliorer la vie des gens en changeant la façon dont le gouvernement bâtit la technologie.";

/// One list item per rule family, cycled through the generated sections.
const EN_DEFECTS: [&str; 8] = [
    "Read more about us [here](https://bit.ly/cds-about).",
    "Our handbook is at [the handbook](http://example.ca/handbook?utm_source=jobs).",
    "You will leverage synergies with stakeholders to operationalize best-in-class deliverables.",
    "We are looking for a rockstar ninja who is a competitive, dominant leader, and he will report to the director.",
    "See the [benefits](#benefits-that-do-not-exist) section.",
    "The work is done by the team and decisions are made by the product managers who are responsible for the roadmap and the delivery of all the features that the people who use our services need every day across the country.",
    "Pay: $73,402 to $108,164 per year, or $72.5K for the entry level.",
    "Apply by Friday, February 9, 2027 at 11:59 pm EDT.",
];
const FR_DEFECTS: [&str; 8] = [
    "Pour en savoir plus, cliquez [ici](https://bit.ly/snc-apropos).",
    "Notre guide est [en anglais](https://www.canada.ca/en/services.html?utm_campaign=emplois).",
    "Vous optimiserez les synergies avec les parties prenantes afin de livrer des solutions.",
    "Nous cherchons un candidat dynamique ; il relèvera de la directrice.",
    "Consultez la section des [avantages](#avantages-inexistants).",
    "Le travail est fait par l'équipe et les décisions sont prises par les gestionnaires de produits qui sont responsables de la feuille de route et de la livraison de toutes les fonctionnalités dont les gens qui utilisent nos services ont besoin chaque jour partout au pays.",
    "Salaire : 73 402 $ à 108 164 $ par année, ou $75,000 pour le premier échelon.",
    "Posez votre candidature d'ici le vendredi 9 février 2027 à 23 h 59 (HAE).",
];

/// Five sections of a real posting's size, each with one defect.
fn sections(i: usize, fr: bool) -> String {
    // The two versions of a pair (postings `2k` and `2k + 1`) share their facts.
    let i = i / 2;
    let (para, defects, heading) = if fr {
        (FR_PARAGRAPH, &FR_DEFECTS, "Ce que vous apporterez")
    } else {
        (EN_PARAGRAPH, &EN_DEFECTS, "What you bring")
    };
    let mut body = String::new();
    for section in 0..5 {
        let _ = write!(body, "## {heading} {section}\n\n{para}\n\n");
        for item in 0..4 {
            let _ = writeln!(body, "- {para} [{item}](https://example.ca/{i}/{item})");
        }
        // Three defects a posting, about as many findings as a real one has.
        if section % 2 == 0 {
            let _ = writeln!(body, "- {}", defects[(i + section) % defects.len()]);
        }
        body.push('\n');
    }
    body
}

/// Grows `posting` to the size of a real one: sections after its first paragraph.
fn grow(posting: &str, i: usize, fr: bool) -> String {
    let body = sections(i, fr);
    // After the front matter or metadata block and the first paragraph of the body.
    let at = posting
        .match_indices("\n\n")
        .nth(1)
        .map_or(posting.len(), |(at, _)| at + 2);
    let mut out = String::with_capacity(posting.len() + body.len());
    out.push_str(&posting[..at]);
    out.push_str(&body);
    out.push_str(&posting[at..]);
    out
}

/// Writes `n` postings under `dir`: `en/` and `fr/` pairs (one English posting in ten has no
/// French counterpart), `ontario/` and `bilingual/`.
pub fn generate(dir: &Path, n: usize) -> std::io::Result<()> {
    for sub in ["en", "fr", "ontario", "bilingual"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    for i in 0..n {
        let key = format!("senior-developer-{}", i / 2);
        let lever = format!("{:08x}", i / 2);
        // The samples' own front-matter defects, kept in one pair in ten; the others pair.
        let (en, fr) = if i % 20 < 2 {
            (EN.to_string(), FR.to_string())
        } else {
            (
                EN.replace("translationkey:", "translationKey:"),
                FR.replace("leverId: http://", "leverId: "),
            )
        };
        let (path, text) = match i % 6 {
            0 | 2 => (
                dir.join(format!("en/posting-{i}.md")),
                grow(
                    &en.replace("senior-developer", &key)
                        .replace("191b5e60", &lever),
                    i,
                    false,
                ),
            ),
            1 | 3 if i % 20 != 1 => (
                dir.join(format!("fr/poste-{}.md", i - 1)),
                grow(
                    &fr.replace("senior-developer", &key)
                        .replace("191b5e60", &lever),
                    i,
                    true,
                ),
            ),
            1 | 3 | 4 => (
                dir.join(format!("ontario/posting-{i}.md")),
                grow(
                    &ONTARIO.replace("Policy analyst", &format!("Policy analyst {i}")),
                    i,
                    false,
                ),
            ),
            _ => {
                let (en, fr) = BILINGUAL.rsplit_once("\n---\n").unwrap_or((BILINGUAL, ""));
                let text = format!(
                    "{en}\n{}---\n{fr}\n{}",
                    sections(i, false),
                    sections(i, true)
                );
                (dir.join(format!("bilingual/posting-{i}.md")), text)
            }
        };
        std::fs::write(path, text)?;
    }
    Ok(())
}
