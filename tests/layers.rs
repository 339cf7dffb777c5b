//! The library's modules form layers, and no module reaches up: what
//! `src/lib.rs` draws is what the compiler builds. A `use` of a module
//! from a higher layer fails this test with the file and line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may use its own layer and those below.
const LAYERS: &[&[&str]] = &[
    &[
        "language",
        "partial_date",
        "finding",
        "text",
        "messages",
        "cache_dir",
    ],
    &["diagnostic", "spelling"],
    &["article"],
    &["rules"],
    &["dates"],
    &["facts"],
    &["checks"],
    &["config"],
    &["engine"],
    &["fix"],
    &["report", "schema"],
];

fn rust_files(folder: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`None` for the
/// crate roots and the binary's own files).
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (!matches!(name, "lib" | "main" | "cli")).then(|| name.to_string())
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let layer_of: HashMap<&str, usize> = LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (*n, i)))
        .collect();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut checked = 0;
    let mut upward = Vec::new();
    for file in &files {
        let Some(module) = top_module(&src, file) else {
            continue;
        };
        let own = *layer_of
            .get(module.as_str())
            .unwrap_or_else(|| panic!("src/{module} is in no layer of tests/layers.rs: add it"));
        let text = std::fs::read_to_string(file).expect("readable");
        for (number, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for (at, _) in code.match_indices("crate::") {
                let used: String = code[at + "crate::".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                checked += 1;
                let Some(&layer) = layer_of.get(used.as_str()) else {
                    continue;
                };
                if layer > own {
                    upward.push(format!(
                        "{}:{}: `{module}` uses `{used}`, a layer above it",
                        file.display(),
                        number + 1
                    ));
                }
            }
        }
    }
    assert!(checked > 100, "the walk found too few imports ({checked})");
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
}

#[test]
fn every_module_of_the_library_is_in_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    assert!(declared.len() >= 10, "{declared:?}");
    for module in declared {
        assert!(
            LAYERS.iter().any(|layer| layer.contains(&module)),
            "src/lib.rs declares `{module}`, which tests/layers.rs places in no layer"
        );
    }
}
