//! reviewdog's Diagnostic Format (`--format rdjson`): one
//! `DiagnosticResult` document, which `reviewdog -f=rdjson` turns into
//! review comments on GitHub, GitLab, Bitbucket or Gerrit, with suggested
//! changes where a fix is safe.
//!
//! Ranges follow the format's rules: 1-based lines, columns counted in
//! UTF-8 bytes, the end exclusive. Suggestions carry only safe fixes, the
//! ones `--fix` would apply. A file that could not be read is an error
//! diagnostic on the file with no range.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::FileReport;
use crate::article::Article;
use crate::finding::{Applicability, Severity};

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

fn range(article: &Article, range: &std::ops::Range<usize>) -> Value {
    let (line, column) = article.byte_position(range.start);
    let (end_line, end_column) = article.byte_position(range.end);
    json!({
        "start": { "line": line, "column": column },
        "end": { "line": end_line, "column": end_column },
    })
}

/// The `DiagnosticResult` of a run.
pub fn document(reports: &[FileReport]) -> Value {
    let mut diagnostics = Vec::new();
    for report in reports {
        match &report.outcome {
            Ok(checked) => {
                let article = &checked.article;
                for finding in &checked.findings {
                    let mut message = finding.message.clone();
                    if let Some(help) = &finding.help {
                        message.push_str(&format!(" ({help})"));
                    }
                    let mut diagnostic = json!({
                        "message": message,
                        "location": { "path": report.path, "range": range(article, &finding.range) },
                        "severity": severity(finding.severity),
                        "code": { "value": finding.code() },
                    });
                    if let Some(fix) = finding
                        .fix
                        .as_ref()
                        .filter(|f| f.applicability == Applicability::Safe)
                    {
                        diagnostic["suggestions"] = json!([{
                            "range": range(article, &finding.range),
                            "text": fix.replacement,
                        }]);
                    }
                    diagnostics.push(diagnostic);
                }
            }
            Err(err) => diagnostics.push(json!({
                "message": err.to_string(),
                "location": { "path": report.path },
                "severity": "ERROR",
                "code": { "value": "factlint/unreadable" },
            })),
        }
    }
    json!({
        "source": { "name": "factlint", "url": env!("CARGO_PKG_REPOSITORY") },
        "diagnostics": diagnostics,
    })
}

/// The document's opening, up to its `diagnostics` array.
pub fn begin() -> String {
    format!(
        "{{\"source\":{{\"name\":\"factlint\",\"url\":\"{}\"}},\"diagnostics\":[",
        env!("CARGO_PKG_REPOSITORY")
    )
}

/// One file's diagnostics for the streaming writer: array elements, one
/// per line, joined by commas.
pub fn render_file(report: &FileReport) -> String {
    document(std::slice::from_ref(report))["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
        .iter()
        .map(|d| serde_json::to_string(d).expect("JSON values serialise"))
        .collect::<Vec<_>>()
        .join(",\n")
}

/// Writes the run as one rdjson document.
pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(reports))?;
    writeln!(out)
}
