//! The bad-input matrix: each case that once crashed a run, lost a file or
//! gave a wrong result without an error, with the exit status, the message
//! and, for fixes, the bytes on disk.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;

/// A fresh folder holding copies of the reference article.
fn workspace(names: &[&str]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let article = std::fs::read(root().join("fixtures/morocco-visit.ar.txt")).unwrap();
    let paths = names
        .iter()
        .map(|name| {
            let path = dir.path().join(name);
            std::fs::write(&path, &article).unwrap();
            path
        })
        .collect();
    (dir, paths)
}

fn reference() -> Vec<u8> {
    std::fs::read(root().join("fixtures/morocco-visit.ar.txt")).unwrap()
}

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    factlint_in(dir, args, None)
}

#[test]
fn fix_writes_through_a_symlink_to_its_target() {
    let (dir, _) = workspace(&["a.txt"]);
    std::os::unix::fs::symlink("a.txt", dir.path().join("link.txt")).unwrap();
    let output = run_in(dir.path(), &["check", "link.txt", "--fix", "--no-config"]);
    assert!(code(&output) < 2, "{}", stderr(&output));
    let link = std::fs::symlink_metadata(dir.path().join("link.txt")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let fixed = std::fs::read_to_string(dir.path().join("a.txt")).unwrap();
    assert!(fixed.contains("وكان المغرب") && !fixed.contains("وكانت المغرب"));
}

#[test]
fn fix_refuses_a_hard_linked_file_and_leaves_it_alone() {
    let (dir, paths) = workspace(&["a.txt"]);
    std::fs::hard_link(&paths[0], dir.path().join("b.txt")).unwrap();
    let output = run_in(dir.path(), &["check", "a.txt", "--fix", "--no-config"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("a.txt: cannot write the fixes: the file has 2 hard links"));
    assert_eq!(std::fs::read(&paths[0]).unwrap(), reference());
}

#[test]
fn fix_refuses_a_read_only_file_and_leaves_it_alone() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, paths) = workspace(&["a.txt"]);
    std::fs::set_permissions(&paths[0], std::fs::Permissions::from_mode(0o444)).unwrap();
    let output = run_in(dir.path(), &["check", "a.txt", "--fix", "--no-config"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("the file is read-only"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&paths[0]).unwrap(), reference());
    let mode = std::fs::metadata(&paths[0]).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}

#[test]
fn the_same_file_named_twice_is_checked_and_fixed_once() {
    let (dir, paths) = workspace(&["a.txt"]);
    let output = run_in(
        dir.path(),
        &[
            "check",
            "a.txt",
            "./a.txt",
            ".",
            "--fix",
            "--format",
            "json",
            "--no-config",
        ],
    );
    assert!(code(&output) < 2, "{}", stderr(&output));
    assert_eq!(json(&output)["summary"]["files"], 1);
    assert!(!stderr(&output).contains("changed since it was checked"));
    let fixed = std::fs::read_to_string(&paths[0]).unwrap();
    assert!(fixed.contains("وكان المغرب"));
}

#[test]
fn standard_input_and_files_are_fixed_together() {
    let (dir, paths) = workspace(&["b.txt"]);
    let output = factlint_in(
        dir.path(),
        &["check", "-", "b.txt", "--fix", "--no-config"],
        Some(&reference()),
    );
    assert!(code(&output) < 2, "{}", stderr(&output));
    // Standard output is the fixed article, and only that.
    let fixed_stdin = stdout(&output);
    assert!(fixed_stdin.starts_with("إسرائيل في حالة حرب"));
    assert!(fixed_stdin.contains("وكان المغرب"));
    assert_eq!(fixed_stdin.len(), reference().len() - "ت".len());
    // The file was fixed on disk, and the report went to standard error.
    assert!(
        std::fs::read_to_string(&paths[0])
            .unwrap()
            .contains("وكان المغرب")
    );
    assert!(stderr(&output).contains("fixed b.txt:24: grammar/agreement"));
}

#[test]
fn diff_alone_shows_the_fixes_and_writes_nothing() {
    let (dir, paths) = workspace(&["a.txt"]);
    let output = run_in(dir.path(), &["check", "a.txt", "--diff", "--no-config"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert!(stdout(&output).contains("-وحدث انفراج"));
    assert_eq!(std::fs::read(&paths[0]).unwrap(), reference());
    let unsafe_alone = run_in(dir.path(), &["check", "a.txt", "--unsafe-fixes"]);
    assert_eq!(code(&unsafe_alone), 2);
    assert!(stderr(&unsafe_alone).contains("--unsafe-fixes applies fixes"));
}

#[test]
fn a_closed_pipe_stops_fix_without_a_panic_and_only_fixed_files_are_reported() {
    let names: Vec<String> = (0..12).map(|i| format!("a{i:02}.txt")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (dir, paths) = workspace(&names);
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", ".", "--fix", "--no-config", "--color", "never"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, as `| head -1` does, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    let _ = std::io::Read::read(&mut stdout, &mut first);
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_ne!(output.status.code(), Some(101), "panicked: {err}");
    assert!(!err.contains("panicked"), "{err}");
    let reported = String::from_utf8_lossy(&first);
    for (name, path) in names.iter().zip(&paths) {
        if reported.contains(&format!("fixed ./{name}"))
            || reported.contains(&format!("fixed {name}"))
        {
            let text = std::fs::read_to_string(path).unwrap();
            assert!(
                text.contains("وكان المغرب"),
                "{name} reported fixed but is not"
            );
        }
    }
}

#[test]
fn huge_numbers_in_counters_and_durations_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("counter.txt"),
        "إسرائيل في حالة حرب - اليوم 4294967295\n\nعنوان الخبر هنا\n\nقال المتحدث في 22 فبراير 2023 إن الزيارة انتهت.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("duration.txt"),
        "Plant closes\n\nThe plant opened in 2000. Some 4294967295 years later, in 2020, it closed.\n",
    )
    .unwrap();
    let rules = root().join("rules/examples");
    let output = run_in(
        dir.path(),
        &[
            "check",
            ".",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "json",
            "--no-config",
        ],
    );
    assert!(code(&output) < 2, "{}", stderr(&output));
    let report = json(&output);
    for file in report["files"].as_array().unwrap() {
        assert!(file["error"].is_null(), "{file}");
        for finding in file["findings"].as_array().unwrap() {
            assert!(
                !finding["message"].as_str().unwrap().contains("1999"),
                "a wrapped amount: {finding}"
            );
        }
    }
}

/// A pack written as one flow-style line of 150 KB, with a mistake at its
/// end: the error shows the piece of the line around it, at the right
/// line and character column, where the whole line once made the
/// renderer panic.
#[test]
fn an_error_far_along_one_long_pack_line_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let typos: Vec<String> = (0..3000)
        .map(|i| format!("{{ id: t{i}, find: word{i}, replace: wordx{i} }}"))
        .collect();
    let yaml = format!(
        "typos: [{}, {{ id: bad, find: goverment, replace: government, oops: 1 }}]\n",
        typos.join(", ")
    );
    std::fs::write(dir.path().join("long.yaml"), &yaml).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Title\n\nBody text here.\n").unwrap();
    let output = run_in(
        dir.path(),
        &[
            "check",
            "a.txt",
            "--rules",
            "long.yaml",
            "--no-config",
            "--no-cache",
        ],
    );
    let err = stderr(&output);
    assert_eq!(code(&output), 2, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let column = yaml.find("oops").unwrap() + 1;
    assert!(err.contains(&format!("long.yaml:1:{column}]")), "{err}");
    assert!(err.contains("unknown field `oops`"), "{err}");
    let longest = err.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < 200, "a line of {longest} characters");
}

#[test]
fn configuration_values_out_of_range_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Title\n\nBody text here.\n").unwrap();
    for (yaml, message) in [
        (
            "hijri_tolerance_days: 100000000\n",
            "`hijri_tolerance_days: 100000000` is out of range",
        ),
        (
            "counter_tolerance_days: -1\n",
            "`counter_tolerance_days: -1` is out of range",
        ),
        (
            "severity: { typo/nmae: error }\n",
            "names `typo/nmae`, which matches no finding",
        ),
    ] {
        std::fs::write(dir.path().join("factlint.yaml"), yaml).unwrap();
        let output = run_in(dir.path(), &["check", "a.txt"]);
        assert_eq!(code(&output), 2, "{yaml}");
        let err = stderr(&output);
        assert!(err.contains(message), "{yaml}: {err}");
        assert!(err.contains("factlint.yaml:1:"), "{yaml}: {err}");
        assert!(
            err.contains("factlint::config::invalid-value"),
            "{yaml}: {err}"
        );
    }
}

#[test]
fn files_over_the_size_limit_are_refused_with_a_message() {
    let (dir, _) = workspace(&["a.txt", "b.txt"]);
    let output = run_in(
        dir.path(),
        &[
            "check",
            "a.txt",
            "b.txt",
            "--max-file-size",
            "1K",
            "--no-config",
        ],
    );
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).contains("a.txt: larger than the 1024-byte limit; not checked"));
    let zero = run_in(
        dir.path(),
        &[
            "check",
            "/dev/zero",
            "--max-file-size",
            "64K",
            "--no-config",
        ],
    );
    assert_eq!(code(&zero), 2);
    assert!(stdout(&zero).contains("larger than the 65536-byte limit"));
    let bad = run_in(dir.path(), &["check", "a.txt", "--max-file-size", "ten"]);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("`ten` is not a size"));
}

#[test]
fn statistics_follow_the_format() {
    let output = factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--statistics",
        "--format",
        "json",
    ]);
    let report = json(&output);
    assert_eq!(report["version"], 2);
    assert!(
        report["statistics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|row| row["code"] == "grammar/agreement")
    );
    assert_eq!(report["summary"]["files"], 1);
    let sarif = factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--statistics",
        "--format",
        "sarif",
    ]);
    assert_eq!(code(&sarif), 2);
    assert!(stderr(&sarif).contains("--statistics prints a table"));
}

#[test]
fn sarif_uris_are_percent_encoded() {
    let dir = tempfile::tempdir().unwrap();
    let name = "مقال 100% #1.txt";
    std::fs::write(dir.path().join(name), reference()).unwrap();
    let output = run_in(
        dir.path(),
        &["check", name, "--format", "sarif", "--no-config"],
    );
    let report = json(&output);
    let uri = report["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(uri.starts_with("%D9%85"), "{uri}");
    assert!(uri.contains("%20100%25%20%231.txt"), "{uri}");
}

#[test]
fn a_byte_order_mark_does_not_hide_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "\u{FEFF}---\ndate: 2024-03-12\n---\n\n# Title\n\nMinisters met on Monday.\n",
    )
    .unwrap();
    let output = run_in(
        dir.path(),
        &["check", "a.md", "--format", "json", "--no-config"],
    );
    let file = &json(&output)["files"][0];
    assert_eq!(file["reference_date"]["source"], "front_matter", "{file}");
    assert_eq!(file["reference_date"]["date"], "2024-03-12");
}

#[test]
fn front_matter_after_a_blank_line_is_read_and_one_left_open_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("blank.md"),
        "---\n\ntitle: Talks\ndate: 2024-03-12\n---\n\nMinisters met on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("open.md"),
        "---\ntitle: Talks\ndate: 2024-03-12\n\nMinisters met on Monday.\n",
    )
    .unwrap();
    let output = run_in(
        dir.path(),
        &[
            "check",
            "blank.md",
            "open.md",
            "--format",
            "json",
            "--no-config",
        ],
    );
    // The open front matter is an error; the other file is still checked.
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    let files = json(&output)["files"].clone();
    let blank = files
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "blank.md")
        .unwrap();
    assert_eq!(blank["reference_date"]["source"], "front_matter", "{blank}");
    assert_eq!(blank["reference_date"]["date"], "2024-03-12");
    let open = files
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "open.md")
        .unwrap();
    let error = open["error"].to_string();
    assert!(
        error.contains("open.md:1:1") && error.contains("not closed"),
        "{error}"
    );
}

#[test]
fn lone_carriage_returns_separate_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = String::from_utf8(reference()).unwrap().replace('\n', "\r");
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let output = run_in(
        dir.path(),
        &["check", "a.txt", "--format", "json", "--no-config"],
    );
    let findings = json(&output)["files"][0]["findings"].clone();
    let lines: Vec<u64> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["span"]["line"].as_u64().unwrap())
        .collect();
    assert!(lines.contains(&24), "{lines:?}");
}

/// A file name that is not UTF-8 (byte 0xFF) is found in a folder and
/// named on the command line, reported under a lossy name in valid JSON,
/// and read and fixed by its own bytes.
#[test]
fn a_file_name_that_is_not_utf8_is_checked_and_fixed() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = OsStr::from_bytes(b"caf\xff.txt");
    let path = dir.path().join(name);
    std::fs::write(&path, "Headline\n\nThe goverment met.\n").unwrap();
    let run = |args: &[&OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(args)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    for target in [OsStr::new("."), name] {
        let output = run(&[
            OsStr::new("check"),
            target,
            OsStr::new("--no-config"),
            OsStr::new("--format"),
            OsStr::new("json"),
        ]);
        assert_eq!(code(&output), 1, "{}", stderr(&output));
        let report = json(&output);
        let file = &report["files"][0];
        assert!(
            file["path"].as_str().unwrap().ends_with("caf\u{FFFD}.txt"),
            "{file}"
        );
        assert_eq!(file["findings"][0]["code"], "typo/substitution");
    }
    let output = run(&[
        OsStr::new("check"),
        OsStr::new("."),
        OsStr::new("--fix"),
        OsStr::new("--no-config"),
    ]);
    assert!(code(&output) < 2, "{}", stderr(&output));
    assert!(
        stdout(&output).contains("fixed ./caf\u{FFFD}.txt:3:"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"Headline\n\nThe government met.\n"
    );
}

/// The local findings of one article: code, offset and length.
fn local_findings(file: &serde_json::Value) -> Vec<(String, u64, u64)> {
    file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "typo/confusable" || f["code"] == "grammar/agreement")
        .map(|f| {
            let span = &f["span"];
            let (start, end) = (
                span["start"].as_u64().unwrap(),
                span["end"].as_u64().unwrap(),
            );
            (f["code"].as_str().unwrap().to_owned(), start, end - start)
        })
        .collect()
}

/// An article over a mebibyte is checked in windows and its JSON is
/// streamed: the output is still one valid document, every paragraph is
/// listed, and a finding that depends only on its sentence is found in
/// every copy of the text, at the same place in each.
#[test]
fn a_very_long_article_is_checked_whole_in_windows() {
    let mut one = reference();
    one.extend_from_slice(b"\n\n");
    let copies = (1 << 20) / one.len() + 3;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.txt"), &one).unwrap();
    std::fs::write(dir.path().join("long.txt"), one.repeat(copies)).unwrap();
    let args = ["--format", "json", "--no-config", "--no-cache"];
    let single = json(&run_in(
        dir.path(),
        &[&["check", "one.txt"][..], &args].concat(),
    ));
    let long_run = run_in(dir.path(), &[&["check", "long.txt"][..], &args].concat());
    assert_eq!(code(&long_run), 1, "{}", stderr(&long_run));
    let long = json(&long_run);
    let (single, long) = (&single["files"][0], &long["files"][0]);
    assert_eq!(
        long["sections"].as_array().unwrap().len(),
        copies * single["sections"].as_array().unwrap().len()
    );
    let expected = local_findings(single);
    assert!(!expected.is_empty());
    let found = local_findings(long);
    assert_eq!(found.len(), copies * expected.len());
    let size = one.len() as u64;
    for (i, (code, start, len)) in found.iter().enumerate() {
        let (want_code, want_start, want_len) = &expected[i % expected.len()];
        assert_eq!(
            (code, start % size, len),
            (want_code, *want_start, want_len),
            "finding {i}"
        );
        assert_eq!(start / size, (i / expected.len()) as u64, "finding {i}");
    }
}
