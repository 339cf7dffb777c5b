//! Renderers: one per output format, each a function over the same
//! [`FileReport`]s. Checks never know the format.

pub mod baseline;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod rdjson;
pub mod sarif;
pub mod window;

use std::io::{self, Write};

use crate::article::LoadError;
use crate::finding::Severity;

/// What happened to one input file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given (`-` for stdin), or its lossy display when the
    /// file name is not UTF-8: what reports print.
    pub path: String,
    /// The file itself, whatever bytes its name holds: what is read and
    /// fixed.
    pub file: std::path::PathBuf,
    /// The outcome: the loaded article and its findings, or why it failed.
    pub outcome: Result<Checked, LoadError>,
}

pub use crate::engine::Checked;

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Files given or found.
    pub files: usize,
    /// Files that could not be checked.
    pub failed_files: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
    /// Findings removed by inline suppressions.
    pub suppressed: usize,
    /// Findings removed by a baseline (absent from JSON without one).
    #[serde(skip_serializing_if = "is_zero")]
    pub baselined: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// Counts the findings of a run.
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut summary = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for report in reports {
            match &report.outcome {
                Ok(checked) => {
                    summary.suppressed += checked.suppressed;
                    summary.baselined += checked.baselined;
                    for finding in &checked.findings {
                        match finding.severity {
                            Severity::Error => summary.errors += 1,
                            Severity::Warning => summary.warnings += 1,
                            Severity::Info => summary.infos += 1,
                        }
                    }
                }
                Err(_) => summary.failed_files += 1,
            }
        }
        summary
    }

    /// Findings at or above `threshold`.
    pub fn at_or_above(&self, threshold: Severity) -> usize {
        match threshold {
            Severity::Error => self.errors,
            Severity::Warning => self.errors + self.warnings,
            Severity::Info => self.errors + self.warnings + self.infos,
        }
    }

    /// The summary line people read last, in English.
    pub fn line(&self) -> String {
        self.line_in(crate::messages::english())
    }

    /// The summary line in a catalogue's language.
    pub fn line_in(&self, messages: &crate::messages::Catalogue) -> String {
        let mut line = messages.format(
            "report.summary",
            &[
                (
                    "files",
                    &messages.count("report.files", self.files - self.failed_files),
                ),
                ("errors", &messages.count("report.errors", self.errors)),
                (
                    "warnings",
                    &messages.count("report.warnings", self.warnings),
                ),
                ("infos", &messages.count("report.infos", self.infos)),
            ],
        );
        if self.failed_files > 0 {
            line.push_str(&messages.format(
                "report.summary.failed",
                &[("files", &messages.count("report.files", self.failed_files))],
            ));
        }
        if self.baselined > 0 {
            line.push_str(&messages.format(
                "report.summary.baselined",
                &[(
                    "findings",
                    &messages.count("report.findings", self.baselined),
                )],
            ));
        }
        line
    }
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// For people: the source line with the offending words underlined.
    Human,
    /// One JSON document (the contract in `src/report/json.rs`).
    Json,
    /// One JSON object per finding, per line.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF readers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// GitLab Code Quality JSON (merge request widget and diff).
    Gitlab,
    /// JUnit XML, for CI servers that show test reports.
    Junit,
    /// reviewdog's rdjson, for review comments with suggested changes.
    Rdjson,
    /// One self-contained HTML page: each article as it reads, the flagged
    /// words marked in place (right-to-left text laid out by the browser).
    Html,
}

/// Options of the human renderer.
#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    /// Whether to use colour.
    pub color: bool,
    /// The width no line of the report may exceed (in terminal columns).
    pub width: usize,
    /// The language of the report's own words.
    pub messages: &'static crate::messages::Catalogue,
}

/// One row of `--statistics`: how often a code fired in the run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CodeCount {
    /// The code.
    pub code: &'static str,
    /// Its severity in this run.
    pub severity: Severity,
    /// How many findings.
    pub count: usize,
    /// How many of them have a safe fix.
    pub fixable: usize,
}

/// The findings per code of a run, most frequent first.
pub fn code_counts(reports: &[FileReport]) -> Vec<CodeCount> {
    let mut counts: std::collections::BTreeMap<&'static str, CodeCount> = Default::default();
    for report in reports {
        if let Ok(checked) = &report.outcome {
            for finding in &checked.findings {
                let entry = counts.entry(finding.code()).or_insert(CodeCount {
                    code: finding.code(),
                    severity: finding.severity,
                    count: 0,
                    fixable: 0,
                });
                entry.count += 1;
                if finding
                    .fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == crate::finding::Applicability::Safe)
                {
                    entry.fixable += 1;
                }
            }
        }
    }
    let mut rows: Vec<CodeCount> = counts.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    rows
}

/// Prints the number of findings per code instead of the findings: a
/// table for people, a JSON document (`json`) or one JSON line per code
/// (`jsonl`) for machines. SARIF and GitHub commands describe findings, not
/// counts, so they get the error [`io::ErrorKind::Unsupported`].
pub fn statistics(format: Format, reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let rows = code_counts(reports);
    match format {
        Format::Human => {
            for row in &rows {
                let fix = if row.fixable > 0 {
                    format!("  ({} fixable)", row.fixable)
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "{:>6}  {:<24} {}{fix}",
                    row.count, row.code, row.severity
                )?;
            }
            writeln!(out, "{}", Summary::of(reports).line())
        }
        Format::Json => {
            let document = serde_json::json!({
                "version": json::VERSION,
                "statistics": rows,
                "summary": Summary::of(reports),
            });
            serde_json::to_writer_pretty(&mut *out, &document)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for row in &rows {
                serde_json::to_writer(&mut *out, row)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Sarif
        | Format::Github
        | Format::Gitlab
        | Format::Junit
        | Format::Rdjson
        | Format::Html => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "--statistics prints a table (human) or JSON (json, jsonl); the other formats carry findings, not counts",
        )),
    }
}

/// Renders a run in the chosen format.
pub fn render(
    format: Format,
    reports: &[FileReport],
    human: HumanOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(reports, human, out),
        Format::Json => json::render(reports, out),
        Format::Jsonl => jsonl::render(reports, out),
        Format::Sarif => sarif::render(reports, out),
        Format::Github => github::render(reports, out),
        Format::Gitlab => gitlab::render(reports, out),
        Format::Junit => junit::render(reports, out),
        Format::Rdjson => rdjson::render(reports, out),
        Format::Html => html::render(reports, out),
    }
}
