//! `typo/name`: a near miss of a name from a pack.

use crate::checks::Context;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};
use crate::rules::Target;
use crate::text::normalize::light_form;
use crate::text::normalize_pattern;
use crate::text::tokens::TokenKind;

/// The code `typo/name`: its default severity, fix safety and the
/// documentation `factlint explain typo/name` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "typo/name",
    summary: "a near miss of a known name",
    severity: Severity::Warning,
    fix: Some(Applicability::Safe),
    doc: "\
## What it checks
Finds a person's name from a pack written not quite as the pack writes it:

- letters that normalisation lets match but the pack spells otherwise
  (`أفيف كوخافى` for `أفيف كوخافي`); a dropped hamza on alef is house style,
  not a misspelling, and is not reported;
- a name of two or more words with one word exact and another one or two
  letters off (`Aviv Kochavy` for `Aviv Kochavi`).

## Why it matters
Names are facts: a misspelt name is wrong in print and breaks search and
archives.

## Example
With `Aviv Kochavi` in a pack, `Aviv Kochavy` is flagged and `Aviv Kochavi`
is not.

## Fix safety
The pack's spelling is offered. It is safe for a letter that normalisation
already equates (`ى`/`ي`), unsafe for a near miss, which may be another
person.
",
};

/// Alef and hamza-on-alef forms as one letter: their spelling is house
/// style, not a misspelling of a name.
fn fold_alef(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            c => c,
        })
        .collect()
}

/// How many letters two words may differ by and still be a near miss.
fn tolerance(word: &str) -> usize {
    if word.chars().count() >= 8 { 2 } else { 1 }
}

/// Words after a name that make it the name of a place or an institution
/// («مطار الأمير سلطان بن عبدالعزيز الدولي», "Kennedy Airport").
const PLACE_AFTER: &[&str] = &[
    "الدولي",
    "airport",
    "international",
    "university",
    "foundation",
    "prize",
    "center",
    "centre",
    "hospital",
    "street",
    "avenue",
    "bridge",
];

/// Words before a name that make it the name of a place or an institution
/// (normalised: «مستشفى» is written with ي).
const PLACE_BEFORE: &[&str] = &[
    "مطار",
    "جامعة",
    "مؤسسة",
    "مستشفي",
    "شارع",
    "جائزة",
    "مدينة",
    "قاعدة",
    "ميناء",
    "مركز",
];

/// Whether the near miss at `span` (word token indices) is more likely
/// someone or something else than a misspelling of the pack's name: it is
/// itself a pack name; it sits inside another person's nasab chain (after
/// «بن», or followed by «بن»: «بندر بن سلطان بن عبدالعزيز»); it names a
/// place («مطار الأمير سلطان … الدولي»); a family name follows it; the
/// text gives it a post the pack's person does not hold; or a word that
/// differs is a word of the lexicon (a weekday in «صباح الأحد», a demonym,
/// a marker).
fn another_name(
    context: &Context<'_>,
    index: &crate::rules::NameIndex,
    words: &[usize],
    span: &[usize],
    entity: usize,
) -> bool {
    let text = &context.article.normalized.text;
    let word = |t: usize| &text[context.tokens[t].norm.clone()];
    let exact = index.names.iter().any(|(name, ..)| {
        name.len() == span.len() && name.iter().zip(span).all(|(w, &t)| w == word(t))
    });
    if exact {
        return false;
    }
    let first = span[0];
    let last = *span.last().unwrap_or(&first);
    let position = words.iter().position(|&t| t == first).unwrap_or(0);
    let before = position
        .checked_sub(1)
        .map(|p| words[p])
        .filter(|&t| t + 1 == first);
    let after = words
        .get(position + span.len())
        .copied()
        .filter(|&t| t == last + 1);
    let links = crate::facts::NAME_LINKS;
    if before.is_some_and(|t| links.contains(&word(t)) || PLACE_BEFORE.contains(&word(t))) {
        return false;
    }
    // «مطار الأمير سلطان»: a place word before the honorific.
    if let Some(b) = before
        && position >= 2
        && words[position - 2] + 1 == b
        && PLACE_BEFORE.contains(&word(words[position - 2]))
    {
        return false;
    }
    if after.is_some_and(|t| links.contains(&word(t)) || PLACE_AFTER.contains(&word(t))) {
        return false;
    }
    // A family name after it («محمد بن سليمان الجاسر», "John Kirby Smith"):
    // a word no lexicon knows, with the article in Arabic, capitalised in
    // English.
    let surname = after.is_some_and(|t| {
        context.annotations.at(t).is_empty()
            && match context.article.language {
                crate::article::Language::Ar => word(t).starts_with("ال"),
                crate::article::Language::En => context.article.text
                    [context.tokens[t].orig.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
            }
    });
    if surname {
        return false;
    }
    // A title the pack's person does not hold («المتحدث باسم الوزارة جون
    // كيربي» beside a pack's «جون كيري», secretary of state) names
    // someone else.
    let range = context.tokens[first].orig.start..context.tokens[last].orig.end;
    let other_post = context.attributions.iter().any(|a| {
        let crate::facts::Value::Title { roles, office, .. } = &a.value else {
            return false;
        };
        a.person.range.start < range.end
            && range.start < a.person.range.end
            && !context.rules.entities[entity].roles.is_empty()
            && crate::checks::fact::own_roles(context, entity, roles, *office).is_empty()
    });
    if other_post {
        return false;
    }
    let lexicon_word = span.iter().any(|&t| {
        context.annotations.at(t).iter().any(|a| {
            matches!(
                a.target,
                Target::Weekday(_)
                    | Target::Month(_)
                    | Target::HijriMonth(_)
                    | Target::Demonym { .. }
                    | Target::CountryName(_)
                    | Target::Marker(_)
            )
        })
    });
    !lexicon_word
}

/// Reports near misses of pack names.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let language = context.article.language;
    // Letters that match only through normalisation.
    for mention in context.mentions {
        let Target::EntityName(e) = mention.target else {
            continue;
        };
        let entity = &context.rules.entities[e];
        let written = fold_alef(&light_form(context.text(&mention.range)));
        let names = entity.names.get(mention.language);
        if names.iter().any(|n| fold_alef(&light_form(n)) == written) {
            continue;
        }
        let Some(pack) = names
            .iter()
            .find(|n| normalize_pattern(n) == normalize_pattern(context.text(&mention.range)))
        else {
            continue;
        };
        findings.push(
            Finding::new(&CODE, mention.range.clone(),
                format!(
                    "«{}» is spelled «{pack}» in the pack",
                    context.text(&mention.range)
                ),
            )
            .with_help(format!("write «{pack}»"))
            .with_rule(entity.origin.clone())
            .with_fix(pack.clone(), Applicability::Safe),
        );
    }
    // Near misses of names of two or more words.
    let index = context.rules.name_index(language);
    if index.names.is_empty() {
        return findings;
    }
    let text = &context.article.normalized.text;
    let words: Vec<usize> = (0..context.tokens.len())
        .filter(|&i| context.tokens[i].kind == TokenKind::Word)
        .collect();
    let mut seen = rustc_hash::FxHashSet::default();
    for (w, &i) in words.iter().enumerate() {
        let Some(candidates) = index.by_word.get(&text[context.tokens[i].norm.clone()]) else {
            continue;
        };
        for &(n, position) in candidates {
            let Some(start) = w.checked_sub(position) else {
                continue;
            };
            let (name, e, pack) = &index.names[n];
            let Some(span) = words.get(start..start + name.len()) else {
                continue;
            };
            // Consecutive words only (no punctuation between).
            if span.windows(2).any(|p| p[1] != p[0] + 1) {
                continue;
            }
            let mut near = 0;
            let fits = name.iter().zip(span).all(|(expected, &t)| {
                let got = &text[context.tokens[t].norm.clone()];
                if got == expected {
                    return true;
                }
                // Cheap filters before the edit distance: lengths within
                // reach (letters are at most four bytes), a letter shared at
                // one end.
                if got.len().abs_diff(expected.len()) > 4 * tolerance(expected)
                    || (got.chars().next() != expected.chars().next()
                        && got.chars().next_back() != expected.chars().next_back())
                {
                    return false;
                }
                let distance = strsim::damerau_levenshtein(got, expected);
                let close = distance <= tolerance(expected) && expected.chars().count() >= 4;
                near += usize::from(close);
                close
            });
            if !fits || near == 0 || !another_name(context, index, &words, span, *e) {
                continue;
            }
            if !seen.insert((span[0], n)) {
                continue;
            }
            let range =
                context.tokens[span[0]].orig.start..context.tokens[*span.last().unwrap()].orig.end;
            let entity = &context.rules.entities[*e];
            findings.push(
                Finding::new(&CODE, range.clone(),
                    format!(
                        "«{}» looks like «{pack}» ({}) misspelt",
                        context.text(&range),
                        entity.id
                    ),
                )
                .with_help(format!("write «{pack}» if this is {}", entity.id))
                .with_rule(entity.origin.clone())
                .with_fix(pack.clone(), Applicability::Unsafe),
            );
        }
    }
    findings
}
