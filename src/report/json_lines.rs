//! One JSON object per line, each a diagnostic of the JSON contract (no envelope, no summary),
//! for tools that stream.

use std::io::{self, Write};

use super::{EachFinding, Sources};
use crate::diagnostic::Diagnostic;
use crate::posting::SourceFile;

pub struct JsonLines;

impl EachFinding for JsonLines {
    fn finding(
        &mut self,
        sources: &dyn Sources,
        _: &SourceFile,
        d: &Diagnostic,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        serde_json::to_writer(&mut *out, &super::json::diagnostic(sources, d))?;
        writeln!(out)
    }
}
