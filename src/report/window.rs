//! The lines a finding needs, each cut to the report's width around the
//! words it points at, as rustc does for long lines: a paragraph is one
//! line in most articles, and printing it whole wraps it over the screen
//! (and, on a one-line minified page, prints the whole page per finding).
//!
//! The window keeps the file's line numbers and character columns: miette
//! reads it as a [`SourceCode`] whose lines are those of the file, and
//! whose columns count characters from the real start of each line.

use std::ops::Range;

use miette::{SourceCode, SourceSpan, SpanContents};
use unicode_width::UnicodeWidthChar;

use crate::diagnostic::at_position;
use crate::text::LineIndex;

/// Marks text cut from a line.
const CUT: &str = "…";

/// The columns a tab takes at most: miette expands a tab to the next
/// multiple of this, and the report's handler is given the same.
pub const TAB_WIDTH: usize = 4;

/// The terminal columns `c` takes in the report: a tab as many as it can
/// (a line of tabs is as wide as miette lays it out), other control
/// characters none.
fn cell_width(c: char) -> usize {
    if c == '\t' {
        TAB_WIDTH
    } else {
        c.width().unwrap_or(0)
    }
}

/// One line of the window.
#[derive(Debug, Clone)]
struct ShownLine {
    /// Where its kept text starts in the window (after any `…`).
    at: usize,
    /// The byte range of the file's line that is kept.
    kept: Range<usize>,
    /// The character column (0-based) of `kept.start` in the file's line.
    column: usize,
}

/// A window on a file for one finding.
#[derive(Debug, Clone)]
pub struct Window {
    name: String,
    text: String,
    /// The 1-based file line of the window's first line.
    first_line: usize,
    lines: Vec<ShownLine>,
}

impl Window {
    /// The lines of `text` that `spans` touch, one line of context around
    /// them, and the lines between, each at most `width` columns: lines
    /// with spans are cut around their spans, the others after `width`.
    pub fn new(
        name: &str,
        text: &str,
        index: &LineIndex,
        spans: &[Range<usize>],
        width: usize,
    ) -> Window {
        let width = width.max(20);
        let line_of = |offset: usize| index.line_of(offset.min(text.len()));
        let first = spans
            .iter()
            .map(|s| line_of(s.start))
            .min()
            .unwrap_or(1)
            .saturating_sub(1)
            .max(1);
        let last_line = index.line_count(text).max(1);
        let last = (spans.iter().map(|s| line_of(s.end)).max().unwrap_or(1) + 1).min(last_line);
        let mut window = Window {
            name: name.to_string(),
            text: String::new(),
            first_line: first,
            lines: Vec::new(),
        };
        for line in first..=last.max(first) {
            let range = index.line_range(text, line);
            let on_line: Vec<Range<usize>> = spans
                .iter()
                .filter(|s| s.start <= range.end && s.end >= range.start)
                .map(|s| s.start.max(range.start)..s.end.min(range.end))
                .collect();
            let kept = keep(text, range.clone(), &on_line, width);
            let column = text[range.start..kept.start].chars().count();
            if line > first {
                window.text.push('\n');
            }
            if kept.start > range.start {
                window.text.push_str(CUT);
            }
            window.lines.push(ShownLine {
                at: window.text.len(),
                kept: kept.clone(),
                column,
            });
            window.text.push_str(&text[kept.clone()]);
            if kept.end < range.end {
                window.text.push_str(CUT);
            }
        }
        // A terminated last line, so that an empty context line still shows.
        if last < last_line {
            window.text.push('\n');
        }
        window
    }

    /// Where byte `offset` of the file is in the window (the nearest kept
    /// byte when it was cut).
    pub fn map(&self, offset: usize) -> usize {
        let i = self
            .lines
            .partition_point(|l| l.kept.start <= offset)
            .saturating_sub(1);
        let Some(line) = self.lines.get(i) else {
            return 0;
        };
        let inside = offset.clamp(line.kept.start, line.kept.end) - line.kept.start;
        line.at + inside
    }

    /// A span of the file as a span of the window.
    pub fn span(&self, range: &Range<usize>) -> SourceSpan {
        let start = self.map(range.start);
        let end = self.map(range.end).max(start);
        SourceSpan::new(start.into(), end - start)
    }

    /// The window's text (for tests).
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// The part of line `range` to show: all of it when it fits in `width`
/// terminal columns, else `width` columns around the spans on it (or from
/// its start when it has none). Spans that do not fit together (a label a
/// hundred thousand characters along a one-line article) give way to the
/// first of them, the finding's own span when it is on the line, and a
/// span wider than the room is shown from its start: the other spans are
/// then shown at the cut. Works on at most a few `width`s of bytes, so a
/// megabyte line costs no more than a short one.
fn keep(text: &str, range: Range<usize>, spans: &[Range<usize>], width: usize) -> Range<usize> {
    let line = &text[range.clone()];
    if fits(line, width) {
        return range;
    }
    let (mut lo, mut hi) = match (
        spans.iter().map(|s| s.start).min(),
        spans.iter().map(|s| s.end).max(),
    ) {
        (Some(lo), Some(hi)) => (lo, hi),
        _ => (range.start, range.start),
    };
    let span_room = width.saturating_sub(2);
    if columns_end(text, lo..hi, span_room) < hi {
        if let Some(first) = spans.first() {
            (lo, hi) = (first.start, first.end);
        }
        hi = columns_end(text, lo..hi, span_room);
    }
    // Columns per character, never fewer: terminals differ on whether a
    // lam-alef pair takes one cell or two.
    let span_width: usize = text[lo..hi].chars().map(cell_width).sum();
    let room = width.saturating_sub(span_width + 2);
    // Columns before the spans, then after, within the room left.
    let mut before = lo;
    let mut used = 0;
    for (i, c) in text[range.start..lo].char_indices().rev() {
        let w = cell_width(c);
        if used + w > room / 2 {
            break;
        }
        used += w;
        before = range.start + i;
    }
    let after_room = room - used;
    let mut after = hi;
    let mut used = 0;
    for (i, c) in text[hi..range.end].char_indices() {
        let w = cell_width(c);
        if used + w > after_room {
            break;
        }
        used += w;
        after = hi + i + c.len_utf8();
    }
    before..after
}

/// The end of the longest start of `text[range]` that takes at most
/// `width` terminal columns (all of the range when it fits), looking at no
/// more of it than that.
fn columns_end(text: &str, range: Range<usize>, width: usize) -> usize {
    let mut used = 0;
    for (i, c) in text[range.clone()].char_indices() {
        used += cell_width(c);
        if used > width {
            return range.start + i;
        }
    }
    range.end
}

/// Whether `line` takes at most `width` terminal columns, looking at no
/// more of it than that.
fn fits(line: &str, width: usize) -> bool {
    // No character but a tab takes more columns than bytes.
    if line.len() <= width && !line.as_bytes().contains(&b'\t') {
        return true;
    }
    let mut used = 0;
    for c in line.chars() {
        used += cell_width(c);
        if used > width {
            return false;
        }
    }
    true
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let inner =
            self.text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        let offset = span.offset().min(self.text.len());
        let context_start = inner.span().offset().min(self.text.len());
        let line = self.first_line - 1 + self.text[..context_start].matches('\n').count();
        // The header's column: characters from the file line's real start.
        let i = self
            .lines
            .partition_point(|l| l.at <= offset)
            .saturating_sub(1);
        let column = self.lines.get(i).map_or(0, |shown| {
            let from = shown.at.min(offset);
            shown.column + self.text[from..offset].chars().count()
        });
        Ok(at_position(&self.name, inner, line, column))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_kept_whole() {
        let text = "one\ntwo words here\nthree\n";
        let index = LineIndex::new(text);
        let at = text.find("words").unwrap();
        let window = Window::new("t", text, &index, std::slice::from_ref(&(at..at + 5)), 80);
        assert_eq!(window.text(), "one\ntwo words here\nthree");
        let first = Window::new("t", text, &index, std::slice::from_ref(&(0..3)), 80);
        assert_eq!(first.text(), "one\ntwo words here\n");
        assert_eq!(&window.text()[window.map(at)..window.map(at + 5)], "words");
    }

    #[test]
    fn spans_far_apart_on_one_line_give_way_to_the_first() {
        let text = format!(
            "{}سلاح الجوي {}سلاح الجو {}\n",
            "كلمة ".repeat(100),
            "نص ".repeat(40_000),
            "ذيل ".repeat(100)
        );
        let index = LineIndex::new(&text);
        let at = text.find("سلاح الجوي").unwrap();
        let finding = at..at + "سلاح الجوي".len();
        let usual = text.rfind("سلاح الجو ").unwrap();
        let label = usual..usual + "سلاح الجو".len();
        for spans in [
            [finding.clone(), label.clone()],
            [label.clone(), finding.clone()],
        ] {
            let window = Window::new("t", &text, &index, &spans, 60);
            let shown = window.text().trim_end();
            assert!(shown.chars().count() <= 64, "{shown}");
            let first = window.span(&spans[0]);
            let start = first.offset();
            assert_eq!(
                &window.text()[start..start + first.len()],
                &text[spans[0].clone()]
            );
            // The other span is at the cut, within the window.
            assert!(window.span(&spans[1]).offset() <= window.text().len());
        }
        // A span wider than the room is shown from its start.
        let long = finding.start..label.end;
        let window = Window::new("t", &text, &index, std::slice::from_ref(&long), 60);
        assert!(window.text().chars().count() <= 64);
        assert_eq!(window.span(&long).offset(), "…".len());
    }

    #[test]
    fn tabs_count_as_the_columns_miette_gives_them() {
        // Indented with tabs: each takes up to four columns when laid out,
        // so 500 of them leave the span far outside 60 columns unless cut.
        let text = format!("{}recieve it\n", "\t".repeat(500));
        let index = LineIndex::new(&text);
        let at = text.find("recieve").unwrap();
        let span = at..at + "recieve".len();
        let window = Window::new("t", &text, &index, std::slice::from_ref(&span), 60);
        let shown = window.text().trim_end();
        let columns: usize = shown.chars().map(cell_width).sum();
        assert!(columns <= 62, "{columns} columns: {shown:?}");
        let mapped = window.span(&span);
        assert_eq!(
            &window.text()[mapped.offset()..mapped.offset() + mapped.len()],
            "recieve"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let long = "كلمة ".repeat(2000) + "سلاح الجوي " + &"نص ".repeat(2000);
        let text = format!("عنوان\n{long}\nذيل\n");
        let index = LineIndex::new(&text);
        let at = text.find("سلاح الجوي").unwrap();
        let span = at..at + "سلاح الجوي".len();
        let window = Window::new("t", &text, &index, std::slice::from_ref(&span), 60);
        let shown: Vec<&str> = window.text().lines().collect();
        assert_eq!(shown.len(), 3);
        assert!(
            shown[1].starts_with('…') && shown[1].ends_with('…'),
            "{}",
            shown[1]
        );
        assert!(
            shown[1].chars().count() <= 62,
            "{}",
            shown[1].chars().count()
        );
        let mapped = window.span(&span);
        let start = mapped.offset();
        assert_eq!(&window.text()[start..start + mapped.len()], "سلاح الجوي");
        // The header still names the file's line and character column.
        let contents = window.read_span(&mapped, 0, 0).unwrap();
        assert_eq!(contents.line() + 1, 2);
        assert_eq!(contents.column(), "كلمة ".repeat(2000).chars().count());
    }
}
