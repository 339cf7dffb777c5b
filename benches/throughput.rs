//! Throughput benchmark: factlint's whole path (load, normalise, segment,
//! one-pass match, checks) over at least 50 MB built from the real articles
//! in `../shared/corpus/` (read from there, never copied into the repo).
//!
//! Run with `cargo bench --bench throughput` (release mode). It prints MB/s
//! on one core and on all cores, the peak resident memory, and the ratio of
//! the time with a generated pack of 10,000 typos and 5,000 entities to the
//! time with 10 rules, measured side by side in the same run (shared
//! machines are noisy: compare ratios, not absolute numbers across runs).
//!
//! Environment: `FACTLINT_CORPUS` overrides the corpus folder,
//! `FACTLINT_BENCH_MB` the corpus size (default 50), `FACTLINT_BENCH_RUNS`
//! the repetitions per measurement (default 3, the best is kept).

// Shared with the other benches; this one does not use the occurring pack.
#[allow(dead_code)]
mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use factlint::article::{Article, LoadOptions};
use factlint::checks::{self, CheckOptions};
use factlint::rules::{RuleSet, load::parse_pack};
use rayon::prelude::*;

/// A small deterministic generator, so that every run checks the same pack.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &'a [String]) -> &'a str {
        &items[self.next() as usize % items.len()]
    }
}

/// Reads the real articles as plain text: title, blank line, body.
fn real_articles(dir: &Path) -> Vec<String> {
    let mut articles = Vec::new();
    for (file, body_key) in [
        ("articles_ar/saudinewsnet_sample.jsonl", "content"),
        ("articles_en/reuters21578_sample.jsonl", "text"),
    ] {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("cannot read {}: {e} (set FACTLINT_CORPUS)", path.display())
        });
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let value: serde_json::Value =
                serde_json::from_str(line).expect("corpus lines are JSON");
            let title = value["title"].as_str().unwrap_or_default();
            let body = value[body_key].as_str().unwrap_or_default();
            articles.push(format!("{title}\n\n{body}\n"));
        }
    }
    articles
}

/// Words of at least four letters, for generated names and typos.
fn vocabulary(articles: &[String], arabic: bool) -> Vec<String> {
    let mut words: Vec<String> = articles
        .iter()
        .flat_map(|a| a.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 4)
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii()) != arabic)
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A pack of `typos` misspellings and `entities` people, in YAML, built
/// from corpus words so that the matcher meets realistic prefixes.
fn generated_pack(typos: usize, entities: usize, ar: &[String], en: &[String]) -> String {
    let mut rng = Lcg(42);
    // A misspelling that is itself a word of the corpus would be a real word,
    // not a misspelling: the generator avoids those, as a curated list would.
    let known: std::collections::HashSet<String> = ar
        .iter()
        .chain(en)
        .map(|w| factlint::text::normalize_pattern(w))
        .collect();
    let mut used = std::collections::HashSet::new();
    let mut yaml = String::from("pack: generated\nentities:\n");
    for i in 0..entities {
        let (a1, a2) = (rng.pick(ar), rng.pick(ar));
        let (e1, e2) = (rng.pick(en), rng.pick(en));
        let _ = writeln!(
            yaml,
            "  - {{ id: e{i}, names: {{ ar: [\"{a1} {a2}\"], en: [\"{e1} {e2}\"] }}, nationality: MA, roles: [ {{ title: {{ en: [\"{e2} minister\"] }}, from: 2001-01-01 }} ] }}"
        );
    }
    yaml.push_str("typos:\n");
    let mut i = 0;
    while i < typos {
        let source = if i % 2 == 0 { ar } else { en };
        let word = rng.pick(source);
        // Swap two letters: a plausible misspelling that rarely occurs.
        let mut chars: Vec<char> = word.chars().collect();
        let at = 1 + rng.next() as usize % (chars.len() - 2);
        chars.swap(at, at + 1);
        let wrong: String = chars.into_iter().collect();
        let normalized = factlint::text::normalize_pattern(&wrong);
        if known.contains(&normalized) || !used.insert(normalized) {
            continue;
        }
        let _ = writeln!(
            yaml,
            "  - {{ id: t{i}, find: \"{wrong}\", replace: \"{word}\" }}"
        );
        i += 1;
    }
    yaml
}

/// The generated pack, with or without the bundled packs (lexicons and
/// about 95,000 typos).
fn rules_with(pack: &str, bundled: bool) -> RuleSet {
    let mut packs: Vec<_> = if bundled {
        factlint::rules::bundled::BUNDLED_PACKS
            .iter()
            .map(|(p, t)| {
                let read = |name: &str| factlint::rules::bundled::read_sibling(p, name);
                factlint::rules::load::parse_pack_with(p, Arc::from(*t), true, &read)
                    .expect("bundled packs are valid")
            })
            .collect()
    } else {
        Vec::new()
    };
    packs.push(
        parse_pack("generated.yaml", Arc::from(pack), false).expect("generated pack is valid"),
    );
    RuleSet::from_packs(packs).expect("rules compile")
}

fn check_one(text: &str, rules: &RuleSet) -> usize {
    let mut article = Article::load("bench.txt", text.to_string(), &LoadOptions::default())
        .expect("plain text loads");
    checks::run_all(&mut article, rules, &CheckOptions::default()).len()
}

fn best_of(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let findings = f();
            (start.elapsed(), findings)
        })
        .min_by_key(|(d, _)| *d)
        .expect("at least one run")
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would pass
    // nothing useful: only run when invoked as a benchmark.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let target_mb: usize = std::env::var("FACTLINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let runs = common::runs(3);
    let dir = common::corpus_dir();
    let real = real_articles(&dir);
    let real_bytes: usize = real.iter().map(String::len).sum();
    let mut corpus = Vec::new();
    let mut bytes = 0;
    while bytes < target_mb * 1_000_000 {
        for article in &real {
            bytes += article.len();
            corpus.push(article.clone());
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} articles, {mb:.1} MB ({} real articles, {:.1} MB, repeated) from {}",
        corpus.len(),
        real.len(),
        real_bytes as f64 / 1e6,
        dir.display()
    );
    let ar = vocabulary(&real, true);
    let en = vocabulary(&real, false);
    let small = rules_with(&generated_pack(5, 5, &ar, &en), false);
    let large = rules_with(&generated_pack(10_000, 5_000, &ar, &en), false);
    let everything = rules_with(&generated_pack(10_000, 5_000, &ar, &en), true);
    for (name, rules) in [
        ("10 rules", &small),
        ("10,000 typos + 5,000 entities", &large),
        ("bundled packs + the large pack", &everything),
    ] {
        let (literals, regexes) = rules.pattern_counts();
        println!(
            "pack {name}: {literals} literals ({} KiB literal index), {regexes} regexes",
            rules.literal_memory() / 1024
        );
    }
    println!("cores: {}", rayon::current_num_threads());
    let mut single = Vec::new();
    for (name, rules) in [
        ("10 rules", &small),
        ("10k typos + 5k entities", &large),
        ("bundled + 10k + 5k", &everything),
    ] {
        let (one, findings) = best_of(runs, || corpus.iter().map(|a| check_one(a, rules)).sum());
        let (all, _) = best_of(runs, || {
            corpus.par_iter().map(|a| check_one(a, rules)).sum()
        });
        println!(
            "{name:>24}: 1 core {:>7.1} MB/s ({:.2} s) | all cores {:>7.1} MB/s ({:.2} s) | {findings} findings",
            mb / one.as_secs_f64(),
            one.as_secs_f64(),
            mb / all.as_secs_f64(),
            all.as_secs_f64()
        );
        single.push(one);
    }
    if let Some(peak) = peak_rss_mib() {
        println!("peak resident memory: {peak:.0} MiB (corpus held in memory: {mb:.0} MB)");
    }
    // Where the time goes, on one core: loading (normalise, segment) and the
    // one-pass match, each alone.
    let loaded: Vec<Article> = corpus
        .iter()
        .map(|a| {
            Article::load("bench.txt", a.clone(), &LoadOptions::default())
                .expect("plain text loads")
        })
        .collect();
    let (load, _) = best_of(runs, || {
        corpus
            .iter()
            .map(|a| {
                Article::load("bench.txt", a.clone(), &LoadOptions::default())
                    .map_or(0, |x| x.sections.len())
            })
            .sum()
    });
    println!(
        "phase load (copy, normalise, segment): {:>7.1} MB/s",
        mb / load.as_secs_f64()
    );
    for (name, rules) in [
        ("10 rules", &small),
        ("10k typos + 5k entities", &large),
        ("bundled + 10k + 5k", &everything),
    ] {
        let (matching, mentions) =
            best_of(runs, || loaded.iter().map(|a| rules.find(a).len()).sum());
        println!(
            "phase match, {name}: {:>7.1} MB/s ({mentions} mentions)",
            mb / matching.as_secs_f64()
        );
    }
    println!(
        "time with 10k typos + 5k entities / time with 10 rules (1 core): {:.2}x",
        single[1].as_secs_f64() / single[0].as_secs_f64()
    );
    arabic_spelling(&real, runs);
}

/// The Arabic spelling check on one core, in running Arabic words per
/// second: the engine alone (every word judged, no cache: the cold rate),
/// and, with the per-thread cache warm (best of the runs), the whole
/// path of `typo/spelling` + `consistency/spelling` (load, normalise,
/// tokenize, match, check) minus the same path with no check selected.
fn arabic_spelling(real: &[String], runs: usize) {
    let arabic: Vec<&String> = real
        .iter()
        .filter(|a| {
            a.chars()
                .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
                .count()
                > 100
        })
        .collect();
    let words: Vec<String> = arabic
        .iter()
        .flat_map(|a| a.split(|c: char| !('\u{0621}'..='\u{064A}').contains(&c)))
        .filter_map(|w| factlint::spelling::clean(w).map(|w| w.into_owned()))
        .collect();
    let start = Instant::now();
    let speller = factlint::spelling::arabic();
    println!(
        "arabic spelling: dictionary + frequency list ready in {:.2} s (already loaded by the whole-path runs above)",
        start.elapsed().as_secs_f64()
    );
    let (engine, flagged) = best_of(runs, || {
        words
            .iter()
            .filter(|w| speller.judge(w, false).is_some())
            .count()
    });
    println!(
        "arabic spelling engine: {} words judged, {flagged} flagged, {:.0} words/s on 1 core",
        words.len(),
        words.len() as f64 / engine.as_secs_f64()
    );
    let rules = RuleSet::from_packs(Vec::new()).expect("an empty rule set compiles");
    let with = |select: &[&str]| {
        let options = CheckOptions {
            select: select.iter().map(|s| s.to_string()).collect(),
            ..CheckOptions::default()
        };
        best_of(runs, || {
            arabic
                .iter()
                .map(|text| {
                    let mut article =
                        Article::load("bench.txt", text.to_string(), &LoadOptions::default())
                            .expect("plain text loads");
                    checks::run_all(&mut article, &rules, &options).len()
                })
                .sum()
        })
    };
    let (base, _) = with(&["date/no-reference-date"]);
    let (full, findings) = with(&["typo/spelling", "consistency/spelling"]);
    let check = full.saturating_sub(base).as_secs_f64().max(1e-9);
    println!(
        "arabic spelling checks (typo/spelling + consistency/spelling): {:.0} words/s on 1 core for the checks alone, {:.0} words/s for the whole path ({findings} findings in {} articles)",
        words.len() as f64 / check,
        words.len() as f64 / full.as_secs_f64(),
        arabic.len()
    );
}
