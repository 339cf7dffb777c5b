//! Headless Chromium for the tests that look at HTML as a browser lays it
//! out. Chromium comes from Debian's `chromium` package (`.ci/run`
//! installs it); without it a local run skips those tests and says so,
//! while CI (`CI=true`) fails.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Chromium binary on `PATH`, if any.
fn find() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Chromium, or `None` after printing why the test is skipped. Panics in
/// CI, where a missing browser is a broken setup, not a reason to skip.
pub fn require() -> Option<PathBuf> {
    match find() {
        Some(path) => Some(path),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("Chromium is not installed; .ci/run installs Debian's `chromium` package")
        }
        None => {
            // Written to the stderr handle, which the test harness does not
            // capture, so that the skip shows without `--nocapture`.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: Chromium is not installed (apt-get install chromium); the browser checks of the HTML report did not run"
            );
            None
        }
    }
}

fn base(chromium: &Path, profile: &Path) -> Command {
    let mut command = Command::new(chromium);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// Loads a file and returns the DOM after its scripts ran.
pub fn dump_dom(chromium: &Path, file: &Path) -> String {
    let profile = tempfile::tempdir().expect("a temporary profile");
    let output = base(chromium, profile.path())
        .arg("--virtual-time-budget=5000")
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the DOM is UTF-8")
}

/// Takes a screenshot of a file at a window size.
pub fn screenshot(chromium: &Path, file: &Path, png: &Path, width: u32, height: u32) {
    let profile = tempfile::tempdir().expect("a temporary profile");
    let output = base(chromium, profile.path())
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success() && png.is_file(),
        "chromium failed to take a screenshot: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Whether this run should (re)write the committed screenshots.
pub fn update_screenshots() -> bool {
    std::env::var("FACTLINT_SCREENSHOTS").is_ok_and(|v| v == "1")
}
