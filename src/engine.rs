//! One checking session: the rules loaded once and the options resolved
//! once, then any number of articles checked against them.
//!
//! Every way into factlint checks text through an [`Engine`]: the command
//! line over files, JSONL records, the HTTP server and the language server.
//! Keeping the per-article steps here (options per file, loading, the
//! checks, turning a panicking check into an error of that article) means
//! they cannot drift apart between those front ends.

use std::path::Path;

use crate::article::{Article, LoadError, LoadOptions};
use crate::checks::codes;
use crate::checks::{self, CheckOptions};
use crate::config::{Config, ConfigError};
use crate::finding::Finding;
use crate::rules::{PackError, RuleSet, RuleSources};

/// A checked article and its findings.
#[derive(Debug)]
pub struct Checked {
    /// The article.
    pub article: Article,
    /// Its findings, in source order.
    pub findings: Vec<Finding>,
    /// How many findings inline suppressions removed.
    pub suppressed: usize,
    /// How many findings a baseline removed.
    pub baselined: usize,
    /// How many findings `--changed-lines-only`/`--diff-base` left out
    /// because they touch no changed line.
    pub outside_changes: usize,
}

/// What one article is checked with: the loaded rules, the configuration
/// (for per-file globs) and the run's options. Shared by reference between
/// threads; checking never mutates it.
#[derive(Debug)]
pub struct Engine {
    rules: RuleSet,
    config: Option<Config>,
    load: LoadOptions,
    check: CheckOptions,
}

/// What a front end asks for on top of the configuration: its own packs
/// and codes (from the command line or the server's flags) and its load
/// options.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Packs named by the front end; the configuration's come first.
    pub sources: RuleSources,
    /// Load options (language, date, format) before per-file globs.
    pub load: LoadOptions,
    /// Codes or prefixes to select, over the configuration's.
    pub select: Vec<String>,
    /// Codes or prefixes to ignore, over the configuration's.
    pub ignore: Vec<String>,
}

/// A started engine and the packs that could not be read: those are left
/// out, and each front end reports them its own way (stderr, an editor's
/// log) and decides whether they stop it.
#[derive(Debug)]
pub struct Started {
    /// The engine over every pack that loaded.
    pub engine: Engine,
    /// Located errors of the packs that were left out.
    pub pack_errors: Vec<PackError>,
    /// Configuration errors that only the loaded packs reveal: `disable:`
    /// ids that name no entry.
    pub config_errors: Vec<ConfigError>,
}

impl Started {
    /// Whether a pack or the configuration was broken: the run goes on
    /// with what loaded, and fails at the end.
    pub fn failed(&self) -> bool {
        !self.pack_errors.is_empty() || !self.config_errors.is_empty()
    }
}

impl Engine {
    /// Starts a session the same way for every front end: the
    /// configuration's packs, then the request's; the `accept:` list; the
    /// configuration's options with the request's codes on top. Fails with
    /// a message when a code matches nothing or an `accept:` entry is
    /// invalid, so that no front end checks with options it misread.
    pub fn start(config: Option<Config>, request: Request) -> Result<Started, String> {
        codes::check_prefixes(request.select.iter().chain(&request.ignore))?;
        let mut sources = rule_sources(config.as_ref(), request.sources);
        sources.only_codes = only_codes(config.as_ref(), &request.select, &sources);
        let mut loaded = RuleSet::load(&sources);
        let mut config_errors = Vec::new();
        if let Some(config) = &config {
            config_errors = config.disable_errors(&loaded);
            loaded.rules.accept_also(&config.accepted())?;
        }
        let mut check = config
            .as_ref()
            .map_or_else(CheckOptions::default, Config::run_options);
        check.select.extend(request.select);
        check.ignore.extend(request.ignore);
        Ok(Started {
            engine: Engine::new(loaded.rules, config, request.load, check),
            pack_errors: loaded.errors,
            config_errors,
        })
    }

    /// An engine over loaded rules. `load` and `check` are the run's
    /// options (the configuration's top level and the command line
    /// already merged); `config` adds its per-file globs on top.
    pub fn new(
        rules: RuleSet,
        config: Option<Config>,
        load: LoadOptions,
        check: CheckOptions,
    ) -> Engine {
        Engine {
            rules,
            config,
            load,
            check,
        }
    }

    /// The loaded rules.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The configuration in use, if any.
    pub fn config(&self) -> Option<&Config> {
        self.config.as_ref()
    }

    /// The run's load options (before per-file globs).
    pub fn load_options(&self) -> &LoadOptions {
        &self.load
    }

    /// The options for the article at `file`: the configuration's globs
    /// over the run's options. Standard input (`-`) matches no glob.
    pub fn options_for(&self, file: &Path) -> (LoadOptions, CheckOptions) {
        match &self.config {
            Some(config) if file.as_os_str() != "-" => {
                config.file_options(file, &self.load, &self.check)
            }
            _ => (self.load.clone(), self.check.clone()),
        }
    }

    /// Checks the text of the article named `name` (a path, or `-`), with
    /// the options for that path.
    pub fn check(&self, name: &str, text: String) -> Result<Checked, LoadError> {
        self.check_file(Path::new(name), name, text)
    }

    /// Checks the text read from `file`, reported as `name` (the two differ
    /// when the file name is not UTF-8).
    pub fn check_file(&self, file: &Path, name: &str, text: String) -> Result<Checked, LoadError> {
        let (load, check) = self.options_for(file);
        self.check_with(name, text, &load, &check)
    }

    /// Checks a text with explicit options (a record or a request that
    /// carries its own language, date or format). A panicking check becomes
    /// [`LoadError::Internal`] for this text ([`checks::check_isolated`]).
    pub fn check_with(
        &self,
        name: &str,
        text: String,
        load: &LoadOptions,
        check: &CheckOptions,
    ) -> Result<Checked, LoadError> {
        checks::check_isolated(name, text, load, &self.rules, check).map(
            |(mut article, outcome)| {
                // Only the checks read the normalised text; the reports, fixes
                // and editors read the original. A long article gives its
                // memory back before its report is written.
                article.normalized = crate::text::Normalized::default();
                Checked {
                    findings: outcome.findings,
                    suppressed: outcome.suppressed,
                    baselined: 0,
                    outside_changes: 0,
                    article,
                }
            },
        )
    }
}

/// The codes a run can report at most, when a selection narrows them for
/// every file: the command line's and the configuration's top-level
/// `select`, with each glob's (a glob's `select` adds codes for its
/// files). `None` when some file runs every check, or when `disable:`
/// names entries (its ids are checked against every bundled pack).
fn only_codes(
    config: Option<&Config>,
    select: &[String],
    sources: &RuleSources,
) -> Option<Vec<String>> {
    let mut codes: Vec<String> = select.to_vec();
    if let Some(config) = config {
        codes.extend(config.raw.select.iter().map(|c| c.value.clone()));
    }
    if codes.is_empty() || !sources.disable.is_empty() {
        return None;
    }
    if let Some(config) = config {
        for (_, settings) in &config.globs {
            codes.extend(settings.select.iter().map(|c| c.value.clone()));
        }
    }
    let codes = codes
        .iter()
        .flat_map(|c| c.split(','))
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    Some(codes)
}

/// The packs a run loads: the configuration's folders first, then those
/// the front end names; either can leave out the bundled packs. Shared
/// with `factlint rules`, so that a newsroom's own packs and examples are
/// the ones validated and tested.
pub fn rule_sources(config: Option<&Config>, requested: RuleSources) -> RuleSources {
    let mut sources = requested;
    if let Some(config) = config {
        config.rule_sources(&mut sources);
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::load::parse_pack;
    use std::sync::Arc;

    fn engine(pack: &str) -> Engine {
        let pack = parse_pack("house.yaml", Arc::from(pack), false).expect("valid pack");
        let rules = RuleSet::from_packs(vec![pack]).expect("patterns compile");
        Engine::new(rules, None, LoadOptions::default(), CheckOptions::default())
    }

    #[test]
    fn checks_many_texts_with_one_set_of_rules() {
        let engine = engine("typos:\n  - { find: teh, replace: the }\n");
        let first = engine
            .check("a.txt", "We saw teh report.\n".into())
            .unwrap();
        let second = engine.check("b.txt", "Nothing here.\n".into()).unwrap();
        assert_eq!(first.findings.len(), 1);
        assert_eq!(first.findings[0].code(), "typo/substitution");
        assert!(second.findings.is_empty());
    }

    #[test]
    fn explicit_options_override_the_run() {
        let engine = engine("typos:\n  - { find: teh, replace: the }\n");
        let mut check = CheckOptions::default();
        check.ignore.push("typo".into());
        let checked = engine
            .check_with("a.txt", "teh\n".into(), &LoadOptions::default(), &check)
            .unwrap();
        assert!(checked.findings.is_empty());
    }

    #[test]
    fn start_refuses_a_code_that_matches_nothing() {
        let request = Request {
            sources: RuleSources {
                no_defaults: true,
                ..RuleSources::default()
            },
            select: vec!["typ/x".into()],
            ..Request::default()
        };
        let message = Engine::start(None, request).unwrap_err();
        assert!(
            message.contains("`typ/x` matches no finding code"),
            "{message}"
        );
    }

    #[test]
    fn start_puts_the_request_codes_over_the_configuration() {
        let text = "On Tuesday, 3 June 2024, it rained.\n";
        let codes_found = |ignore: Vec<String>| {
            // The bundled packs name the weekdays.
            let request = Request {
                ignore,
                ..Request::default()
            };
            let started = Engine::start(None, request).unwrap();
            assert!(started.pack_errors.is_empty());
            let checked = started.engine.check("a.txt", text.into()).unwrap();
            checked
                .findings
                .iter()
                .map(|f| f.code().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(codes_found(Vec::new()), ["date/weekday"]);
        assert!(codes_found(vec!["date".into()]).is_empty());
    }

    /// A run of date codes only loads the date packs, and finds on every
    /// fixture what a run with every bundled pack finds.
    #[test]
    fn date_runs_load_only_the_date_packs_and_find_the_same() {
        let request = Request {
            select: vec!["date".into()],
            ..Request::default()
        };
        let dates = Engine::start(None, request).expect("starts").engine;
        let files: Vec<&str> = dates
            .rules()
            .packs
            .iter()
            .map(|p| p.file.as_str())
            .collect();
        let expected: Vec<String> = crate::rules::bundled::DATE_PACKS
            .iter()
            .map(|p| crate::rules::bundled::display_name(p))
            .collect();
        assert_eq!(files, expected);
        let every_pack = Engine::new(
            RuleSet::load(&RuleSources::default()).rules,
            None,
            LoadOptions::default(),
            CheckOptions {
                select: vec!["date".into()],
                ..CheckOptions::default()
            },
        );
        assert!(every_pack.rules().packs.len() > expected.len());
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut checked = 0;
        let mut found = 0;
        for entry in std::fs::read_dir(folder).expect("fixtures/ is readable") {
            let path = entry.expect("an entry").path();
            let name = path.display().to_string();
            if name.ends_with(".expect.yaml") || !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a UTF-8 fixture");
            let fewer = dates.check(&name, text.clone()).expect("checks");
            let all = every_pack.check(&name, text).expect("checks");
            assert_eq!(fewer.findings, all.findings, "{name}");
            assert_eq!(
                fewer.article.reference_date, all.article.reference_date,
                "{name}"
            );
            checked += 1;
            found += all.findings.len();
        }
        assert!(
            checked >= 10 && found > 0,
            "{checked} fixtures, {found} findings"
        );
    }

    /// A selection wider than the dates, in any layer, keeps every pack.
    #[test]
    fn other_codes_keep_every_pack() {
        for select in [
            vec![],
            vec!["date".to_string(), "typo".to_string()],
            vec!["date,fact".to_string()],
        ] {
            let codes = only_codes(None, &select, &RuleSources::default());
            let all = crate::rules::bundled::BUNDLED_PACKS
                .iter()
                .all(|(path, _)| crate::rules::bundled::needed_for(path, codes.as_deref()));
            assert!(all, "{select:?}");
        }
        let disabled = RuleSources {
            disable: vec!["typos-en.goverment".into()],
            ..RuleSources::default()
        };
        assert_eq!(only_codes(None, &["date".to_string()], &disabled), None);
    }
}
