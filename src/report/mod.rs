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

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::article::LoadError;
use crate::finding::Severity;

/// What happened to one input file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given (`-` for stdin), its lossy display when the file
    /// name is not UTF-8, or the record's id: what reports print.
    pub path: String,
    /// The file itself, whatever bytes its name holds: what is read and
    /// fixed.
    pub file: std::path::PathBuf,
    /// Where the article came from when it was a JSONL record.
    pub record: Option<RecordRef>,
    /// The outcome: the loaded article and its findings, or why it failed.
    pub outcome: Result<Checked, LoadError>,
}

impl FileReport {
    /// The report of a file named by a UTF-8 path (not a record).
    pub fn new(path: String, outcome: Result<Checked, LoadError>) -> FileReport {
        FileReport {
            file: std::path::PathBuf::from(&path),
            path,
            record: None,
            outcome,
        }
    }

    /// The report of `file`, shown as `path`.
    pub fn at(
        file: std::path::PathBuf,
        path: String,
        outcome: Result<Checked, LoadError>,
    ) -> FileReport {
        FileReport {
            path,
            file,
            record: None,
            outcome,
        }
    }
}

/// A JSONL record's identity, carried into every output line so that a
/// consumer can join findings back to its records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordRef {
    /// The record's `id` (absent when the record could not be parsed).
    pub id: Option<String>,
    /// Its 1-based line in the input.
    pub line: usize,
}

pub use crate::engine::Checked;

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    #[serde(default, skip_serializing_if = "is_zero")]
    pub baselined: usize,
    /// Findings left out because they touch no line the diff changed
    /// (`--changed-lines-only`, `--diff-base`; absent from JSON without).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub outside_changed_lines: usize,
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
                    summary.outside_changed_lines += checked.outside_changes;
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

    /// Adds another part of the run (one file's counts) to this one.
    pub fn add(&mut self, other: &Summary) {
        self.files += other.files;
        self.failed_files += other.failed_files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.suppressed += other.suppressed;
        self.baselined += other.baselined;
        self.outside_changed_lines += other.outside_changed_lines;
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
        if self.outside_changed_lines > 0 {
            line.push_str(&messages.format(
                "report.summary.outside-changes",
                &[(
                    "findings",
                    &messages.count("report.findings", self.outside_changed_lines),
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
    let mut tally = Tally::default();
    for report in reports {
        tally.add(&tally_codes(report));
    }
    tally.rows()
}

/// Findings per code of one file, as [`Rendered::codes`] carries them.
fn tally_codes(report: &FileReport) -> Vec<CodeCount> {
    let mut counts: BTreeMap<&'static str, CodeCount> = BTreeMap::new();
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
    counts.into_values().collect()
}

/// Counts per code summed over files, for `--statistics`: a few dozen
/// rows whatever the number of files.
#[derive(Debug, Default)]
struct Tally(BTreeMap<&'static str, CodeCount>);

impl Tally {
    fn add(&mut self, rows: &[CodeCount]) {
        for row in rows {
            let entry = self.0.entry(row.code).or_insert(CodeCount {
                code: row.code,
                severity: row.severity,
                count: 0,
                fixable: 0,
            });
            entry.count += row.count;
            entry.fixable += row.fixable;
        }
    }

    fn rows(&self) -> Vec<CodeCount> {
        let mut rows: Vec<CodeCount> = self.0.values().cloned().collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
        rows
    }
}

/// Prints the number of findings per code instead of the findings: a
/// table for people, a JSON document (`json`) or one JSON line per code
/// (`jsonl`) for machines. SARIF and GitHub commands describe findings, not
/// counts, so they get the error [`io::ErrorKind::Unsupported`].
pub fn statistics(
    format: Format,
    reports: &[FileReport],
    out: &mut (dyn Write + Send),
) -> io::Result<()> {
    let options = RenderOptions {
        format,
        human: HumanOptions {
            color: false,
            width: 100,
            messages: crate::messages::english(),
        },
        statistics: true,
    };
    let mut writer = Writer::new(options, out)?;
    for report in reports {
        writer.file(render_file(report, &options))?;
    }
    writer.finish().map(|_| ())
}

fn write_statistics(
    format: Format,
    rows: &[CodeCount],
    summary: &Summary,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => {
            for row in rows {
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
            writeln!(out, "{}", summary.line())
        }
        Format::Json => {
            let document = serde_json::json!({
                "version": json::VERSION,
                "statistics": rows,
                "summary": summary,
            });
            serde_json::to_writer_pretty(&mut *out, &document)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for row in rows {
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
    out: &mut (dyn Write + Send),
) -> io::Result<()> {
    let options = RenderOptions {
        format,
        human,
        statistics: false,
    };
    let mut writer = Writer::new(options, out)?;
    for report in reports {
        writer.file(render_file(report, &options))?;
    }
    writer.finish().map(|_| ())
}

/// How a run is rendered: everything a file's output depends on besides
/// the file (part of the cache key).
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// The output format.
    pub format: Format,
    /// Colour and width of the human report.
    pub human: HumanOptions,
    /// `--statistics`: counts only, no per-file output.
    pub statistics: bool,
}

/// One file's share of the output, rendered as soon as the file is
/// checked so that its report (with the article text) can be dropped
/// before the run goes on: memory then does not grow with the number of
/// files. It is also what the result cache stores.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Rendered {
    /// The path (or record id) the output names.
    pub path: String,
    /// This file's output in the run's format: for JSON one element of
    /// `files`, for SARIF its results, for the others its lines.
    pub text: String,
    /// Why the file could not be checked, if so.
    pub error: Option<String>,
    /// This file's counts.
    pub summary: Summary,
    /// Its findings per code, for `--statistics`.
    pub codes: Vec<CodeRow>,
}

/// A row of [`Rendered::codes`], owned so that it can be cached.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CodeRow {
    /// The code.
    pub code: String,
    /// Its severity in this run.
    pub severity: Severity,
    /// How many findings.
    pub count: usize,
    /// How many have a safe fix.
    pub fixable: usize,
}

/// Renders one file's share of the output (on any thread).
pub fn render_file(report: &FileReport, options: &RenderOptions) -> Rendered {
    let codes = tally_codes(report)
        .into_iter()
        .map(|c| CodeRow {
            code: c.code.to_string(),
            severity: c.severity,
            count: c.count,
            fixable: c.fixable,
        })
        .collect();
    let text = if options.statistics {
        String::new()
    } else {
        match options.format {
            Format::Human => human::render_file(report, options.human),
            Format::Json => json::render_file(report),
            Format::Jsonl => jsonl::render_file(report),
            Format::Sarif => sarif::render_file(report),
            Format::Github => github::render_file(report),
            Format::Gitlab => gitlab::render_file(report),
            Format::Rdjson => rdjson::render_file(report),
            Format::Junit => junit::suite(report).1,
            Format::Html => html::render_file(report),
        }
    };
    Rendered {
        path: report.path.clone(),
        text,
        error: report.outcome.as_ref().err().map(ToString::to_string),
        summary: Summary::of(std::slice::from_ref(report)),
        codes,
    }
}

/// Writes a run file by file, in the order files are handed to it: the
/// opening of a JSON or SARIF document first, each file's part as it comes,
/// the summary (or the statistics) last. It keeps the counts, never the
/// reports.
pub struct Writer<'w> {
    options: RenderOptions,
    out: &'w mut (dyn Write + Send),
    summary: Summary,
    tally: Tally,
    elements: usize,
    /// SARIF's notifications of unreadable files: the invocation object
    /// follows the results, so these few lines wait for the end.
    notifications: Vec<serde_json::Value>,
    /// JUnit and HTML declare totals or list the articles before them, so
    /// their parts (text only, no article) wait for the end.
    held: String,
    /// JUnit's totals so far.
    junit: junit::Totals,
    /// The HTML page's list of articles.
    articles: Vec<html::Entry>,
}

impl<'w> Writer<'w> {
    /// Starts the output (the opening of a JSON or SARIF document).
    pub fn new(options: RenderOptions, out: &'w mut (dyn Write + Send)) -> io::Result<Writer<'w>> {
        if !options.statistics {
            match options.format {
                Format::Json => json::begin(out)?,
                Format::Sarif => sarif::begin(out)?,
                Format::Gitlab => out.write_all(b"[")?,
                Format::Rdjson => out.write_all(rdjson::begin().as_bytes())?,
                _ => {}
            }
        }
        Ok(Writer {
            options,
            out,
            summary: Summary::default(),
            tally: Tally::default(),
            elements: 0,
            notifications: Vec::new(),
            held: String::new(),
            junit: junit::Totals::default(),
            articles: Vec::new(),
        })
    }

    /// Writes one file's part straight from its report, as it is
    /// serialised, for an article whose output is too large to hold: the
    /// JSON of a very long article lists every paragraph. Other formats
    /// hold a few lines per finding and are rendered first.
    pub fn file_report(&mut self, report: &FileReport) -> io::Result<()> {
        if self.options.statistics || self.options.format != Format::Json {
            return self.file(render_file(report, &self.options));
        }
        let counts = RenderOptions {
            statistics: true,
            ..self.options
        };
        self.count(&render_file(report, &counts));
        self.separate()?;
        self.elements += 1;
        json::write_file(report, self.out)
    }

    /// Writes what comes before an element of a JSON array: a line break,
    /// after a comma unless it is the first.
    fn separate(&mut self) -> io::Result<()> {
        let separator = if self.elements == 0 { "\n" } else { ",\n" };
        self.out.write_all(separator.as_bytes())
    }

    /// Adds one file's counts to the run's summary and statistics.
    fn count(&mut self, rendered: &Rendered) {
        self.summary.add(&rendered.summary);
        let rows: Vec<CodeCount> = rendered
            .codes
            .iter()
            .filter_map(|row| {
                let info = crate::checks::codes::lookup(&row.code)?;
                Some(CodeCount {
                    code: info.code,
                    severity: row.severity,
                    count: row.count,
                    fixable: row.fixable,
                })
            })
            .collect();
        self.tally.add(&rows);
    }

    /// Writes one file's part.
    pub fn file(&mut self, rendered: Rendered) -> io::Result<()> {
        self.count(&rendered);
        if self.options.statistics {
            return Ok(());
        }
        if self.options.format == Format::Sarif
            && let Some(error) = &rendered.error
        {
            self.notifications
                .push(sarif::notification(&rendered.path, error));
        }
        if rendered.text.is_empty() {
            return Ok(());
        }
        let findings = rendered.summary.errors + rendered.summary.warnings + rendered.summary.infos;
        match self.options.format {
            Format::Json | Format::Sarif | Format::Gitlab | Format::Rdjson => self.separate()?,
            Format::Junit => {
                let failed = rendered.summary.failed_files;
                self.junit.tests += if failed > 0 { 1 } else { findings.max(1) };
                self.junit.failures += findings;
                self.junit.errors += failed;
                self.held.push_str(&rendered.text);
                self.elements += 1;
                return Ok(());
            }
            Format::Html => {
                self.articles.push(html::Entry {
                    path: rendered.path.clone(),
                    findings,
                });
                self.held
                    .push_str(&html::number(&rendered.text, self.articles.len()));
                self.held.push('\n');
                self.elements += 1;
                return Ok(());
            }
            _ => {}
        }
        self.elements += 1;
        self.out.write_all(rendered.text.as_bytes())
    }

    /// Flushes what was written so far.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// The counts so far.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// Ends the output (the summary line, the document's closing, or the
    /// statistics) and returns the run's counts.
    pub fn finish(self) -> io::Result<Summary> {
        if self.options.statistics {
            write_statistics(
                self.options.format,
                &self.tally.rows(),
                &self.summary,
                self.out,
            )?;
            return Ok(self.summary);
        }
        match self.options.format {
            Format::Human => writeln!(
                self.out,
                "{}",
                textwrap::fill(
                    &self.summary.line_in(self.options.human.messages),
                    textwrap::Options::new(self.options.human.width)
                )
            )?,
            Format::Json => json::end(self.out, self.elements > 0, &self.summary)?,
            Format::Sarif => sarif::end(self.out, self.elements > 0, &self.notifications)?,
            Format::Gitlab => self.out.write_all(b"\n]\n")?,
            Format::Rdjson => self.out.write_all(b"\n]}\n")?,
            Format::Junit => self
                .out
                .write_all(junit::document(self.junit, &self.held).as_bytes())?,
            Format::Html => self
                .out
                .write_all(html::document(&self.summary, &self.articles, &self.held).as_bytes())?,
            Format::Jsonl | Format::Github => {}
        }
        Ok(self.summary)
    }
}

/// A value pretty-printed with every line indented by `spaces`, so that a
/// value printed on its own nests inside a document printed piece by piece
/// exactly as `serde_json::to_writer_pretty` would have nested it.
fn pretty_indented<T: serde::Serialize + ?Sized>(value: &T, spaces: usize) -> String {
    let mut out = Vec::new();
    write_pretty_indented(value, spaces, &mut out).expect("a report serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes [`pretty_indented`]'s text to `out` as the serialiser produces
/// it, never holding it whole: the JSON of a very long article lists
/// thousands of sections.
fn write_pretty_indented<T: serde::Serialize + ?Sized, W: Write + ?Sized>(
    value: &T,
    spaces: usize,
    out: &mut W,
) -> io::Result<()> {
    pad(out, spaces)?;
    let formatter = NestedPretty {
        base: spaces,
        level: 0,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `serde_json`'s pretty layout (two spaces a level) with every line
/// after the first indented by `base` spaces more. The indentation is
/// written where the layout breaks a line, rather than by scanning the
/// serialiser's output for line breaks: a report with a million findings
/// is hundreds of megabytes of JSON.
struct NestedPretty {
    base: usize,
    level: usize,
    has_value: bool,
}

impl NestedPretty {
    /// A line break and the indentation of the current level.
    fn new_line<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        out.write_all(b"\n")?;
        pad(out, self.base + 2 * self.level)
    }

    /// Opens an array or an object.
    fn open<W: Write + ?Sized>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    /// Closes an array or an object, on a line of its own unless empty.
    fn close<W: Write + ?Sized>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.new_line(out)?;
        }
        out.write_all(bracket)
    }

    /// Starts an array value or an object key on a line of its own.
    fn item<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.new_line(out)
    }
}

impl serde_json::ser::Formatter for NestedPretty {
    fn begin_array<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }
    fn end_array<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }
    fn begin_array_value<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }
    fn end_array_value<W: Write + ?Sized>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }
    fn end_object<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }
    fn begin_object_key<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }
    fn begin_object_value<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }
    fn end_object_value<W: Write + ?Sized>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `spaces` spaces.
fn pad<W: Write + ?Sized>(out: &mut W, mut spaces: usize) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 64];
    while spaces > 0 {
        let n = spaces.min(SPACES.len());
        out.write_all(&SPACES[..n])?;
        spaces -= n;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The nested layout is `serde_json`'s pretty layout with each line
    /// after the first indented, for empty and nested arrays and objects
    /// and strings that need escaping.
    #[test]
    fn nested_pretty_is_serde_json_pretty_indented() {
        let value = serde_json::json!({
            "empty": [],
            "none": {},
            "list": [1, [2, []], {"a": "line\nbreak \"quoted\""}],
            "nested": {"b": {"c": [true, null, 1.5]}},
        });
        let plain = serde_json::to_string_pretty(&value).expect("serialises");
        assert_eq!(pretty_indented(&value, 0), plain);
        let indented: Vec<String> = plain.lines().map(|line| format!("    {line}")).collect();
        assert_eq!(pretty_indented(&value, 4), indented.join("\n"));
        assert_eq!(
            pretty_indented(&[1, 2], 70),
            format!(
                "{}[\n{}1,\n{}2\n{}]",
                " ".repeat(70),
                " ".repeat(72),
                " ".repeat(72),
                " ".repeat(70)
            )
        );
    }
}
