//! Article language, detected from the script.

use serde::Serialize;

/// A language factlint has rules for. Arabic comes first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Arabic.
    Ar,
    /// English.
    En,
}

impl Language {
    /// The ISO 639-1 code used in packs and reports.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::En => "en",
        }
    }

    /// Parses an ISO 639-1 code (`ar`, `en`, also `ar-MA`, `en_US`).
    pub fn from_code(code: &str) -> Option<Language> {
        let base = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match base.as_str() {
            "ar" => Some(Language::Ar),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// Detects the language from the script: Arabic when Arabic letters
    /// outnumber Latin ones (an Arabic article quotes English credits and
    /// names, rarely the other way round at that scale).
    pub fn detect(text: &str) -> Language {
        // Counted on bytes: every Arabic-block character starts with lead
        // byte 0xD8–0xDB in UTF-8, and Latin letters are ASCII.
        let (mut arabic, mut latin) = (0usize, 0usize);
        for &b in text.as_bytes() {
            if (0xD8..=0xDB).contains(&b) {
                arabic += 1;
            } else if b.is_ascii_alphabetic() {
                latin += 1;
            }
        }
        if arabic >= latin && arabic > 0 {
            Language::Ar
        } else {
            Language::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_decides() {
        assert_eq!(
            Language::detect(
                "قال بار إن القوات الجوية في البلدين ستعمل معا (Israel Defense Forces)"
            ),
            Language::Ar
        );
        assert_eq!(Language::detect("Gen. Bar said «نعم»"), Language::En);
        assert_eq!(Language::from_code("ar-MA"), Some(Language::Ar));
        assert_eq!(Language::from_code("fr"), None);
    }
}
