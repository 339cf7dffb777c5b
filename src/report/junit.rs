//! JUnit XML (`--format junit`), which CI servers without a linter
//! integration (Jenkins, GitLab's test report, Azure Pipelines, TeamCity)
//! show as a test report.
//!
//! One `<testsuite>` per article, one `<testcase>` per finding (its class
//! name the article's path, its name the code and position) with a
//! `<failure>` whose `type` is the severity; an article without findings
//! is one passing test case, and an unreadable one an `<error>`. Counts in
//! the `tests`, `failures` and `errors` attributes agree with the cases.

use std::io::{self, Write};

use quick_xml::escape::escape;

use super::FileReport;

/// Escapes text for XML 1.0, which also forbids most control characters
/// (an article may carry them): those become U+FFFD.
fn xml(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect();
    escape(cleaned.as_str()).into_owned()
}

/// Counts of test cases, as the `testsuites` element declares them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    /// Test cases.
    pub tests: usize,
    /// Failing cases (findings).
    pub failures: usize,
    /// Erroring cases (unreadable files).
    pub errors: usize,
}

/// One article's `<testsuite>`, with its counts.
pub fn suite(report: &FileReport) -> (Totals, String) {
    {
        let path = xml(&report.path);
        let (tests, failures, errors, cases) = match &report.outcome {
            Ok(checked) if checked.findings.is_empty() => (
                1,
                0,
                0,
                format!("    <testcase classname=\"{path}\" name=\"factlint\"/>\n"),
            ),
            Ok(checked) => {
                let mut cases = String::new();
                for finding in &checked.findings {
                    let (line, column) = checked.article.position(finding.range.start);
                    let words = &checked.article.text[finding.range.clone()];
                    let mut body = format!("{}:{line}:{column}: «{words}»", report.path);
                    if let Some(help) = &finding.help {
                        body.push_str(&format!("\nhelp: {help}"));
                    }
                    cases.push_str(&format!(
                        "    <testcase classname=\"{path}\" name=\"{code} at {line}:{column}\" file=\"{path}\" line=\"{line}\">\n      <failure message=\"{message}\" type=\"{severity}\">{body}</failure>\n    </testcase>\n",
                        code = finding.code(),
                        message = xml(&finding.message),
                        severity = finding.severity.as_str(),
                        body = xml(&body),
                    ));
                }
                (checked.findings.len(), checked.findings.len(), 0, cases)
            }
            Err(err) => (
                1,
                0,
                1,
                format!(
                    "    <testcase classname=\"{path}\" name=\"factlint\">\n      <error message=\"{message}\" type=\"unreadable\"/>\n    </testcase>\n",
                    message = xml(&err.to_string()),
                ),
            ),
        };
        (
            Totals {
                tests,
                failures,
                errors,
            },
            format!(
                "  <testsuite name=\"{path}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">\n{cases}  </testsuite>\n"
            ),
        )
    }
}

/// The document around the suites.
pub fn document(totals: Totals, suites: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"factlint\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{suites}</testsuites>\n",
        totals.tests, totals.failures, totals.errors
    )
}

/// Writes the run as a JUnit XML document.
pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let mut totals = Totals::default();
    let mut suites = String::new();
    for report in reports {
        let (counts, text) = suite(report);
        totals.tests += counts.tests;
        totals.failures += counts.failures;
        totals.errors += counts.errors;
        suites.push_str(&text);
    }
    out.write_all(document(totals, &suites).as_bytes())
}
