//! Large-file benchmark: the cost per byte of checking one big article,
//! for the done-when rows of the scale issues (throughput on 1 MB and on
//! 16 MB within 1.3x per MB; peak memory at most 5x the file size plus the
//! rules; 100 MB/s per core with every check and a 10k-rule pack).
//!
//! Each article is real corpus articles (`../shared/corpus/`, read from
//! there and never copied into the repository) repeated to 1 MB and to
//! 16 MB, Arabic and English apart (an article has one language). Each is
//! checked twice: with the bundled packs alone (what a newsroom runs, and
//! the rules of the memory target), and with a generated pack of 10,000
//! typos whose `find` words are the most frequent corpus words, so that
//! every occurrence is a finding and the cost of findings is paid, not only
//! the lookups' (about every second word is a finding: a stress case).
//!
//! Throughput is measured in this process on one core (load, normalise,
//! segment, match, analyse, every check; start-up and rule loading left
//! out), best of `FACTLINT_BENCH_RUNS` runs (default 3). Peak memory is
//! measured on the release binary under GNU time (`/usr/bin/time`): the
//! 16 MB article against a one-article run with the same rules, so that the
//! difference is what the article costs.
//!
//! Run with `cargo bench --bench large_file`. `FACTLINT_CORPUS` overrides
//! the corpus folder.

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use factlint::article::{Article, LoadOptions};
use factlint::checks::{self, CheckOptions};
use factlint::rules::{RuleSet, load::parse_pack};

/// The real articles of one language as plain text: title, blank line,
/// body, blank line.
fn articles(dir: &Path, file: &str, body_key: &str) -> Vec<String> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e} (set FACTLINT_CORPUS)", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value =
                serde_json::from_str(line).expect("corpus lines are JSON");
            let field = |key: &str| value[key].as_str().unwrap_or_default().to_string();
            format!("{}\n\n{}\n\n", field("title"), field(body_key))
        })
        .collect()
}

/// The articles repeated, in order, until the text holds `bytes`.
fn repeated(articles: &[String], bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 100_000);
    for article in articles.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(article);
    }
    text
}

/// The bundled packs, plus `pack` when given.
fn rules_with(pack: Option<&str>) -> RuleSet {
    let mut packs: Vec<_> = factlint::rules::bundled::BUNDLED_PACKS
        .iter()
        .map(|(p, t)| {
            let read = |name: &str| factlint::rules::bundled::read_sibling(p, name);
            factlint::rules::load::parse_pack_with(p, Arc::from(*t), true, &read)
                .expect("bundled packs are valid")
        })
        .collect();
    if let Some(pack) = pack {
        packs.push(
            parse_pack("occurring.yaml", Arc::from(pack), false).expect("generated pack is valid"),
        );
    }
    RuleSet::from_packs(packs).expect("rules compile")
}

/// Best time of `runs` checks of `text` as one article, and its findings.
fn check(text: &str, rules: &RuleSet, runs: usize) -> (Duration, usize) {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let mut article = Article::load("large.txt", text.to_string(), &LoadOptions::default())
                .expect("plain text loads");
            let findings = checks::run_all(&mut article, rules, &CheckOptions::default()).len();
            (start.elapsed(), findings)
        })
        .min_by_key(|(d, _)| *d)
        .expect("at least one run")
}

/// Peak resident memory in MB of the release binary checking `file` with
/// the bundled packs and `pack` if given, from GNU time.
fn peak_mb(file: &Path, pack: Option<&Path>) -> Option<f64> {
    let out = tempfile::NamedTempFile::new().ok()?;
    let mut command = Command::new("/usr/bin/time");
    command
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(out.path())
        .arg(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--no-config", "--no-cache", "--format", "json"])
        .args(["--max-file-size", "64M"]);
    if let Some(pack) = pack {
        command.arg("--rules").arg(pack);
    }
    let status = command
        .arg(file)
        .env("RAYON_NUM_THREADS", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    if status.code().is_none_or(|c| c > 1) {
        eprintln!("factlint failed on {}: {status}", file.display());
        return None;
    }
    let text = std::fs::read_to_string(out.path()).ok()?;
    let kb: f64 = text.lines().last()?.trim().parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let runs = common::runs(3);
    let dir = common::corpus_dir();
    let ar = articles(&dir, "articles_ar/saudinewsnet_sample.jsonl", "content");
    let en = articles(&dir, "articles_en/reuters21578_sample.jsonl", "text");
    let pack = common::occurring_pack(ar.iter().chain(&en).map(String::as_str));
    let start = Instant::now();
    let rule_sets = [
        ("bundled packs", rules_with(None)),
        ("bundled + 10k occurring typos", rules_with(Some(&pack))),
    ];
    for (name, rules) in &rule_sets {
        let (literals, regexes) = rules.pattern_counts();
        println!("rules, {name}: {literals} literals, {regexes} regexes");
    }
    println!(
        "(built in {:.1} s, not counted; the English typo list is built on first use, inside the timed runs)",
        start.elapsed().as_secs_f64()
    );
    println!("one core, every check, best of {runs} runs; start-up and rule loading left out");
    println!();
    println!(
        "| language | rules | 1 MB: MB/s | 16 MB: MB/s | time per MB, 16 MB / 1 MB | findings in 16 MB |"
    );
    println!("|---|---|---:|---:|---:|---:|");
    let folder = tempfile::tempdir().expect("a temporary folder");
    let pack_path = folder.path().join("occurring.yaml");
    std::fs::write(&pack_path, &pack).expect("a temporary folder");
    let mut large_files = Vec::new();
    for (lang, source) in [("Arabic", &ar), ("English", &en)] {
        let small = repeated(source, 1_000_000);
        let large = repeated(source, 16_000_000);
        for (name, rules) in &rule_sets {
            let (t1, _) = check(&small, rules, runs);
            let (t16, findings) = check(&large, rules, runs);
            let per_mb = |t: Duration, text: &str| t.as_secs_f64() / (text.len() as f64 / 1e6);
            println!(
                "| {lang} | {name} | {:.1} | {:.1} | {:.2}x | {findings} |",
                1.0 / per_mb(t1, &small),
                1.0 / per_mb(t16, &large),
                per_mb(t16, &large) / per_mb(t1, &small),
            );
        }
        let one = folder.path().join(format!("{lang}-one.txt"));
        std::fs::write(&one, &source[0]).expect("a temporary folder");
        let big = folder.path().join(format!("{lang}-16mb.txt"));
        std::fs::write(&big, &large).expect("a temporary folder");
        large_files.push((lang, one, big, large.len()));
    }
    if !Path::new("/usr/bin/time").is_file() {
        println!("GNU time (/usr/bin/time) is not installed: peak memory not measured");
        return;
    }
    println!();
    println!(
        "| language | rules | peak RSS, one article | peak RSS, 16 MB article | (16 MB − one) / file size |"
    );
    println!("|---|---|---:|---:|---:|");
    for (lang, one, big, bytes) in large_files {
        for (name, pack) in [
            ("bundled packs", None),
            ("bundled + 10k occurring typos", Some(pack_path.as_path())),
        ] {
            let (Some(base), Some(peak)) = (peak_mb(&one, pack), peak_mb(&big, pack)) else {
                continue;
            };
            println!(
                "| {lang} | {name} | {base:.0} MB | {peak:.0} MB | {:.1}x |",
                (peak - base) / (bytes as f64 / 1048576.0)
            );
        }
    }
}
