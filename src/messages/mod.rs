//! The words factlint says to people, in their language: one catalogue
//! per language (`messages/<code>.yaml`, compiled in by `build.rs`), looked
//! up by message id with named arguments, so that a third language is a
//! file, not code.
//!
//! ```text
//! report.fix: "fix: replace with «{replacement}» ({how})"
//! ```
//!
//! A missing id falls back to English, then to the id itself, so a
//! catalogue that lags behind never hides a message; `tests/messages.rs`
//! checks that every catalogue has every English id.

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The language every catalogue falls back to.
pub const DEFAULT: &str = "en";

/// How a language picks the phrase for a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PluralRule {
    /// `one` for 1, `other` otherwise (English and most European languages).
    OneOther,
    /// Arabic's six forms: `zero`, `one`, `two`, `few` (3–10 modulo 100),
    /// `many` (11–99 modulo 100), `other`.
    Arabic,
}

impl PluralRule {
    fn category(self, n: usize) -> &'static str {
        match self {
            PluralRule::OneOther if n == 1 => "one",
            PluralRule::OneOther => "other",
            PluralRule::Arabic => match (n, n % 100) {
                (0, _) => "zero",
                (1, _) => "one",
                (2, _) => "two",
                (_, 3..=10) => "few",
                (_, 11..=99) => "many",
                _ => "other",
            },
        }
    }
}

/// One language's messages.
#[derive(Debug)]
pub struct Catalogue {
    code: &'static str,
    plural: PluralRule,
    entries: HashMap<String, String>,
}

/// Why a catalogue file is unusable (a build-time mistake, caught by the
/// tests).
fn parse(code: &'static str, text: &str) -> Result<Catalogue, String> {
    let mut entries: HashMap<String, String> =
        serde_saphyr::from_str(text).map_err(|e| format!("messages/{code}.yaml: {e}"))?;
    let plural = match entries.remove("plural").as_deref() {
        Some("one-other") | None => PluralRule::OneOther,
        Some("arabic") => PluralRule::Arabic,
        Some(other) => {
            return Err(format!(
                "messages/{code}.yaml: plural: `{other}` is not `one-other` or `arabic`"
            ));
        }
    };
    Ok(Catalogue {
        code,
        plural,
        entries,
    })
}

fn all() -> &'static [Catalogue] {
    static ALL: OnceLock<Vec<Catalogue>> = OnceLock::new();
    ALL.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|(code, text)| parse(code, text).unwrap_or_else(|e| panic!("{e}")))
            .collect()
    })
}

/// The language codes there is a catalogue for.
pub fn languages() -> impl Iterator<Item = &'static str> {
    CATALOGUES.iter().map(|(code, _)| *code)
}

/// The catalogue of a language code (`en`, `ar`), if there is one.
pub fn catalogue(code: &str) -> Option<&'static Catalogue> {
    all().iter().find(|c| c.code == code)
}

/// The English catalogue: the default, and every other one's fallback.
pub fn english() -> &'static Catalogue {
    catalogue(DEFAULT).expect("messages/en.yaml is compiled in")
}

impl Catalogue {
    /// The language code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The message ids this catalogue defines.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// Whether this catalogue defines `id` itself.
    pub fn has(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    /// The text of `id`: this language's, else English, else the id.
    pub fn text<'a>(&'a self, id: &'a str) -> &'a str {
        self.entries
            .get(id)
            .or_else(|| english().entries.get(id))
            .map_or(id, String::as_str)
    }

    /// Message `id` with its `{name}` arguments filled in.
    pub fn format(&self, id: &str, args: &[(&str, &dyn Display)]) -> String {
        fill(self.text(id), args)
    }

    /// The phrase for `n` of something (`report.files` → "3 files"): the
    /// entry `id.<category>` for the language's plural category of `n`,
    /// else `id.other`, with `{n}` filled in.
    pub fn count(&self, id: &str, n: usize) -> String {
        let exact = format!("{id}.{}", self.plural.category(n));
        let template = match self.entries.get(&exact) {
            Some(text) => text.as_str(),
            None => {
                let other = format!("{id}.other");
                return match self.entries.get(&other) {
                    Some(text) => fill(text, &[("n", &n)]),
                    None => english().count(id, n),
                }
                .to_string();
            }
        };
        fill(template, &[("n", &n)])
    }
}

/// Replaces each `{name}` of `template` with its argument; an unknown name
/// is left as written.
fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v.to_string(), close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(&value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_filled_by_name() {
        let en = english();
        assert_eq!(
            en.format("report.fix", &[("replacement", &"the"), ("how", &"safe")]),
            "fix: replace with «the» (safe)"
        );
        assert_eq!(fill("{a} {b} {a}", &[("a", &1)]), "1 {b} 1");
    }

    #[test]
    fn counts_use_the_language_plural() {
        let en = english();
        assert_eq!(en.count("report.files", 1), "1 file");
        assert_eq!(en.count("report.files", 3), "3 files");
        let ar = catalogue("ar").expect("Arabic catalogue");
        assert_eq!(ar.count("report.files", 2), "ملفان");
        assert_eq!(ar.count("report.files", 5), "5 ملفات");
        assert_eq!(ar.count("report.files", 12), "12 ملفًا");
        assert_eq!(ar.count("report.files", 100), "100 ملف");
    }

    #[test]
    fn unknown_ids_fall_back() {
        let ar = catalogue("ar").expect("Arabic catalogue");
        assert_eq!(ar.text("no.such.id"), "no.such.id");
    }
}
