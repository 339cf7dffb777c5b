//! Byte offsets to 1-based lines and character columns.
//!
//! Spans inside factlint are byte ranges of the original file; people and the
//! JSON contract count lines from 1 and columns in Unicode scalar values.

/// Where each line of a text starts, so that offsets convert in `O(log n)`.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text` (lines end at `\n`, `\r\n` or a
    /// lone `\r`).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line and 1-based character column of byte `offset`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line - 1];
        let column = text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        (line, column + 1)
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The byte range of 1-based line `line`, without its line terminator.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line - 1];
        let mut end = self.starts.get(line).map_or(text.len(), |&s| s - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// How many lines the text has (a trailing newline does not open a line).
    pub fn line_count(&self, text: &str) -> usize {
        if text.ends_with('\n') {
            self.starts.len() - 1
        } else {
            self.starts.len()
        }
    }
}

/// Offsets of line terminators: `\n`, and a lone `\r` (old Mac files,
/// some CMS exports) so that such a file is not one long line.
fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter_map(|(i, &b)| {
        let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        (b == b'\n' || lone_cr).then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = "one\rtwo\r\nthree\nfour";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, text.find("two").unwrap()), (2, 1));
        assert_eq!(index.position(text, text.find("three").unwrap()), (3, 1));
        assert_eq!(index.position(text, text.find("four").unwrap()), (4, 1));
        assert_eq!(&text[index.line_range(text, 1)], "one");
        assert_eq!(&text[index.line_range(text, 2)], "two");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "سطر\nقال بار: نعم";
        let index = LineIndex::new(text);
        let offset = text.find("بار").unwrap();
        assert_eq!(index.position(text, offset), (2, 5));
        assert_eq!(index.position(text, 0), (1, 1));
    }

    #[test]
    fn line_ranges_drop_terminators() {
        let text = "one\r\ntwo\nthree";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_range(text, 1)], "one");
        assert_eq!(&text[index.line_range(text, 2)], "two");
        assert_eq!(&text[index.line_range(text, 3)], "three");
        assert_eq!(index.line_count(text), 3);
    }
}
