//! The report for people: rustc-style, with the source line, the offending
//! words underlined, the evidence as secondary labels, the fix and the rule
//! that fired. Rendered by miette's graphical handler over a source whose
//! columns count characters, cut to the report's width around the words
//! it points at (see [`super::window`]).

use std::fmt;
use std::io::{self, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::window::Window;
use super::{FileReport, HumanOptions};
use crate::article::Article;
use crate::finding::{Applicability, Finding, Severity};

/// A finding dressed as a miette diagnostic.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: Window,
    section: Option<&'static str>,
    help: String,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic")
            .field("code", &self.finding.code())
            .finish()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.code()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        (!self.help.is_empty()).then(|| Box::new(&self.help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let range = &self.finding.range;
        let primary_label = match self.section {
            Some(section) => format!("{section}: {}", self.finding.code()),
            None => self.finding.code().to_string(),
        };
        let primary =
            LabeledSpan::new_primary_with_span(Some(primary_label), self.source.span(range));
        let secondary = self.finding.labels.iter().map(|l| {
            LabeledSpan::new_with_span(Some(l.message.clone()), self.source.span(&l.range))
        });
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// The help block: the check's advice, the fix and where the rule lives.
fn help_text(finding: &Finding) -> String {
    let mut lines = Vec::new();
    if let Some(help) = &finding.help {
        lines.push(help.clone());
    }
    if let Some(fix) = &finding.fix {
        let how = match fix.applicability {
            Applicability::Safe => "safe fix, applied by --fix",
            Applicability::Unsafe => "unsafe fix, shown only: check it by hand",
            Applicability::DisplayOnly => "suggestion only",
        };
        lines.push(format!("fix: replace with «{}» ({how})", fix.replacement));
    }
    if let Some(rule) = &finding.rule {
        lines.push(format!(
            "rule: {}.{} at {}:{}",
            rule.pack, rule.id, rule.file, rule.line
        ));
    }
    lines.join("\n")
}

/// One line about the article: its language, format and reference date.
fn article_line(report: &FileReport, article: &Article) -> String {
    let date = match &article.reference_date {
        Some(d) => format!("reference date {} ({})", d.date, d.reason),
        None => "no reference date (no front matter date, no --date)".to_string(),
    };
    let record = match &report.record {
        Some(record) => format!(" (record on line {})", record.line),
        None => String::new(),
    };
    format!(
        "{}{record}: {}, {}, {} sections, {date}",
        article.path,
        article.language.code(),
        article.format.label(),
        article.sections.len()
    )
}

/// The miette handler for the options: colour or not, width, no links.
fn handler(options: HumanOptions) -> GraphicalReportHandler {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
}

/// One file's part of the report for a person: nothing for a clean file
/// (the summary counts it), its findings, or why it could not be read.
pub(super) fn render_file(report: &FileReport, options: HumanOptions) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail; a diagnostic miette cannot render is
    // shown as its message.
    let _ = write_file(report, options, &handler(options), &mut out);
    String::from_utf8(out).expect("the report is UTF-8")
}

fn write_file(
    report: &FileReport,
    options: HumanOptions,
    handler: &GraphicalReportHandler,
    out: &mut dyn Write,
) -> io::Result<()> {
    match &report.outcome {
        Ok(checked) => {
            let article = &checked.article;
            // Clean files are not mentioned: the summary counts them.
            if checked.findings.is_empty() {
                return Ok(());
            }
            let header = textwrap::Options::new(options.width).subsequent_indent("    ");
            writeln!(
                out,
                "{}",
                textwrap::fill(&article_line(report, article), header)
            )?;
            // Source lines are cut to the report's width, less the gutter.
            let width = options.width.saturating_sub(12);
            for finding in &checked.findings {
                let spans: Vec<std::ops::Range<usize>> = std::iter::once(finding.range.clone())
                    .chain(finding.labels.iter().map(|l| l.range.clone()))
                    .collect();
                let diagnostic = FindingDiagnostic {
                    finding,
                    source: Window::new(&report.path, &article.text, &article.lines, &spans, width),
                    section: article
                        .section_at(finding.range.start)
                        .map(|s| s.kind.as_str()),
                    help: help_text(finding),
                };
                let mut rendered = String::new();
                handler
                    .render_report(&mut rendered, &diagnostic)
                    .map_err(io::Error::other)?;
                writeln!(out, "{rendered}")?;
            }
        }
        Err(err) => {
            let mut rendered = String::new();
            handler
                .render_report(&mut rendered, err)
                .map_err(io::Error::other)?;
            writeln!(out, "{rendered}")?;
        }
    }
    Ok(())
}

/// Renders any diagnostic (rule-pack errors) the same way.
pub fn render_diagnostic(diagnostic: &dyn Diagnostic, options: HumanOptions) -> String {
    let mut rendered = String::new();
    if handler(options)
        .render_report(&mut rendered, diagnostic)
        .is_err()
    {
        rendered = diagnostic.to_string();
    }
    rendered
}
