//! Turning the paths on the command line into the articles to check.

use std::io;
use std::path::{Path, PathBuf};

/// Expands folders into article files, keeping argument order and sorting
/// within each folder so that output order is stable. Paths stay paths: a
/// file name that is not UTF-8 is still read and fixed by its own bytes.
pub(crate) fn collect_inputs(paths: &[PathBuf]) -> Vec<(PathBuf, Option<io::Error>)> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" || !path.is_dir() {
            inputs.push((path.clone(), None));
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(path).require_git(false).build() {
            match entry {
                Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                    let file = entry.path();
                    if is_article(file) {
                        found.push((file.to_path_buf(), None));
                    }
                }
                Ok(_) => {}
                Err(err) => found.push((path.clone(), Some(io::Error::other(err.to_string())))),
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        inputs.extend(found);
    }
    dedupe(inputs)
}

/// Whether a file found in a folder is an article, by its extension.
fn is_article(file: &Path) -> bool {
    file.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "txt" | "md" | "markdown" | "html" | "htm"))
}

/// The name reports print for a path: the path itself, with any bytes
/// that are not UTF-8 shown as U+FFFD.
pub(crate) fn display_name(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Keeps the first of several names for one file (`a.md ./a.md`, a folder
/// and a file inside it), so that no file is checked, counted or fixed
/// twice; standard input is read once.
fn dedupe(inputs: Vec<(PathBuf, Option<io::Error>)>) -> Vec<(PathBuf, Option<io::Error>)> {
    let mut seen = std::collections::HashSet::new();
    inputs
        .into_iter()
        .filter(|(path, _)| {
            let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            seen.insert(key)
        })
        .collect()
}
