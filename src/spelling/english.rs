//! Common English words, from wordfreq (CC BY-SA 4.0), bundled as the
//! separate data file `rules/spelling/en-freq.txt`.
//!
//! English has no dictionary check of its own; the article-local spelling
//! rule only needs to know whether a form is a common word, so that it never
//! pairs two real words (`Match` beside `March`, `Argentine` beside
//! `Argentina`). `build.rs` compiles the list into a hash table that is
//! read in place.

use std::sync::OnceLock;

/// Word frequencies from wordfreq (`ZIPF100\tword word …`, zipf ≥ 3), as
/// `build.rs` compiles them (word → zipf × 100).
static FREQ_MAP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en-freq.table"));

/// The English word list, opened on first use and shared by every thread.
fn words() -> &'static super::word_map::WordMap {
    static WORDS: OnceLock<super::word_map::WordMap> = OnceLock::new();
    WORDS.get_or_init(|| super::compiled_table(FREQ_MAP))
}

/// The zipf value (×100) of a lower-case English word; 0 when it is not a
/// common word (rarer than about one use per million words).
pub fn zipf(word: &str) -> u16 {
    super::frequency(words(), word)
}

/// Whether a lower-case word is common English (zipf ≥ 3).
pub fn is_common_word(word: &str) -> bool {
    zipf(word) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_but_not_misspellings() {
        for word in ["match", "march", "argentine", "argentina", "government"] {
            assert!(is_common_word(word), "{word}");
        }
        for word in ["goverment", "merirll", "benteton", "kochavy"] {
            assert!(!is_common_word(word), "{word}");
        }
    }

    /// The compiled map holds exactly the text list.
    #[test]
    fn compiled_map_is_the_text_list() {
        let text = include_str!("../../rules/spelling/en-freq.txt");
        let listed = super::super::parse_frequencies(text, 30_000);
        assert_eq!(words().len(), listed.len());
        for (word, value) in listed {
            assert_eq!(zipf(word), value, "{word}");
        }
    }
}
