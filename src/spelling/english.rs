//! Common English words, from wordfreq (CC BY-SA 4.0), bundled as the
//! separate data file `rules/spelling/en-freq.txt`.
//!
//! English has no dictionary check of its own; the article-local spelling
//! rule only needs to know whether a form is a common word, so that it never
//! pairs two real words (`Match` beside `March`, `Argentine` beside
//! `Argentina`). Parsed once per process, on first use.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// Word frequencies from wordfreq: `ZIPF100\tword word …`, zipf ≥ 3.
const FREQ: &str = include_str!("../../rules/spelling/en-freq.txt");

/// The English word list, parsed on first use and shared by every thread.
fn words() -> &'static FxHashMap<&'static str, u16> {
    static WORDS: OnceLock<FxHashMap<&'static str, u16>> = OnceLock::new();
    WORDS.get_or_init(|| super::parse_frequencies(FREQ, 30_000))
}

/// The zipf value (×100) of a lower-case English word; 0 when it is not a
/// common word (rarer than about one use per million words).
pub fn zipf(word: &str) -> u16 {
    words().get(word).copied().unwrap_or(0)
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
}
