//! `path:line:col: severity[rule] message`, one finding per line.

use std::io::{self, Write};

use crate::engine::Run;

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    for d in &run.diagnostics {
        let source = run.source(d.span.file);
        let pos = source.position(d.span.start as usize);
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            source.path, pos.line, pos.column, d.severity, d.rule, d.message
        )?;
    }
    Ok(())
}
