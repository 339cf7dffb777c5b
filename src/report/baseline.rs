//! Baselines: adopting factlint on an archive without touching published
//! text. `check --write-baseline FILE` records every current finding;
//! `check --baseline FILE` then reports only findings that are not in it.
//!
//! A finding is identified by its [`fingerprint`]: the path, the code, the
//! flagged words and which occurrence of that (code, words) pair in the
//! file it is. Lines are left out on purpose, so an edit above a recorded
//! finding does not bring it back; a second identical slip in the same file
//! is a new finding. The same identity is GitLab Code Quality's
//! `fingerprint`.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Checked, FileReport};

/// The baseline file's format version.
pub const VERSION: u32 = 1;

/// A stable identity for a finding, from the parts that name it: 32 hex
/// digits of SHA-256 over the parts, each ended by a NUL.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fingerprints of a checked file's findings, in finding order.
pub fn fingerprints(path: &str, checked: &Checked) -> Vec<String> {
    // How many findings with the same code and words came before: counted
    // in a map, so that an article with thousands of findings on the same
    // word costs no more per finding than one with a few.
    let mut seen: rustc_hash::FxHashMap<(&str, &str), usize> = Default::default();
    checked
        .findings
        .iter()
        .map(|finding| {
            let words = &checked.article.text[finding.range.clone()];
            let count = seen.entry((finding.code(), words)).or_default();
            let occurrence = *count;
            *count += 1;
            fingerprint(&[path, finding.code(), words, &occurrence.to_string()])
        })
        .collect()
}

/// One recorded finding. Code and path are kept beside the fingerprint so
/// that a reviewer can read what a baseline accepts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct Entry {
    path: String,
    code: String,
    fingerprint: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// A loaded baseline.
#[derive(Debug, Default)]
pub struct Baseline {
    fingerprints: HashSet<String>,
}

impl Baseline {
    /// Reads a baseline file, with an error that names it.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
        let file: File = serde_json::from_str(&text).map_err(|e| {
            format!(
                "the baseline {} is not a factlint baseline: {e} (line {}, column {})",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if file.version != VERSION {
            return Err(format!(
                "the baseline {} has version {}; this factlint reads version {VERSION}: write it again with --write-baseline",
                path.display(),
                file.version
            ));
        }
        Ok(Baseline {
            fingerprints: file.findings.into_iter().map(|e| e.fingerprint).collect(),
        })
    }

    /// Removes the findings the baseline records from the checked file at
    /// `path` and counts them in `baselined`.
    pub fn filter(&self, path: &str, checked: &mut Checked) {
        let prints = fingerprints(path, checked);
        let mut keep = prints.iter().map(|p| !self.fingerprints.contains(p));
        let before = checked.findings.len();
        checked.findings.retain(|_| keep.next().unwrap_or(true));
        checked.baselined += before - checked.findings.len();
    }
}

/// Writes a baseline of every finding of a run, atomically: a reader never
/// sees half a file.
pub fn write(path: &Path, reports: &[FileReport]) -> io::Result<usize> {
    let mut findings = Vec::new();
    for report in reports {
        if let Ok(checked) = &report.outcome {
            for (finding, fingerprint) in checked
                .findings
                .iter()
                .zip(fingerprints(&report.path, checked))
            {
                findings.push(Entry {
                    path: report.path.clone(),
                    code: finding.code().to_string(),
                    fingerprint,
                });
            }
        }
    }
    findings.sort_by(|a, b| {
        (&a.path, &a.code, &a.fingerprint).cmp(&(&b.path, &b.code, &b.fingerprint))
    });
    let count = findings.len();
    let mut text = serde_json::to_string_pretty(&File {
        version: VERSION,
        findings,
    })?;
    text.push('\n');
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    io::Write::write_all(&mut temp, text.as_bytes())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        let a = fingerprint(&["a.md", "typo/substitution", "teh", "0"]);
        assert_eq!(a, fingerprint(&["a.md", "typo/substitution", "teh", "0"]));
        assert_ne!(a, fingerprint(&["a.md", "typo/substitution", "teh", "1"]));
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_eq!(a.len(), 32);
    }
}
