//! Inline suppressions in Markdown, HTML and plain text: counted, and
//! reported when they suppress nothing.

mod common;

use common::*;

fn check(name: &str, text: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    json(&factlint(&[
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]))
}

fn codes(report: &serde_json::Value) -> Vec<(String, u64)> {
    report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["span"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn markdown_next_line_and_ranges() {
    let report = check(
        "a.md",
        "# Talks\n\n<!-- factlint-disable-next-line typo -->\nThe goverment met.\n\nThe goverment left.\n\n<!-- factlint-disable typo/substitution -->\n\nThe goverment sat.\n\nThe goverment stood.\n\n<!-- factlint-enable typo/substitution -->\n\nThe goverment ran.\n",
    );
    assert_eq!(
        codes(&report),
        vec![
            ("typo/substitution".to_string(), 6),
            ("typo/substitution".to_string(), 16)
        ]
    );
    assert_eq!(report["summary"]["suppressed"], 3);
}

#[test]
fn html_comments() {
    let report = check(
        "a.html",
        "<h1>Talks</h1>\n<!-- factlint-disable-next-line typo/substitution -->\n<p>The goverment met.</p>\n<p>The goverment left.</p>\n",
    );
    assert_eq!(codes(&report), vec![("typo/substitution".to_string(), 4)]);
    assert_eq!(report["summary"]["suppressed"], 1);
}

#[test]
fn plain_text_directive_lines() {
    let report = check(
        "a.txt",
        "Talks resume\n\nfactlint-disable-next-line typo/substitution\nThe goverment met on Monday.\n\nThe goverment left on Tuesday.\n",
    );
    assert_eq!(codes(&report), vec![("typo/substitution".to_string(), 6)]);
    assert_eq!(report["summary"]["suppressed"], 1);
    // The directive line is no section of the article.
    let sections = report["files"][0]["sections"].as_array().unwrap();
    assert!(sections.iter().all(|s| s["line"] != 3), "{sections:?}");
}

#[test]
fn a_suppression_that_suppresses_nothing_is_reported() {
    let report = check(
        "a.md",
        "# Talks\n\n<!-- factlint-disable-next-line date/weekday -->\nThe government met.\n",
    );
    assert_eq!(codes(&report), vec![("suppression/unused".to_string(), 3)]);
    assert_eq!(report["files"][0]["findings"][0]["severity"], "info");
}

/// The same two paragraphs in each input format: the first line silenced
/// where it stands, the second not.
#[test]
fn same_line_suppression_in_every_format() {
    for (name, text) in [
        (
            "a.md",
            "The goverment met. <!-- factlint-disable-line typo -->\n\nThe goverment left.\n",
        ),
        (
            "a.html",
            "<p>The goverment met. <!-- factlint-disable-line typo/substitution --></p>\n<p>The goverment left.</p>\n",
        ),
        (
            "a.txt",
            "The goverment met.  factlint-disable-line typo\n\nThe goverment left.\n",
        ),
    ] {
        let report = check(name, text);
        let line = if name == "a.html" { 2 } else { 3 };
        assert_eq!(
            codes(&report),
            vec![("typo/substitution".to_string(), line)],
            "{name}: {report:#}"
        );
        assert_eq!(report["summary"]["suppressed"], 1, "{name}");
    }
}

#[test]
fn unknown_directives_and_codes_are_reported_where_they_are() {
    for (name, text) in [
        (
            "b.md",
            "<!-- factlint-ignore typo -->\nThe goverment met.\n\nThe goverment left. <!-- factlint-disable-line typ -->\n",
        ),
        (
            "b.txt",
            "factlint-ignore typo\nThe goverment met.\n\nThe goverment left.  factlint-disable-line typ\n",
        ),
    ] {
        let report = check(name, text);
        let findings = report["files"][0]["findings"].as_array().unwrap();
        let invalid: Vec<&serde_json::Value> = findings
            .iter()
            .filter(|f| f["code"] == "suppression/invalid")
            .collect();
        assert_eq!(invalid.len(), 2, "{name}: {report:#}");
        assert_eq!(invalid[0]["span"]["line"], 1, "{name}");
        assert!(
            invalid[0]["help"]
                .as_str()
                .unwrap()
                .contains("factlint-disable"),
            "{name}: {}",
            invalid[0]["help"]
        );
        assert_eq!(invalid[1]["span"]["line"], 4, "{name}");
        assert!(invalid[1]["help"].as_str().unwrap().contains("`typo`"));
        // Neither suppressed anything: both typos are still reported.
        let typos = findings
            .iter()
            .filter(|f| f["code"] == "typo/substitution")
            .count();
        assert_eq!(typos, 2, "{name}");
    }
}
