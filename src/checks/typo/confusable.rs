//! `typo/confusable`: a word confused with a similar one, recognised by the
//! context a pack's regex rule gives it.

use crate::checks::Context;
use crate::finding::{Applicability, CodeInfo, Finding, Severity};
use crate::text::tokens::TokenKind;

/// The code `typo/confusable`: its default severity, fix safety and the
/// documentation `factlint explain typo/confusable` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "typo/confusable",
    summary: "a word confused with a similar one, recognised by its context",
    severity: Severity::Error,
    fix: Some(Applicability::Safe),
    doc: "\
## What it checks
Runs the `typos:` entries with `regex: true`: a pattern that includes the
context in which a word must be another one (`بعد (قطاعات)` → `بعض $1`:
«بعد», \"after\", before a plural noun where «بعض», \"some\", is meant).
The replacement may use the pattern's groups (`$1`, `${name}`).

Built in, with no pack: «بعد» (\"after\") directly before an indefinite
plural noun that is followed by a definite noun, where «بعض» (\"some\") is
meant (`معارضة بعد قطاعات الجمهور`). A plural is recognised by its shape:
a feminine plural in «ات» (not the verbal nouns in ت-, ا- and time words
such as «ساعات»), a construct masculine plural (`لاعبي`, whose «لاعبين» is
common), the broken plurals أفعال, أفعلة, مفاعل/فعائل and فعلاء
(`أنواع`, `أدوية`, `مناطق`, `علماء`), and the shapes singulars share with
broken plurals (فعول, فعلة, فعاليل, فعالى, أفعلاء: `رؤوس`, `قادة`,
`مشاريع`, `قضايا`) when the dictionary's affix rules give the word no dual
(`هجوم`, `وصول` and `قاعة` have one: a singular or a verbal noun).

## Why it matters
Confusable words are real words, so a spell checker cannot catch them; only
their context shows the mistake.

## Example
With `{ find: 'بعد (قطاعات)', regex: true, replace: 'بعض $1' }`,
`معارضة بعد قطاعات الجمهور` is flagged and `بعد زيارة القاعدة` is not.

## Fix safety
As the pack says; confusions usually deserve `fix: unsafe`, because the
context a regex sees is narrow.
",
};

/// Reports every regex typo mention, and «بعد» written for «بعض».
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings: Vec<Finding> = super::typo_mentions(context, true)
        .map(|(mention, typo)| super::typo_finding(context, &CODE, mention, typo))
        .collect();
    findings.extend(baad_for_baad(context));
    findings
}

/// Time words after which «بعد» + plural + definite noun is right
/// (`بعد ساعات العمل`, "after working hours").
const TIME_PLURALS: &[&str] = &[
    "ساعات",
    "سنوات",
    "سنين",
    "أسابيع",
    "أشهر",
    "شهور",
    "دقائق",
    "ثوان",
    "عقود",
    "لحظات",
    "فترات",
    "أعوام",
    "قرون",
    "أيام",
    "ليال",
    "مراحل",
    "جولات",
];

/// The smallest zipf (×100) of a plural of the shape أفعلة: the verbal
/// nouns of that shape (أتمتة 2.6, أسلمة 3.0) are rarer than the plurals
/// (أروقة 3.3, أغذية 3.3, أسلحة 4.6).
const PLURAL_COMMON: u16 = 310;

/// Whether a word (its letters as written, tashkeel removed) has the shape
/// of an indefinite plural noun.
fn plural_shape(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    let n = letters.len();
    if n < 4 || word.starts_with("ال") || word.starts_with("لل") || TIME_PLURALS.contains(&word)
    {
        return false;
    }
    let last = letters[n - 1];
    // Feminine sound plurals, but not the verbal nouns of the derived
    // forms (تصريحات, اجتماعات, استثمارات), which follow «بعد» as events.
    if word.ends_with("ات") {
        return !matches!(letters[0], 'ت' | 'ا' | 'إ');
    }
    // A construct masculine plural: فاعلي (ناسجي), or any whose «ـين» form
    // is common (موظفي).
    if last == 'ي' && n == 5 && letters[1] == 'ا' {
        return true;
    }
    if last == 'ي' && n >= 4 {
        let full = format!("{word}ن");
        return crate::spelling::arabic().zipf(&full) >= 300;
    }
    // Broken plurals the dictionary confirms: the shape of a plural, and
    // accepted without a dual (a singular noun or a verbal noun of the
    // same shape, `هجوم`, `وصول`, `قاعة`, has one).
    if broken_plural_shape(&letters) {
        let speller = crate::spelling::arabic();
        return speller.ok(word) && !speller.takes_dual(word);
    }
    // Five-letter shapes; a word in ت- is the verbal noun تفاعل (تواصل).
    if n != 5 || letters[0] == 'ت' {
        return false;
    }
    match (letters[0], letters[2], letters[3], last) {
        // أفعال (أنواع, أجزاء); not the verbal noun إفعال.
        ('أ', _, 'ا', _) => true,
        // أفعلة (أدوية, أسلحة), a common word; a rare one of that shape is
        // the verbal noun of a four-letter root (أتمتة, أرشفة, أسلمة).
        ('أ', _, _, 'ة') => crate::spelling::arabic().zipf(word) >= PLURAL_COMMON,
        // مفاعل / فعائل / فواعل (مناطق, وسائل, مواقع).
        (_, 'ا', _, c) => !matches!(c, 'ة' | 'ه' | 'ي' | 'ا' | 'ى'),
        // فعلاء (علماء, وزراء).
        (c, _, 'ا', 'ء') => !matches!(c, 'ا' | 'أ' | 'إ' | 'ت'),
        _ => false,
    }
}

/// The shapes of broken plurals that singulars share too, so that only the
/// dictionary's missing dual tells them apart: فعول (`رؤوس`, `دروس`),
/// فعلة (`قادة`, `باعة`), فعاليل/مفاعيل (`مشاريع`, `أساليب`; not
/// تفاعيل, the plural of a verbal noun: `تقارير`), فعالى (`قضايا`) and
/// أفعلاء (`أصدقاء`).
fn broken_plural_shape(letters: &[char]) -> bool {
    match letters.len() {
        4 => {
            (letters[2] == 'و' && letters[3] != 'ة')
                || (letters[1] == 'ا' && letters[3] == 'ة')
        }
        5 => letters[2] == 'ا' && matches!(letters[4], 'ا' | 'ى'),
        6 => {
            (letters[2] == 'ا' && letters[4] == 'ي' && letters[0] != 'ت')
                || (letters[0] == 'أ' && letters[4] == 'ا' && letters[5] == 'ء')
        }
        _ => false,
    }
}

/// «بعد» before an indefinite plural and a definite noun: «بعض» meant.
fn baad_for_baad(context: &Context<'_>) -> Vec<Finding> {
    let normalized = &context.article.normalized.text;
    let mut findings = Vec::new();
    for (i, window) in context.tokens.windows(3).enumerate() {
        if window.iter().any(|t| t.kind != TokenKind::Word)
            || !matches!(&normalized[window[0].norm()], "بعد" | "وبعد")
            || context.sentences.get(i) != context.sentences.get(i + 2)
            || !normalized[window[2].norm()].starts_with("ال")
        {
            continue;
        }
        // Nothing but a space between the three words.
        let text = &context.article.text;
        if text[window[0].orig().end..window[1].orig().start] != *" "
            || text[window[1].orig().end..window[2].orig().start] != *" "
        {
            continue;
        }
        let Some(noun) = crate::spelling::clean(context.text(&window[1].orig())) else {
            continue;
        };
        if !plural_shape(&noun) {
            continue;
        }
        let written = context.text(&window[0].orig());
        let Some(stem) = written.strip_suffix('د') else {
            continue;
        };
        let replacement = format!("{stem}ض {}", context.text(&window[1].orig()));
        let range = window[0].orig().start..window[1].orig().end;
        findings.push(
            Finding::new(&CODE, range.clone(),
                format!(
                    "«{}» is likely «{replacement}»: «بعد» (\"after\") before a plural noun and a definite one, where «بعض» (\"some\") is meant",
                    context.text(&range)
                ),
            )
            .with_help(format!("write «{replacement}»"))
            .with_fix(replacement, Applicability::Unsafe),
        );
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::plural_shape;

    #[test]
    fn plural_shapes() {
        for word in [
            "قطاعات",
            "مناطق",
            "وسائل",
            "أنواع",
            "أدوية",
            "علماء",
            "لاعبي",
            "سيدات",
            "رؤوس",
            "قادة",
            "أساليب",
            "قضايا",
        ] {
            assert!(plural_shape(word), "{word}");
        }
        for word in [
            "زيارة",
            "انتهاء",
            "إعلان",
            "تصريحات",
            "تواصل",
            "تناول",
            "اجتماعات",
            "ساعات",
            "وصول",
            "الأحداث",
            "مغادرة",
            "هجوم",
            "وصول",
            "دخول",
            "قاعة",
            "تقارير",
        ] {
            assert!(!plural_shape(word), "{word}");
        }
    }
}
