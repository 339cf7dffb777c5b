//! `fact/role`: a title the pack does not give the person.

use super::{entity_of, person_label};
use crate::checks::Context;
use crate::facts::Value;
use crate::finding::{CodeInfo, Finding, Severity};

/// The code `fact/role`: its default severity, fix safety and the
/// documentation `factlint explain fact/role` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "fact/role",
    summary: "a title the pack gives to someone else",
    severity: Severity::Error,
    fix: None,
    doc: "\
## What it checks
Finds a post the text gives a person of a pack («وزير الدفاع X», \"defence
minister X\") when the post is in the packs (another entity holds it) and
is not among the person's own `roles`. Only people whose pack lists at
least one post are checked.

## Why it matters
A title given to the wrong person usually means two people were confused.

## Example
With Gantz as defence minister and Kochavi as chief of staff in a pack,
`وزير الدفاع أفيف كوخافي` is flagged and `رئيس أركان الجيش أفيف كوخافي`
is not.

## Fix safety
No fix: the person or the title may be the wrong one.
",
};

/// Reports titles the pack does not give the person.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for attribution in context.attributions {
        let Value::Title { roles, .. } = &attribution.value else {
            continue;
        };
        let crate::facts::Who::Entity(e) = attribution.person.who else {
            continue;
        };
        let Some(entity) = entity_of(context, attribution) else {
            continue;
        };
        if entity.roles.is_empty() || roles.iter().any(|(holder, _)| *holder == e) {
            continue;
        }
        let holders: Vec<String> = roles
            .iter()
            .map(|(h, _)| context.rules.entities[*h].id.clone())
            .collect();
        let own: Vec<&str> = entity
            .roles
            .iter()
            .filter_map(|r| r.title.first(context.article.language))
            .collect();
        findings.push(
            Finding::new(&CODE, attribution.range.clone(),
                format!(
                    "«{}» is not a post of {} in the pack, which lists {}; the pack gives it to {}",
                    context.text(&attribution.range),
                    person_label(context, attribution),
                    own.iter()
                        .map(|t| format!("«{t}»"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    holders.join(", "),
                ),
            )
            .with_label(
                attribution.person.range.clone(),
                format!("{} in the pack", entity.id),
            )
            .with_help("check whether the title or the name is wrong")
            .with_rule(entity.origin.clone()),
        );
    }
    findings
}
