/*!
factlint checks news articles against what a newsroom knows.

An article is loaded into an [`article::Article`] (the original bytes, never
altered, plus sections and a language), matched in one pass against every
loaded rule pack ([`rules::RuleSet`]), and handed to the checks of
[`checks`], which return [`finding::Finding`]s. The renderers of [`report`]
turn the same findings into a report for people or for machines.

# Brief overview

```text
path/stdin ──load──▶ Article ──match──▶ Mentions ──check──▶ Findings ──render──▶ human | json | jsonl
rules/…yaml ──load+validate──▶ Pack ──compile──▶ RuleSet (one automaton, one multi-regex)
```

Dependencies point one way: `text` → `article` → `rules` → `checks` →
`report`. Checks never print; only the binary writes to the terminal.

# Example

```
use factlint::{article::{Article, LoadOptions}, rules::RuleSet, checks};

let rules = RuleSet::bundled().expect("bundled packs are valid");
let article = Article::from_text("note.txt", "Their first visit was in in 2023.\n", &LoadOptions::default());
let findings = checks::run_all(&article, &rules, &checks::CheckOptions::default());
assert!(findings.iter().all(|f| f.span.start <= f.span.end));
```
*/
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub mod checks;
pub mod dates;
pub mod finding;
pub mod report;
pub mod rules;
pub mod text;
