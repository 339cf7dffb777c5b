//! Tokens of the normalised text: words, numbers and punctuation, each with
//! its normalised and original byte range. Date expressions and attribution
//! patterns are read over tokens, not characters.

use std::ops::Range;

use super::Normalized;
use super::words::{CharClass, arabic_letter_at, char_class_at};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters (Arabic or other scripts).
    Word,
    /// A run of ASCII digits (Arabic-Indic and Persian digits are ASCII in
    /// the normalised text), with its value when it fits in a `u32`.
    Number(Option<u32>),
    /// One punctuation or symbol character.
    Punct(char),
}

/// One token. A large article holds one every six bytes or so, so its
/// offsets are kept as `u32` (24 bytes a token rather than 40): a file of
/// 4 GiB or more is refused long before it reaches the tokeniser
/// (`--max-file-size` stops at 1 GiB).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    norm_start: u32,
    norm_end: u32,
    orig_start: u32,
    orig_end: u32,
}

/// An offset or index within one article as the `u32` that the per-word
/// structures keep (tokens, annotations, marker spans).
///
/// # Panics
///
/// When it does not fit: a text of 4 GiB or more, which `--max-file-size`
/// (at most 1 GiB) refuses first, and which the check of one article turns
/// into an internal error for that file.
pub(crate) fn narrow_offset(at: usize) -> u32 {
    u32::try_from(at).expect("factlint reads articles under 4 GiB (see --max-file-size)")
}

// The size a large article pays per token: kept by the compiler.
const _: () = assert!(std::mem::size_of::<Token>() == 24);

impl Token {
    /// A token over `norm` in the normalised text and `orig` in the
    /// original.
    ///
    /// # Panics
    ///
    /// When an offset does not fit in a `u32` (a text of 4 GiB or more),
    /// which the check of one article turns into an internal error for
    /// that file.
    pub fn new(kind: TokenKind, norm: Range<usize>, orig: Range<usize>) -> Token {
        Token {
            kind,
            norm_start: narrow_offset(norm.start),
            norm_end: narrow_offset(norm.end),
            orig_start: narrow_offset(orig.start),
            orig_end: narrow_offset(orig.end),
        }
    }

    /// Byte range in the normalised text.
    #[inline]
    pub fn norm(&self) -> Range<usize> {
        self.norm_start as usize..self.norm_end as usize
    }

    /// Byte range in the original text.
    #[inline]
    pub fn orig(&self) -> Range<usize> {
        self.orig_start as usize..self.orig_end as usize
    }

    /// Whether the token is punctuation or a symbol (not a word or number).
    #[inline]
    fn is_punct_kind(&self) -> bool {
        matches!(self.kind, TokenKind::Punct(_))
    }

    /// Whether the token is this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    /// The number's value, for number tokens.
    pub fn number(&self) -> Option<u32> {
        match self.kind {
            TokenKind::Number(value) => value,
            _ => None,
        }
    }

    /// Whether the token ends a sentence (`.`, `!`, `?`, `؟`, `…`).
    pub fn ends_sentence(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Punct('.' | '!' | '?' | '؟' | '…' | ';' | '؛')
        )
    }

    /// Whether the token separates clauses (`,`, `،`, `:`, dashes, brackets).
    pub fn is_separator(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Punct(',' | '،' | ':' | '-' | '–' | '—' | '(' | ')' | '[' | ']')
        )
    }
}

/// Splits a normalised text into tokens. Digits and letters glued together
/// (`2015م`, `1436ه`) become two tokens.
pub fn tokenize(normalized: &Normalized, original: &str) -> Vec<Token> {
    tokenize_in(normalized, original, 0..normalized.text.len())
}

/// The tokens of `window`, a range of the normalised text that starts and
/// ends between tokens (at a section boundary or whitespace), with offsets
/// in the whole text: a long article is checked one window at a time
/// ([`crate::checks::window::windows`]).
pub fn tokenize_in(normalized: &Normalized, original: &str, window: Range<usize>) -> Vec<Token> {
    let text = &normalized.text[..window.end];
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(window.len() / 5);
    let mut cursor = 0;
    let mut at = window.start;
    while at < text.len() {
        let (class, len) = char_class_at(text, at);
        let start = at;
        at += len;
        let kind = match class {
            CharClass::Digit => {
                while bytes.get(at).is_some_and(u8::is_ascii_digit) {
                    at += 1;
                }
                TokenKind::Number(text[start..at].parse().ok())
            }
            CharClass::Letter => {
                while at < text.len() {
                    // Arabic letters, most of an Arabic word, two bytes
                    // at a time.
                    while arabic_letter_at(bytes, at) {
                        at += 2;
                    }
                    if at >= text.len() {
                        break;
                    }
                    let (next, len) = char_class_at(text, at);
                    if next != CharClass::Letter {
                        break;
                    }
                    at += len;
                }
                TokenKind::Word
            }
            CharClass::Space => continue,
            CharClass::Other(c) => TokenKind::Punct(c),
        };
        // Tokens come in text order: the cursor walks the offset map once.
        let orig = normalized.original_range_from(original, start..at, &mut cursor);
        tokens.push(Token::new(kind, start..at, orig));
    }
    // The estimate above is generous (Arabic averages six bytes a token):
    // an article's tokens live through every check, so the slack goes.
    tokens.shrink_to_fit();
    tokens
}

/// A word as the literal matcher reads it: word and number tokens with
/// nothing between them (`2015م`, `F16`), the same runs of word characters
/// that [`super::words::word_spans`] finds in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatcherWord {
    /// The whole run, in the normalised text.
    pub range: Range<usize>,
    /// Where the letters glued after a leading number start (`م` of
    /// `2015م`): a word starts there too.
    pub after_number: Option<usize>,
    /// Whether the run holds a number token: only then does it hold an
    /// ASCII digit (`يوليو2015`).
    pub has_number: bool,
}

/// The matcher's words over `tokens`, in order: the tokeniser's pass over
/// the text serves the matcher too, which then does not scan for word
/// boundaries again.
pub fn matcher_words(tokens: &[Token]) -> impl Iterator<Item = MatcherWord> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while tokens.get(i)?.is_punct_kind() {
            i += 1;
        }
        let first = &tokens[i];
        let mut range = first.norm();
        let mut after_number = None;
        let mut has_number = matches!(first.kind, TokenKind::Number(_));
        i += 1;
        while let Some(next) = tokens.get(i) {
            if next.is_punct_kind() || next.norm_start as usize != range.end {
                break;
            }
            has_number |= matches!(next.kind, TokenKind::Number(_));
            if range.end == first.norm_end as usize && matches!(first.kind, TokenKind::Number(_)) {
                after_number = Some(range.end);
            }
            range.end = next.norm_end as usize;
            i += 1;
        }
        Some(MatcherWord {
            range,
            after_number,
            has_number,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matcher_words_are_the_word_spans() {
        // Letters outside the Arabic fast path (پ, ٮ, ۀ), digits glued on
        // either side, an underscore, a no-break space and a vertical tab.
        let original = "پاكستان ٮا ۀ 2015م، F16 a_b 12x3\u{a0}وال\u{b}end ؟ 'ok'";
        let normalized = Normalized::new(original);
        let text = normalized.text.as_str();
        let tokens = tokenize(&normalized, original);
        let words: Vec<&str> = matcher_words(&tokens).map(|w| &text[w.range]).collect();
        let spans: Vec<&str> = crate::text::words::word_spans(text)
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(words, spans);
        let glued: Vec<&str> = matcher_words(&tokens)
            .filter_map(|w| Some(&text[w.after_number?..w.range.end]))
            .collect();
        assert_eq!(glued, vec!["م", "x3"]);
        // Arabic-Indic digits are ASCII digits once normalised.
        let original = "يوليو2015 عام ٢٠١٥م F16 x";
        let normalized = Normalized::new(original);
        let text = normalized.text.as_str();
        let tokens = tokenize(&normalized, original);
        for word in matcher_words(&tokens) {
            let digits = text[word.range.clone()].bytes().any(|b| b.is_ascii_digit());
            assert_eq!(word.has_number, digits, "{}", &text[word.range]);
        }
    }

    #[test]
    fn numbers_split_from_glued_era_marks() {
        let original = "جدة ١٢ رمضان 1436هـ الموافق 29 يونيو 2015م، واس";
        let normalized = Normalized::new(original);
        let tokens = tokenize(&normalized, original);
        let shown: Vec<&str> = tokens.iter().map(|t| &original[t.orig()]).collect();
        assert_eq!(
            shown,
            vec![
                "جدة",
                "١٢",
                "رمضان",
                "1436",
                "هـ",
                "الموافق",
                "29",
                "يونيو",
                "2015",
                "م",
                "،",
                "واس"
            ]
        );
        assert_eq!(tokens[1].number(), Some(12));
        assert!(tokens[10].is_separator());
    }
}
