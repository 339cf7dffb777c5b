//! Mentions laid over tokens: for each token, the mentions that start in it
//! and the token where each ends. Date expressions and attribution patterns
//! are read over these annotations.

use super::{Mention, Target};
use crate::text::tokens::Token;

/// A mention as it sits over tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Annotation {
    /// What the mention is.
    pub target: Target,
    /// One past the last token the mention covers.
    pub end: usize,
    /// Byte offset of the mention's first character in the original text:
    /// after the token's start when a clitic (`و`, `ال` …) precedes it.
    pub start: usize,
}

/// The annotations of every token of an article, stored flat: the
/// annotations of token `i` are `annotations[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default)]
pub struct TokenMentions {
    annotations: Vec<Annotation>,
    offsets: Vec<u32>,
}

impl TokenMentions {
    /// Lays `mentions` over `tokens` (a mention belongs to the token its
    /// first character is in, so a clitic-prefixed word carries it).
    pub fn new(tokens: &[Token], mentions: &[Mention]) -> TokenMentions {
        let mut placed: Vec<(usize, Annotation)> = mentions
            .iter()
            .filter_map(|mention| {
                let first = tokens.partition_point(|t| t.orig.end <= mention.range.start);
                let end = tokens.partition_point(|t| t.orig.start < mention.range.end);
                (first < end && first < tokens.len()).then_some((
                    first,
                    Annotation {
                        target: mention.target,
                        end,
                        start: mention.range.start,
                    },
                ))
            })
            .collect();
        // Mentions come sorted by position; keep the order stable anyway.
        placed.sort_by_key(|(first, _)| *first);
        let mut offsets = Vec::with_capacity(tokens.len() + 1);
        let mut next = 0;
        for i in 0..=tokens.len() {
            while next < placed.len() && placed[next].0 < i {
                next += 1;
            }
            offsets.push(next as u32);
        }
        TokenMentions {
            annotations: placed.into_iter().map(|(_, a)| a).collect(),
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
