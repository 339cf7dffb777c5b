//! Word boundaries and Arabic clitics.
//!
//! A literal found inside the normalised text is a mention only if it is a
//! whole word, or a whole word once Arabic proclitics are taken off:
//! `والمغرب`, `بنظيره` and `للمغرب` mention `المغرب` and `نظيره`;
//! `المغربية` mentions `مغربية`. Boundaries are checked here, in code, after
//! a hit, instead of with the regex crate's Unicode `\b`, which leaves the
//! fast path on non-ASCII text.

/// Whether `c` is part of a word: a letter, digit or combining mark.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    if ('\u{0620}'..='\u{065F}').contains(&c) {
        // Arabic letters, tatweel and tashkeel.
        return true;
    }
    // The punctuation of real copy, nearly every other character that is
    // not ASCII: the Unicode tables below take hundreds of instructions to
    // answer for each (the test `common_punctuation_is_not_a_word_char`
    // checks the list against them).
    if COMMON_PUNCTUATION.contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

/// The Arabic comma, semicolon and question mark, guillemets, the
/// no-break space, dashes and curly quotes: most of the characters of
/// Arabic and English copy that are neither ASCII nor Arabic letters.
const COMMON_PUNCTUATION: [char; 12] = [
    '\u{060C}', '\u{061B}', '\u{061F}', '«', '»', '\u{00A0}', '–', '—', '‘', '’', '“', '”',
];

/// Whether `c` is an Arabic letter (used to decide if clitics apply).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// Whether the bytes at `i` are a character of U+0620..U+065F (Arabic
/// letters, tatweel and tashkeel): lead byte D8 with A0..BF, or D9 with
/// 80..9F.
#[inline]
pub fn arabic_letter_at(bytes: &[u8], i: usize) -> bool {
    match (bytes.get(i), bytes.get(i + 1)) {
        (Some(0xD8), Some(&second)) => second >= 0xA0,
        (Some(0xD9), Some(&second)) => second <= 0x9F,
        _ => false,
    }
}

/// The class of each ASCII byte, worked out at compile time: the
/// tokeniser asks for every character of every article.
static ASCII_CLASSES: [CharClass; 128] = {
    let mut classes = [CharClass::Space; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        classes[b] = if c.is_ascii_digit() {
            CharClass::Digit
        } else if c.is_ascii_alphabetic() || c == b'_' {
            CharClass::Letter
        // `char::is_whitespace` counts the vertical tab, which
        // `u8::is_ascii_whitespace` leaves out.
        } else if c.is_ascii_whitespace() || c == 0x0B {
            CharClass::Space
        } else {
            CharClass::Other(c as char)
        };
        b += 1;
    }
    classes
};

/// What the character at a byte offset of a normalised text is, for the
/// word scanner and the tokeniser, which must agree on every character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// An ASCII digit: part of a word for the matcher, a number token for
    /// the tokeniser.
    Digit,
    /// Any other word character ([`is_word_char`]).
    Letter,
    /// White space: between tokens.
    Space,
    /// Punctuation or a symbol: a token of its own.
    Other(char),
}

/// The class of the character starting at byte `i` of `text`, and its
/// length in bytes. ASCII and the Arabic letters are classified from their
/// bytes, without decoding a `char`: the scanners call this for every
/// character of every article.
///
/// # Panics
///
/// When `i` is not a character boundary of `text`.
#[inline]
pub fn char_class_at(text: &str, i: usize) -> (CharClass, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b.is_ascii() {
        return (ASCII_CLASSES[usize::from(b)], 1);
    }
    if arabic_letter_at(bytes, i) {
        return (CharClass::Letter, 2);
    }
    let c = text[i..].chars().next().expect("char boundary");
    let class = if is_word_char(c) {
        CharClass::Letter
    } else if c.is_whitespace() {
        CharClass::Space
    } else {
        CharClass::Other(c)
    };
    (class, c.len_utf8())
}

/// The byte spans of the words of a normalised text, in order: the runs of
/// word characters ([`is_word_char`]), digits included.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    let in_word = move |i: usize| -> (bool, usize) {
        let (class, len) = char_class_at(text, i);
        (matches!(class, CharClass::Digit | CharClass::Letter), len)
    };
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let (word, len) = in_word(at);
            if word {
                break;
            }
            at += len;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let (word, len) = in_word(at);
            if !word {
                break;
            }
            at += len;
        }
        Some((start, at))
    })
}

/// Byte offsets inside an Arabic word at which a chain of proclitics
/// (`و`, `ف`, `ب`, `ك`, `ل`, `ال`, `لل` and their combinations) ends, so
/// that a mention may start there: `والمغرب` yields the offsets after `و`
/// and after `وال`. The chain must leave at least one letter.
pub fn proclitic_ends(word: &str) -> impl Iterator<Item = usize> + '_ {
    // Arabic letters are two bytes in UTF-8; a chain is at most four
    // letters. After a preposition or the article it leaves at least three
    // (`وكان` is not `و` + `ك` + `ان`); after a bare conjunction, two
    // (`وفي`, `ومع`).
    [2, 4, 6, 8].into_iter().filter(move |&end| {
        if end >= word.len() || !word.is_char_boundary(end) {
            return false;
        }
        let chain = &word[..end];
        let rest = if matches!(chain, "و" | "ف") { 4 } else { 6 };
        end + rest <= word.len() && is_proclitic_chain(chain)
    })
}

/// Whether `prefix` is a chain of proclitics, in the order conjunction,
/// preposition, article.
fn is_proclitic_chain(prefix: &str) -> bool {
    let rest = prefix
        .strip_prefix('و')
        .or_else(|| prefix.strip_prefix('ف'))
        .unwrap_or(prefix);
    if rest.is_empty() {
        return !prefix.is_empty();
    }
    matches!(rest, "ب" | "ك" | "ل" | "ال" | "بال" | "كال" | "لل")
}

/// Where a whole-word match starts and ends in the normalised text, with the
/// clitics it carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordMatch {
    /// Start of the word including its proclitics.
    pub word_start: usize,
    /// Length in bytes of the proclitic prefix (`و`, `بال`, `لل` …).
    pub prefix_len: usize,
}

/// Checks that `text[start..end]` is a whole word, allowing Arabic
/// proclitics before it when the match starts with an Arabic letter.
/// Returns where the word, prefix included, starts.
pub fn whole_word(text: &str, start: usize, end: usize) -> Option<WordMatch> {
    let after = text[end..].chars().next();
    if after.is_some_and(is_word_char) {
        return None;
    }
    let matched_first = text[start..end].chars().next()?;
    // Walk back over word characters to the start of the word.
    let word_start = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(start, |(i, _)| i);
    if word_start == start {
        return Some(WordMatch {
            word_start,
            prefix_len: 0,
        });
    }
    if !is_arabic_letter(matched_first) {
        return None;
    }
    let prefix = &text[word_start..start];
    let body = &text[start..end];
    arabic_proclitics_allowed(prefix, body).then_some(WordMatch {
        word_start,
        prefix_len: start - word_start,
    })
}

/// Whether `prefix` is a valid chain of Arabic proclitics in front of
/// `body`: an optional conjunction (`و`, `ف`), an optional preposition
/// (`ب`, `ك`, `ل`), and an optional article (`ال`), where `ل` + `ال`
/// contracts to `لل`. A body that carries its own article (`المغرب`) takes
/// only the conjunction and `ب`/`ك`, or the contracted `لل` form, which the
/// matcher sees as `ل` before `لمغرب`… so the body's article is checked too.
pub fn arabic_proclitics_allowed(prefix: &str, body: &str) -> bool {
    let mut rest = prefix;
    for conj in ["و", "ف"] {
        if let Some(r) = rest.strip_prefix(conj) {
            rest = r;
            break;
        }
    }
    if body.starts_with("ال") {
        // `ب`/`ك` before the article: `بالمغرب`, `كالمغرب`.
        return rest.is_empty() || rest == "ب" || rest == "ك";
    }
    if rest.is_empty() {
        return true;
    }
    if rest == "لل" {
        return true;
    }
    for prep in ["ب", "ك", "ل"] {
        if let Some(r) = rest.strip_prefix(prep) {
            return r.is_empty() || r == "ال";
        }
    }
    rest == "ال"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(text: &str, word: &str) -> Option<WordMatch> {
        let start = text.find(word)?;
        whole_word(text, start, start + word.len())
    }

    /// The byte shortcuts classify every ASCII character and every
    /// two-byte character as decoding it and asking `char` does.
    #[test]
    fn byte_classes_are_the_character_classes() {
        let by_char = |c: char| {
            if c.is_ascii_digit() {
                CharClass::Digit
            } else if is_word_char(c) {
                CharClass::Letter
            } else if c.is_whitespace() {
                CharClass::Space
            } else {
                CharClass::Other(c)
            }
        };
        for c in ('\0'..='\u{07FF}').filter(|c| !c.is_control() || c.is_ascii()) {
            let text = c.to_string();
            assert_eq!(char_class_at(&text, 0), (by_char(c), c.len_utf8()), "{c:?}");
            let arabic = ('\u{0620}'..='\u{065F}').contains(&c);
            assert_eq!(arabic_letter_at(text.as_bytes(), 0), arabic, "{c:?}");
        }
    }

    /// The shortcut for common punctuation answers as the Unicode tables do.
    #[test]
    fn common_punctuation_is_not_a_word_char() {
        for c in COMMON_PUNCTUATION {
            assert!(!c.is_ascii() && !c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn clitics_do_not_hide_mentions() {
        assert!(hit("زار والمغرب", "المغرب").is_some());
        assert!(hit("زار بالمغرب", "المغرب").is_some());
        assert!(hit("التقى بنظيره", "نظيره").is_some());
        assert!(hit("الطائرات المغربية", "مغربية").is_some());
        assert!(hit("وللمغربي", "مغربي").is_some());
        assert_eq!(hit("وبالمغربي", "مغربي").unwrap().prefix_len, "وبال".len());
    }

    #[test]
    fn contracted_article_after_lam() {
        // `للمغرب` = ل + المغرب; the matcher also looks for the contracted
        // body `لمغرب`, which then carries a plain `ل` prefix.
        assert!(hit("زيارة للمغرب", "لمغرب").is_some());
    }

    #[test]
    fn words_and_clitic_chains() {
        let text = "زار والمغرب، the US";
        let words: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(words, vec!["زار", "والمغرب", "the", "US"]);
        let word = "والمغرب";
        let ends: Vec<&str> = proclitic_ends(word).map(|e| &word[..e]).collect();
        assert_eq!(ends, vec!["و", "وال"]);
        let word = "للمغرب";
        let ends: Vec<&str> = proclitic_ends(word).map(|e| &word[..e]).collect();
        assert_eq!(ends, vec!["ل", "لل"]);
    }

    #[test]
    fn other_letters_are_not_clitics() {
        assert!(hit("عمان", "مان").is_none());
        assert!(hit("المغربيات", "المغرب").is_none());
        assert!(hit("the them", "the").is_some());
        assert!(hit("bathe", "the").is_none());
        assert!(hit("then", "the").is_none());
    }
}
