//! Inputs that once crashed factlint, or that sit on an edge the fuzz and
//! property tests probe (`fuzz/`, `src/fix.rs`), kept as regression cases:
//! every file under `tests/crashers/` is loaded in all three formats and
//! checked with the bundled packs, and its safe fixes are applied twice.
//! A new crasher goes in that folder as it was found.

use factlint::article::{Article, Format, LoadOptions, decode};
use factlint::checks::{CheckOptions, run_all};
use factlint::fix::{apply, plan};
use factlint::rules::RuleSet;

#[test]
fn every_crasher_checks_and_fixes_without_a_panic() {
    let rules = RuleSet::bundled().expect("bundled packs are valid");
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/crashers");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let Ok(text) = decode("crasher", std::fs::read(&file).unwrap()) else {
            continue;
        };
        for format in [Format::Text, Format::Markdown, Format::Html] {
            let options = LoadOptions {
                format: Some(format),
                ..LoadOptions::default()
            };
            let Ok(mut article) = Article::load("crasher", text.clone(), &options) else {
                continue;
            };
            let findings = run_all(&mut article, &rules, &CheckOptions::default());
            for f in &findings {
                assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
            }
            let fixed = apply(&text, &plan(&findings, false).edits);
            if let Ok(mut again) = Article::load("crasher", fixed.clone(), &options) {
                let findings = run_all(&mut again, &rules, &CheckOptions::default());
                apply(&fixed, &plan(&findings, false).edits);
            }
        }
    }
}
