//! The `typo` family: known misspellings and confusions from packs.

super::family!(substitution, confusable, spelling, repeated_word, name);

use crate::checks::Context;
use crate::finding::{CodeInfo, Finding};
use crate::rules::{Mention, Target, Typo};

/// Expands `$1`, `${1}` and `${name}` in a replacement with the original
/// text of the mention's capture groups (the original, not the normalised
/// text, so that tashkeel and hamza forms survive the fix).
pub fn expand_replacement(replacement: &str, mention: &Mention, text: &str) -> String {
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
            Ok(index) => mention.groups.get(index).cloned().flatten(),
            Err(_) => mention.group(name),
        };
        if let Some(range) = range {
            out.push_str(&text[range]);
        }
        rest = &after[consumed..];
    }
    out.push_str(rest);
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
    let replacement = expand_replacement(&typo.replace, mention, text);
    if !typo.alternatives.is_empty() {
        // Several corrections: a person chooses; nothing is fixed.
        let all: Vec<String> = std::iter::once(&replacement)
            .chain(&typo.alternatives)
            .map(|c| format!("«{c}»"))
            .collect();
        let message = format!("«{found}» is a misspelling of {}", all.join(" or "));
        return Finding::new(code, mention.range.clone(), message)
            .with_help("choose the word that was meant")
            .with_rule(typo.origin.clone());
    }
    let message = match &typo.message {
        Some(why) => format!("«{found}» should be «{replacement}»: {why}"),
        None => format!("«{found}» is a misspelling of «{replacement}»"),
    };
    Finding::new(code, mention.range.clone(), message)
        .with_help(format!("write «{replacement}»"))
        .with_rule(typo.origin.clone())
        .with_fix(replacement, typo.applicability)
}

/// Typo mentions of one kind (literal or regex).
pub(crate) fn typo_mentions<'a>(
    context: &'a Context<'a>,
    regex: bool,
) -> impl Iterator<Item = (&'a Mention, &'a Typo)> + 'a {
    context.mentions.iter().filter_map(move |m| match m.target {
        Target::Typo(i) if context.rules.typos[i].regex == regex => {
            Some((m, &context.rules.typos[i]))
        }
        _ => None,
    })
}
