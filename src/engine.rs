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
use crate::checks::{self, CheckOptions};
use crate::config::Config;
use crate::finding::Finding;
use crate::rules::RuleSet;

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

impl Engine {
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
        checks::check_isolated(name, text, load, &self.rules, check).map(|(article, outcome)| {
            Checked {
                findings: outcome.findings,
                suppressed: outcome.suppressed,
                baselined: 0,
                outside_changes: 0,
                article,
            }
        })
    }
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
}
