//! Compiles in every message catalogue under `messages/`: a new language
//! is a new `messages/<code>.yaml`, with no code to change; and turns the
//! word frequency lists under `rules/spelling/` into hash tables read in
//! place from the binary (`src/spelling/word_map.rs`), so that a run never
//! builds a table of 370,000 Arabic words at start-up (tens of milliseconds
//! and megabytes). A test in `src/spelling` checks that each map holds exactly
//! what the text list says. The Arabic map is keyed one byte per letter
//! and also carries Ayaspell's answers
//! for each word (`rules/spelling/ar-ayaspell.txt`, bits above the zipf
//! value), so that most runs never parse the dictionary.

use std::fmt::Write;
use std::path::Path;

/// The rows of a CSV typo list, counted as the pack loader counts them.
#[path = "src/rules/csv_rows.rs"]
mod csv_rows;

/// The Arabic map's one-byte-per-letter keys, as `src/spelling` looks them up.
#[path = "src/spelling/arabic_key.rs"]
mod arabic_key;

/// The hash tables the frequency maps are written as, as `src/spelling`
/// reads them.
#[path = "src/spelling/word_map.rs"]
mod word_map;

/// Ayaspell's stems in groups by the letters no affix strips, as
/// `src/spelling/ayaspell.rs` reads them.
#[path = "src/spelling/stem_groups.rs"]
mod stem_groups;

/// The bit of the Arabic map's value that says Ayaspell rejects the word
/// (`x` in `rules/spelling/ar-ayaspell.txt`; `REJECTED` in `src/spelling`).
const REJECTED: u64 = 1 << 16;

fn main() {
    messages();
    frequency_maps();
    typo_lists();
    ayaspell_prepared();
}

/// `rules/spelling/ar.aff` and `ar.dic` as the spell checker reads them at
/// run time, written to `$OUT_DIR`: the `IGNORE` characters (tashkeel and
/// tatweel) already erased from every stem and affix, as the checker would
/// erase them while parsing, and the `IGNORE` line, the morphological
/// aliases (`AM`) and the stems' morphological fields, which a check never
/// reads, left out. Parsing the dictionary, the costliest step of a run
/// that needs it, then skips a character filter and a copy for each of its
/// 170,000 stems. The characters go to `$OUT_DIR/ar-ignore.txt`, for
/// `src/spelling` to erase from a word before it asks; a test there checks
/// that both dictionaries give the same answers.
fn ayaspell_prepared() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/spelling");
    let read = |name: &str| {
        let path = folder.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).expect("the Ayaspell files are readable")
    };
    let (aff, dic) = (read("ar.aff"), read("ar.dic"));
    let ignored: Vec<char> = aff
        .lines()
        .find_map(|l| l.strip_prefix("IGNORE"))
        .map(|chars| chars.trim().chars().collect())
        .unwrap_or_default();
    let erase = |s: &str| -> String { s.chars().filter(|c| !ignored.contains(c)).collect() };
    let mut prepared_aff = String::with_capacity(aff.len());
    for line in aff.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            ["IGNORE", ..] | ["AM", ..] => continue,
            // A table's header: `PFX|SFX flag Y|N count`.
            ["PFX" | "SFX", _, "Y" | "N", count] if count.parse::<u32>().is_ok() => {
                prepared_aff.push_str(line);
                prepared_aff.push('\n');
            }
            // An affix rule: `PFX|SFX flag strip add[/flags] [condition …]`;
            // the checker erases the ignored characters from `add`.
            [kind @ ("PFX" | "SFX"), flag, strip, add, rest @ ..] => {
                let (letters, flags) = add
                    .split_once('/')
                    .map_or((*add, None), |(a, f)| (a, Some(f)));
                let mut letters = erase(letters);
                if letters.is_empty() {
                    letters.push('0');
                }
                let add = flags.map_or(letters.clone(), |f| format!("{letters}/{f}"));
                let rule: Vec<&str> = [*kind, flag, strip, &add]
                    .into_iter()
                    .chain(rest.iter().copied())
                    .collect();
                writeln!(prepared_aff, "{}", rule.join(" ")).expect("a String takes writes");
            }
            _ => {
                prepared_aff.push_str(line);
                prepared_aff.push('\n');
            }
        }
    }
    let mut prepared_dic = String::with_capacity(dic.len());
    for (i, line) in dic.lines().enumerate() {
        // The first line is the stem count; a stem's morphological fields
        // follow a tab.
        let entry = if i == 0 {
            line
        } else {
            line.split('\t').next().unwrap_or(line)
        };
        if entry.contains(&ignored[..]) {
            prepared_dic.push_str(&erase(entry));
        } else {
            prepared_dic.push_str(entry);
        }
        prepared_dic.push('\n');
    }
    // The stems in groups, and the characters the input conversions
    // rewrite (a word with one loads every group).
    println!("cargo:rerun-if-changed=src/spelling/stem_groups.rs");
    let grouped = stem_groups::group(&prepared_aff, &prepared_dic);
    let converted: String = prepared_aff
        .lines()
        .filter_map(|line| line.strip_prefix("ICONV"))
        .flat_map(|rule| rule.split_whitespace().take(1))
        .filter(|pattern| pattern.parse::<u32>().is_err())
        .flat_map(str::chars)
        .collect();
    let starts: Vec<u8> = grouped
        .starts
        .iter()
        .flat_map(|start| start.to_le_bytes())
        .collect();
    std::fs::write(out.join("ar-stems.table"), word_map::write(&grouped.keys))
        .expect("OUT_DIR is writable");
    std::fs::write(out.join("ar-stems.starts"), starts).expect("OUT_DIR is writable");
    for (name, text) in [
        ("ar.aff", prepared_aff),
        ("ar.dic", prepared_dic),
        ("ar-ignore.txt", ignored.iter().collect()),
        ("ar-always.dic", grouped.always),
        ("ar-stems.txt", grouped.stems),
        ("ar-converted.txt", converted),
    ] {
        std::fs::write(out.join(name), text).expect("OUT_DIR is writable");
    }
}

/// The bundled CSV typo lists whose rows all go to the ASCII typo table,
/// compiled so that a run neither scans nor hashes 88,000 rows: for each,
/// `$OUT_DIR/<stem>.rows` (each row's byte offset and line number, `u32`
/// little-endian pairs, as `rules::load` would find them) and
/// `$OUT_DIR/<stem>.keys.fst` (each row's typo, lower-cased: its key in the
/// table → its row), `$OUT_DIR/<stem>.filter` (a Bloom filter of the keys,
/// `u64` little-endian words), and `$OUT_DIR/typo_lists.rs` naming them. A
/// list that does not fit (a quoted row, a key that is not one ASCII word, a
/// key twice) is left out and read at run time as before; tests in
/// `src/rules/compiled.rs` check the compiled lists against the rows and the
/// filters against the keys.
fn typo_lists() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut code = String::new();
    for path in ["rules/typos/en-common.csv"] {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        println!("cargo:rerun-if-changed={}", file.display());
        println!("cargo:rerun-if-changed=src/rules/csv_rows.rs");
        let text = std::fs::read_to_string(&file).expect("the typo list is readable");
        let Some((rows, keys, longest)) = compile_typo_list(&text) else {
            continue;
        };
        let stem = Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 name");
        let mut bytes = Vec::with_capacity(rows.len() * 8);
        for (offset, line) in &rows {
            bytes.extend_from_slice(&offset.to_le_bytes());
            bytes.extend_from_slice(&line.to_le_bytes());
        }
        std::fs::write(out.join(format!("{stem}.rows")), bytes).expect("OUT_DIR is writable");
        let map = fst::Map::from_iter(keys.iter().map(|(k, &row)| (k.as_bytes(), u64::from(row))))
            .expect("sorted, distinct keys");
        std::fs::write(
            out.join(format!("{stem}.keys.fst")),
            map.as_fst().as_bytes(),
        )
        .expect("OUT_DIR is writable");
        let bits = (keys.len() * FILTER_BITS_PER_KEY).next_power_of_two();
        let mut filter = fastbloom::BloomFilter::with_num_bits(bits)
            .seed(&FILTER_SEED)
            .hashes(FILTER_HASHES);
        for key in keys.keys() {
            filter.insert(key.as_str());
        }
        let filter_bytes: Vec<u8> = filter
            .as_slice()
            .iter()
            .flat_map(|word| word.to_le_bytes())
            .collect();
        std::fs::write(out.join(format!("{stem}.filter")), filter_bytes)
            .expect("OUT_DIR is writable");
        writeln!(
            code,
            "    CompiledTypoList {{ path: {path:?}, rows: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{stem}.rows\")), keys: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{stem}.keys.fst\")), filter: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{stem}.filter\")), longest: {longest} }},"
        )
        .expect("string write");
    }
    let code = format!(
        "/// The bundled typo lists `build.rs` compiled.\npub(crate) static COMPILED_TYPO_LISTS: &[CompiledTypoList] = &[\n{code}];\n/// The seed of every key filter's hasher.\nconst FILTER_SEED: u128 = {FILTER_SEED};\n/// How many bits each key sets in its filter.\nconst FILTER_HASHES: u32 = {FILTER_HASHES};\n"
    );
    std::fs::write(out.join("typo_lists.rs"), code).expect("OUT_DIR is writable");
}

/// The key filter's size in bits per key, rounded up to a power of two:
/// with [`FILTER_HASHES`] bits set by each key, one word in a hundred or
/// fewer that is not a key gets past the filter (checked by a test in
/// `src/rules/compiled.rs`).
const FILTER_BITS_PER_KEY: usize = 10;
/// How many bits each key sets in its filter.
const FILTER_HASHES: u32 = 4;
/// The seed of the filter's hasher, the same at build and at run time.
const FILTER_SEED: u128 = 0x6661_6374_6c69_6e74;

/// Each row's `(byte offset, line number)`, each key → row, and the longest
/// key in bytes; `None` when a row does not fit (see [`typo_lists`]).
#[allow(clippy::type_complexity)]
fn compile_typo_list(
    text: &str,
) -> Option<(
    Vec<(u32, u32)>,
    std::collections::BTreeMap<String, u32>,
    usize,
)> {
    let mut rows = Vec::new();
    let mut keys = std::collections::BTreeMap::new();
    let mut longest = 0;
    for (start, line, typo) in csv_rows::typo_rows(text)? {
        let one_word = typo.starts_with(|c: char| c.is_ascii_alphabetic())
            && typo.bytes().all(|b| b.is_ascii_graphic() && b != b'.');
        let row = u32::try_from(rows.len()).ok()?;
        if !one_word || keys.insert(typo.to_ascii_lowercase(), row).is_some() {
            return None;
        }
        longest = longest.max(typo.len());
        rows.push((start, line));
    }
    Some((rows, keys, longest))
}

/// `rules/spelling/<name>-freq.txt` (`ZIPF100\tword word …` lines, `#`
/// comments, the first listing of a word winning) as
/// `$OUT_DIR/<name>-freq.table`: word → zipf × 100 (a
/// `src/spelling/word_map.rs` table).
fn frequency_maps() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in ["ar", "en"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("rules/spelling")
            .join(format!("{name}-freq.txt"));
        println!("cargo:rerun-if-changed={}", path.display());
        println!("cargo:rerun-if-changed=src/spelling/word_map.rs");
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
        // Arabic words are keyed one byte per letter (see
        // `src/spelling/arabic_key.rs`).
        let mut buffer = [0; arabic_key::MAX_LETTERS];
        let entries: Vec<(Vec<u8>, u32)> = words
            .iter()
            .map(|(w, &v)| {
                let answers = flags.get(*w).copied().unwrap_or(0);
                let key = if name == "ar" {
                    arabic_key::arabic_key(w, &mut buffer)
                        .unwrap_or_else(|| panic!("{w}: not a key of the Arabic map"))
                        .to_vec()
                } else {
                    w.as_bytes().to_vec()
                };
                let value = u64::from(v) | answers;
                (key, u32::try_from(value).expect("flags fit in 32 bits"))
            })
            .collect();
        std::fs::write(
            out.join(format!("{name}-freq.table")),
            word_map::write(&entries),
        )
        .expect("OUT_DIR is writable");
        if name == "ar" {
            // The confusion shapes of the common words Ayaspell accepts.
            let mut shapes: Vec<Vec<u8>> = words
                .iter()
                .filter(|&(w, &v)| {
                    v >= arabic_key::COMMON && flags.get(*w).copied().unwrap_or(0) & REJECTED == 0
                })
                .map(|(w, _)| {
                    let mut shape = arabic_key::arabic_key(w, &mut buffer)
                        .expect("every listed word has a key")
                        .to_vec();
                    arabic_key::confusion_shape(&mut shape);
                    shape
                })
                .collect();
            shapes.sort_unstable();
            shapes.dedup();
            let set: Vec<(Vec<u8>, u32)> = shapes.into_iter().map(|shape| (shape, 0)).collect();
            std::fs::write(out.join("ar-common-shapes.table"), word_map::write(&set))
                .expect("OUT_DIR is writable");
        }
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
                'x' => REJECTED,
                'd' => 1 << 17,
                'a' => 1 << 18,
                'h' => 1 << 19,
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
