//! What the benchmarks share: the pack of typos that do occur in the text
//! they measure, so that findings are paid for, not only the automaton.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The measurement corpus: `../shared/corpus/` beside the project, or
/// `FACTLINT_CORPUS`.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("FACTLINT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

/// How many times each case runs: `FACTLINT_BENCH_RUNS`, or `default`.
pub fn runs(default: usize) -> usize {
    std::env::var("FACTLINT_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A pack of 10,000 typos whose `find` words occur in `texts`: their most
/// frequent words of four letters or more, each "corrected" to itself with
/// a marker, so that every occurrence is a finding.
pub fn occurring_pack<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphabetic()) {
            if word.chars().count() >= 4 {
                *counts.entry(word).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(&str, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut seen = HashSet::new();
    let mut yaml = String::from("pack: occurring\ntypos:\n");
    let mut n = 0;
    for (word, _) in words {
        if n == 10_000 {
            break;
        }
        if !seen.insert(factlint::text::normalize_pattern(word)) {
            continue;
        }
        let _ = writeln!(
            yaml,
            "  - {{ id: o{n}, find: \"{word}\", replace: \"{word}x\" }}"
        );
        n += 1;
    }
    yaml
}
