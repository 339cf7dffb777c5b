//! `fact/role`: a title the pack does not give the person.

use super::tenure::held_during;
use super::{entity_of, own_roles, person_label};
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
or is an office of the bundled lexicon (`rules/lexicon/offices.yaml`:
«وزير الخارجية», \"Treasury Secretary\") and none of the person's own
`roles` names that office. Only people whose pack lists at least one post
are checked; a title after «نائب», \"deputy\" or \"acting\" (also across a
nationality: \"Acting Turkish Prime Minister\") or after an organisation's
possessive (\"the party's president\") is another office and attaches
nothing, and the head word alone of one of the person's own titles
(\"Governor\" for a \"Federal Reserve Board Governor\") is that title.
A pack title that other people held only at other times (neither on the
article's date nor at the date the title's sentence gives) is no sign of
confusing them: the kings before this one held «ملك البلاد», and a pack
that lists this king's post under another title («العاهل») does not make
the title wrong. Only a lexicon office is then still reported.

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

/// Whether the written title is the head word alone of one of the
/// person's own pack titles: "Governor" for a "Federal Reserve Board
/// Governor", "president" for a "central bank president", «السفير» for
/// «سفير خادم الحرمين الشريفين لدى …». Copy shortens a title so once it
/// has been given in full; the short form is the same post. A title with a
/// modifier in it ("Deputy Prime Minister", «نائب وزير الداخلية») keeps its
/// head for the other office: "Prime Minister" alone is not short for it.
fn short_for_own_title(context: &Context<'_>, written: &str, entity: &crate::rules::Entity) -> bool {
    use crate::text::normalize_pattern;
    let language = context.article.language;
    let bare = |w: &str| -> String {
        let w = normalize_pattern(w);
        match w.strip_prefix("ال") {
            Some(rest) if language == crate::article::Language::Ar => rest.to_string(),
            _ => w,
        }
    };
    let written = bare(written);
    if written.is_empty() || written.contains(' ') {
        return false;
    }
    let modifiers: Vec<String> = context
        .rules
        .markers
        .iter()
        .filter(|m| m.id == crate::facts::OFFICE_MODIFIER)
        .flat_map(|m| m.names.iter().map(|(_, f)| normalize_pattern(f)))
        .collect();
    entity.roles.iter().any(|role| {
        role.title.iter().any(|(_, title)| {
            let title = normalize_pattern(title);
            let words: Vec<&str> = title.split(' ').collect();
            let head = match language {
                crate::article::Language::Ar => words.first(),
                crate::article::Language::En => words.last(),
            };
            words.len() > 1
                && head.is_some_and(|h| bare(h) == written)
                && !words.iter().any(|w| modifiers.iter().any(|m| m == w))
        })
    })
}

/// The pack's holders of the written title who held it when the claim is
/// made: on the article's date or in the period the title's sentence
/// names. Without a reference date every holder counts.
fn holders_at_claim(
    context: &Context<'_>,
    attribution: &crate::facts::Attribution,
    roles: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let Some(reference) = context.reference.map(|r| r.date) else {
        return roles.to_vec();
    };
    let stated = super::sentence_period(context, attribution);
    roles
        .iter()
        .filter(|(holder, r)| {
            let role = &context.rules.entities[*holder].roles[*r];
            held_during(role, reference, reference)
                || stated
                    .as_ref()
                    .is_some_and(|(first, last, _)| held_during(role, *first, *last))
        })
        .copied()
        .collect()
}

/// Reports titles the pack does not give the person.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for attribution in context.attributions() {
        let Value::Title { roles, office, .. } = &attribution.value else {
            continue;
        };
        let crate::facts::Who::Entity(e) = attribution.person.who else {
            continue;
        };
        let Some(entity) = entity_of(context, attribution) else {
            continue;
        };
        if entity.roles.is_empty() || !own_roles(context, e, roles, *office).is_empty() {
            continue;
        }
        // A title of the lexicon that the pack gives nobody is still an
        // office: the pack lists the person's posts, and this is not one.
        if roles.is_empty() && office.is_none() {
            continue;
        }
        let holders_then = holders_at_claim(context, attribution, roles);
        // A pack title that others held only at other times (the kings
        // before this one, a past emir) is no sign of confusing the person
        // with them: the pack does not know who held it then. Only an
        // office of the lexicon still says the pack lists another post.
        if holders_then.is_empty() && office.is_none() {
            continue;
        }
        if short_for_own_title(context, context.text(&attribution.range), entity) {
            continue;
        }
        let mut holders: Vec<String> = holders_then
            .iter()
            .map(|(h, _)| context.rules.entities[*h].id.clone())
            .collect();
        holders.dedup();
        let given = if holders.is_empty() {
            "gives it to nobody".to_string()
        } else {
            format!("gives it to {}", holders.join(", "))
        };
        let own: Vec<&str> = entity
            .roles
            .iter()
            .filter_map(|r| r.title.first(context.article.language))
            .collect();
        findings.push(
            Finding::new(&CODE, attribution.range.clone(),
                format!(
                    "«{}» is not a post of {} in the pack, which lists {}; the pack {}",
                    context.text(&attribution.range),
                    person_label(context, attribution),
                    own.iter()
                        .map(|t| format!("«{t}»"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    given,
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
