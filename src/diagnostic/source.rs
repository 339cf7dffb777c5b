//! A miette source whose columns count characters.

use std::sync::Arc;

use miette::{MietteSpanContents, SourceCode, SourceSpan, SpanContents};

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
        let line = self.text[..context_start].matches('\n').count();
        Ok(at_position(&self.name, inner, line, column))
    }
}

/// Span contents read from a plain `str`, reported at the file's own
/// 0-based line (where the context starts) and character column (of the
/// span): the one place both factlint sources hand miette a position.
pub fn at_position<'a>(
    name: &str,
    inner: Box<dyn SpanContents<'a> + 'a>,
    line: usize,
    column: usize,
) -> Box<dyn SpanContents<'a> + 'a> {
    Box::new(MietteSpanContents::new_named(
        name.to_string(),
        inner.data(),
        *inner.span(),
        line,
        column,
        inner.line_count(),
    ))
}
