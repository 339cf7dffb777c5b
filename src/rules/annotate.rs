//! Mentions laid over tokens: for each token, the mentions that start in it
//! and the token where each ends. Date expressions and attribution patterns
//! are read over these annotations.

use super::{Mention, Target};
use crate::text::tokens::{Token, narrow_offset};

/// A mention as it sits over tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Annotation {
    /// What the mention is.
    pub target: Target,
    end: u32,
    start: u32,
}

// A large article holds an annotation every other word: kept small.
const _: () = assert!(std::mem::size_of::<Annotation>() == 24);

impl Annotation {
    /// An annotation of `target` over tokens up to `end` (exclusive), its
    /// first character at byte `start` of the original text.
    pub fn new(target: Target, end: usize, start: usize) -> Annotation {
        Annotation {
            target,
            end: narrow_offset(end),
            start: narrow_offset(start),
        }
    }

    /// One past the last token the mention covers.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Byte offset of the mention's first character in the original text:
    /// after the token's start when a clitic (`و`, `ال` …) precedes it.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }
}

/// The annotations of every token of an article, stored flat: the
/// annotations of token `i` are `annotations[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default)]
pub struct TokenMentions {
    annotations: Vec<Annotation>,
    offsets: Vec<u32>,
}

/// A lexicon marker's mention cut down to where it is and what: markers
/// are three mentions in four, read only through the annotations, so a
/// large article does not keep them as full [`Mention`]s (24 bytes each
/// here, 64 there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkerMention {
    start: u32,
    end: u32,
    target: Target,
}

impl MarkerMention {
    /// Moves the lexicon markers out of `mentions` (sorted by position, as
    /// the matcher gives them), in the same order.
    pub fn take_from(mentions: &mut Vec<Mention>) -> Vec<MarkerMention> {
        let markers = mentions
            .iter()
            .filter(|m| matches!(m.target, Target::Marker(_)))
            .map(|m| MarkerMention {
                start: narrow_offset(m.range.start),
                end: narrow_offset(m.range.end),
                target: m.target,
            })
            .collect();
        mentions.retain(|m| !matches!(m.target, Target::Marker(_)));
        mentions.shrink_to_fit();
        markers
    }

    /// Byte range in the original text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl TokenMentions {
    /// Lays `mentions` over `tokens` (a mention belongs to the token its
    /// first character is in, so a clitic-prefixed word carries it).
    pub fn new(tokens: &[Token], mentions: &[Mention]) -> TokenMentions {
        TokenMentions::with_markers(tokens, mentions, &[])
    }

    /// Lays `mentions` and the `markers` taken out of them
    /// ([`MarkerMention::take_from`]) over `tokens`, in the order the
    /// whole list had: by position, then end, then target.
    pub fn with_markers(
        tokens: &[Token],
        mentions: &[Mention],
        markers: &[MarkerMention],
    ) -> TokenMentions {
        let mut rest = mentions
            .iter()
            .map(|m| (m.range.clone(), m.target))
            .peekable();
        let mut marks = markers.iter().map(|m| (m.range(), m.target)).peekable();
        let key =
            |(range, target): &(std::ops::Range<usize>, Target)| (range.start, range.end, *target);
        let merged = std::iter::from_fn(|| match (rest.peek(), marks.peek()) {
            (Some(a), Some(b)) if key(b) < key(a) => marks.next(),
            (Some(_), _) => rest.next(),
            (None, _) => marks.next(),
        });
        // One annotation and the index of its first token per mention, kept
        // apart: a large article has a mention every other word, and pairs
        // would cost a word more each.
        let count = mentions.len() + markers.len();
        let mut firsts: Vec<u32> = Vec::with_capacity(count);
        let mut annotations = Vec::with_capacity(count);
        // The mentions come by position, so the first token of each is
        // found by moving forward from the last one's, and its end by
        // reading on over its few tokens: two searches of every token per
        // mention cost as much as the walk that found them when a pack makes
        // a mention of every other word. (Tokens are in text order and do
        // not overlap, so both answers are the ones a search would give.)
        let mut first = 0;
        for (range, target) in merged {
            if first > 0 && tokens[first - 1].orig().end > range.start {
                // Out of order (never from the matcher): search again.
                first = tokens.partition_point(|t| t.orig().end <= range.start);
            }
            while first < tokens.len() && tokens[first].orig().end <= range.start {
                first += 1;
            }
            let mut end = first;
            while end < tokens.len() && tokens[end].orig().start < range.end {
                end += 1;
            }
            if first < end && first < tokens.len() {
                firsts.push(first as u32);
                annotations.push(Annotation::new(target, end, range.start));
            }
        }
        // Mentions come sorted by position, so their first tokens are in
        // order; mentions given in another order are sorted, stably.
        if !firsts.is_sorted() {
            let mut placed: Vec<(u32, Annotation)> = firsts.into_iter().zip(annotations).collect();
            placed.sort_by_key(|(first, _)| *first);
            (firsts, annotations) = placed.into_iter().unzip();
        }
        annotations.shrink_to_fit();
        let mut offsets = Vec::with_capacity(tokens.len() + 1);
        let mut next = 0;
        for i in 0..=tokens.len() as u32 {
            while next < firsts.len() && firsts[next] < i {
                next += 1;
            }
            offsets.push(next as u32);
        }
        TokenMentions {
            annotations,
            offsets,
        }
    }

    /// The mentions starting in token `i`.
    pub fn at(&self, i: usize) -> &[Annotation] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&start), Some(&end)) => &self.annotations[start as usize..end as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Language;
    use crate::text::{normalize::Normalized, tokens::tokenize};

    /// Each mention lands on the token its first character is in and ends
    /// after the last token it touches, as searching all tokens for it
    /// would say, whether the mentions come in order or not: starts inside
    /// a word and between words, mentions that end before an earlier one,
    /// and one past the last token.
    #[test]
    fn each_mention_lands_where_a_search_puts_it() {
        let text = "وقال الرئيس، يوم 12 مايو: to-day we meet  again";
        let tokens = tokenize(&Normalized::new(text), text);
        let mention = |start: usize, end: usize, target: usize| Mention {
            target: Target::Typo(target),
            language: Language::Ar,
            range: start..end,
            word: start..end,
            captures: None,
        };
        let mut in_order = Vec::new();
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (n, &start) in boundaries.iter().enumerate() {
            for &end in boundaries.iter().skip(n + 1).step_by(3).take(4) {
                in_order.push(mention(start, end, in_order.len()));
            }
        }
        let mut out_of_order = in_order.clone();
        out_of_order.reverse();
        out_of_order.rotate_left(7);
        for mentions in [&in_order, &out_of_order] {
            let laid = TokenMentions::new(&tokens, mentions);
            let mut expected: Vec<Vec<Annotation>> = vec![Vec::new(); tokens.len()];
            for m in mentions.iter() {
                let first = tokens.partition_point(|t| t.orig().end <= m.range.start);
                let end = tokens.partition_point(|t| t.orig().start < m.range.end);
                if first < end && first < tokens.len() {
                    expected[first].push(Annotation::new(m.target, end, m.range.start));
                }
            }
            for (i, annotations) in expected.iter().enumerate() {
                assert_eq!(laid.at(i), annotations.as_slice(), "token {i}");
            }
        }
    }
}
