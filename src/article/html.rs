//! HTML articles, read with a real HTML parser (lol_html) that reports the
//! source byte range of every element and text chunk, so sections are byte
//! ranges of the original page.
//!
//! `h1` is the headline, `figcaption` and `img[alt]` are captions (with a
//! trailing parenthesised credit split off), `p` is body, `time[datetime]`
//! (or `meta[property=article:published_time]`) gives the date and
//! `html[lang]` the language. Comments are kept for suppressions.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::TextType;
use lol_html::{RewriteStrSettings, doc_comments, doc_text, element, rewrite_str, text};

use super::{Language, Layout, LoadError, Section, SectionKind};
use crate::text::LineIndex;

/// What the parser reported, in document order.
#[derive(Debug, Default)]
struct Collected {
    /// `(kind, None)` opens a new element of that kind; `(kind, Some(r))` is
    /// a text chunk inside the innermost open element of that kind.
    events: Vec<(SectionKind, Option<Range<usize>>)>,
    alts: Vec<Range<usize>>,
    comments: Vec<Range<usize>>,
    date: Option<(String, usize, &'static str)>,
    language: Option<(String, usize)>,
    /// Text the reader sees (not script, style or other raw text).
    prose: Vec<Range<usize>>,
    /// Text of code elements, which is not prose to check.
    code: Vec<Range<usize>>,
}

/// Lays out an HTML article; `lines` is the article's line index, for the
/// places of metadata problems.
pub fn layout(path: &str, text_: &str, lines: &LineIndex) -> Result<Layout, LoadError> {
    let collected = Rc::new(RefCell::new(Collected::default()));
    let source = text_;
    let opener = |kind: SectionKind| {
        let c = Rc::clone(&collected);
        move |_el: &mut lol_html::html_content::Element<'_, '_>| {
            c.borrow_mut().events.push((kind, None));
            Ok(())
        }
    };
    let chunk = |kind: SectionKind| {
        let c = Rc::clone(&collected);
        move |t: &mut lol_html::html_content::TextChunk<'_>| {
            let range = t.source_location().bytes();
            if !t.as_str().trim().is_empty() {
                c.borrow_mut().events.push((kind, Some(range)));
            }
            Ok(())
        }
    };
    let c_alt = Rc::clone(&collected);
    let c_time = Rc::clone(&collected);
    let c_meta = Rc::clone(&collected);
    let c_lang = Rc::clone(&collected);
    let c_comment = Rc::clone(&collected);
    let c_prose = Rc::clone(&collected);
    let c_code = Rc::clone(&collected);
    let mut settings = RewriteStrSettings::new();
    settings =
        settings.append_element_content_handler(element!("h1", opener(SectionKind::Headline)));
    settings = settings.append_element_content_handler(text!("h1", chunk(SectionKind::Headline)));
    settings = settings
        .append_element_content_handler(element!("figcaption", opener(SectionKind::Caption)));
    settings =
        settings.append_element_content_handler(text!("figcaption", chunk(SectionKind::Caption)));
    settings = settings.append_element_content_handler(element!("p", opener(SectionKind::Body)));
    settings = settings.append_element_content_handler(text!("p", chunk(SectionKind::Body)));
    settings = settings.append_element_content_handler(element!("img[alt]", move |el| {
        let tag = el.source_location().bytes();
        if let Some(range) = attribute_value_range(&source[tag.clone()], "alt") {
            c_alt
                .borrow_mut()
                .alts
                .push(tag.start + range.start..tag.start + range.end);
        }
        Ok(())
    }));
    settings = settings.append_element_content_handler(element!("time[datetime]", move |el| {
        let mut c = c_time.borrow_mut();
        if c.date.is_none()
            && let Some(value) = el.get_attribute("datetime")
        {
            c.date = Some((value, el.source_location().bytes().start, "<time datetime>"));
        }
        Ok(())
    }));
    settings = settings.append_element_content_handler(element!(
        "meta[property='article:published_time'][content]",
        move |el| {
            let mut c = c_meta.borrow_mut();
            if c.date.is_none()
                && let Some(value) = el.get_attribute("content")
            {
                c.date = Some((
                    value,
                    el.source_location().bytes().start,
                    "<meta property=\"article:published_time\">",
                ));
            }
            Ok(())
        }
    ));
    settings = settings.append_element_content_handler(element!("html[lang]", move |el| {
        if let Some(value) = el.get_attribute("lang") {
            c_lang.borrow_mut().language = Some((value, el.source_location().bytes().start));
        }
        Ok(())
    }));
    settings = settings.append_document_content_handler(doc_comments!(move |comment| {
        c_comment
            .borrow_mut()
            .comments
            .push(comment.source_location().bytes());
        Ok(())
    }));
    settings = settings.append_document_content_handler(doc_text!(move |t| {
        if t.text_type() == TextType::Data {
            c_prose.borrow_mut().prose.push(t.source_location().bytes());
        }
        Ok(())
    }));
    settings = settings.append_element_content_handler(text!("code, pre, kbd, samp", move |t| {
        c_code.borrow_mut().code.push(t.source_location().bytes());
        Ok(())
    }));
    rewrite_str(text_, settings).map_err(|err| LoadError::Malformed {
        path: path.to_string(),
        line: 1,
        column: 1,
        message: format!("cannot parse HTML: {err}"),
        help: None,
    })?;
    let collected = Rc::try_unwrap(collected)
        .map(RefCell::into_inner)
        .unwrap_or_default();
    let mut layout = Layout {
        comments: collected.comments,
        markup: super::markup::from_prose(text_, collected.prose, &collected.code, &collected.alts),
        ..Layout::default()
    };
    let mut sections = assemble(&collected.events);
    for alt in layout
        .markup
        .iter()
        .filter(|m| m.kind == super::markup::MarkupKind::Verbatim)
        .map(|m| m.range.clone())
    {
        if !text_[alt.clone()].trim().is_empty() {
            sections.push(Section {
                kind: SectionKind::Caption,
                range: alt,
            });
        }
    }
    // A paragraph inside a figcaption is the caption, not body text.
    let captions: Vec<Range<usize>> = sections
        .iter()
        .filter(|s| s.kind == SectionKind::Caption)
        .map(|s| s.range.clone())
        .collect();
    sections.retain(|s| {
        s.kind != SectionKind::Body
            || !captions
                .iter()
                .any(|c| c.start <= s.range.start && s.range.end <= c.end)
    });
    let mut split = Vec::with_capacity(sections.len());
    for section in sections {
        split.extend(split_credit(text_, section));
    }
    split.sort_by_key(|s| (s.range.start, s.range.end));
    layout.sections = split;
    if let Some((value, at, what)) = collected.date {
        match super::declared_date::parse(&value) {
            super::declared_date::Declared::Date(date) => {
                let (line, _) = lines.position(text_, at);
                layout.date = Some((date, format!("HTML {what} on line {line}")));
            }
            declared => {
                let (message, help) = super::declared_date::problem(what, &value, &declared);
                // Point at the value inside the tag when it is written as is.
                let tag_end = text_[at..].find('>').map_or(text_.len(), |e| at + e);
                let range = text_[at..tag_end]
                    .find(value.as_str())
                    .map_or(at..at, |v| at + v..at + v + value.len());
                layout.problems.push(super::MetadataProblem {
                    range,
                    message,
                    help,
                });
            }
        }
    }
    layout.language = collected
        .language
        .and_then(|(value, _)| Language::from_code(&value));
    Ok(layout)
}

/// The prose and code of an HTML fragment that starts at byte `at` of
/// its file: a Markdown HTML block, whose text between tags the reader
/// sees as any paragraph, while its tags, scripts and styles stay markup.
/// A fragment the parser refuses has no prose.
pub(super) fn fragment_text(fragment: &str, at: usize) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let prose = RefCell::new(Vec::new());
    let code = RefCell::new(Vec::new());
    let shifted = |r: Range<usize>| r.start + at..r.end + at;
    let settings = RewriteStrSettings::new()
        .append_document_content_handler(doc_text!(|t| {
            if t.text_type() == TextType::Data {
                prose
                    .borrow_mut()
                    .push(shifted(t.source_location().bytes()));
            }
            Ok(())
        }))
        .append_element_content_handler(text!("code, pre, kbd, samp", |t| {
            code.borrow_mut().push(shifted(t.source_location().bytes()));
            Ok(())
        }));
    match rewrite_str(fragment, settings) {
        Ok(_) => (prose.into_inner(), code.into_inner()),
        Err(_) => (Vec::new(), Vec::new()),
    }
}

/// Turns the event list into one section per element, spanning its text.
fn assemble(events: &[(SectionKind, Option<Range<usize>>)]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut open: Vec<(SectionKind, Option<usize>)> = Vec::new();
    for (kind, range) in events {
        match range {
            None => open.push((*kind, None)),
            Some(range) => {
                let Some(slot) = open.iter().rposition(|(k, _)| k == kind) else {
                    continue;
                };
                match open[slot].1 {
                    Some(i) => sections[i].range.end = range.end,
                    None => {
                        open[slot].1 = Some(sections.len());
                        sections.push(Section {
                            kind: *kind,
                            range: range.clone(),
                        });
                    }
                }
            }
        }
    }
    sections
}

/// Trims a section and splits a trailing `(credit)` off a caption.
fn split_credit(text: &str, section: Section) -> Vec<Section> {
    let raw = &text[section.range.clone()];
    let lead = raw.len() - raw.trim_start().len();
    let start = section.range.start + lead;
    let trimmed = raw.trim();
    let end = start + trimmed.len();
    if section.kind == SectionKind::Caption
        && trimmed.ends_with(')')
        && let Some(open) = trimmed.rfind('(')
        && open > 0
        && trimmed[open..].split_whitespace().count() <= 8
    {
        let caption_end = start + trimmed[..open].trim_end().len();
        return vec![
            Section {
                kind: SectionKind::Caption,
                range: start..caption_end,
            },
            Section {
                kind: SectionKind::Credit,
                range: start + open..end,
            },
        ];
    }
    vec![Section {
        kind: section.kind,
        range: start..end,
    }]
}

/// The byte range of an attribute's value inside a start tag's source.
fn attribute_value_range(tag: &str, name: &str) -> Option<Range<usize>> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_ascii_whitespace());
        let rest = &tag[from..];
        let eq = rest.len() - rest.trim_start().len();
        if !before_ok || !rest[eq..].starts_with('=') {
            continue;
        }
        let value = &rest[eq + 1..];
        let ws = value.len() - value.trim_start().len();
        let value_start = from + eq + 1 + ws;
        let value = &tag[value_start..];
        return match value.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let end = value[1..].find(q)? + 1;
                Some(value_start + 1..value_start + end)
            }
            Some(_) => {
                let end = value
                    .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                    .unwrap_or(value.len());
                Some(value_start..value_start + end)
            }
            None => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_become_sections() {
        let html = r#"<!doctype html><html lang="ar"><head><meta property="article:published_time" content="2023-02-24T10:00:00Z"></head><body>
<h1>قائد سلاح الجو يختتم زيارته</h1>
<figure><img src="a.jpg" alt="بار ونظيره المغربي"><figcaption>بار ونظيره في القاعدة. (Israel Defense Forces)</figcaption></figure>
<p>التقى <b>بار</b> بنظيره.</p>
<!-- factlint-disable-next-line typo -->
<p>وزار القاعدة.
</body></html>"#;
        let layout = layout("a.html", html, &LineIndex::new(html)).unwrap();
        let kinds: Vec<_> = layout
            .sections
            .iter()
            .map(|s| (s.kind, &html[s.range.clone()]))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (SectionKind::Headline, "قائد سلاح الجو يختتم زيارته"),
                (SectionKind::Caption, "بار ونظيره المغربي"),
                (SectionKind::Caption, "بار ونظيره في القاعدة."),
                (SectionKind::Credit, "(Israel Defense Forces)"),
                (SectionKind::Body, "التقى <b>بار</b> بنظيره."),
                (SectionKind::Body, "وزار القاعدة."),
            ]
        );
        assert_eq!(layout.language, Some(Language::Ar));
        assert_eq!(
            layout.date.unwrap().0,
            chrono::NaiveDate::from_ymd_opt(2023, 2, 24).unwrap()
        );
        assert_eq!(layout.comments.len(), 1);
    }

    #[test]
    fn attribute_values_are_located() {
        let tag = r#"<img src="x" ALT='hello there'>"#;
        let r = attribute_value_range(tag, "alt").unwrap();
        assert_eq!(&tag[r], "hello there");
    }
}
