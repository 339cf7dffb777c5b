//! The normalised view that every matcher runs over, with a map back to the
//! original bytes.
//!
//! Editors type the same word many ways: with or without tashkeel and
//! tatweel, with `أ`, `إ`, `آ` or a bare `ا`, with `ى` or `ي`, with
//! Arabic-Indic, Persian or Western digits, with invisible bidi marks pasted
//! from a CMS, in upper or lower case. Rules are written once and must match
//! all of these, so both the article and every rule literal are normalised
//! the same way. Reports must still point into the original file, so each
//! normalised byte remembers the original character it came from.

use std::ops::Range;

/// A normalised copy of a text plus, for every normalised byte, the offset
/// of the original character it came from.
///
/// The map is stored sparsely: most characters keep their length (ASCII,
/// Arabic letters, hamza forms), so the distance between a normalised
/// character and its original stays the same for long stretches. Only the
/// normalised character starts where that distance changes are kept
/// (after a dropped mark, a digit that became ASCII); a byte inside a
/// character maps where its character starts. A per-byte map cost four
/// bytes for every byte of the article.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// (normalised offset, original offset) of each character start where
    /// `original - normalised` differs from the piece before; sorted.
    marks: Vec<(u32, u32)>,
    /// The original text's length: where the end of the normalised text
    /// maps.
    original_len: u32,
}

/// Builds the sparse map one normalised character start at a time.
#[derive(Debug, Default)]
struct Marks(Vec<(u32, u32)>);

impl Marks {
    /// Records that the normalised character starting at `norm` came from
    /// original offset `orig`, when the last piece does not already say so.
    #[inline]
    fn note(&mut self, norm: usize, orig: usize) {
        let (norm, orig) = (norm as u32, orig as u32);
        if let Some(&(n, o)) = self.0.last()
            && o.wrapping_add(norm - n) == orig
        {
            return;
        }
        self.0.push((norm, orig));
    }

    /// Records every character start of `text[from..]`, all from `orig`.
    fn note_all(&mut self, text: &str, from: usize, orig: usize) {
        for (i, _) in text[from..].char_indices() {
            self.note(from + i, orig);
        }
    }
}

/// What normalisation does with one original character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Keep the character as it is.
    Keep,
    /// Replace it with another character.
    Map(char),
    /// Lower-case it (Latin and other cased scripts).
    Lower,
    /// Drop a mark that belongs to the letter before it (tashkeel, tatweel):
    /// a span ending on that letter grows to cover the mark.
    DropMark,
    /// Drop an invisible formatting character (bidi marks, zero-width).
    DropInvisible,
}

/// How far normalisation goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Everything: letters that editors use interchangeably become one.
    Full,
    /// Only what is invisible or cosmetic (marks, tatweel, bidi, digits,
    /// case); letters keep their identity, so `مسئول` and `مسؤول` differ.
    Light,
}

fn action(c: char, level: Level) -> Action {
    if c.is_ascii() {
        return if c.is_ascii_uppercase() {
            Action::Map(c.to_ascii_lowercase())
        } else {
            Action::Keep
        };
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return arabic_action(c, level);
    }
    match c {
        // Bidi marks and embeddings, zero-width characters, BOM, soft hyphen.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => Action::DropInvisible,
        // Every kind of space is a plain space: `سلاح الجو` with a no-break
        // space is still `سلاح الجو`.
        c if c.is_whitespace() => Action::Map(' '),
        c if c.is_uppercase() => Action::Lower,
        _ => Action::Keep,
    }
}

/// Normalisation inside the Arabic block (U+0600–U+06FF).
const fn arabic_action(c: char, level: Level) -> Action {
    match c {
        // Tashkeel, Quranic annotation marks, superscript alef, and tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => {
            Action::DropMark
        }
        // The Arabic letter mark (a bidi control).
        '\u{061C}' => Action::DropInvisible,
        // Arabic-Indic and Persian (extended Arabic-Indic) digits.
        '\u{0660}'..='\u{0669}' => Action::Map((b'0' + (c as u32 - 0x0660) as u8) as char),
        '\u{06F0}'..='\u{06F9}' => Action::Map((b'0' + (c as u32 - 0x06F0) as u8) as char),
        _ if matches!(level, Level::Light) => Action::Keep,
        // Alef with hamza above or below, madda, wasla.
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => Action::Map('\u{0627}'),
        // Hamza on waw and on ya.
        '\u{0624}' => Action::Map('\u{0648}'),
        '\u{0626}' => Action::Map('\u{064A}'),
        // Alef maqsura, and the Persian ya and kaf used in some Arabic text.
        '\u{0649}' | '\u{06CC}' => Action::Map('\u{064A}'),
        '\u{06A9}' => Action::Map('\u{0643}'),
        _ => Action::Keep,
    }
}

/// [`arabic_action`] for every code point of the Arabic block, computed at
/// compile time: the hot loop looks actions up instead of matching.
const fn arabic_table(level: Level) -> [Action; 256] {
    let mut table = [Action::Keep; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = match char::from_u32(0x0600 + i as u32) {
            Some(c) => arabic_action(c, level),
            None => Action::Keep,
        };
        i += 1;
    }
    table
}

static ARABIC_FULL: [Action; 256] = arabic_table(Level::Full);
static ARABIC_LIGHT: [Action; 256] = arabic_table(Level::Light);

impl Normalized {
    /// Normalises `original` fully (the view every matcher runs over).
    pub fn new(original: &str) -> Self {
        Self::with_level(original, Level::Full)
    }

    /// Normalises `original` at the given level.
    pub fn with_level(original: &str, level: Level) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut marks = Marks::default();
        let bytes = original.as_bytes();
        let mut offset = 0;
        while offset < bytes.len() {
            // ASCII runs are copied in bulk: most of English text, and the
            // spaces, digits and punctuation of Arabic text.
            let run = bytes[offset..].iter().take_while(|b| b.is_ascii()).count();
            if run > 0 {
                let chunk = &original[offset..offset + run];
                text.push_str(chunk);
                let lowered = text.len() - run..text.len();
                text[lowered].make_ascii_lowercase();
                marks.note(text.len() - run, offset);
                offset += run;
                continue;
            }
            // Two-byte characters of the Arabic block (lead bytes D8–DB):
            // decoded by hand and looked up in a table.
            let lead = bytes[offset];
            if (0xD8..=0xDB).contains(&lead) && offset + 1 < bytes.len() {
                let table = match level {
                    Level::Full => &ARABIC_FULL,
                    Level::Light => &ARABIC_LIGHT,
                };
                let action_at = |at: usize| {
                    table[(((bytes[at] & 0x03) as usize) << 6) | (bytes[at + 1] & 0x3F) as usize]
                };
                // A run of letters kept as they are (most of a word) is
                // copied at once, with one mark.
                let mut end = offset;
                while end + 1 < bytes.len()
                    && (0xD8..=0xDB).contains(&bytes[end])
                    && action_at(end) == Action::Keep
                {
                    end += 2;
                }
                if end > offset {
                    marks.note(text.len(), offset);
                    text.push_str(&original[offset..end]);
                    offset = end;
                    continue;
                }
                // Otherwise mapped, or dropped (a mark, a bidi control).
                if let Action::Map(m) = action_at(offset) {
                    marks.note(text.len(), offset);
                    text.push(m);
                }
                offset += 2;
                continue;
            }
            let c = original[offset..]
                .chars()
                .next()
                .expect("offset is a char boundary");
            normalize_char(c, offset, level, &mut text, &mut marks);
            offset += c.len_utf8();
        }
        Normalized {
            text,
            marks: marks.0,
            original_len: original.len() as u32,
        }
    }

    /// Normalises `original` fully, then blanks out the `hidden` byte ranges
    /// (markup that is not text: each of its characters becomes spaces) and
    /// drops the `joined` ones (markup inside a word), so that matchers see
    /// the words a reader sees. Both lists are sorted and disjoint; the map
    /// back to the original still covers every kept byte.
    pub fn masked(original: &str, hidden: &[Range<usize>], joined: &[Range<usize>]) -> Self {
        let mut view = Self::new(original);
        if hidden.is_empty() && joined.is_empty() {
            return view;
        }
        // The kept text is copied into a new string a whole character or
        // run at a time, so it needs no UTF-8 validation afterwards (which
        // had cost as much as decoding an Arabic article).
        let source = std::mem::take(&mut view.text);
        let bytes = source.as_bytes();
        let mut text = String::with_capacity(source.len());
        let old = Normalized {
            text: String::new(),
            marks: std::mem::take(&mut view.marks),
            original_len: view.original_len,
        };
        let mut marks = Marks::default();
        let (mut h, mut j) = (0, 0);
        let mut read = 0;
        // The piece of the map `read` lies in: reads only move forward, so
        // the map is walked once rather than searched per character.
        let mut piece = 0;
        // `read` is always where a character starts.
        while read < bytes.len() {
            while old
                .marks
                .get(piece + 1)
                .is_some_and(|&(n, _)| n as usize <= read)
            {
                piece += 1;
            }
            let (n, o) = old.marks[piece];
            let from = o as usize + (read - n as usize);
            while h < hidden.len() && hidden[h].end <= from {
                h += 1;
            }
            while j < joined.len() && joined[j].end <= from {
                j += 1;
            }
            let width = char_width(bytes[read]);
            if joined.get(j).is_some_and(|r| r.start <= from) {
                read += width;
                continue;
            }
            if hidden.get(h).is_some_and(|r| r.start <= from) {
                // Every byte of a hidden character becomes a space.
                for _ in 0..width {
                    marks.note(text.len(), from);
                    text.push(' ');
                }
                read += width;
                continue;
            }
            // A run kept as it is: up to the next masked range or the next
            // piece of the map, inside which offsets move together (the
            // characters of the run need no mark of their own).
            let mut end = bytes.len();
            if let Some(&(next_piece, _)) = old.marks.get(piece + 1) {
                end = end.min(next_piece as usize);
            }
            let masked_next = [hidden.get(h), joined.get(j)]
                .into_iter()
                .flatten()
                .map(|r| r.start)
                .min();
            if let Some(next) = masked_next {
                end = end.min(read + (next - from));
            }
            // The last character of a piece may be longer or shorter than
            // its original: a run never ends inside one.
            while end > read && end < bytes.len() && is_continuation(bytes[end]) {
                end -= 1;
            }
            let end = end.max(read + width);
            marks.note(text.len(), from);
            text.push_str(&source[read..end]);
            read = end;
        }
        view.marks = marks.0;
        view.text = text;
        view
    }

    /// The byte range in `original` (the text this view was made from) that
    /// the normalised `range` came from. The result always lies on
    /// character boundaries of the original and covers every character
    /// that produced the range, including marks (tashkeel, tatweel) written
    /// on its last letter, but not invisible bidi marks after it.
    pub fn original_range(&self, original: &str, range: Range<usize>) -> Range<usize> {
        let start = self.original_offset(range.start);
        if range.end <= range.start {
            return start..start;
        }
        let last = self.original_offset(range.end - 1);
        self.close_range(original, start, last)
    }

    /// [`Normalized::original_range`] for ranges asked in text order, as
    /// the tokenizer asks them: `cursor` keeps the piece of the map the
    /// last one started in, so that a pass over the tokens walks the map
    /// once instead of searching it twice per token.
    pub fn original_range_from(
        &self,
        original: &str,
        range: Range<usize>,
        cursor: &mut usize,
    ) -> Range<usize> {
        // The two ends, as `original_offset` maps them, the piece found
        // from the cursor.
        let mut offset_of = |offset: usize| -> usize {
            let Some(start) = self.char_start(offset) else {
                return self.original_len as usize;
            };
            if self
                .marks
                .get(*cursor)
                .is_none_or(|&(n, _)| n as usize > start)
            {
                *cursor = self.piece_of(start);
            }
            while let Some(&(n, _)) = self.marks.get(*cursor + 1)
                && n as usize <= start
            {
                *cursor += 1;
            }
            self.offset_in_piece(*cursor, start)
        };
        let start = offset_of(range.start);
        if range.end <= range.start {
            return start..start;
        }
        let last = offset_of(range.end - 1);
        self.close_range(original, start, last)
    }

    /// The original range from `start` to the end of the character at
    /// `last`, with the marks that follow it (dropped from the normalised
    /// text, they belong to the word they sit on).
    fn close_range(&self, original: &str, start: usize, last: usize) -> Range<usize> {
        let bytes = original.as_bytes();
        let mut end = last + bytes.get(last).map_or(0, |&b| char_width(b));
        // An ASCII character (the space or punctuation after most words)
        // is never a mark: only other characters are decoded.
        while bytes.get(end).is_some_and(|b| !b.is_ascii()) {
            let c = original[end..]
                .chars()
                .next()
                .expect("a character starts here");
            if action(c, Level::Full) != Action::DropMark {
                break;
            }
            end += c.len_utf8();
        }
        start..end.max(start)
    }

    /// The original byte offset of normalised byte `offset`.
    pub fn original_offset(&self, offset: usize) -> usize {
        match self.char_start(offset) {
            Some(start) => self.offset_in_piece(self.piece_of(start), start),
            None => self.original_len as usize,
        }
    }

    /// Where the normalised character holding byte `offset` starts; `None`
    /// at the end of the text.
    fn char_start(&self, offset: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        if offset >= bytes.len() {
            assert!(
                offset == bytes.len(),
                "offset {offset} is past the normalised text"
            );
            return None;
        }
        let mut start = offset;
        while start > 0 && is_continuation(bytes[start]) {
            start -= 1;
        }
        Some(start)
    }

    /// The piece of the map that normalised byte `start` lies in.
    fn piece_of(&self, start: usize) -> usize {
        self.marks.partition_point(|&(n, _)| n as usize <= start) - 1
    }

    /// The original offset of the normalised character starting at
    /// `start`, which lies in piece `piece` of the map.
    fn offset_in_piece(&self, piece: usize, start: usize) -> usize {
        let (n, o) = self.marks[piece];
        o as usize + (start - n as usize)
    }

    /// The normalised byte offset of the first normalised byte that comes
    /// from original offset `original` or later.
    pub fn normalized_offset(&self, original: usize) -> usize {
        // The map is monotone: search the normalised offsets for the first
        // one whose original offset reaches `original`.
        let (mut low, mut high) = (0, self.text.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if self.original_offset(mid) < original {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }
}

/// How many bytes the UTF-8 character that starts with `byte` takes.
#[inline]
pub(crate) fn char_width(byte: u8) -> usize {
    match byte {
        0..0x80 => 1,
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// Appends what normalisation makes of `c`, read at original `offset`, and
/// maps each character it wrote back to that offset.
fn normalize_char(c: char, offset: usize, level: Level, text: &mut String, marks: &mut Marks) {
    let before = text.len();
    match action(c, level) {
        Action::Keep => text.push(c),
        Action::Map(m) => text.push(m),
        Action::Lower => text.extend(c.to_lowercase()),
        Action::DropMark | Action::DropInvisible => {}
    }
    marks.note_all(text, before, offset);
}

/// Whether `byte` continues a UTF-8 character rather than starting one.
#[inline]
fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// Normalises a rule literal exactly as article text is normalised, so that
/// the two meet in the matcher.
pub fn normalize_pattern(pattern: &str) -> String {
    let pattern = pattern.trim();
    // Most rule literals (English typo lists) are ASCII: lower-casing is
    // all their normalisation.
    if pattern.is_ascii()
        && !pattern
            .bytes()
            .any(|b| b.is_ascii_whitespace() && b != b' ')
    {
        return pattern.to_ascii_lowercase();
    }
    Normalized::new(pattern).text.trim().to_string()
}

/// The light form of a string (see [`Level::Light`]): what an exact typo
/// rule compares when full normalisation would erase the very difference it
/// is about.
pub fn light_form(text: &str) -> String {
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_whitespace() && b != b' ') {
        return text.to_ascii_lowercase();
    }
    Normalized::with_level(text, Level::Light).text
}

/// Whether `text`'s light form ([`light_form`]) is `form`, compared a
/// character at a time without building it: an exact typo rule asks this
/// at every place its words occur.
pub fn light_form_is(text: &str, form: &str) -> bool {
    let mut expected = form.chars();
    let all_match = text.chars().all(|c| match action(c, Level::Light) {
        Action::Keep => expected.next() == Some(c),
        Action::Map(m) => expected.next() == Some(m),
        Action::Lower => c.to_lowercase().all(|l| expected.next() == Some(l)),
        Action::DropMark | Action::DropInvisible => true,
    });
    all_match && expected.next().is_none()
}

/// Normalises the Arabic letters of a regex source without touching its
/// syntax: escapes such as `\D` or `\S` must keep their case, so Latin case
/// is left to the regex's case-insensitive flag.
pub fn normalize_regex_source(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for c in source.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        match action(c, Level::Full) {
            Action::Keep | Action::Lower => out.push(c),
            Action::Map(m) => out.push(m),
            Action::DropMark | Action::DropInvisible => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn arabic_variants_meet() {
        for (a, b) in [
            ("إسرائيل", "اسرائيل"),
            ("أفيف كوخافي", "افيف كوخافى"),
            ("وقّع", "وقع"),
            ("العـــلاقات", "العلاقات"),
            ("٢٠٢٣", "2023"),
            ("۲۰۲۳", "2023"),
            ("مسؤول", "مسوول"),
            ("سلاح\u{00A0}الجو", "سلاح الجو"),
            ("\u{200F}المغرب\u{200E}", "المغرب"),
            ("Kochavi", "KOCHAVI"),
        ] {
            assert_eq!(normalize_pattern(a), normalize_pattern(b), "{a} vs {b}");
        }
    }

    #[test]
    fn light_form_keeps_letters() {
        assert_ne!(light_form("مسئول"), light_form("مسؤول"));
        assert_eq!(light_form("وقّع"), light_form("وقع"));
        assert_eq!(light_form("The"), "the");
    }

    #[test]
    fn spans_map_back_over_marks() {
        let original = "وقّعَ الاتفاق";
        let n = Normalized::new(original);
        let start = n.text.find("وقع").unwrap();
        let range = n.original_range(original, start..start + "وقع".len());
        assert_eq!(&original[range], "وقّعَ");
    }

    #[test]
    fn invisible_marks_are_not_swallowed_at_the_end() {
        let original = "المغرب\u{200F} اليوم";
        let n = Normalized::new(original);
        let range = n.original_range(original, 0.."المغرب".len());
        assert_eq!(&original[range], "المغرب");
    }

    #[test]
    fn regex_sources_keep_escape_case() {
        assert_eq!(normalize_regex_source(r"إسرائيل\s+\D"), r"اسراييل\s+\D");
    }

    proptest! {
        /// Every span mapped back lies on character boundaries of the
        /// original and covers the characters that produced it.
        #[test]
        fn mapped_spans_lie_on_char_boundaries(
            original in "[ a-zA-Zء-يًٌٍَُِّْـ٠-٩۰-۹\u{200E}\u{200F}\u{061C}أإآى,.]{0,40}",
            a in 0usize..200, b in 0usize..200,
        ) {
            let n = Normalized::new(&original);
            let len = n.text.len();
            let (mut s, mut e) = (a.min(len), b.min(len));
            if s > e { std::mem::swap(&mut s, &mut e); }
            while !n.text.is_char_boundary(s) { s -= 1; }
            while !n.text.is_char_boundary(e) { e += 1; }
            let range = n.original_range(&original, s..e);
            prop_assert!(original.is_char_boundary(range.start));
            prop_assert!(original.is_char_boundary(range.end));
            prop_assert!(range.start <= range.end && range.end <= original.len());
            // Normalising the mapped original again yields the matched words.
            let again = Normalized::new(&original[range]).text;
            prop_assert_eq!(again, n.text[s..e].to_string());
        }

        /// Normalising copies runs of ASCII and of Arabic letters at once; it
        /// must give the text and the map that one character at a time gives.
        #[test]
        fn runs_normalise_as_single_characters(
            original in "[ a-zA-Z0-9ء-يًٌٍَُِّْـٰ٠-٩۰-۹ٱ\u{061C}\u{200F}أإآىةéİẞ€🙂،.]{0,120}",
            light in any::<bool>(),
        ) {
            let level = if light { Level::Light } else { Level::Full };
            let mut text = String::new();
            let mut marks = Marks::default();
            for (offset, c) in original.char_indices() {
                normalize_char(c, offset, level, &mut text, &mut marks);
            }
            let fast = Normalized::with_level(&original, level);
            prop_assert_eq!(&fast.text, &text);
            prop_assert_eq!(&fast.marks, &marks.0);
        }

        /// Mapping ranges back with a cursor gives what searching the map
        /// gives, for ranges in text order (as the tokenizer asks) and for a
        /// range behind the cursor.
        #[test]
        fn cursor_maps_ranges_as_searching_does(
            original in "[ a-zA-Zء-يًٌٍَُِّْـٰأإآىİẞ\u{200F}،.]{0,60}",
            cuts in proptest::collection::vec(0usize..200, 0..12),
        ) {
            let n = Normalized::new(&original);
            let len = n.text.len();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| {
                let mut c = c.min(len);
                while !n.text.is_char_boundary(c) { c -= 1; }
                c
            }).collect();
            cuts.sort_unstable();
            let mut cursor = 0;
            for pair in cuts.windows(2) {
                let range = pair[0]..pair[1];
                prop_assert_eq!(
                    n.original_range_from(&original, range.clone(), &mut cursor),
                    n.original_range(&original, range)
                );
            }
            if let Some(&first) = cuts.first() {
                prop_assert_eq!(
                    n.original_range_from(&original, first..len, &mut cursor),
                    n.original_range(&original, first..len)
                );
            }
        }

        /// Comparing light forms in place answers as building one does:
        /// against the text's own light form, a prefix of it, and another
        /// text's.
        #[test]
        fn light_form_is_compares_light_forms(
            text in "[ a-zA-Z0-9ء-يًٌٍَُِّْـٰأإآىةİẞ\u{200F}]{0,30}",
            other in "[ a-zA-Zء-يًٌَُأإآىة]{0,30}",
            cut in 0usize..40,
        ) {
            let form = light_form(&text);
            prop_assert!(light_form_is(&text, &form));
            let mut prefix = cut.min(form.len());
            while !form.is_char_boundary(prefix) { prefix -= 1; }
            prop_assert_eq!(light_form_is(&text, &form[..prefix]), prefix == form.len());
            prop_assert_eq!(light_form_is(&text, &other), form == other);
            prop_assert_eq!(light_form_is(&text, &light_form(&other)), form == light_form(&other));
        }

        /// Masking copies runs of characters at once; it must give what
        /// masking one byte at a time gives, with characters whose
        /// normalised form is longer (`Ⱥ`, `İ`) or shorter (`ẞ`) than the
        /// original, dropped marks, and ranges anywhere.
        #[test]
        fn masking_by_runs_is_masking_by_bytes(
            chars in proptest::collection::vec(
                ("[ a-zA-Zء-يًٌٍَُِّْـ\u{200E}\u{200F}İẞȺأإآى,.]", 0u8..5),
                0..40,
            ),
        ) {
            let mut original = String::new();
            let (mut hidden, mut joined): (Vec<Range<usize>>, Vec<Range<usize>>) = (vec![], vec![]);
            for (c, label) in &chars {
                let start = original.len();
                original.push_str(c);
                // Labels 0–2 keep the character; 3 hides it, 4 joins it.
                let list = match label {
                    3 => &mut hidden,
                    4 => &mut joined,
                    _ => continue,
                };
                match list.last_mut() {
                    Some(last) if last.end == start => last.end = original.len(),
                    _ => list.push(start..original.len()),
                }
            }
            let runs = Normalized::masked(&original, &hidden, &joined);
            let bytes = masked_by_bytes(&original, &hidden, &joined);
            prop_assert_eq!(&runs.text, &bytes.text);
            prop_assert_eq!(&runs.marks, &bytes.marks);
        }
    }

    /// Masking one byte at a time, each mapped back on its own: the
    /// definition [`Normalized::masked`] computes by runs.
    fn masked_by_bytes(
        original: &str,
        hidden: &[Range<usize>],
        joined: &[Range<usize>],
    ) -> Normalized {
        let old = Normalized::new(original);
        let mut marks = Marks::default();
        let mut out = Vec::new();
        let mut from = 0;
        for (read, &byte) in old.text.as_bytes().iter().enumerate() {
            if !is_continuation(byte) {
                from = old.original_offset(read);
            }
            if joined.iter().any(|r| r.contains(&from)) {
                continue;
            }
            let byte = if hidden.iter().any(|r| r.contains(&from)) {
                b' '
            } else {
                byte
            };
            if !is_continuation(byte) {
                marks.note(out.len(), from);
            }
            out.push(byte);
        }
        Normalized {
            text: String::from_utf8(out).expect("whole characters"),
            marks: marks.0,
            original_len: old.original_len,
        }
    }
}
