//! Broken rule packs: each mistake gives exit 2 and a diagnostic naming
//! file:line:col, while a good pack beside it still loads and fires.

mod common;

use common::*;

const GOOD: &str = "pack: good\ntypos:\n  - { find: teh, replace: the }\n";
const ARTICLE: &str = "Headline here\n\nTeh chief met his counterpart on Friday.\n";

/// Checks an article with a folder holding the good pack and `bad`.
fn run_with_bad_pack(bad: &str) -> (i32, String, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    std::fs::write(rules.join("good.yaml"), GOOD).unwrap();
    std::fs::write(rules.join("bad.yaml"), bad).unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let output = factlint_in(
        dir.path(),
        &[
            "check",
            "a.txt",
            "--rules",
            "rules",
            "--format",
            "json",
            "--no-default-rules",
        ],
        None,
    );
    (code(&output), stderr(&output), json(&output))
}

fn assert_bad_pack(bad: &str, location: &str, words: &str) {
    let (status, stderr, report) = run_with_bad_pack(bad);
    assert_eq!(status, 2, "stderr: {stderr}");
    assert!(
        stderr.contains(location),
        "expected `{location}` in:\n{stderr}"
    );
    assert!(stderr.contains(words), "expected `{words}` in:\n{stderr}");
    let findings = report["files"][0]["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["code"] == "typo/substitution"),
        "the good pack still loads and fires: {report}"
    );
}

#[test]
fn unknown_key() {
    assert_bad_pack(
        "pack: bad\nentites: []\n",
        "rules/bad.yaml:2:1",
        "did you mean `entities`",
    );
}

#[test]
fn wrong_type() {
    assert_bad_pack(
        "pack: bad\nevents:\n  - id: x\n    names: { en: [X] }\n    date: [2020]\n",
        "rules/bad.yaml:5:11",
        "expected",
    );
}

#[test]
fn invalid_regex() {
    assert_bad_pack(
        "pack: bad\ntypos:\n  - { find: 'after (some', regex: true, replace: x }\n",
        "rules/bad.yaml:3:13",
        "invalid regex",
    );
}

#[test]
fn word_boundary_in_regex() {
    assert_bad_pack(
        "pack: bad\ntypos:\n  - { find: '\\bteh\\b', regex: true, replace: the }\n",
        "rules/bad.yaml:3:13",
        "word-boundary",
    );
}

#[test]
fn impossible_date() {
    assert_bad_pack(
        "pack: bad\nevents:\n  - id: x\n    names: { en: [X] }\n    date: 2023-02-30\n",
        "rules/bad.yaml:5:11",
        "not a date that exists",
    );
}

#[test]
fn duplicate_id() {
    assert_bad_pack(
        "pack: bad\nentities:\n  - { id: gantz, names: { en: [Gantz] } }\n  - { id: gantz, names: { en: [Benny Gantz] } }\n",
        "rules/bad.yaml:4:11",
        "duplicate entity id `gantz`",
    );
}

#[test]
fn yaml_syntax_error() {
    assert_bad_pack("pack: [bad\n", "rules/bad.yaml:", "bad.yaml");
}

#[test]
fn validate_reports_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.yaml"), "pack: bad\ntypo: []\n").unwrap();
    std::fs::write(dir.path().join("good.yml"), GOOD).unwrap();
    let output = factlint_in(dir.path(), &["rules", "validate", "."], None);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("bad.yaml:2:1"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("good.yml"), "{}", stdout(&output));
}

#[test]
fn bundled_packs_validate() {
    let output = factlint(&["rules", "validate"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let output = factlint(&["rules", "validate", "rules/examples"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
}

#[test]
fn missing_rules_folder_is_an_error() {
    let output = factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "no/such/dir",
    ]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("no/such/dir"));
}

/// A reference to a country or a marker that no loaded pack defines is
/// located and gets the nearest defined name, instead of loading silently
/// and matching nothing.
#[test]
fn unknown_country_codes_and_marker_ids_are_located() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house.yaml"),
        "pack: house\nentities:\n  - id: karim\n    names: { en: [Karim Haddad] }\n    nationality: MX\n  - id: leila\n    names: { en: [Leila Nasser] }\n    nationality: XQ\nlexicon:\n  attributions:\n    - { id: then-title, lang: en, pattern: [marker:formerr, person] }\n",
    )
    .unwrap();
    let output = factlint_in(dir.path(), &["rules", "validate", "house.yaml"], None);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("house.yaml:6:1"), "{err}");
    assert!(err.contains("nationality `XQ`"), "{err}");
    assert!(!err.contains("`MX`"), "Mexico is a country: {err}");
    assert!(err.contains("house.yaml:11:1"), "{err}");
    assert!(err.contains("did you mean `former`?"), "{err}");
}
