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
}

/// The annotations of every token of an article.
#[derive(Debug, Clone, Default)]
pub struct TokenMentions {
    per_token: Vec<Vec<Annotation>>,
}

impl TokenMentions {
    /// Lays `mentions` over `tokens` (a mention belongs to the token its
    /// first character is in, so a clitic-prefixed word carries it).
    pub fn new(tokens: &[Token], mentions: &[Mention]) -> TokenMentions {
        let mut per_token: Vec<Vec<Annotation>> = vec![Vec::new(); tokens.len()];
        for mention in mentions {
            let first = tokens.partition_point(|t| t.orig.end <= mention.range.start);
            let end = tokens.partition_point(|t| t.orig.start < mention.range.end);
            if first < end && first < tokens.len() {
                per_token[first].push(Annotation {
                    target: mention.target,
                    end,
                });
            }
        }
        TokenMentions { per_token }
    }

    /// The mentions starting in token `i`.
    pub fn at(&self, i: usize) -> &[Annotation] {
        self.per_token.get(i).map_or(&[], Vec::as_slice)
    }
}
