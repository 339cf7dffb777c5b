//! Machine formats: SARIF validated against the official 2.1.0 schema,
//! GitLab Code Quality and rdjson against the schemas in `tests/schemas/`,
//! JUnit XML parsed, and GitHub workflow commands for each severity.

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

/// Validates `--format FORMAT` output of the same three runs as SARIF
/// against a schema in `tests/schemas/`.
fn validate_json_format(format: &str, schema_file: &str) {
    let text = std::fs::read_to_string(root().join("tests/schemas").join(schema_file)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for args in [
        vec![
            "check",
            "fixtures/morocco-visit.ar.txt",
            "--rules",
            "rules/examples",
        ],
        vec!["check", "fixtures", "--rules", "rules/examples"],
        vec!["check", "fixtures/morocco-visit.ar.txt", "missing.txt"],
    ] {
        let mut args = args.clone();
        args.extend(["--format", format]);
        let document = json(&factlint(&args));
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    }
}

#[test]
fn gitlab_code_quality_validates_and_locates_arabic_words() {
    validate_json_format("gitlab", "gitlab-codequality.json");
    let issues = json(&factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--format",
        "gitlab",
    ]));
    let issues = issues.as_array().unwrap();
    let typo = issues
        .iter()
        .find(|i| i["check_name"] == "typo/substitution")
        .unwrap();
    assert_eq!(typo["severity"], "critical");
    assert_eq!(typo["location"]["positions"]["begin"]["line"], 12);
    assert_eq!(typo["location"]["positions"]["begin"]["column"], 12);
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
}

#[test]
fn rdjson_validates_with_byte_columns_and_safe_suggestions() {
    validate_json_format("rdjson", "rdjson.json");
    let document = json(&factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--format",
        "rdjson",
    ]));
    let diagnostics = document["diagnostics"].as_array().unwrap();
    let typo = diagnostics
        .iter()
        .find(|d| d["code"]["value"] == "typo/substitution")
        .unwrap();
    // Columns are UTF-8 bytes: the 11 characters before «سلاح الجوي» on
    // line 12 are Arabic letters and spaces; check against the text.
    let text = std::fs::read_to_string(root().join("fixtures/morocco-visit.ar.txt")).unwrap();
    let line = text.lines().nth(11).unwrap();
    let byte_column = line.find("سلاح الجوي").unwrap() + 1;
    let start = &typo["location"]["range"]["start"];
    assert_eq!(start["line"], 12);
    assert_eq!(start["column"].as_u64(), Some(byte_column as u64));
    assert_eq!(typo["suggestions"][0]["text"], "سلاح الجو");
    let nationality = diagnostics
        .iter()
        .find(|d| d["code"]["value"] == "fact/nationality")
        .unwrap();
    assert!(nationality.get("suggestions").is_none(), "only safe fixes");
}

#[test]
fn junit_xml_is_well_formed_and_counts_agree() {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let output = factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "fixtures/dates-wire.en.txt",
        "missing.txt",
        "--format",
        "junit",
    ]);
    let xml = stdout(&output);
    let mut reader = Reader::from_str(&xml);
    let (mut suites, mut cases, mut failures, mut errors) = (0, 0, 0, 0);
    let mut declared = (0, 0, 0);
    let mut stack: Vec<String> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            event @ (Event::Start(_) | Event::Empty(_)) => {
                let (e, opens) = match event {
                    Event::Start(e) => (e, true),
                    Event::Empty(e) => (e, false),
                    _ => unreachable!(),
                };
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                let attr = |key: &str| -> usize {
                    e.try_get_attribute(key)
                        .unwrap()
                        .map(|a| a.unescape_value().unwrap().parse().unwrap())
                        .unwrap_or(0)
                };
                match name.as_str() {
                    "testsuites" => {
                        declared = (attr("tests"), attr("failures"), attr("errors"));
                    }
                    "testsuite" => {
                        assert_eq!(stack.last().map(String::as_str), Some("testsuites"));
                        suites += 1;
                    }
                    "testcase" => {
                        assert_eq!(stack.last().map(String::as_str), Some("testsuite"));
                        cases += 1;
                    }
                    "failure" => failures += 1,
                    "error" => errors += 1,
                    other => panic!("unexpected element {other}"),
                }
                if opens {
                    stack.push(name);
                }
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(suites, 3);
    assert_eq!(declared, (cases, failures, errors));
    assert!(failures > 0);
    assert_eq!(errors, 1, "the missing file");
}
