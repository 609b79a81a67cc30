//! A corpus generator for benchmarks: writes `n` synthetic postings (CDS-style EN/FR pairs
//! with YAML front matter, and ODS-style files with a metadata block), with realistic size and
//! a few defects, so timings do not depend on any real corpus.

use std::fmt::Write as _;
use std::path::Path;

const EN_PARAGRAPH: &str = "The Canadian Digital Service is changing how the federal government designs and delivers digital services. We're here to improve people's lives by changing how the government builds technology, and we work in the open.";
const FR_PARAGRAPH: &str = "Le Service numérique canadien change la façon dont le gouvernement fédéral conçoit et offre des services numériques. Nous sommes ici pour améliorer la vie des gens en changeant la façon dont le gouvernement bâtit la technologie.";

fn cds(i: usize, fr: bool) -> String {
    let (title, para, closing, pay) = if fr {
        (
            "Développeuse ou développeur",
            FR_PARAGRAPH,
            "Nous acceptons les candidatures jusqu'au mercredi 31 mars 2027 à 23 h 59 (HAE).",
            "De 73 402 $ à 108 164 $ par année.",
        )
    } else {
        (
            "Developer",
            EN_PARAGRAPH,
            "We're accepting submissions until Wednesday, March 31, 2027 11:59 pm EDT.",
            "$73,402.00 - $108,164.00 per year",
        )
    };
    let mut s = format!(
        "---\nlayout: job-posting\ntype: section\ntitle: '{title} {i} '\ndescription: >-\n  {para}\narchived: false\ntranslationKey: posting-{i}\nleverId: {:08x}-a9d8-4c60-89e5-263aa4347771\n---\n\n",
        i
    );
    for section in 0..6 {
        let _ = write!(s, "## Section {section}\n\n{para}\n\n");
        for item in 0..5 {
            let _ = writeln!(s, "- {para} [link {item}](https://example.ca/{i}/{item})");
        }
        s.push('\n');
    }
    let _ = write!(s, "## Pay\n\n{pay}\n\n{closing}\n");
    s
}

fn ods(i: usize) -> String {
    let mut s = format!(
        "\n>Updated: February 22, 2022\nPublished: January 15, 2022\n>Job title: Analyst {i}\n>Area of government: Ontario Digital Service\n>Location: Toronto\n>Salary: $1,364.05 - $1,743.34 per week*\n>Job term: 1 Temporary\n\n"
    );
    for section in 0..6 {
        let _ = write!(s, "## Section {section}\n\n{EN_PARAGRAPH}\n\n");
        for _ in 0..5 {
            let _ = writeln!(s, "-   {EN_PARAGRAPH}");
        }
        s.push('\n');
    }
    s.push_str("We're accepting submissions until Monday, February 7, 2022 11:59 pm EDT.\n");
    s
}

/// Writes `n` postings under `dir` (`en/`, `fr/`, `ontario/`).
pub fn generate(dir: &Path, n: usize) -> std::io::Result<()> {
    for sub in ["en", "fr", "ontario"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    for i in 0..n {
        let (path, text) = match i % 3 {
            0 => (dir.join(format!("en/posting-{i}.md")), cds(i, false)),
            1 => (dir.join(format!("fr/poste-{i}.md")), cds(i, true)),
            _ => (dir.join(format!("ontario/posting-{i}.md")), ods(i)),
        };
        std::fs::write(path, text)?;
    }
    Ok(())
}
