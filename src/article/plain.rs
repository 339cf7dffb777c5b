//! Section heuristics for plain text, as captured from a publisher's page.
//!
//! A plain-text capture has no markup, but its shape is regular: site chrome
//! (a search label, "read more about") is a line of one to three words with
//! no sentence punctuation; a banner is a short line above the headline with
//! a number or a separator in it ("Israel at war - day 428"); the headline is
//! the first real line; a standfirst follows it; a photo caption ends with
//! its credit in parentheses; the body is the rest.

use std::ops::Range;

use super::{Layout, Section, SectionKind};

/// One non-blank line, trimmed.
struct Unit {
    range: Range<usize>,
    words: usize,
}

/// Segments a plain-text article into sections.
pub fn layout(text: &str) -> Layout {
    let units = units(text);
    let mut kinds: Vec<Option<SectionKind>> = vec![None; units.len()];
    let is_short_label = |u: &Unit| {
        u.words <= 3 && !ends_sentence(&text[u.range.clone()]) && !has_digit(&text[u.range.clone()])
    };

    // Chrome before the headline, and trailing chrome after the last sentence.
    let last_sentence = units
        .iter()
        .rposition(|u| ends_sentence(&text[u.range.clone()]))
        .unwrap_or(units.len());
    for (i, unit) in units.iter().enumerate() {
        if i > last_sentence && is_short_label(unit) {
            kinds[i] = Some(SectionKind::Chrome);
        }
    }
    let mut head = units
        .iter()
        .enumerate()
        .filter(|&(i, _)| kinds[i].is_none())
        .map(|(i, _)| i)
        .collect::<Vec<_>>()
        .into_iter()
        .peekable();
    // Leading chrome labels.
    let mut first_content = None;
    for i in head.by_ref() {
        if is_short_label(&units[i]) {
            kinds[i] = Some(SectionKind::Chrome);
        } else {
            first_content = Some(i);
            break;
        }
    }
    if let Some(first) = first_content {
        let remaining_content = units.len() - first > 2;
        if remaining_content && is_banner(&text[units[first].range.clone()], units[first].words) {
            kinds[first] = Some(SectionKind::Banner);
            // Chrome between the banner and the headline.
            for i in head.by_ref() {
                if is_short_label(&units[i]) {
                    kinds[i] = Some(SectionKind::Chrome);
                } else {
                    first_content = Some(i);
                    break;
                }
            }
        }
    }
    let mut sections = Vec::new();
    let captions: Vec<Option<usize>> = units
        .iter()
        .map(|u| caption_credit_start(&text[u.range.clone()], u.words).map(|c| u.range.start + c))
        .collect();
    if let Some(headline) = first_content.filter(|&i| kinds[i].is_none()) {
        kinds[headline] = Some(SectionKind::Headline);
        let after = headline + 1;
        let body_units_after = units.len().saturating_sub(after + 1);
        if let Some(next) = units.get(after)
            && kinds[after].is_none()
            && captions[after].is_none()
            && next.words <= 60
            && body_units_after >= 2
            && !starts_with_dateline(&text[next.range.clone()])
        {
            kinds[after] = Some(SectionKind::Standfirst);
        }
    }
    for (i, unit) in units.iter().enumerate() {
        let kind = kinds[i].unwrap_or(if captions[i].is_some() {
            SectionKind::Caption
        } else {
            SectionKind::Body
        });
        match (kind, captions[i]) {
            (SectionKind::Caption, Some(credit)) => {
                let caption_end = text[..credit].trim_end().len().max(unit.range.start);
                sections.push(Section {
                    kind: SectionKind::Caption,
                    range: unit.range.start..caption_end,
                });
                sections.push(Section {
                    kind: SectionKind::Credit,
                    range: credit..unit.range.end,
                });
            }
            _ => sections.push(Section {
                kind,
                range: unit.range.clone(),
            }),
        }
    }
    Layout {
        sections,
        ..Layout::default()
    }
}

fn units(text: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let content = line.trim();
        // Suppression directives are not part of the article.
        if !content.is_empty() && !super::directive::is_directive_line(content) {
            let start = offset + trimmed_start;
            units.push(Unit {
                range: start..start + content.len(),
                // Only counts up to 81 matter (caption and standfirst limits).
                words: content.split_whitespace().take(81).count(),
            });
        }
        offset += line.len();
    }
    units
}

/// Whether a line ends like a sentence (after any closing quotes).
fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '”', '»', '’', '\'', ')', ' ']);
    trimmed.ends_with(['.', '!', '?', '؟', '…', '。', ':'])
}

fn has_digit(line: &str) -> bool {
    line.chars().any(|c| c.is_numeric())
}

/// Whether a paragraph opens with a wire dateline (`RIYADH, Feb. 22 -`,
/// `CAIRO (Reuters) -`): such a paragraph is the body's first, never a
/// standfirst.
fn starts_with_dateline(line: &str) -> bool {
    let head: String = line.chars().take(60).collect();
    let first = head.split([',', ' ', '(']).next().unwrap_or("");
    let capitals = first.len() >= 3 && first.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    capitals
        && (head.contains(" - ")
            || head.contains(" – ")
            || head.contains(" — ")
            || head.contains(") -"))
}

/// A banner is a short line with a counter or a separator in it.
fn is_banner(line: &str, words: usize) -> bool {
    words <= 10
        && !ends_sentence(line)
        && (has_digit(line)
            || [" - ", " | ", " – ", " — "]
                .iter()
                .any(|s| line.contains(s)))
}

/// If the line is a photo caption ending in a credit in parentheses, the
/// byte offset (within the line) where the credit starts.
fn caption_credit_start(line: &str, words: usize) -> Option<usize> {
    if !(4..=80).contains(&words) {
        return None;
    }
    let trimmed = line.trim_end();
    let body = trimmed.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let credit = &body[open + 1..];
    let credit_words = credit.split_whitespace().count();
    // A credit names an agency or photographer: a few words, no sentence.
    if credit.is_empty() || credit_words > 8 || credit.contains(['(', '.']) && credit_words > 3 {
        return None;
    }
    // The caption itself must end its sentence before the credit.
    let before = body[..open].trim_end();
    (before.ends_with(['.', '،', ',', ':', '-', '–']) || credit_words <= 4).then_some(open)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_with_banner_chrome_caption_and_body() {
        let text = "Israel at war - Day 428\n\nSearch\n\nAir force chief ends visit\n\nHe met his counterpart and said a lot about it.\n\nThe chief meets his counterpart at the base, Feb. 22, 2023. (IDF)\n\nThe chief ended a visit on Friday.\n\nHe met the general.\n\nRead more about\n";
        let kinds: Vec<_> = layout(text)
            .sections
            .iter()
            .map(|s| (s.kind, &text[s.range.clone()]))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (SectionKind::Banner, "Israel at war - Day 428"),
                (SectionKind::Chrome, "Search"),
                (SectionKind::Headline, "Air force chief ends visit"),
                (
                    SectionKind::Standfirst,
                    "He met his counterpart and said a lot about it."
                ),
                (
                    SectionKind::Caption,
                    "The chief meets his counterpart at the base, Feb. 22, 2023."
                ),
                (SectionKind::Credit, "(IDF)"),
                (SectionKind::Body, "The chief ended a visit on Friday."),
                (SectionKind::Body, "He met the general."),
                (SectionKind::Chrome, "Read more about"),
            ]
        );
    }

    #[test]
    fn a_wire_dateline_opens_the_body() {
        let text = "GCC ministers end Riyadh meeting\n\nRIYADH, Feb. 22 - Ministers ended their meeting.\n\nThey met twice.\n\nThey left.\n";
        let kinds: Vec<_> = layout(text).sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SectionKind::Headline,
                SectionKind::Body,
                SectionKind::Body,
                SectionKind::Body
            ]
        );
    }

    #[test]
    fn a_single_paragraph_is_its_headline() {
        let sections = layout("Just one line.\n").sections;
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].kind, SectionKind::Headline);
    }
}
