//! The report for people: rustc-style, with the source line, the offending
//! words underlined, the evidence as secondary labels, the fix and the rule
//! that fired. Rendered by miette's graphical handler over a source whose
//! columns count characters, cut to the report's width around the words
//! it points at (see [`super::window`]).

use std::fmt;
use std::io::{self, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use unicode_width::UnicodeWidthChar;

use super::window::Window;
use super::{FileReport, HumanOptions};
use crate::article::{Article, Format};
use crate::finding::{Applicability, Finding, Severity};
use crate::messages::Catalogue;

/// A finding dressed as a miette diagnostic.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    /// The headline: the finding's message, or in another language than
    /// English the catalogue's line for its code.
    message: String,
    source: Window,
    section: Option<String>,
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
        f.write_str(&self.message)
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
        let primary_label = match &self.section {
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
/// In another language than English, the finding's own (English) message
/// comes last, as the detail the catalogue's headline leaves out.
fn help_text(finding: &Finding, messages: &Catalogue) -> String {
    let mut lines = Vec::new();
    if let Some(help) = &finding.help {
        lines.push(help.clone());
    }
    if let Some(fix) = &finding.fix {
        let how = messages.text(match fix.applicability {
            Applicability::Safe => "report.fix.safe",
            Applicability::Unsafe => "report.fix.unsafe",
            Applicability::DisplayOnly => "report.fix.display-only",
        });
        lines.push(messages.format(
            "report.fix",
            &[("replacement", &fix.replacement), ("how", &how)],
        ));
    }
    if let Some(rule) = &finding.rule {
        lines.push(messages.format(
            "report.rule",
            &[
                ("pack", &rule.pack),
                ("id", &rule.id),
                ("file", &rule.file),
                ("line", &rule.line),
            ],
        ));
    }
    lines.extend(detail(finding, messages));
    lines.join("\n")
}

/// In another language than English, the finding's own (English) message,
/// as the detail the catalogue's headline leaves out.
pub fn detail(finding: &Finding, messages: &Catalogue) -> Option<String> {
    (messages.code() != crate::messages::DEFAULT)
        .then(|| messages.format("report.detail", &[("message", &finding.message)]))
}

/// The headline of a finding in the report's language.
pub fn headline(finding: &Finding, messages: &Catalogue) -> String {
    if messages.code() == crate::messages::DEFAULT {
        finding.message.clone()
    } else {
        messages
            .text(&format!("code.{}", finding.code()))
            .to_string()
    }
}

/// One line about the article: its language, format and reference date.
fn article_line(report: &FileReport, article: &Article, messages: &Catalogue) -> String {
    let date = match &article.reference_date {
        Some(d) => messages.format(
            "report.reference-date",
            &[("date", &d.date), ("reason", &d.reason)],
        ),
        None => messages.text("report.no-reference-date").to_string(),
    };
    let format = match article.format {
        Format::Text => "format.text",
        Format::Markdown => "format.markdown",
        Format::Html => "format.html",
    };
    // A JSONL record is named by its id, with the line it came from.
    let path = match &report.record {
        Some(record) => format!("{} (record on line {})", article.path, record.line),
        None => article.path.clone(),
    };
    messages.format(
        "report.article",
        &[
            ("path", &path),
            ("language", &article.language.code()),
            ("format", &messages.text(format)),
            (
                "sections",
                &messages.count("report.sections", article.sections.len()),
            ),
            ("date", &date),
        ],
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
        .tab_width(super::window::TAB_WIDTH)
}

/// The columns miette takes from the width before a headline's text: two,
/// and the `  × ` before it.
const HEADLINE_INDENT: usize = 2 + 4;
/// The columns miette takes from the width before the help's text: two,
/// and the `  help: ` before it.
const HELP_INDENT: usize = 2 + 8;

/// The two handlers a file's findings are rendered with. miette wraps a
/// finding's headline and help with textwrap, which finds every Unicode
/// line-break opportunity in them first: with a pack whose entries occur
/// every few words, that was about a third of the report's time, for texts
/// that nearly always fit on their lines as they are. A finding whose texts
/// fit (see [`fits_unwrapped`]) is rendered by a handler that does not
/// wrap, and reads the same; the test
/// `texts_that_fit_render_alike_with_either_handler` checks that.
struct Handlers {
    wrapping: GraphicalReportHandler,
    unwrapped: GraphicalReportHandler,
    width: usize,
}

impl Handlers {
    fn new(options: HumanOptions) -> Handlers {
        Handlers {
            wrapping: handler(options),
            unwrapped: handler(options).with_wrap_lines(false),
            width: options.width,
        }
    }

    /// The handler for a diagnostic with this headline and help.
    fn for_texts(&self, headline: &str, help: &str) -> &GraphicalReportHandler {
        let fits =
            |text: &str, indent: usize| fits_unwrapped(text, self.width.saturating_sub(indent));
        if fits(headline, HEADLINE_INDENT) && (help.is_empty() || fits(help, HELP_INDENT)) {
            &self.unwrapped
        } else {
            &self.wrapping
        }
    }
}

/// Whether wrapping `text` to `room` columns would leave it as it is:
/// every line is within the room (a line takes at most a column a byte),
/// not empty, and has no whitespace at either end, which textwrap trims.
fn fits_unwrapped(text: &str, room: usize) -> bool {
    text.split('\n').all(|line| {
        !line.is_empty()
            && line.trim() == line
            && (line.len() <= room || display_width(line) <= room)
    })
}

/// One file's part of the report for a person: nothing for a clean file
/// (the summary counts it), its findings, or why it could not be read. No
/// line is wider than `options.width` terminal columns: source lines are
/// cut around their spans (see [`Window`]), prose is wrapped, and whatever
/// is still too wide (a long label beside its underline, a long path) is
/// cut with "…".
pub(super) fn render_file(report: &FileReport, options: HumanOptions) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail; a diagnostic miette cannot render is
    // shown as its message.
    let _ = write_file(report, options, &Handlers::new(options), &mut out);
    String::from_utf8(out).expect("the report is UTF-8")
}

/// Renders a whole run for a person (the streaming writer's output, all
/// at once).
pub fn render(
    reports: &[FileReport],
    options: HumanOptions,
    out: &mut (dyn Write + Send),
) -> io::Result<()> {
    super::render(super::Format::Human, reports, options, out)
}

fn write_file(
    report: &FileReport,
    options: HumanOptions,
    handlers: &Handlers,
    out: &mut dyn Write,
) -> io::Result<()> {
    let messages = options.messages;
    let mut emit = |text: &str| -> io::Result<()> {
        if text.is_empty() {
            return writeln!(out);
        }
        for line in text.lines() {
            writeln!(out, "{}", fit(line, options.width))?;
        }
        Ok(())
    };
    match &report.outcome {
        Ok(checked) => {
            let article = &checked.article;
            // Clean files are not mentioned: the summary counts them.
            if checked.findings.is_empty() {
                return Ok(());
            }
            let header = textwrap::Options::new(options.width).subsequent_indent("    ");
            emit(&textwrap::fill(
                &article_line(report, article, messages),
                header,
            ))?;
            // Source lines are cut to the report's width, less the gutter
            // (line number, bars and the cut marks).
            let width = options.width.saturating_sub(12);
            for finding in &checked.findings {
                let spans: Vec<std::ops::Range<usize>> = std::iter::once(finding.range.clone())
                    .chain(finding.labels.iter().map(|l| l.range.clone()))
                    .collect();
                let diagnostic = FindingDiagnostic {
                    finding,
                    message: headline(finding, messages),
                    source: Window::new(&report.path, &article.text, &article.lines, &spans, width),
                    section: article.section_at(finding.range.start).map(|s| {
                        messages
                            .text(&format!("section.{}", s.kind.as_str()))
                            .to_string()
                    }),
                    help: help_text(finding, messages),
                };
                let handler = handlers.for_texts(&diagnostic.message, &diagnostic.help);
                let place = article.position(finding.range.start);
                emit(&render_finding(handler, &diagnostic, &report.path, place)?)?;
                emit("")?;
            }
        }
        Err(err) => {
            let mut rendered = String::new();
            handlers
                .wrapping
                .render_report(&mut rendered, err)
                .map_err(io::Error::other)?;
            emit(&rendered)?;
            emit("")?;
        }
    }
    Ok(())
}

/// Renders one finding (see [`render_or`]); without the renderer, the
/// finding is its headline, place and help.
fn render_finding(
    handler: &GraphicalReportHandler,
    diagnostic: &FindingDiagnostic<'_>,
    path: &str,
    (line, column): (usize, usize),
) -> io::Result<String> {
    render_or(handler, diagnostic, || {
        let mut plain = format!(
            "{}\n\n  {}: {}\n  --> {path}:{line}:{column} (the source line could not be shown)",
            diagnostic.finding.code(),
            diagnostic.finding.severity.as_str(),
            diagnostic.message
        );
        for (i, help) in diagnostic.help.lines().enumerate() {
            let lead = if i == 0 { "  help: " } else { "        " };
            plain.push('\n');
            plain.push_str(lead);
            plain.push_str(help);
        }
        plain
    })
}

/// Renders a diagnostic with miette; should miette panic on it (a source
/// line it cannot lay out), `plain` says the same without the source, and
/// the run goes on: a report never loses a finding or an error, nor a run
/// its other files, to a layout problem.
fn render_or(
    handler: &GraphicalReportHandler,
    diagnostic: &dyn Diagnostic,
    plain: impl FnOnce() -> String,
) -> io::Result<String> {
    let attempt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        #[cfg(test)]
        fault::trip();
        let mut rendered = String::new();
        handler
            .render_report(&mut rendered, diagnostic)
            .map(|()| rendered)
    }));
    match attempt {
        Ok(rendered) => rendered.map_err(io::Error::other),
        Err(_) => Ok(plain()),
    }
}

/// A test-only fault: rendering a finding panics on a thread that set it,
/// so that tests can prove the report survives a renderer's panic.
#[cfg(test)]
mod fault {
    use std::cell::Cell;

    thread_local! {
        pub(super) static RENDER_PANICS: Cell<bool> = const { Cell::new(false) };
    }

    pub(super) fn trip() {
        if RENDER_PANICS.with(Cell::get) {
            panic!("a test fault in the renderer");
        }
    }
}

/// `line` cut to `width` terminal columns with "…" at the cut; colour
/// escapes take no room and are closed after a cut.
pub fn fit(line: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if display_width(line) <= width {
        return line.into();
    }
    let room = width.saturating_sub(1);
    let mut out = String::with_capacity(line.len());
    let mut used = 0;
    let mut chars = line.chars().peekable();
    let mut coloured = false;
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI sequence: ESC [ parameters final-byte.
            out.push(c);
            coloured = true;
            if chars.peek() == Some(&'[') {
                for next in chars.by_ref() {
                    out.push(next);
                    if next.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    if coloured {
        out.push_str("\u{1b}[0m");
    }
    out.into()
}

/// The terminal columns `line` takes, colour escapes excluded.
pub fn display_width(line: &str) -> usize {
    let mut width = 0;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                for next in chars.by_ref() {
                    if next.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        width += UnicodeWidthChar::width(c).unwrap_or(0);
    }
    width
}

/// Renders any diagnostic (rule-pack and configuration errors) the same
/// way; should miette panic on one, as its message and help.
pub fn render_diagnostic(diagnostic: &dyn Diagnostic, options: HumanOptions) -> String {
    // The message of a located error names its file, line and column.
    let plain = || match diagnostic.help() {
        Some(help) => format!("{diagnostic}\n  help: {help}"),
        None => diagnostic.to_string(),
    };
    render_or(&handler(options), diagnostic, plain).unwrap_or_else(|_| plain())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::LineIndex;

    /// Renders a finding with `message` and `help` by `handler`.
    fn rendered(
        handler: &GraphicalReportHandler,
        text: &str,
        message: &str,
        help: &str,
        width: usize,
    ) -> String {
        let at = text.find("ثانية").expect("the word is in the text");
        let range = at..at + "ثانية".len();
        let finding = Finding::new(
            &crate::checks::typo::substitution::CODE,
            range.clone(),
            message,
        )
        .with_fix("ثانيه", Applicability::Safe);
        let diagnostic = FindingDiagnostic {
            finding: &finding,
            message: message.to_string(),
            source: Window::new("t", text, &LineIndex::new(text), &[range], width),
            section: Some("body".into()),
            help: help.to_string(),
        };
        let mut out = String::new();
        handler.render_report(&mut out, &diagnostic).unwrap();
        out
    }

    #[test]
    fn texts_that_fit_render_alike_with_either_handler() {
        let text = "كلمة أولى ثم ثانية\nوسطر آخر\n";
        // Lines of every length up to the width, cut from prose of both
        // scripts (so that some end in a space), and variants with a
        // leading space, a tab, a second line and an empty line.
        let prose = "«الكوارث» is a misspelling of سلاح الجو, x  y ".repeat(8);
        let mut fitting = 0;
        for width in [30, 41, 60, 100] {
            for color in [false, true] {
                let options = HumanOptions {
                    color,
                    width,
                    messages: crate::messages::english(),
                };
                let handlers = Handlers::new(options);
                for length in 1..=width {
                    let line: String = prose.chars().take(length).collect();
                    let texts = [
                        (line.clone(), String::new()),
                        ("short".to_string(), line.clone()),
                        (line.clone(), format!("write «x»\n{line}")),
                        (format!(" {line}"), line.clone()),
                        (line.clone(), format!("{line}\n")),
                        (format!("{line}\t"), "help".to_string()),
                        (format!("a\t{line}"), "help".to_string()),
                    ];
                    for (message, help) in texts {
                        let chosen = handlers.for_texts(&message, &help);
                        if !std::ptr::eq(chosen, &handlers.unwrapped) {
                            continue;
                        }
                        fitting += 1;
                        assert_eq!(
                            rendered(&handlers.unwrapped, text, &message, &help, width),
                            rendered(&handlers.wrapping, text, &message, &help, width),
                            "width {width}, colour {color}: {message:?} / {help:?}"
                        );
                    }
                }
            }
        }
        assert!(fitting > 100, "only {fitting} texts fit");
    }

    #[test]
    fn a_finding_the_renderer_panics_on_is_still_reported() {
        let text = "كلمة أولى ثم ثانية\nوسطر آخر\n";
        let at = text.find("ثانية").unwrap();
        let findings = vec![
            Finding::new(
                &crate::checks::typo::substitution::CODE,
                at..at + "ثانية".len(),
                "«ثانية» is a misspelling of «ثانيه»",
            )
            .with_help("write «ثانيه»")
            .with_fix("ثانيه", Applicability::Safe),
        ];
        let report = FileReport {
            path: "a.txt".into(),
            file: "a.txt".into(),
            record: None,
            outcome: Ok(crate::engine::Checked {
                article: Article::from_text("a.txt", text, &crate::article::LoadOptions::default()),
                findings,
                suppressed: 0,
                baselined: 0,
                outside_changes: 0,
            }),
        };
        let options = HumanOptions {
            color: false,
            width: 100,
            messages: crate::messages::english(),
        };
        let whole = render_file(&report, options);
        assert!(whole.contains("──┬──"), "{whole}");
        fault::RENDER_PANICS.with(|f| f.set(true));
        let plain = render_file(&report, options);
        fault::RENDER_PANICS.with(|f| f.set(false));
        assert!(
            plain.contains(
                "typo/substitution\n\n  error: «ثانية» is a misspelling of «ثانيه»\n  --> a.txt:1:14 (the source line could not be shown)\n  help: write «ثانيه»\n        fix: replace with «ثانيه»"
            ),
            "{plain}"
        );
    }

    #[test]
    fn an_error_the_renderer_panics_on_is_still_reported_with_its_place() {
        let yaml = "typos:\n  - { find: goverment, replace: government, oops: 1 }\n";
        let errors = crate::rules::load::parse_pack("house.yaml", yaml.into(), false)
            .expect_err("an unknown key");
        let options = HumanOptions {
            color: false,
            width: 100,
            messages: crate::messages::english(),
        };
        fault::RENDER_PANICS.with(|f| f.set(true));
        let plain = render_diagnostic(&errors[0], options);
        fault::RENDER_PANICS.with(|f| f.set(false));
        assert!(plain.contains("unknown field `oops`"), "{plain}");
        assert!(
            plain.starts_with("house.yaml:2:45: unknown field"),
            "{plain}"
        );
        assert!(plain.contains("\n  help: valid keys here"), "{plain}");
    }

    #[test]
    fn long_lines_are_cut_to_the_width() {
        assert_eq!(fit("short", 10), "short");
        let cut = fit("كلمة كلمة كلمة كلمة", 10);
        assert_eq!(cut, "كلمة كلمة…");
        assert_eq!(display_width(&cut), 10);
        let coloured = "\u{1b}[31mabcdefghij\u{1b}[0m";
        assert_eq!(display_width(coloured), 10);
        assert_eq!(fit(coloured, 10), coloured);
        let cut = fit(coloured, 5);
        assert_eq!(display_width(&cut), 5);
        assert!(cut.ends_with("…\u{1b}[0m"), "{cut:?}");
    }
}
