//! Words one edit apart, found without comparing every pair.
//!
//! Checks that look for "the same word spelled another way in this
//! article" used to compare each rare form with every other form: on a long
//! article that is the square of its vocabulary. Two words one insertion,
//! deletion, substitution or adjacent transposition apart always share a
//! form with at most one letter deleted (the symmetric-deletion idea of
//! SymSpell), so indexing every word under itself and its one-letter
//! deletions turns the search into a few hash lookups per word.

use rustc_hash::{FxHashMap, FxHashSet};

/// Words indexed by every form with at most one letter deleted.
#[derive(Debug, Default)]
pub struct OneEditIndex<'a> {
    by_deletion: FxHashMap<String, Vec<&'a str>>,
}

impl<'a> OneEditIndex<'a> {
    /// Indexes `words` (duplicates are harmless).
    pub fn new(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut by_deletion: FxHashMap<String, Vec<&'a str>> = FxHashMap::default();
        for word in words {
            for key in deletions(word) {
                let entry = by_deletion.entry(key).or_default();
                if !entry.contains(&word) {
                    entry.push(word);
                }
            }
        }
        Self { by_deletion }
    }

    /// Indexed words that may be one edit from `word` (a superset: the
    /// caller measures the edit itself), without `word`, each once and in
    /// a stable order (sorted).
    pub fn candidates(&self, word: &str) -> Vec<&'a str> {
        let mut found: FxHashSet<&'a str> = FxHashSet::default();
        for key in deletions(word) {
            if let Some(words) = self.by_deletion.get(&key) {
                found.extend(words.iter().copied().filter(|w| *w != word));
            }
        }
        let mut found: Vec<&'a str> = found.into_iter().collect();
        found.sort_unstable();
        found
    }
}

/// `word` and every form of it with one letter (char) deleted.
fn deletions(word: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(word.len() + 1);
    out.push(word.to_string());
    for (at, c) in word.char_indices() {
        let mut shorter = String::with_capacity(word.len());
        shorter.push_str(&word[..at]);
        shorter.push_str(&word[at + c.len_utf8()..]);
        out.push(shorter);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_single_edit_is_a_candidate() {
        let index = OneEditIndex::new(["reagan", "kochavi", "السودان", "baker"]);
        // Deletion, insertion, substitution, transposition; Arabic letters.
        assert_eq!(index.candidates("regan"), vec!["reagan"]);
        assert_eq!(index.candidates("reagann"), vec!["reagan"]);
        assert_eq!(index.candidates("kochavy"), vec!["kochavi"]);
        assert_eq!(index.candidates("baekr"), vec!["baker"]);
        assert_eq!(index.candidates("السوادن"), vec!["السودان"]);
    }

    #[test]
    fn far_words_and_the_word_itself_are_not_candidates() {
        let index = OneEditIndex::new(["reagan", "volcker"]);
        assert!(index.candidates("reagan").is_empty());
        assert!(index.candidates("shultz").is_empty());
        assert!(index.candidates("rgn").is_empty());
    }
}
