//! The command line's arguments: what `factlint --help` shows.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use factlint::finding::Severity;
use factlint::report::Format;
use factlint::rules::RuleSources;

/// factlint checks news articles against what a newsroom knows: facts that
/// contradict the rule packs or each other, typos, and dates that do not add
/// up. Arabic first, English second.
#[derive(Debug, Parser)]
#[command(name = "factlint", version, about, long_about = None)]
#[command(
    after_help = "Exit status: 0 nothing at or above --fail-on, 1 findings, 2 the run failed \
(a broken rule pack or an unreadable article; the other files are still checked)."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

// Parsed once per run: the size of `check`'s arguments costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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
    /// Serve a page where an editor pastes an article, and `POST /check` (JSON) for a CMS.
    Serve(super::serve::ServeArgs),
    /// Run a language server on stdin and stdout, for editors.
    Server,
    /// Explain a finding code, or list every code.
    Explain {
        /// A code such as `typo/substitution`; omit to list all codes.
        code: Option<String>,
    },
}

#[derive(Debug, Args)]
pub(crate) struct RuleArgs {
    /// Add the packs in this folder (or this pack file); repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    pub(crate) rules: Vec<PathBuf>,
    /// Leave out the bundled packs (the lexicon and common typos).
    #[arg(long)]
    pub(crate) no_default_rules: bool,
}

/// Which factlint.yaml applies: `check` and the `rules` commands read the
/// same one, so a newsroom's packs and examples are the ones tested.
#[derive(Debug, Args)]
pub(crate) struct ConfigArgs {
    /// The configuration file [default: factlint.yaml in this folder or the
    /// nearest one above it].
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Ignore any factlint.yaml.
    #[arg(long, conflicts_with = "config")]
    pub(crate) no_config: bool,
}

impl RuleArgs {
    pub(crate) fn sources(&self, extra: &[PathBuf]) -> RuleSources {
        RuleSources {
            no_defaults: self.no_default_rules,
            paths: self.rules.iter().chain(extra).cloned().collect(),
            ..RuleSources::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    /// Colour when writing to a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// How input is read: one article per file in a format, or JSONL records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormat {
    /// Plain text.
    Text,
    /// Markdown, with optional YAML front matter.
    Markdown,
    /// HTML.
    Html,
    /// JSON Lines: one record (an article with its id) per line.
    Jsonl,
}

impl InputFormat {
    /// The article format it forces, if any.
    pub(crate) fn article_format(self) -> Option<factlint::article::Format> {
        match self {
            InputFormat::Text => Some(factlint::article::Format::Text),
            InputFormat::Markdown => Some(factlint::article::Format::Markdown),
            InputFormat::Html => Some(factlint::article::Format::Html),
            InputFormat::Jsonl => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangChoice {
    /// Detect from the script.
    Auto,
    /// Arabic.
    Ar,
    /// English.
    En,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Articles or folders to check; `-` reads one article from stdin.
    #[arg(value_name = "PATH", default_value = ".")]
    pub(crate) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub(crate) format: Format,
    /// Lowest severity that makes the exit status 1 [default: error, or the
    /// configuration's fail_on].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub(crate) fail_on: Option<Severity>,
    #[command(flatten)]
    pub(crate) settings: ConfigArgs,
    /// Report only findings that are not in this baseline file (written
    /// by --write-baseline): adopt factlint on an archive without editing
    /// published text.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub(crate) baseline: Option<PathBuf>,
    /// Record every current finding in FILE as the baseline, then exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff", "statistics"])]
    pub(crate) write_baseline: Option<PathBuf>,
    /// Leave these globs out of folder walks, on top of the
    /// configuration's `exclude` (default: README*, LICENSE*, CHANGELOG*,
    /// target, node_modules, vendor, …); a comma list, repeatable.
    #[arg(long, value_name = "GLOB", value_delimiter = ',')]
    pub(crate) extend_exclude: Vec<String>,
    /// Print the number of findings per code instead of the findings.
    #[arg(long)]
    pub(crate) statistics: bool,
    /// Reference date when the article has no front matter date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub(crate) date: Option<NaiveDate>,
    /// Article language.
    #[arg(long, value_enum, default_value = "auto")]
    pub(crate) lang: LangChoice,
    /// Treat input as this format instead of guessing from the extension
    /// (stdin is plain text). `jsonl`: each PATH (or - for stdin) holds one
    /// record per line, {"id", "text", "lang"?, "date"?, "format"?}; every
    /// output line carries the record's id, and a malformed record is
    /// reported with its line number while the run goes on.
    #[arg(long = "input-format", value_enum, value_name = "FORMAT")]
    pub(crate) input_format: Option<InputFormat>,
    /// The name of the article read from stdin (`-`), for reports and the
    /// configuration's globs; its extension also picks the format.
    #[arg(long, value_name = "PATH")]
    pub(crate) stdin_filename: Option<String>,
    /// Check every file again instead of reading unchanged results from the
    /// cache, and parse the packs given with --rules or by the
    /// configuration again instead of reading them back parsed.
    #[arg(long)]
    pub(crate) no_cache: bool,
    /// Where the cache of results and parsed packs lives [default:
    /// .factlint_cache in the configuration's folder, else in this folder;
    /// or $FACTLINT_CACHE_DIR].
    #[arg(long, value_name = "DIR", env = "FACTLINT_CACHE_DIR")]
    pub(crate) cache_dir: Option<PathBuf>,
    /// Run only codes with these prefixes (`typo,date/hijri`): a comma
    /// list, repeatable, added to the configuration's `select`. Date codes
    /// alone load only the calendar and date packs, and start fastest.
    #[arg(
        long,
        value_name = "CODE",
        value_delimiter = ',',
        visible_alias = "extend-select"
    )]
    pub(crate) select: Vec<String>,
    /// Skip codes with these prefixes: a comma list, repeatable, added to
    /// the configuration's `ignore`.
    #[arg(
        long,
        value_name = "CODE",
        value_delimiter = ',',
        visible_alias = "extend-ignore"
    )]
    pub(crate) ignore: Vec<String>,
    /// The language of the report's messages (`en`, `ar`, or any other
    /// catalogue under messages/) [default: the configuration's
    /// `messages`, else en].
    #[arg(long, value_name = "LANG", value_parser = parse_messages)]
    pub(crate) messages: Option<String>,
    /// When to use colour in the human report (auto honours NO_COLOR and FORCE_COLOR).
    #[arg(long, value_enum, default_value = "auto")]
    pub(crate) color: ColorChoice,
    /// Apply safe fixes to the files (atomically), print what changed, then
    /// report what is left. With `-`, print the fixed text instead.
    #[arg(long)]
    pub(crate) fix: bool,
    /// With --fix, also apply unsafe fixes (those that need a person's
    /// judgement: check the result).
    #[arg(long)]
    pub(crate) unsafe_fixes: bool,
    /// Print a unified diff of the fixes and write nothing (implies --fix).
    #[arg(long)]
    pub(crate) diff: bool,
    /// Report only findings on lines this unified diff adds (`-` reads it
    /// from standard input: `git diff -U0 BASE | factlint check
    /// --changed-lines-only - …`); files it does not touch are not checked.
    #[arg(long, value_name = "DIFF", conflicts_with = "diff_base")]
    pub(crate) changed_lines_only: Option<PathBuf>,
    /// Report only findings on lines changed since this git revision (the
    /// working tree against REV, e.g. `origin/main`); files unchanged since
    /// are not checked.
    #[arg(long, value_name = "REV")]
    pub(crate) diff_base: Option<String>,
    /// Skip files larger than this (bytes, or with K, M or G): an article
    /// is a few hundred kilobytes; a runaway input is refused, not read.
    #[arg(long, value_name = "SIZE", default_value = "10M", value_parser = parse_size)]
    pub(crate) max_file_size: u64,
    /// Check with this many threads (default: one per core; 1 for a
    /// hook or a job that shares the machine).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum RulesCommand {
    /// Check packs for mistakes; exit 2 if any pack is broken.
    Validate {
        /// Pack folders or files (the bundled packs are always validated too, unless --no-default-rules).
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
        #[command(flatten)]
        settings: ConfigArgs,
    },
    /// Run every pack's `examples:` (rule tests); exit 1 if one fails.
    Test {
        /// Pack folders or files to test with the bundled packs.
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
        #[command(flatten)]
        settings: ConfigArgs,
    },
    /// List loaded packs and what they hold.
    List {
        /// Pack folders or files to add to the bundled packs.
        dirs: Vec<PathBuf>,
        /// Also list every entry's id (`pack.id`, what `disable:` in
        /// factlint.yaml names), marking the disabled ones.
        #[arg(long)]
        ids: bool,
        #[command(flatten)]
        rules: RuleArgs,
        #[command(flatten)]
        settings: ConfigArgs,
    },
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; write YYYY-MM-DD, e.g. 2023-02-24"))
}

/// Accepts a language there is a message catalogue for.
pub(crate) fn parse_messages(text: &str) -> Result<String, String> {
    match factlint::messages::catalogue(text) {
        Some(_) => Ok(text.to_string()),
        None => Err(format!(
            "no messages in `{text}`; there are: {}",
            factlint::messages::languages()
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Parses a size: bytes, or a number with `K`, `M` or `G` (powers of 1024).
pub(crate) fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, ""),
    };
    let multiplier: u64 = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => {
            return Err(format!(
                "`{text}` is not a size; write e.g. 500K, 10M or 1G"
            ));
        }
    };
    let size = digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(multiplier))
        .ok_or_else(|| format!("`{text}` is not a size; write e.g. 500K, 10M or 1G"))?;
    if size > MAX_SIZE {
        return Err(format!(
            "`{text}` is more than factlint reads: one article is at most 1G (its offsets are 32-bit)"
        ));
    }
    Ok(size)
}

/// The largest size limit a user may set: token offsets are `u32`, and a
/// normalised text may be longer than the file (a ligature becomes its
/// letters), so 1 GiB leaves room to spare.
const MAX_SIZE: u64 = 1 << 30;

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_take_units_and_stop_at_one_gibibyte() {
        assert_eq!(parse_size("500K"), Ok(500 << 10));
        assert_eq!(parse_size("10M"), Ok(10 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("2048"), Ok(2048));
        let over = parse_size("2G").unwrap_err();
        assert!(over.contains("at most 1G"), "{over}");
        assert!(parse_size("ten").unwrap_err().contains("not a size"));
        assert!(parse_size("99999999999999999999G").is_err());
    }
}
