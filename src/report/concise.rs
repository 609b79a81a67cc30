//! `path:line:col: severity[rule] message`, one finding per line.

use std::io::{self, Write};

use super::{EachFinding, Sources};
use crate::diagnostic::Diagnostic;
use crate::posting::SourceFile;

#[derive(Clone)]
pub struct Concise;

impl EachFinding for Concise {
    fn finding(
        &self,
        _: &dyn Sources,
        source: &SourceFile,
        d: &Diagnostic,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let pos = source.position(d.span.start as usize);
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            source.path, pos.line, pos.column, d.severity, d.rule, d.message
        )
    }
}
