//! The allow-list: words a newsroom declares correct (`accept:` in a pack or
//! in `factlint.yaml`), which no typo or spelling check reports.

use regex_automata::meta::Regex;
use rustc_hash::FxHashSet;

/// Accepted words (compared by normalised letters) and whole-word patterns.
#[derive(Debug, Clone, Default)]
pub struct Accept {
    words: FxHashSet<String>,
    patterns: Vec<Regex>,
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
            let regex = Regex::new(&format!("^(?:{entry})$"))
                .map_err(|e| format!("accept pattern `{entry}`: {e}"))?;
            self.patterns.push(regex);
        } else {
            self.words.insert(crate::text::normalize_pattern(entry));
        }
        Ok(())
    }

    /// Adds everything another list accepts.
    pub fn extend(&mut self, other: &Accept) {
        self.words.extend(other.words.iter().cloned());
        self.patterns.extend(other.patterns.iter().cloned());
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
}
