//! Reporting what `--fix` does: the library plans and writes
//! ([`factlint::fix::fix_file`]); this prints each change and re-checks.

use std::io::{self, Write};

use factlint::article::LoadError;
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
    },
}

/// Applies the planned fixes file by file, as the files come out of the
/// checker: prints diffs, prints the fixed standard input, or writes files
/// atomically and re-checks them so that the report shows what is left.
/// Every line goes through `?`, so a closed pipe stops the run cleanly: a
/// file is reported as fixed only after it was written.
pub(crate) struct Fixer<'a> {
    args: &'a CheckArgs,
    /// Fix messages go to stderr when stdout carries a machine format or
    /// the fixed standard input.
    messages_to_stderr: bool,
    any_diff: bool,
    failed: bool,
    skipped_unsafe: usize,
}

impl<'a> Fixer<'a> {
    /// A fixer for a run; `stdin` says whether standard input is among the
    /// articles.
    pub(crate) fn new(args: &'a CheckArgs, stdin: bool) -> Fixer<'a> {
        Fixer {
            args,
            messages_to_stderr: args.format != Format::Human || stdin,
            any_diff: false,
            failed: false,
            skipped_unsafe: 0,
        }
    }

    /// Fixes one checked file and replaces its outcome with the re-check.
    pub(crate) fn file(
        &mut self,
        report: &mut FileReport,
        stdin: bool,
        check_text: &dyn Fn(&std::path::Path, &str, String) -> Result<Checked, LoadError>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let Ok(checked) = &report.outcome else {
            return Ok(());
        };
        let mode = FixMode {
            allow_unsafe: self.args.unsafe_fixes,
            diff_only: self.args.diff,
            stdin,
        };
        let text = &checked.article.text;
        let (outcome, skipped) =
            match fix_file(&report.file, &report.path, text, &checked.findings, mode) {
                Ok(done) => done,
                Err(err) => {
                    eprintln!("factlint: {}: cannot write the fixes: {err}", report.path);
                    self.failed = true;
                    return Ok(());
                }
            };
        self.skipped_unsafe += skipped;
        match outcome {
            FileFix::Unchanged => {}
            FileFix::Diff(diff) => {
                self.any_diff = true;
                write!(out, "{diff}")?;
            }
            FileFix::Text(fixed) => {
                write!(out, "{fixed}")?;
                out.flush()?;
                // What is left counts towards the exit status.
                report.outcome = check_text(&report.file, &report.path, fixed);
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
                    if self.messages_to_stderr {
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
                self.failed = true;
            }
        }
        Ok(())
    }

    /// Says how many unsafe fixes were left, and what the run did.
    pub(crate) fn finish(self, out: &mut dyn Write) -> io::Result<FixRun> {
        out.flush()?;
        if self.skipped_unsafe > 0 {
            eprintln!(
                "factlint: {} unsafe fix(es) not applied; --unsafe-fixes applies them",
                self.skipped_unsafe
            );
        }
        Ok(if self.args.diff {
            FixRun::Diffed(self.any_diff)
        } else {
            FixRun::Written {
                failed: self.failed,
            }
        })
    }
}
