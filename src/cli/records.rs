//! JSONL records (`--input-format jsonl`): one article per line,
//! `{"id": …, "text": …, "lang"?: "ar"|"en", "date"?: "YYYY-MM-DD",
//! "format"?: "text"|"markdown"|"html"}`, read lazily from files or standard
//! input so that an archive of any size streams through in bounded memory.
//! Other fields are ignored, so records can carry their own metadata.

use std::io::{self, BufRead, BufReader};

use chrono::NaiveDate;
use serde::Deserialize;

use factlint::article::{Format, Language, LoadOptions};

/// One record, as read.
#[derive(Debug, Deserialize)]
struct Raw {
    id: Option<serde_json::Value>,
    text: Option<String>,
    lang: Option<String>,
    date: Option<String>,
    format: Option<String>,
}

/// A record ready to check.
#[derive(Debug)]
pub(crate) struct Record {
    /// Its id (a number is written as its JSON text).
    pub(crate) id: String,
    /// The article.
    pub(crate) text: String,
    /// Its own language, date and format, over the run's options.
    pub(crate) language: Option<Language>,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) format: Option<Format>,
}

impl Record {
    /// The run's load options with the record's own fields over them.
    pub(crate) fn options(&self, run: &LoadOptions) -> LoadOptions {
        LoadOptions {
            language: self.language.or(run.language),
            date: self.date.or(run.date),
            format: self.format.or(run.format),
        }
    }
}

/// One line of input: where it was, and the record or why it is not one.
/// The id is kept when the line parsed but a field was wrong.
#[derive(Debug)]
pub(crate) struct Line {
    pub(crate) source: String,
    pub(crate) line: usize,
    pub(crate) record: Result<Record, (Option<String>, String)>,
}

/// Parses one line.
fn parse(text: &str, max_size: u64) -> Result<Record, (Option<String>, String)> {
    let raw: Raw =
        serde_json::from_str(text).map_err(|e| (None, format!("not a JSON record: {e}")))?;
    let id = match raw.id {
        Some(serde_json::Value::String(id)) => id,
        Some(value @ serde_json::Value::Number(_)) => value.to_string(),
        Some(_) => return Err((None, "`id` must be a string or a number".into())),
        None => return Err((None, "the record has no `id`".into())),
    };
    let fail = |message: String| Err((Some(id.clone()), message));
    let Some(text) = raw.text else {
        return fail("the record has no `text`".into());
    };
    if text.len() as u64 > max_size {
        return fail(format!(
            "`text` is larger than the {max_size}-byte limit (--max-file-size); not checked"
        ));
    }
    let language = match raw.lang.as_deref() {
        None | Some("auto") => None,
        Some("ar") => Some(Language::Ar),
        Some("en") => Some(Language::En),
        Some(other) => return fail(format!("`lang` is `{other}`; write ar, en or auto")),
    };
    let date = match raw.date.as_deref() {
        None => None,
        Some(date) => match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => return fail(format!("`date` is `{date}`; write YYYY-MM-DD")),
        },
    };
    let format = match raw.format.as_deref() {
        None => None,
        Some("text") => Some(Format::Text),
        Some("markdown") => Some(Format::Markdown),
        Some("html") => Some(Format::Html),
        Some(other) => {
            return fail(format!(
                "`format` is `{other}`; write text, markdown or html"
            ));
        }
    };
    Ok(Record {
        id,
        text,
        language,
        date,
        format,
    })
}

/// The records of one input (`-` for standard input), line by line; a
/// file that cannot be opened is one error.
pub(crate) fn read(source: String, max_size: u64) -> io::Result<impl Iterator<Item = Line> + Send> {
    let reader: Box<dyn BufRead + Send> = if source == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        Box::new(BufReader::new(std::fs::File::open(&source)?))
    };
    let mut reader = reader;
    let mut number = 0;
    let mut buffer = Vec::new();
    Ok(std::iter::from_fn(move || {
        loop {
            buffer.clear();
            number += 1;
            let line = number;
            match reader.read_until(b'\n', &mut buffer) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(err) => {
                    return Some(Line {
                        source: source.clone(),
                        line,
                        record: Err((None, format!("cannot read: {err}"))),
                    });
                }
            }
            let record = match std::str::from_utf8(&buffer) {
                // Blank lines separate nothing and are skipped.
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => parse(text, max_size),
                Err(err) => Err((None, format!("not valid UTF-8: {err}"))),
            };
            return Some(Line {
                source: source.clone(),
                line,
                record,
            });
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_and_checked() {
        let record = parse(
            r#"{"id": 7, "text": "Hello.", "lang": "en", "date": "2023-02-24", "format": "markdown", "url": "x"}"#,
            1000,
        )
        .unwrap();
        assert_eq!(record.id, "7");
        assert_eq!(record.language, Some(Language::En));
        assert_eq!(record.format, Some(Format::Markdown));
        assert_eq!(
            parse(r#"{"id": "a", "text": "x", "date": "24/2/2023"}"#, 1000)
                .unwrap_err()
                .0
                .as_deref(),
            Some("a")
        );
        assert!(parse("{not json", 1000).is_err());
        assert!(parse(r#"{"text": "x"}"#, 1000).is_err());
        assert!(parse(r#"{"id": "a", "text": "xxxx"}"#, 2).is_err());
    }
}
