//! Turning the paths on the command line into the articles to check.

use std::io;

/// Expands folders into article files, keeping argument order and sorting
/// within each folder so that output order is stable.
pub(crate) fn collect_inputs(paths: &[String]) -> Vec<(String, Option<io::Error>)> {
    let mut inputs = Vec::new();
    for path in paths {
        let p = std::path::Path::new(path);
        if path == "-" || !p.is_dir() {
            inputs.push((path.clone(), None));
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(p).require_git(false).build() {
            match entry {
                Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                    let file = entry.path();
                    let is_article = file.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        matches!(
                            e.to_ascii_lowercase().as_str(),
                            "txt" | "md" | "markdown" | "html" | "htm"
                        )
                    });
                    if is_article {
                        found.push((file.display().to_string(), None));
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

/// Keeps the first of several names for one file (`a.md ./a.md`, a folder
/// and a file inside it), so that no file is checked, counted or fixed
/// twice; standard input is read once.
fn dedupe(inputs: Vec<(String, Option<io::Error>)>) -> Vec<(String, Option<io::Error>)> {
    let mut seen = std::collections::HashSet::new();
    inputs
        .into_iter()
        .filter(|(path, _)| {
            let key = std::fs::canonicalize(path)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| path.clone());
            seen.insert(key)
        })
        .collect()
}
