//! Byte offsets to 1-based lines and character columns.
//!
//! Spans inside factlint are byte ranges of the original file; people and the
//! JSON contract count lines from 1 and columns in Unicode scalar values.

/// Where each line of a text starts, so that offsets convert in `O(log n)`.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// How many characters precede each block of [`BLOCK`] bytes, so that a
    /// column is counted over at most one block and not over its whole line:
    /// a CMS export may hold a 30 KB paragraph on one line, and a long
    /// article's report asks for two columns per finding.
    chars_before_block: Vec<u32>,
}

/// The bytes of text between two character-count checkpoints.
const BLOCK: usize = 256;

/// Characters among `bytes` (each starts with a byte that is not a UTF-8
/// continuation byte; the count is additive over any split of the bytes).
/// Eight bytes at a time: a continuation byte (`10xxxxxx`) is one whose top
/// bit is set and whose next bit is not.
fn count_chars(bytes: &[u8]) -> usize {
    const TOP_BITS: u64 = 0x8080_8080_8080_8080;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let continuations: u32 = chunks
        .map(|chunk| {
            let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
            (word & !(word << 1) & TOP_BITS).count_ones()
        })
        .sum();
    bytes.len() - continuations as usize - tail.iter().filter(|&&b| b & 0xC0 == 0x80).count()
}

impl LineIndex {
    /// Indexes the line starts of `text` (lines end at `\n`, `\r\n` or a
    /// lone `\r`).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        let mut chars_before_block = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut chars = 0;
        chars_before_block.push(0);
        for block in text.as_bytes().chunks(BLOCK) {
            chars += count_chars(block) as u32;
            chars_before_block.push(chars);
        }
        LineIndex {
            starts,
            chars_before_block,
        }
    }

    /// Characters in `text[..offset]`, for a character boundary `offset`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.chars_before_block[block] as usize
            + count_chars(&text.as_bytes()[block * BLOCK..offset])
    }

    /// The 1-based line and 1-based character column of byte `offset`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line - 1];
        let column = if text.is_char_boundary(offset) {
            self.chars_before(text, offset) - self.chars_before(text, start)
        } else {
            offset - start
        };
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
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
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

    proptest::proptest! {
        /// Checkpointed columns count what a scan from the line start counts,
        /// across block edges and long lines of mixed scripts.
        #[test]
        fn checkpointed_columns_count_characters(
            pieces in proptest::collection::vec("(قال|a|\n|\r|\r\n| |é|🙂|[ء-ي]{1,40}){1,300}", 1..8),
        ) {
            let text = pieces.concat();
            let index = LineIndex::new(&text);
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let (line, column) = index.position(&text, offset);
                let start = index.starts[line - 1];
                proptest::prop_assert_eq!(column, text[start..offset].chars().count() + 1);
            }
        }
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
