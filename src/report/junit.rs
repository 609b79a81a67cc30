//! JUnit XML (quick-junit), for CI systems that show test reports: one test case per file,
//! failed when the file has findings, with one failure per finding.

use std::io::{self, Write};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestRerun, TestSuite};

use super::{Reporter, Sources, Totals};
use crate::diagnostic::Diagnostic;
use crate::posting::SourceFile;

/// One test case per file, failed by its findings; the report is written at the end.
pub struct Junit {
    suite: TestSuite,
}

impl Default for Junit {
    fn default() -> Junit {
        Junit {
            suite: TestSuite::new("postlint"),
        }
    }
}

impl Reporter for Junit {
    fn file(
        &mut self,
        _: &dyn Sources,
        source: &SourceFile,
        findings: &[Diagnostic],
        _: &mut dyn Write,
    ) -> io::Result<()> {
        let mut case = match findings.split_first() {
            None => TestCase::new(source.path.as_str(), TestCaseStatus::success()),
            Some((first, rest)) => {
                let describe = |d: &Diagnostic| {
                    let pos = source.position(d.span.start as usize);
                    format!(
                        "{}:{}:{}: {}[{}] {}",
                        source.path, pos.line, pos.column, d.severity, d.rule, d.message
                    )
                };
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                status.set_message(describe(first)).set_type(first.rule);
                for d in rest {
                    let mut rerun = TestRerun::new(NonSuccessKind::Failure);
                    rerun.set_message(describe(d)).set_type(d.rule);
                    status.add_rerun(rerun);
                }
                TestCase::new(source.path.as_str(), status)
            }
        };
        case.set_classname("postlint");
        self.suite.add_test_case(case);
        Ok(())
    }

    fn finish(&mut self, _: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let suite = std::mem::replace(&mut self.suite, TestSuite::new("postlint"));
        let mut report = Report::new("postlint");
        report.add_test_suite(suite);
        let xml = report.to_string().map_err(io::Error::other)?;
        out.write_all(xml.as_bytes())
    }
}
