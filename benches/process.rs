//! Whole-process benchmark: the release binary run as a user runs it, start-up
//! included, on one Arabic article, one English article and the whole
//! measurement corpus (`../shared/corpus/`, read from there and written as
//! Markdown with front matter to a temporary folder outside the
//! repository), side by side in one run with typos-cli when it is
//! installed.
//!
//! Run with `cargo bench --bench process`. Every case runs
//! `FACTLINT_BENCH_RUNS` times (default 5) and keeps the fastest wall time,
//! with that run's CPU time (user + system) and the largest peak resident
//! memory of all runs, read from `wait4` (to the microsecond). Besides the
//! bundled rules, one case adds a pack of 10,000 typos whose `find` words
//! DO occur in the corpus, so that the cost of findings is measured, not
//! only the cost of looking words up; with one article, that pack is run
//! parsed from its YAML and read back from the pack cache (the article on
//! standard input, which the result cache never answers). typos-cli (`cargo install typos-cli
//! --locked`, for measuring only) is looked for as `typos` on the `PATH`,
//! or at `FACTLINT_BENCH_TYPOS`; without it, its column is left empty.
//! Shared machines are noisy: compare the ratios of one run, not absolute
//! numbers across runs.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One measured process: fastest wall time, its CPU time, largest peak RSS.
#[derive(Debug, Clone, Copy)]
struct Measure {
    wall: f64,
    cpu: f64,
    rss_mb: f64,
}

/// `(language, title, date, body)` of every corpus article.
fn corpus_articles(dir: &Path) -> Vec<(&'static str, String, String, String)> {
    let mut articles = Vec::new();
    for (lang, file, body_key, date_key) in [
        (
            "ar",
            "articles_ar/saudinewsnet_sample.jsonl",
            "content",
            "date_extracted",
        ),
        (
            "en",
            "articles_en/reuters21578_sample.jsonl",
            "text",
            "date_iso",
        ),
    ] {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("cannot read {}: {e} (set FACTLINT_CORPUS)", path.display())
        });
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let value: serde_json::Value =
                serde_json::from_str(line).expect("corpus lines are JSON");
            let field = |key: &str| value[key].as_str().unwrap_or_default().to_string();
            let date: String = field(date_key).chars().take(10).collect();
            articles.push((lang, field("title"), date, field(body_key)));
        }
    }
    articles
}

/// Writes an article as `scripts/corpus_run.py` does: Markdown with the
/// title, the date the corpus records and the language in front matter.
fn write_article(path: &Path, lang: &str, title: &str, date: &str, body: &str) {
    let mut text = format!(
        "---\ntitle: \"{}\"\n",
        title.replace('"', "'").replace('\n', " ")
    );
    let is_date = date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-';
    if is_date {
        let _ = writeln!(text, "date: {date}");
    }
    let _ = write!(text, "lang: {lang}\n---\n\n{body}\n");
    std::fs::write(path, text).expect("the temporary folder is writable");
}

/// Runs `program` `runs` times, each waited for with `wait4`, which gives
/// that one process's CPU time to the microsecond and its peak resident
/// memory (GNU time rounds to 10 ms, as long as a whole one-article run).
fn measure(runs: usize, program: &Path, args: &[&str], stdin: Option<&Path>) -> Option<Measure> {
    let mut best: Option<Measure> = None;
    let mut rss_mb: f64 = 0.0;
    for _ in 0..runs {
        let input = match stdin {
            Some(path) => std::process::Stdio::from(std::fs::File::open(path).ok()?),
            None => std::process::Stdio::null(),
        };
        let started = std::time::Instant::now();
        let child = Command::new(program)
            .args(args)
            .stdin(input)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .ok()?;
        let mut status = 0;
        // SAFETY: an all-zero `rusage` is a valid value, and `wait4` is
        // given this child's id and pointers to two live locals.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let pid = libc::pid_t::try_from(child.id()).ok()?;
        // SAFETY: see above; the child is not waited for anywhere else.
        if unsafe { libc::wait4(pid, &mut status, 0, &mut usage) } != pid {
            return None;
        }
        let wall = started.elapsed().as_secs_f64();
        // factlint exits 1 with findings, typos 2: only a crash is fatal.
        if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) > 2 {
            eprintln!(
                "{} {} failed: wait status {status}",
                program.display(),
                args.join(" ")
            );
            return None;
        }
        let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        rss_mb = rss_mb.max(usage.ru_maxrss as f64 / 1024.0);
        let this = Measure {
            wall,
            cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            rss_mb: 0.0,
        };
        if best.is_none_or(|b| this.wall < b.wall) {
            best = Some(this);
        }
    }
    best.map(|b| Measure { rss_mb, ..b })
}

fn typos_binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("FACTLINT_BENCH_TYPOS") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .chain(std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin")))
        .map(|dir| dir.join("typos"))
        .find(|p| p.is_file())
}

fn cell(m: Option<Measure>) -> String {
    m.map_or_else(
        || "—".to_string(),
        |m| {
            format!(
                "{:.4} s wall, {:.4} s CPU, {:.0} MB",
                m.wall, m.cpu, m.rss_mb
            )
        },
    )
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let runs = common::runs(5);
    let factlint = PathBuf::from(env!("CARGO_BIN_EXE_factlint"));
    let typos = typos_binary();
    let articles = corpus_articles(&common::corpus_dir());
    let folder = tempfile::tempdir().expect("a temporary folder");
    let corpus = folder.path().join("corpus");
    std::fs::create_dir(&corpus).expect("a temporary folder");
    let mut bytes = 0;
    let mut first = [None, None];
    for (n, (lang, title, date, body)) in articles.iter().enumerate() {
        let path = corpus.join(format!("{lang}-{n:05}.md"));
        write_article(&path, lang, title, date, body);
        bytes += std::fs::metadata(&path).map_or(0, |m| m.len());
        let slot = usize::from(*lang == "en");
        // A typical article: the first of at least 2,000 bytes.
        if first[slot].is_none() && body.len() >= 2_000 {
            let single = folder.path().join(format!("one-{lang}.md"));
            write_article(&single, lang, title, date, body);
            first[slot] = Some(single);
        }
    }
    let pack = folder.path().join("occurring.yaml");
    std::fs::write(
        &pack,
        common::occurring_pack(articles.iter().map(|a| a.3.as_str())),
    )
    .expect("a temporary folder");
    let (one_ar, one_en) = (
        first[0].clone().expect("an Arabic article"),
        first[1].clone().expect("an English article"),
    );
    let path = |p: &Path| p.display().to_string();
    println!(
        "corpus: {} articles, {:.1} MB, from {}; best wall time of {runs} runs (its CPU time), largest peak RSS",
        articles.len(),
        bytes as f64 / 1e6,
        common::corpus_dir().display()
    );
    println!("factlint: {}", factlint.display());
    match &typos {
        Some(t) => println!(
            "typos-cli: {} ({})",
            t.display(),
            Command::new(t)
                .arg("--version")
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .unwrap_or_default()
        ),
        None => println!(
            "typos-cli: not installed (`cargo install typos-cli --locked`); its column is empty"
        ),
    }
    // The pack cache's folder, filled by a first run before the case that
    // reads it is measured.
    let pack_cache = folder.path().join("cache");
    let cases: Vec<(&str, Vec<String>, Option<String>)> = vec![
        (
            "one Arabic article",
            vec!["check".into(), path(&one_ar)],
            Some(path(&one_ar)),
        ),
        (
            "one English article",
            vec!["check".into(), path(&one_en)],
            Some(path(&one_en)),
        ),
        (
            "one Arabic article, --no-default-rules",
            vec!["check".into(), path(&one_ar), "--no-default-rules".into()],
            None,
        ),
        (
            "one English article, --no-default-rules",
            vec!["check".into(), path(&one_en), "--no-default-rules".into()],
            None,
        ),
        (
            "one Arabic article, --select date",
            vec![
                "check".into(),
                path(&one_ar),
                "--select".into(),
                "date".into(),
            ],
            None,
        ),
        (
            "one Arabic article + 10k occurring typos",
            vec!["check".into(), path(&one_ar), "--rules".into(), path(&pack)],
            None,
        ),
        (
            "one Arabic article + 10k occurring typos, the pack cached",
            vec![
                "check".into(),
                "-".into(),
                "--stdin-filename".into(),
                path(&one_ar),
                "--rules".into(),
                path(&pack),
                "--cache-dir".into(),
                path(&pack_cache),
            ],
            None,
        ),
        (
            "corpus, all checks",
            vec!["check".into(), path(&corpus)],
            Some(path(&corpus)),
        ),
        (
            "corpus + 10k occurring typos",
            vec!["check".into(), path(&corpus), "--rules".into(), path(&pack)],
            None,
        ),
    ];
    println!();
    println!("| case | factlint | typos-cli | CPU ratio | wall ratio |");
    println!("|---|---|---|---|---|");
    for (name, args, typos_arg) in cases {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        // Every run does the work: the result cache would answer the runs
        // after the first one. A run on standard input is never answered
        // from it, and its pack cache is filled by a first run.
        let stdin = args.contains(&"-").then_some(one_ar.as_path());
        if stdin.is_none() {
            args.push("--no-cache");
        } else {
            measure(1, &factlint, &args, stdin);
        }
        let ours = measure(runs, &factlint, &args, stdin);
        let theirs = match (&typos, typos_arg) {
            (Some(t), Some(arg)) => measure(runs, t, &[arg.as_str()], None),
            _ => None,
        };
        let ratio = |f: fn(&Measure) -> f64| match (ours, theirs) {
            (Some(a), Some(b)) if f(&b) > 0.0 => format!("{:.2}x", f(&a) / f(&b)),
            _ => "—".to_string(),
        };
        println!(
            "| {name} | {} | {} | {} | {} |",
            cell(ours),
            cell(theirs),
            ratio(|m| m.cpu),
            ratio(|m| m.wall)
        );
    }
}
