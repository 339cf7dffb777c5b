//! `--changed-lines-only DIFF` and `--diff-base REV`: report only the
//! findings on lines a change touched, so that a pull request on an old
//! article is annotated where it changed and not for what was there
//! before (reviewdog's `-filter-mode=added`, flake8's old `--diff`).
//!
//! The change is a unified diff: read from a file or standard input, or
//! made by running `git diff` against a revision. The diff is parsed with
//! the `unidiff` crate; each file's changed lines are the lines it added
//! (a new file's every line; a deletion changes no line of the new file).

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use factlint::engine::Checked;

/// The lines a diff added, per file of the new side.
#[derive(Debug, Default)]
pub(crate) struct ChangedLines {
    /// Changed lines (1-based) by file, keyed by [`key`] of the path.
    files: HashMap<PathBuf, BTreeSet<usize>>,
}

impl ChangedLines {
    /// Reads a unified diff from `source` (`-` for standard input).
    /// Paths in it are read from the repository's top folder (as `git
    /// diff` writes them) or, failing that, from the working folder.
    pub(crate) fn from_diff(source: &Path) -> Result<ChangedLines, String> {
        let mut bytes = Vec::new();
        if source.as_os_str() == "-" {
            if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                return Err(
                    "--changed-lines-only - reads a unified diff from standard input: pipe one in (git diff -U0 BASE | factlint check --changed-lines-only - …)"
                        .to_string(),
                );
            }
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read the diff from standard input: {e}"))?;
        } else {
            bytes = std::fs::read(source)
                .map_err(|e| format!("cannot read the diff {}: {e}", source.display()))?;
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut bases: Vec<PathBuf> = git_toplevel(&cwd).ok().into_iter().collect();
        bases.push(cwd);
        ChangedLines::parse(&String::from_utf8_lossy(&bytes), &bases)
    }

    /// Runs `git diff` between `rev` and the working tree of the
    /// repository around the working folder.
    pub(crate) fn from_git(rev: &str) -> Result<ChangedLines, String> {
        if rev.starts_with('-') || rev.trim().is_empty() {
            return Err(format!(
                "--diff-base takes a revision (a branch, tag or commit), not `{rev}`"
            ));
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        let top = git_toplevel(&cwd)?;
        // quotePath off: an Arabic name comes out as written; fixed
        // prefixes whatever diff.noprefix or diff.mnemonicPrefix say;
        // renames found, so a moved article is not all new.
        let output = Command::new("git")
            .args([
                "-c",
                "core.quotePath=false",
                "diff",
                "-U0",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--find-renames",
                "--src-prefix=a/",
                "--dst-prefix=b/",
                rev,
                "--",
            ])
            .current_dir(&cwd)
            .output()
            .map_err(|e| format!("--diff-base: cannot run git: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "--diff-base {rev}: git diff failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        ChangedLines::parse(&String::from_utf8_lossy(&output.stdout), &[top])
    }

    /// Parses a unified diff whose paths are relative to one of `bases`.
    pub(crate) fn parse(diff: &str, bases: &[PathBuf]) -> Result<ChangedLines, String> {
        let mut patch = unidiff::PatchSet::new();
        patch
            .parse(diff)
            .map_err(|e| format!("the diff is not a unified diff: {e}"))?;
        let mut changed = ChangedLines::default();
        for file in patch.files() {
            let Some(path) = new_path(&file.source_file, &file.target_file) else {
                continue; // deleted: no line of it is checked
            };
            let lines: BTreeSet<usize> = file
                .hunks()
                .iter()
                .flat_map(|hunk| hunk.lines())
                .filter(|line| line.is_added())
                .filter_map(|line| line.target_line_no)
                .collect();
            for base in bases {
                changed
                    .files
                    .entry(key(&base.join(&path)))
                    .or_default()
                    .extend(lines.iter().copied());
            }
        }
        Ok(changed)
    }

    /// Whether the diff touches `file` at all (files it does not touch are
    /// not checked).
    pub(crate) fn touches(&self, file: &Path) -> bool {
        self.files.contains_key(&key(file))
    }

    /// Leaves out the findings of `file` that touch no changed line,
    /// counting them in [`Checked::outside_changes`]. A finding is kept
    /// when its own span, or the span of one of its labels (the evidence
    /// a change may have contradicted), is on a changed line.
    pub(crate) fn filter(&self, file: &Path, checked: &mut Checked) {
        let empty = BTreeSet::new();
        let lines = self.files.get(&key(file)).unwrap_or(&empty);
        let index = &checked.article.lines;
        let touches = |range: &std::ops::Range<usize>| {
            let first = index.line_of(range.start);
            let last = index.line_of(range.end.saturating_sub(1).max(range.start));
            lines.range(first..=last).next().is_some()
        };
        let before = checked.findings.len();
        checked
            .findings
            .retain(|f| touches(&f.range) || f.labels.iter().any(|l| touches(&l.range)));
        checked.outside_changes += before - checked.findings.len();
    }
}

/// The path of the new side of a file in a diff, without git's `b/`
/// prefix; `None` for a deleted file.
fn new_path(source: &str, target: &str) -> Option<PathBuf> {
    let target = unquote(target);
    if target == "/dev/null" {
        return None;
    }
    let source = unquote(source);
    let prefixed = source.starts_with("a/") || source == "/dev/null";
    Some(PathBuf::from(match target.strip_prefix("b/") {
        Some(rest) if prefixed => rest.to_string(),
        _ => target,
    }))
}

/// A path as git writes it: C-quoted (`"a/\331\202.md"`) when it holds
/// bytes git would not print plainly (any non-ASCII byte unless
/// `core.quotePath=false`, a quote, a backslash, a control character).
fn unquote(name: &str) -> String {
    let Some(inner) = name
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return name.to_string();
    };
    let mut bytes = Vec::with_capacity(inner.len());
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match chars.next() {
            Some(d @ b'0'..=b'7') => {
                let mut value = u32::from(d - b'0');
                for _ in 0..2 {
                    if let Some(&next @ b'0'..=b'7') = chars.peek() {
                        value = value * 8 + u32::from(next - b'0');
                        chars.next();
                    }
                }
                bytes.push(value as u8);
            }
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(b'r') => bytes.push(b'\r'),
            Some(b'a') => bytes.push(7),
            Some(b'b') => bytes.push(8),
            Some(b'f') => bytes.push(12),
            Some(b'v') => bytes.push(11),
            Some(other) => bytes.push(other),
            None => bytes.push(b'\\'),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One name for one file: its canonical path when it exists, else the path
/// made absolute.
fn key(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(path)
        }
    })
}

/// The top folder of the git repository around `folder`.
fn git_toplevel(folder: &Path) -> Result<PathBuf, String> {
    let output = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .current_dir(folder)
        .output()
        .map_err(|e| format!("--diff-base: cannot run git: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "--diff-base needs a git repository, and {} is not in one ({})",
            folder.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let top = String::from_utf8_lossy(&output.stdout)
        .trim_end()
        .to_string();
    Ok(key(Path::new(&top)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(changed: &ChangedLines, path: &str) -> Vec<usize> {
        changed
            .files
            .get(&key(Path::new(path)))
            .map(|l| l.iter().copied().collect())
            .unwrap_or_default()
    }

    #[test]
    fn added_lines_of_zero_context_and_context_hunks() {
        let base = PathBuf::from("/base");
        let diff = "diff --git a/old.md b/old.md\nindex 1..2 100644\n--- a/old.md\n+++ b/old.md\n@@ -3,0 +4,2 @@\n+new four\n+new five\n@@ -9 +11 @@\n-was nine\n+now eleven\n@@ -20,2 +21,0 @@\n-gone\n-gone too\ndiff --git a/ctx.md b/ctx.md\n--- a/ctx.md\n+++ b/ctx.md\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n";
        let changed = ChangedLines::parse(diff, &[base]).unwrap();
        assert_eq!(lines(&changed, "/base/old.md"), vec![4, 5, 11]);
        assert_eq!(lines(&changed, "/base/ctx.md"), vec![2]);
    }

    #[test]
    fn new_renamed_deleted_and_quoted_files() {
        let base = PathBuf::from("/base");
        let diff = concat!(
            "diff --git a/n.md b/n.md\nnew file mode 100644\n--- /dev/null\n+++ b/n.md\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n",
            "diff --git a/x.md b/y.md\nsimilarity index 90%\nrename from x.md\nrename to y.md\n--- a/x.md\n+++ b/y.md\n@@ -2 +2 @@\n-q\n+r\n",
            "diff --git a/d.md b/d.md\ndeleted file mode 100644\n--- a/d.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n",
            "diff --git \"a/\\331\\202.md\" \"b/\\331\\202.md\"\n--- \"a/\\331\\202.md\"\n+++ \"b/\\331\\202.md\"\n@@ -1 +1 @@\n-s\n+t\n",
            "diff --git a/my file.md b/my file.md\n--- a/my file.md\t\n+++ b/my file.md\t\n@@ -5 +5 @@\n-u\n+v\n",
        );
        let changed = ChangedLines::parse(diff, &[base]).unwrap();
        assert_eq!(lines(&changed, "/base/n.md"), vec![1, 2, 3]);
        assert_eq!(lines(&changed, "/base/y.md"), vec![2]);
        assert!(!changed.touches(Path::new("/base/x.md")));
        assert!(!changed.touches(Path::new("/base/d.md")));
        assert_eq!(lines(&changed, "/base/ق.md"), vec![1]);
        assert_eq!(lines(&changed, "/base/my file.md"), vec![5]);
    }

    #[test]
    fn unquoting_follows_git() {
        assert_eq!(unquote("\"b/\\331\\202 \\\"x\\\".md\""), "b/ق \"x\".md");
        assert_eq!(unquote("b/plain.md"), "b/plain.md");
        assert_eq!(new_path("a/x", "b/x"), Some(PathBuf::from("x")));
        assert_eq!(new_path("old.md", "new.md"), Some(PathBuf::from("new.md")));
        assert_eq!(new_path("a/x", "/dev/null"), None);
    }
}
