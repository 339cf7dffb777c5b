//! Diagnostics about input files (packs, the configuration, front matter):
//! located at file, line and character column, shown with their source,
//! and saying what to do. A leaf: it knows nothing of articles or checks.

mod source;
pub mod yaml;

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, SourceCode, SourceSpan};

pub use source::{CharColumnSource, at_position};

/// What kind of mistake a YAML file (a pack, the configuration) holds; each
/// kind has its own diagnostic code within its domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
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

impl ErrorKind {
    fn name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax",
            ErrorKind::UnknownKey => "unknown-key",
            ErrorKind::WrongType => "wrong-type",
            ErrorKind::InvalidRegex => "invalid-regex",
            ErrorKind::InvalidDate => "invalid-date",
            ErrorKind::DuplicateId => "duplicate-id",
            ErrorKind::InvalidValue => "invalid-value",
            ErrorKind::Io => "io",
        }
    }
}

/// Which file format a [`SourceError`] is about; it names the diagnostic
/// codes (`factlint::pack::unknown-key`, `factlint::config::unknown-key`),
/// so that a configuration mistake is never reported as a pack's.
pub trait Domain: fmt::Debug + Clone + Send + Sync + 'static {
    /// The code prefix, `factlint::pack` or `factlint::config`.
    const PREFIX: &'static str;
}

/// One mistake in one YAML file, located at its file, line and character
/// column, with the source shown. Each layer names its own:
/// `rules::PackError`, `config::ConfigError`.
#[derive(Debug, Clone)]
pub struct SourceError<D: Domain> {
    /// What kind of mistake.
    pub kind: ErrorKind,
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
    domain: std::marker::PhantomData<D>,
}

impl<D: Domain> SourceError<D> {
    /// An error at byte `offset` (length `len`) of `text`.
    pub fn at(
        kind: ErrorKind,
        file: &str,
        text: &Arc<str>,
        offset: usize,
        len: usize,
        message: impl Into<String>,
    ) -> Self {
        let offset = offset.min(text.len());
        let len = len.min(text.len() - offset);
        let (line, column) = crate::text::LineIndex::new(text).position(text, offset);
        SourceError {
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
            domain: std::marker::PhantomData,
        }
    }

    /// An error about the file as a whole (it cannot be read).
    pub fn file(kind: ErrorKind, file: &str, message: impl Into<String>) -> Self {
        SourceError {
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
            domain: std::marker::PhantomData,
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

impl<D: Domain> fmt::Display for SourceError<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl<D: Domain> std::error::Error for SourceError<D> {}

impl<D: Domain> Diagnostic for SourceError<D> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("{}::{}", D::PREFIX, self.kind.name())))
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

/// The candidate closest to `word`, if it is close enough to be a typo.
pub fn nearest<'a>(word: &str, candidates: &'a [String]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|&(d, c)| d <= (c.chars().count() / 3).max(2))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c.as_str())
}
