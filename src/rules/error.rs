//! Rule-pack errors that point at the file, line and column at fault.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// A source file for miette whose reported columns count characters, not
/// bytes: miette's own `str` source reports a byte column in the report
/// header, which is wrong for every Arabic line.
#[derive(Debug, Clone)]
pub struct CharColumnSource {
    name: String,
    text: Arc<str>,
}

impl CharColumnSource {
    /// Wraps a named text.
    pub fn new(name: impl Into<String>, text: Arc<str>) -> Self {
        CharColumnSource {
            name: name.into(),
            text,
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl SourceCode for CharColumnSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // The gutter counts lines from where the returned context starts;
        // the header reports the character column of the span itself.
        let offset = span.offset().min(self.text.len());
        let context_start = inner.span().offset().min(self.text.len());
        let line_start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let column = self.text[line_start..offset].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            self.text[..context_start].matches('\n').count(),
            column,
            inner.line_count(),
        )))
    }
}

/// What kind of mistake a pack holds; each kind has its own diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackErrorKind {
    /// The YAML does not parse.
    Syntax,
    /// A key the format does not have.
    UnknownKey,
    /// A value of the wrong type.
    WrongType,
    /// A regex that does not compile or uses a forbidden construct.
    InvalidRegex,
    /// A date that does not exist or is malformed.
    InvalidDate,
    /// An id used twice.
    DuplicateId,
    /// A value the format does not allow (unknown country code, language …).
    InvalidValue,
    /// The file cannot be read.
    Io,
}

impl PackErrorKind {
    fn code(self) -> &'static str {
        match self {
            PackErrorKind::Syntax => "factlint::pack::syntax",
            PackErrorKind::UnknownKey => "factlint::pack::unknown-key",
            PackErrorKind::WrongType => "factlint::pack::wrong-type",
            PackErrorKind::InvalidRegex => "factlint::pack::invalid-regex",
            PackErrorKind::InvalidDate => "factlint::pack::invalid-date",
            PackErrorKind::DuplicateId => "factlint::pack::duplicate-id",
            PackErrorKind::InvalidValue => "factlint::pack::invalid-value",
            PackErrorKind::Io => "factlint::pack::io",
        }
    }
}

/// One mistake in one pack file.
#[derive(Debug, Clone)]
pub struct PackError {
    /// What kind of mistake.
    pub kind: PackErrorKind,
    /// The pack file, as it will be printed.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based character column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// A label for the span ("first defined here" and the like).
    pub label: String,
    /// Other places that explain the error.
    pub related: Vec<(SourceSpan, String)>,
    span: SourceSpan,
    source: Option<CharColumnSource>,
}

impl PackError {
    /// An error at byte `offset` (length `len`) of `text`.
    pub fn at(
        kind: PackErrorKind,
        file: &str,
        text: &Arc<str>,
        offset: usize,
        len: usize,
        message: impl Into<String>,
    ) -> PackError {
        let offset = offset.min(text.len());
        let len = len.min(text.len() - offset);
        let (line, column) = crate::text::LineIndex::new(text).position(text, offset);
        PackError {
            kind,
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            help: None,
            label: "here".to_string(),
            related: Vec::new(),
            span: SourceSpan::new(offset.into(), len),
            source: Some(CharColumnSource::new(file, Arc::clone(text))),
        }
    }

    /// An error about the file as a whole (it cannot be read).
    pub fn file(kind: PackErrorKind, file: &str, message: impl Into<String>) -> PackError {
        PackError {
            kind,
            file: file.to_string(),
            line: 1,
            column: 1,
            message: message.into(),
            help: None,
            label: String::new(),
            related: Vec::new(),
            span: SourceSpan::new(0.into(), 0),
            source: None,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the label under the span.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Adds a related place in the same file.
    pub fn with_related(mut self, offset: usize, len: usize, label: impl Into<String>) -> Self {
        self.related
            .push((SourceSpan::new(offset.into(), len), label.into()));
        self
    }
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for PackError {}

impl Diagnostic for PackError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.kind.code()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let primary = LabeledSpan::new_primary_with_span(Some(self.label.clone()), self.span);
        let related = self
            .related
            .iter()
            .map(|(span, label)| LabeledSpan::new_with_span(Some(label.clone()), *span));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}
