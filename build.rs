//! Compiles in every message catalogue under `messages/`: a new language
//! is a new `messages/<code>.yaml`, with no code to change; and turns the
//! word frequency lists under `rules/spelling/` into finite-state maps
//! (the `fst` crate), read in place from the binary, so that a run never
//! parses 370,000 Arabic words into a hash table (tens of milliseconds and
//! megabytes). A test in `src/spelling` checks that each map holds exactly
//! what the text list says. The Arabic map also carries Ayaspell's answers
//! for each word (`rules/spelling/ar-ayaspell.txt`, bits above the zipf
//! value), so that most runs never parse the dictionary.

use std::fmt::Write;
use std::path::Path;

fn main() {
    messages();
    frequency_maps();
}

/// `rules/spelling/<name>-freq.txt` (`ZIPF100\tword word …` lines, `#`
/// comments, the first listing of a word winning) as
/// `$OUT_DIR/<name>-freq.fst`: word → zipf × 100.
fn frequency_maps() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in ["ar", "en"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("rules/spelling")
            .join(format!("{name}-freq.txt"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("the frequency list is readable");
        let mut words = std::collections::BTreeMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((value, list)) = line.split_once('\t') else {
                continue;
            };
            let Ok(value) = value.parse::<u16>() else {
                continue;
            };
            for word in list.split(' ') {
                words.entry(word).or_insert(value);
            }
        }
        let flags = if name == "ar" {
            ayaspell_answers()
        } else {
            Default::default()
        };
        let map = fst::Map::from_iter(words.iter().map(|(w, &v)| {
            let answers = flags.get(*w).copied().unwrap_or(0);
            (w.as_bytes(), u64::from(v) | answers)
        }))
        .expect("sorted, distinct keys");
        std::fs::write(
            out.join(format!("{name}-freq.fst")),
            map.as_fst().as_bytes(),
        )
        .expect("OUT_DIR is writable");
    }
}

/// `rules/spelling/ar-ayaspell.txt` (`word<TAB>flags` lines, `#` comments):
/// each word's flags as the bits `src/spelling` reads (`x` rejected → bit
/// 16, `d` dual accepted → 17, `a` article accepted → 18).
fn ayaspell_answers() -> std::collections::HashMap<String, u64> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/spelling/ar-ayaspell.txt");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).expect("the Ayaspell answers are readable");
    let mut answers = std::collections::HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (word, flags) = line.split_once('\t').expect("word<TAB>flags");
        let bits = flags.chars().fold(0, |bits, flag| {
            bits | match flag {
                'x' => 1 << 16,
                'd' => 1 << 17,
                'a' => 1 << 18,
                other => panic!("unknown Ayaspell flag {other:?} for {word}"),
            }
        });
        answers.insert(word.to_string(), bits);
    }
    answers
}

/// `$OUT_DIR/messages.rs`: every catalogue under `messages/`.
fn messages() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("messages");
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("messages/ is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut code = String::from("/// Every catalogue: its language code and its text.\n");
    code.push_str("pub(crate) static CATALOGUES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 name");
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("string write");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("messages.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
