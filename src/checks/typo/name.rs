//! `typo/name`: a near miss of a name from a pack.

use rustc_hash::FxHashSet;

use crate::article::Language;
use crate::checks::Context;
use crate::facts::names::is_common_name;
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

Not reported: a near miss that is itself a common given name or surname
(`rules/lexicon/person-names.txt`, from Faker, MIT) and, in English, sounds
different (`John Kirby` beside `John Kerry`; `Schultz` for `Shultz` is
still reported); in Arabic, a frequent nisba surname of another root
(`محمد القيسي` beside `محمد العيسى`; `الساعدي` for `السعدي` is still
reported); a name inside another person's nasab chain; a name
followed by its own family name or by a place word (`الدولي`, `Airport`).

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

/// A rough English sound key: the first letter, then the consonants
/// without `h`, `w` or `y`, doubled letters once, "sch" as "sh", "ph" as
/// "f", "ck" as "k". "Schultz" and "Shultz" share a key (one name,
/// misspelt); "Kirby" and "Kerry" do not (two names).
fn english_sound_key(word: &str) -> String {
    let word = word
        .to_lowercase()
        .replace("sch", "sh")
        .replace("ph", "f")
        .replace("ck", "k");
    let mut key = String::new();
    for (i, c) in word.chars().enumerate() {
        if i > 0 && "aeiouhwy".contains(c) {
            continue;
        }
        if key.ends_with(c) {
            continue;
        }
        key.push(c);
    }
    key
}

/// Whether `got`, written where the pack has `expected`, is a common name
/// of its own: another person rather than a misspelling. An English
/// variant that sounds the same ("Schultz" for "Shultz", "Jon" for
/// "John") stays a likely misspelling; an Arabic one does not, since a
/// long vowel makes another name there («سليمان», «سلمان»).
fn another_common_name(language: Language, got: &str, expected: &str) -> bool {
    is_common_name(language, got)
        && (language == Language::Ar || english_sound_key(got) != english_sound_key(expected))
}

/// The least frequency (zipf x 100, `rules/spelling/ar-freq.txt`) at which
/// a nisba-shaped Arabic surname is an established name of its own.
const NISBA_ZIPF: u16 = 300;

/// Whether the Arabic word `got`, written where the pack has `expected`,
/// is a nisba-shaped surname (the article, a stem, a final «ي»: «القيسي»,
/// «الحربي») of another root, which Arabic text writes often enough to be
/// a family name of its own: «محمد القيسي» beside a pack's «محمد العيسى»
/// is another man, not a slip. Only a letter for a letter counts (another
/// root, another family): a long vowel more or less («الساعدي» for
/// «السعدي») is the same family's name spelt otherwise, and a rare
/// spelling («العيسي» for «العيسى») is a likely slip.
fn nisba_surname(language: Language, got: &str, expected: &str) -> bool {
    language == Language::Ar
        && got.chars().count() == expected.chars().count()
        && got.starts_with("ال")
        && got.ends_with('ي')
        && got.chars().count() >= 5
        && {
            let arabic = crate::spelling::arabic();
            let alif_maqsura = format!("{}ى", got.strip_suffix('ي').unwrap_or(got));
            arabic.zipf(got).max(arabic.zipf(&alif_maqsura)) >= NISBA_ZIPF
        }
}

/// Whether the Arabic word `got` is `expected` with a conjunction or a
/// preposition glued to it («وناصر جودة» in a list is «ناصر جودة»): the
/// name as written, not a misspelling.
fn with_proclitic(language: Language, got: &str, expected: &str) -> bool {
    language == Language::Ar
        && got
            .strip_prefix(['و', 'ف', 'ب', 'ل', 'ك'])
            .is_some_and(|rest| rest == expected)
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
    let word = |t: usize| &text[context.tokens[t].norm()];
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
    // A family name after it («محمد بن سليمان الجاسر», "John Kirby Smith"),
    // or any Arabic word with the article that no lexicon knows: a near
    // miss followed by one is more likely another name than a misspelling.
    let surname = after.is_some_and(|t| {
        context.family_names().follows(t)
            || (context.article.language == Language::Ar
                && context.annotations.at(t).is_empty()
                && word(t).starts_with("ال"))
    });
    if surname {
        return false;
    }
    // A title the pack's person does not hold («المتحدث باسم الوزارة جون
    // كيربي» beside a pack's «جون كيري», secretary of state) names
    // someone else.
    let range = context.tokens[first].orig().start..context.tokens[last].orig().end;
    let other_post = context.attributions().iter().any(|a| {
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
    let mut seen = FxHashSet::default();
    for (w, &i) in words.iter().enumerate() {
        let Some(candidates) = index.by_word.get(&text[context.tokens[i].norm()]) else {
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
            let mut common = false;
            let fits = name.iter().zip(span).enumerate().all(|(k, (expected, &t))| {
                let got = &text[context.tokens[t].norm()];
                if got == expected || (k == 0 && with_proclitic(language, got, expected)) {
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
                // «سليمان» beside «سلمان», "Kirby" beside "Kerry": a
                // common name of its own is someone else's.
                common |= close
                    && (another_common_name(language, got, expected)
                        || nisba_surname(language, got, expected));
                close
            });
            if !fits || near == 0 || common || !another_name(context, index, &words, span, *e) {
                continue;
            }
            if !seen.insert((span[0], n)) {
                continue;
            }
            let range =
                context.tokens[span[0]].orig().start..context.tokens[*span.last().unwrap()].orig().end;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_common_name_that_sounds_different_is_another_person() {
        assert!(another_common_name(Language::En, "kirby", "kerry"));
        assert!(!another_common_name(Language::En, "schultz", "shultz"));
        assert!(!another_common_name(Language::En, "kochavy", "kochavi"));
        assert!(another_common_name(Language::Ar, "سليمان", "سلمان"));
        assert!(another_common_name(Language::Ar, "الجاسر", "الجاسم") == is_common_name(Language::Ar, "الجاسر"));
        // Joined and spaced «عبد» names are both common names.
        assert!(is_common_name(Language::Ar, "عبدالاله"));
    }

    #[test]
    fn a_frequent_nisba_surname_is_another_family() {
        // «محمد القيسي» beside a pack's «محمد العيسى»: another family.
        assert!(nisba_surname(Language::Ar, "القيسي", "العيسي"));
        // A long vowel more: the same family's name spelt otherwise.
        assert!(!nisba_surname(Language::Ar, "الساعدي", "السعدي"));
        // A rare near spelling of the pack's surname stays a likely slip.
        assert!(!nisba_surname(Language::Ar, "الغيسي", "العيسي"));
        // Not nisba-shaped: a given name, a preposition.
        assert!(!nisba_surname(Language::Ar, "حيد", "حيدر"));
        assert!(!nisba_surname(Language::Ar, "علي", "على"));
        assert!(!nisba_surname(Language::En, "alqaisi", "alqaysi"));
    }

    #[test]
    fn a_conjunction_before_a_name_is_no_misspelling() {
        assert!(with_proclitic(Language::Ar, "وناصر", "ناصر"));
        assert!(!with_proclitic(Language::Ar, "وناصر", "منصور"));
        assert!(!with_proclitic(Language::En, "wnasser", "nasser"));
    }
}
