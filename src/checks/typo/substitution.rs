//! `typo/substitution`: a known misspelling from a pack's `typos:` list.

use crate::checks::Context;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};

/// The code `typo/substitution`: its default severity, fix safety and the
/// documentation `factlint explain typo/substitution` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "typo/substitution",
    summary: "a known misspelling, with its correction",
    severity: Severity::Error,
    fix: Some(Applicability::Safe),
    doc: "\
## What it checks
Finds the literal misspellings listed under `typos:` in the loaded packs
(`find` → `replace`), as whole words. In Arabic, attached clitics do not
hide a misspelling (`وسلاح الجوي` is found) and the fix keeps them.

## Why it matters
A known misspelling is wrong in every context the pack lists it for, so an
editor wants it caught before a reader sees it.

## Example
With `{ find: سلاح الجوي, replace: سلاح الجو }` in a pack,
`اختتم قائد سلاح الجوي الإسرائيلي` is flagged and
`اختتم قائد سلاح الجو الإسرائيلي` is not.

## Fix safety
The pack decides: an entry that can only be wrong has a `safe` fix (the
default) that `--fix` applies; an entry marked `fix: unsafe` is shown with
its replacement but needs a person.
",
};

/// Reports every literal typo mention.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    super::typo_mentions(context, false)
        .map(|(mention, typo)| super::typo_finding(context, &CODE, mention, typo))
        .collect()
}
