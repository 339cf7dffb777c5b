//! Machine formats: SARIF validated against the official 2.1.0 schema, and
//! GitHub workflow commands for each severity.

mod common;

use common::*;

/// An article with an error (a typo), a warning (a doubled word) and an
/// info finding (a weekday with no year to check it against).
const ALL_SEVERITIES: &str =
    "Ministers meet\n\nThe goverment said the the talks began on Thursday, Feb. 22.\n";

fn write_article(dir: &std::path::Path) -> String {
    let path = dir.join("all.en.txt");
    std::fs::write(&path, ALL_SEVERITIES).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn sarif_validates_against_the_official_schema() {
    // The published schema's `run.language` pattern has an unescaped `]`,
    // a literal in ECMAScript regexes but an error in Rust's: escape it so
    // the schema compiles (factlint does not write `run.language`).
    let text = std::fs::read_to_string(root().join("tests/schemas/sarif-schema-2.1.0.json"))
        .unwrap()
        .replace(r"[a-zA-Z]{2}]?$", r"[a-zA-Z]{2}\\]?$");
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    for args in [
        vec![
            "check",
            "fixtures/morocco-visit.ar.txt",
            "--rules",
            "rules/examples",
            "--format",
            "sarif",
        ],
        vec![
            "check",
            "fixtures",
            "--rules",
            "rules/examples",
            "--format",
            "sarif",
        ],
        vec![
            "check",
            "fixtures/morocco-visit.ar.txt",
            "missing.txt",
            "--format",
            "sarif",
        ],
    ] {
        let output = factlint(&args);
        let sarif = json(&output);
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    }
    let sarif = json(&factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--format",
        "sarif",
    ]));
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().unwrap();
    let typo = results
        .iter()
        .find(|r| r["ruleId"] == "typo/substitution")
        .unwrap();
    let region = &typo["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(12), Some(12))
    );
    assert_eq!(region["snippet"]["text"], "سلاح الجوي");
    assert_eq!(
        typo["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "سلاح الجو"
    );
    let nationality = results
        .iter()
        .find(|r| r["ruleId"] == "fact/nationality")
        .unwrap();
    assert!(
        nationality.get("fixes").is_none(),
        "unsafe fixes are not offered to code scanning"
    );
    assert!(nationality["relatedLocations"].as_array().unwrap().len() >= 2);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let rule = &rules[typo["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "typo/substitution");
    assert!(
        rule["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("## What it checks")
    );
}

#[test]
fn github_commands_for_each_severity() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(dir.path());
    let output = factlint(&["check", &path, "--format", "github"]);
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    let error = lines
        .iter()
        .find(|l| l.starts_with("::error "))
        .expect("an error");
    assert!(
        error.contains(",line=3,col=5,endLine=3,endColumn=14,title=typo/substitution::"),
        "{error}"
    );
    let warning = lines
        .iter()
        .find(|l| l.starts_with("::warning "))
        .expect("a warning");
    assert!(warning.contains("title=typo/repeated-word::"), "{warning}");
    let notice = lines
        .iter()
        .find(|l| l.starts_with("::notice "))
        .expect("a notice");
    assert!(
        notice.contains("title=date/no-reference-date::"),
        "{notice}"
    );
    // Messages are escaped: help text goes on a second line as %0A.
    assert!(error.contains("%0A"), "{error}");
}
