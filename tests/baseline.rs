//! Baselines: an archive adopts factlint without editing published text.
//! Write the baseline, check against it (nothing new, exit 0), then add one
//! error: only it is reported, and an edit elsewhere does not bring the
//! recorded findings back.

mod common;

use common::*;

#[test]
fn baseline_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    for name in ["morocco-visit.ar.txt", "dates-wire.en.txt"] {
        std::fs::copy(root().join("fixtures").join(name), folder.join(name)).unwrap();
    }
    let before = factlint_in(folder, &["check", ".", "--format", "json"], None);
    let recorded = json(&before)["summary"]["errors"].as_u64().unwrap()
        + json(&before)["summary"]["warnings"].as_u64().unwrap()
        + json(&before)["summary"]["infos"].as_u64().unwrap();
    assert!(recorded > 0);

    let write = factlint_in(
        folder,
        &["check", ".", "--write-baseline", "baseline.json"],
        None,
    );
    assert_eq!(write.status.code(), Some(0), "{}", stderr(&write));
    assert!(stderr(&write).contains(&format!("recorded {recorded} findings")));
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("baseline.json")).unwrap()).unwrap();
    assert_eq!(file["version"], 1);
    assert_eq!(file["findings"].as_array().unwrap().len() as u64, recorded);

    let clean = factlint_in(
        folder,
        &[
            "check",
            ".",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    let summary = &json(&clean)["summary"];
    assert_eq!(summary["errors"], 0);
    assert_eq!(summary["baselined"].as_u64(), Some(recorded));

    // A new line above everything, and one new error at the end.
    let path = folder.join("dates-wire.en.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("Updated.\n\n{text}\nThe goverment declined to comment.\n"),
    )
    .unwrap();
    let after = factlint_in(
        folder,
        &[
            "check",
            ".",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(after.status.code(), Some(1), "{}", stdout(&after));
    let report = json(&after);
    let findings: Vec<&serde_json::Value> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap())
        .collect();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["code"], "typo/substitution");
}

#[test]
fn a_broken_baseline_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.json"), "{ not json").unwrap();
    std::fs::write(dir.path().join("a.txt"), "Nothing to see.\n").unwrap();
    let out = factlint_in(
        dir.path(),
        &["check", "a.txt", "--baseline", "b.json"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("b.json is not a factlint baseline"), "{err}");
    assert!(err.contains("line 1"), "{err}");
}
