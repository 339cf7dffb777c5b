//! `typo/repeated-word`: the same word twice in a row.

use crate::checks::Context;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};
use crate::rules::Target;
use crate::text::tokens::TokenKind;

/// The code `typo/repeated-word`: its default severity, fix safety and the
/// documentation `factlint explain typo/repeated-word` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "typo/repeated-word",
    summary: "the same word twice in a row",
    severity: Severity::Warning,
    fix: Some(Applicability::Safe),
    doc: "\
## What it checks
Finds a word written twice in a row with one or two spaces between (`في في`,
\"the the\"), compared by normalised letters, within one sentence. Not
reported: words whose doubling is correct (`doubling-ok` markers in the
lexicon: \"had had\", \"that that\", «رويدا رويدا», «ولي ولي العهد»);
letters of an abbreviation («بي بي سي», «سي إن إن»); a verb repeated after
a conditional («ومن تاب تاب الله عليه»); a doubled nationality («مواجهة
سعودية سعودية»); given names that double in one person's name
(`doubled-name` markers: \"Sirhan Sirhan\", or a further name after
the pair: \"Ahmed Ahmed Hassan\"); a word doubled at the start
of a hyphenated one (\"Boutros Boutros-Ghali\") or at the end of one
(\"non-bank bank\"); and an Arabic word doubled for emphasis at the end of a
sentence («آتٍ آتٍ.»). Other capitalised words are reported: \"the White
House House said\".

## Why it matters
Doubled words survive spell checkers and slip through when a sentence is
edited in place.

## Example
`said the the talks` is flagged; `said that that was` is not.

## Fix safety
Safe: the fix deletes the second word and the space before it.
",
};

/// Reports doubled words.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let normalized = &context.article.normalized.text;
    let marker = |i: usize, id: &str| context.marker_at(i, id);
    let demonym = |i: usize| {
        context
            .annotations
            .at(i)
            .iter()
            .any(|a| matches!(a.target, Target::Demonym { .. }))
    };
    let capitalised = |i: usize| {
        context
            .text(&context.tokens[i].orig())
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    // A capitalised word right after the pair: the pair is part of a
    // person's full name ("Ahmed Ahmed Hassan").
    let next_is_name = |i: usize| {
        context.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word && t.orig().start > context.tokens[i - 1].orig().end
        }) && capitalised(i)
    };
    let allowed = |i: usize| {
        let letters = marker(i, "letter-name")
            && ((i > 0 && marker(i - 1, "letter-name")) || marker(i + 2, "letter-name"));
        let conditional = i > 0 && marker(i - 1, "conditional");
        let hyphenated = i > 0
            && context.tokens[i - 1].is_punct('-')
            && context.tokens[i - 1].orig().end == context.tokens[i].orig().start;
        // "Boutros Boutros-Ghali": the second word opens a hyphenated one.
        let opens_hyphenated = context.tokens.get(i + 2).is_some_and(|t| {
            t.is_punct('-') && t.orig().start == context.tokens[i + 1].orig().end
        });
        // «آتٍ آتٍ.»: an Arabic word doubled for emphasis at a sentence's end.
        let emphatic = context.tokens.get(i + 2).is_some_and(|t| t.ends_sentence())
            && context
                .text(&context.tokens[i + 1].orig())
                .chars()
                .next()
                .is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        marker(i, "doubling-ok")
            || letters
            || conditional
            || demonym(i)
            || (capitalised(i)
                && (marker(i, "doubled-name") || next_is_name(i + 2)))
            || opens_hyphenated
            || emphatic
            || hyphenated
    };
    let mut findings = Vec::new();
    for (i, pair) in context.tokens.windows(2).enumerate() {
        let (first, second) = (&pair[0], &pair[1]);
        // Two words of one length (a cheap test first: most pairs differ).
        if first.kind != TokenKind::Word
            || second.kind != TokenKind::Word
            || first.norm().len() != second.norm().len()
        {
            continue;
        }
        if normalized[first.norm()] != normalized[second.norm()]
            || context.sentences.get(i) != context.sentences.get(i + 1)
            || allowed(i)
        {
            continue;
        }
        // One or two spaces between the two: more is a table column,
        // anything else markup or a line break.
        let between = &context.article.text[first.orig().end..second.orig().start];
        let spaces = between.chars().count();
        if !(1..=2).contains(&spaces) || !between.chars().all(|c| c == ' ' || c == '\u{00A0}') {
            continue;
        }
        // Capitalised words two spaces apart are column headings of a
        // table ("Level Price  Price"), not prose.
        if spaces > 1 && capitalised(i + 1) {
            continue;
        }
        let word = context.text(&second.orig());
        findings.push(
            Finding::new(&CODE, first.orig().end..second.orig().end,
                format!("«{word}» is written twice"),
            )
            .with_label(first.orig(), "first here".to_string())
            .with_help(format!("delete the second «{word}»"))
            .with_fix("", Applicability::Safe),
        );
    }
    findings
}
