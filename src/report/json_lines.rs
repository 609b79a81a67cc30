//! One JSON object per line, each a diagnostic of the JSON contract (no envelope, no summary),
//! for tools that stream.

use std::io::{self, Write};

use super::{Reporter, Sources, Totals};
use crate::diagnostic::Diagnostic;
use crate::posting::SourceFile;

pub struct JsonLines;

impl Reporter for JsonLines {
    fn file(
        &mut self,
        sources: &dyn Sources,
        _: &SourceFile,
        diagnostics: &[Diagnostic],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for d in diagnostics {
            serde_json::to_writer(&mut *out, &super::json::diagnostic(sources, d))?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &Totals, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
