//! Byte offsets to editor positions and back: a 0-based line and a column
//! counted in the code units an editor negotiated (the Language Server
//! Protocol's `positionEncoding`).
//!
//! Spans inside factlint are byte ranges; editors count columns in UTF-16
//! code units by default, or in bytes (UTF-8) or characters (UTF-32). For
//! Arabic these three differ (a letter is two bytes, one UTF-16 unit and
//! one character; an emoji is four bytes, two units and one character), so
//! a wrong count puts the squiggle under other words.

use super::LineIndex;

/// The unit an editor counts columns in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units: the protocol's default, and what most editors use.
    #[default]
    Utf16,
    /// Unicode scalar values (characters).
    Utf32,
}

impl PositionEncoding {
    /// The protocol's name (`utf-8`, `utf-16`, `utf-32`).
    pub fn as_str(self) -> &'static str {
        match self {
            PositionEncoding::Utf8 => "utf-8",
            PositionEncoding::Utf16 => "utf-16",
            PositionEncoding::Utf32 => "utf-32",
        }
    }

    /// Parses the protocol's name.
    pub fn parse(name: &str) -> Option<PositionEncoding> {
        match name {
            "utf-8" => Some(PositionEncoding::Utf8),
            "utf-16" => Some(PositionEncoding::Utf16),
            "utf-32" => Some(PositionEncoding::Utf32),
            _ => None,
        }
    }

    /// How many units `text` is in this encoding.
    pub fn len(self, text: &str) -> usize {
        match self {
            PositionEncoding::Utf8 => text.len(),
            PositionEncoding::Utf16 => text.chars().map(char::len_utf16).sum(),
            PositionEncoding::Utf32 => text.chars().count(),
        }
    }
}

/// A position as an editor sees it: 0-based line, 0-based column in the
/// negotiated units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 0-based line.
    pub line: usize,
    /// 0-based column, in the encoding's units.
    pub column: usize,
}

/// The editor position of byte `offset` of `text` (clamped to the text,
/// and moved back to a character boundary).
pub fn position(
    text: &str,
    index: &LineIndex,
    offset: usize,
    encoding: PositionEncoding,
) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = index.line_of(offset);
    let start = index.line_range(text, line).start;
    Position {
        line: line - 1,
        column: encoding.len(&text[start..offset]),
    }
}

/// The byte offset of an editor position. A line past the end gives the
/// end of the text; a column past the end of its line gives the end of the
/// line; a column inside a character (half a surrogate pair) gives the
/// start of that character.
pub fn offset(text: &str, index: &LineIndex, at: Position, encoding: PositionEncoding) -> usize {
    let lines = index.line_count(text).max(1);
    if at.line >= lines {
        // The line after a final newline is empty and starts at the end.
        return text.len();
    }
    let range = index.line_range(text, at.line + 1);
    let line = &text[range.clone()];
    let mut units = 0;
    for (i, c) in line.char_indices() {
        let width = match encoding {
            PositionEncoding::Utf8 => c.len_utf8(),
            PositionEncoding::Utf16 => c.len_utf16(),
            PositionEncoding::Utf32 => 1,
        };
        if units + width > at.column {
            return range.start + i;
        }
        units += width;
    }
    range.end
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "عنوان\r\nزار الملك 😀 المغرب\nend";

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).expect("needle in text")
    }

    #[test]
    fn arabic_columns_differ_by_encoding() {
        let index = LineIndex::new(TEXT);
        let start = at(TEXT, "المغرب");
        let p = |e| position(TEXT, &index, start, e);
        // «زار الملك 😀 » is 8 letters, 3 spaces and one emoji.
        assert_eq!(
            p(PositionEncoding::Utf32),
            Position {
                line: 1,
                column: 12
            }
        );
        assert_eq!(
            p(PositionEncoding::Utf16),
            Position {
                line: 1,
                column: 13
            }
        );
        assert_eq!(
            p(PositionEncoding::Utf8),
            Position {
                line: 1,
                column: 8 * 2 + 3 + 4
            }
        );
    }

    #[test]
    fn positions_round_trip() {
        let index = LineIndex::new(TEXT);
        for encoding in [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ] {
            for (i, _) in TEXT
                .char_indices()
                .filter(|(i, _)| TEXT.as_bytes()[*i] != b'\n')
            {
                if TEXT[..i].ends_with('\r') {
                    continue;
                }
                let p = position(TEXT, &index, i, encoding);
                assert_eq!(offset(TEXT, &index, p, encoding), i, "{encoding:?} at {i}");
            }
        }
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let index = LineIndex::new(TEXT);
        let line_end = at(TEXT, "\r\n");
        let far = Position {
            line: 0,
            column: 99,
        };
        assert_eq!(offset(TEXT, &index, far, PositionEncoding::Utf16), line_end);
        let below = Position { line: 9, column: 0 };
        assert_eq!(
            offset(TEXT, &index, below, PositionEncoding::Utf16),
            TEXT.len()
        );
        // Inside the emoji's surrogate pair: the emoji's start.
        let emoji = at(TEXT, "😀");
        let inside = Position {
            line: 1,
            column: 11,
        };
        assert_eq!(offset(TEXT, &index, inside, PositionEncoding::Utf16), emoji);
        // A byte offset inside a letter moves back to its start.
        let letter = at(TEXT, "المغرب");
        assert_eq!(
            position(TEXT, &index, letter + 1, PositionEncoding::Utf32),
            position(TEXT, &index, letter, PositionEncoding::Utf32)
        );
    }
}
