//! `consistency/attribute`: one person given two ranks or nationalities in
//! one article.

use std::collections::BTreeMap;

use crate::article::SectionKind;
use crate::checks::Context;
use crate::checks::fact::{country_index, entity_of, entity_ranks, value_label};
use crate::facts::{Attribution, Value, Who};
use crate::finding::{CodeInfo, Finding, Severity};

/// The code `consistency/attribute`: its default severity, fix safety and the
/// documentation `factlint explain consistency/attribute` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "consistency/attribute",
    summary: "one person given two ranks or nationalities in one article",
    severity: Severity::Error,
    fix: None,
    doc: "\
## What it checks
Finds a person (a pack entity, or a name known by its first two words)
whom the article gives two different ranks or two different nationalities,
by the attribution patterns of the lexicon. A later mention by surname
alone or rank + surname (`اللواء المري`, `Gen. Holt`) is the person named
in full earlier, when only one earlier full name has that surname. No fact
pack is needed. The
body is taken as the article's word, then the standfirst, the headline and
the captions: the other places are flagged, labelled with what the body
says. A value the pack itself gives is left to `fact/rank` and
`fact/nationality`.

## Why it matters
The same man cannot be a major general in the caption and a general in the
body: one of them is wrong, and a reader sees both.

## Example
`اللواء العابد العلوي بوحامد` in a caption and `الجنرال العابد العلوي
بوحامد` in the body are flagged at the caption; the same rank in both is
not.

## Fix safety
No fix: either place may be the wrong one.
",
};

/// How much a section's word counts: the body is the article's word.
fn authority(section: Option<SectionKind>) -> u8 {
    match section {
        Some(SectionKind::Body) => 0,
        Some(SectionKind::Standfirst) => 1,
        Some(SectionKind::Headline) => 2,
        Some(SectionKind::Caption) => 3,
        _ => 4,
    }
}

/// The comparable part of a value: the rank or the country.
fn key(value: &Value) -> Option<(&'static str, usize)> {
    match value {
        Value::Rank(r) => Some(("rank", *r)),
        Value::Nationality { country, .. } => Some(("nationality", *country)),
        _ => None,
    }
}

/// Reports people given two values of one kind.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut groups: BTreeMap<(Who, &'static str), Vec<&Attribution>> = BTreeMap::new();
    for attribution in context.attributions() {
        if let Some((kind, _)) = key(&attribution.value) {
            groups
                .entry((attribution.person.who.clone(), kind))
                .or_default()
                .push(attribution);
        }
    }
    let mut findings = Vec::new();
    for ((_, kind), group) in groups {
        // A value the pack gives is the fact checks' business.
        if let Some(entity) = entity_of(context, group[0]) {
            let pack_has = match kind {
                "rank" => !entity_ranks(context, entity).is_empty(),
                _ => entity
                    .nationality
                    .as_deref()
                    .and_then(|c| country_index(context, c))
                    .is_some(),
            };
            if pack_has {
                continue;
            }
        }
        let Some(reference) = group
            .iter()
            .min_by_key(|a| (authority(a.section), a.range.start))
            .copied()
        else {
            continue;
        };
        let reference_key = key(&reference.value);
        let phrase = |value: &Value| match value {
            Value::Rank(_) => format!("a {}", value_label(context, value)),
            _ => value_label(context, value),
        };
        let said = phrase(&reference.value);
        let where_ = reference.section.map_or("the article", SectionKind::as_str);
        for other in group.iter().filter(|a| key(&a.value) != reference_key) {
            let here = other.section.map_or("the article", SectionKind::as_str);
            let (here, where_) = if here == where_ {
                (
                    "here".to_string(),
                    format!(
                        "on line {} of the {where_}",
                        context.article.position(reference.range.start).0
                    ),
                )
            } else {
                (format!("in the {here}"), format!("in the {where_}"))
            };
            findings.push(
                Finding::new(&CODE, other.range.clone(),
                    format!(
                        "«{}» is {} {here} but {said} {where_}",
                        context.text(&other.person.range),
                        phrase(&other.value),
                    ),
                )
                .with_label(
                    reference.range.clone(),
                    format!(
                        "{} says {said}",
                        reference.section.map_or("the article", SectionKind::as_str)
                    ),
                )
                .with_help(format!(
                    "give «{}» one {kind} throughout",
                    context.text(&other.person.range)
                )),
            );
        }
    }
    findings
}
