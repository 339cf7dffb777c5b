//! Windows: how a very long text is checked in bounded memory.
//!
//! The per-word structures every check shares (tokens, mentions, their
//! annotations, sentence numbers, date expressions) cost about a dozen
//! bytes per byte of text. A news article is a few kilobytes, so they are
//! built for the whole of it; a file of many megabytes (a book, an archive
//! dump saved as one file) is checked one window of about
//! [`WINDOW_BYTES`] at a time instead, each window's structures dropped
//! before the next is read. Only the text, its normalised form and its
//! sections and lines are kept for the whole file.
//!
//! A window is made of whole sections (paragraphs, captions, headlines)
//! wherever sections allow it, so that nothing a check reads within one
//! sentence is cut. What a window cannot see is what lies in another: the
//! checks that compare one part of an article with another (a name spelt
//! two ways, one man given two ranks, a family name given earlier) compare
//! within a window, and the reference date is read from the first window,
//! where a dateline or front matter stands.

use std::ops::Range;

use crate::article::Article;

/// The most bytes of original text one window holds, unless a single word
/// is longer. The longest of the 2,381 corpus articles is 57 KB: every
/// article a newsroom publishes is one window, and is checked exactly as a
/// whole.
pub const WINDOW_BYTES: usize = 1 << 20;

/// The byte ranges of [`Article::text`] that `article` is checked in, in
/// order, together covering the whole text: one range when the text is at
/// most `limit` bytes. A window ends where a section starts, else after
/// the last line break or space in its `limit` bytes, else at the last
/// character boundary (a run of `limit` bytes with no space in it).
pub fn windows(article: &Article, limit: usize) -> Vec<Range<usize>> {
    let text = &article.text;
    let limit = limit.max(1);
    let mut cuts = vec![0];
    let mut start = 0;
    while text.len() - start > limit {
        let most = start + limit;
        let sections_before = article.sections.partition_point(|s| s.range.start <= most);
        let section_start = article.sections[..sections_before]
            .last()
            .map(|s| s.range.start)
            .filter(|&at| at > start);
        let end = section_start
            .or_else(|| {
                let head = &text.as_bytes()[start..most];
                let after = |i: usize| start + i + 1;
                (head.iter().rposition(|&b| b == b'\n'))
                    .or_else(|| head.iter().rposition(u8::is_ascii_whitespace))
                    .map(after)
                    .filter(|&at| at > start)
            })
            .unwrap_or_else(|| {
                (start + 1..=most)
                    .rev()
                    .find(|&at| text.is_char_boundary(at))
                    .unwrap_or(most)
            });
        cuts.push(end);
        start = end;
    }
    cuts.push(text.len());
    cuts.windows(2).map(|pair| pair[0]..pair[1]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::LoadOptions;

    fn cut(text: &str, limit: usize) -> Vec<&str> {
        let article = Article::from_text("t.txt", text, &LoadOptions::default());
        windows(&article, limit)
            .into_iter()
            .map(|w| &text[w])
            .collect()
    }

    #[test]
    fn a_short_text_is_one_window() {
        assert_eq!(
            cut("قال الوزير.\n\nوأضاف.", 1000),
            vec!["قال الوزير.\n\nوأضاف."]
        );
        assert_eq!(cut("", 10), vec![""]);
    }

    #[test]
    fn windows_end_where_sections_start() {
        let text = "First paragraph here.\n\nSecond paragraph here.\n\nThird one.";
        let windows = cut(text, 30);
        assert_eq!(windows.concat(), text);
        assert_eq!(
            windows,
            vec![
                "First paragraph here.\n\n",
                "Second paragraph here.\n\n",
                "Third one."
            ]
        );
    }

    #[test]
    fn a_long_paragraph_is_cut_after_a_space_and_a_spaceless_run_at_a_character() {
        let text = "one two three four five six seven";
        let windows = cut(text, 10);
        assert_eq!(windows.concat(), text);
        assert!(windows.iter().all(|w| w.len() <= 10), "{windows:?}");
        assert!(
            windows[..windows.len() - 1]
                .iter()
                .all(|w| w.ends_with(' '))
        );
        let arabic = "ا".repeat(20);
        let windows = cut(&arabic, 5);
        assert_eq!(windows.concat(), arabic);
        assert!(windows.iter().all(|w| w.len() == 4), "{windows:?}");
    }
}
