//! The `factlint` command line: glue between the arguments, the library
//! and the terminal. Argument types are in [`args`], the folder walk in
//! [`walk`], the fix driver's reporting in [`fixing`], the small commands
//! in [`commands`]; the work happens in the library.

mod args;
mod commands;
mod fixing;
mod lsp;
mod serve;
mod term;
mod walk;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use rayon::prelude::*;

use factlint::article::{Language, LoadError, LoadOptions, read_article};
use factlint::checks::{CheckOptions, codes};
use factlint::config::Config;
use factlint::engine::Engine;
use factlint::finding::Severity;
use factlint::report::baseline::Baseline;
use factlint::report::{self, FileReport, Format, HumanOptions, Summary, human};
use factlint::rules::{Loaded, PackError, RuleSet, RuleSources};

use args::{CheckArgs, Cli, ColorChoice, Command, ConfigArgs, LangChoice, RulesCommand};

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

/// Loads rules and prints every pack error to stderr.
fn load_rules(sources: &RuleSources) -> Loaded {
    let loaded = RuleSet::load(sources);
    print_pack_errors(&loaded.errors);
    loaded
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
/// those named on the command line (and its `no_default_rules`), so that
/// a newsroom's own packs and examples are the ones checked.
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
    }) = &command;
    let Ok(config) = configuration(settings) else {
        return Ok(EXIT_ERROR);
    };
    let mut sources = rules.sources(dirs);
    if let Some(config) = &config {
        sources.paths.splice(0..0, config.rule_paths());
        sources.no_defaults |= config.raw.no_default_rules;
    }
    match command {
        RulesCommand::Validate { .. } => commands::validate(sources),
        RulesCommand::Test { .. } => commands::test_rules(sources),
        RulesCommand::List { .. } => commands::list(sources),
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

fn check(args: CheckArgs) -> io::Result<u8> {
    let Ok(config) = configuration(&args.settings) else {
        return Ok(EXIT_ERROR);
    };
    let config = config.as_ref();
    let mut sources = args.rules.sources(&[]);
    if let Some(config) = config {
        sources.paths.splice(0..0, config.rule_paths());
        sources.no_defaults |= config.raw.no_default_rules;
    }
    let fail_on = args
        .fail_on
        .or_else(|| config.and_then(|c| c.raw.fail_on).map(Into::into))
        .unwrap_or(Severity::Error);
    let mut loaded = load_rules(&sources);
    if let Some(config) = config
        && let Err(message) = loaded.rules.accept_also(&config.accepted())
    {
        eprintln!("factlint: {message}");
        return Ok(EXIT_ERROR);
    }
    let options = LoadOptions {
        language: match args.lang {
            LangChoice::Auto => None,
            LangChoice::Ar => Some(Language::Ar),
            LangChoice::En => Some(Language::En),
        },
        date: args.date,
        format: args.input_format,
    };
    let mut check_options = config.map_or_else(CheckOptions::default, Config::run_options);
    check_options.select.extend(args.select.iter().cloned());
    check_options.ignore.extend(args.ignore.iter().cloned());
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
    let unknown: Vec<&String> = args
        .select
        .iter()
        .chain(&args.ignore)
        .filter(|p| !codes::is_known_prefix(p))
        .collect();
    if let Some(prefix) = unknown.first() {
        let hint = codes::suggest(prefix)
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        eprintln!(
            "factlint: `{prefix}` matches no finding code{hint}; `factlint explain` lists them"
        );
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
    let inputs = walk::collect_inputs(&args.paths, &exclude);
    let rule_errors = !loaded.errors.is_empty();
    let engine = Engine::new(loaded.rules, config.cloned(), options, check_options);
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
    let check_text = |file: &Path, path: &str, text: String| {
        let mut checked = engine.check_file(file, path, text)?;
        if let Some(baseline) = &baseline {
            baseline.filter(path, &mut checked);
        }
        Ok(checked)
    };
    let mut reports: Vec<FileReport> = inputs
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
            FileReport {
                path,
                file,
                outcome,
            }
        })
        .collect();
    if let Some(file) = &args.write_baseline {
        let count = report::baseline::write(file, &reports)?;
        for report in &reports {
            if let Err(err) = &report.outcome {
                eprintln!("factlint: {err}");
            }
        }
        eprintln!(
            "factlint: recorded {count} finding{} in {}; check with --baseline {} to see only new ones",
            if count == 1 { "" } else { "s" },
            file.display(),
            file.display()
        );
        return Ok(if rule_errors || Summary::of(&reports).failed_files > 0 {
            EXIT_ERROR
        } else {
            EXIT_CLEAN
        });
    }
    let mut fix_failed = false;
    // With `--fix -`, standard output carries the fixed article, so the
    // report of any other file goes to standard error.
    let mut report_to_stderr = false;
    if args.fix || args.diff {
        match fixing::apply_fixes(&args, &mut reports, &check_text)? {
            fixing::FixRun::Diffed(any) => return Ok(if any { EXIT_FINDINGS } else { EXIT_CLEAN }),
            fixing::FixRun::Written { failed, stdin } => {
                fix_failed = failed;
                report_to_stderr = stdin;
            }
        }
    }
    let color = if report_to_stderr {
        term::color(args.color, &io::stderr())
    } else {
        term::color(args.color, &io::stdout())
    };
    let messages = args
        .messages
        .as_deref()
        .or_else(|| config.and_then(|c| c.raw.messages.as_ref().map(|m| m.value.as_str())))
        .and_then(factlint::messages::catalogue)
        .unwrap_or_else(factlint::messages::english);
    let stdin_report = report_to_stderr
        .then(|| reports.iter().position(|r| r.path == "-"))
        .flatten()
        .map(|at| reports.remove(at));
    let mut out: Box<dyn Write> = if report_to_stderr {
        Box::new(io::BufWriter::new(io::stderr().lock()))
    } else {
        Box::new(io::BufWriter::new(io::stdout().lock()))
    };
    if args.statistics {
        report::statistics(args.format, &reports, &mut out)?;
    } else {
        report::render(
            args.format,
            &reports,
            HumanOptions {
                color,
                width: term::width(),
                messages,
            },
            &mut out,
        )?;
    }
    out.flush()?;
    if args.format != Format::Human {
        // Machine formats carry load errors inside; people on a terminal
        // still want them on stderr.
        for report in &reports {
            if let Err(err) = &report.outcome {
                eprintln!("factlint: {err}");
            }
        }
    }
    reports.extend(stdin_report);
    let summary = Summary::of(&reports);
    Ok(if rule_errors || summary.failed_files > 0 || fix_failed {
        EXIT_ERROR
    } else if summary.at_or_above(fail_on) > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}
