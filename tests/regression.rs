//! One test per bug found while measuring on real articles, so that none
//! comes back.

mod common;

use common::*;

fn findings(text: &str) -> Vec<(String, String)> {
    let output = factlint_in(
        &root(),
        &["check", "-", "--format", "json"],
        Some(text.as_bytes()),
    );
    assert!(code(&output) < 2, "{}", stderr(&output));
    let report = json(&output);
    report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let (s, e) = (
                f["span"]["start"].as_u64().unwrap() as usize,
                f["span"]["end"].as_u64().unwrap() as usize,
            );
            (
                f["code"].as_str().unwrap().to_string(),
                text[s..e].to_string(),
            )
        })
        .collect()
}

/// Words whose first letters have different UTF-8 widths (`2الي`,
/// `اﻷوضاع` with a presentation-form ligature) made the clitic search slice
/// inside a character and panic on 94 articles of the Arabic corpus.
#[test]
fn mixed_width_words_do_not_panic() {
    findings("عنوان\n\nبلغت النسبة 2الي 5ر27 في اﻷوضاع و875ه و1م2 هنا.\n");
}

/// The anchored walk reported literals that end where a longer one ends
/// (`وافق` inside `الموافق`), so «الموافق» counted as a past-tense verb.
#[test]
fn a_suffix_of_a_word_is_not_a_mention() {
    let found = findings("عنوان\n\nصدر البيان في 3 شعبان 1444 هـ الموافق 23 مارس 2023.\n");
    assert!(
        !found.iter().any(|(code, _)| code == "date/future"),
        "{found:?}"
    );
}

/// The Arabic typo entry `هولاء` → `هؤلاء` matched the correct `هؤلاء`,
/// because both normalise alike and the letter check was skipped.
#[test]
fn a_correct_spelling_is_not_its_own_typo() {
    assert!(findings("عنوان\n\nقال هؤلاء إن الاتفاق صامد.\n").is_empty());
    let found = findings("عنوان\n\nقال هولاء إن الاتفاق صامد.\n");
    assert_eq!(
        found,
        vec![("typo/substitution".to_string(), "هولاء".to_string())]
    );
}

/// `وكان` split as `و` + `ك` + `ان` gave a phantom «إن» that hid the doubled
/// word after it.
#[test]
fn clitic_chains_leave_three_letters_after_a_preposition() {
    let found = findings("عنوان\n\nوكان رئيس رئيس اللجنة في جنيف.\n");
    assert_eq!(
        found,
        vec![("typo/repeated-word".to_string(), " رئيس".to_string())]
    );
}

/// Numeric Hijri dates (`4/8/1436`) were read as Gregorian dates of 1436
/// and their weekdays flagged.
#[test]
fn numeric_hijri_dates_are_hijri() {
    assert!(findings("عنوان\n\nنقل صباح يوم الجمعة 4/8/1436 إلى القطيف.\n").is_empty());
}

/// Without a pack, the reference article's `سلاح الجوي` is caught as a
/// spelling the article itself contradicts five times (issue 5, item 4).
#[test]
fn the_fixed_phrase_variant_is_caught_without_a_pack() {
    let output = factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--format",
        "json",
        "--select",
        "consistency/spelling",
    ]);
    let report = json(&output);
    let findings = report["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["span"]["line"], 12);
    assert_eq!(findings[0]["fix"]["replacement"], "سلاح الجو");
}
