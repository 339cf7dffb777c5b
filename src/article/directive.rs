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
//! ```
//!
//! In plain text, a line of its own: `factlint-disable-next-line CODE`
//! (and `factlint-disable` / `factlint-enable`). Codes are prefixes, several
//! may be given, separated by spaces or commas, and none means every code.

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
    let text = text.trim();
    let text = text
        .strip_prefix("<!--")
        .map(|t| t.trim_end().trim_end_matches("-->"))
        .unwrap_or(text)
        .trim();
    let (kind, rest) = if let Some(rest) = text.strip_prefix("factlint-disable-next-line") {
        (Kind::DisableNextLine, rest)
    } else if let Some(rest) = text.strip_prefix("factlint-disable") {
        (Kind::Disable, rest)
    } else if let Some(rest) = text.strip_prefix("factlint-enable") {
        (Kind::Enable, rest)
    } else {
        return None;
    };
    if !rest.is_empty() && !rest.starts_with([' ', '\t', ',']) {
        return None;
    }
    let codes = rest
        .split([' ', '\t', ','])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect();
    Some(Directive { kind, codes, range })
}

/// The directives of an article: its comments (Markdown, HTML) or its
/// directive lines (plain text).
pub fn directives(article: &Article) -> Vec<Directive> {
    match article.format {
        Format::Markdown | Format::Html => article
            .comments
            .iter()
            .filter_map(|r| parse_directive(&article.text[r.clone()], r.clone()))
            .collect(),
        Format::Text => {
            let mut found = Vec::new();
            let mut offset = 0;
            for line in article.text.split_inclusive('\n') {
                let trimmed = line.trim_end_matches(['\n', '\r']);
                if let Some(d) = parse_directive(trimmed, offset..offset + trimmed.len()) {
                    found.push(d);
                }
                offset += line.len();
            }
            found
        }
    }
}

/// Whether a line of the original text is a plain-text directive (the
/// plain-text layout leaves such lines out of every section).
pub fn is_directive_line(line: &str) -> bool {
    parse_directive(line, 0..0).is_some()
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
        assert!(parse_directive("a note", 0..1).is_none());
    }
}
