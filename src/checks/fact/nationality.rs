//! `fact/nationality`: a nationality the pack contradicts.

use super::{country_index, demonym_in_form, entity_of, nationality_label, person_label};
use crate::checks::Context;
use crate::facts::Value;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};
use crate::rules::Target;

/// The code `fact/nationality`: its default severity, fix safety and the
/// documentation `factlint explain fact/nationality` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "fact/nationality",
    summary: "a nationality the pack contradicts",
    severity: Severity::Error,
    fix: Some(Applicability::Unsafe),
    doc: "\
## What it checks
Finds a nationality the text attaches to a person of a pack (by the
attribution patterns of the lexicon: «نظيره المغربي، اللواء X», \"his
Moroccan counterpart, Gen. X\", \"X, the Moroccan air force chief\") that
differs from the pack's `nationality`. A country name where the demonym
belongs («نظيره الإمارات») counts as that country's nationality. The report
labels the places in the article that agree with the pack.

## Why it matters
A swapped nationality in a caption is the kind of error readers screenshot:
the reference article calls the Moroccan air force commander's counterpart
Emirati in its caption while its headline, standfirst and body place him in
Morocco.

## Example
With X's nationality `MA` in a pack, `يلتقي نظيره الإمارات، اللواء X` is
flagged and `يلتقي نظيره المغربي، اللواء X` is not.

## Fix safety
Unsafe: the replacement uses the pack's nationality, and the pack may be
the stale one.
",
};

/// Reports nationalities that contradict the pack.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for attribution in context.attributions() {
        let Value::Nationality { country, form } = attribution.value else {
            continue;
        };
        let Some(entity) = entity_of(context, attribution) else {
            continue;
        };
        let Some(known) = entity
            .nationality
            .as_deref()
            .and_then(|code| country_index(context, code))
        else {
            continue;
        };
        if known == country {
            continue;
        }
        let said = nationality_label(context, country);
        let truth = nationality_label(context, known);
        let mut finding = Finding::new(&CODE, attribution.range.clone(),
            format!(
                "«{}» makes {} {said}, but the pack says {truth}",
                context.text(&attribution.range),
                person_label(context, attribution),
            ),
        )
        .with_label(
            attribution.person.range.clone(),
            format!("{} in the pack", entity.id),
        )
        .with_help(format!(
            "the pack gives {}'s nationality as {} ({}:{})",
            entity.id, context.rules.countries[known].code, entity.origin.file, entity.origin.line
        ))
        .with_rule(entity.origin.clone());
        // Evidence: other places that give the pack's nationality.
        let mut evidence = 0;
        for other in context.attributions() {
            if other.person.who == attribution.person.who
                && matches!(other.value, Value::Nationality { country: c, .. } if c == known)
                && evidence < 2
            {
                let section = other.section.map_or("the article", |s| s.as_str());
                finding =
                    finding.with_label(other.range.clone(), format!("{section} says {truth}"));
                evidence += 1;
            }
        }
        if evidence == 0 {
            let mut sections_seen = Vec::new();
            for mention in context.mentions {
                let mentions_country = matches!(mention.target,
                    Target::CountryName(c) | Target::Demonym { country: c, .. } if c == known);
                let section = context
                    .article
                    .section_at(mention.range.start)
                    .map(|s| s.kind);
                if mentions_country && !sections_seen.contains(&section) && sections_seen.len() < 3
                {
                    sections_seen.push(section);
                    let where_ = section.map_or("the article", |s| s.as_str());
                    let name = context.rules.countries[known]
                        .names
                        .en
                        .first()
                        .cloned()
                        .unwrap_or_default();
                    finding = finding
                        .with_label(mention.range.clone(), format!("{where_} names {name} here"));
                }
            }
        }
        if let Some(demonym) = demonym_in_form(context, known, form, context.article.language) {
            let prefix =
                &context.article.text[attribution.range.start..attribution.value_range.start];
            let written = context.text(&attribution.value_range);
            let article = if context.article.language == crate::article::Language::Ar
                && (written.starts_with("ال") || form.is_none())
            {
                "ال"
            } else {
                ""
            };
            finding =
                finding.with_fix(format!("{prefix}{article}{demonym}"), Applicability::Unsafe);
        }
        findings.push(finding);
    }
    findings
}
