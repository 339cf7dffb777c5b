//! Markdown articles: YAML front matter (`title`, `date`, `lang`), headings,
//! paragraphs and images, located with pulldown-cmark's offset iterator.
//!
//! The first level-1 heading (or the front matter `title`) is the headline;
//! image alt text and the caption line under an image (text after a line
//! break in the image's paragraph, or a following paragraph that is wholly
//! emphasised) are captions; a parenthesised credit at the end of a caption
//! is a credit; other paragraphs, list items, quotes and subheadings are
//! body. HTML comments are kept for suppressions.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use super::{Language, Layout, LoadError, Section, SectionKind};
use crate::text::LineIndex;

/// The front matter keys factlint reads; all others belong to the CMS and
/// are ignored.
#[derive(Debug, Deserialize, Default)]
struct FrontMatter {
    title: Option<serde_saphyr::Spanned<String>>,
    date: Option<serde_saphyr::Spanned<String>>,
    lang: Option<serde_saphyr::Spanned<String>>,
}

/// Lays out a Markdown article; `lines` is the article's line index, for
/// the places of front matter errors.
pub fn layout(path: &str, text: &str, lines: &LineIndex) -> Result<Layout, LoadError> {
    let mut layout = Layout::default();
    let mut stack: Vec<Block> = Vec::new();
    let mut image_paragraph_pending = false;
    // A byte-order mark would hide the front matter: read after it, and
    // shift every range back onto the file as read.
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let bom = text.len() - body.len();
    let mut sections: Vec<Section> = Vec::new();
    // Text the reader sees: everything else is markup.
    let mut prose: Vec<Range<usize>> = Vec::new();
    let markdown_start = match find_front_matter(body) {
        FrontMatterBlock::Absent => 0,
        FrontMatterBlock::Closed { yaml, end } => {
            let yaml = yaml.start + bom..yaml.end + bom;
            front_matter(path, text, lines, yaml, &mut layout, &mut sections)?;
            // The title is prose; the keys and other values are not.
            prose.extend(sections.iter().map(|s| s.range.clone()));
            end
        }
        FrontMatterBlock::Unclosed => {
            let (line, column) = lines.position(text, bom);
            return Err(LoadError::Malformed {
                path: path.to_string(),
                line,
                column,
                message: "the front matter opened here is not closed".into(),
                help: Some(
                    "end the front matter with a `---` line before the article's text".into(),
                ),
            });
        }
    };
    let shift = bom + markdown_start;
    let parser = Parser::new_ext(&body[markdown_start..], Options::ENABLE_TABLES);
    let mut in_code = false;
    // Code inside HTML blocks (`<pre>`, `<code>`): not prose.
    let mut code: Vec<Range<usize>> = Vec::new();
    for (event, range) in parser.into_offset_iter() {
        let range = range.start + shift..range.end + shift;
        match event {
            // Code is not article text: no section, no prose.
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(_) if in_code => {}
            // An HTML block's text between tags is prose, as in an HTML
            // article.
            Event::Start(Tag::HtmlBlock) => {
                let (block_prose, block_code) =
                    super::html::fragment_text(&text[range.clone()], range.start);
                // Its words, outside code, make a body section.
                let mut block = Block::start(&Tag::HtmlBlock);
                block.texts = block_prose
                    .iter()
                    .filter(|r| !text[(*r).clone()].trim().is_empty())
                    .filter(|r| {
                        !block_code
                            .iter()
                            .any(|c| c.start <= r.start && r.end <= c.end)
                    })
                    .cloned()
                    .collect();
                prose.extend(block_prose);
                code.extend(block_code);
                stack.push(block);
            }
            Event::Start(tag) => stack.push(Block::start(&tag)),
            Event::End(_) => {
                let Some(block) = stack.pop() else { continue };
                close_block(
                    text,
                    block,
                    &mut stack,
                    &mut sections,
                    &mut image_paragraph_pending,
                );
            }
            Event::Text(_) | Event::Code(_) => {
                if matches!(event, Event::Text(_)) {
                    prose.push(range.clone());
                }
                if let Some(block) = stack.last_mut() {
                    block.text(range);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = stack.iter_mut().rev().find(|b| b.is_paragraph()) {
                    block.line_break(range.end);
                }
            }
            Event::Html(_) | Event::InlineHtml(_)
                if text[range.clone()].trim_start().starts_with("<!--") =>
            {
                layout.comments.push(range);
            }
            _ => {}
        }
    }
    // A headline from `# Title` wins over the front matter title.
    let has_heading = sections
        .iter()
        .filter(|s| s.kind == SectionKind::Headline)
        .count()
        > 1;
    if has_heading
        && let Some(i) = sections
            .iter()
            .position(|s| s.kind == SectionKind::Headline)
    {
        sections.remove(i);
    }
    sections.sort_by_key(|s| (s.range.start, s.range.end));
    sections.dedup_by(|b, a| a.range == b.range);
    layout.sections = sections;
    layout.markup = super::markup::from_prose(text, prose, &code, &[]);
    Ok(layout)
}

/// A block being read, with the byte ranges of its text.
#[derive(Debug)]
struct Block {
    kind: BlockKind,
    /// Text ranges inside the block, in order.
    texts: Vec<Range<usize>>,
    /// Where text after the first line break starts (caption under image).
    after_break: Option<usize>,
    has_image: bool,
    only_emphasis: bool,
}

#[derive(Debug, PartialEq)]
enum BlockKind {
    Heading(HeadingLevel),
    Paragraph,
    Image,
    Emphasis,
    Other,
}

impl Block {
    fn start(tag: &Tag<'_>) -> Block {
        let kind = match tag {
            Tag::Heading { level, .. } => BlockKind::Heading(*level),
            Tag::Paragraph => BlockKind::Paragraph,
            Tag::Image { .. } => BlockKind::Image,
            Tag::Emphasis | Tag::Strong => BlockKind::Emphasis,
            _ => BlockKind::Other,
        };
        Block {
            kind,
            texts: Vec::new(),
            after_break: None,
            has_image: false,
            only_emphasis: true,
        }
    }

    fn is_paragraph(&self) -> bool {
        self.kind == BlockKind::Paragraph
    }

    fn text(&mut self, range: Range<usize>) {
        if self.kind == BlockKind::Paragraph {
            self.only_emphasis = false;
        }
        self.texts.push(range);
    }

    fn line_break(&mut self, at: usize) {
        if self.after_break.is_none() {
            self.after_break = Some(at);
        }
    }

    /// The byte range spanning all of the block's text.
    fn text_span(&self) -> Option<Range<usize>> {
        Some(self.texts.first()?.start..self.texts.last()?.end)
    }
}

fn close_block(
    text: &str,
    block: Block,
    stack: &mut [Block],
    sections: &mut Vec<Section>,
    image_paragraph_pending: &mut bool,
) {
    match block.kind {
        BlockKind::Image => {
            if let Some(span) = block.text_span() {
                push_caption(text, span, sections);
            }
            if let Some(parent) = stack.iter_mut().rev().find(|b| b.is_paragraph()) {
                parent.has_image = true;
            }
        }
        BlockKind::Emphasis => {
            // Text inside emphasis counts as the parent's text.
            if let Some(parent) = stack.last_mut() {
                parent.texts.extend(block.texts);
            }
        }
        BlockKind::Heading(level) => {
            if let Some(span) = block.text_span() {
                let kind = if level == HeadingLevel::H1 {
                    SectionKind::Headline
                } else {
                    SectionKind::Body
                };
                sections.push(Section { kind, range: span });
            }
        }
        BlockKind::Paragraph => {
            let Some(span) = block.text_span() else {
                *image_paragraph_pending = block.has_image;
                return;
            };
            if block.has_image {
                // The caption line under the image, in the same paragraph.
                if let Some(start) = block.after_break {
                    let caption: Vec<_> = block.texts.iter().filter(|r| r.start >= start).collect();
                    if let (Some(first), Some(last)) = (caption.first(), caption.last()) {
                        push_caption(text, first.start..last.end, sections);
                    }
                }
                *image_paragraph_pending = block.after_break.is_none();
                return;
            }
            if *image_paragraph_pending && block.only_emphasis {
                push_caption(text, span, sections);
            } else {
                sections.push(Section {
                    kind: SectionKind::Body,
                    range: span,
                });
            }
            *image_paragraph_pending = false;
        }
        BlockKind::Other => {
            if let Some(parent) = stack.last_mut() {
                parent.texts.extend(block.texts);
            } else if let Some(span) = block.text_span() {
                sections.push(Section {
                    kind: SectionKind::Body,
                    range: span,
                });
            }
        }
    }
}

/// Pushes a caption, splitting off a trailing parenthesised credit.
fn push_caption(text: &str, span: Range<usize>, sections: &mut Vec<Section>) {
    let caption = &text[span.clone()];
    let trimmed = caption.trim_end();
    if trimmed.ends_with(')')
        && let Some(open) = trimmed.rfind('(')
        && trimmed[open..].split_whitespace().count() <= 8
        && open > 0
    {
        let credit_start = span.start + open;
        let caption_end = span.start + caption[..open].trim_end().len();
        sections.push(Section {
            kind: SectionKind::Caption,
            range: span.start..caption_end,
        });
        sections.push(Section {
            kind: SectionKind::Credit,
            range: credit_start..span.start + trimmed.len(),
        });
        return;
    }
    sections.push(Section {
        kind: SectionKind::Caption,
        range: span,
    });
}

/// Where a Markdown article's front matter is.
#[derive(Debug, PartialEq)]
enum FrontMatterBlock {
    /// The article does not open with a `---` line.
    Absent,
    /// The YAML between the `---` lines, and where the Markdown starts.
    Closed { yaml: Range<usize>, end: usize },
    /// A `---` line and YAML keys, but no line closes them.
    Unclosed,
}

/// Finds the front matter as Jekyll and Hugo do: a first line `---`, up to
/// the next line `---` (or YAML's `...`). pulldown-cmark's metadata blocks
/// also refuse a block whose first line is blank, which these tools accept:
/// such an article lost its date and title, and its keys were read as text.
/// A block that opens with a blank line is front matter when its first
/// line with text is a YAML key, and thematic breaks around a paragraph
/// otherwise, as before; so is an opening `---` with no close, which is
/// front matter left open when its first line with text is a key.
fn find_front_matter(body: &str) -> FrontMatterBlock {
    let mut rest = body.split_inclusive('\n');
    let Some(first) = rest.next().filter(|l| l.trim_end() == "---") else {
        return FrontMatterBlock::Absent;
    };
    let yaml_start = first.len();
    let after = &body[yaml_start..];
    let keys_first = after
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(is_yaml_key_line);
    let blank_first = after.lines().next().is_none_or(|l| l.trim().is_empty());
    if blank_first && !keys_first {
        return FrontMatterBlock::Absent;
    }
    let mut at = yaml_start;
    for line in rest {
        if matches!(line.trim_end(), "---" | "...") {
            return FrontMatterBlock::Closed {
                yaml: yaml_start..at,
                end: at + line.len(),
            };
        }
        at += line.len();
    }
    if keys_first {
        FrontMatterBlock::Unclosed
    } else {
        FrontMatterBlock::Absent
    }
}

/// Whether `line` starts a YAML mapping entry as front matter writes them
/// (`date: 2024-05-16`, `title:`): a lower-case key, so that a sentence
/// such as "Note: …" is not taken for one.
fn is_yaml_key_line(line: &str) -> bool {
    let Some((key, value)) = line.split_once(':') else {
        return false;
    };
    key.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && (value.is_empty() || value.starts_with([' ', '\t', '\r']))
}

/// Reads the front matter keys factlint uses.
fn front_matter(
    path: &str,
    text: &str,
    lines: &LineIndex,
    block: Range<usize>,
    layout: &mut Layout,
    sections: &mut Vec<Section>,
) -> Result<(), LoadError> {
    let yaml = &text[block.clone()];
    let malformed = |offset: usize, message: String, help: Option<String>| {
        let (line, column) = lines.position(text, offset);
        LoadError::Malformed {
            path: path.to_string(),
            line,
            column,
            message,
            help,
        }
    };
    let matter: FrontMatter = serde_saphyr::from_str(yaml).map_err(|err| {
        let offset = crate::diagnostic::yaml::error_place(&err, yaml)
            .map_or(block.start, |(o, _)| block.start + o);
        malformed(
            offset,
            format!(
                "malformed front matter: {}",
                crate::diagnostic::yaml::yaml_message(&err)
            ),
            Some(
                "front matter is YAML between `---` lines; `title`, `date` and `lang` are read"
                    .into(),
            ),
        )
    })?;
    let value_range = |s: &serde_saphyr::Spanned<String>| -> Range<usize> {
        let start = s
            .referenced
            .span()
            .byte_offset()
            .map_or(block.start, |o| block.start + o as usize);
        let raw = &text[start..];
        // Quoted scalars: step inside the quotes.
        match raw.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = start + 1;
                let end = text[inner..].find(q).map_or(inner, |e| inner + e);
                inner..end
            }
            _ => start..start + raw.find('\n').unwrap_or(raw.len()),
        }
    };
    if let Some(title) = &matter.title {
        let range = value_range(title);
        let trimmed = text[range.clone()].trim_end().len();
        sections.push(Section {
            kind: SectionKind::Headline,
            range: range.start..range.start + trimmed,
        });
    }
    if let Some(date) = &matter.date {
        let range = value_range(date);
        let value = date.value.trim();
        match super::declared_date::parse(value) {
            super::declared_date::Declared::Date(parsed) => {
                let (line, _) = lines.position(text, range.start);
                layout.date = Some((parsed, format!("front matter `date` on line {line}")));
            }
            declared => {
                let (message, help) =
                    super::declared_date::problem("front matter `date:`", value, &declared);
                layout.problems.push(super::MetadataProblem {
                    range,
                    message,
                    help,
                });
            }
        }
    }
    if let Some(lang) = &matter.lang {
        let at = value_range(lang).start;
        layout.language = Some(Language::from_code(&lang.value).ok_or_else(|| {
            malformed(
                at,
                format!(
                    "front matter `lang: {}` is not a language factlint knows",
                    lang.value
                ),
                Some("use `ar` or `en`".into()),
            )
        })?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(SectionKind, String)> {
        layout("a.md", text, &LineIndex::new(text))
            .unwrap()
            .sections
            .iter()
            .map(|s| (s.kind, text[s.range.clone()].to_string()))
            .collect()
    }

    #[test]
    fn front_matter_image_and_caption() {
        let text = "---\ntitle: \"Air chief visits Morocco\"\ndate: 2023-02-24\nlang: en\n---\n\nThe chief met his counterpart.\n\n![The chief at the base](a.jpg)\n*The chief and his Moroccan counterpart. (IDF)*\n\nHe left on Friday.\n";
        let layout = layout("a.md", text, &LineIndex::new(text)).unwrap();
        assert_eq!(layout.language, Some(Language::En));
        assert_eq!(
            layout.date.as_ref().unwrap().0,
            chrono::NaiveDate::from_ymd_opt(2023, 2, 24).unwrap()
        );
        assert_eq!(
            kinds(text),
            vec![
                (SectionKind::Headline, "Air chief visits Morocco".into()),
                (SectionKind::Body, "The chief met his counterpart.".into()),
                (SectionKind::Caption, "The chief at the base".into()),
                (
                    SectionKind::Caption,
                    "The chief and his Moroccan counterpart.".into()
                ),
                (SectionKind::Credit, "(IDF)".into()),
                (SectionKind::Body, "He left on Friday.".into()),
            ]
        );
    }

    #[test]
    fn bad_front_matter_date_is_kept_as_a_located_problem() {
        let text = "---\ntitle: x\ndate: 2023-02-30\n---\n\nBody.\n";
        let layout = layout("a.md", text, &LineIndex::new(text)).expect("the article still loads");
        assert_eq!(layout.date, None);
        assert_eq!(layout.problems.len(), 1);
        assert_eq!(&text[layout.problems[0].range.clone()], "2023-02-30");
    }

    #[test]
    fn front_matter_opening_with_a_blank_line_is_read() {
        for text in [
            "---\n\ntitle: Visit\ndate: 2023-02-24\n---\n\nThe chief met his counterpart.\n",
            "\u{FEFF}---\r\n\r\ntitle: Visit\r\ndate: 2023-02-24\r\n---\r\n\r\nThe chief met his counterpart.\r\n",
        ] {
            let layout = layout("a.md", text, &LineIndex::new(text)).unwrap();
            assert_eq!(
                layout.date.as_ref().map(|d| d.0),
                chrono::NaiveDate::from_ymd_opt(2023, 2, 24),
                "{text:?}"
            );
            assert_eq!(
                kinds(text),
                vec![
                    (SectionKind::Headline, "Visit".into()),
                    (SectionKind::Body, "The chief met his counterpart.".into()),
                ],
                "{text:?}"
            );
        }
    }

    #[test]
    fn front_matter_left_open_is_a_located_error() {
        let text = "---\ntitle: Visit\ndate: 2023-02-24\n\nThe chief met his counterpart.\n";
        match layout("a.md", text, &LineIndex::new(text)) {
            Err(LoadError::Malformed {
                line,
                column,
                message,
                ..
            }) => {
                assert_eq!((line, column), (1, 1));
                assert!(message.contains("not closed"), "{message}");
            }
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn thematic_breaks_around_text_are_not_front_matter() {
        // No YAML key after the opening rule: Markdown, as pulldown-cmark
        // reads it.
        for text in [
            "---\n\nAn opening paragraph.\n\n---\n\nThe body.\n",
            "---\n\nAn opening paragraph.\n",
        ] {
            let k = kinds(text);
            assert!(
                k.contains(&(SectionKind::Body, "An opening paragraph.".into())),
                "{k:?}"
            );
        }
        // An empty front matter is no front matter.
        assert_eq!(
            kinds("---\n---\n\nThe body.\n"),
            vec![(SectionKind::Body, "The body.".into())]
        );
    }

    #[test]
    fn yaml_key_lines_are_told_from_sentences() {
        for key in [
            "date: 2024-05-16",
            "title:",
            "first_published: x",
            "og-title:\tx",
        ] {
            assert!(is_yaml_key_line(key), "{key}");
        }
        for sentence in [
            "Note: this is prose",
            "Update 3: more",
            "http://x",
            "A sentence.",
        ] {
            assert!(!is_yaml_key_line(sentence), "{sentence}");
        }
    }

    #[test]
    fn heading_beats_front_matter_title() {
        let text = "---\ntitle: CMS title\n---\n\n# Real headline\n\nBody text.\n";
        let k = kinds(text);
        assert_eq!(k[0], (SectionKind::Headline, "Real headline".into()));
        assert_eq!(k.len(), 2);
    }
}
