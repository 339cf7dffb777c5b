//! factlint.yaml: found by walking up, applied, and rejected with a located
//! error when it has an unknown key.

mod common;

use common::*;

const ARTICLE: &str = "Talks resume\n\nThe goverment said the the talks began.\n";

fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factlint.yaml"), config).unwrap();
    std::fs::create_dir_all(dir.path().join("articles/en")).unwrap();
    std::fs::write(dir.path().join("articles/en/a.txt"), ARTICLE).unwrap();
    dir
}

fn codes(output: &std::process::Output) -> Vec<String> {
    json(output)["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap(),
                f["severity"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_config_found_above_disables_a_family() {
    let dir = project("ignore: [typo/substitution]\n");
    // Run from a folder below the configuration: it is found by walking up.
    let output = factlint_in(
        &dir.path().join("articles/en"),
        &["check", "a.txt", "--format", "json"],
        None,
    );
    assert_eq!(codes(&output), vec!["typo/repeated-word warning"]);
    assert_eq!(code(&output), 0, "only a warning is left");
    let output = factlint_in(
        &dir.path().join("articles/en"),
        &["check", "a.txt", "--format", "json", "--no-config"],
        None,
    );
    assert_eq!(codes(&output).len(), 2);
}

#[test]
fn severity_overrides_and_fail_on() {
    let dir = project(
        "severity:\n  typo/repeated-word: error\n  typo/substitution: info\nfail_on: warning\n",
    );
    let output = factlint_in(dir.path(), &["check", "articles", "--format", "json"], None);
    assert_eq!(
        codes(&output),
        vec!["typo/substitution info", "typo/repeated-word error"]
    );
    assert_eq!(code(&output), 1);
}

#[test]
fn per_glob_settings() {
    let dir = project("files:\n  \"articles/en/**\": { ignore: [typo] }\n");
    let output = factlint_in(dir.path(), &["check", "articles", "--format", "json"], None);
    assert!(codes(&output).is_empty());
}

#[test]
fn an_unknown_key_fails_with_its_location() {
    let dir = project("select: [typo]\nignroe: [date]\n");
    let output = factlint_in(dir.path(), &["check", "articles", "--format", "json"], None);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("factlint.yaml:2:1"), "{err}");
    assert!(err.contains("did you mean `ignore`"), "{err}");
}

#[test]
fn init_writes_a_starting_file_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let output = factlint_in(dir.path(), &["init"], None);
    assert_eq!(code(&output), 0);
    assert!(
        std::fs::read_to_string(dir.path().join("factlint.yaml"))
            .unwrap()
            .contains("fail_on: error")
    );
    assert_eq!(
        code(&factlint_in(dir.path(), &["init"], None)),
        2,
        "init does not overwrite"
    );
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let output = factlint_in(dir.path(), &["check", "a.txt", "--format", "json"], None);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
}

#[test]
fn rules_commands_read_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("house")).unwrap();
    std::fs::write(
        root.join("house/typos.yaml"),
        "pack: house-typos\ntypos:\n  - { find: Qatr, replace: Qatar }\nexamples:\n  - { text: 'The emir of Qatr arrived.', expect: [typo/substitution] }\n  - { text: 'The emir of Qatr left.', expect_not: [typo/substitution] }\n",
    )
    .unwrap();
    std::fs::write(root.join("factlint.yaml"), "rules: [house]\n").unwrap();
    let list = factlint_in(root, &["rules", "list"], None);
    assert!(stdout(&list).contains("house-typos"), "{}", stdout(&list));
    let test = factlint_in(root, &["rules", "test"], None);
    assert_eq!(test.status.code(), Some(1), "{}", stdout(&test));
    assert!(stdout(&test).contains("FAIL"), "{}", stdout(&test));
    assert!(stdout(&test).contains("The emir of Qatr left."));
    let ignored = factlint_in(root, &["rules", "test", "--no-config"], None);
    assert_eq!(ignored.status.code(), Some(0), "{}", stdout(&ignored));
}

#[test]
fn a_missing_pack_folder_is_a_configuration_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factlint.yaml"), "rules: [hous]\n").unwrap();
    std::fs::write(dir.path().join("a.txt"), "Nothing.\n").unwrap();
    let out = factlint_in(dir.path(), &["check", "a.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("factlint::config::"), "{err}");
    assert!(!err.contains("factlint::pack::"), "{err}");
    assert!(err.contains("factlint.yaml:1:9"), "{err}");
}
