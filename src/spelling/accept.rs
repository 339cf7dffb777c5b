//! The allow-list: words a newsroom declares correct (`accept:` in a pack or
//! in `factlint.yaml`), which no typo or spelling check reports.

use regex_automata::meta::Regex;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// Accepted words (compared by normalised letters) and whole-word patterns.
///
/// Serialised as its words and its patterns as written, and compiled again
/// when read, so that a pack cached on disk (see `rules::pack_cache`) keeps
/// its allow-list.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(into = "AcceptList", try_from = "AcceptList")]
pub struct Accept {
    words: FxHashSet<String>,
    patterns: Vec<Regex>,
    /// Each pattern as written, for serialising.
    pattern_sources: Vec<String>,
}

/// An [`Accept`] as stored: sorted normalised words and the patterns as
/// written.
#[derive(Serialize, Deserialize)]
struct AcceptList {
    words: Vec<String>,
    patterns: Vec<String>,
}

impl From<Accept> for AcceptList {
    fn from(accept: Accept) -> Self {
        let mut words: Vec<String> = accept.words.into_iter().collect();
        words.sort_unstable();
        AcceptList {
            words,
            patterns: accept.pattern_sources,
        }
    }
}

impl TryFrom<AcceptList> for Accept {
    type Error = String;

    fn try_from(list: AcceptList) -> Result<Self, String> {
        let mut accept = Accept {
            words: list.words.into_iter().collect(),
            ..Accept::default()
        };
        for pattern in &list.patterns {
            accept.add_pattern(pattern)?;
        }
        Ok(accept)
    }
}

impl Accept {
    /// Adds one entry: a plain word, or a regex when it holds a regex
    /// metacharacter. A pattern must match the whole word.
    pub fn add(&mut self, entry: &str) -> Result<(), String> {
        let entry = entry.trim();
        if entry.is_empty() {
            return Err("an empty accept entry".to_string());
        }
        if entry.contains([
            '\\', '[', ']', '(', ')', '*', '+', '?', '|', '^', '$', '{', '.',
        ]) {
            self.add_pattern(entry)?;
        } else {
            self.words.insert(crate::text::normalize_pattern(entry));
        }
        Ok(())
    }

    /// Adds a pattern that must match a whole word.
    fn add_pattern(&mut self, pattern: &str) -> Result<(), String> {
        let regex = Regex::new(&format!("^(?:{pattern})$"))
            .map_err(|e| format!("accept pattern `{pattern}`: {e}"))?;
        self.patterns.push(regex);
        self.pattern_sources.push(pattern.to_string());
        Ok(())
    }

    /// Adds everything another list accepts.
    pub fn extend(&mut self, other: &Accept) {
        self.words.extend(other.words.iter().cloned());
        self.patterns.extend(other.patterns.iter().cloned());
        self.pattern_sources
            .extend(other.pattern_sources.iter().cloned());
    }

    /// How many words and patterns are accepted.
    pub fn len(&self) -> usize {
        self.words.len() + self.patterns.len()
    }

    /// Whether nothing is accepted.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.patterns.is_empty()
    }

    /// Whether `word` (as written) is accepted: its normalised form is a
    /// listed word, or a pattern matches it as written or normalised.
    pub fn accepts(&self, word: &str) -> bool {
        if self.is_empty() {
            return false;
        }
        let normalized = crate::text::normalize_pattern(word);
        self.words.contains(&normalized)
            || self
                .patterns
                .iter()
                .any(|p| p.is_match(word) || p.is_match(&normalized))
    }
}

#[cfg(test)]
mod tests {
    use super::Accept;

    #[test]
    fn words_and_patterns() {
        let mut accept = Accept::default();
        accept.add("Wich").unwrap();
        accept.add("ال[دذ]وسري").unwrap();
        assert!(accept.accepts("wich"));
        assert!(accept.accepts("WICH"));
        assert!(accept.accepts("الدوسري"));
        assert!(!accept.accepts("which"));
        assert!(!accept.accepts("الدوسريين"));
        assert!(accept.add("(").is_err());
    }

    #[test]
    fn a_list_read_back_accepts_the_same_words() {
        let mut accept = Accept::default();
        accept.add("Wich").unwrap();
        accept.add("ال[دذ]وسري").unwrap();
        let json = serde_json::to_string(&accept).unwrap();
        let read: Accept = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), json);
        for word in ["wich", "الدوسري", "الذوسري"] {
            assert!(read.accepts(word), "{word}");
        }
        assert!(!read.accepts("which"));
        assert!(serde_json::from_str::<Accept>(r#"{"words":[],"patterns":["("]}"#).is_err());
    }
}
