//! GitHub Actions workflow commands (`--format github`): one line per
//! finding, which the runner turns into an annotation on the pull request.
//!
//! `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::MESSAGE`,
//! with `::warning` and `::notice` for the other severities. Values are
//! escaped as the runner requires (`%`, `\r`, `\n`, and `:` and `,` in
//! properties).

use std::fmt::Write as _;

use super::FileReport;
use crate::finding::Severity;

/// Escapes a message (`%`, carriage return, line feed).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command per finding of a file, or one error if the file
/// could not be read.
pub(super) fn render_file(report: &FileReport) -> String {
    let mut out = String::new();
    {
        let file = escape_property(&report.path);
        match &report.outcome {
            Ok(checked) => {
                for finding in &checked.findings {
                    let command = match finding.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "notice",
                    };
                    let (line, col) = checked.article.position(finding.range.start);
                    let (end_line, end_column) = checked.article.position(finding.range.end);
                    let mut message = finding.message.clone();
                    if let Some(help) = &finding.help {
                        message.push_str(&format!("\n{help}"));
                    }
                    let _ = writeln!(
                        out,
                        "::{command} file={file},line={line},col={col},endLine={end_line},endColumn={end_column},title={}::{}",
                        escape_property(finding.code()),
                        escape_data(&message)
                    );
                }
            }
            Err(err) => {
                let _ = writeln!(
                    out,
                    "::error file={file},title=factlint::{}",
                    escape_data(&err.to_string())
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
