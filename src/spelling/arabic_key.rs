//! The key under which the Arabic frequency map stores a word: one byte per
//! letter instead of UTF-8's two. Every listed word is written with the
//! characters U+0600–U+067F, whose UTF-8 is `D8 xx` or `D9 xx`; keeping only
//! the second byte (plus 0x40 after `D9`) halves the depth of every lookup
//! in the map, the most frequent operation of an Arabic check. The mapping
//! keeps the order of the words, so the map is built from the same sorted
//! list. Shared with `build.rs`, which writes the map with it.

/// The longest word, in letters, a key holds (the longest listed word has
/// 50; a test checks it).
pub const MAX_LETTERS: usize = 64;

/// `word`'s key, written into `buffer`. `None` when the word has a
/// character outside U+0600–U+067F or more than [`MAX_LETTERS`] letters:
/// no such word is listed.
pub fn arabic_key<'b>(word: &str, buffer: &'b mut [u8; MAX_LETTERS]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    let letters = bytes.len() / 2;
    if !bytes.len().is_multiple_of(2) || letters > MAX_LETTERS {
        return None;
    }
    // A pair that starts with D8 or D9 is one whole character (a two-byte
    // lead and its continuation byte), so the next pair starts a character
    // too; any other first byte ends the search.
    for (key, pair) in buffer.iter_mut().zip(bytes.chunks_exact(2)) {
        *key = match pair[0] {
            0xD8 => pair[1],
            0xD9 => pair[1] + 0x40,
            _ => return None,
        };
    }
    Some(&buffer[..letters])
}

/// The key byte of an Arabic letter (U+0600–U+067F), as [`arabic_key`]
/// writes it: the code point less 0x580.
#[allow(dead_code)] // `src/spelling` edits keys; `build.rs` only writes them.
pub fn key_of(letter: char) -> u8 {
    debug_assert!(('\u{0600}'..='\u{067F}').contains(&letter), "{letter}");
    (u32::from(letter) - 0x580) as u8
}

/// The letter of a key byte (the inverse of [`key_of`]).
#[allow(dead_code)] // `src/spelling` edits keys; `build.rs` only writes them.
pub fn letter_of(key: u8) -> char {
    debug_assert!(key >= 0x80, "{key:#x}");
    char::from_u32(u32::from(key) + 0x580).expect("U+0600–U+067F")
}

/// The word a key spells.
#[allow(dead_code)] // `src/spelling` edits keys; `build.rs` only writes them.
pub fn word_of_key(key: &[u8]) -> String {
    key.iter().map(|&byte| letter_of(byte)).collect()
}

/// The zipf value (× 100) from which a word counts as common: a correction
/// must be at least this frequent (`src/spelling`), and `build.rs` lists the
/// confusion shapes of the common accepted words for it.
pub const COMMON: u16 = 300;

/// Turns a key into its confusion shape: each letter of a confusion set
/// (alif and the hamza seats; ض and ظ; ى and ي; ه and ة) becomes
/// one letter of its set, so a word and every confusion edit of it share a
/// shape. `build.rs` lists the shapes of the common accepted words; a word
/// whose shape is not listed has no common edit, and its several hundred
/// edits need not be spelled out and looked up. A test in `src/spelling`
/// checks that every confusion edit keeps the shape.
pub fn confusion_shape(key: &mut [u8]) {
    for letter in key {
        *letter = match *letter {
            // ء آ أ ؤ إ ئ → ا
            0xA1..=0xA6 => 0xA7,
            // ظ → ض
            0xB8 => 0xB6,
            // ى → ي
            0xC9 => 0xCA,
            // ة → ه
            0xA9 => 0xC7,
            other => other,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_byte_per_arabic_letter_in_the_same_order() {
        let mut a = [0; MAX_LETTERS];
        let mut b = [0; MAX_LETTERS];
        assert_eq!(arabic_key("ءاي", &mut a), Some(&[0xA1, 0xA7, 0xCA][..]));
        // Order is kept across the two halves (`D8 xx` before `D9 xx`).
        let (first, second) = ("مؤتمر", "مؤسسة");
        assert_eq!(
            arabic_key(first, &mut a)
                .unwrap()
                .cmp(arabic_key(second, &mut b).unwrap()),
            first.cmp(second)
        );
    }

    #[test]
    fn letters_and_words_come_back_from_their_keys() {
        let mut buffer = [0; MAX_LETTERS];
        for c in '\u{0600}'..='\u{067F}' {
            let word = c.to_string();
            let key = arabic_key(&word, &mut buffer).expect("a key");
            assert_eq!(key, [key_of(c)], "{c}");
            assert_eq!(letter_of(key_of(c)), c);
        }
        let word = "والمؤتمرات";
        assert_eq!(word_of_key(arabic_key(word, &mut buffer).unwrap()), word);
    }

    #[test]
    fn other_characters_and_long_words_have_no_key() {
        let mut buffer = [0; MAX_LETTERS];
        assert_eq!(arabic_key("", &mut buffer), Some(&[][..]));
        assert_eq!(arabic_key("aب", &mut buffer), None);
        assert_eq!(arabic_key("بa", &mut buffer), None);
        assert_eq!(arabic_key("ڤيلم", &mut buffer), None);
        assert_eq!(arabic_key("€", &mut buffer), None);
        assert_eq!(arabic_key(&"ب".repeat(MAX_LETTERS + 1), &mut buffer), None);
        assert!(arabic_key(&"ب".repeat(MAX_LETTERS), &mut buffer).is_some());
    }
}
