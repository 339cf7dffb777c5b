//! Bad input files: each gets a clear per-file error, and the other files
//! are still checked.

mod common;

use common::*;

#[test]
fn unreadable_files_do_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Headline\n\nThe the chief met his counterpart.\n",
    )
    .unwrap();
    // Windows-1256 Arabic: not UTF-8.
    std::fs::write(
        dir.path().join("latin.txt"),
        b"Headline\n\nab \xc7\xe1\xe3\xfa\xd1\xc8\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("typos.yaml"),
        "typos:\n  - { find: counterpart, replace: counterpart!, fix: unsafe }\n",
    )
    .unwrap();
    let output = factlint_in(
        dir.path(),
        &[
            "check",
            "good.txt",
            "latin.txt",
            "image.txt",
            "--rules",
            "typos.yaml",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code(&output), 2, "a failed file makes the run fail");
    let report = json(&output);
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["path"], "good.txt");
    let codes: Vec<&str> = files[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        vec!["typo/repeated-word", "typo/substitution"],
        "good.txt is still checked"
    );
    let latin = files[1]["error"].as_str().unwrap();
    assert!(latin.contains("latin.txt:3:4: not valid UTF-8"), "{latin}");
    let image = files[2]["error"].as_str().unwrap();
    assert!(image.contains("image.txt: binary file"), "{image}");
    assert_eq!(report["summary"]["failed_files"], 2);
    let err = stderr(&output);
    assert!(
        err.contains("latin.txt") && err.contains("image.txt"),
        "{err}"
    );
}

#[test]
fn human_report_names_failed_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"\xff\xfe").unwrap();
    let output = factlint_in(
        dir.path(),
        &["check", "bad.txt", "missing.txt", "--color", "never"],
        None,
    );
    assert_eq!(code(&output), 2);
    let out = stdout(&output);
    assert!(out.contains("bad.txt:1:1: not valid UTF-8"), "{out}");
    assert!(out.contains("missing.txt: cannot read"), "{out}");
    assert!(out.contains("2 files could not be read"), "{out}");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let output = factlint_in(
        &root(),
        &[
            "check",
            "-",
            "--format",
            "json",
            "--rules",
            "rules/examples",
        ],
        Some("قال إن قائد سلاح الجوي وصل.\n".as_bytes()),
    );
    let report = json(&output);
    assert_eq!(report["files"][0]["path"], "-");
    assert_eq!(report["files"][0]["language"], "ar");
    assert_eq!(
        report["files"][0]["findings"][0]["code"],
        "typo/substitution"
    );
}

#[test]
fn folders_are_walked_in_a_stable_order_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(articles.join("ar")).unwrap();
    std::fs::write(articles.join("b.md"), "# Title\n\nText.\n").unwrap();
    std::fs::write(articles.join("a.txt"), "Title\n\nText.\n").unwrap();
    std::fs::write(articles.join("ar/c.html"), "<h1>عنوان</h1><p>نص.</p>").unwrap();
    std::fs::write(articles.join("skip.txt"), "ignored\n").unwrap();
    std::fs::write(articles.join("notes.json"), "{}").unwrap();
    std::fs::write(articles.join(".ignore"), "skip.txt\n").unwrap();
    let output = factlint_in(dir.path(), &["check", "articles", "--format", "json"], None);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let report = json(&output);
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        vec!["articles/a.txt", "articles/ar/c.html", "articles/b.md"]
    );
    assert_eq!(report["files"][1]["format"], "html");
    assert_eq!(report["files"][1]["language"], "ar");
}

#[test]
fn thread_count_changes_nothing_in_the_report() {
    let run = |threads: &str| {
        let output = factlint(&[
            "check",
            "fixtures",
            "--no-config",
            "--no-cache",
            "--format",
            "json",
            "--threads",
            threads,
        ]);
        assert!(code(&output) <= 1, "{}", stderr(&output));
        stdout(&output)
    };
    let one = run("1");
    assert!(one.contains("\"findings\""), "{one}");
    assert_eq!(one, run("3"));
    let zero = factlint(&["check", "fixtures", "-j", "0"]);
    assert_eq!(code(&zero), 2);
    assert!(stderr(&zero).contains("--threads"), "{}", stderr(&zero));
}

#[test]
fn jsonl_is_one_finding_per_line() {
    let output = factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--format",
        "jsonl",
    ]);
    let out = stdout(&output);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The same findings, in the same order, as the JSON document.
    let report = json(&factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--format",
        "json",
    ]));
    let from_json: Vec<&serde_json::Value> = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(lines.len(), from_json.len());
    for (line, finding) in lines.iter().zip(from_json) {
        assert_eq!(line["code"], finding["code"]);
        assert_eq!(line["span"], finding["span"]);
    }
    assert!(lines.len() >= 10, "{out}");
    assert!(
        lines
            .iter()
            .all(|l| l["path"] == "fixtures/morocco-visit.ar.txt")
    );
}

#[test]
fn front_matter_date_is_the_reference_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\ntitle: A visit\ndate: 2023-02-24\n---\n\nText.\n",
    )
    .unwrap();
    let output = factlint_in(
        dir.path(),
        &["check", "a.md", "--format", "json", "--date", "2020-01-01"],
        None,
    );
    let report = json(&output);
    assert_eq!(report["files"][0]["reference_date"]["date"], "2023-02-24");
    assert_eq!(
        report["files"][0]["reference_date"]["source"],
        "front_matter"
    );
    let output = factlint_in(
        dir.path(),
        &["check", "-", "--format", "json", "--date", "2020-01-01"],
        Some(b"Text.\n"),
    );
    let report = json(&output);
    assert_eq!(
        report["files"][0]["reference_date"]["source"],
        "command_line"
    );
}

#[test]
fn explain_prints_documentation() {
    let output = factlint(&["explain", "typo/substitution"]);
    assert_eq!(code(&output), 0);
    assert!(stdout(&output).contains("## What it checks"));
    let output = factlint(&["explain", "typo/substitutoin"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("did you mean `typo/substitution`"));
    let output = factlint(&["explain"]);
    assert!(stdout(&output).contains("date/hijri"));
}

/// Paths reported by a JSON run, sorted.
fn checked_paths(output: &std::process::Output) -> Vec<String> {
    let mut paths: Vec<String> = json(output)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    paths.sort();
    paths
}

#[test]
fn folder_walks_leave_out_repository_files_and_config_excludes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in [
        "ar/a.md",
        "ar/drafts/b.md",
        "README.md",
        "CHANGELOG.md",
        "docs/readme.txt",
        "target/c.md",
        "en/d.txt",
    ] {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "The talks went well.\n").unwrap();
    }
    let out = factlint_in(
        root,
        &["check", ".", "--format", "json", "--no-config"],
        None,
    );
    assert_eq!(
        checked_paths(&out),
        ["./ar/a.md", "./ar/drafts/b.md", "./en/d.txt"]
    );
    let out = factlint_in(
        root,
        &[
            "check",
            ".",
            "--format",
            "json",
            "--no-config",
            "--extend-exclude",
            "drafts",
        ],
        None,
    );
    assert_eq!(checked_paths(&out), ["./ar/a.md", "./en/d.txt"]);
    // `exclude` replaces the defaults; `extend_exclude` adds to them.
    std::fs::write(root.join("factlint.yaml"), "exclude: [\"en/**\"]\n").unwrap();
    let out = factlint_in(root, &["check", ".", "--format", "json"], None);
    assert!(checked_paths(&out).contains(&"./README.md".to_string()));
    assert!(!checked_paths(&out).contains(&"./en/d.txt".to_string()));
    std::fs::write(root.join("factlint.yaml"), "extend_exclude: [\"en/**\"]\n").unwrap();
    let out = factlint_in(root, &["check", ".", "--format", "json"], None);
    assert_eq!(checked_paths(&out), ["./ar/a.md", "./ar/drafts/b.md"]);
    // A file named on the command line is always checked.
    let out = factlint_in(root, &["check", "README.md", "--format", "json"], None);
    assert_eq!(checked_paths(&out), ["README.md"]);
    // A broken glob in the configuration is located.
    std::fs::write(root.join("factlint.yaml"), "extend_exclude: [\"a[\"]\n").unwrap();
    let out = factlint_in(root, &["check", "."], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid glob"), "{}", stderr(&out));
}

#[test]
fn quoted_globs_are_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in ["ar/x/a.md", "ar/b.md", "ar/c.txt"] {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "The talks went well.\n").unwrap();
    }
    let out = factlint_in(
        root,
        &["check", "ar/**/*.md", "--format", "json", "--no-config"],
        None,
    );
    assert_eq!(checked_paths(&out), ["ar/b.md", "ar/x/a.md"]);
    let out = factlint_in(
        root,
        &["check", "ar/*.md", "--format", "json", "--no-config"],
        None,
    );
    assert_eq!(checked_paths(&out), ["ar/b.md"]);
    let out = factlint_in(root, &["check", "en/*.md", "--no-config"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no article matches the pattern `en/*.md`")
            || stdout(&out).contains("no article matches the pattern `en/*.md`")
    );
}

#[test]
fn front_matter_dates_in_other_forms_are_read_or_reported_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let read = dir.path().join("read.md");
    std::fs::write(&read, "---\ndate: 16/05/2024\n---\nThe talks went well.\n").unwrap();
    let out = factlint(&["check", read.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        json(&out)["files"][0]["reference_date"]["date"],
        "2024-05-16"
    );

    let ambiguous = dir.path().join("ambiguous.md");
    std::fs::write(
        &ambiguous,
        "---\ndate: 05/06/2024\n---\nThe goverment met.\n",
    )
    .unwrap();
    let out = factlint(&["check", ambiguous.to_str().unwrap(), "--format", "json"]);
    let file = &json(&out)["files"][0];
    assert!(file["error"].is_null(), "the article is still checked");
    let codes: Vec<&str> = file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["date/invalid", "typo/substitution"]);
    let invalid = &file["findings"][0];
    assert_eq!(
        (
            invalid["span"]["line"].as_u64(),
            invalid["span"]["column"].as_u64()
        ),
        (Some(2), Some(7))
    );
    assert!(invalid["help"].as_str().unwrap().contains("2024-06-05"));
}
