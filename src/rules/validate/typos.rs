//! Typos (inline and CSV lists) and rule tests.

use std::collections::HashMap;
use std::sync::Arc;

use crate::finding::{Applicability, RuleRef};
use crate::language::Language;
use crate::rules::error::{PackError, PackErrorKind};
use crate::rules::load::SiblingReader;
use crate::rules::model::*;
use crate::rules::raw::Located;

use super::Validator;

/// What every row of a CSV typo list shares.
pub(in crate::rules) struct ListContext<'a> {
    /// The list's language.
    pub language: Language,
    /// The list's message.
    pub message: Option<&'a String>,
    /// How safe a fix with one correction is.
    pub applicability: Applicability,
    /// The pack's name.
    pub pack: &'a Arc<str>,
    /// How the CSV file is named in reports.
    pub file: &'a Arc<str>,
}

/// The typo of one valid row (a typo and its corrections, the first one
/// proposed), at `line` of the CSV file.
pub(in crate::rules) fn listed_typo(
    typo: &str,
    mut corrections: Vec<String>,
    list: ListContext<'_>,
    line: usize,
) -> Typo {
    let alternatives = corrections.split_off(1);
    Typo {
        find: typo.to_string(),
        replace: corrections.pop().unwrap_or_default(),
        alternatives,
        language: list.language,
        regex: false,
        message: list.message.cloned(),
        applicability: list.applicability,
        origin: RuleRef {
            pack: Arc::clone(list.pack),
            id: typo.into(),
            file: Arc::clone(list.file),
            line,
        },
    }
}

/// A CSV row's typo and its corrections (empty fields left out), or
/// `None` when it lacks either: one reading for whole lists and for the
/// rows of deferred ones.
fn row_fields(record: &csv::StringRecord) -> Option<(&str, Vec<String>)> {
    let typo = record.get(0).unwrap_or_default();
    let corrections: Vec<String> = record
        .iter()
        .skip(1)
        .filter(|f| !f.is_empty())
        .map(String::from)
        .collect();
    (!typo.is_empty() && !corrections.is_empty()).then_some((typo, corrections))
}

/// One CSV row as the list reader reads it (no header, fields trimmed),
/// with a parser built once per thread: building one costs more than
/// reading the row, and a run reads a row for every typo it finds.
/// `None` for an empty row.
fn read_row(row: &str) -> Option<csv::StringRecord> {
    use csv_core::ReadRecordResult;
    thread_local! {
        static PARSER: std::cell::RefCell<csv_core::Reader> =
            std::cell::RefCell::new(csv_core::Reader::new());
    }
    PARSER.with(|parser| {
        let mut parser = parser.borrow_mut();
        parser.reset();
        // Unquoting only shortens a field, and a row has at most one field
        // more than it has bytes.
        let mut output = vec![0; row.len()];
        let mut ends = vec![0; row.len() + 1];
        let (mut input, mut written, mut fields) = (row.as_bytes(), 0, 0);
        loop {
            let (result, read, out, end) =
                parser.read_record(input, &mut output[written..], &mut ends[fields..]);
            input = &input[read..];
            written += out;
            fields += end;
            match result {
                ReadRecordResult::InputEmpty => continue,
                ReadRecordResult::Record => break,
                ReadRecordResult::End
                | ReadRecordResult::OutputFull
                | ReadRecordResult::OutputEndsFull => return None,
            }
        }
        let mut start = 0;
        let mut record = csv::StringRecord::with_capacity(written, fields);
        for &end in &ends[..fields] {
            record.push_field(std::str::from_utf8(&output[start..end]).ok()?);
            start = end;
        }
        record.trim();
        Some(record)
    })
}

/// The typo of one row of a deferred list (see [`DeferredTypoList`]): the
/// row's text and its line; `None` when the row is not a valid one (never
/// in a bundled list: a test parses them whole).
pub(in crate::rules) fn deferred_row(
    deferred: &DeferredTypoList,
    row: &str,
    line: usize,
) -> Option<Typo> {
    let record = read_row(row)?;
    let (typo, corrections) = row_fields(&record)?;
    Some(listed_typo(
        typo,
        corrections,
        ListContext {
            language: deferred.language,
            message: deferred.list.message.as_ref(),
            applicability: deferred.applicability,
            pack: &deferred.pack_name,
            file: &deferred.csv_name,
        },
        line,
    ))
}

impl Validator<'_> {
    /// The `accept:` list: words, or whole-word regexes.
    pub(in crate::rules) fn accept(
        &mut self,
        raw: Vec<Located>,
    ) -> crate::spelling::accept::Accept {
        let mut accept = crate::spelling::accept::Accept::default();
        for entry in &raw {
            if let Err(message) = accept.add(&entry.value) {
                self.error(PackErrorKind::InvalidRegex, entry, message);
            }
        }
        accept
    }

    /// Reads a CSV typo list named by the pack.
    pub(in crate::rules) fn typo_list(
        &mut self,
        list: crate::rules::raw::RawTypoList,
        read: &SiblingReader<'_>,
    ) -> Vec<Typo> {
        let language = self.language(&list.lang).unwrap_or(Language::En);
        let applicability = list.fix.as_ref().map_or(Applicability::Safe, |fix| {
            Applicability::parse(fix.value.trim()).unwrap_or_else(|| {
                let message = format!("unknown fix applicability `{}`", fix.value.trim());
                self.error(PackErrorKind::InvalidValue, fix, message).help =
                    Some("use `safe`, `unsafe` or `display-only`".into());
                Applicability::Unsafe
            })
        });
        let (name, csv) = match read(list.file.value.trim()) {
            Ok(found) => found,
            Err(message) => {
                self.error(PackErrorKind::Io, &list.file, message).help =
                    Some("`file` is relative to the pack file".into());
                return Vec::new();
            }
        };
        let csv: Arc<str> = Arc::from(csv.as_ref());
        let rows = csv.bytes().filter(|&b| b == b'\n').count();
        let mut typos = Vec::with_capacity(rows);
        let csv_name: Arc<str> = Arc::from(name.as_str());
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(csv.as_bytes());
        let header_ok = reader
            .headers()
            .is_ok_and(|h| h.len() == 2 && &h[0] == "typo" && &h[1] == "correction");
        if !header_ok {
            let first = csv.lines().next().unwrap_or_default();
            self.errors.push(
                PackError::at(
                    PackErrorKind::Syntax,
                    &name,
                    &csv,
                    0,
                    first.len(),
                    "the first line must be `typo,correction`",
                )
                .with_help("typo lists are CSV with a `typo,correction` header"),
            );
            return Vec::new();
        }
        let mut seen: rustc_hash::FxHashMap<String, u64> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(rows, Default::default());
        let mut record = csv::StringRecord::new();
        loop {
            let start = reader.position().byte() as usize;
            let line = reader.position().line();
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(err) => {
                    let at = err.position().map_or(start, |p| p.byte() as usize);
                    self.errors.push(
                        PackError::at(
                            PackErrorKind::Syntax,
                            &name,
                            &csv,
                            at,
                            1,
                            format!("this row is not valid CSV: {err}"),
                        )
                        .with_help("quote a field that holds a comma or a quote: \"a, b\""),
                    );
                    break;
                }
            }
            let end = reader.position().byte() as usize;
            let row_len = csv[start..end.min(csv.len())].trim_end().len();
            if record.iter().all(str::is_empty) {
                continue;
            }
            let Some((typo, corrections)) = row_fields(&record) else {
                self.errors.push(
                    PackError::at(
                        PackErrorKind::Syntax,
                        &name,
                        &csv,
                        start,
                        row_len,
                        "a row needs a typo and at least one correction",
                    )
                    .with_help("write `typo,correction[,correction…]`"),
                );
                continue;
            };
            if corrections.iter().any(|c| *c == typo) {
                self.errors.push(
                    PackError::at(
                        PackErrorKind::InvalidValue,
                        &name,
                        &csv,
                        start,
                        row_len,
                        format!("`{typo}` is given as its own correction"),
                    )
                    .with_help("write the misspelling first and only its corrections after it"),
                );
                continue;
            }
            if let Some(first) = seen.insert(typo.to_string(), line) {
                self.errors.push(
                    PackError::at(
                        PackErrorKind::DuplicateId,
                        &name,
                        &csv,
                        start,
                        typo.len(),
                        format!("`{typo}` is listed twice"),
                    )
                    .with_help(format!("merge it with line {first}")),
                );
                continue;
            }
            typos.push(listed_typo(
                typo,
                corrections,
                ListContext {
                    language,
                    message: list.message.as_ref(),
                    applicability,
                    pack: &self.pack_name,
                    file: &csv_name,
                },
                line as usize,
            ));
        }
        typos
    }

    pub(in crate::rules) fn typos(&mut self, raw: Vec<crate::rules::raw::RawTypo>) -> Vec<Typo> {
        let mut seen = HashMap::new();
        raw.into_iter()
            .map(|t| {
                let id_at = t.id.as_ref().unwrap_or(&t.find);
                let id = if t.id.is_some() {
                    self.id(id_at, "typo", &mut seen)
                } else {
                    t.find.value.trim().to_string()
                };
                if t.regex {
                    self.regex(&t.find);
                } else if t.find.value.trim().is_empty() {
                    self.error(PackErrorKind::InvalidValue, &t.find, "empty `find`");
                } else if t.find.value.trim() == t.replace.trim() {
                    let message = format!(
                        "`replace` is `find` itself (`{}`): the entry would flag the word it writes",
                        t.find.value.trim()
                    );
                    self.error(PackErrorKind::InvalidValue, &t.find, message).help =
                        Some("write the misspelling in `find` and its correction in `replace`".into());
                }
                let language = match &t.lang {
                    Some(lang) => self.language(lang).unwrap_or(Language::En),
                    None => Language::detect(&t.find.value),
                };
                let applicability = match &t.fix {
                    None => Applicability::Safe,
                    Some(fix) => Applicability::parse(fix.value.trim()).unwrap_or_else(|| {
                        let message = format!("unknown fix applicability `{}`", fix.value.trim());
                        self.error(PackErrorKind::InvalidValue, fix, message).help =
                            Some("use `safe`, `unsafe` or `display-only`".into());
                        Applicability::Unsafe
                    }),
                };
                Typo {
                    origin: self.rule_ref(&id, &t.find),
                    find: t.find.value.trim().to_string(),
                    replace: t.replace,
                    alternatives: Vec::new(),
                    language,
                    regex: t.regex,
                    message: t.message,
                    applicability,
                }
            })
            .collect()
    }

    pub(in crate::rules) fn examples(
        &mut self,
        raw: Vec<crate::rules::raw::RawExample>,
    ) -> Vec<Example> {
        let mut seen = HashMap::new();
        raw.into_iter()
            .enumerate()
            .map(|(n, e)| {
                let codes = |list: Vec<Located>, v: &mut Self| {
                    list.into_iter()
                        .map(|c| {
                            let code = c.value.trim().to_string();
                            if !code.contains('/') {
                                let message = format!("`{code}` is not a finding code");
                                v.error(PackErrorKind::InvalidValue, &c, message).help = Some(
                                    "codes look like `family/check`; `factlint explain` lists them"
                                        .into(),
                                );
                            }
                            code
                        })
                        .collect()
                };
                // An example without an id is named by its place in the
                // pack, so that every entry can be disabled by id.
                let id = match &e.id {
                    Some(id) => self.id(id, "example", &mut seen),
                    None => format!("example-{}", n + 1),
                };
                Example {
                    origin: self.rule_ref(&id, &e.text),
                    language: e.lang.as_ref().and_then(|l| self.language(l)),
                    expect: codes(e.expect, self),
                    expect_not: codes(e.expect_not, self),
                    text: e.text.value,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::rules::load::parse_pack_with;
    use crate::rules::{Pack, PackError};

    fn load(csv: &'static str) -> Result<Pack, Vec<PackError>> {
        let read = |_: &str| Ok(("list.csv".to_string(), csv.into()));
        parse_pack_with(
            "house.yaml",
            Arc::from("typo_lists:\n  - { file: list.csv, lang: en }\n"),
            false,
            &read,
        )
    }

    #[test]
    fn quoted_fields_keep_their_commas_and_rows_their_lines() {
        let pack =
            load("typo,correction\n\"Smtih, Jr.\",\"Smith, Jr.\"\nrecieve,receive\n").unwrap();
        assert_eq!(pack.typos[0].find, "Smtih, Jr.");
        assert_eq!(pack.typos[0].replace, "Smith, Jr.");
        assert!(pack.typos[0].alternatives.is_empty());
        assert_eq!(pack.typos[1].origin.line, 3);
    }

    #[test]
    fn several_corrections_are_alternatives() {
        let pack = load("typo,correction\nthier,their,there\n").unwrap();
        assert_eq!(pack.typos[0].replace, "their");
        assert_eq!(pack.typos[0].alternatives, vec!["there".to_string()]);
    }

    #[test]
    fn bad_rows_are_located() {
        let errors =
            load("typo,correction\nrecieve,receive\nonly-a-typo\nrecieve,receive\n").unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with("list.csv:3:1: a row needs"),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("list.csv:4:1: `recieve` is listed twice"),
            "{shown:?}"
        );
        let header = load("wrong,header\na,b\n").unwrap_err();
        assert!(header[0].to_string().contains("`typo,correction`"));
    }

    #[test]
    fn a_word_given_as_its_own_correction_is_an_error() {
        let errors = load("typo,correction\nrecieve,receive\nteh,the,teh\n").unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(
            shown[0].starts_with("list.csv:3:1: `teh` is given as its own correction"),
            "{shown:?}"
        );
        let read = |_: &str| -> Result<(String, std::borrow::Cow<'static, str>), String> {
            unreachable!("the pack reads no list")
        };
        let errors = parse_pack_with(
            "house.yaml",
            Arc::from("typos:\n  - { find: recieve, replace: receive }\n  - { find: teh, replace: teh }\n"),
            false,
            &read,
        )
        .unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(
            shown[0].starts_with("house.yaml:3:13: `replace` is `find` itself"),
            "{shown:?}"
        );
    }

    /// The row reader reads every row of every bundled CSV list, and a few
    /// rows with quotes, spaces and empty fields, as the csv crate's list
    /// reader does.
    #[test]
    fn rows_read_as_the_list_reader_reads_them() {
        let mut rows: Vec<&str> = vec![
            "",
            "teh, the",
            "\"a, b\" ,  \"c \"\"d\"\"\"",
            " x ,, y ,",
            "wrod\u{00A0},\u{2003}word",
            "one\r\n",
        ];
        for (path, text) in crate::rules::bundled::BUNDLED_FILES {
            if path.ends_with(".csv") {
                rows.extend(text.lines());
            }
        }
        assert!(rows.len() > 80_000, "{} rows", rows.len());
        for row in rows {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .trim(csv::Trim::All)
                .from_reader(row.as_bytes());
            let mut expected = csv::StringRecord::new();
            let expected = reader
                .read_record(&mut expected)
                .expect("a row reads")
                .then_some(expected);
            assert_eq!(super::read_row(row), expected, "{row:?}");
        }
    }
}
