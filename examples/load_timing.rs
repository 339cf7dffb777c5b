//! Times loading the bundled packs and compiling their patterns:
//! `cargo run --release --example load_timing`. Start-up matters when
//! factlint runs on every keystroke.

use std::sync::Arc;
use std::time::Instant;

use factlint::rules::{RuleSet, bundled, load::parse_pack_with};

fn main() {
    let start = Instant::now();
    let mut packs = Vec::new();
    for (path, text) in bundled::BUNDLED_PACKS {
        let t = Instant::now();
        let read = |name: &str| bundled::read_sibling(path, name);
        let pack = parse_pack_with(path, Arc::from(*text), true, &read).expect("valid");
        println!("parse {path}: {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
        packs.push(pack);
    }
    let t = Instant::now();
    let rules = RuleSet::from_packs(packs).expect("compiles");
    let (literals, regexes) = rules.pattern_counts();
    println!(
        "compile {literals} literals, {regexes} regexes: {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    println!("total: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
}
