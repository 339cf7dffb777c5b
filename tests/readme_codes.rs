//! The README's table of codes ("What it finds") lists exactly the codes
//! of the registry, so that a new check cannot ship undocumented and a
//! removed one cannot linger in the docs.

use std::collections::BTreeSet;

#[test]
fn readme_lists_every_registered_code_and_no_other() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme
        .find("## What it finds")
        .expect("the README has a \"What it finds\" section");
    let section = &readme[start..];
    let end = section[3..].find("\n## ").map_or(section.len(), |i| i + 3);
    let table: String = section[..end]
        .lines()
        .filter(|l| l.starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n");
    let in_readme: BTreeSet<&str> = table
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| s.contains('/') && !s.contains(' '))
        .collect();
    let registered: BTreeSet<&str> = factlint::checks::codes::all().map(|c| c.code).collect();
    assert!(registered.len() >= 20, "{registered:?}");
    let undocumented: Vec<_> = registered.difference(&in_readme).collect();
    let unknown: Vec<_> = in_readme.difference(&registered).collect();
    assert!(
        undocumented.is_empty() && unknown.is_empty(),
        "README \"What it finds\" table: missing {undocumented:?}, not registered {unknown:?}"
    );
}
