//! The README's CI recipe, run as written: its shell steps are read out of
//! the README's YAML and run in a scratch git repository whose "pull
//! request" adds articles with an Arabic file name and a name with spaces,
//! plus a file that is not an article. A recipe that quotes or splits names
//! would skip them and pass green; this test fails instead.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// The recipe's YAML: the first ```yaml block of the README's "In CI"
/// section.
fn recipe() -> Value {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let section = &readme[readme.find("## In CI\n").expect("an In CI section")..];
    let start = section.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let block = &section[start..start + section[start..].find("```").unwrap()];
    serde_saphyr::from_str(block).expect("the recipe is valid YAML")
}

/// The `run` script of the step named `name`.
fn step(recipe: &Value, name: &str) -> String {
    recipe["jobs"]["factlint"]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no step named {name}"))["run"]
        .as_str()
        .expect("a run script")
        .to_string()
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// Runs a step as GitHub's runner does (`bash -eo pipefail`), with the
/// binary under test first on PATH.
fn run_step(dir: &Path, script: &str) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_factlint")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .env("PATH", path)
        .env("BASE", "origin/main")
        .current_dir(dir)
        .output()
        .expect("bash runs")
}

#[test]
fn the_readme_recipe_checks_arabic_and_spaced_file_names() {
    let recipe = recipe();
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    std::fs::create_dir(repo.join("articles")).unwrap();
    std::fs::write(repo.join("articles/old.md"), "An older article.\n").unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "base"]);
    git(repo, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    git(repo, &["checkout", "-q", "-b", "pull-request"]);
    let arabic = "articles/زيارة الرباط.md";
    let spaced = "articles/wire copy.txt";
    std::fs::write(repo.join(arabic), "وصل الوفد إلى إلى الرباط أمس.\n").unwrap();
    std::fs::write(repo.join(spaced), "He said the the talks went well.\n").unwrap();
    std::fs::write(repo.join("articles/notes.json"), "{}\n").unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "two articles"]);

    let changed = run_step(repo, &step(&recipe, "Changed articles"));
    assert!(changed.status.success(), "{changed:?}");
    let list = std::fs::read(repo.join("changed-articles")).unwrap();
    let mut names: Vec<&str> = list
        .split(|b| *b == 0)
        .filter(|n| !n.is_empty())
        .map(|n| std::str::from_utf8(n).unwrap())
        .collect();
    names.sort();
    assert_eq!(names, [spaced, arabic]);

    let annotate = run_step(repo, &step(&recipe, "Annotate the pull request"));
    let out = String::from_utf8_lossy(&annotate.stdout);
    // Warnings only: the step passes, and both articles are annotated.
    assert_eq!(annotate.status.code(), Some(0), "{annotate:?}");
    assert!(out.contains(&format!("file={arabic},")), "{out}");
    assert!(out.contains(&format!("file={spaced},")), "{out}");

    let sarif = run_step(repo, &step(&recipe, "SARIF for code scanning"));
    assert!(sarif.status.success(), "{sarif:?}");
    let sarif: Value =
        serde_json::from_slice(&std::fs::read(repo.join("factlint.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
}

#[test]
fn the_readme_recipe_passes_when_no_article_changed() {
    let recipe = recipe();
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    std::fs::write(repo.join("README.md"), "notes\n").unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "base"]);
    git(repo, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    std::fs::write(repo.join("README.md"), "more notes\n").unwrap();
    git(repo, &["commit", "-q", "-am", "not an article"]);
    for name in [
        "Changed articles",
        "Annotate the pull request",
        "SARIF for code scanning",
    ] {
        let out = run_step(repo, &step(&recipe, name));
        assert!(out.status.success(), "{name}: {out:?}");
    }
}
