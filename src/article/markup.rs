//! What in a Markdown or HTML file is not article text: tags, scripts,
//! styles, comments, code, link addresses, front matter keys.
//!
//! Loaders say which byte ranges are prose (text the reader sees); every
//! other byte is markup. Markup is hidden from the checks (the normalised
//! view turns it into spaces), except markup inside a word (`gover<i>ment`,
//! `govern&shy;ment`, Markdown `gover*ment*`), which the normalised view
//! drops so that the word is read whole. A fix is never applied across or
//! inside markup: it would delete a tag or change text no reader sees.

use crate::text::ranges::RangeSet;
use std::ops::Range;

/// What a markup range is to the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkupKind {
    /// Not article text (tags, script, style, comments, code, link
    /// addresses): blanked out of the normalised view, no finding in it.
    Hidden,
    /// Markup inside a word (inline tags, emphasis marks, a soft hyphen
    /// entity): dropped from the normalised view so the word reads whole.
    Join,
    /// Article text that lives inside markup (an image's `alt` attribute):
    /// checked, but a fix in it is only shown.
    Verbatim,
}

/// One markup range of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markup {
    /// Byte range in the article text.
    pub range: Range<usize>,
    /// What it is to the checks.
    pub kind: MarkupKind,
}

/// Elements that sit inside a line of text: a tag of one of these between
/// two letters is inside a word.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "mark",
    "q", "s", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "wbr",
];

/// Entities for a soft hyphen: a hyphenation point inside a word.
const SOFT_HYPHENS: &[&str] = &["&shy;", "&#173;", "&#xad;"];

/// The markup of a file whose prose is `prose` (byte ranges, any order,
/// may touch or overlap); `code` ranges inside prose are code, not prose,
/// and `verbatim` ranges inside markup are article text all the same.
/// The result is sorted and its ranges do not overlap.
pub fn from_prose(
    text: &str,
    mut prose: Vec<Range<usize>>,
    code: &[Range<usize>],
    verbatim: &[Range<usize>],
) -> Vec<Markup> {
    prose.retain(|r| r.start < r.end && r.end <= text.len());
    let prose = subtract(RangeSet::new(prose).into_vec(), code);
    let mut markup = Vec::new();
    let mut at = 0;
    let gap = |start: usize, end: usize, markup: &mut Vec<Markup>| {
        if start >= end {
            return;
        }
        let kind = if joins_a_word(&text[start..end]) {
            MarkupKind::Join
        } else {
            MarkupKind::Hidden
        };
        let mut from = start;
        for v in verbatim.iter().filter(|v| start <= v.start && v.end <= end) {
            if from < v.start {
                markup.push(Markup {
                    range: from..v.start,
                    kind,
                });
            }
            if v.start < v.end {
                markup.push(Markup {
                    range: v.clone(),
                    kind: MarkupKind::Verbatim,
                });
            }
            from = v.end.max(from);
        }
        if from < end {
            markup.push(Markup {
                range: from..end,
                kind,
            });
        }
    };
    for range in &prose {
        gap(at, range.start, &mut markup);
        soft_hyphens(text, range, &mut markup);
        at = range.end;
    }
    gap(at, text.len(), &mut markup);
    markup.sort_by_key(|m| m.range.start);
    markup
}

/// `ranges` (sorted, disjoint) without any byte of `remove`.
fn subtract(ranges: Vec<Range<usize>>, remove: &[Range<usize>]) -> Vec<Range<usize>> {
    if remove.is_empty() {
        return ranges;
    }
    let mut remove = remove.to_vec();
    remove.sort_by_key(|r| r.start);
    let mut out = Vec::with_capacity(ranges.len());
    for r in ranges {
        let mut start = r.start;
        for cut in remove.iter().filter(|c| c.start < r.end && c.end > r.start) {
            if start < cut.start {
                out.push(start..cut.start);
            }
            start = start.max(cut.end);
        }
        if start < r.end {
            out.push(start..r.end);
        }
    }
    out
}

/// Soft hyphen entities inside prose, as word-joining markup.
fn soft_hyphens(text: &str, range: &Range<usize>, markup: &mut Vec<Markup>) {
    let prose = &text[range.clone()];
    let mut from = 0;
    while let Some(i) = prose[from..].find('&') {
        let at = from + i;
        from = at + 1;
        let rest = &prose.as_bytes()[at..];
        if let Some(entity) = SOFT_HYPHENS
            .iter()
            .find(|e| rest.len() >= e.len() && rest[..e.len()].eq_ignore_ascii_case(e.as_bytes()))
        {
            markup.push(Markup {
                range: range.start + at..range.start + at + entity.len(),
                kind: MarkupKind::Join,
            });
            from = at + entity.len();
        }
    }
}

/// Whether markup between two pieces of prose can sit inside a word: only
/// emphasis marks, backslashes and tags of inline elements, no space.
fn joins_a_word(gap: &str) -> bool {
    let mut rest = gap;
    while let Some(c) = rest.chars().next() {
        if matches!(c, '*' | '_' | '~' | '\\') {
            rest = &rest[1..];
            continue;
        }
        if c != '<' {
            return false;
        }
        let Some(after) = inline_tag_end(rest) else {
            return false;
        };
        rest = &rest[after..];
    }
    true
}

/// The length of an inline element's start or end tag at the start of
/// `s`, or `None` if `s` does not start with one.
fn inline_tag_end(s: &str) -> Option<usize> {
    let body = s.strip_prefix('<')?;
    let body = body.strip_prefix('/').unwrap_or(body);
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    if !INLINE.contains(&name.as_str()) {
        return None;
    }
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// The markup range holding byte `offset` strictly inside it, or starting
/// at it, if any (`markup` sorted and disjoint).
pub fn at(markup: &[Markup], offset: usize) -> Option<&Markup> {
    let i = markup.partition_point(|m| m.range.end <= offset);
    markup.get(i).filter(|m| m.range.start <= offset)
}

/// Whether `range` overlaps any markup range (`markup` sorted and
/// disjoint); an empty range overlaps markup it lies strictly inside.
pub fn overlaps(markup: &[Markup], range: &Range<usize>) -> bool {
    let i = markup.partition_point(|m| m.range.end <= range.start);
    markup.get(i).is_some_and(|m| {
        if range.is_empty() {
            m.range.start < range.start
        } else {
            m.range.start < range.end
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, prose: Vec<Range<usize>>) -> Vec<(&str, MarkupKind)> {
        from_prose(text, prose, &[], &[])
            .into_iter()
            .map(|m| (&text[m.range], m.kind))
            .collect()
    }

    #[test]
    fn inline_tags_and_soft_hyphens_join_words() {
        let text = "<p>gover<i>ment</i> and govern&shy;ment</p>";
        assert_eq!(
            kinds(text, vec![3..8, 11..15, 19..39]),
            vec![
                ("<p>", MarkupKind::Hidden),
                ("<i>", MarkupKind::Join),
                ("</i>", MarkupKind::Join),
                ("&shy;", MarkupKind::Join),
                ("</p>", MarkupKind::Hidden),
            ]
        );
    }

    #[test]
    fn block_tags_comments_and_links_are_hidden() {
        assert!(!joins_a_word("</p><p>"));
        assert!(!joins_a_word("<!-- x -->"));
        assert!(!joins_a_word("](http://example.com/teh)"));
        assert!(joins_a_word("**"));
        assert!(joins_a_word("<span class=\"a>b\">"));
    }

    #[test]
    fn overlap_is_found_by_position() {
        let markup = vec![Markup {
            range: 5..8,
            kind: MarkupKind::Join,
        }];
        assert!(overlaps(&markup, &(0..6)));
        assert!(overlaps(&markup, &(7..9)));
        assert!(!overlaps(&markup, &(0..5)));
        assert!(!overlaps(&markup, &(8..9)));
        assert!(overlaps(&markup, &(6..6)));
        assert!(!overlaps(&markup, &(5..5)));
        assert_eq!(at(&markup, 5).map(|m| m.range.clone()), Some(5..8));
        assert!(at(&markup, 8).is_none());
    }
}
