//! Command-line parsing and the `check`, `rules` and `explain` commands.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use factlint::article::{Article, Language, LoadOptions, read_article_source};
use factlint::checks::{self, CheckOptions, codes};
use factlint::config::Config;
use factlint::finding::Severity;
use factlint::report::{self, Checked, FileReport, Format, HumanOptions, Summary, human};
use factlint::rules::{Loaded, PackError, RuleSet, RuleSources};

/// Exit status: nothing at or above `--fail-on`.
const EXIT_CLEAN: u8 = 0;
/// Exit status: findings at or above `--fail-on`.
const EXIT_FINDINGS: u8 = 1;
/// Exit status: the run itself failed (bad rules, unreadable input).
const EXIT_ERROR: u8 = 2;

/// factlint checks news articles against what a newsroom knows: facts that
/// contradict the rule packs or each other, typos, and dates that do not add
/// up. Arabic first, English second.
#[derive(Debug, Parser)]
#[command(name = "factlint", version, about, long_about = None)]
#[command(
    after_help = "Exit status: 0 nothing at or above --fail-on, 1 findings, 2 the run failed \
(a broken rule pack or an unreadable article; the other files are still checked)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check articles (files, folders walked with .gitignore honoured, or - for stdin).
    Check(CheckArgs),
    /// Validate or list rule packs.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Write a commented factlint.yaml in the current folder.
    Init {
        /// Overwrite an existing factlint.yaml.
        #[arg(long)]
        force: bool,
    },
    /// Explain a finding code, or list every code.
    Explain {
        /// A code such as `typo/substitution`; omit to list all codes.
        code: Option<String>,
    },
}

#[derive(Debug, Args)]
struct RuleArgs {
    /// Add the packs in this folder (or this pack file); repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Leave out the bundled packs (the lexicon and common typos).
    #[arg(long)]
    no_default_rules: bool,
}

impl RuleArgs {
    fn sources(&self, extra: &[PathBuf]) -> RuleSources {
        RuleSources {
            no_defaults: self.no_default_rules,
            paths: self.rules.iter().chain(extra).cloned().collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    /// Colour when writing to a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangChoice {
    /// Detect from the script.
    Auto,
    /// Arabic.
    Ar,
    /// English.
    En,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Articles or folders to check; `-` reads one article from stdin.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<String>,
    #[command(flatten)]
    rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Lowest severity that makes the exit status 1 [default: error, or the
    /// configuration's fail_on].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<Severity>,
    /// The configuration file [default: factlint.yaml in this folder or the
    /// nearest one above it].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any factlint.yaml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Print the number of findings per code instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Reference date when the article has no front matter date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Article language.
    #[arg(long, value_enum, default_value = "auto")]
    lang: LangChoice,
    /// Treat input as this format instead of guessing from the extension (stdin is plain text).
    #[arg(long = "input-format", value_enum, value_name = "FORMAT")]
    input_format: Option<factlint::article::Format>,
    /// Run only codes with these prefixes (`typo`, `date/hijri`); repeatable.
    #[arg(long, value_name = "CODE")]
    select: Vec<String>,
    /// Skip codes with these prefixes; repeatable.
    #[arg(long, value_name = "CODE")]
    ignore: Vec<String>,
    /// When to use colour in the human report.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Apply safe fixes to the files (atomically), print what changed, then
    /// report what is left. With `-`, print the fixed text instead.
    #[arg(long)]
    fix: bool,
    /// With --fix, also apply unsafe fixes (those that need a person's
    /// judgement: check the result).
    #[arg(long, requires = "fix")]
    unsafe_fixes: bool,
    /// With --fix, print a unified diff of the fixes and write nothing.
    #[arg(long, requires = "fix")]
    diff: bool,
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// Check packs for mistakes; exit 2 if any pack is broken.
    Validate {
        /// Pack folders or files (the bundled packs are always validated too, unless --no-default-rules).
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run every pack's `examples:` (rule tests); exit 1 if one fails.
    Test {
        /// Pack folders or files to test with the bundled packs.
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// List loaded packs and what they hold.
    List {
        /// Pack folders or files to add to the bundled packs.
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
    },
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; write YYYY-MM-DD, e.g. 2023-02-24"))
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(RulesCommand::Validate { dirs, rules }) => validate(rules.sources(&dirs)),
        Command::Rules(RulesCommand::List { dirs, rules }) => list(rules.sources(&dirs)),
        Command::Rules(RulesCommand::Test { dirs, rules }) => test_rules(rules.sources(&dirs)),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Init { force } => init(force),
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
        color: io::stderr().is_terminal(),
        width: 100,
    }
}

/// Loads rules and prints every pack error to stderr.
fn load_rules(sources: &RuleSources) -> Loaded {
    let loaded = RuleSet::load(sources);
    print_pack_errors(&loaded.errors);
    loaded
}

fn print_pack_errors(errors: &[PackError]) {
    let options = stderr_options();
    for error in errors {
        eprintln!("{}", human::render_diagnostic(error, options));
    }
    if !errors.is_empty() {
        eprintln!(
            "factlint: {} rule-pack error{}; the broken packs were left out",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        );
    }
}

/// Expands folders into article files, keeping argument order and sorting
/// within each folder so that output order is stable.
fn collect_inputs(paths: &[String]) -> Vec<(String, Option<io::Error>)> {
    let mut inputs = Vec::new();
    for path in paths {
        let p = std::path::Path::new(path);
        if path == "-" || !p.is_dir() {
            inputs.push((path.clone(), None));
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(p).build() {
            match entry {
                Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                    let file = entry.path();
                    let is_article = file.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        matches!(
                            e.to_ascii_lowercase().as_str(),
                            "txt" | "md" | "markdown" | "html" | "htm"
                        )
                    });
                    if is_article {
                        found.push((file.display().to_string(), None));
                    }
                }
                Ok(_) => {}
                Err(err) => found.push((path.clone(), Some(io::Error::other(err.to_string())))),
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        inputs.extend(found);
    }
    inputs
}

/// The configuration to use: `--config`, else the nearest factlint.yaml,
/// unless `--no-config`. A broken configuration is reported and fails the
/// run.
fn configuration(args: &CheckArgs) -> Result<Option<Config>, ()> {
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
        print_pack_errors(&errors);
        eprintln!("factlint: the configuration {} is invalid", path.display());
    })
}

/// Check options from the configuration and the command line (whose
/// --select and --ignore add to the configuration's).
fn check_options(args: &CheckArgs, config: Option<&Config>) -> CheckOptions {
    let mut options = CheckOptions::default();
    if let Some(config) = config {
        let raw = &config.raw;
        options.select = raw
            .select
            .iter()
            .map(|c| c.value.trim().to_string())
            .collect();
        options.ignore = raw
            .ignore
            .iter()
            .map(|c| c.value.trim().to_string())
            .collect();
        options.severity = raw
            .severity
            .iter()
            .map(|(code, s)| (code.clone(), (*s).into()))
            .collect();
        if let Some(days) = raw.hijri_tolerance_days {
            options.hijri_tolerance_days = days;
        }
        if let Some(days) = raw.counter_tolerance_days {
            options.counter_tolerance_days = days;
        }
        if let Some(day_first) = raw.english_day_first {
            options.english_day_first = day_first;
        }
        if let Some(severity) = raw.missing_then_severity {
            options.missing_then_severity = severity.into();
        }
        if let Some(strict) = raw.arabic_strict_spelling {
            options.arabic_strict_spelling = strict;
        }
    }
    options.select.extend(args.select.iter().cloned());
    options.ignore.extend(args.ignore.iter().cloned());
    options
}

/// The options for one file: the configuration's settings for the globs it
/// matches, applied in file order over the run's options.
fn options_for(
    path: &str,
    config: Option<&Config>,
    load: &LoadOptions,
    check: &CheckOptions,
) -> (LoadOptions, CheckOptions) {
    let (mut load, mut check) = (load.clone(), check.clone());
    let Some(config) = config else {
        return (load, check);
    };
    if path == "-" {
        return (load, check);
    }
    for settings in config.settings_for(std::path::Path::new(path)) {
        if load.language.is_none()
            && let Some(lang) = settings
                .lang
                .as_ref()
                .and_then(|l| Language::from_code(&l.value))
        {
            load.language = Some(lang);
        }
        check
            .select
            .extend(settings.select.iter().map(|c| c.value.trim().to_string()));
        check
            .ignore
            .extend(settings.ignore.iter().map(|c| c.value.trim().to_string()));
        check.severity.extend(
            settings
                .severity
                .iter()
                .map(|(code, s)| (code.clone(), (*s).into())),
        );
        if let Some(day_first) = settings.english_day_first {
            check.english_day_first = day_first;
        }
    }
    (load, check)
}

fn check(args: CheckArgs) -> io::Result<u8> {
    let Ok(config) = configuration(&args) else {
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
    if let Some(config) = config {
        for entry in &config.raw.accept {
            // Validated when the configuration loaded.
            let _ = loaded.rules.accept.add(&entry.value);
        }
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
    let check_options = check_options(&args, config);
    let unknown: Vec<&String> = args
        .select
        .iter()
        .chain(&args.ignore)
        .filter(|p| !codes::is_known_prefix(p))
        .collect();
    if let Some(prefix) = unknown.first() {
        eprintln!("factlint: `{prefix}` matches no finding code; `factlint explain` lists them");
        return Ok(EXIT_ERROR);
    }
    let inputs = collect_inputs(&args.paths);
    let rules = &loaded.rules;
    let check_text = |path: &str, text: String| {
        let (load, check) = options_for(path, config, &options, &check_options);
        Article::load(path, text, &load).map(|mut article| {
            let outcome = checks::run(&mut article, rules, &check);
            Checked {
                findings: outcome.findings,
                suppressed: outcome.suppressed,
                article,
            }
        })
    };
    let mut reports: Vec<FileReport> = inputs
        .into_par_iter()
        .map(|(path, walk_error)| {
            let outcome = match walk_error {
                Some(source) => Err(factlint::article::LoadError::Io {
                    path: path.clone(),
                    source,
                }),
                None => read_article_source(&path).and_then(|text| check_text(&path, text)),
            };
            FileReport { path, outcome }
        })
        .collect();
    let mut fix_failed = false;
    if args.fix {
        match apply_fixes(&args, fail_on, &mut reports, &check_text)? {
            FixRun::Diffed(any) => return Ok(if any { EXIT_FINDINGS } else { EXIT_CLEAN }),
            FixRun::Stdin(code) => return Ok(code),
            FixRun::Written { failed } => fix_failed = failed,
        }
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal(),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.statistics {
        report::statistics(&reports, &mut out)?;
    } else {
        report::render(
            args.format,
            &reports,
            HumanOptions { color, width: 100 },
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
    let summary = Summary::of(&reports);
    Ok(
        if !loaded.errors.is_empty() || summary.failed_files > 0 || fix_failed {
            EXIT_ERROR
        } else if summary.at_or_above(fail_on) > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        },
    )
}

/// What `--fix` did.
enum FixRun {
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
fn apply_fixes(
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
        let plan = factlint::fix::plan(&checked.findings, args.unsafe_fixes);
        skipped_unsafe += plan.unsafe_skipped;
        let text = &checked.article.text;
        let fixed = factlint::fix::apply(text, &plan.edits);
        if args.diff {
            if !plan.edits.is_empty() {
                any_diff = true;
                print!(
                    "{}",
                    factlint::fix::unified_diff(&report.path, text, &fixed)
                );
            }
            continue;
        }
        if report.path == "-" {
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
        if plan.edits.is_empty() {
            continue;
        }
        let path = std::path::Path::new(&report.path);
        match factlint::fix::write_atomically(path, text, &fixed) {
            Ok(factlint::fix::Written::Fixed) => {
                for edit in &plan.edits {
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
            Ok(factlint::fix::Written::ChangedSinceChecked) => {
                eprintln!(
                    "factlint: {}: changed since it was checked; not fixed",
                    report.path
                );
                failed = true;
            }
            Err(err) => {
                eprintln!("factlint: {}: cannot write the fixes: {err}", report.path);
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

fn init(force: bool) -> io::Result<u8> {
    let path = std::path::Path::new("factlint.yaml");
    if path.exists() && !force {
        eprintln!("factlint: factlint.yaml already exists; --force overwrites it");
        return Ok(EXIT_ERROR);
    }
    std::fs::write(path, factlint::config::STARTER)?;
    println!("wrote factlint.yaml");
    Ok(EXIT_CLEAN)
}

fn validate(sources: RuleSources) -> io::Result<u8> {
    let loaded = load_rules(&sources);
    let mut out = io::stdout().lock();
    for pack in &loaded.rules.packs {
        writeln!(out, "ok  {} ({})", pack.file, pack.name)?;
    }
    if loaded.errors.is_empty() {
        writeln!(out, "{} packs valid", loaded.rules.packs.len())?;
        Ok(EXIT_CLEAN)
    } else {
        Ok(EXIT_ERROR)
    }
}

fn test_rules(sources: RuleSources) -> io::Result<u8> {
    let loaded = load_rules(&sources);
    let (count, failures) = checks::examples::run_examples(&loaded.rules);
    let mut out = io::stdout().lock();
    for failure in &failures {
        writeln!(
            out,
            "FAIL {}:{}: «{}»: {}",
            failure.origin.file, failure.origin.line, failure.text, failure.problem
        )?;
    }
    writeln!(
        out,
        "{} passed, {} failed",
        count - failures.len(),
        failures.len()
    )?;
    Ok(if !loaded.errors.is_empty() {
        EXIT_ERROR
    } else if failures.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

fn list(sources: RuleSources) -> io::Result<u8> {
    let loaded = load_rules(&sources);
    let rules = &loaded.rules;
    let mut out = io::stdout().lock();
    for pack in &rules.packs {
        let parts: Vec<String> = pack
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(what, n)| format!("{n} {what}"))
            .collect();
        let bundled = if pack.bundled { " [bundled]" } else { "" };
        writeln!(out, "{}{bundled}  {}", pack.name, pack.file)?;
        writeln!(
            out,
            "    {}",
            if parts.is_empty() {
                "empty".to_string()
            } else {
                parts.join(", ")
            }
        )?;
        if let Some(source) = &pack.source {
            writeln!(out, "    source: {source}")?;
        }
        if let Some(license) = &pack.license {
            writeln!(out, "    license: {license}")?;
        }
    }
    let (literals, regexes) = rules.pattern_counts();
    writeln!(
        out,
        "{} packs; one pass matches {literals} literals and {regexes} regexes",
        rules.packs.len()
    )?;
    Ok(if loaded.errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    })
}

fn explain(code: Option<&str>) -> io::Result<u8> {
    let mut out = io::stdout().lock();
    let Some(code) = code else {
        for info in codes::REGISTRY {
            let status = match info.status {
                codes::Status::Stable => "",
                codes::Status::Planned => "  (planned)",
                codes::Status::Runner => "",
            };
            writeln!(
                out,
                "{:<24} {:<8} {}{status}",
                info.code,
                info.severity.as_str(),
                info.summary
            )?;
        }
        return Ok(EXIT_CLEAN);
    };
    let Some(info) = codes::lookup(code) else {
        let all: Vec<String> = codes::REGISTRY.iter().map(|c| c.code.to_string()).collect();
        let hint = factlint::rules::load::nearest(code, &all)
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        eprintln!("factlint: unknown code `{code}`{hint}; `factlint explain` lists every code");
        return Ok(EXIT_ERROR);
    };
    writeln!(
        out,
        "{} ({} by default)\n\n{}\n",
        info.code, info.severity, info.summary
    )?;
    match info.status {
        codes::Status::Stable | codes::Status::Runner => writeln!(out, "{}", info.doc.trim_end())?,
        codes::Status::Planned => writeln!(
            out,
            "This code is reserved by the design, but its check is not implemented in this version: it never reports."
        )?,
    }
    Ok(EXIT_CLEAN)
}
