//! Turning the paths on the command line into the articles to check:
//! folders are walked as git does (`.gitignore` honoured), quoted globs are
//! expanded, and the walk leaves out what is not an article (the
//! configuration's `exclude`, by default a repository's README, licence and
//! changelog and its build folders). A file named on the command line is
//! always checked.

use std::io;
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};

/// What a folder walk leaves out.
pub(crate) struct Exclude {
    /// Patterns without `/`: matched against every name on the path.
    names: GlobSet,
    /// Patterns with `/`: matched against the path from the walk's folder.
    paths: GlobSet,
}

impl Exclude {
    /// Compiles the patterns (already validated by the configuration).
    pub(crate) fn new(patterns: &[String]) -> Result<Exclude, globset::Error> {
        let (mut names, mut paths) = (GlobSetBuilder::new(), GlobSetBuilder::new());
        for pattern in patterns {
            let pattern = pattern.trim_end_matches('/');
            if pattern.contains('/') {
                paths.add(Glob::new(pattern.trim_start_matches("./"))?);
            } else {
                // Names are matched without case: readme.md is a README.
                names.add(GlobBuilder::new(pattern).case_insensitive(true).build()?);
            }
        }
        Ok(Exclude {
            names: names.build()?,
            paths: paths.build()?,
        })
    }

    fn excludes(&self, relative: &Path) -> bool {
        self.paths.is_match(relative)
            || relative.components().any(|c| match c {
                Component::Normal(name) => self.names.is_match(name),
                _ => false,
            })
    }
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

/// Whether a path argument is a glob the shell did not expand (it was
/// quoted, or the shell does not expand globs).
fn is_glob(path: &str) -> bool {
    path.contains(['*', '?', '[']) && !Path::new(path).exists()
}

/// The folder a glob's matches are under: its components before the first
/// one with a wildcard.
fn glob_root(pattern: &str) -> &str {
    let wild = pattern.find(['*', '?', '[']).unwrap_or(pattern.len());
    match pattern[..wild].rfind('/') {
        Some(0) => "/",
        Some(slash) => &pattern[..slash],
        None => ".",
    }
}

/// Walks `folder` and returns its article files, sorted, with the errors
/// met on the way; `keep` decides on each file by its path.
fn walk(
    folder: &Path,
    label: &Path,
    keep: &dyn Fn(&Path) -> bool,
) -> Vec<(PathBuf, Option<io::Error>)> {
    let mut found = Vec::new();
    for entry in ignore::WalkBuilder::new(folder).require_git(false).build() {
        match entry {
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                let file = entry.path();
                if is_article(file) && keep(file) {
                    found.push((file.to_path_buf(), None));
                }
            }
            Ok(_) => {}
            Err(err) => found.push((label.to_path_buf(), Some(io::Error::other(err.to_string())))),
        }
    }
    found.sort_unstable_by(|a, b| walk_order(&a.0, &b.0));
    found
}

/// The order of `Path`'s `Ord` for the paths of one walk: its root, then
/// names joined by single separators. Comparing their bytes with the
/// separator as the lowest gives it without splitting each path into
/// components (which was a tenth of a cached run's time over 20,000
/// files): a name before a longer one it starts, and a folder's files
/// before a sibling whose name goes on.
fn walk_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    fn key(path: &Path) -> impl Iterator<Item = u8> + '_ {
        path.as_os_str().as_encoded_bytes().iter().map(|&byte| {
            if std::path::is_separator(char::from(byte)) {
                0
            } else {
                byte
            }
        })
    }
    key(a).cmp(key(b))
}

/// Expands folders and quoted globs into article files, keeping argument
/// order and sorting within each so that output order is stable. Paths
/// stay paths: a file name that is not UTF-8 is still read and fixed by
/// its own bytes.
pub(crate) fn collect_inputs(
    paths: &[PathBuf],
    exclude: &Exclude,
) -> Vec<(PathBuf, Option<io::Error>)> {
    let mut inputs = Vec::new();
    for p in paths {
        if let Some(path) = p.to_str().filter(|path| *path != "-" && is_glob(path)) {
            let root = glob_root(path);
            let pattern = path.strip_prefix("./").unwrap_or(path);
            let matcher = match GlobBuilder::new(pattern).literal_separator(true).build() {
                Ok(glob) => glob.compile_matcher(),
                Err(err) => {
                    inputs.push((
                        p.clone(),
                        Some(io::Error::other(format!("invalid glob: {err}"))),
                    ));
                    continue;
                }
            };
            if !Path::new(root).is_dir() {
                let message =
                    format!("no article matches the pattern `{path}`: `{root}` is not a folder");
                inputs.push((
                    p.clone(),
                    Some(io::Error::new(io::ErrorKind::NotFound, message)),
                ));
                continue;
            }
            let found = walk(Path::new(root), p, &|file| {
                let shown = file.strip_prefix("./").unwrap_or(file);
                matcher.is_match(shown)
                    && !exclude.excludes(file.strip_prefix(root).unwrap_or(file))
            });
            if found.is_empty() {
                let message = format!("no article matches the pattern `{path}`");
                inputs.push((
                    p.clone(),
                    Some(io::Error::new(io::ErrorKind::NotFound, message)),
                ));
            }
            inputs.extend(found);
            continue;
        }
        if p.as_os_str() == "-" || !p.is_dir() {
            inputs.push((p.clone(), None));
            continue;
        }
        inputs.extend(walk(p, p, &|file| {
            !exclude.excludes(file.strip_prefix(p).unwrap_or(file))
        }));
    }
    // One argument names each file once (a walk does not follow links), and
    // resolving every path of a large tree cost four system calls a file:
    // more than reading the file's cached result.
    if paths.len() > 1 {
        dedupe(inputs)
    } else {
        inputs
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_order_is_path_order() {
        let paths = [
            "root/a",
            "root/a-b",
            "root/a/b",
            "root/a/b/c",
            "root/a/bc",
            "root/a.txt",
            "root/a/a.txt",
            "root/ab/x",
            "root/B",
            "root/a0",
            "root/a/0",
            "root/é/x",
        ];
        for a in paths {
            for b in paths {
                let (a, b) = (Path::new(a), Path::new(b));
                assert_eq!(walk_order(a, b), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn glob_roots() {
        assert_eq!(glob_root("articles/**/*.md"), "articles");
        assert_eq!(glob_root("*.md"), ".");
        assert_eq!(glob_root("a/b/c?.txt"), "a/b");
        assert_eq!(glob_root("/srv/*.md"), "/srv");
        assert_eq!(glob_root("/*.md"), "/");
    }

    #[test]
    fn names_match_anywhere_and_paths_from_the_root() {
        let exclude =
            Exclude::new(&["README*".into(), "target".into(), "drafts/**".into()]).unwrap();
        assert!(exclude.excludes(Path::new("README.md")));
        assert!(exclude.excludes(Path::new("ar/README.txt")));
        assert!(exclude.excludes(Path::new("target/debug/x.txt")));
        assert!(exclude.excludes(Path::new("drafts/a.md")));
        assert!(!exclude.excludes(Path::new("ar/drafts-note.md")));
        assert!(exclude.excludes(Path::new("ar/readme.md")));
        assert!(!exclude.excludes(Path::new("ar/story-readme.md")));
    }
}
