//! The `typo` family: known misspellings and confusions from packs.

super::family!(substitution, confusable, spelling, repeated_word, name);

use std::borrow::Cow;

use crate::checks::Context;
use crate::finding::{CodeInfo, Finding};
use crate::rules::{Mention, Target, Typo};

/// Expands `$1`, `${1}` and `${name}` in a replacement with the original
/// text of the mention's capture groups (the original, not the normalised
/// text, so that tashkeel and hamza forms survive the fix).
pub fn expand_replacement<'r>(replacement: &'r str, mention: &Mention, text: &str) -> Cow<'r, str> {
    // Most corrections are plain words: nothing to expand, nothing to copy
    // (a pack whose typos occur often makes a finding every few words).
    if !replacement.contains('$') {
        return Cow::Borrowed(replacement);
    }
    let mut out = String::with_capacity(replacement.len());
    let mut rest = replacement;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let (name, consumed) = if let Some(braced) = after.strip_prefix('{') {
            match braced.find('}') {
                Some(end) => (&braced[..end], end + 2),
                None => ("", 0),
            }
        } else {
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            (&after[..digits], digits)
        };
        if name.is_empty() {
            out.push('$');
            rest = after;
            continue;
        }
        let range = match name.parse::<usize>() {
            Ok(index) => mention.group_at(index),
            Err(_) => mention.group(name),
        };
        if let Some(range) = range {
            out.push_str(&text[range]);
        }
        rest = &after[consumed..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The correction written in the case of the words it replaces, so that a
/// fix never lowers a capital: "GURANTEE" → "GUARANTEE", "Britian" →
/// "Britain", a sentence-initial "Athough" → "Although". A lower-case
/// misspelling keeps the correction as listed (its own capitals stay), and
/// scripts without case (Arabic) are left alone.
pub(crate) fn match_case<'r>(found: &str, replacement: Cow<'r, str>) -> Cow<'r, str> {
    // Without a capital (all Arabic, most English) there is nothing to match.
    // The letters of the Arabic block have no case: they are passed over
    // without the look-up in Unicode's tables.
    let capital = |c: char| !('\u{0600}'..='\u{06FF}').contains(&c) && c.is_uppercase();
    if !found.chars().any(capital) {
        return replacement;
    }
    // Every letter a capital, and more than one of them: the letters that
    // have a case are counted (ASCII ones by their bytes).
    let all_capitals = if found.is_ascii() {
        let mut letters = found.bytes().filter(u8::is_ascii_alphabetic);
        letters.clone().nth(1).is_some() && letters.all(|b| b.is_ascii_uppercase())
    } else {
        let mut cased = found
            .chars()
            .filter(|c| c.is_uppercase() || c.is_lowercase());
        cased.clone().nth(1).is_some() && cased.all(char::is_uppercase)
    };
    if all_capitals {
        return Cow::Owned(replacement.to_uppercase());
    }
    if found.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return Cow::Owned(first.to_uppercase().chain(chars).collect());
        }
    }
    replacement
}

/// The pieces joined into one string, allocated once at its final size:
/// the messages of a typo finding, written without the formatting
/// machinery, which cost more than the rest of the finding.
fn joined(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for piece in pieces {
        out.push_str(piece);
    }
    out
}

/// Builds the finding for a typo mention (shared by both typo checks).
pub(crate) fn typo_finding(
    context: &Context<'_>,
    code: &'static CodeInfo,
    mention: &Mention,
    typo: &Typo,
) -> Finding {
    let text = &context.article.text;
    let found = &text[mention.range.clone()];
    let replacement = match_case(found, expand_replacement(&typo.replace, mention, text));
    if !typo.alternatives.is_empty() {
        // Several corrections: a person chooses; nothing is fixed.
        let all: Vec<String> = std::iter::once(replacement.clone())
            .chain(
                typo.alternatives
                    .iter()
                    .map(|a| match_case(found, Cow::Borrowed(a))),
            )
            .map(|c| format!("«{c}»"))
            .collect();
        let message = format!("«{found}» is a misspelling of {}", all.join(" or "));
        return Finding::new(code, mention.range.clone(), message)
            .with_help("choose the word that was meant")
            .with_rule(typo.origin.clone());
    }
    let message = match &typo.message {
        Some(why) => joined(&["«", found, "» should be «", &replacement, "»: ", why]),
        None => joined(&["«", found, "» is a misspelling of «", &replacement, "»"]),
    };
    let help = joined(&["write «", &replacement, "»"]);
    Finding::new(code, mention.range.clone(), message)
        .with_help(help)
        .with_rule(typo.origin.clone())
        .with_fix(replacement.into_owned(), typo.applicability)
}

/// Typo mentions of one kind (literal or regex).
pub(crate) fn typo_mentions<'c, 'a>(
    context: &'c Context<'a>,
    regex: bool,
) -> impl Iterator<Item = (&'a Mention, &'a Typo)> + 'c {
    context.mentions.iter().filter_map(move |m| match m.target {
        Target::Typo(i) if context.rules.typo(i).regex == regex => Some((m, context.rules.typo(i))),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    fn match_case(found: &str, replacement: &str) -> String {
        super::match_case(found, Cow::Borrowed(replacement)).into_owned()
    }

    #[test]
    fn corrections_keep_the_case_of_what_they_replace() {
        assert_eq!(match_case("GURANTEE", "guarantee"), "GUARANTEE");
        assert_eq!(match_case("Britian", "britain"), "Britain");
        assert_eq!(match_case("Athough", "although"), "Although");
        assert_eq!(match_case("britian", "Britain"), "Britain");
        assert_eq!(match_case("recieve", "receive"), "receive");
        assert_eq!(match_case("A", "an"), "An");
        assert_eq!(match_case("سلاح الجوي", "سلاح الجو"), "سلاح الجو");
    }
}
