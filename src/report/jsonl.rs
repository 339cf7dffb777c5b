//! JSON Lines (`--format jsonl`): one line per finding, each the JSON
//! contract's finding object plus the article's `path` and
//! `reference_date` and the contract's `version`, for streaming into tools
//! that read line by line.
//!
//! Every article gets at least one line, so that a consumer sees each
//! input come back: an article without findings is one line without
//! `code`, and a file that could not be read is one line with `error`. A
//! JSONL record (`--input-format jsonl`) adds its `id` and its `line` in
//! the input to each of its lines.
//!
//! ```json
//! {"version":2,"path":"a.txt","reference_date":null,"code":"typo/substitution",…}
//! {"version":2,"path":"r7","id":"r7","line":7,"reference_date":{"date":"2023-02-24",…}}
//! {"version":2,"path":"r8","id":"r8","line":8,"reference_date":null,"error":"…"}
//! ```

use std::fmt::Write as _;

use serde::Serialize;

use super::FileReport;
use super::json::{JsonFinding, JsonReferenceDate, VERSION, record_id, reference_date};

#[derive(Serialize)]
struct Line<'a> {
    version: u32,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    reference_date: Option<JsonReferenceDate>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    finding: Option<JsonFinding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// The lines of one article.
pub(super) fn render_file(report: &FileReport) -> String {
    let line = |finding, error, date| Line {
        version: VERSION,
        path: &report.path,
        id: record_id(report),
        line: report.record.as_ref().map(|r| r.line),
        reference_date: date,
        finding,
        error,
    };
    let mut lines = Vec::new();
    match &report.outcome {
        Ok(checked) => {
            let article = &checked.article;
            for finding in &checked.findings {
                let json = JsonFinding::new(article, finding);
                lines.push(line(Some(json), None, reference_date(article)));
            }
            if checked.findings.is_empty() {
                lines.push(line(None, None, reference_date(article)));
            }
        }
        Err(err) => lines.push(line(None, Some(err.to_string()), None)),
    }
    let mut out = String::new();
    for line in lines {
        let json = serde_json::to_string(&line).expect("a line serialises");
        let _ = writeln!(out, "{json}");
    }
    out
}
