//! `grammar/agreement`: a verb whose gender disagrees with the country it
//! governs, and a country name where the nationality adjective belongs.

use crate::checks::Context;
use crate::facts::Value;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};
use crate::rules::{Gender, Target};
use crate::text::normalize_pattern;

/// The code `grammar/agreement`: its default severity, fix safety and the
/// documentation `factlint explain grammar/agreement` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "grammar/agreement",
    summary: "a verb whose gender disagrees with the country it governs, or a country name for a nationality",
    severity: Severity::Warning,
    fix: Some(Applicability::Safe),
    doc: "\
## What it checks
In Arabic:

- a verb directly before a country name, in the other gender: `وكانت
  المغرب` (the name is masculine: `وكان المغرب`), `أعلن مصر` (`أعلنت مصر`).
  The gender comes from the lexicon; a name whose head noun ends in ta
  marbuta (`المملكة المغربية`, `جمهورية مصر`) is feminine. The verbs are
  the lexicon's `verbs` pairs;
- a country name where the nationality adjective belongs, after «نظيره»
  and its kin: `نظيره الإمارات` for `نظيره الإماراتي`.

## Why it matters
Agreement errors are the typos a spell checker cannot see, and they read
as careless copy.

## Example
`وكانت المغرب ثالث بلد` is flagged, `وكان المغرب ثالث بلد` is not;
`يلتقي نظيره الإمارات` is flagged, `يلتقي نظيره الإماراتي` is not.

## Fix safety
The verb's other form is a safe fix (attached clitics are kept). The
adjective for a country name is unsafe: the right nationality may be
another country's, as in the reference article.
",
};

/// The gender a country name takes: a head noun in ta marbuta makes it
/// feminine; otherwise the lexicon's gender of the country.
fn name_gender(name: &str, country: Gender) -> Gender {
    let head = normalize_pattern(name);
    let head = head.split(' ').next().unwrap_or("");
    if name.contains(' ') && head.ends_with('ة') {
        Gender::Feminine
    } else {
        country
    }
}

/// Reports agreement errors.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for i in 0..context.tokens.len() {
        for verb in context.annotations.at(i) {
            let Target::Verb { index, feminine } = verb.target else {
                continue;
            };
            let Some(country) =
                context
                    .annotations
                    .at(verb.end)
                    .iter()
                    .find_map(|a| match a.target {
                        Target::CountryName(c) => Some((c, a.end)),
                        _ => None,
                    })
            else {
                continue;
            };
            let (c, end) = country;
            let name_range = context.tokens[verb.end].orig.start..context.tokens[end - 1].orig.end;
            let gender = name_gender(context.text(&name_range), context.rules.countries[c].gender);
            if (gender == Gender::Feminine) == feminine {
                continue;
            }
            let pair = &context.rules.verbs[index];
            let right = if feminine {
                &pair.masculine
            } else {
                &pair.feminine
            };
            // The verb's own letters, without attached clitics (`و`, `ف`).
            let token_range = context.tokens[i].orig.clone();
            let first = context
                .mentions
                .partition_point(|m| m.range.start < token_range.start);
            let verb_range = context.mentions[first..]
                .iter()
                .take_while(|m| m.range.start < token_range.end)
                .find(|m| {
                    m.target == verb.target
                        && token_range.start <= m.range.start
                        && m.range.end <= token_range.end
                })
                .map_or(token_range.clone(), |m| m.range.clone());
            let gender_word = if gender == Gender::Feminine {
                "feminine"
            } else {
                "masculine"
            };
            findings.push(
                Finding::new(&CODE, verb_range,
                    format!(
                        "«{}» does not agree with «{}», which is {gender_word}: «{right}»",
                        context.text(&token_range),
                        context.text(&name_range)
                    ),
                )
                .with_label(name_range, format!("{gender_word} in the lexicon"))
                .with_help(format!("write «{right}»"))
                .with_rule(pair.origin.clone())
                .with_fix(right.clone(), Applicability::Safe),
            );
        }
    }
    // A country name after «نظيره»: the adjective belongs there.
    for attribution in context.attributions {
        let Value::Nationality {
            country,
            form: None,
        } = attribution.value
        else {
            continue;
        };
        if attribution.range == attribution.value_range
            || context.article.language != crate::article::Language::Ar
        {
            continue;
        }
        let Some(demonym) = context.rules.countries[country]
            .demonyms_ar_masculine
            .first()
        else {
            continue;
        };
        let adjective = format!("ال{demonym}");
        findings.push(
            Finding::new(&CODE, attribution.value_range.clone(),
                format!(
                    "«{}» is a country name where the nationality adjective belongs: «{adjective}»",
                    context.text(&attribution.value_range)
                ),
            )
            .with_help(format!(
                "write «{}» with the adjective of the nationality meant",
                context
                    .text(&(attribution.range.start..attribution.value_range.start))
                    .trim_end()
            ))
            .with_fix(adjective, Applicability::Unsafe),
        );
    }
    findings
}
