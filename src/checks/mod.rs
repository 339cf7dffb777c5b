//! Checks: small, independent functions from an article, its mentions and
//! the rules to findings. One family per folder, one check per file, one
//! stable code per check (see [`codes`]). A check never prints.

pub mod codes;
pub mod typo;

use crate::article::Article;
use crate::finding::Finding;
use crate::rules::{Mention, RuleSet};

/// What every check sees.
#[derive(Debug)]
pub struct Context<'a> {
    /// The article.
    pub article: &'a Article,
    /// All loaded rules.
    pub rules: &'a RuleSet,
    /// Every mention found in the one pass over the article.
    pub mentions: &'a [Mention],
}

/// Which checks run.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Code prefixes to run only (`typo`, `date/hijri`); all when empty.
    pub select: Vec<String>,
    /// Code prefixes to skip.
    pub ignore: Vec<String>,
}

impl CheckOptions {
    /// Whether `code` is switched on: selected (or nothing selected) and
    /// not ignored. A prefix matches whole path segments (`typo` matches
    /// `typo/name`, not `typos/x`).
    pub fn enabled(&self, code: &str) -> bool {
        let matches = |prefix: &String| {
            code == prefix
                || code
                    .strip_prefix(prefix.as_str())
                    .is_some_and(|r| r.starts_with('/'))
        };
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
    }
}

/// Runs every enabled check on one article and returns the findings in
/// source order.
pub fn run_all(article: &Article, rules: &RuleSet, options: &CheckOptions) -> Vec<Finding> {
    let mentions = rules.find(article);
    let context = Context {
        article,
        rules,
        mentions: &mentions,
    };
    let mut findings: Vec<Finding> = codes::REGISTRY
        .iter()
        .filter(|info| options.enabled(info.code))
        .filter_map(|info| info.check)
        .flat_map(|check| check(&context))
        .collect();
    findings.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
    });
    findings
}
