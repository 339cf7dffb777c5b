//! `typo/confusable`: a word confused with a similar one, recognised by the
//! context a pack's regex rule gives it.

use crate::checks::Context;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};

/// The code `typo/confusable`: its default severity, fix safety and the
/// documentation `factlint explain typo/confusable` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "typo/confusable",
    summary: "a word confused with a similar one, recognised by its context",
    severity: Severity::Error,
    fix: Some(Applicability::Safe),
    doc: "\
## What it checks
Runs the `typos:` entries with `regex: true`: a pattern that includes the
context in which a word must be another one (`بعد (قطاعات)` → `بعض $1`:
«بعد», \"after\", before a plural noun where «بعض», \"some\", is meant).
The replacement may use the pattern's groups (`$1`, `${name}`).

## Why it matters
Confusable words are real words, so a spell checker cannot catch them; only
their context shows the mistake.

## Example
With `{ find: 'بعد (قطاعات)', regex: true, replace: 'بعض $1' }`,
`معارضة بعد قطاعات الجمهور` is flagged and `بعد زيارة القاعدة` is not.

## Fix safety
As the pack says; confusions usually deserve `fix: unsafe`, because the
context a regex sees is narrow.
",
};

/// Reports every regex typo mention.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    super::typo_mentions(context, true)
        .map(|(mention, typo)| super::typo_finding(context, &CODE, mention, typo))
        .collect()
}
