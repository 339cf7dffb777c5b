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

Dependencies point one way, from each layer to those below it:

```text
language, partial_date, finding, text,  leaves: no imports from the crate
  messages, cache_dir
diagnostic, spelling                    located errors for YAML inputs; dictionaries
article                                 loaders, sections, directives
rules                                   packs, the one-pass matcher, the pack cache
dates → facts → checks                  analysis and the checks
config → engine                         settings; one session checks many texts
fix → report                            fixes, renderers
```

`tests/layers.rs` fails on a `use` that reaches up. Checks never print;
only the binary (`src/main.rs`, `src/cli/`) writes to the terminal, and the
library builds without its dependencies (`cargo build --no-default-features
--lib`).

# Example

```
use std::sync::Arc;
use factlint::article::{Article, LoadOptions};
use factlint::checks::{self, CheckOptions};
use factlint::rules::{RuleSet, load::parse_pack};

let pack = parse_pack("house.yaml", Arc::from("typos:\n  - { find: سلاح الجوي, replace: سلاح الجو }\n"), false)
    .expect("the pack is valid");
let rules = RuleSet::from_packs(vec![pack]).expect("the patterns compile");
let mut article = Article::from_text("note.txt", "وصل قائد سلاح الجوي أمس.\n", &LoadOptions::default());
let findings = checks::run_all(&mut article, &rules, &CheckOptions::default());
assert_eq!(findings[0].code(), "typo/substitution");
assert_eq!(&article.text[findings[0].range.clone()], "سلاح الجوي");
```
*/
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub mod cache_dir;
pub mod checks;
pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod engine;
pub mod facts;
pub mod finding;
pub mod fix;
pub mod language;
pub mod messages;
pub mod partial_date;
pub mod report;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub mod spelling;
pub mod text;
