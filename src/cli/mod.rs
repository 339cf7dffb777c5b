//! The `factlint` command line: glue between the arguments, the library
//! and the terminal. Argument types are in [`args`], the folder walk in
//! [`walk`], the fix driver's reporting in [`fixing`], the small commands
//! in [`commands`]; the work happens in the library.

mod args;
mod cache;
mod changed_lines;
mod commands;
mod fixing;
mod lsp;
mod records;
mod serve;
mod stream;
mod term;
mod walk;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;

use factlint::article::{
    DateSource, Language, LoadError, LoadOptions, decode, read_article, read_article_bytes,
};
use factlint::checks::codes;
use factlint::config::{Config, ConfigError};
use factlint::engine::{Engine, Request};
use factlint::finding::Severity;
use factlint::report::baseline::Baseline;
use factlint::report::{
    self, FileReport, Format, HumanOptions, RecordRef, RenderOptions, Rendered, Summary, human,
};
use factlint::rules::{Loaded, PackError, RuleSet, RuleSources};

use args::{
    CheckArgs, Cli, ColorChoice, Command, ConfigArgs, InputFormat, LangChoice, RulesCommand,
};

/// Exit status: nothing at or above `--fail-on`.
const EXIT_CLEAN: u8 = 0;
/// Exit status: findings at or above `--fail-on`.
const EXIT_FINDINGS: u8 = 1;
/// Exit status: the run itself failed (bad rules, unreadable input).
const EXIT_ERROR: u8 = 2;

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(command) => rules_command(command),
        Command::Explain { code } => commands::explain(code.as_deref()),
        Command::Init { force } => commands::init(force),
        Command::Serve(args) => serve::serve(args),
        Command::Server => lsp::run(),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`factlint check | head`) is not a failure.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_CLEAN),
        Err(err) => {
            eprintln!("factlint: {err}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn stderr_options() -> HumanOptions {
    HumanOptions {
        color: term::color(ColorChoice::Auto, &io::stderr()),
        width: term::width(),
        messages: factlint::messages::english(),
    }
}

/// Loads rules and prints every pack error to stderr, and every
/// `disable:` id of the configuration that names no loaded entry (a
/// configuration error, located in factlint.yaml).
fn load_rules(sources: &RuleSources, config: Option<&Config>) -> Loaded {
    let loaded = RuleSet::load(sources);
    print_pack_errors(&loaded.errors);
    if let Some(config) = config {
        print_config_errors(Some(config), &config.disable_errors(&loaded));
    }
    loaded
}

/// Prints the configuration's errors found once the rules are loaded
/// (`disable:` ids that name nothing), with the file they are in.
fn print_config_errors(config: Option<&Config>, errors: &[ConfigError]) {
    if let (Some(config), false) = (config, errors.is_empty()) {
        print_diagnostics(errors);
        eprintln!(
            "factlint: the configuration {} is invalid",
            config.path.display()
        );
    }
}

/// Whether loading the rules went wrong: a broken pack, or a `disable:`
/// id that names nothing (the run goes on, and exits 2).
fn rules_failed(loaded: &Loaded) -> bool {
    !loaded.errors.is_empty() || !loaded.unknown_disabled.is_empty()
}

fn print_pack_errors(errors: &[PackError]) {
    print_diagnostics(errors);
    if !errors.is_empty() {
        eprintln!(
            "factlint: {} rule-pack error{}; packs that could not be read were left out",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        );
    }
}

/// Prints located errors (packs, configuration) to stderr, rustc-style.
fn print_diagnostics<E: miette::Diagnostic + Send + Sync + 'static>(errors: &[E]) {
    let options = stderr_options();
    for error in errors {
        eprintln!("{}", human::render_diagnostic(error, options));
    }
}

/// `rules validate|test|list`, with the packs of factlint.yaml added to
/// those named on the command line (and its `no_default_rules` and
/// `disable:`), so that a newsroom's own packs and examples are the ones
/// checked, and its disabled entries are not.
fn rules_command(command: RulesCommand) -> io::Result<u8> {
    let (RulesCommand::Validate {
        dirs,
        rules,
        settings,
    }
    | RulesCommand::Test {
        dirs,
        rules,
        settings,
    }
    | RulesCommand::List {
        dirs,
        rules,
        settings,
        ..
    }) = &command;
    let Ok(config) = configuration(settings) else {
        return Ok(EXIT_ERROR);
    };
    let sources = factlint::engine::rule_sources(config.as_ref(), rules.sources(dirs));
    let config = config.as_ref();
    match command {
        RulesCommand::Validate { .. } => commands::validate(sources, config),
        RulesCommand::Test { .. } => commands::test_rules(sources, config),
        RulesCommand::List { ids, .. } => commands::list(sources, config, ids),
    }
}

/// The configuration to use: `--config`, else the nearest factlint.yaml,
/// unless `--no-config`. A broken configuration is reported and fails the
/// run.
fn configuration(args: &ConfigArgs) -> Result<Option<Config>, ()> {
    if args.no_config {
        return Ok(None);
    }
    let path = match &args.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| factlint::config::discover(&cwd)),
    };
    let Some(path) = path else { return Ok(None) };
    factlint::config::load(&path).map(Some).map_err(|errors| {
        print_diagnostics(&errors);
        eprintln!("factlint: the configuration {} is invalid", path.display());
    })
}

/// One unit of work: a file (or standard input), or a line of JSONL.
enum Job {
    /// A file found or named; the walk's error if it could not be listed.
    File(PathBuf, Option<io::Error>),
    /// A line of a JSONL input.
    Record(records::Line),
}

/// A checked unit, on its way to the writer.
enum Done {
    /// Rendered already: the report is gone.
    Rendered(Rendered),
    /// Kept for `--fix`, which needs the text; whether it is stdin.
    Report(Box<FileReport>, bool),
    /// A long article's report, written as it is serialised
    /// ([`report::Writer::file_report`]) rather than rendered whole.
    Long(Box<FileReport>),
}

fn check(args: CheckArgs) -> io::Result<u8> {
    if let Some(threads) = args.threads {
        // Only fails when the pool was already built, which `check` never
        // does before this point.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(threads))
            .build_global();
    }
    let Ok(config) = configuration(&args.settings) else {
        return Ok(EXIT_ERROR);
    };
    let config = config.as_ref();
    let sources = factlint::engine::rule_sources(config, args.rules.sources(&[]));
    let fail_on = args
        .fail_on
        .or_else(|| config.and_then(|c| c.raw.fail_on).map(Into::into))
        .unwrap_or(Severity::Error);
    if args.statistics && !matches!(args.format, Format::Human | Format::Json | Format::Jsonl) {
        eprintln!(
            "factlint: --statistics prints a table (--format human) or JSON (json, jsonl); the other formats carry findings, not counts"
        );
        return Ok(EXIT_ERROR);
    }
    if args.unsafe_fixes && !(args.fix || args.diff) {
        eprintln!("factlint: --unsafe-fixes applies fixes: add --fix (or --diff to see them)");
        return Ok(EXIT_ERROR);
    }
    let records = args.input_format == Some(InputFormat::Jsonl);
    let fixing = args.fix || args.diff;
    if records && fixing {
        eprintln!("factlint: --fix and --diff change files; JSONL records have none to change");
        return Ok(EXIT_ERROR);
    }
    if records && (args.baseline.is_some() || args.write_baseline.is_some()) {
        eprintln!("factlint: baselines record files; JSONL records are not files");
        return Ok(EXIT_ERROR);
    }
    // Only the findings on changed lines (a pull request on an old
    // article): the diff is read before any file is checked.
    let changed = match (&args.changed_lines_only, &args.diff_base) {
        _ if (args.changed_lines_only.is_some() || args.diff_base.is_some())
            && (records || args.write_baseline.is_some()) =>
        {
            eprintln!(
                "factlint: --changed-lines-only and --diff-base filter the findings of files; {}",
                if records {
                    "JSONL records have no lines in a diff"
                } else {
                    "a baseline records every finding"
                }
            );
            return Ok(EXIT_ERROR);
        }
        (Some(diff), _)
            if diff.as_os_str() == "-" && args.paths.iter().any(|p| p.as_os_str() == "-") =>
        {
            eprintln!(
                "factlint: standard input cannot carry both the diff and an article; write the diff to a file"
            );
            return Ok(EXIT_ERROR);
        }
        (Some(diff), _) => Some(changed_lines::ChangedLines::from_diff(diff)),
        (None, Some(rev)) => Some(changed_lines::ChangedLines::from_git(rev)),
        (None, None) => None,
    };
    let changed = match changed.transpose() {
        Ok(changed) => changed,
        Err(message) => {
            eprintln!("factlint: {message}");
            return Ok(EXIT_ERROR);
        }
    };
    if let Err(message) = codes::check_prefixes(args.select.iter().chain(&args.ignore)) {
        eprintln!("factlint: {message}");
        return Ok(EXIT_ERROR);
    }
    let mut exclude_patterns = config.map_or_else(
        || {
            factlint::config::DEFAULT_EXCLUDE
                .iter()
                .map(|s| s.to_string())
                .collect()
        },
        Config::exclude_patterns,
    );
    exclude_patterns.extend(args.extend_exclude.iter().cloned());
    let exclude = match walk::Exclude::new(&exclude_patterns) {
        Ok(exclude) => exclude,
        Err(err) => {
            eprintln!("factlint: invalid --extend-exclude glob: {err}");
            return Ok(EXIT_ERROR);
        }
    };
    let baseline = match &args.baseline {
        Some(file) => match Baseline::load(file) {
            Ok(baseline) => Some(baseline),
            Err(message) => {
                eprintln!("factlint: {message}");
                return Ok(EXIT_ERROR);
            }
        },
        None => None,
    };
    let options = LoadOptions {
        language: match args.lang {
            LangChoice::Auto => None,
            LangChoice::Ar => Some(Language::Ar),
            LangChoice::En => Some(Language::En),
        },
        date: args.date,
        format: args.input_format.and_then(InputFormat::article_format),
    };

    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "-".to_string());
    let has_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    // With `--fix -`, standard output carries the fixed article, so the
    // report of any other file goes to standard error.
    let report_to_stderr = args.fix && !args.diff && has_stdin;
    let color = if report_to_stderr {
        term::color(args.color, &io::stderr())
    } else {
        term::color(args.color, &io::stdout())
    };
    let messages = args
        .messages
        .as_deref()
        .and_then(factlint::messages::catalogue)
        .or_else(|| config.and_then(Config::catalogue))
        .unwrap_or_else(factlint::messages::english);
    let render = RenderOptions {
        format: args.format,
        human: HumanOptions {
            color,
            width: term::width(),
            messages,
        },
        statistics: args.statistics,
    };

    // The cache folder, for the result cache and the pack cache alike.
    let cache_dir = (!args.no_cache).then(|| {
        args.cache_dir.clone().unwrap_or_else(|| {
            config
                .map(|c| c.folder().to_path_buf())
                .unwrap_or_default()
                .join(".factlint_cache")
        })
    });
    // The rules are loaded when the first file needs checking: a run whose
    // files all come from the cache never compiles them.
    let rule_errors = AtomicBool::new(false);
    // Never freed: the process ends with the run, and freeing the compiled
    // matchers piece by piece cost 8% of a one-article run.
    let engine_cell: std::mem::ManuallyDrop<OnceLock<Engine>> =
        std::mem::ManuallyDrop::new(OnceLock::new());
    let engine = || {
        engine_cell.get_or_init(|| {
            let request = Request {
                sources: RuleSources {
                    pack_cache: cache_dir.clone(),
                    ..args.rules.sources(&[])
                },
                load: options.clone(),
                select: args.select.clone(),
                ignore: args.ignore.clone(),
            };
            match Engine::start(config.cloned(), request) {
                Ok(started) => {
                    print_pack_errors(&started.pack_errors);
                    print_config_errors(config, &started.config_errors);
                    rule_errors.store(started.failed(), Ordering::Relaxed);
                    started.engine
                }
                Err(message) => {
                    eprintln!("factlint: {message}");
                    std::process::exit(EXIT_ERROR.into());
                }
            }
        })
    };
    let cache = if let Some(dir) = cache_dir.clone().filter(|_| {
        !(fixing
            || records
            || baseline.is_some()
            || changed.is_some()
            || args.write_baseline.is_some())
    }) {
        let mut fingerprint = cache::Fingerprint::default();
        // The catalogue by its language code: its Debug form lists a hash
        // map, whose order changes from process to process.
        let human = render.human;
        fingerprint.add(
            "render",
            format!(
                "{:?} {} {} {} {}",
                render.format,
                render.statistics,
                human.color,
                human.width,
                human.messages.code()
            )
            .as_bytes(),
        );
        fingerprint.add("load", format!("{options:?}").as_bytes());
        fingerprint.add(
            "check",
            format!(
                "{:?} {:?} {:?}",
                config.map(Config::run_options),
                args.select,
                args.ignore
            )
            .as_bytes(),
        );
        fingerprint.add("max-size", &args.max_file_size.to_le_bytes());
        fingerprint.add("no-defaults", &[sources.no_defaults as u8]);
        for path in &sources.paths {
            fingerprint.add_path(path);
        }
        if let Some(config) = config {
            fingerprint.add_path(&config.path);
        }
        cache::Cache::open(dir, fingerprint)
    } else {
        None
    };
    if cache.is_none() {
        // Report broken packs before any output, as always.
        engine();
    }
    // A finding the baseline records is left out of the report (and of
    // what --fix applies), as if it had been suppressed.
    let check_text = |file: &Path, name: &str, text: String| {
        let mut checked = engine().check_file(file, name, text)?;
        if let Some(baseline) = &baseline {
            baseline.filter(name, &mut checked);
        }
        if let Some(changed) = &changed {
            changed.filter(file, &mut checked);
        }
        Ok(checked)
    };
    if let Some(file) = &args.write_baseline {
        return write_baseline(file, &args, &exclude, &check_text, &rule_errors);
    }

    let jobs: Box<dyn Iterator<Item = Job> + Send> = if records {
        let max = args.max_file_size;
        Box::new(args.paths.clone().into_iter().flat_map(move |source| {
            match records::read(walk::display_name(&source), max) {
                Ok(lines) => {
                    Box::new(lines.map(Job::Record)) as Box<dyn Iterator<Item = Job> + Send>
                }
                Err(err) => Box::new(std::iter::once(Job::File(source, Some(err)))),
            }
        }))
    } else {
        let mut inputs = walk::collect_inputs(&args.paths, &exclude);
        // With a diff, a file it does not touch is not checked.
        if let Some(changed) = &changed {
            inputs.retain(|(path, _)| {
                let path = match &args.stdin_filename {
                    Some(name) if path.as_os_str() == "-" => Path::new(name),
                    _ => path,
                };
                changed.touches(path)
            });
        }
        Box::new(
            inputs
                .into_iter()
                .map(|(path, error)| Job::File(path, error)),
        )
    };

    let work = |job: Job| -> Done {
        let report = match job {
            Job::File(file, Some(source)) => {
                let path = walk::display_name(&file);
                FileReport::at(file, path.clone(), Err(LoadError::Io { path, source }))
            }
            Job::File(file, None) => {
                let stdin = file.as_os_str() == "-";
                let name = if stdin {
                    stdin_name.clone()
                } else {
                    walk::display_name(&file)
                };
                let unreadable = |file, name, err| {
                    Done::Rendered(report::render_file(
                        &FileReport::at(file, name, Err(err)),
                        &render,
                    ))
                };
                let bytes = match read_article_bytes(&file, &name, args.max_file_size) {
                    Ok(bytes) => bytes,
                    Err(err) => return unreadable(file, name, err),
                };
                // An unchanged file's result is looked up by its bytes,
                // before they are decoded: a hit costs little more than
                // reading the file. A long article is never cached: its
                // JSON can be larger than the file.
                let cached = cache
                    .as_ref()
                    .filter(|_| !stdin && bytes.len() <= factlint::checks::window::WINDOW_BYTES);
                let key = cached.map(|c| c.key(&name, &bytes));
                if let (Some(cache), Some(key)) = (cached, key)
                    && let Some(hit) = cache.get(key)
                {
                    return Done::Rendered(hit);
                }
                let text = match decode(&name, bytes) {
                    Ok(text) => text,
                    Err(err) => return unreadable(file, name, err),
                };
                // Standard input is named by --stdin-filename for the
                // configuration's globs too.
                let glob_path = if stdin {
                    PathBuf::from(&name)
                } else {
                    file.clone()
                };
                if fixing {
                    let outcome = check_text(&glob_path, &name, text);
                    return Done::Report(Box::new(FileReport::at(file, name, outcome)), stdin);
                }
                // A long article's report is written straight out.
                if text.len() > factlint::checks::window::WINDOW_BYTES {
                    let outcome = check_text(&glob_path, &name, text);
                    return Done::Long(Box::new(FileReport::at(file, name, outcome)));
                }
                let outcome = check_text(&glob_path, &name, text);
                let report = FileReport::at(file, name, outcome);
                let rendered = report::render_file(&report, &render);
                if let (Some(cache), Some(key)) = (cached, key)
                    && report.outcome.is_ok()
                    && !rule_errors.load(Ordering::Relaxed)
                {
                    cache.put(key, &rendered);
                }
                return Done::Rendered(rendered);
            }
            Job::Record(line) => {
                let (id, outcome) = match line.record {
                    Ok(record) => {
                        let engine = engine();
                        let (load, check) = engine.options_for(Path::new("-"));
                        let load = record.options(&load);
                        let from_record = record.date.is_some();
                        let mut outcome =
                            engine.check_with(&record.id, record.text, &load, &check);
                        if let Ok(checked) = &mut outcome
                            && let Some(date) = &mut checked.article.reference_date
                            && from_record
                            && date.source == DateSource::CommandLine
                        {
                            date.reason = "the record's `date`".to_string();
                        }
                        (Some(record.id), outcome)
                    }
                    Err((id, message)) => (
                        id,
                        Err(LoadError::Malformed {
                            path: line.source.clone(),
                            line: line.line,
                            column: 1,
                            message,
                            help: Some(
                                "a record is one line of JSON: {\"id\": …, \"text\": …, \"lang\"?, \"date\"?, \"format\"?}"
                                    .to_string(),
                            ),
                        }),
                    ),
                };
                FileReport {
                    path: id
                        .clone()
                        .unwrap_or_else(|| format!("{}:{}", line.source, line.line)),
                    file: PathBuf::from(&line.source),
                    record: Some(RecordRef {
                        id,
                        line: line.line,
                    }),
                    outcome,
                }
            }
        };
        Done::Rendered(report::render_file(&report, &render))
    };

    // Output is flushed as `stream::Latency` says (see below): a person or
    // a tool reading the pipe sees each file within milliseconds of its
    // check, and each record is answered before the next is read.
    let threads = rayon::current_num_threads();

    if fixing {
        let mut fixer = fixing::Fixer::new(&args, has_stdin);
        let mut stdout = io::stdout();
        let mut deferred: Vec<Rendered> = Vec::new();
        let mut stdin_summary = Summary::default();
        stream::ordered(jobs, threads, stream::Latency::Each, work, |done| {
            let stream::Sink::Write(done) = done else {
                // Everything is written at the end.
                return Ok(());
            };
            match done {
                Done::Rendered(rendered) => deferred.push(rendered),
                Done::Long(..) => unreachable!("--fix keeps every report"),
                Done::Report(mut report, stdin) => {
                    let report = &mut *report;
                    fixer.file(report, stdin, &check_text, &mut stdout)?;
                    // The report of what is left waits for the end, after
                    // every fix message; only its findings are kept.
                    let rendered = report::render_file(report, &render);
                    if stdin && report_to_stderr {
                        stdin_summary.add(&rendered.summary);
                    } else {
                        deferred.push(rendered);
                    }
                }
            }
            Ok(())
        })?;
        let fix_failed = match fixer.finish(&mut stdout)? {
            fixing::FixRun::Diffed(any) => {
                return Ok(if any { EXIT_FINDINGS } else { EXIT_CLEAN });
            }
            fixing::FixRun::Written { failed } => failed,
        };
        let mut out: Box<dyn Write + Send> = if report_to_stderr {
            Box::new(io::BufWriter::new(io::stderr()))
        } else {
            Box::new(io::BufWriter::new(io::stdout()))
        };
        let mut writer = report::Writer::new(render, &mut out)?;
        let mut errors = Vec::new();
        for rendered in deferred {
            errors.extend(rendered.error.clone());
            writer.file(rendered)?;
        }
        let mut summary = writer.finish()?;
        out.flush()?;
        if args.format != Format::Human {
            for error in errors {
                eprintln!("factlint: {error}");
            }
        }
        summary.add(&stdin_summary);
        return Ok(exit_status(
            &summary,
            fail_on,
            rule_errors.load(Ordering::Relaxed) || fix_failed,
        ));
    }

    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout());
    let mut writer = report::Writer::new(render, &mut out)?;
    // Records are answered one by one: a caller may wait for each answer
    // before it sends the next record. Files reach the reader within a few
    // milliseconds, several to a write.
    let latency = if records {
        stream::Latency::Each
    } else {
        stream::Latency::Within(std::time::Duration::from_millis(10))
    };
    stream::ordered(jobs, threads, latency, work, |done| {
        let done = match done {
            stream::Sink::Write(done) => done,
            stream::Sink::Flush => return writer.flush(),
        };
        let error = match &done {
            Done::Rendered(rendered) => rendered.error.clone(),
            Done::Long(report) => report.outcome.as_ref().err().map(ToString::to_string),
            Done::Report(..) => unreachable!("reports are kept only for --fix"),
        };
        if args.format != Format::Human
            && let Some(error) = error
        {
            // Machine formats carry load errors inside; people on a
            // terminal still want them on stderr.
            eprintln!("factlint: {error}");
        }
        match done {
            Done::Rendered(rendered) => writer.file(rendered)?,
            Done::Long(report) => writer.file_report(&report)?,
            Done::Report(..) => unreachable!("reports are kept only for --fix"),
        }
        Ok(())
    })?;
    if let Some(cache) = cache {
        cache.finish();
    }
    let summary = writer.finish()?;
    out.flush()?;
    Ok(exit_status(
        &summary,
        fail_on,
        rule_errors.load(Ordering::Relaxed),
    ))
}

/// The exit status of a run.
fn exit_status(summary: &Summary, fail_on: Severity, failed: bool) -> u8 {
    if failed || summary.failed_files > 0 {
        EXIT_ERROR
    } else if summary.at_or_above(fail_on) > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// `--write-baseline`: checks every file, records every finding in the
/// baseline file, and exits 0 (2 if a file or a pack could not be read).
/// It keeps every report until the end, as a one-off adoption step may.
fn write_baseline(
    baseline: &Path,
    args: &CheckArgs,
    exclude: &walk::Exclude,
    check_text: &(
         dyn Fn(&Path, &str, String) -> Result<factlint::engine::Checked, LoadError> + Sync
     ),
    rule_errors: &AtomicBool,
) -> io::Result<u8> {
    use rayon::prelude::*;
    let reports: Vec<FileReport> = walk::collect_inputs(&args.paths, exclude)
        .into_par_iter()
        .map(|(file, walk_error)| {
            let path = walk::display_name(&file);
            let outcome = match walk_error {
                Some(source) => Err(LoadError::Io {
                    path: path.clone(),
                    source,
                }),
                None => read_article(&file, &path, args.max_file_size)
                    .and_then(|text| check_text(&file, &path, text)),
            };
            FileReport::at(file, path, outcome)
        })
        .collect();
    let count = report::baseline::write(baseline, &reports)?;
    for report in &reports {
        if let Err(err) = &report.outcome {
            eprintln!("factlint: {err}");
        }
    }
    eprintln!(
        "factlint: recorded {count} finding{} in {}; check with --baseline {} to see only new ones",
        if count == 1 { "" } else { "s" },
        baseline.display(),
        baseline.display()
    );
    Ok(
        if rule_errors.load(Ordering::Relaxed) || Summary::of(&reports).failed_files > 0 {
            EXIT_ERROR
        } else {
            EXIT_CLEAN
        },
    )
}
