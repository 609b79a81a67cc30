//! `--statistics`: how many findings each rule reported, most first, instead of the findings.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{Reporter, Sources, Totals};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Run;
use crate::posting::SourceFile;
use crate::rules;

/// Counts findings per rule; writes the table at the end.
#[derive(Default)]
pub struct Statistics {
    counts: BTreeMap<&'static str, (usize, Severity)>,
}

impl Reporter for Statistics {
    fn file(
        &mut self,
        _: &dyn Sources,
        _: &SourceFile,
        diagnostics: &[Diagnostic],
        _: &mut dyn Write,
    ) -> io::Result<()> {
        for d in diagnostics {
            // The severity shown is that of the rule's first finding.
            self.counts.entry(d.rule).or_insert((0, d.severity)).0 += 1;
        }
        Ok(())
    }

    fn finish(&mut self, _: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let mut rows: Vec<(&str, usize, Severity)> =
            self.counts.iter().map(|(r, (n, s))| (*r, *n, *s)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let width = rows
            .iter()
            .map(|(_, n, _)| n.to_string().len())
            .max()
            .unwrap_or(1);
        for (rule, n, severity) in rows {
            let fixable = rules::by_id(rule).map_or("", |r| {
                if r.fix == rules::FixAvailability::Never {
                    ""
                } else {
                    " [fixable]"
                }
            });
            writeln!(out, "{n:>width$}\t{rule}\t{}{fixable}", severity.as_str())?;
        }
        Ok(())
    }
}

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    super::write_with(&mut Statistics::default(), run, out)
}
