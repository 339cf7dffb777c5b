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

/// A line longer than this many bytes is shown as a piece around the span
/// alone: miette lays out whole lines, and cannot lay out one of more than
/// 65,535 columns (a pack written as one flow-style line).
const LONG_LINE: usize = 1_000;

/// The bytes shown on either side of a span on a long line.
const AROUND: usize = 40;

impl SourceCode for CharColumnSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let text = &*self.text;
        let offset = span.offset().min(text.len());
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        if line_end - line_start > LONG_LINE {
            // The piece of the line around the span, on character
            // boundaries, and no context lines.
            let mut from = offset.saturating_sub(AROUND).max(line_start);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let span_end = (offset + span.len()).min(line_end);
            let mut to = (span_end.min(offset + LONG_LINE) + AROUND).min(line_end);
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            let column = text[line_start..offset].chars().count();
            let line = text[..offset].matches('\n').count();
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                &text.as_bytes()[from..to],
                SourceSpan::new(from.into(), to - from),
                line,
                column,
                1,
            )));
        }
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
