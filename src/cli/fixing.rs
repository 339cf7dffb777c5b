//! Reporting what `--fix` does: the library plans and writes
//! ([`factlint::fix::fix_file`]); this prints each change and re-checks.

use std::io::{self, Write};

use factlint::fix::{FileFix, FixMode, fix_file};
use factlint::report::{Checked, FileReport, Format};

use super::args::CheckArgs;

/// What `--fix` did.
pub(crate) enum FixRun {
    /// `--diff`: diffs printed, nothing written; whether there was any.
    Diffed(bool),
    /// Files written (and re-checked), standard input's fixed text printed.
    Written {
        /// A file changed since it was checked, or could not be written.
        failed: bool,
        /// Standard input was among the articles: its fixed text went to
        /// standard output, so the report must go elsewhere.
        stdin: bool,
    },
}

/// Applies the planned fixes of every checked file: prints diffs, prints
/// the fixed standard input, or writes files atomically and re-checks them
/// so that the report shows what is left. Every line goes through `?`, so a
/// closed pipe stops the run cleanly: a file is reported as fixed only
/// after it was written.
pub(crate) fn apply_fixes(
    args: &CheckArgs,
    reports: &mut [FileReport],
    check_text: &(
         dyn Fn(&std::path::Path, &str, String) -> Result<Checked, factlint::article::LoadError>
             + Sync
     ),
) -> io::Result<FixRun> {
    let stdin = reports.iter().any(|r| r.path == "-");
    // Fix messages go to stderr when stdout carries a machine format or the
    // fixed standard input.
    let messages_to_stderr = args.format != Format::Human || stdin;
    let mut out = io::stdout().lock();
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
        let (outcome, skipped) =
            match fix_file(&report.file, &report.path, text, &checked.findings, mode) {
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
                write!(out, "{diff}")?;
            }
            FileFix::Text(fixed) => {
                write!(out, "{fixed}")?;
                out.flush()?;
                // What is left counts towards the exit status.
                report.outcome = check_text(std::path::Path::new("-"), "-", fixed);
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
                    if messages_to_stderr {
                        writeln!(io::stderr(), "{message}")?;
                    } else {
                        writeln!(out, "{message}")?;
                    }
                }
                report.outcome = check_text(&report.file, &report.path, fixed);
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
    out.flush()?;
    if skipped_unsafe > 0 {
        eprintln!(
            "factlint: {skipped_unsafe} unsafe fix(es) not applied; --unsafe-fixes applies them"
        );
    }
    Ok(if args.diff {
        FixRun::Diffed(any_diff)
    } else {
        FixRun::Written { failed, stdin }
    })
}
