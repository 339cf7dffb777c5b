//! `factlint.yaml`: a newsroom's settings, found by walking up from the
//! working folder (or given with `--config`).
//!
//! ```yaml
//! rules: [rules/newsroom]          # pack folders, relative to this file
//! no_default_rules: false
//! select: [typo, date]             # run only these code prefixes
//! ignore: [date/hijri]             # skip these
//! severity:                        # per-code severity overrides
//!   fact/tenure: error
//! fail_on: warning
//! hijri_tolerance_days: 1
//! counter_tolerance_days: 1
//! english_day_first: false
//! missing_then_severity: warning
//! arabic_strict_spelling: false    # also flag اسرائيل, الى, فى
//! accept: [Wich, 'ال[دذ]وسري']     # words no typo check reports
//! disable: [typos-en.recieve]      # pack entries to turn off, by pack.id
//! messages: ar                     # the report's language (default en)
//! files:                           # settings for files matching a glob
//!   "articles/ar/**": { lang: ar }
//!   "wires/**": { ignore: [consistency/spelling], english_day_first: true }
//! ```
//!
//! Unknown keys are errors, reported at their file, line and column with the
//! nearest valid key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::article::{Language, LoadOptions};
use crate::checks::CheckOptions;
use crate::diagnostic::{Domain, ErrorKind, SourceError};
use crate::finding::Severity;

/// The configuration domain: codes `factlint::config::*`.
#[derive(Debug, Clone)]
pub struct Configuration;

impl Domain for Configuration {
    const PREFIX: &'static str = "factlint::config";
}

/// One mistake in `factlint.yaml`, at its line and column.
pub type ConfigError = SourceError<Configuration>;
use crate::rules::raw::Located;

/// The names factlint looks for, in this order, in each folder.
pub const CONFIG_NAMES: &[&str] = &["factlint.yaml", ".factlint.yaml", "factlint.yml"];

/// A severity as written in the configuration.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ConfigSeverity {
    /// Info.
    Info,
    /// Warning.
    Warning,
    /// Error.
    Error,
}

impl From<ConfigSeverity> for Severity {
    fn from(value: ConfigSeverity) -> Self {
        match value {
            ConfigSeverity::Info => Severity::Info,
            ConfigSeverity::Warning => Severity::Warning,
            ConfigSeverity::Error => Severity::Error,
        }
    }
}

/// Settings for the files a glob matches.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    /// The articles' language.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub lang: Option<Located>,
    /// Code prefixes to run only.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub select: Vec<Located>,
    /// Code prefixes to skip.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub ignore: Vec<Located>,
    /// Severity overrides.
    #[serde(default)]
    pub severity: BTreeMap<String, ConfigSeverity>,
    /// Read numeric English dates day first.
    pub english_day_first: Option<bool>,
}

/// The configuration file, as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Pack folders or files, relative to the configuration file.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub rules: Vec<Located>,
    /// Leave out the bundled packs.
    #[serde(default)]
    pub no_default_rules: bool,
    /// Pack entries to turn off, by `pack.id` as reports print it
    /// (`rule: typos-en.recieve`): one bundled typo pair, person, counter
    /// or example, without forking its pack.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub disable: Vec<Located>,
    /// Code prefixes to run only.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub select: Vec<Located>,
    /// Code prefixes to skip.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub ignore: Vec<Located>,
    /// Severity overrides, by code.
    #[serde(default)]
    pub severity: BTreeMap<String, ConfigSeverity>,
    /// The lowest severity that fails the run.
    pub fail_on: Option<ConfigSeverity>,
    /// Days a Hijri date may be off its Gregorian twin.
    pub hijri_tolerance_days: Option<i64>,
    /// Days a day counter may be off the reference date.
    pub counter_tolerance_days: Option<i64>,
    /// Read numeric English dates day first.
    pub english_day_first: Option<bool>,
    /// The severity of a missing "then"/"former".
    pub missing_then_severity: Option<ConfigSeverity>,
    /// Words (or whole-word regexes) that no typo or spelling check reports.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub accept: Vec<Located>,
    /// The language of the report's messages (`en`, `ar`: a catalogue
    /// under `messages/`).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub messages: Option<Located>,
    /// Report a dropped hamza on alif and ى for final ي (`typo/spelling`).
    pub arabic_strict_spelling: Option<bool>,
    /// Globs of files and folders a folder walk leaves out, replacing
    /// [`DEFAULT_EXCLUDE`].
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<String>>"))]
    pub exclude: Option<Vec<Located>>,
    /// Globs left out on top of `exclude` (or of the defaults).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub extend_exclude: Vec<Located>,
    /// Settings per glob.
    #[serde(default)]
    pub files: BTreeMap<String, FileSettings>,
}

/// What a folder walk leaves out unless `exclude` says otherwise: a
/// repository's own documents are not articles, and build and dependency
/// folders are not the newsroom's. A pattern without `/` matches a file or
/// folder name anywhere; one with `/` matches a path from the walk's
/// folder. Files named on the command line are always checked.
pub const DEFAULT_EXCLUDE: &[&str] = &[
    "README*",
    "LICENSE*",
    "LICENCE*",
    "COPYING*",
    "NOTICE*",
    "CHANGELOG*",
    "CHANGES*",
    "HISTORY*",
    "CONTRIBUTING*",
    "CODE_OF_CONDUCT*",
    "SECURITY*",
    "AUTHORS*",
    "target",
    "node_modules",
    "vendor",
];

/// A loaded configuration, with where it came from.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from.
    pub path: PathBuf,
    /// What it says.
    pub raw: RawConfig,
    /// The compiled globs of `files`, in file order, with their settings.
    pub globs: Vec<(globset::GlobMatcher, FileSettings)>,
    /// The file's text, to locate mistakes found after the rules load (a
    /// `disable:` id no pack defines).
    pub text: Arc<str>,
    /// The configuration's folder with its links resolved, and the folder
    /// factlint runs in: found once, not once per checked file.
    resolved_folder: PathBuf,
    working_folder: PathBuf,
}

/// The settings the configuration gives both at its top and per glob, so
/// that one merge serves the whole run and each file.
struct Overlay<'a> {
    lang: Option<&'a Located>,
    select: &'a [Located],
    ignore: &'a [Located],
    severity: &'a BTreeMap<String, ConfigSeverity>,
    english_day_first: Option<bool>,
}

impl Overlay<'_> {
    /// Lays these settings over `load` and `check`: code lists and severity
    /// overrides add up, a set value replaces, and a language already
    /// chosen (on the command line, or by an earlier glob) stays.
    fn apply(&self, load: &mut LoadOptions, check: &mut CheckOptions) {
        if load.language.is_none()
            && let Some(lang) = self.lang.and_then(|l| Language::from_code(&l.value))
        {
            load.language = Some(lang);
        }
        let codes = |list: &[Located]| {
            list.iter()
                .map(|c| c.value.trim().to_string())
                .collect::<Vec<_>>()
        };
        check.select.extend(codes(self.select));
        check.ignore.extend(codes(self.ignore));
        check.severity.extend(
            self.severity
                .iter()
                .map(|(code, s)| (code.clone(), (*s).into())),
        );
        if let Some(day_first) = self.english_day_first {
            check.english_day_first = day_first;
        }
    }
}

impl RawConfig {
    fn overlay(&self) -> Overlay<'_> {
        Overlay {
            lang: None,
            select: &self.select,
            ignore: &self.ignore,
            severity: &self.severity,
            english_day_first: self.english_day_first,
        }
    }
}

impl FileSettings {
    fn overlay(&self) -> Overlay<'_> {
        Overlay {
            lang: self.lang.as_ref(),
            select: &self.select,
            ignore: &self.ignore,
            severity: &self.severity,
            english_day_first: self.english_day_first,
        }
    }
}

impl Config {
    /// The run's options: the configuration's top-level settings over the
    /// defaults (the command line's code lists add to these).
    pub fn run_options(&self) -> CheckOptions {
        let mut check = CheckOptions::default();
        let raw = &self.raw;
        raw.overlay().apply(&mut LoadOptions::default(), &mut check);
        if let Some(days) = raw.hijri_tolerance_days {
            check.hijri_tolerance_days = days;
        }
        if let Some(days) = raw.counter_tolerance_days {
            check.counter_tolerance_days = days;
        }
        if let Some(severity) = raw.missing_then_severity {
            check.missing_then_severity = severity.into();
        }
        if let Some(strict) = raw.arabic_strict_spelling {
            check.arabic_strict_spelling = strict;
        }
        check
    }

    /// The options for one file: the settings of every glob it matches,
    /// applied in file order over the run's options.
    pub fn file_options(
        &self,
        path: &Path,
        load: &LoadOptions,
        check: &CheckOptions,
    ) -> (LoadOptions, CheckOptions) {
        let (mut load, mut check) = (load.clone(), check.clone());
        for settings in self.settings_for(path) {
            settings.overlay().apply(&mut load, &mut check);
        }
        (load, check)
    }

    /// The globs a folder walk leaves out: `exclude` (or the defaults)
    /// plus `extend_exclude`.
    pub fn exclude_patterns(&self) -> Vec<String> {
        let base: Vec<String> = match &self.raw.exclude {
            Some(list) => list.iter().map(|l| l.value.trim().to_string()).collect(),
            None => DEFAULT_EXCLUDE.iter().map(|s| s.to_string()).collect(),
        };
        base.into_iter()
            .chain(
                self.raw
                    .extend_exclude
                    .iter()
                    .map(|l| l.value.trim().to_string()),
            )
            .collect()
    }

    /// The catalogue `messages:` names (validated when the file loaded).
    pub fn catalogue(&self) -> Option<&'static crate::messages::Catalogue> {
        self.raw
            .messages
            .as_ref()
            .and_then(|m| crate::messages::catalogue(&m.value))
    }

    /// The configuration's `accept:` entries.
    pub fn accepted(&self) -> Vec<String> {
        self.raw.accept.iter().map(|a| a.value.clone()).collect()
    }

    /// The folder the configuration's relative paths start from.
    pub fn folder(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// Lays the configuration's rule settings over the command line's:
    /// its pack folders first, `no_default_rules`, and the `disable:` ids.
    pub fn rule_sources(&self, sources: &mut crate::rules::RuleSources) {
        sources.paths.splice(0..0, self.rule_paths());
        sources.no_defaults |= self.raw.no_default_rules;
        sources
            .disable
            .extend(self.raw.disable.iter().map(|d| d.value.trim().to_string()));
    }

    /// Located errors for the `disable:` ids that no loaded pack defines,
    /// each with the nearest id that exists.
    pub fn disable_errors(&self, loaded: &crate::rules::Loaded) -> Vec<ConfigError> {
        let name = self.path.display().to_string();
        self.raw
            .disable
            .iter()
            .filter(|d| loaded.unknown_disabled.iter().any(|u| u == d.value.trim()))
            .map(|entry| {
                let wanted = entry.value.trim();
                let span = entry.referenced.span();
                let help = match loaded.rules.nearest_rule_id(wanted) {
                    Some(near) => format!(
                        "did you mean `{near}`? ids are `pack.id`, as a finding's `rule:` line prints them; `factlint rules list --ids` lists them all"
                    ),
                    None => "ids are `pack.id`, as a finding's `rule:` line prints them; `factlint rules list --ids` lists them all".to_string(),
                };
                ConfigError::at(
                    ErrorKind::InvalidValue,
                    &name,
                    &self.text,
                    span.byte_offset().unwrap_or(0) as usize,
                    span.byte_len().unwrap_or(1) as usize,
                    format!("`disable` names `{wanted}`, which no loaded pack defines"),
                )
                .with_help(help)
            })
            .collect()
    }

    /// The pack folders, resolved against the configuration's folder.
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        self.raw
            .rules
            .iter()
            .map(|r| self.folder().join(r.value.trim()))
            .collect()
    }

    /// The settings of every glob that matches `path` (relative to the
    /// configuration's folder when it is inside it).
    pub fn settings_for(&self, path: &Path) -> Vec<&FileSettings> {
        // Resolving the path costs system calls for each of its folders: a
        // configuration without `files` globs needs none of it.
        if self.globs.is_empty() {
            return Vec::new();
        }
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.working_folder.join(path)
        };
        let relative = absolute
            .canonicalize()
            .unwrap_or(absolute.clone())
            .strip_prefix(&self.resolved_folder)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.to_path_buf());
        self.globs
            .iter()
            .filter(|(glob, _)| glob.is_match(&relative) || glob.is_match(path))
            .map(|(_, settings)| settings)
            .collect()
    }
}

/// Finds the configuration file: `factlint.yaml` (or `.factlint.yaml`,
/// `factlint.yml`) in `start` or the nearest folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|folder| {
        CONFIG_NAMES
            .iter()
            .map(|name| folder.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// Reads and validates a configuration file.
pub fn load(path: &Path) -> Result<Config, Vec<ConfigError>> {
    let name = path.display().to_string();
    let text: Arc<str> = std::fs::read_to_string(path).map(Arc::from).map_err(|e| {
        vec![ConfigError::file(
            ErrorKind::Io,
            &name,
            format!("cannot read: {e}"),
        )]
    })?;
    let raw: RawConfig = serde_saphyr::from_str(&text)
        .map_err(|err| vec![crate::diagnostic::yaml::yaml_error(&name, &text, &err)])?;
    let mut errors = Vec::new();
    // A value the format does not allow, at `len` bytes from `offset`.
    let invalid = |offset: usize, len: usize, message: String, help: String| {
        ConfigError::at(ErrorKind::InvalidValue, &name, &text, offset, len, message).with_help(help)
    };
    let locate = |at: &Located| {
        let span = at.referenced.span();
        (
            span.byte_offset().unwrap_or(0) as usize,
            span.byte_len().unwrap_or(1) as usize,
        )
    };
    let check_codes = |list: &[Located], errors: &mut Vec<ConfigError>| {
        for code in list {
            if !crate::checks::codes::is_known_prefix(code.value.trim()) {
                let (offset, len) = locate(code);
                let help = match crate::checks::codes::suggest(code.value.trim()) {
                    Some(best) => {
                        format!("did you mean `{best}`? `factlint explain` lists every code")
                    }
                    None => "`factlint explain` lists every code".to_string(),
                };
                errors.push(invalid(
                    offset,
                    len,
                    format!("`{}` matches no finding code", code.value.trim()),
                    help,
                ));
            }
        }
    };
    // A pack folder the configuration names must exist: a typo here is the
    // configuration's mistake, located in factlint.yaml, not a broken pack.
    let folder = path.parent().unwrap_or(Path::new("."));
    for entry in &raw.rules {
        let target = folder.join(entry.value.trim());
        if !target.exists() {
            let (offset, len) = locate(entry);
            errors.push(invalid(
                offset,
                len,
                format!("`{}` is not a file or folder", entry.value.trim()),
                format!(
                    "pack paths are relative to this file's folder ({}); it would be {}",
                    folder.display(),
                    target.display()
                ),
            ));
        }
    }
    check_codes(&raw.select, &mut errors);
    check_codes(&raw.ignore, &mut errors);
    // A finding code under `disable:` belongs under `ignore:`; pack ids are
    // checked once the packs are loaded (`Config::disable_errors`).
    for entry in &raw.disable {
        let wanted = entry.value.trim();
        if !wanted.contains('.') && crate::checks::codes::is_known_prefix(wanted) {
            let (offset, len) = locate(entry);
            errors.push(invalid(
                offset,
                len,
                format!("`{wanted}` is a finding code, not a pack entry"),
                format!(
                    "`disable:` turns off one pack entry by `pack.id`; to skip every `{wanted}` finding, put it under `ignore:`"
                ),
            ));
        }
    }
    // Keys that serde reads as plain values are located by their text.
    let at_key = |key: &str| text.find(key).map_or((0, 0), |offset| (offset, key.len()));
    let severities = std::iter::once(&raw.severity).chain(raw.files.values().map(|f| &f.severity));
    for code in severities.flat_map(BTreeMap::keys) {
        if !crate::checks::codes::is_known_prefix(code.trim()) {
            let (offset, len) = at_key(code);
            errors.push(invalid(
                offset,
                len,
                format!("`severity` names `{code}`, which matches no finding code"),
                "`factlint explain` lists every code".to_string(),
            ));
        }
    }
    for (key, value, range) in [
        ("hijri_tolerance_days", raw.hijri_tolerance_days, 0..=7),
        (
            "counter_tolerance_days",
            raw.counter_tolerance_days,
            0..=366,
        ),
    ] {
        if let Some(days) = value
            && !range.contains(&days)
        {
            let (offset, len) = at_key(key);
            errors.push(invalid(
                offset,
                len,
                format!("`{key}: {days}` is out of range"),
                format!("use {} to {} days", range.start(), range.end()),
            ));
        }
    }
    for entry in &raw.accept {
        if let Err(message) = crate::spelling::accept::Accept::default().add(&entry.value) {
            let (offset, len) = locate(entry);
            errors.push(ConfigError::at(
                ErrorKind::InvalidRegex,
                &name,
                &text,
                offset,
                len,
                message,
            ));
        }
    }
    if let Some(messages) = &raw.messages
        && crate::messages::catalogue(&messages.value).is_none()
    {
        let (offset, len) = locate(messages);
        errors.push(invalid(
            offset,
            len,
            format!("no messages in `{}`", messages.value),
            format!(
                "use one of: {}",
                crate::messages::languages().collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    let mut globs = Vec::new();
    for (pattern, settings) in &raw.files {
        check_codes(&settings.select, &mut errors);
        check_codes(&settings.ignore, &mut errors);
        if let Some(lang) = &settings.lang
            && Language::from_code(&lang.value).is_none()
        {
            let (offset, len) = locate(lang);
            errors.push(invalid(
                offset,
                len,
                format!("unknown language `{}`", lang.value),
                "use `ar` or `en`".to_string(),
            ));
        }
        match globset::Glob::new(pattern) {
            Ok(glob) => globs.push((glob.compile_matcher(), settings.clone())),
            Err(err) => {
                let offset = text.find(pattern.as_str()).unwrap_or(0);
                errors.push(invalid(
                    offset,
                    pattern.len(),
                    format!("invalid glob: {err}"),
                    "globs use `*`, `**` and `?`, e.g. `articles/ar/**`".to_string(),
                ));
            }
        }
    }
    for pattern in raw.exclude.iter().flatten().chain(&raw.extend_exclude) {
        if let Err(err) = globset::Glob::new(pattern.value.trim()) {
            let (offset, len) = locate(pattern);
            errors.push(invalid(
                offset,
                len,
                format!("invalid glob: {err}"),
                "globs use `*`, `**` and `?`, e.g. `drafts/**` or `README*`".to_string(),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let folder = path.parent().unwrap_or(Path::new("."));
    Ok(Config {
        path: path.to_path_buf(),
        raw,
        globs,
        text,
        resolved_folder: folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf()),
        working_folder: std::env::current_dir().unwrap_or_default(),
    })
}

/// The commented starting file `factlint init` writes.
pub const STARTER: &str = r#"# factlint configuration. factlint finds this file by walking up from the
# folder it runs in; `factlint check --config FILE` names another.
# Every key is optional; unknown keys are errors.

# Folders (or files) of rule packs, relative to this file. The bundled
# packs (countries, calendars, ranks, common typos) load too, unless
# no_default_rules is true.
rules: []
no_default_rules: false

# Turn off single pack entries (a bundled typo pair, person, counter or
# example) by `pack.id`, as a finding's `rule:` line prints it;
# `factlint rules list --ids` lists every id.
disable: []
#   - typos-en.recieve

# Run only the codes under these prefixes (all when empty), and skip these.
# `factlint explain` lists every code.
select: []
ignore: []

# Severity per code: error, warning or info.
severity: {}
#   fact/tenure: error
#   typo/repeated-word: info

# The lowest severity that makes `factlint check` exit with status 1.
fail_on: error

# Days a Hijri date may be off its Gregorian twin (months begin by moon
# sighting), and days a "day N" counter may be off the article's date.
hijri_tolerance_days: 1
counter_tolerance_days: 1

# Read numeric English dates day first (22/2/2023) instead of month first.
english_day_first: false

# The severity of a missing "then"/"former" for someone no longer in post.
missing_then_severity: warning

# What a folder walk leaves out (files named on the command line are always
# checked). A pattern without "/" matches a name anywhere, one with "/" a path.
# exclude replaces the defaults (README*, LICENSE*, CHANGELOG*, target,
# node_modules, vendor, …); extend_exclude adds to them.
extend_exclude: []
#   - "drafts/**"

# Settings for files that match a glob (relative to this file).
files: {}
#   "articles/ar/**": { lang: ar }
#   "wires/**": { ignore: [consistency/spelling], english_day_first: true }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<Config, Vec<ConfigError>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("factlint.yaml");
        std::fs::write(&path, text).unwrap();
        load(&path)
    }

    #[test]
    fn the_starter_file_loads() {
        let config = load_text(STARTER).expect("the starter file is valid");
        assert_eq!(config.raw.fail_on, Some(ConfigSeverity::Error));
    }

    #[test]
    fn unknown_keys_are_located() {
        let errors = load_text("select: [typo]\nignroe: [date]\n").unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (2, 1));
        assert!(
            errors[0].help.as_deref().unwrap().contains("`ignore`"),
            "{:?}",
            errors[0].help
        );
    }

    #[test]
    fn unknown_codes_are_located() {
        let errors = load_text("ignore: [typo, dates/hijri]\n").unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (1, 16));
    }

    #[test]
    fn globs_select_settings() {
        let config = load_text("files:\n  \"articles/ar/**\": { lang: ar }\n").unwrap();
        assert_eq!(config.settings_for(Path::new("articles/ar/x.txt")).len(), 1);
        assert!(
            config
                .settings_for(Path::new("articles/en/x.txt"))
                .is_empty()
        );
    }
}
