//! `--statistics`: how many findings each rule reported, most first, instead of the findings.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::engine::Run;
use crate::rules;

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &run.diagnostics {
        *counts.entry(d.rule).or_default() += 1;
    }
    let mut rows: Vec<(&str, usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let width = rows
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    for (rule, n) in rows {
        let severity = run
            .diagnostics
            .iter()
            .find(|d| d.rule == rule)
            .map_or("", |d| d.severity.as_str());
        let fixable = rules::by_id(rule).map_or("", |r| {
            if r.fix == rules::FixAvailability::Never {
                ""
            } else {
                " [fixable]"
            }
        });
        writeln!(out, "{n:>width$}\t{rule}\t{severity}{fixable}")?;
    }
    Ok(())
}
