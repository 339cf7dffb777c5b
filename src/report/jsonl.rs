//! JSON Lines (`--format jsonl`): one finding per line, each the JSON
//! contract's finding object plus its `path`, for streaming into tools that
//! read line by line. A file that could not be read is one line with
//! `path` and `error`.

use std::io::{self, Write};

use super::FileReport;
use super::json::JsonFinding;

/// Writes one line per finding.
pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports {
        match &report.outcome {
            Ok(checked) => {
                for finding in &checked.findings {
                    let mut json = JsonFinding::new(&checked.article, finding);
                    json.path = Some(&report.path);
                    serde_json::to_writer(&mut *out, &json)?;
                    writeln!(out)?;
                }
            }
            Err(err) => {
                let line = serde_json::json!({ "path": report.path, "error": err.to_string() });
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}
