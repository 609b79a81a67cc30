//! `path:line:col: severity[rule] message`, one finding per line.

use std::io::{self, Write};

use super::{Reporter, Sources, Totals};
use crate::diagnostic::Diagnostic;
use crate::posting::SourceFile;

pub struct Concise;

impl Reporter for Concise {
    fn file(
        &mut self,
        _: &dyn Sources,
        source: &SourceFile,
        diagnostics: &[Diagnostic],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for d in diagnostics {
            let pos = source.position(d.span.start as usize);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                source.path, pos.line, pos.column, d.severity, d.rule, d.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &Totals, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
