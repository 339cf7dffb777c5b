//! Applying fixes: choosing which edits to make, making them, and writing
//! the file back without ever corrupting or truncating it.
//!
//! Only `safe` fixes are applied unless unsafe ones are asked for;
//! display-only suggestions never are. Overlapping edits are never both
//! applied: the first in the file wins, and the next run picks up what is
//! left. Writing re-reads the file and leaves it alone if it changed since
//! it was checked, then writes a temporary file in the same folder, flushes
//! and syncs it, gives it the original's permissions and renames it over
//! the original, so an interrupted run leaves either the old file or the
//! new one.

use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;

use crate::finding::{Applicability, Finding};

/// One replacement in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced.
    pub range: Range<usize>,
    /// What replaces them.
    pub replacement: String,
    /// The code of the finding the edit fixes.
    pub code: &'static str,
}

/// The edits to make for a set of findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Edits in file order, not overlapping.
    pub edits: Vec<Edit>,
    /// Fixes left out because they need `--unsafe-fixes`.
    pub unsafe_skipped: usize,
    /// Fixes left out because they overlap an edit already planned.
    pub overlapping: usize,
}

/// Chooses the edits to make: safe fixes (and unsafe ones if `allow_unsafe`),
/// no two overlapping, none that changes nothing.
pub fn plan(findings: &[Finding], allow_unsafe: bool) -> Plan {
    let mut candidates: Vec<Edit> = Vec::new();
    let mut plan = Plan::default();
    for finding in findings {
        let Some(fix) = &finding.fix else { continue };
        match fix.applicability {
            Applicability::Safe => {}
            Applicability::Unsafe if allow_unsafe => {}
            Applicability::Unsafe => {
                plan.unsafe_skipped += 1;
                continue;
            }
            Applicability::DisplayOnly => continue,
        }
        candidates.push(Edit {
            range: finding.range.clone(),
            replacement: fix.replacement.clone(),
            code: finding.code(),
        });
    }
    candidates.sort_by_key(|e| (e.range.start, e.range.end));
    candidates.dedup();
    for edit in candidates {
        let overlaps = plan
            .edits
            .last()
            .is_some_and(|last| edit.range.start < last.range.end);
        if overlaps {
            plan.overlapping += 1;
        } else {
            plan.edits.push(edit);
        }
    }
    plan
}

/// The text with the edits made (edits in file order, not overlapping).
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// What writing a fixed file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file now holds the fixed text.
    Fixed,
    /// The file changed since it was checked; it was left alone.
    ChangedSinceChecked,
}

/// Replaces the file at `path`, which held `checked` when it was checked,
/// with `fixed`, atomically (see the module documentation). A symbolic link
/// is followed and its target rewritten, so the link stays a link; the
/// target keeps its permissions and, on Unix, its owner and group. A
/// read-only file and a file with other hard links are refused with an
/// error that says so: a rename would write what the user could not, or
/// split the links. The file is compared with `checked` before the
/// temporary copy is written and again just before the rename.
pub fn write_atomically(path: &Path, checked: &str, fixed: &str) -> io::Result<Written> {
    let target = std::fs::canonicalize(path)?;
    if std::fs::read(&target)? != checked.as_bytes() {
        return Ok(Written::ChangedSinceChecked);
    }
    let metadata = std::fs::metadata(&target)?;
    if metadata.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; factlint does not fix a file that could not be edited",
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.nlink() > 1 {
            return Err(io::Error::other(format!(
                "the file has {} hard links; replacing it would split them, so fix it through one name by hand",
                metadata.nlink()
            )));
        }
    }
    let folder = target.parent().unwrap_or(Path::new("."));
    let mut temporary = tempfile::Builder::new()
        .prefix(".factlint-fix-")
        .tempfile_in(folder)?;
    temporary.write_all(fixed.as_bytes())?;
    temporary.flush()?;
    temporary.as_file().sync_all()?;
    std::fs::set_permissions(temporary.path(), metadata.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let created = temporary.as_file().metadata()?;
        if (created.uid(), created.gid()) != (metadata.uid(), metadata.gid()) {
            std::os::unix::fs::fchown(
                temporary.as_file(),
                Some(metadata.uid()),
                Some(metadata.gid()),
            )
            .map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("cannot keep the file's owner and group ({e}); not fixed"),
                )
            })?;
        }
    }
    // An editor may have saved the file while the copy was being written.
    if std::fs::read(&target)? != checked.as_bytes() {
        return Ok(Written::ChangedSinceChecked);
    }
    temporary.persist(&target).map_err(|e| e.error)?;
    Ok(Written::Fixed)
}

/// What `--fix` is asked to do.
#[derive(Debug, Clone, Copy, Default)]
pub struct FixMode {
    /// Apply unsafe fixes too (`--unsafe-fixes`).
    pub allow_unsafe: bool,
    /// Make a diff and write nothing (`--diff`).
    pub diff_only: bool,
    /// The text came from standard input: hand back the fixed text.
    pub stdin: bool,
}

/// What fixing one checked file did; the caller reports it.
#[derive(Debug)]
pub enum FileFix {
    /// There was nothing to fix.
    Unchanged,
    /// `--diff`: the unified diff; nothing was written.
    Diff(String),
    /// Standard input: the fixed text; nothing was written.
    Text(String),
    /// The file now holds `fixed`, made by `edits`.
    Written {
        /// The edits made, in file order.
        edits: Vec<Edit>,
        /// The new text, to check again.
        fixed: String,
    },
    /// The file changed since it was checked and was left alone.
    ChangedSinceChecked,
}

/// Plans and makes the fixes of one checked file (`text` as it was
/// checked; `file` on disk, `path` its name in the diff): a diff, the fixed
/// standard input, or an atomic write. Returns
/// what happened and how many unsafe fixes were left out.
pub fn fix_file(
    file: &Path,
    path: &str,
    text: &str,
    findings: &[Finding],
    mode: FixMode,
) -> io::Result<(FileFix, usize)> {
    let plan = plan(findings, mode.allow_unsafe);
    let skipped = plan.unsafe_skipped;
    let fixed = apply(text, &plan.edits);
    let outcome = if mode.diff_only {
        if plan.edits.is_empty() {
            FileFix::Unchanged
        } else {
            FileFix::Diff(unified_diff(path, text, &fixed))
        }
    } else if mode.stdin {
        FileFix::Text(fixed)
    } else if plan.edits.is_empty() {
        FileFix::Unchanged
    } else {
        match write_atomically(file, text, &fixed)? {
            Written::Fixed => FileFix::Written {
                edits: plan.edits,
                fixed,
            },
            Written::ChangedSinceChecked => FileFix::ChangedSinceChecked,
        }
    };
    Ok((outcome, skipped))
}

/// A unified diff of a fix, for `--fix --diff`.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    let (old, new) = if path.starts_with('/') {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(1)
        .header(&old, &new)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Format, LoadOptions};
    use crate::checks::{CheckOptions, run_all};
    use crate::rules::RuleSet;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn rules() -> &'static RuleSet {
        static RULES: OnceLock<RuleSet> = OnceLock::new();
        RULES.get_or_init(|| RuleSet::bundled().expect("bundled packs are valid"))
    }

    /// Words, typos, markup and punctuation that articles and their
    /// markup are made of, for texts that exercise fixes.
    const PIECES: &[&str] = &[
        "the",
        "The",
        "goverment",
        "recieve",
        "Britian",
        "GURANTEE",
        "met",
        "said",
        "سلاح الجوي",
        "وكانت المغرب",
        "بعد",
        "الوزير",
        "قال",
        "٢٠٢٣",
        "2023",
        "March 3",
        "<i>",
        "</i>",
        "<b>",
        "</p>",
        "<p>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<img alt=\"teh\">",
        "&shy;",
        "\u{AD}",
        "*",
        "**",
        "`",
        "```",
        "[",
        "](http://x/teh)",
        "---",
        "title: x",
        "\u{FEFF}",
        "“",
        "”",
        "«",
        "»",
        "\"",
        ".",
        ",",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r",
        "# ",
        "- ",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(192))]
        /// Safe fixes on any mix of words and markup keep the text valid
        /// and touch no markup, and a second pass over the fixed text never
        /// edits what the first one wrote (a fix can make another finding
        /// visible, «قال Britain» after «Britian», but is never redone or
        /// undone).
        #[test]
        fn safe_fixes_touch_only_text_and_settle(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40),
            format in prop_oneof![Just(Format::Text), Just(Format::Markdown), Just(Format::Html)],
        ) {
            let text: String = pieces.concat();
            let options = LoadOptions { format: Some(format), ..LoadOptions::default() };
            let fix = |text: &str| -> Option<Plan> {
                let mut article = Article::load("t", text.to_string(), &options).ok()?;
                let findings = run_all(&mut article, rules(), &CheckOptions::default());
                let plan = plan(&findings, false);
                for edit in &plan.edits {
                    assert!(!crate::article::markup::overlaps(&article.markup, &edit.range));
                }
                Some(plan)
            };
            if let Some(first) = fix(&text) {
                let once = apply(&text, &first.edits);
                // Where the first pass's replacements lie in the fixed text.
                let mut shift = 0isize;
                let written: Vec<Range<usize>> = first.edits.iter().map(|e| {
                    let start = (e.range.start as isize + shift) as usize;
                    shift += e.replacement.len() as isize - e.range.len() as isize;
                    start..start + e.replacement.len()
                }).collect();
                let second = fix(&once).expect("fixed text loads");
                for edit in &second.edits {
                    prop_assert!(
                        !written.iter().any(|w| w.start < edit.range.end && edit.range.start < w.end),
                        "{:?} edits what the first pass wrote in {:?}", edit, once
                    );
                }
            }
        }
    }

    fn finding(range: Range<usize>, replacement: &str, applicability: Applicability) -> Finding {
        Finding::new(&crate::checks::typo::substitution::CODE, range, "x")
            .with_fix(replacement, applicability)
    }

    #[test]
    fn overlapping_and_unsafe_fixes_are_left_out() {
        let findings = vec![
            finding(0..3, "one", Applicability::Safe),
            finding(2..5, "two", Applicability::Safe),
            finding(6..8, "three", Applicability::Unsafe),
            finding(9..10, "four", Applicability::DisplayOnly),
        ];
        let plan = plan(&findings, false);
        assert_eq!(plan.edits.len(), 1);
        assert_eq!((plan.overlapping, plan.unsafe_skipped), (1, 1));
        assert_eq!(super::plan(&findings, true).edits.len(), 2);
    }

    #[test]
    fn edits_apply_in_order() {
        let edits = vec![
            Edit {
                range: 0..3,
                replacement: "The".into(),
                code: "x",
            },
            Edit {
                range: 8..11,
                replacement: "met".into(),
                code: "x",
            },
        ];
        assert_eq!(apply("teh man mte her", &edits), "The man met her");
    }

    #[test]
    fn a_file_changed_since_it_was_checked_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "edited meanwhile").unwrap();
        assert_eq!(
            write_atomically(&path, "as checked", "fixed").unwrap(),
            Written::ChangedSinceChecked
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited meanwhile");
    }

    #[cfg(unix)]
    #[test]
    fn writing_keeps_permissions_and_leaves_no_temporary_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "teh").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        assert_eq!(
            write_atomically(&path, "teh", "the").unwrap(),
            Written::Fixed
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "the");
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
