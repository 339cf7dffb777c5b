//! `typo/spelling`: an Arabic non-word that a dictionary and a frequency
//! list recognise as a misspelling of a common word.

use crate::checks::Context;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};
use crate::spelling::{self, Kind, Verdict};
use crate::text::tokens::TokenKind;

/// The code `typo/spelling`: its default severity, fix safety and the
/// documentation `factlint explain typo/spelling` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "typo/spelling",
    summary: "an Arabic non-word one confusion edit from a common word",
    severity: Severity::Warning,
    fix: Some(Applicability::Safe),
    doc: "\
## What it checks
Arabic words that the bundled Ayaspell dictionary rejects and that one or
two confusion edits turn into a word it accepts: alif and hamza forms
(أ إ آ ا, ء ؤ ئ), ض/ظ, and at the end of a word ه/ة and ى/ي. The
correction must be common (zipf ≥ 3 in the bundled wordfreq list) and at
least ten times more frequent than the written form, which keeps names and
transliterations out (`الدوسري`, `تويتر`). Also flagged: the article with a
pronoun ending, which cannot occur (`الأمانه` for `الأمانة`), and a rare
word + pronoun ending «ه» (zipf below 2.9) whose ة form is common and ten
times more frequent, when it is followed by an indefinite word in ة that
agrees with a feminine noun (`سياحيه جديدة` for `سياحية جديدة`), or when
the ة form is thirty times more frequent: a noun or verb with the pronoun
«ه» is a real word (`مهاجمه`, \"its striker\").

A dropped hamza on alif (`اسرائيل`, `الى`) and ى for a final ي (`فى`) are
house style in many newsrooms; they are reported only with
`arabic_strict_spelling: true` in `factlint.yaml`. Words on an `accept:`
list are never reported. The dictionary and frequency list are loaded the
first time an article has Arabic words.

## Why it matters
A pack lists the misspellings someone thought of; a dictionary catches the
rest (`السياحه`, `وتظمن`, `تخفيظات`).

## Example
`ارتفعت أعداد السياحه الداخلية` is flagged (`السياحة`);
`ارتفعت أعداد السياحة الداخلية` is not.

## Fix safety
Safe when exactly one correction passes and the word carries no tashkeel;
unsafe when the dictionary offers several (a person chooses), and for the
rare pronoun ending, which can be meant.
",
};

/// Reports Arabic likely misspellings.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let listed = context.listed_typos();
    let mut findings = Vec::new();
    for (i, word) in context.dictionary_words().iter() {
        let token = &context.tokens[i];
        let written = context.text(&token.orig());
        // A bare or truncated article (`ال 28`, `الإ` at a cut).
        if word.starts_with("ال") && word.chars().count() <= 3 {
            continue;
        }
        if context.rules.accepts(word) || listed.overlaps(&token.orig()) {
            continue;
        }
        let verdict =
            spelling::arabic().judge_cached(word, context.options.arabic_strict_spelling);
        let verdict = verdict.or_else(|| {
            // R2c: a common pronoun form where the next word calls for ة
            // (the ending first: it rules out almost every word).
            let fixed = (word.ends_with('ه') && feminine_indefinite_follows(context, i))
                .then(|| spelling::arabic().ta_marbuta_form(word))??;
            Some(Verdict {
                kind: Kind::RarePronoun,
                candidates: vec![fixed],
            })
        });
        let Some(verdict) = verdict else { continue };
        if verdict.kind == Kind::RarePronoun
            && !spelling::arabic().pronoun_far_rarer(word, &verdict.candidates[0])
            && !feminine_indefinite_follows(context, i)
        {
            continue;
        }
        findings.push(finding(token.orig(), written, &verdict));
    }
    findings
}

/// Whether the word after token `i` is an indefinite word ending in ة
/// (`خدمات علاجيه متقدمة`): an adjective that agrees with an indefinite
/// feminine noun, which a noun with a pronoun ending (definite) cannot be.
fn feminine_indefinite_follows(context: &Context<'_>, i: usize) -> bool {
    let Some(next) = context.tokens.get(i + 1) else {
        return false;
    };
    if next.kind != TokenKind::Word || context.sentences.get(i) != context.sentences.get(i + 1) {
        return false;
    }
    let Some(next) = spelling::clean(context.text(&next.orig())) else {
        return false;
    };
    let stem = next.strip_prefix(['و', 'ف', 'ب', 'ك']).unwrap_or(&next);
    next.ends_with('ة') && !stem.starts_with("ال") && !next.starts_with("لل")
}

fn finding(range: std::ops::Range<usize>, written: &str, verdict: &Verdict) -> Finding {
    let best = &verdict.candidates[0];
    let others: Vec<String> = verdict.candidates[1..]
        .iter()
        .take(3)
        .map(|c| format!("«{c}»"))
        .collect();
    let why = match verdict.kind {
        Kind::NonWord => "",
        Kind::ArticlePronoun => " (the article «ال» cannot take a pronoun ending «ه»)",
        Kind::HouseStyle => " (strict spelling: hamza or final ي)",
        Kind::RarePronoun => {
            " (a pronoun ending «ه» is unlikely here; «ة» is far more common)"
        }
    };
    let message = if others.is_empty() {
        format!("«{written}» is likely a misspelling of «{best}»{why}")
    } else {
        format!(
            "«{written}» is likely a misspelling of «{best}» (or {}){why}",
            others.join(", ")
        )
    };
    let plain = spelling::clean(written).as_deref() == Some(written);
    // A rejected word ending in ة is as often a word missing a letter
    // (`تدريبة` for `تدريبية`) as a ة written for ه: a person chooses.
    let ta_to_ha = written.ends_with('ة') && best.ends_with('ه');
    let applicability = if verdict.candidates.len() == 1
        && plain
        && !ta_to_ha
        && verdict.kind != Kind::RarePronoun
    {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
    Finding::new(&CODE, range, message)
        .with_help(format!("write «{best}» if that is the word meant"))
        .with_fix(best.clone(), applicability)
}
