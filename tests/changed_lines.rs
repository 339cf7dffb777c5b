//! `--diff-base REV` and `--changed-lines-only DIFF`: on a pull request
//! that edits an old article, only the findings on lines it changed are
//! reported, in every format; the others are counted in the summary and do
//! not fail the run.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

const OLD: &str =
    "Talks resume\n\nThe goverment said on Monday that talks would resume.\n\nNo date was set.\n";
const EDITED: &str = "Talks resume\n\nThe goverment said on Monday that talks would resume.\n\nThe ministry did not recieve the letter.\n";

fn git(dir: &Path, args: &[&str]) -> Vec<u8> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// A repository whose first commit has an old article with an Arabic name
/// (with a typo on line 3), another with a space in its name, and one to
/// be renamed; the working tree then edits line 5 of the first, adds a new
/// article with a space in its name, renames the third with one line
/// changed, and deletes the second.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    git(root, &["config", "user.email", "desk@example.org"]);
    git(root, &["config", "user.name", "Desk"]);
    std::fs::create_dir_all(root.join("articles")).unwrap();
    std::fs::write(root.join("articles/مقال قديم.txt"), OLD).unwrap();
    std::fs::write(root.join("articles/old wire.txt"), OLD).unwrap();
    std::fs::write(root.join("articles/moved.txt"), OLD).unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "archive"]);
    std::fs::write(root.join("articles/مقال قديم.txt"), EDITED).unwrap();
    std::fs::write(
        root.join("articles/new piece.txt"),
        "New\n\nThe comittee met.\n",
    )
    .unwrap();
    git(root, &["mv", "articles/moved.txt", "articles/renamed.txt"]);
    std::fs::write(root.join("articles/renamed.txt"), EDITED).unwrap();
    std::fs::remove_file(root.join("articles/old wire.txt")).unwrap();
    git(root, &["add", "-A"]);
    dir
}

/// `(path, flagged words)` per file of a JSON report.
fn flagged(output: &std::process::Output) -> Vec<(String, Vec<String>)> {
    let report = json(output);
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            (
                file["path"].as_str().unwrap().to_string(),
                file["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["rule"]["id"].as_str().unwrap_or_default().to_string())
                    .collect(),
            )
        })
        .collect()
}

fn expected() -> Vec<(String, Vec<String>)> {
    vec![
        (
            "articles/new piece.txt".to_string(),
            vec!["comittee".to_string()],
        ),
        (
            "articles/renamed.txt".to_string(),
            vec!["recieve".to_string()],
        ),
        (
            "articles/مقال قديم.txt".to_string(),
            vec!["recieve".to_string()],
        ),
    ]
}

#[test]
fn only_findings_on_changed_lines_are_reported() {
    let dir = repository();
    let output = factlint_in(
        dir.path(),
        &[
            "check",
            "articles",
            "--diff-base",
            "HEAD",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert_eq!(flagged(&output), expected());
    let summary = &json(&output)["summary"];
    assert_eq!(summary["outside_changed_lines"], 2, "{summary}");
    assert_eq!(summary["errors"], 3, "{summary}");

    // The same from a diff on standard input, as `git diff -U0` prints it
    // (Arabic names quoted), and with context lines.
    for args in [&["diff", "-U0", "--cached"][..], &["diff", "--cached"][..]] {
        let diff = git(dir.path(), args);
        let output = factlint_in(
            dir.path(),
            &[
                "check",
                "articles",
                "--changed-lines-only",
                "-",
                "--format",
                "json",
            ],
            Some(&diff),
        );
        assert_eq!(code(&output), 1, "{}", stderr(&output));
        assert_eq!(flagged(&output), expected(), "{args:?}");
    }
    // A diff in a file, from a folder below the repository's top.
    std::fs::write(
        dir.path().join("pr.diff"),
        git(dir.path(), &["diff", "--cached"]),
    )
    .unwrap();
    let output = factlint_in(
        &dir.path().join("articles"),
        &[
            "check",
            ".",
            "--changed-lines-only",
            "../pr.diff",
            "--format",
            "json",
        ],
        None,
    );
    let files: Vec<String> = flagged(&output).into_iter().map(|(p, _)| p).collect();
    assert_eq!(files.len(), 3, "{files:?}");
}

#[test]
fn findings_outside_the_change_do_not_fail_the_run() {
    let dir = repository();
    std::fs::write(
        dir.path().join("articles/مقال قديم.txt"),
        OLD.replace("No date was set.", "No date has been set."),
    )
    .unwrap();
    let output = factlint_in(
        dir.path(),
        &["check", "articles/مقال قديم.txt", "--diff-base", "HEAD"],
        None,
    );
    let out = stdout(&output);
    assert_eq!(code(&output), 0, "{out}{}", stderr(&output));
    assert!(
        out.contains("1 file checked: 0 errors, 0 warnings, 0 infos; 1 finding left out as outside the changed lines"),
        "{out}"
    );
}

#[test]
fn every_format_carries_only_the_changed_lines() {
    let dir = repository();
    // (The HTML report shows the whole article, so it is left out here.)
    for format in [
        "human", "jsonl", "sarif", "github", "gitlab", "junit", "rdjson",
    ] {
        let output = factlint_in(
            dir.path(),
            &[
                "check",
                "articles/مقال قديم.txt",
                "--diff-base",
                "HEAD",
                "--format",
                format,
            ],
            None,
        );
        let out = stdout(&output);
        assert_eq!(code(&output), 1, "{format}: {}", stderr(&output));
        assert!(out.contains("recieve"), "{format}: {out}");
        assert!(!out.contains("goverment"), "{format}: {out}");
    }
}

#[test]
fn a_missing_repository_or_revision_is_an_error() {
    let dir = repository();
    let output = factlint_in(
        dir.path(),
        &["check", "articles", "--diff-base", "no-such-branch"],
        None,
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("--diff-base no-such-branch: git diff failed"),
        "{}",
        stderr(&output)
    );
    let plain = tempfile::tempdir().unwrap();
    std::fs::write(plain.path().join("a.txt"), OLD).unwrap();
    let output = factlint_in(
        plain.path(),
        &["check", "a.txt", "--diff-base", "main"],
        None,
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("--diff-base needs a git repository"),
        "{}",
        stderr(&output)
    );
    let output = factlint_in(
        dir.path(),
        &["check", "-", "--changed-lines-only", "-"],
        Some(b"x"),
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("cannot carry both"),
        "{}",
        stderr(&output)
    );
    let output = factlint_in(
        dir.path(),
        &["check", "articles", "--changed-lines-only", "-"],
        Some(b"this is not a diff\n@@ -1 +1 @@\n"),
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("not a unified diff"),
        "{}",
        stderr(&output)
    );
}
