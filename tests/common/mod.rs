//! Helpers shared by the integration tests: run the real binary.
#![allow(dead_code)]

pub mod chromium;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// The repository root (tests run the binary from there).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `factlint ARGS` in the repository root.
pub fn factlint(args: &[&str]) -> Output {
    factlint_in(&root(), args, None)
}

/// Starts `factlint ARGS` in `dir` with its three streams piped, for a
/// test that talks to it while it runs.
pub fn spawn_in(dir: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint runs")
}

/// Runs `factlint ARGS` in `dir`, feeding `stdin` if given.
pub fn factlint_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = spawn_in(dir, args);
    {
        let mut input = child.stdin.take().expect("stdin is piped");
        if let Some(bytes) = stdin {
            // A run that stops on an early error (a missing repository, a
            // bad option) may exit before it reads its input: the pipe is
            // then closed, and the output is what the test looks at.
            match input.write_all(bytes) {
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {}
                written => written.expect("stdin accepts input"),
            }
        }
    }
    child.wait_with_output().expect("factlint finishes")
}

/// Stdout as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// Stderr as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Parses stdout as the JSON report.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            stdout(output),
            stderr(output)
        )
    })
}

/// The exit status code.
pub fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}
