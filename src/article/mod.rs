//! Articles: the original text, never altered, and what factlint knows about
//! its shape (sections, language, reference date).
//!
//! Every span that leaves factlint is a byte range of [`Article::text`], the
//! file exactly as it was read. Loaders only add metadata around it: plain
//! text is segmented by heuristics ([`plain`]), Markdown by its parser
//! ([`markdown`]), HTML by its elements ([`html`]).

pub mod declared_date;
pub mod directive;
pub mod html;
pub mod markdown;
pub mod markup;
pub mod plain;
mod source;

use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use crate::text::{LineIndex, Normalized};

pub use crate::language::Language;
pub use source::{LoadError, decode, read_article, read_article_bytes, read_article_source};

/// The part of an article a span belongs to: checks weigh a caption, a
/// banner and the body differently, and reports say "caption says …".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// A site-wide strip above the article ("Israel at war - day 428").
    Banner,
    /// The article's title.
    Headline,
    /// The summary paragraph under the headline.
    Standfirst,
    /// A photo caption (alt text or visible caption).
    Caption,
    /// A photo or text credit, such as a trailing `(Israel Defense Forces)`.
    Credit,
    /// The running text.
    Body,
    /// Site furniture captured with the page (search labels, "read more").
    Chrome,
}

impl SectionKind {
    /// The lower-case name used in reports ("caption says …").
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Banner => "banner",
            SectionKind::Headline => "headline",
            SectionKind::Standfirst => "standfirst",
            SectionKind::Caption => "caption",
            SectionKind::Credit => "credit",
            SectionKind::Body => "body",
            SectionKind::Chrome => "chrome",
        }
    }
}

impl fmt::Display for SectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One section of an article, as a byte range of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// What kind of text this is.
    pub kind: SectionKind,
    /// Byte range in [`Article::text`].
    pub range: Range<usize>,
}

/// How the article was written, which decides the loader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text, segmented by heuristics.
    Text,
    /// Markdown, optionally with YAML front matter.
    Markdown,
    /// HTML.
    Html,
}

impl Format {
    /// The name people read ("plain text", "Markdown", "HTML").
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        }
    }

    /// Picks a format from a file name's extension; plain text otherwise.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else if lower.ends_with(".html") || lower.ends_with(".htm") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Where an article's reference date came from: reports say so, because a
/// wrong reference date explains many wrong findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Markdown front matter `date`, or an HTML `time`/`meta` element.
    FrontMatter,
    /// The `--date` option.
    CommandLine,
    /// A dateline at the head of the article.
    Dateline,
    /// Inferred from the dates the text mentions.
    Inferred,
}

/// The date an article speaks from: "then", "former", ages, counters and
/// "in July" are all judged against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceDate {
    /// The date.
    pub date: NaiveDate,
    /// Where it came from.
    pub source: DateSource,
    /// Why, in words ("front matter `date` on line 2").
    pub reason: String,
}

/// Options that override what loaders would detect.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Force a language instead of detecting it from the script.
    pub language: Option<Language>,
    /// The `--date` reference date.
    pub date: Option<NaiveDate>,
    /// Force a format instead of guessing it from the file name.
    pub format: Option<Format>,
}

/// What a format-specific loader found: sections and metadata.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Sections in source order, not overlapping.
    pub sections: Vec<Section>,
    /// A declared language (front matter `lang`, `<html lang>`).
    pub language: Option<Language>,
    /// A declared date (front matter `date`, `<time datetime>`), with a
    /// description of where it was declared.
    pub date: Option<(NaiveDate, String)>,
    /// Byte ranges the article uses to switch findings off (comments such
    /// as `<!-- factlint-disable … -->`), kept for the suppression pass.
    pub comments: Vec<Range<usize>>,
    /// What is not article text (tags, code, comments), sorted: checks
    /// never see it and fixes never touch it.
    pub markup: Vec<markup::Markup>,
    /// Metadata the loader could not use but that does not stop the
    /// article being checked (a front matter date with two readings).
    pub problems: Vec<MetadataProblem>,
}

/// A piece of an article's metadata that was left unused, to be reported
/// at its place while the article is still checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataProblem {
    /// Where the value is written.
    pub range: Range<usize>,
    /// What is wrong with it.
    pub message: String,
    /// What to write instead.
    pub help: String,
}

/// A loaded article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as given on the command line (`-` for stdin).
    pub path: String,
    /// The original text, byte for byte.
    pub text: String,
    /// The loader that read it.
    pub format: Format,
    /// The article's language.
    pub language: Language,
    /// Sections in source order.
    pub sections: Vec<Section>,
    /// The date the article speaks from, when known.
    pub reference_date: Option<ReferenceDate>,
    /// The normalised view matchers run over. An [`crate::engine::Engine`]
    /// empties it once the article is checked: nothing after the checks
    /// reads it.
    pub normalized: Normalized,
    /// Line starts of the original, for reports.
    pub lines: LineIndex,
    /// Comment ranges (HTML and Markdown), for suppressions.
    pub comments: Vec<Range<usize>>,
    /// Metadata left unused, reported by the check runner.
    pub problems: Vec<MetadataProblem>,
    /// Markup ranges, sorted and disjoint (none in plain text): hidden from
    /// the checks, never fixed.
    pub markup: Vec<markup::Markup>,
}

impl Article {
    /// Builds an article from text that has already been read and decoded.
    /// Loader errors (malformed front matter) are returned, never panicked.
    pub fn load(path: &str, text: String, options: &LoadOptions) -> Result<Article, LoadError> {
        let format = options.format.unwrap_or_else(|| Format::from_path(path));
        let lines = LineIndex::new(&text);
        let layout = match format {
            Format::Text => plain::layout(&text),
            Format::Markdown => markdown::layout(path, &text, &lines)?,
            Format::Html => html::layout(path, &text, &lines)?,
        };
        let language = options
            .language
            .or(layout.language)
            .unwrap_or_else(|| Language::detect(&text));
        let reference_date = match (layout.date, options.date) {
            (Some((date, reason)), _) => Some(ReferenceDate {
                date,
                source: DateSource::FrontMatter,
                reason,
            }),
            (None, Some(date)) => Some(ReferenceDate {
                date,
                source: DateSource::CommandLine,
                reason: "given with --date".to_string(),
            }),
            (None, None) => None,
        };
        let ranges = |kind| {
            layout
                .markup
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| m.range.clone())
                .collect::<Vec<_>>()
        };
        let normalized = Normalized::masked(
            &text,
            &ranges(markup::MarkupKind::Hidden),
            &ranges(markup::MarkupKind::Join),
        );
        Ok(Article {
            path: path.to_string(),
            normalized,
            lines,
            text,
            format,
            language,
            sections: layout.sections,
            reference_date,
            comments: layout.comments,
            problems: layout.problems,
            markup: layout.markup,
        })
    }

    /// Loads `text` as plain text, whatever the path's extension or the
    /// options' format say, so that it cannot fail: for tests, the library
    /// example and callers that hold bare text. Use [`Article::load`] for
    /// Markdown and HTML, whose metadata can be malformed.
    pub fn from_text(path: &str, text: &str, options: &LoadOptions) -> Article {
        let options = LoadOptions {
            format: Some(Format::Text),
            ..options.clone()
        };
        Article::load(path, text.to_string(), &options).expect("plain text always loads")
    }

    /// The section holding byte `offset`, if any (markup between sections
    /// belongs to none).
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        let i = self.sections.partition_point(|s| s.range.end <= offset);
        self.sections.get(i).filter(|s| s.range.start <= offset)
    }

    /// The normalised form of an original range (digits as ASCII, marks
    /// dropped), for reading numbers and words out of a span.
    pub fn normalized_text_of(&self, range: &Range<usize>) -> String {
        crate::text::normalize_pattern(&self.text[range.clone()])
    }

    /// The 1-based line and character column of byte `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(&self.text, offset)
    }

    /// The 1-based line and UTF-8 byte column of byte `offset`, for
    /// formats that count columns in bytes (reviewdog's rdjson).
    pub fn byte_position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.lines.line_of(offset);
        let line_start = self.lines.line_range(&self.text, line).start;
        (line, offset - line_start + 1)
    }
}
