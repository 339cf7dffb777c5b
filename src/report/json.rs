//! The JSON contract (`--format json`), version 2.
//!
//! ```json
//! { "version": 2,
//!   "files": [ { "path": "fixtures/x.ar.txt", "language": "ar", "format": "text",
//!                "reference_date": { "date": "2023-02-24", "source": "inferred", "reason": "…" },
//!                "sections": [ { "kind": "headline", "start": 120, "end": 220, "line": 5 } ],
//!                "findings": [ { "code": "typo/substitution", "severity": "error",
//!                   "message": "…", "section": "body",
//!                   "span": { "start": 120, "end": 136, "line": 9, "column": 61,
//!                             "end_line": 9, "end_column": 70 },
//!                   "labels": [ { "span": { … }, "message": "…" } ],
//!                   "help": "…",
//!                   "rule": { "pack": "…", "id": "…", "file": "rules/x.yaml", "line": 12 },
//!                   "fix": { "replacement": "…", "applicability": "safe" } } ],
//!                "error": null } ],
//!   "summary": { "files": 1, "failed_files": 0, "errors": 0, "warnings": 0, "infos": 0, "suppressed": 0 } }
//! ```
//!
//! `start`/`end` are byte offsets into the original file; `line` and
//! `column` are 1-based, columns counted in Unicode scalar values;
//! `end_line`/`end_column` point just past the span. `reference_date` is
//! `null` when no date is known. A file that could not be read has an
//! `error` message and no findings. `summary` also has `baselined` (with
//! `--baseline`) and `outside_changed_lines` (with `--changed-lines-only` or
//! `--diff-base`) when they are not zero. Fields may be added in later
//! versions; none is renamed or removed without a new `version`.
//!
//! A JSONL record (`--input-format jsonl`) is one element of `files` with
//! its `id` and its `line` in the input, and its id as `path`.
//!
//! Version 2 added `id` and `line` for records, and made `--format jsonl`
//! write a line for every article, clean ones included (see
//! [`super::jsonl`]). The document is written file by file as the files are
//! checked; `summary` comes last.

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use super::{FileReport, Summary};
use crate::article::{Article, DateSource};
use crate::finding::{Finding, Fix, RuleRef, Severity};

/// The JSON contract version.
pub const VERSION: u32 = 2;

/// A span in every unit a consumer may want.
#[derive(Debug, Serialize)]
pub struct JsonSpan {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based character column of the start.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based character column just past the end.
    pub end_column: usize,
}

impl JsonSpan {
    /// Locates a byte range of an article.
    pub fn new(article: &Article, range: &Range<usize>) -> JsonSpan {
        let (line, column) = article.position(range.start);
        let (end_line, end_column) = article.position(range.end);
        JsonSpan {
            start: range.start,
            end: range.end,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

#[derive(Debug, Serialize)]
struct JsonLabel {
    span: JsonSpan,
    message: String,
}

/// One finding as JSON (shared with JSON Lines).
#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    /// The file, only in JSON Lines where there is no enclosing file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    code: &'static str,
    severity: Severity,
    message: &'a str,
    section: Option<&'static str>,
    span: JsonSpan,
    labels: Vec<JsonLabel>,
    help: Option<&'a str>,
    rule: Option<&'a RuleRef>,
    fix: Option<&'a Fix>,
}

impl<'a> JsonFinding<'a> {
    /// Converts a finding of `article`.
    pub fn new(article: &'a Article, finding: &'a Finding) -> JsonFinding<'a> {
        JsonFinding {
            path: None,
            code: finding.code(),
            severity: finding.severity,
            message: &finding.message,
            section: article
                .section_at(finding.range.start)
                .map(|s| s.kind.as_str()),
            span: JsonSpan::new(article, &finding.range),
            labels: finding
                .labels
                .iter()
                .map(|l| JsonLabel {
                    span: JsonSpan::new(article, &l.range),
                    message: l.message.clone(),
                })
                .collect(),
            help: finding.help.as_deref(),
            rule: finding.rule.as_ref(),
            fix: finding.fix.as_ref(),
        }
    }
}

/// The reference date as JSON (shared with JSON Lines).
#[derive(Debug, Serialize)]
pub(super) struct JsonReferenceDate {
    date: String,
    source: DateSource,
    reason: String,
}

#[derive(Debug, Serialize)]
struct JsonSection {
    kind: &'static str,
    start: usize,
    end: usize,
    line: usize,
}

#[derive(Debug, Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    language: Option<&'static str>,
    format: Option<crate::article::Format>,
    reference_date: Option<JsonReferenceDate>,
    sections: JsonSections<'a>,
    findings: Vec<JsonFinding<'a>>,
    error: Option<String>,
}

/// An article's sections, serialised as they are read: a very long
/// article has one per paragraph, and they are not copied first. `None`
/// writes an empty list (a file that could not be read).
#[derive(Debug)]
struct JsonSections<'a>(Option<&'a Article>);

impl Serialize for JsonSections<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sections = self.0.map_or(&[][..], |article| &article.sections[..]);
        serializer.collect_seq(sections.iter().map(|s| {
            JsonSection {
                kind: s.kind.as_str(),
                start: s.range.start,
                end: s.range.end,
                line: self
                    .0
                    .map_or(0, |article| article.position(s.range.start).0),
            }
        }))
    }
}

/// The reference date of an article as JSON.
pub(super) fn reference_date(article: &Article) -> Option<JsonReferenceDate> {
    article.reference_date.as_ref().map(|d| JsonReferenceDate {
        date: d.date.to_string(),
        source: d.source,
        reason: d.reason.clone(),
    })
}

fn file(report: &FileReport) -> JsonFile<'_> {
    match &report.outcome {
        Ok(checked) => {
            let article = &checked.article;
            JsonFile {
                path: &report.path,
                id: record_id(report),
                line: report.record.as_ref().map(|r| r.line),
                language: Some(article.language.code()),
                format: Some(article.format),
                reference_date: reference_date(article),
                sections: JsonSections(Some(article)),
                findings: checked
                    .findings
                    .iter()
                    .map(|f| JsonFinding::new(article, f))
                    .collect(),
                error: None,
            }
        }
        Err(err) => JsonFile {
            path: &report.path,
            id: record_id(report),
            line: report.record.as_ref().map(|r| r.line),
            language: None,
            format: None,
            reference_date: None,
            sections: JsonSections(None),
            findings: Vec::new(),
            error: Some(err.to_string()),
        },
    }
}

/// The record's id, if the article was a record.
pub(super) fn record_id(report: &FileReport) -> Option<&str> {
    report.record.as_ref().and_then(|r| r.id.as_deref())
}

/// One element of `files`, indented as it sits in the document.
pub(super) fn render_file(report: &FileReport) -> String {
    super::pretty_indented(&file(report), 4)
}

/// [`render_file`]'s text, written to `out` as it is produced. The
/// serialiser's many small writes go to a buffer of its own, so that `out`
/// (behind a `dyn`) is called once per 64 KiB rather than once per key.
pub(super) fn write_file(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    super::write_pretty_indented(&file(report), 4, &mut buffered)?;
    buffered.flush()
}

/// The document's opening, up to the `files` array.
pub(super) fn begin(out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{{\n  \"version\": {VERSION},\n  \"files\": [")
}

/// The document's closing: the end of `files` and the summary.
pub(super) fn end(out: &mut dyn Write, any_file: bool, summary: &Summary) -> io::Result<()> {
    if any_file {
        write!(out, "\n  ")?;
    }
    writeln!(
        out,
        "],\n  \"summary\": {}\n}}",
        super::pretty_indented(summary, 2).trim_start()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::LoadOptions;
    use crate::checks::typo::substitution;
    use crate::engine::Checked;

    fn report(outcome: Result<Checked, crate::article::LoadError>) -> FileReport {
        FileReport::new("a.md".into(), outcome)
    }

    /// A long article's JSON is written as it is serialised; it must be the
    /// same bytes as the rendered text every other article gets.
    #[test]
    fn streamed_file_is_the_rendered_file() {
        let text = "---\ndate: 2024-05-01\n---\n# Title\n\nteh first paragraph.\n\n> a quote\n\nلقد قال الوزير.\n";
        let article = Article::from_text("a.md", text, &LoadOptions::default());
        let start = text.find("teh").unwrap();
        let finding = Finding::new(&substitution::CODE, start..start + 3, "say \"the\"");
        let checked = report(Ok(Checked {
            article,
            findings: vec![finding],
            suppressed: 0,
            baselined: 0,
            outside_changes: 0,
        }));
        let failed = report(Err(crate::article::LoadError::Internal {
            path: "a.md".into(),
            message: "boom".into(),
        }));
        for report in [checked, failed] {
            let mut streamed = Vec::new();
            write_file(&report, &mut streamed).unwrap();
            let rendered = render_file(&report);
            assert_eq!(String::from_utf8(streamed).unwrap(), rendered);
            assert!(rendered.starts_with("    {"), "{rendered}");
        }
    }
}
