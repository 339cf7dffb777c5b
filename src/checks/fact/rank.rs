//! `fact/rank`: a rank the pack contradicts.

use super::{entity_of, entity_ranks, person_label, rank_label};
use crate::checks::Context;
use crate::facts::Value;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};

/// The code `fact/rank`: its default severity, fix safety and the
/// documentation `factlint explain fact/rank` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "fact/rank",
    summary: "a rank the pack contradicts",
    severity: Severity::Error,
    fix: Some(Applicability::Unsafe),
    doc: "\
## What it checks
Finds a rank the text gives a person of a pack («الجنرال X», \"Gen. X\")
that is not the pack's `rank`. Rank forms are compared through the ranks
lexicon, so «اللواء» and «الميجر جنرال» and \"Maj. Gen.\" are one rank.

## Why it matters
A promotion or demotion in print is a factual error about a person.

## Example
With X's rank `[اللواء]` in a pack, `الجنرال X` is flagged and
`الميجر جنرال X` is not.

## Fix safety
Unsafe: the pack may be out of date after a promotion.
",
};

/// Reports ranks that contradict the pack.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for attribution in context.attributions() {
        let Value::Rank(rank) = attribution.value else {
            continue;
        };
        let Some(entity) = entity_of(context, attribution) else {
            continue;
        };
        let known = entity_ranks(context, entity);
        if known.is_empty() || known.contains(&rank) {
            continue;
        }
        let truth: Vec<String> = known.iter().map(|&r| rank_label(context, r)).collect();
        let mut finding = Finding::new(&CODE, attribution.range.clone(),
            format!(
                "«{}» makes {} a {}, but the pack gives the rank as {}",
                context.text(&attribution.range),
                person_label(context, attribution),
                rank_label(context, rank),
                truth.join(" or "),
            ),
        )
        .with_label(
            attribution.person.range.clone(),
            format!("{} in the pack", entity.id),
        )
        .with_help(format!(
            "the pack's rank is at {}:{}",
            entity.origin.file, entity.origin.line
        ))
        .with_rule(entity.origin.clone());
        if let Some(form) = entity
            .rank
            .as_ref()
            .and_then(|r| r.get(context.article.language).first())
        {
            finding = finding.with_fix(form.clone(), Applicability::Unsafe);
        }
        findings.push(finding);
    }
    findings
}
