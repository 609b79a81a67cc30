//! GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding, so
//! findings show as annotations on the pull request.
//!
//! GitHub reads the command up to the end of the line: a message must not be able to end it
//! or start another one. Messages escape `%`, CR and LF; properties also escape `:` and `,`.

use std::io::{self, Write};

use super::{EachFinding, Sources};
use crate::diagnostic::{Diagnostic, Severity};
use crate::posting::SourceFile;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[derive(Clone)]
pub struct Github;

impl EachFinding for Github {
    fn finding(
        &self,
        _: &dyn Sources,
        source: &SourceFile,
        d: &Diagnostic,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        annotation(source, d, out)
    }
}

fn annotation(source: &SourceFile, d: &Diagnostic, out: &mut dyn Write) -> io::Result<()> {
    let (start, end) = (
        source.position(d.span.start as usize),
        source.position(d.span.end as usize),
    );
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut props = format!(
        "file={},line={},endLine={}",
        escape_property(&source.path),
        start.line,
        end.line
    );
    // GitHub rejects columns on annotations that span several lines.
    if start.line == end.line {
        props.push_str(&format!(
            ",col={},endColumn={}",
            start.column,
            end.column.max(start.column)
        ));
    }
    props.push_str(&format!(
        ",title={}",
        escape_property(&format!("postlint {}", d.rule))
    ));
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(help);
    }
    writeln!(out, "::{level} {props}::{}", escape_data(&message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_can_end_the_command() {
        assert_eq!(escape_data("50%\r\n::error::x"), "50%25%0D%0A::error::x");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
