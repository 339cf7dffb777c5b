//! JSONL records in and out, `--stdin-filename`, streaming order and the
//! result cache, through the real binary.

mod common;

use common::{code, factlint_in, root, stderr, stdout};
use serde_json::{Value, json};

/// The fixture articles (every format), as (path, text).
fn articles() -> Vec<(String, String)> {
    let mut paths: Vec<String> = std::fs::read_dir(root().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            [".txt", ".md", ".html"]
                .iter()
                .any(|ext| name.ends_with(ext))
        })
        .map(|name| format!("fixtures/{name}"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(root().join(&path)).unwrap();
            (path, text)
        })
        .collect()
}

fn lines(output: &std::process::Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// What a finding line says, without where it came from.
fn finding(line: &Value) -> Value {
    json!([
        line["code"],
        line["span"],
        line["message"],
        line["severity"]
    ])
}

#[test]
fn records_give_the_same_findings_as_files() {
    let articles = articles();
    assert!(articles.len() >= 8);
    let mut input = String::new();
    for (path, text) in &articles {
        let format = if path.ends_with(".md") {
            "markdown"
        } else if path.ends_with(".html") {
            "html"
        } else {
            "text"
        };
        let record = json!({ "id": path, "text": text, "format": format });
        input.push_str(&format!("{record}\n"));
    }
    let paths: Vec<&str> = articles.iter().map(|(p, _)| p.as_str()).collect();
    let mut args = vec!["check", "--no-config", "--no-cache", "--format", "jsonl"];
    args.extend(&paths);
    let as_files = lines(&factlint_in(&root(), &args, None));
    let as_records = lines(&factlint_in(
        &root(),
        &[
            "check",
            "--no-config",
            "--format",
            "jsonl",
            "--input-format",
            "jsonl",
            "-",
        ],
        Some(input.as_bytes()),
    ));
    assert_eq!(as_files.len(), as_records.len());
    let mut with_findings = 0;
    for (file, record) in as_files.iter().zip(&as_records) {
        assert_eq!(record["version"], 2);
        assert_eq!(record["id"], file["path"]);
        assert_eq!(record["reference_date"], file["reference_date"]);
        assert_eq!(finding(record), finding(file));
        with_findings += usize::from(!record["code"].is_null());
    }
    assert!(with_findings >= 20, "{with_findings}");
}

#[test]
fn a_bad_record_is_reported_and_the_run_goes_on() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"The minister spoke.\\n\", \"date\": \"2023-02-24\"}\n",
        "{not json\n",
        "\n",
        "{\"id\": \"c\", \"text\": \"x\", \"lang\": \"fr\"}\n",
        "{\"id\": 4, \"text\": \"Another clean line.\\n\", \"lang\": \"en\"}\n",
    );
    let output = factlint_in(
        &root(),
        &[
            "check",
            "--no-config",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "-",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    let lines = lines(&output);
    assert_eq!(lines.len(), 4, "{lines:?}");
    // A clean record still comes back, with its id and reference date.
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["reference_date"]["date"], "2023-02-24");
    assert!(lines[0]["code"].is_null() && lines[0]["error"].is_null());
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("-:2:1"));
    assert_eq!(lines[2]["id"], "c");
    assert!(lines[2]["error"].as_str().unwrap().contains("`lang`"));
    assert_eq!(lines[3]["id"], "4");
    assert_eq!(lines[3]["line"], 5);
    assert!(stderr(&output).contains("-:2:1"));
}

#[test]
fn json_output_of_records_names_them() {
    let input = "{\"id\": \"r1\", \"text\": \"Text.\\n\"}\n";
    let output = factlint_in(
        &root(),
        &[
            "check",
            "--no-config",
            "--input-format",
            "jsonl",
            "--format",
            "json",
            "-",
        ],
        Some(input.as_bytes()),
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["version"], 2);
    assert_eq!(report["files"][0]["id"], "r1");
    assert_eq!(report["files"][0]["line"], 1);
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn stdin_filename_names_the_article_and_matches_globs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("factlint.yaml"),
        "files:\n  \"wires/**\": { lang: ar }\n",
    )
    .unwrap();
    let run = |name: &str| {
        let output = factlint_in(
            dir.path(),
            &["check", "-", "--stdin-filename", name, "--format", "json"],
            Some(b"Plain words.\n"),
        );
        serde_json::from_slice::<Value>(&output.stdout).unwrap()
    };
    let wire = run("wires/a.md");
    assert_eq!(wire["files"][0]["path"], "wires/a.md");
    assert_eq!(wire["files"][0]["language"], "ar");
    assert_eq!(wire["files"][0]["format"], "markdown");
    let other = run("desk/a.txt");
    assert_eq!(other["files"][0]["language"], "en");
}

#[test]
fn output_keeps_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for i in 0..60 {
        let name = format!("a{i:03}.txt");
        let text = if i % 3 == 0 {
            "Born in 1990, she is 20 years old, on Monday 1 March 2024.\n".repeat(i + 1)
        } else {
            "A clean line.\n".to_string()
        };
        std::fs::write(dir.path().join(&name), text).unwrap();
        names.push(name);
    }
    let output = factlint_in(
        dir.path(),
        &[
            "check",
            ".",
            "--no-config",
            "--no-cache",
            "--format",
            "jsonl",
        ],
        None,
    );
    let mut seen: Vec<String> = Vec::new();
    for line in lines(&output) {
        let path = line["path"]
            .as_str()
            .unwrap()
            .trim_start_matches("./")
            .to_string();
        if seen.last() != Some(&path) {
            seen.push(path);
        }
    }
    assert_eq!(seen, names);
}

/// Runs a check with the cache in `cache`.
fn cached(dir: &std::path::Path, cache: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "a.txt", "b.txt", "--no-config", "--format", "json"];
    args.extend([
        "--no-default-rules",
        "--rules",
        "house.yaml",
        "--cache-dir",
        cache,
    ]);
    args.extend(extra);
    factlint_in(dir, &args, None)
}

#[test]
fn the_cache_serves_identical_output_and_never_a_stale_one() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("a.txt"), "We saw the reprot today.\n").unwrap();
    std::fs::write(p.join("b.txt"), "Nothing to see.\n").unwrap();
    std::fs::write(
        p.join("house.yaml"),
        "typos:\n  - { find: reprot, replace: report }\n",
    )
    .unwrap();
    let cache = p.join("cache");
    let cache = cache.to_str().unwrap();
    let first = cached(p, cache, &[]);
    let uncached = cached(p, cache, &["--no-cache"]);
    let second = cached(p, cache, &[]);
    assert_eq!(stdout(&first), stdout(&uncached));
    assert_eq!(stdout(&first), stdout(&second));
    assert_eq!(code(&first), code(&second));
    assert!(stdout(&first).contains("typo/substitution"));
    assert!(std::path::Path::new(cache).join("CACHEDIR.TAG").exists());

    // The second run read the entries: altering them shows in its output.
    // One fingerprint, one file, holding both entries.
    let files: Vec<_> = std::fs::read_dir(std::path::Path::new(cache).join("v2"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let mut bytes = std::fs::read(&files[0]).unwrap();
    let mut altered = 0;
    for at in 0..bytes.len().saturating_sub(5) {
        if &bytes[at..at + 6] == b"reprot" {
            bytes[at..at + 6].copy_from_slice(b"REPROT");
            altered += 1;
        }
    }
    assert!(altered > 0);
    std::fs::write(&files[0], bytes).unwrap();
    assert!(stdout(&cached(p, cache, &[])).contains("REPROT"));

    // A changed option, pack or file is checked again.
    let selected = cached(p, cache, &["--select", "date"]);
    assert!(!stdout(&selected).contains("typo/substitution"));
    std::fs::write(
        p.join("house.yaml"),
        "typos:\n  - { find: today, replace: now }\n",
    )
    .unwrap();
    let repacked = stdout(&cached(p, cache, &[]));
    assert!(
        !repacked.contains("reprot") && !repacked.contains("REPROT"),
        "{repacked}"
    );
    assert!(repacked.contains("today"));
    std::fs::write(p.join("a.txt"), "We saw it today and today.\n").unwrap();
    let changed = stdout(&cached(p, cache, &[]));
    assert!(changed.contains("\"end_column\": 16"), "{changed}");
}

/// A pack given with `--rules` is parsed once and read back from the cache
/// folder while it is unchanged, in runs the result cache does not serve
/// (records here); `--no-cache` parses it every time.
#[test]
fn a_house_pack_is_kept_parsed_in_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("house.yaml"),
        "typos:\n  - { find: reprot, replace: report }\n",
    )
    .unwrap();
    let record = "{\"id\": 1, \"text\": \"We saw the reprot today.\"}\n";
    let run = |extra: &[&str]| {
        let mut args = vec![
            "check",
            "--input-format",
            "jsonl",
            "-",
            "--no-config",
            "--no-default-rules",
            "--rules",
            "house.yaml",
            "--cache-dir",
            "cache",
        ];
        args.extend(extra);
        stdout(&factlint_in(p, &args, Some(record.as_bytes())))
    };
    let first = run(&[]);
    assert!(first.contains("write «report»"), "{first}");
    let entries: Vec<_> = std::fs::read_dir(p.join("cache/packs-v1"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    // The next run reads the stored pack: altering it shows.
    let stored = std::fs::read_to_string(&entries[0]).unwrap();
    assert!(stored.contains("\"report\""), "{stored}");
    std::fs::write(&entries[0], stored.replace("\"report\"", "\"REPORT\"")).unwrap();
    assert!(run(&[]).contains("write «REPORT»"));
    assert!(run(&["--no-cache"]).contains("write «report»"));
    // A changed pack is parsed again, and its entry replaces the old one.
    std::fs::write(
        p.join("house.yaml"),
        "typos:\n  - { find: reprot, replace: rapport }\n",
    )
    .unwrap();
    assert!(run(&[]).contains("write «rapport»"));
    assert_eq!(
        std::fs::read_dir(p.join("cache/packs-v1")).unwrap().count(),
        1
    );
}

/// A caller that waits for each record's answer before it sends the next
/// (a CMS on a pipe) gets it: the answer is written while another worker
/// waits for the next record on standard input.
#[test]
fn records_on_a_pipe_are_answered_one_by_one() {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = common::spawn_in(
        &root(),
        &[
            "check",
            "--no-config",
            "--no-cache",
            "--threads",
            "2",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "-",
        ],
    );
    let mut input = child.stdin.take().expect("stdin is piped");
    let output = child.stdout.take().expect("stdout is piped");
    let (lines, answers) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(output).lines() {
            if lines.send(line.expect("stdout is UTF-8")).is_err() {
                return;
            }
        }
    });
    for id in ["first", "second", "third"] {
        writeln!(
            input,
            "{{\"id\": \"{id}\", \"text\": \"A clean line.\\n\", \"lang\": \"en\"}}"
        )
        .unwrap();
        input.flush().unwrap();
        let answer = answers
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no answer to record {id} while the pipe stays open"));
        let answer: Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(answer["id"], id);
    }
    drop(input);
    assert!(child.wait().unwrap().success());
}
