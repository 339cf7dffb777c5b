//! SARIF 2.1.0 (`--format sarif`), as GitHub code scanning reads it.
//!
//! One run; the tool's `rules` are every code of the registry with its
//! documentation (`fullDescription` and `help` carry the same text as
//! `factlint explain`); each result has its region in lines and columns
//! (counted in Unicode code points: `run.columnKind` says so) and in byte
//! offsets, the evidence labels as related locations, and the fix when it
//! is safe. A file that could not be read is a tool execution notification.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::FileReport;
use crate::article::Article;
use crate::checks::codes;
use crate::finding::{Applicability, Finding, Severity};

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A region: lines and code-point columns (1-based, end exclusive) and
/// byte offsets.
fn region(article: &Article, range: &std::ops::Range<usize>) -> Value {
    let (start_line, start_column) = article.position(range.start);
    let (end_line, end_column) = article.position(range.end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "byteOffset": range.start,
        "byteLength": range.end - range.start,
        "snippet": { "text": &article.text[range.clone()] },
    })
}

/// A path as a relative URI reference (RFC 3986): forward slashes, no
/// `./`, and every byte outside the unreserved set and `/` percent-encoded
/// (spaces, `%`, `:`, `#`, newlines, Arabic letters as UTF-8), so that
/// code-scanning tools resolve it to the file.
fn uri(path: &str) -> String {
    let path = path.trim_start_matches("./").replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn result(article: &Article, path: &str, finding: &Finding) -> Value {
    let rule_index = codes::all().position(|c| c.code == finding.code());
    let location = |range: &std::ops::Range<usize>| {
        json!({
            "physicalLocation": {
                "artifactLocation": { "uri": uri(path) },
                "region": region(article, range),
            }
        })
    };
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str(&format!(" ({help})"));
    }
    let mut result = json!({
        "ruleId": finding.code(),
        "level": level(finding.severity),
        "message": { "text": message },
        "locations": [location(&finding.range)],
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    if !finding.labels.is_empty() {
        result["relatedLocations"] = Value::Array(
            finding
                .labels
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let mut related = location(&label.range);
                    related["id"] = json!(i);
                    related["message"] = json!({ "text": label.message });
                    related
                })
                .collect(),
        );
    }
    if let Some(fix) = finding
        .fix
        .as_ref()
        .filter(|f| f.applicability == Applicability::Safe)
    {
        result["fixes"] = json!([{
            "description": { "text": format!("Replace with «{}»", fix.replacement) },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri(path) },
                "replacements": [{
                    "deletedRegion": {
                        "byteOffset": finding.range.start,
                        "byteLength": finding.range.end - finding.range.start,
                    },
                    "insertedContent": { "text": fix.replacement },
                }],
            }],
        }]);
    }
    if let Some(rule) = &finding.rule {
        result["properties"] = json!({
            "pack": &*rule.pack,
            "packRule": rule.id,
            "packFile": &*rule.file,
            "packLine": rule.line,
        });
    }
    result
}

/// The tool's description: every code of the registry with its
/// documentation.
fn tool() -> Value {
    let rules: Vec<Value> = codes::all()
        .map(|info| {
            let full = info.doc;
            json!({
                "id": info.code,
                "name": info.code.replace(['/', '-'], "_"),
                "shortDescription": { "text": info.summary },
                "fullDescription": { "text": full },
                "help": { "text": full, "markdown": full },
                "defaultConfiguration": { "level": level(info.severity) },
                "properties": { "fix": info.fix.map_or("none", Applicability::as_str) },
            })
        })
        .collect();
    json!({
        "driver": {
            "name": "factlint",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": "https://crates.io/crates/factlint",
            "rules": rules,
        }
    })
}

/// A file that could not be read, as a tool execution notification.
pub(super) fn notification(path: &str, error: &str) -> Value {
    json!({
        "level": "error",
        "message": { "text": error },
        "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(path) } } }],
    })
}

/// One file's results, each indented as it sits in the document's
/// `results` array and separated by commas.
pub(super) fn render_file(report: &FileReport) -> String {
    let Ok(checked) = &report.outcome else {
        return String::new();
    };
    checked
        .findings
        .iter()
        .map(|f| super::pretty_indented(&result(&checked.article, &report.path, f), 8))
        .collect::<Vec<_>>()
        .join(",\n")
}

/// The document's opening, up to the `results` array. The document is
/// written as files are checked: results stream, and the invocation (which
/// lists the files that could not be read) follows them.
pub(super) fn begin(out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
        super::pretty_indented(&tool(), 6).trim_start()
    )
}

/// The document's closing: the end of `results` and the invocation.
pub(super) fn end(
    out: &mut dyn Write,
    any_result: bool,
    notifications: &[Value],
) -> io::Result<()> {
    if any_result {
        write!(out, "\n      ")?;
    }
    let invocations = json!([{
        "executionSuccessful": notifications.is_empty(),
        "toolExecutionNotifications": notifications,
    }]);
    writeln!(
        out,
        "],\n      \"invocations\": {}\n    }}\n  ]\n}}",
        super::pretty_indented(&invocations, 6).trim_start()
    )
}
