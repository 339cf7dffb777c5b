//! GitLab Code Quality (`--format gitlab`): the JSON array a job publishes
//! with `artifacts: reports: codequality`, which GitLab shows in the merge
//! request widget and beside the diff.
//!
//! Each finding is an issue with `description`, `check_name` (the code),
//! `severity` (`critical` for errors, `major` for warnings, `info`),
//! `location.path` with `positions` (1-based lines and code-point columns),
//! and a `fingerprint`. The fingerprint hashes the path, the code, the
//! flagged words and which occurrence of them it is, not the line, so an
//! edit elsewhere in the article does not make GitLab see a new issue. A
//! file that could not be read is a `blocker` issue on its first line.

use std::io::{self, Write};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::FileReport;
use crate::finding::Severity;

/// GitLab's severity for a factlint severity.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Info => "info",
    }
}

/// A stable identity: what was flagged where, not on which line.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The Code Quality issues of a run.
pub fn issues(reports: &[FileReport]) -> Vec<Value> {
    let mut issues = Vec::new();
    for report in reports {
        match &report.outcome {
            Ok(checked) => {
                let article = &checked.article;
                let mut seen: Vec<(&str, &str)> = Vec::new();
                for finding in &checked.findings {
                    let words = &article.text[finding.range.clone()];
                    let key = (finding.code(), words);
                    let occurrence = seen.iter().filter(|k| **k == key).count();
                    seen.push(key);
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
                        "fingerprint": fingerprint(&[&report.path, finding.code(), words, &occurrence.to_string()]),
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

/// Writes the run as a Code Quality report.
pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &issues(reports))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        let a = fingerprint(&["a.md", "typo/substitution", "teh", "0"]);
        assert_eq!(a, fingerprint(&["a.md", "typo/substitution", "teh", "0"]));
        assert_ne!(a, fingerprint(&["a.md", "typo/substitution", "teh", "1"]));
        assert_ne!(
            fingerprint(&["ab", "c"]),
            fingerprint(&["a", "bc"]),
            "parts are separated"
        );
        assert_eq!(a.len(), 32);
    }
}
