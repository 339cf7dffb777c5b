//! `consistency/spelling`: one phrase or name spelled two ways in one
//! article.

use rustc_hash::FxHashMap as HashMap;

use crate::article::Language;
use crate::checks::Context;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};
use crate::text::near::OneEditIndex;
use crate::text::tokens::TokenKind;

/// The code `consistency/spelling`: its default severity, fix safety and the
/// documentation `factlint explain consistency/spelling` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "consistency/spelling",
    summary: "one name or phrase spelled two ways",
    severity: Severity::Warning,
    fix: Some(Applicability::Unsafe),
    doc: "\
## What it checks
With no pack needed, finds a spelling the article uses once where it uses a
form one letter away (compared by normalised letters) at least twice:

- in a fixed phrase: a word that is followed by the same word every time
  but once, and that once by a word one letter off inside the word, or by
  the nisba adjective of a noun the phrase uses twice or more
  (`سلاح الجوي` in an article that writes `سلاح الجو` twice);
- in an English name: a capitalised word used once, one letter off a
  capitalised word used at least twice (`Kochavy` beside `Kochavi`),
  plurals and possessives aside, at a sentence start too, unless the once
  is a common English word (`Match` beside `March`, `Argentine` beside
  `Argentina`) or also written in lower case;
- in Arabic, any word of five letters or more used once that the bundled
  dictionary rejects (or accepts, when the frequency list has never seen
  it and the usual form is common), when one adjacent swap, deletion or
  insertion after
  its proclitics (not at its last letter) turns it into an accepted word
  the article uses at least twice and that is clearly more common
  (`النمطقة` beside `المنطقة`). Two valid words are never paired.

A place already reported as a known typo is not reported again.

## Why it matters
An article that spells a name or a fixed phrase two ways is wrong at least
once, and readers notice the inconsistency even when they cannot tell which
is right.

## Example
`سلاح الجو` four times and `سلاح الجوي` once: the once is flagged. Four
times `Kochavi` and once `Kochavy`: `Kochavy` is flagged.

## Fix safety
Unsafe: the majority spelling is offered, and the majority can be wrong.
",
};

fn word<'a>(context: &'a Context<'_>, i: usize) -> Option<&'a str> {
    let token = context.tokens.get(i)?;
    (token.kind == TokenKind::Word).then(|| &context.article.normalized.text[token.norm()])
}

/// Whether two forms are one letter apart in a way that is a misspelling
/// rather than grammar: a letter changed or two letters swapped inside the
/// word, or a letter added inside it. Changes at the edges of a word are
/// usually affixes (`بلاده`/`بلادها`, `dlr`/`dlrs`, `had`/`has`) and are left
/// alone, except the final ta marbuta and alef maqsura, which are spelling
/// (`ضراغمة`/`ضراغمه`); so is an Arabic long vowel added inside a word,
/// which is usually a broken plural (`مكتب`/`مكاتب`). In a `name`, a last
/// letter changed is a misspelling too (`Kochavy`/`Kochavi`).
fn misspelling_apart(a: &str, b: &str, name: bool) -> bool {
    // One letter is at most four bytes: a cheap test before the distance.
    if a == b || a.len().abs_diff(b.len()) > 4 || strsim::damerau_levenshtein(a, b) != 1 {
        return false;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (n, m) = (x.len(), y.len());
    // Arabic words carry proclitics and the article in their first letters
    // (`لاتفاق`/`للاتفاق`): changes there are grammar too.
    let first = if x
        .first()
        .is_some_and(|&c| crate::text::words::is_arabic_letter(c))
    {
        2
    } else {
        1
    };
    if n == m {
        let differing: Vec<usize> = (0..n).filter(|&i| x[i] != y[i]).collect();
        return match differing.as_slice() {
            // A substitution: inside the word, or a final ة/ه or ى/ي.
            [k] => {
                (*k >= first && (*k + 1 < n || name))
                    || (*k + 1 == n
                        && matches!(
                            (x[*k], y[*k]),
                            ('ة', 'ه') | ('ه', 'ة') | ('ى', 'ي') | ('ي', 'ى')
                        ))
            }
            // A transposition not involving the first letter.
            [k, _] => *k >= first,
            _ => false,
        };
    }
    // An insertion: `short` is `long` without one letter.
    let (short, long) = if n < m { (&x, &y) } else { (&y, &x) };
    let k = (0..short.len())
        .find(|&i| short[i] != long[i])
        .unwrap_or(short.len());
    k >= first && k + 1 < long.len() && !matches!(long[k], 'ا' | 'و' | 'ي')
}

/// Reports phrases and names spelled two ways.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let listed = context.listed_typos();
    let mut findings = phrases(context);
    if context.article.language == Language::En {
        findings.extend(names(context));
    } else {
        findings.extend(arabic_slips(context));
    }
    findings.retain(|f| !listed.overlaps(&f.range));
    // One finding per place: a name inside a flagged phrase is not repeated.
    findings.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    // Sorted by start, every kept finding starts at or before this one: it
    // lies inside one of them exactly when it ends by the furthest end.
    let mut kept: Vec<Finding> = Vec::new();
    let mut furthest_end = 0;
    for finding in findings {
        if kept.is_empty() || finding.range.end > furthest_end {
            furthest_end = furthest_end.max(finding.range.end);
            kept.push(finding);
        }
    }
    kept
}

/// The fixed-phrase rule.
fn phrases(context: &Context<'_>) -> Vec<Finding> {
    // Where a word is followed by a word in the same sentence (the token
    // index of the first word), to be grouped by the first word so that
    // each word's uses are one run.
    let mut pairs: Vec<u32> = Vec::with_capacity(context.tokens.len());
    for i in 0..context.tokens.len().saturating_sub(1) {
        let (Some(first), Some(_)) = (word(context, i), word(context, i + 1)) else {
            continue;
        };
        // Words of three letters or more (a cheap byte test first).
        if first.len() >= 3
            && context.sentences.get(i) == context.sentences.get(i + 1)
            && first.chars().nth(2).is_some()
        {
            pairs.push(i as u32);
        }
    }
    let first_word = |i: u32| word(context, i as usize).unwrap_or_default();
    // Each pair keyed by a number for its first word, so that the sort
    // compares numbers, not words. Only a word that starts three pairs or
    // more can make a finding: the others are dropped before the sort.
    // Sized for the most words there can be: growing the table from empty
    // was a tenth of this rule's time.
    let mut ids: HashMap<&str, u32> =
        HashMap::with_capacity_and_hasher(pairs.len(), Default::default());
    // One count per distinct first word: at most one per pair.
    let mut uses: Vec<u32> = Vec::with_capacity(pairs.len());
    let in_text_order: Vec<(u32, u32)> = pairs
        .iter()
        .map(|&i| {
            let next = ids.len() as u32;
            let id = *ids.entry(first_word(i)).or_insert(next);
            if id == next {
                uses.push(0);
            }
            uses[id as usize] += 1;
            (id, i)
        })
        .collect();
    drop(ids);
    drop(pairs);
    // By word, then in text order within each word's run: the pairs come
    // in text order, so a counting sort by word keeps that order, in one
    // pass where a comparison sort took the most of this rule's time in a
    // long article.
    let mut run_starts: Vec<u32> = Vec::with_capacity(uses.len());
    let mut kept = 0;
    for &n in &uses {
        run_starts.push(kept);
        if n >= 3 {
            kept += n;
        }
    }
    let mut keyed: Vec<(u32, u32)> = vec![(0, 0); kept as usize];
    for &(id, i) in &in_text_order {
        if uses[id as usize] >= 3 {
            let at = &mut run_starts[id as usize];
            keyed[*at as usize] = (id, i);
            *at += 1;
        }
    }
    drop(in_text_order);
    // A pair's first token and its second word.
    let follower = |&(_, i): &(u32, u32)| {
        let i = i as usize;
        (i, word(context, i + 1).unwrap_or_default())
    };
    let mut findings = Vec::new();
    for at in keyed.chunk_by(|a, b| a.0 == b.0) {
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for (_, w) in at.iter().map(follower) {
            *counts.entry(w).or_default() += 1;
        }
        if counts.len() != 2 {
            continue;
        }
        let mut forms: Vec<(&str, usize)> = counts.into_iter().collect();
        forms.sort_by_key(|&(_, n)| n);
        let ((rare, once), (usual, often)) = (forms[0], forms[1]);
        // A noun of a fixed phrase written once as its nisba adjective
        // (`سلاح الجوي` beside two or more `سلاح الجو`) is a misspelling
        // too, though the edit is at the word's end. Two other uses, as for
        // the letter rule: measured on the corpus
        // (scripts/measure_spelling_threshold.py), two catch every injected
        // slip and add no finding on the unchanged articles.
        let nisba = rare.strip_suffix('ي') == Some(usual);
        if once != 1
            || often < 2
            || usual.chars().count() < 3
            || !(nisba || misspelling_apart(rare, usual, false))
        {
            continue;
        }
        let Some((i, _)) = at.iter().map(follower).find(|(_, w)| *w == rare) else {
            continue;
        };
        let range = context.tokens[i].orig().start..context.tokens[i + 1].orig().end;
        let usual_at = at
            .iter()
            .map(follower)
            .find(|(_, w)| *w == usual)
            .map_or(i, |(j, _)| j);
        let usual_range =
            context.tokens[usual_at].orig().start..context.tokens[usual_at + 1].orig().end;
        let replacement = format!(
            "{} {}",
            context.text(&context.tokens[i].orig()),
            context.text(&context.tokens[usual_at + 1].orig())
        );
        findings.push(
            Finding::new(&CODE, range.clone(),
                format!(
                    "«{}» is written «{}» {often} other times {}",
                    context.text(&range),
                    context.text(&usual_range),
                    context.counted_in()
                ),
            )
            .with_label(usual_range, format!("spelled this way {often} times"))
            .with_help("use one spelling throughout")
            .with_fix(replacement, Applicability::Unsafe),
        );
    }
    findings.sort_by_key(|f| f.range.start);
    findings
}

/// The Arabic slip rule (R3): a word the dictionary rejects, used once, one
/// adjacent swap, deletion or insertion (inside the word, after its
/// proclitics) away from an accepted word the article uses at least twice.
/// Two valid words are never paired, and a word the dictionary recognises
/// as a confusion misspelling is left to `typo/spelling`.
/// Where a word is first used and how many times.
struct Place {
    first: u32,
    uses: u32,
}

fn arabic_slips(context: &Context<'_>) -> Vec<Finding> {
    use crate::spelling;
    // Per cleaned word: where it is first used and how often.
    let words = context.dictionary_words().iter();
    // Sized for the most words there can be (see `phrases`).
    let mut places: HashMap<&str, Place> =
        HashMap::with_capacity_and_hasher(words.len(), Default::default());
    for (i, word) in words {
        places
            .entry(word)
            .or_insert(Place {
                first: i as u32,
                uses: 0,
            })
            .uses += 1;
    }
    let frequent = spelling::UsualForms::new(
        places
            .iter()
            .filter(|(_, place)| place.uses >= 2)
            .map(|(w, _)| *w),
    );
    if frequent.is_empty() {
        return Vec::new();
    }
    let speller = spelling::arabic();
    let mut findings = Vec::new();
    for (&word, place) in &places {
        if place.uses != 1 || word.chars().nth(4).is_none() || context.rules.accepts(word) {
            continue;
        }
        // The slip search first: it dismisses an accepted word of the
        // frequency list (almost every word) with one lookup, where the
        // strict judgement tries every confusion edit.
        let Some(usual) = speller.slip_of(word, &frequent) else {
            continue;
        };
        if speller.judge_cached(word, true).is_some() {
            continue;
        }
        if theophoric_name(speller, word) && theophoric_name(speller, usual) {
            continue;
        }
        let range = context.tokens[place.first as usize].orig();
        let usual_place = &places[usual];
        let usual_range = context.tokens[usual_place.first as usize].orig();
        findings.push(
            Finding::new(&CODE, range.clone(),
                format!(
                    "«{}» is written «{}» {} other times {}",
                    context.text(&range),
                    context.text(&usual_range),
                    usual_place.uses,
                    context.counted_in()
                ),
            )
            .with_label(
                usual_range.clone(),
                format!("spelled this way {} times", usual_place.uses),
            )
            .with_help("use one spelling throughout")
            .with_fix(usual.to_string(), Applicability::Unsafe),
        );
    }
    findings.sort_by_key(|f| f.range.start);
    findings
}

/// Whether an Arabic word is a compound personal name «عبد» + a divine name
/// the dictionary knows (`عبدالله`, `عبدالإله`, `وعبدالرحمن`), proclitic
/// aside. Two such names one letter apart are two people, not one name
/// misspelt; a slip inside the divine name (`عبدالهل`) is not one.
fn theophoric_name(speller: &crate::spelling::Arabic, word: &str) -> bool {
    word.strip_prefix(['و', 'ف', 'ب', 'ل'])
        .unwrap_or(word)
        .strip_prefix("عبد")
        .is_some_and(|name| name.starts_with("ال") && speller.ok(name))
}

/// The English names rule: capitalised words, at a sentence start too.
///
/// A form used once is reported only when it is not a common English word
/// (`Match` beside `March`, `Argentine` beside `Argentina`, a sentence-initial
/// `Where` are words) and never appears in lower case in the article.
fn names(context: &Context<'_>) -> Vec<Finding> {
    let mut forms: HashMap<String, Vec<usize>> = HashMap::default();
    // Sized for half the tokens, more than the distinct lower-case words
    // of running text (see `phrases`).
    let mut lower: rustc_hash::FxHashSet<&str> =
        rustc_hash::FxHashSet::with_capacity_and_hasher(context.tokens.len() / 2, Default::default());
    let sentence_start = |i: usize| {
        i == 0
            || context.sentences.get(i) != context.sentences.get(i - 1)
            || context.tokens[i - 1].ends_sentence()
    };
    for (i, token) in context.tokens.iter().enumerate() {
        if token.kind != TokenKind::Word {
            continue;
        }
        let written = context.text(&token.orig());
        if written.chars().next().is_some_and(char::is_lowercase) {
            lower.insert(written);
            continue;
        }
        let capitalised = written.chars().next().is_some_and(char::is_uppercase)
            && written.chars().skip(1).all(char::is_lowercase);
        if capitalised && written.chars().count() >= 5 {
            forms.entry(written.to_lowercase()).or_default().push(i);
        }
    }
    // The forms used once that could be a slip. The usual forms are indexed
    // only when there is one: on the English corpus articles, that skips
    // three fifths of the indexing work.
    let rare_forms: Vec<(&String, &Vec<usize>)> = forms
        .iter()
        .filter(|(rare, places)| {
            places.len() == 1
                && !crate::spelling::english::is_common_word(rare)
                && !lower.contains(rare.as_str())
        })
        .collect();
    if rare_forms.is_empty() {
        return Vec::new();
    }
    let usual_forms = OneEditIndex::new(
        forms
            .iter()
            .filter(|(_, at)| at.len() >= 2)
            .map(|(form, _)| form.as_str()),
    );
    let mut findings = Vec::new();
    for (rare, places) in rare_forms {
        // The most used of the forms it could be a slip of.
        let usual = usual_forms
            .candidates(rare)
            .into_iter()
            .filter(|usual| {
                misspelling_apart(rare, usual, true)
                    && *rare != format!("{usual}s")
                    && *usual != format!("{rare}s")
            })
            .max_by_key(|usual| (forms[*usual].len(), std::cmp::Reverse(*usual)));
        let Some(usual) = usual else { continue };
        let at = &forms[usual];
        let i = places[0];
        if i > 0 {
            // `Chi-Cheng` beside `Chang`: part of a hyphenated name.
            let previous = &context.tokens[i - 1];
            if previous.is_punct('-') && previous.orig().end == context.tokens[i].orig().start {
                continue;
            }
            // `Donald Regan` beside `Reagan`: after a first name that never
            // comes before the usual form, it is another person. A common
            // word opening the sentence (`A Benteton spokeswoman`) is no
            // first name, nor is a single letter.
            if let Some(first_name) = word(context, i - 1)
                && context
                    .text(&previous.orig())
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && first_name.chars().nth(1).is_some()
                && !(sentence_start(i - 1)
                    && crate::spelling::english::is_common_word(&first_name.to_lowercase()))
            {
                let pairs_with_usual = at
                    .iter()
                    .any(|&j| j > 0 && word(context, j - 1) == Some(first_name));
                if !pairs_with_usual {
                    continue;
                }
            }
        }
        let range = context.tokens[i].orig();
        let usual_range = context.tokens[at[0]].orig();
        findings.push(
            Finding::new(&CODE, range.clone(),
                format!(
                    "«{}» is spelled «{}» {} other times {}",
                    context.text(&range),
                    context.text(&usual_range),
                    at.len(),
                    context.counted_in()
                ),
            )
            .with_label(
                usual_range.clone(),
                format!("spelled this way {} times", at.len()),
            )
            .with_help("use one spelling throughout")
            .with_fix(
                context.text(&usual_range).to_string(),
                Applicability::Unsafe,
            ),
        );
    }
    findings.sort_by_key(|f| f.range.start);
    findings
}

#[cfg(test)]
mod tests {
    use super::misspelling_apart;

    #[test]
    fn misspellings_but_not_affixes() {
        for (a, b) in [
            ("النخابين", "الناخبين"),
            ("السبور", "السوبر"),
            ("المضللة", "المظللة"),
            ("ضراغمة", "ضراغمه"),
            ("goverment", "government"),
        ] {
            assert!(misspelling_apart(a, b, false), "{a} / {b}");
        }
        assert!(misspelling_apart("kochavy", "kochavi", true));
        assert!(!misspelling_apart("kochavy", "kochavi", false));
        for (a, b) in [
            ("بلاده", "بلادها"),
            ("مكتب", "مكاتب"),
            ("للاتفاق", "لاتفاق"),
            ("dlr", "dlrs"),
            ("had", "has"),
            ("كان", "كانت"),
        ] {
            assert!(!misspelling_apart(a, b, false), "{a} / {b}");
        }
    }
}
