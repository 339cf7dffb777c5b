//! Section heuristics for plain text, as captured from a publisher's page.
//!
//! A plain-text capture has no markup, but its head is regular: optional
//! site lines (a section label, a banner such as "Israel at war - day 428"),
//! the headline, an optional standfirst, an optional dateline line, then
//! paragraphs. The rules below were measured on corpus articles rendered as
//! plain text in several layouts (`scripts/measure_layout.py`, results in
//! the README): a digit says nothing about a line (`5 killed in Gaza
//! strike` is a headline), so the headline is the first line of the head
//! that does not look like a site line, and a site line only counts as one
//! when a headline follows it.

use std::ops::Range;

use super::{Layout, Section, SectionKind};

/// A headline candidate after site lines is at most this long; a longer line
/// there is a paragraph that lacks its full stop. Measured: one corpus
/// title in 2,381 is longer (99.5% have at most 18 words).
const HEADLINE_MAX_WORDS: usize = 30;

/// A line longer than this is a paragraph even without a full stop.
const PARAGRAPH_MIN_WORDS: usize = 41;

/// One non-blank line, trimmed.
struct Unit {
    range: Range<usize>,
    words: usize,
}

/// Segments a plain-text article into sections.
pub fn layout(text: &str) -> Layout {
    let units = units(text);
    let line = |i: usize| &text[units[i].range.clone()];
    let mut kinds: Vec<Option<SectionKind>> = vec![None; units.len()];
    let captions: Vec<Option<usize>> = units
        .iter()
        .map(|u| caption_credit_start(&text[u.range.clone()], u.words).map(|c| u.range.start + c))
        .collect();

    // Trailing chrome after the last sentence ("read more about").
    let last_sentence = (0..units.len())
        .rposition(|i| ends_sentence(line(i)))
        .unwrap_or(units.len());
    for i in last_sentence + 1..units.len() {
        if is_short_label(line(i), units[i].words) {
            kinds[i] = Some(SectionKind::Chrome);
        }
    }

    // The head: the lines before the first paragraph, or before the first
    // caption under a line that can be the headline (a headline may end in
    // a parenthesis, as in `… clinic (Naqaa)`).
    let is_site_line =
        |i: usize| is_short_label(line(i), units[i].words) || is_banner(line(i), units[i].words);
    let first_paragraph = (0..units.len())
        .position(|i| {
            is_paragraph(line(i), units[i].words)
                || (captions[i].is_some() && (0..i).any(|j| !is_site_line(j)))
        })
        .unwrap_or(units.len());
    let head: Vec<usize> = (0..first_paragraph)
        .filter(|&i| kinds[i].is_none())
        .collect();
    let candidates: Vec<usize> = head
        .iter()
        .copied()
        .filter(|&i| !is_dateline_line(line(i), units[i].words))
        .collect();
    let headline = match candidates.iter().position(|&i| !is_site_line(i)) {
        // The first line of the head looks like a headline: it is one.
        Some(0) => Some(candidates[0]),
        // Site lines, then a headline-sized line.
        Some(p) if units[candidates[p]].words <= HEADLINE_MAX_WORDS => Some(candidates[p]),
        // Site lines, then a paragraph without a full stop: the last of
        // them is a short headline (`Bahia cocoa review`).
        Some(p) => Some(candidates[p - 1]),
        // Only short lines: the last is the headline.
        None => candidates.last().copied(),
    }
    .or_else(|| head.first().copied())
    .or_else(|| (0..units.len()).find(|&i| kinds[i].is_none()));

    if let Some(headline) = headline {
        for &i in head.iter().take_while(|&&i| i < headline) {
            kinds[i] = Some(if is_banner(line(i), units[i].words) {
                SectionKind::Banner
            } else {
                SectionKind::Chrome
            });
        }
        kinds[headline] = Some(SectionKind::Headline);
        let after = headline + 1;
        let body_units_after = units.len().saturating_sub(after + 1);
        if after < units.len()
            && kinds[after].is_none()
            && captions[after].is_none()
            && is_standfirst(line(after), units[after].words)
            && body_units_after >= 2
        {
            kinds[after] = Some(SectionKind::Standfirst);
        }
    }

    let mut sections = Vec::new();
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
        let mut content = line.trim();
        // A trailing `factlint-disable-line` is not part of the article.
        if let Some(at) = super::directive::trailing_disable_line(content) {
            content = content[..at].trim_end();
        }
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

/// Whether a line ends with a full stop: headlines end with a question or
/// exclamation mark at most, so a full stop marks a paragraph.
fn ends_with_full_stop(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '”', '»', '’', '\'', ')', ' ']);
    trimmed.ends_with(['.', '…', '。'])
}

fn has_digit(line: &str) -> bool {
    line.chars().any(|c| c.is_numeric())
}

/// A paragraph of running text: it ends with a full stop, or is too long
/// for a headline, a banner or a dateline.
fn is_paragraph(line: &str, words: usize) -> bool {
    words >= PARAGRAPH_MIN_WORDS || ends_with_full_stop(line)
}

/// A site label: one to three words, no sentence punctuation, no digit
/// (`Search`, `اقتصاد`, "read more about").
fn is_short_label(line: &str, words: usize) -> bool {
    words <= 3 && !ends_sentence(line) && !has_digit(line)
}

/// A banner is a short line split by a separator (`Israel at war - day
/// 428`, `Markets | Gulf`). A digit alone does not make one: headlines carry
/// numbers (`5 killed in Gaza strike`).
fn is_banner(line: &str, words: usize) -> bool {
    words <= 10 && !ends_sentence(line) && has_separator(line)
}

fn has_separator(line: &str) -> bool {
    [" - ", " | ", " – ", " — "]
        .iter()
        .any(|s| line.contains(s))
}

/// A dateline on a line of its own, under the headline: a place and a
/// source ending in a dash or colon (`MUSCAT, March 10 -`, `الدمام - واس:`),
/// a place, a colon and a source (`القاهرة: خدمة الأخبار`), a short `place -
/// source` (`الدمام - واس`), or a place followed by a full date
/// (`الدمام 3 رجب 1447 هـ الموافق 22 ديسمبر 2025 م`). Such a line is never
/// the headline or a standfirst; it stays in the body, where the reference
/// date looks for a dateline.
fn is_dateline_line(line: &str, words: usize) -> bool {
    if words > 16 {
        return false;
    }
    let trimmed = line.trim_end();
    let ends_open = trimmed.ends_with(['-', '–', '—', ':']);
    let colon = line.split_once([':', '：']).is_some_and(|(place, source)| {
        let (p, s) = (
            place.split_whitespace().count(),
            source.split_whitespace().count(),
        );
        (1..=2).contains(&p) && (1..=3).contains(&s)
    });
    let place_source =
        words <= 4 && (line.contains(" - ") || line.contains(" – ")) && !line.contains(" | ");
    (ends_open && words <= 8) || colon || place_source || opens_with_place_and_date(line)
}

/// A place, then a day and a year within the next few words
/// (`الدمام 3 رجب 1447 هـ`, `CAIRO, Feb. 24, 2023`).
fn opens_with_place_and_date(line: &str) -> bool {
    let tokens: Vec<&str> = line
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.chars().count()) && t.chars().all(|c| c.is_numeric())
    };
    let Some(day) = tokens.iter().take(4).position(|t| digits(t, 1..=2)) else {
        return false;
    };
    day >= 1
        && !tokens[..day].iter().any(|t| has_digit(t))
        && tokens
            .iter()
            .skip(day + 1)
            .take(2)
            .any(|t| digits(t, 4..=4))
}

/// A standfirst: the line under the headline when it reads as a summary,
/// four to sixty words without a closing full stop (a paragraph of the
/// body ends with one), and not a dateline.
fn is_standfirst(line: &str, words: usize) -> bool {
    (4..=60).contains(&words)
        && !ends_sentence(line)
        && !is_dateline_line(line, words)
        && !starts_with_dateline(line)
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
        let text = "Israel at war - Day 428\n\nSearch\n\nAir force chief ends visit\n\nHe met his counterpart and said a lot about the visit\n\nThe chief meets his counterpart at the base, Feb. 22, 2023. (IDF)\n\nThe chief ended a visit on Friday.\n\nHe met the general.\n\nRead more about\n";
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
                    "He met his counterpart and said a lot about the visit"
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

    fn kinds(text: &str) -> Vec<(SectionKind, &str)> {
        layout(text)
            .sections
            .iter()
            .map(|s| (s.kind, &text[s.range.clone()]))
            .collect()
    }

    #[test]
    fn a_digit_does_not_make_a_banner() {
        assert!(!is_banner("5 killed in Gaza strike", 5));
        assert!(!is_banner("مقتل 5 في غارة على غزة", 6));
        assert!(is_banner("Markets | Gulf", 3));
        assert!(is_banner("الحرب في السودان - اليوم 120", 6));
        let text = "5 killed in Gaza strike\n\nFive people were killed, medics said.\n\nThe strike hit a house.\n";
        assert_eq!(
            kinds(text)[0],
            (SectionKind::Headline, "5 killed in Gaza strike")
        );
        let text = "مقتل 5 في غارة على غزة\n\nقتل خمسة أشخاص في غارة، بحسب مسعفين.\n\nأصابت الغارة منزلا.\n";
        assert_eq!(
            kinds(text)[0],
            (SectionKind::Headline, "مقتل 5 في غارة على غزة")
        );
    }

    #[test]
    fn a_site_line_counts_only_above_a_headline() {
        // A banner above a short headline.
        let text = "Hajj season | Day 3\n\nPilgrims reach Arafat\n\nPilgrims reached the plain on Monday.\n\nThey prayed.\n";
        assert_eq!(
            kinds(text)[..2],
            [
                (SectionKind::Banner, "Hajj season | Day 3"),
                (SectionKind::Headline, "Pilgrims reach Arafat")
            ]
        );
        // A three-word headline with nothing above it stays the headline.
        let text =
            "Cocoa crop review\n\nRain fell across the cocoa zone this week.\n\nPrices held.\n";
        assert_eq!(kinds(text)[0], (SectionKind::Headline, "Cocoa crop review"));
        // A headline with a separator and no site line above it.
        let text = "Oil prices fall - traders\n\nOil prices fell on Monday, traders said.\n";
        assert_eq!(
            kinds(text)[0],
            (SectionKind::Headline, "Oil prices fall - traders")
        );
    }

    #[test]
    fn a_headline_may_end_in_a_parenthesis() {
        let text = "Markets | Gulf\n\nBank opens a branch in Dammam (photos)\n\nThe bank opened a branch.\n\nIt has ten staff.\n";
        assert_eq!(
            kinds(text)[..2],
            [
                (SectionKind::Banner, "Markets | Gulf"),
                (
                    SectionKind::Headline,
                    "Bank opens a branch in Dammam (photos)"
                )
            ]
        );
        // Under a headline, the same shape is a caption and its credit.
        let text = "Bank opens a branch\n\nThe new branch in Dammam, March 3. (photos)\n\nThe bank opened a branch.\n";
        assert_eq!(kinds(text)[1].0, SectionKind::Caption);
    }

    #[test]
    fn a_dateline_line_is_body_not_headline_or_standfirst() {
        assert!(is_dateline_line("MUSCAT, March 10 -", 3));
        assert!(is_dateline_line("القاهرة: خدمة الأخبار", 3));
        assert!(is_dateline_line("الدمام - واس", 3));
        assert!(is_dateline_line(
            "الدمام 3 رجب 1447 هـ الموافق 22 ديسمبر 2025 م",
            10
        ));
        assert!(!is_dateline_line("مقتل 5 في غارة على غزة", 6));
        assert!(!is_dateline_line("Profits rose 20 pct in 1986", 6));
        assert!(!is_dateline_line("Markets | Gulf", 3));
        let text = "Tea prices - review\n\nDAMMAM, March 10 -\n\nTea prices rose this week.\n\nTraders were pleased.\n\nStocks fell.\n";
        assert_eq!(
            kinds(text)[..2],
            [
                (SectionKind::Headline, "Tea prices - review"),
                (SectionKind::Body, "DAMMAM, March 10 -")
            ]
        );
    }

    #[test]
    fn a_standfirst_has_no_closing_full_stop() {
        assert!(is_standfirst(
            "The minister says talks will resume in the spring",
            9
        ));
        assert!(!is_standfirst(
            "The minister said talks would resume in the spring.",
            9
        ));
        assert!(!is_standfirst("الدمام - واس", 3));
        assert!(is_paragraph("The talks ended on Monday.", 5));
        assert!(!is_paragraph("Talks end in Muscat", 4));
        assert!(is_short_label("Search", 1));
        assert!(!is_short_label("Search results for 2024", 4));
    }
}
