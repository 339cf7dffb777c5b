//! GitLab Code Quality (`--format gitlab`): the JSON array a job publishes
//! with `artifacts: reports: codequality`, which GitLab shows in the merge
//! request widget and beside the diff.
//!
//! Each finding is an issue with `description`, `check_name` (the code),
//! `severity` (`critical` for errors, `major` for warnings, `info`),
//! `location.path` with `positions` (1-based lines and code-point columns),
//! and a `fingerprint`, the one baselines use
//! ([`super::baseline::fingerprint`]): path, code, flagged words and which
//! occurrence of them it is, not the line, so an edit elsewhere in the
//! article does not make GitLab see a new issue. A
//! file that could not be read is a `blocker` issue on its first line.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::FileReport;
use super::baseline::{fingerprint, fingerprints};
use crate::finding::Severity;

/// GitLab's severity for a factlint severity.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Info => "info",
    }
}

/// The Code Quality issues of a run.
pub fn issues(reports: &[FileReport]) -> Vec<Value> {
    let mut issues = Vec::new();
    for report in reports {
        match &report.outcome {
            Ok(checked) => {
                let article = &checked.article;
                let prints = fingerprints(&report.path, checked);
                for (finding, print) in checked.findings.iter().zip(prints) {
                    let (line, column) = article.position(finding.range.start);
                    let (end_line, end_column) = article.position(finding.range.end);
                    let mut description = finding.message.clone();
                    if let Some(help) = &finding.help {
                        description.push_str(&format!(" ({help})"));
                    }
                    issues.push(json!({
                        "type": "issue",
                        "description": description,
                        "check_name": finding.code(),
                        "categories": ["Style"],
                        "severity": severity(finding.severity),
                        "fingerprint": print,
                        "location": {
                            "path": report.path,
                            "positions": {
                                "begin": { "line": line, "column": column },
                                "end": { "line": end_line, "column": end_column },
                            },
                        },
                    }));
                }
            }
            Err(err) => issues.push(json!({
                "type": "issue",
                "description": err.to_string(),
                "check_name": "factlint/unreadable",
                "categories": ["Bug Risk"],
                "severity": "blocker",
                "fingerprint": fingerprint(&[&report.path, "factlint/unreadable"]),
                "location": { "path": report.path, "lines": { "begin": 1 } },
            })),
        }
    }
    issues
}

/// One file's issues for the streaming writer: array elements, one per
/// line, joined by commas.
pub fn render_file(report: &FileReport) -> String {
    issues(std::slice::from_ref(report))
        .iter()
        .map(|issue| serde_json::to_string(issue).expect("JSON values serialise"))
        .collect::<Vec<_>>()
        .join(",\n")
}

/// Writes the run as a Code Quality report.
pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &issues(reports))?;
    writeln!(out)
}
