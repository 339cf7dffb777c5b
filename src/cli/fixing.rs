//! Reporting what `--fix` does: the library plans and writes
//! ([`factlint::fix::fix_file`]); this prints each change and re-checks.

use std::io;

use factlint::finding::Severity;
use factlint::fix::{FileFix, FixMode, fix_file};
use factlint::report::{Checked, FileReport, Format};

use super::args::CheckArgs;
use super::{EXIT_CLEAN, EXIT_FINDINGS};

/// What `--fix` did.
pub(crate) enum FixRun {
    /// `--diff`: diffs printed, nothing written; whether there was any.
    Diffed(bool),
    /// Standard input: the fixed text printed, with this exit status.
    Stdin(u8),
    /// Files written (and re-checked); whether any could not be.
    Written {
        /// A file changed since it was checked, or could not be written.
        failed: bool,
    },
}

/// Applies the planned fixes of every checked file: prints diffs, prints
/// the fixed standard input, or writes files atomically and re-checks them
/// so that the report shows what is left.
pub(crate) fn apply_fixes(
    args: &CheckArgs,
    fail_on: Severity,
    reports: &mut [FileReport],
    check_text: &(dyn Fn(&str, String) -> Result<Checked, factlint::article::LoadError> + Sync),
) -> io::Result<FixRun> {
    let machine = args.format != Format::Human;
    let mut any_diff = false;
    let mut failed = false;
    let mut skipped_unsafe = 0;
    for report in reports.iter_mut() {
        let Ok(checked) = &report.outcome else {
            continue;
        };
        let mode = FixMode {
            allow_unsafe: args.unsafe_fixes,
            diff_only: args.diff,
            stdin: report.path == "-",
        };
        let text = &checked.article.text;
        let (outcome, skipped) = match fix_file(&report.path, text, &checked.findings, mode) {
            Ok(done) => done,
            Err(err) => {
                eprintln!("factlint: {}: cannot write the fixes: {err}", report.path);
                failed = true;
                continue;
            }
        };
        skipped_unsafe += skipped;
        match outcome {
            FileFix::Unchanged => {}
            FileFix::Diff(diff) => {
                any_diff = true;
                print!("{diff}");
            }
            FileFix::Text(fixed) => {
                print!("{fixed}");
                let remaining = check_text("-", fixed)
                    .map(|c| c.findings.iter().filter(|f| f.severity >= fail_on).count())
                    .unwrap_or(0);
                return Ok(FixRun::Stdin(if remaining > 0 {
                    EXIT_FINDINGS
                } else {
                    EXIT_CLEAN
                }));
            }
            FileFix::Written { edits, fixed } => {
                for edit in &edits {
                    let line = checked.article.position(edit.range.start).0;
                    let message = format!(
                        "fixed {}:{line}: {} «{}» → «{}»",
                        report.path,
                        edit.code,
                        &text[edit.range.clone()],
                        edit.replacement
                    );
                    if machine {
                        eprintln!("{message}");
                    } else {
                        println!("{message}");
                    }
                }
                report.outcome = check_text(&report.path, fixed);
            }
            FileFix::ChangedSinceChecked => {
                eprintln!(
                    "factlint: {}: changed since it was checked; not fixed",
                    report.path
                );
                failed = true;
            }
        }
    }
    if skipped_unsafe > 0 {
        eprintln!(
            "factlint: {skipped_unsafe} unsafe fix(es) not applied; --unsafe-fixes applies them"
        );
    }
    Ok(if args.diff {
        FixRun::Diffed(any_diff)
    } else {
        FixRun::Written { failed }
    })
}
