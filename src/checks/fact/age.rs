//! `fact/age`: an age that does not fit the date of birth.

use chrono::Datelike;

use super::{entity_of, person_label, sentence_period};
use crate::checks::Context;
use crate::facts::Value;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};

/// The code `fact/age`: its default severity, fix safety and the
/// documentation `factlint explain fact/age` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "fact/age",
    summary: "an age that does not fit the date of birth",
    severity: Severity::Error,
    fix: Some(Applicability::Unsafe),
    doc: "\
## What it checks
Finds an age the text gives a person of a pack («X، البالغ من العمر 45
عاما», \"X, 45,\") that does not fit the pack's `born` date at the date the
sentence speaks of, or else at the article's reference date. A birth year
without a day allows either of the two ages it can give.

## Why it matters
Ages are checked by readers who know the person, and go stale when a
profile is reused.

## Example
With `born: 1978-03-01`, on an article of 2023-02-24, `X، البالغ من العمر 44
عاما` is right and `X، البالغ من العمر 46 عاما` is flagged.

## Fix safety
Unsafe when the birth date is known to the day (the computed age is
offered); no fix otherwise.
",
};

/// Reports ages that do not fit the date of birth.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for attribution in context.attributions() {
        let Value::Age(age) = attribution.value else {
            continue;
        };
        let Some(entity) = entity_of(context, attribution) else {
            continue;
        };
        let Some(born) = entity.born else { continue };
        let Some(reference) = context.reference_date(&CODE) else {
            continue;
        };
        let on = sentence_period(context, attribution).map_or(reference, |(first, _, _)| first);
        // The youngest and oldest the person can be on that day.
        let oldest_birth = born.first_day();
        let youngest_birth = born.last_day();
        let years = |birth: chrono::NaiveDate| {
            let mut years = on.year() - birth.year();
            if (on.month(), on.day()) < (birth.month(), birth.day()) {
                years -= 1;
            }
            years
        };
        let (low, high) = (years(youngest_birth), years(oldest_birth));
        let age = age as i32;
        if (low..=high).contains(&age) {
            continue;
        }
        let expected = if low == high {
            low.to_string()
        } else {
            format!("{low} or {high}")
        };
        let mut finding = Finding::new(&CODE, attribution.value_range.clone(),
            format!(
                "{} is {expected} on {on} (born {born} in the pack), not {age}",
                person_label(context, attribution)
            ),
        )
        .with_label(
            attribution.person.range.clone(),
            format!("{} born {born}", entity.id),
        )
        .with_rule(entity.origin.clone());
        if low == high {
            finding = finding.with_fix(low.to_string(), Applicability::Unsafe);
        }
        findings.push(finding);
    }
    findings
}
