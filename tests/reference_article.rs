//! The reference article (`fixtures/morocco-visit.ar.txt`, byte for byte
//! the seed article) checks without error, and the JSON report carries its
//! segmentation as ../shared/seed/EXPECTED.md describes it.

mod common;

use common::*;

/// The other tests read the copy in `fixtures/`; this one checks that the
/// copy is still the seed, where the seed is beside the checkout (it is not
/// part of the repository), and says so when it cannot.
#[test]
fn reference_article_is_byte_for_byte_the_seed() {
    let fixture = std::fs::read(root().join("fixtures/morocco-visit.ar.txt"))
        .expect("the reference article is in fixtures/");
    assert!(fixture.len() > 1000, "the reference article is truncated");
    let seed = root().join("../shared/seed/morocco-visit.ar.txt");
    match std::fs::read(&seed) {
        Ok(seed) => assert_eq!(
            fixture, seed,
            "the fixture must stay byte-for-byte the seed article"
        ),
        Err(err) => eprintln!(
            "not compared with the seed: {} cannot be read ({err}); the fixture copy is used as it is",
            seed.display()
        ),
    }
}

#[test]
fn json_report_lists_the_sections_of_the_reference_article() {
    let output = factlint(&["check", "fixtures/morocco-visit.ar.txt", "--format", "json"]);
    assert!(code(&output) < 2, "stderr: {}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["version"], 2);
    let file = &report["files"][0];
    assert_eq!(file["path"], "fixtures/morocco-visit.ar.txt");
    assert_eq!(file["language"], "ar");
    let sections: Vec<(String, u64)> = file["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap().to_string(),
                s["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut expected = vec![
        ("banner", 1),
        ("chrome", 3),
        ("headline", 5),
        ("standfirst", 7),
        ("caption", 9),
        ("credit", 9),
        ("caption", 10),
        ("credit", 10),
    ];
    expected.extend((12..=34).step_by(2).map(|line| ("body", line)));
    expected.push(("chrome", 36));
    let expected: Vec<(String, u64)> = expected
        .into_iter()
        .map(|(k, l)| (k.to_string(), l))
        .collect();
    assert_eq!(sections, expected);
    // Every section is a byte range of the original, on char boundaries.
    let text = std::fs::read_to_string(root().join("fixtures/morocco-visit.ar.txt")).unwrap();
    for s in file["sections"].as_array().unwrap() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end) && start < end);
    }
    let credit = &file["sections"][5];
    let credit_text =
        &text[credit["start"].as_u64().unwrap() as usize..credit["end"].as_u64().unwrap() as usize];
    assert_eq!(credit_text, "(Israel Defense Forces)");
}

#[test]
fn spans_count_columns_in_characters() {
    let output = factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--format",
        "json",
    ]);
    let report = json(&output);
    let findings = report["files"][0]["findings"].as_array().unwrap();
    let typo = findings
        .iter()
        .find(|f| f["code"] == "typo/substitution")
        .expect("the example pack's typo is found");
    // «اختتم قائد سلاح الجوي»: the typo starts at the 12th character of line 12.
    assert_eq!(typo["span"]["line"], 12);
    assert_eq!(typo["span"]["column"], 12);
    let text = std::fs::read_to_string(root().join("fixtures/morocco-visit.ar.txt")).unwrap();
    let start = typo["span"]["start"].as_u64().unwrap() as usize;
    let end = typo["span"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "سلاح الجوي");
    assert_eq!(typo["fix"]["replacement"], "سلاح الجو");
    assert_eq!(typo["fix"]["applicability"], "safe");
    assert_eq!(typo["rule"]["file"], "rules/examples/morocco-visit.yaml");
    assert_eq!(typo["section"], "body");
}

#[test]
fn exit_status_follows_fail_on() {
    let args = [
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--format",
        "json",
    ];
    assert_eq!(code(&factlint(&args)), 1, "errors fail the run by default");
    let mut only_confusable = args.to_vec();
    only_confusable.extend(["--select", "typo/confusable"]);
    let output = factlint(&only_confusable);
    assert_eq!(code(&output), 1);
    assert_eq!(json(&output)["summary"]["errors"], 1);
    // Only grammar warnings left: clean at the default threshold, failing
    // at --fail-on warning.
    let mut warnings_only = args.to_vec();
    warnings_only.extend(["--select", "grammar"]);
    let output = factlint(&warnings_only);
    assert_eq!(code(&output), 0, "warnings do not fail the run by default");
    assert_eq!(json(&output)["summary"]["warnings"], 3);
    warnings_only.extend(["--fail-on", "warning"]);
    assert_eq!(code(&factlint(&warnings_only)), 1);
}
