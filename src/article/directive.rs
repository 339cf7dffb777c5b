//! The syntax of inline suppression directives: an editor who has checked
//! a finding says so in the article. The loaders need it (a plain-text
//! directive line belongs to no section) and so does the check runner,
//! which applies them (`checks::suppress`).
//!
//! In Markdown and HTML, comments:
//!
//! ```text
//! <!-- factlint-disable typo/name -->   … <!-- factlint-enable typo/name -->
//! <!-- factlint-disable-next-line date/weekday -->
//! The general said the the talks… <!-- factlint-disable-line typo -->
//! ```
//!
//! In plain text, a line of its own: `factlint-disable-next-line CODE`
//! (and `factlint-disable` / `factlint-enable`), or `factlint-disable-line
//! CODE` at the end of the line it silences. Codes are prefixes, several
//! may be given, separated by spaces or commas, and none means every code.
//! A comment or line that starts like a directive but is none
//! (`factlint-disable-lines`, `factlint-ignore`) is kept as
//! [`Parsed::Unknown`], so the runner can say so instead of silently
//! ignoring it.

use std::ops::Range;

use super::{Article, Format};

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Switch codes off until `Enable` (or the end of the file).
    Disable,
    /// Switch codes back on.
    Enable,
    /// Switch codes off for the next line with text.
    DisableNextLine,
    /// Switch codes off on the directive's own line.
    DisableLine,
}

/// The directive names, longest first (so that a prefix never shadows a
/// longer name).
const NAMES: &[(&str, Kind)] = &[
    ("factlint-disable-next-line", Kind::DisableNextLine),
    ("factlint-disable-line", Kind::DisableLine),
    ("factlint-disable", Kind::Disable),
    ("factlint-enable", Kind::Enable),
];

/// What a comment or directive line turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// A directive.
    Directive(Directive),
    /// Text that starts with `factlint-` but names no directive.
    Unknown {
        /// The word written, such as `factlint-disable-lines`.
        name: String,
        /// Where it is written.
        range: Range<usize>,
    },
}

/// One suppression directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub kind: Kind,
    /// The code prefixes it names; empty for all.
    pub codes: Vec<String>,
    /// Where it is written.
    pub range: Range<usize>,
}

/// Parses the text of a comment or a line as a directive.
pub fn parse_directive(text: &str, range: Range<usize>) -> Option<Directive> {
    match parse(text, range)? {
        Parsed::Directive(d) => Some(d),
        Parsed::Unknown { .. } => None,
    }
}

/// Parses the text of a comment or a line: a directive, something that
/// looks like one but is not, or `None` for ordinary text.
pub fn parse(text: &str, range: Range<usize>) -> Option<Parsed> {
    let text = text.trim();
    let text = text
        .strip_prefix("<!--")
        .map(|t| t.trim_end().trim_end_matches("-->"))
        .unwrap_or(text)
        .trim();
    if !text.starts_with("factlint-") {
        return None;
    }
    let word_end = text.find([' ', '\t', ',']).unwrap_or(text.len());
    let (word, rest) = text.split_at(word_end);
    let Some(&(_, kind)) = NAMES.iter().find(|(name, _)| *name == word) else {
        return Some(Parsed::Unknown {
            name: word.to_string(),
            range,
        });
    };
    let codes = rest
        .split([' ', '\t', ','])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect();
    Some(Parsed::Directive(Directive { kind, codes, range }))
}

/// Where a plain-text line's trailing `factlint-disable-line` starts, if
/// it has one after some text.
pub fn trailing_disable_line(line: &str) -> Option<usize> {
    static MARKER: std::sync::LazyLock<memchr::memmem::FinderRev<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::FinderRev::new("factlint-disable-line"));
    let at = MARKER.rfind(line.as_bytes())?;
    let before = &line[..at];
    (!before.trim().is_empty() && before.ends_with([' ', '\t'])).then_some(at)
}

/// The directives of an article, and the comments or lines that look like
/// directives but are none: its comments (Markdown, HTML) or its directive
/// lines and trailing `factlint-disable-line`s (plain text).
pub fn directives(article: &Article) -> Vec<Parsed> {
    match article.format {
        Format::Markdown | Format::Html => article
            .comments
            .iter()
            .filter_map(|r| parse(&article.text[r.clone()], r.clone()))
            .collect(),
        Format::Text => {
            let mut found = Vec::new();
            let mut offset = 0;
            for line in article.text.split_inclusive('\n') {
                let trimmed = line.trim_end_matches(['\n', '\r']);
                let lead = trimmed.len() - trimmed.trim_start().len();
                if let Some(parsed) = parse(trimmed, offset + lead..offset + trimmed.len()) {
                    found.push(parsed);
                } else if let Some(at) = trailing_disable_line(trimmed)
                    && let Some(parsed) = parse(&trimmed[at..], offset + at..offset + trimmed.len())
                {
                    found.push(parsed);
                }
                offset += line.len();
            }
            found
        }
    }
}

/// Whether a line of the original text is a plain-text directive, or
/// looks like one (the plain-text layout leaves such lines out of every
/// section).
pub fn is_directive_line(line: &str) -> bool {
    parse(line, 0..0).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_parse() {
        let d =
            parse_directive("<!-- factlint-disable-next-line typo/name, date -->", 0..1).unwrap();
        assert_eq!(
            (d.kind, d.codes.clone()),
            (
                Kind::DisableNextLine,
                vec!["typo/name".to_string(), "date".to_string()]
            )
        );
        assert_eq!(
            parse_directive("factlint-enable", 0..1).unwrap().kind,
            Kind::Enable
        );
        assert!(parse_directive("<!-- factlint-disabled -->", 0..1).is_none());
        assert_eq!(
            parse("<!-- factlint-disabled -->", 0..1),
            Some(Parsed::Unknown {
                name: "factlint-disabled".into(),
                range: 0..1
            })
        );
        assert!(parse("a note", 0..1).is_none());
        assert_eq!(
            parse_directive("<!-- factlint-disable-line typo -->", 0..1)
                .unwrap()
                .kind,
            Kind::DisableLine
        );
    }

    #[test]
    fn trailing_directives_in_plain_text() {
        let line = "He said the the talks.  factlint-disable-line typo";
        let at = trailing_disable_line(line).unwrap();
        assert_eq!(&line[at..], "factlint-disable-line typo");
        assert_eq!(trailing_disable_line("factlint-disable-line typo"), None);
        assert_eq!(trailing_disable_line("see xfactlint-disable-line"), None);
    }
}
