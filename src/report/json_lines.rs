//! One JSON object per line, each a diagnostic of the JSON contract (no envelope, no summary),
//! for tools that stream.

use std::io::{self, Write};

use crate::engine::Run;

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    for d in super::json::output(run).diagnostics {
        serde_json::to_writer(&mut *out, &d)?;
        writeln!(out)?;
    }
    Ok(())
}
