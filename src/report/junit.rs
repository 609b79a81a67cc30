//! JUnit XML (quick-junit), for CI systems that show test reports: one test case per file,
//! failed when the file has findings, with one failure per finding.

use std::io::{self, Write};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestRerun, TestSuite};

use crate::engine::Run;

pub fn write(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let mut suite = TestSuite::new("postlint");
    for file in &run.files {
        let source = file.source();
        let findings: Vec<_> = run
            .diagnostics
            .iter()
            .filter(|d| d.span.file == source.id)
            .collect();
        let mut case = match findings.split_first() {
            None => TestCase::new(source.path.as_str(), TestCaseStatus::success()),
            Some((first, rest)) => {
                let describe = |d: &crate::diagnostic::Diagnostic| {
                    let pos = source.position(d.span.start as usize);
                    format!(
                        "{}:{}:{}: {}[{}] {}",
                        source.path, pos.line, pos.column, d.severity, d.rule, d.message
                    )
                };
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                status.set_message(describe(first)).set_type(first.rule);
                // Further findings of the same file are recorded as reruns, each with its message.
                for d in rest {
                    let mut rerun = TestRerun::new(NonSuccessKind::Failure);
                    rerun.set_message(describe(d)).set_type(d.rule);
                    status.add_rerun(rerun);
                }
                TestCase::new(source.path.as_str(), status)
            }
        };
        case.set_classname("postlint");
        suite.add_test_case(case);
    }
    let mut report = Report::new("postlint");
    report.add_test_suite(suite);
    let xml = report.to_string().map_err(io::Error::other)?;
    out.write_all(xml.as_bytes())
}
