//! One JSON object per line, each a diagnostic of the JSON contract (no envelope, no summary),
//! for tools that stream.

use std::io::{self, Write};

use super::{EachFinding, Sources};
use crate::diagnostic::Diagnostic;
use crate::posting::SourceFile;

#[derive(Clone)]
pub struct JsonLines;

impl EachFinding for JsonLines {
    fn finding(
        &self,
        sources: &dyn Sources,
        _: &SourceFile,
        d: &Diagnostic,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        // Serialised into memory first: one write for the line, not one for each token.
        let mut line = serde_json::to_vec(&super::json::diagnostic(sources, d))?;
        line.push(b'\n');
        out.write_all(&line)
    }
}
