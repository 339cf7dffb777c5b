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
  the lexicon's `verbs` pairs, and, by their shape, any perfect verb with
  the feminine «ت» before a masculine country (`وشاركت العراق`) and any
  imperfect verb in «ت» or «ي» before a country of the other gender
  (`يستضيف تونس`, `تبقى لبنان`). A word counts as a verb by the bundled
  frequency list: its form in the other gender is a common word and its
  form with the article is rare (which leaves out the verbal nouns
  `تعاون`, `تدخل`, and nouns such as `بيت`); an imperfect in «ت» also
  needs its «ي» form about as common (a verbal noun's is not). A
  masculine perfect before a feminine country (`حاول تونس`) is a verb when
  its «ت» form is about as common, and the dictionary refuses it the
  article (a three-letter word such as `خفض` is also its verbal noun, so
  nothing less counts) or its form with the article is rare beside it.
  Every kind of verb is left alone after a noun (`المنتخب يواجه مصر`, a
  headline's `زلزال يضرب باكستان`: the noun is the subject, the country
  the object; not a verb with an object pronoun, `ظروف تعيشها اليمن`, a
  relative clause whose subject is the country) and after «أنه»,
  «لأنها» and their kin, whose pronoun is the subject (`لأنه لا يلزم إيران`);
- a country name where the nationality adjective belongs, after «نظيره»
  and its kin: `نظيره الإمارات` for `نظيره الإماراتي`; a name that is
  also the adjective (`نظيرته السورية`) is the adjective.

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

/// The smallest zipf (×100) of the other-gender form of a verb.
const VERB_COMMON: u16 = 250;
/// A form with the article at or above this zipf (×100) is a noun.
const NOUN_WITH_ARTICLE: u16 = 200;
/// How much rarer (zipf ×100) the «ي» form of an imperfect in «ت» may be.
const IMPERFECT_GAP: u16 = 100;

/// A verb recognised by its shape: where its gender letter starts, what it
/// becomes in the other gender, and whether it is feminine.
#[derive(Debug, PartialEq, Eq)]
struct ShapedVerb {
    /// Bytes of the written word before the verb (clitics `و`, `ف`, `س`).
    prefix: usize,
    /// The verb in the other gender, without the clitics.
    other: String,
    /// Whether the written verb is feminine.
    feminine: bool,
}

/// Recognises a third-person verb by its gender marker: a perfect ending in
/// the feminine «ت», or an imperfect opening with «ت» or «ي». See the
/// check's documentation for the frequency tests.
fn shaped_verb(word: &str) -> Option<ShapedVerb> {
    let speller = crate::spelling::arabic();
    let noun = |w: &str| speller.zipf(&format!("ال{w}")) >= NOUN_WITH_ARTICLE;
    // Try the word as written and without each clitic run (`وت…`, `فسي…`);
    // of the readings, the one whose written form is the most common wins
    // (`وشاركت` is «و» + `شاركت`, `وصلت` is one word).
    let mut readings: Vec<(u16, ShapedVerb)> = Vec::new();
    let mut prefix = 0;
    let mut future = false;
    let mut rest = word;
    loop {
        let letters: Vec<char> = rest.chars().collect();
        let n = letters.len();
        let mut best = None;
        if n >= 3 && !rest.starts_with("ال") && !noun(rest) {
            // A perfect in feminine «ت» (not a plural in «ات»).
            if letters[n - 1] == 'ت' && letters[n - 2] != 'ا' && !future {
                let stem: String = letters[..n - 1].iter().collect();
                // Defective verbs: نفت → نفى, دعت → دعا.
                let other = [stem.clone(), format!("{stem}ى"), format!("{stem}ا")]
                    .into_iter()
                    .max_by_key(|w| speller.zipf(w))
                    // «النفى» is a misspelling, not a noun: only the stem
                    // itself can be a verbal noun (رفض).
                    .filter(|w| speller.zipf(w) >= VERB_COMMON && (*w != stem || !noun(w)));
                if let Some(other) = other {
                    best = Some(ShapedVerb {
                        prefix,
                        other,
                        feminine: true,
                    });
                }
            }
            // An imperfect in «ت» or «ي».
            if best.is_none() && n >= 4 && matches!(letters[0], 'ت' | 'ي') {
                let feminine = letters[0] == 'ت';
                let other: String = std::iter::once(if feminine { 'ي' } else { 'ت' })
                    .chain(letters[1..].iter().copied())
                    .collect();
                let (ya, ta) = if feminine {
                    (speller.zipf(&other), speller.zipf(rest))
                } else {
                    (speller.zipf(rest), speller.zipf(&other))
                };
                if speller.zipf(&other) >= VERB_COMMON
                    && !noun(&other)
                    && ya + IMPERFECT_GAP >= ta
                {
                    best = Some(ShapedVerb {
                        prefix,
                        other,
                        feminine,
                    });
                }
            }
        }
        // A masculine perfect (`حاول`, `شهد`) whose feminine in «ت» is
        // common: a verb when the dictionary refuses it the article
        // (no noun reading at all), or its form with the article is
        // rare beside it (`الشهد` is 100× rarer than `شهد`; `الدعم` is
        // as common as `دعم`, a verbal noun).
        if best.is_none()
            && n >= 3
            && !future
            && !rest.starts_with("ال")
            && letters[n - 1] != 'ت'
            && !matches!(letters[0], 'ي' | 'ت')
            && masculine_perfect(rest)
        {
            best = Some(ShapedVerb {
                prefix,
                other: format!("{rest}ت"),
                feminine: false,
            });
        }
        if let Some(verb) = best {
            readings.push((speller.zipf(rest), verb));
        }
        // Strip one clitic letter and try again.
        let first = rest.chars().next()?;
        if !matches!(first, 'و' | 'ف' | 'س') || prefix >= 3 * 'و'.len_utf8() {
            break;
        }
        future |= first == 'س';
        prefix += first.len_utf8();
        rest = &rest[first.len_utf8()..];
    }
    // The first of equally common readings: the least stripped.
    readings
        .into_iter()
        .rev()
        .max_by_key(|(zipf, _)| *zipf)
        .map(|(_, verb)| verb)
}

/// How much rarer (zipf ×100) the feminine «ت» form of a masculine
/// perfect may be: a verb's two forms are about as common (`زار` 4.5,
/// `زارت` 3.6), while a preposition or noun whose letters also make a
/// verb is far more common than that verb (`بين` 6.3, `بينت` 3.2).
const PERFECT_GAP: u16 = 120;
/// A masculine perfect must be at least this common (zipf ×100).
const PERFECT_COMMON: u16 = 300;
/// How much rarer (zipf ×100) than the bare word its form with the article
/// must be for a word the dictionary also reads as a noun (`الشهد` 2.7
/// beside `شهد` 4.7; `الدعم` 5.0 beside `دعم` 5.2 is a noun).
const ARTICLE_GAP: u16 = 150;

/// Whether a word is a masculine third-person perfect by the data: the
/// dictionary accepts it, its feminine in «ت» is common and about as
/// common, and it has no noun reading (the dictionary refuses it the
/// article) or, for a word of four letters or more, only a rare one.
fn masculine_perfect(word: &str) -> bool {
    let speller = crate::spelling::arabic();
    let own = speller.zipf(word);
    let feminine = speller.zipf(&format!("{word}ت"));
    if own < PERFECT_COMMON || feminine < VERB_COMMON || feminine + PERFECT_GAP < own {
        return false;
    }
    // `وربط` is «و» + `ربط`: the reading without the clitic decides.
    if let Some(rest) = word.strip_prefix(['و', 'ف'])
        && rest.chars().nth(2).is_some()
        && speller.ok(rest)
    {
        return false;
    }
    // A word of three letters is also the verbal noun فعل of its verb
    // (`خفض`, `ربط`): only one the dictionary refuses the article is a verb.
    let short = word.chars().nth(3).is_none();
    speller.ok(word)
        && (!speller.takes_article(word)
            || (!short && speller.zipf(&format!("ال{word}")) + ARTICLE_GAP < own))
}

/// Reports agreement errors.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = shaped_verbs(context);
    for i in 0..context.tokens.len() {
        for verb in context.annotations.at(i) {
            let Target::Verb { index, feminine } = verb.target else {
                continue;
            };
            let Some((c, end)) = country_at(context, verb.end()) else {
                continue;
            };
            if country_is_object(context, i) {
                continue;
            }
            let name_range = context.tokens[verb.end()].orig().start..context.tokens[end - 1].orig().end;
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
            let token_range = context.tokens[i].orig();
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
    findings.sort_by_key(|f| f.range.start);
    // A country name after «نظيره»: the adjective belongs there.
    for attribution in context.attributions() {
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
        // `نظيرته السورية`: a country name that is also the nationality
        // adjective (سورية) is the adjective here.
        let entry = &context.rules.countries[country];
        let written = normalize_pattern(context.text(&attribution.value_range));
        let bare = written.strip_prefix("ال").unwrap_or(&written);
        if entry
            .demonyms_ar_masculine
            .iter()
            .chain(&entry.demonyms_ar_feminine)
            .any(|d| normalize_pattern(d) == bare)
        {
            continue;
        }
        let Some(demonym) = entry.demonyms_ar_masculine.first() else {
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

/// Particles with a pronoun that becomes the subject of the next verb.
const PRONOUN_SUBJECTS: [&str; 14] = [
    "أنه", "إنه", "لأنه", "بأنه", "وأنه", "وإنه", "كونه", "أنها", "إنها", "لأنها", "بأنها",
    "وأنها", "وإنها", "كونها",
];

/// Whether token `j` is a word written as one of `words`.
fn word_is(context: &Context<'_>, j: usize, words: &[&str]) -> bool {
    let token = &context.tokens[j];
    token.kind == crate::text::tokens::TokenKind::Word
        && words.contains(&context.text(&token.orig()))
}

/// A word before the verb at or above this zipf (×100) with the article is
/// a noun, when that form is no more than [`SUBJECT_GAP`] rarer than it.
const SUBJECT_NOUN: u16 = 250;
/// See [`SUBJECT_NOUN`]: a conjunction or adverb whose letters also make a
/// noun is far more common bare (`حين` 5.7, `الحين` 4.7; `أمس` 5.0,
/// `الأمس` 4.3), a noun about as common either way (`زلزال` 4.1,
/// `الزلزال` 3.9).
const SUBJECT_GAP: u16 = 50;

/// Whether a word without the article is a noun by the frequency list: its
/// form with the article is common, and about as common as it (`زلزال`,
/// `الزلزال`), unlike a particle or a verb whose letters also make a rare
/// noun (`بعد`, `البعد`).
fn indefinite_noun(word: &str) -> bool {
    let speller = crate::spelling::arabic();
    let Some(word) = crate::spelling::clean(word) else {
        return false;
    };
    let definite = speller.zipf(&format!("ال{word}"));
    !word.starts_with("ال")
        && definite >= SUBJECT_NOUN
        && definite + SUBJECT_GAP >= speller.zipf(&word)
}

/// Whether the country after the verb at token `i` is its object: after a
/// noun the verb has its subject (`المنتخب يواجه مصر`, a headline's
/// `زلزال يضرب باكستان`), and after «أنه», «لأنها»… the pronoun is the
/// subject (`لأنه لا يلزم إيران`).
fn country_is_object(context: &Context<'_>, i: usize) -> bool {
    let same_sentence = |j: usize| context.sentences.get(j) == context.sentences.get(i);
    (i > 0
        && context.tokens[i - 1].kind == crate::text::tokens::TokenKind::Word
        && same_sentence(i - 1)
        && {
            let before = context.text(&context.tokens[i - 1].orig());
            let gap = &context.article.text
                [context.tokens[i - 1].orig().end..context.tokens[i].orig().start];
            // A verb with an object pronoun after an indefinite noun is a
            // relative clause (`ظروف تعيشها اليمن`): the country is its
            // subject.
            let object = ["ها", "هم", "هما", "هن"]
                .iter()
                .any(|p| context.text(&context.tokens[i].orig()).ends_with(p));
            before.starts_with("ال") || (gap == " " && !object && indefinite_noun(before))
        })
        || (i.saturating_sub(2)..i).any(|j| same_sentence(j) && word_is(context, j, &PRONOUN_SUBJECTS))
}

/// The country whose name starts at token `i`, and the token after the
/// name.
fn country_at(context: &Context<'_>, i: usize) -> Option<(usize, usize)> {
    context
        .annotations
        .at(i)
        .iter()
        .find_map(|a| match a.target {
            Target::CountryName(c) => Some((c, a.end())),
            _ => None,
        })
}

/// Verbs recognised by their shape directly before a country name.
fn shaped_verbs(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    if context.article.language != crate::article::Language::Ar {
        return findings;
    }
    for i in 0..context.tokens.len().saturating_sub(1) {
        // A country name next (few words are followed by one) is asked
        // first.
        let Some((c, end)) = country_at(context, i + 1) else {
            continue;
        };
        let token = &context.tokens[i];
        if token.kind != crate::text::tokens::TokenKind::Word
            || context.sentences.get(i) != context.sentences.get(i + 1)
            || context
                .annotations
                .at(i)
                .iter()
                .any(|a| matches!(a.target, Target::Verb { .. }))
            || context.article.text[token.orig().end..context.tokens[i + 1].orig().start] != *" "
        {
            continue;
        }
        if country_is_object(context, i) {
            continue;
        }
        let written = context.text(&token.orig());
        let Some(clean) = crate::spelling::clean(written) else {
            continue;
        };
        if clean.len() != written.len() {
            continue;
        }
        let Some(verb) = shaped_verb(&clean) else {
            continue;
        };
        let name_range = context.tokens[i + 1].orig().start..context.tokens[end - 1].orig().end;
        let gender = name_gender(context.text(&name_range), context.rules.countries[c].gender);
        if (gender == Gender::Feminine) == verb.feminine {
            continue;
        }
        let gender_word = if gender == Gender::Feminine {
            "feminine"
        } else {
            "masculine"
        };
        let verb_range = token.orig().start + verb.prefix..token.orig().end;
        findings.push(
            Finding::new(&CODE, verb_range.clone(),
                format!(
                    "«{}» does not agree with «{}», which is {gender_word}: «{}»",
                    context.text(&verb_range),
                    context.text(&name_range),
                    verb.other
                ),
            )
            .with_label(name_range, format!("{gender_word} in the lexicon"))
            .with_help(format!("write «{}»", verb.other))
            .with_fix(verb.other.clone(), Applicability::Unsafe),
        );
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::shaped_verb;

    #[test]
    fn verbs_by_shape_but_not_nouns() {
        for (word, other, feminine) in [
            ("شاركت", "شارك", true),
            ("وشاركت", "شارك", true),
            ("نفت", "نفى", true),
            ("يستضيف", "تستضيف", false),
            ("تبقى", "يبقى", true),
            ("وسيبقى", "تبقى", false),
        ] {
            let verb = shaped_verb(word).unwrap_or_else(|| panic!("{word}"));
            assert_eq!((verb.other.as_str(), verb.feminine), (other, feminine), "{word}");
        }
        for word in ["تعاون", "تدخل", "بيت", "وقت", "قرارات", "تقرير", "يوم"] {
            assert_eq!(shaped_verb(word), None, "{word}");
        }
    }
}
