//! Any bytes, read as an article in each format (the first byte picks it)
//! and checked with the bundled packs: no panic, and every finding is a
//! span on character boundaries of the text.
#![no_main]

use std::sync::OnceLock;

use factlint::article::{Article, Format, LoadOptions, decode};
use factlint::checks::{CheckOptions, run_all};
use factlint::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::bundled().expect("bundled packs are valid"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Html,
    };
    // The same decoding the command line does (UTF-8, no NUL).
    let Ok(text) = decode("fuzz", bytes.to_vec()) else {
        return;
    };
    let options = LoadOptions {
        format: Some(format),
        ..LoadOptions::default()
    };
    if let Ok(mut article) = Article::load("fuzz", text.clone(), &options) {
        for finding in run_all(&mut article, rules(), &CheckOptions::default()) {
            assert!(finding.range.start <= finding.range.end && finding.range.end <= text.len());
            assert!(text.is_char_boundary(finding.range.start));
            assert!(text.is_char_boundary(finding.range.end));
        }
    }
});
