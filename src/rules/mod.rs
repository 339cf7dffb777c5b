//! Rule packs: YAML files that say what a newsroom knows.
//!
//! The path of a pack follows ripgrep's habit of parsing raw, then
//! compiling: [`raw`] mirrors the YAML, [`load`] validates it into a
//! [`model::Pack`] (every mistake located at file:line:column), and
//! [`RuleSet`] merges all packs and compiles their patterns into one
//! [`matcher::Matcher`]. One broken pack is reported and left out; the
//! others still load.

pub mod annotate;
pub mod bundled;
pub mod compiled;
mod csv_rows;
pub mod error;
pub mod load;
pub mod matcher;
pub mod model;
pub mod pack_cache;
pub mod precompiled;
pub mod raw;
pub mod references;
pub mod regex_policy;
mod validate;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use error::{PackError, PackErrorKind};
pub use matcher::{CompileError, Matcher, Mention, Target};
pub use model::*;

use crate::article::Article;
use crate::language::Language;
use crate::text::normalize_pattern;

/// Which packs to load.
#[derive(Debug, Clone, Default)]
pub struct RuleSources {
    /// Leave out the bundled packs (`--no-default-rules`).
    pub no_defaults: bool,
    /// Extra pack folders or files (`--rules`).
    pub paths: Vec<PathBuf>,
    /// Entries to leave out, by `pack.id` (`disable:` in factlint.yaml):
    /// a newsroom turns off one bundled typo pair, person or example
    /// without forking the pack.
    pub disable: Vec<String>,
    /// The code prefixes the run may report, when it is known to be fewer
    /// than all: bundled packs no check among them reads are not loaded
    /// (see [`bundled::needed_for`]). `None`: every bundled pack.
    pub only_codes: Option<Vec<String>>,
    /// The cache folder where the packs of `paths` are kept parsed (see
    /// [`pack_cache`]); `None` parses them on every run.
    pub pack_cache: Option<PathBuf>,
}

/// Every loaded pack, merged, with its compiled matcher.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// The packs that loaded.
    pub packs: Vec<PackInfo>,
    /// What all packs hold together.
    pub data: PackData,
    /// The entries `disable:` left out, with their kinds, for
    /// `rules list` and `rules test`.
    pub disabled: Vec<(&'static str, crate::finding::RuleRef)>,
    matcher: Matcher,
    name_index: [std::sync::OnceLock<NameIndex>; 2],
    /// The typo literals that are looked up by word (see
    /// [`matcher::WordTable`]): those starting with an ASCII letter (the
    /// English lists), then the others. Each is built the first time an
    /// article that could hold one of its keys is checked with a check
    /// that reads typo mentions, so an Arabic article never builds the
    /// English list and `--select date` builds neither.
    typo_tables: [std::sync::OnceLock<matcher::WordTable>; 2],
    /// The rows of the deferred lists ([`PackData::deferred_typos`]) that
    /// were read, each the first time it is asked for; their indices follow
    /// those of [`PackData::typos`], list after list.
    listed_typos: std::sync::OnceLock<Vec<std::sync::OnceLock<Box<Typo>>>>,
}

/// Entity names of two or more words, split into normalised words, and an
/// index from each word to the names it appears in.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    /// Each name's normalised words, with its entity and written form.
    pub names: Vec<(Vec<String>, usize, String)>,
    /// For each word, the names (index into `names`) and the word's place.
    pub by_word: rustc_hash::FxHashMap<String, Vec<(usize, usize)>>,
}

impl NameIndex {
    fn new(rules: &RuleSet, language: Language) -> NameIndex {
        let mut index = NameIndex::default();
        for (e, entity) in rules.entities.iter().enumerate() {
            for name in entity.names.get(language) {
                let words: Vec<String> = crate::text::normalize_pattern(name)
                    .split(' ')
                    .map(String::from)
                    .collect();
                if words.len() < 2 {
                    continue;
                }
                let n = index.names.len();
                for (position, word) in words.iter().enumerate() {
                    index
                        .by_word
                        .entry(word.clone())
                        .or_default()
                        .push((n, position));
                }
                index.names.push((words, e, name.clone()));
            }
        }
        index
    }
}

/// The other spelling of an Arabic name's compound parts, written joined
/// or spaced in the press: «عبدالعزيز» for «عبد العزيز» and back, so a
/// pack that has one matches both.
pub fn compound_name_variants(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut variants = Vec::new();
    let mut joined = Vec::new();
    let mut changed = false;
    let mut i = 0;
    while i < words.len() {
        if words[i] == "عبد" && i + 1 < words.len() {
            joined.push(format!("عبد{}", words[i + 1]));
            changed = true;
            i += 2;
        } else {
            joined.push(words[i].to_string());
            i += 1;
        }
    }
    if changed {
        variants.push(joined.join(" "));
    }
    let spaced: Vec<String> = words
        .iter()
        .map(|w| match w.strip_prefix("عبد") {
            Some(rest) if rest.chars().count() >= 2 => format!("عبد {rest}"),
            _ => w.to_string(),
        })
        .collect();
    let spaced = spaced.join(" ");
    if spaced != words.join(" ") {
        variants.push(spaced);
    }
    variants
}

/// The outcome of loading: the packs that loaded, and what was wrong with
/// the others.
#[derive(Debug)]
pub struct Loaded {
    /// The usable rules.
    pub rules: RuleSet,
    /// One entry per mistake in a pack that was left out.
    pub errors: Vec<PackError>,
    /// The `disable:` ids (as given) that name no entry of any loaded
    /// pack: the configuration reports them, located, with the nearest id.
    pub unknown_disabled: Vec<String>,
}

impl std::ops::Deref for RuleSet {
    type Target = PackData;

    fn deref(&self) -> &PackData {
        &self.data
    }
}

impl RuleSet {
    /// Whether a word is on an `accept:` list (never reported as a typo).
    pub fn accepts(&self, word: &str) -> bool {
        self.data.accept.accepts(word)
    }

    /// Adds the configuration's `accept:` entries (validated when the
    /// configuration loaded) to the packs'.
    pub fn accept_also(&mut self, entries: &[String]) -> Result<(), String> {
        for entry in entries {
            self.data.accept.add(entry)?;
        }
        Ok(())
    }

    /// The bundled packs alone.
    pub fn bundled() -> Result<RuleSet, Vec<PackError>> {
        let loaded = RuleSet::load(&RuleSources::default());
        if loaded.errors.is_empty() {
            Ok(loaded.rules)
        } else {
            Err(loaded.errors)
        }
    }

    /// Loads the bundled packs (unless told not to) and every pack under
    /// `sources.paths`. Broken packs are reported in [`Loaded::errors`] and
    /// left out.
    pub fn load(sources: &RuleSources) -> Loaded {
        let mut packs = Vec::new();
        let mut errors = Vec::new();
        if !sources.no_defaults {
            for (path, text) in bundled::BUNDLED_PACKS {
                if !bundled::needed_for(path, sources.only_codes.as_deref()) {
                    continue;
                }
                if let Some(pack) = precompiled::pack(path, text) {
                    packs.push(pack);
                    continue;
                }
                let read = |name: &str| bundled::read_sibling(path, name);
                match load::parse_pack_with(
                    &bundled::display_name(path),
                    Arc::from(*text),
                    true,
                    &read,
                ) {
                    Ok(pack) => packs.push(pack),
                    Err(errs) => errors.extend(errs),
                }
            }
        }
        for path in &sources.paths {
            match discover(path) {
                Ok(files) => {
                    for file in files {
                        match read_pack(&file, sources.pack_cache.as_deref()) {
                            Ok(pack) => packs.push(pack),
                            Err(errs) => errors.extend(errs),
                        }
                    }
                }
                Err(err) => errors.push(*err),
            }
        }
        errors.extend(references::check(&packs));
        // Disabled entries leave after the references are checked: a
        // pattern that names a disabled marker is still a valid pattern.
        let mut disabled = Vec::new();
        let mut used = vec![false; sources.disable.len()];
        if !sources.disable.is_empty() {
            for pack in &mut packs {
                let before = disabled.len();
                disabled.extend(pack.data.remove_entries(&mut |rule| {
                    let mut hit = false;
                    for (i, wanted) in sources.disable.iter().enumerate() {
                        if rule.is_named(wanted.trim()) {
                            hit = true;
                            used[i] = true;
                        }
                    }
                    hit
                }));
                if disabled.len() > before {
                    pack.info.counts = pack.data.counts();
                }
            }
        }
        let unknown_disabled = sources
            .disable
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|(id, _)| id.clone())
            .collect();
        // Named in case the packs' patterns do not fit together.
        let with_regexes: Vec<String> = packs
            .iter()
            .filter_map(|p| {
                let n = p.typos.iter().filter(|t| t.regex).count() + p.counters.len();
                (n > 0).then(|| format!("{} ({n})", p.info.file))
            })
            .collect();
        let rules = RuleSet::from_packs(packs).unwrap_or_else(|error| {
            errors.push(
                PackError::file(PackErrorKind::InvalidRegex, "<rules>", error.to_string())
                    .with_help(format!(
                        "every pack validated alone, but their patterns do not fit together; packs with regexes: {}",
                        with_regexes.join(", ")
                    )),
            );
            RuleSet::from_packs(Vec::new()).expect("an empty rule set always compiles")
        });
        let mut rules = rules;
        rules.disabled = disabled;
        Loaded {
            rules,
            errors,
            unknown_disabled,
        }
    }

    /// Merges validated packs and compiles their patterns.
    pub fn from_packs(packs: Vec<Pack>) -> Result<RuleSet, CompileError> {
        let mut set = RuleSet {
            packs: Vec::new(),
            data: PackData::default(),
            disabled: Vec::new(),
            matcher: matcher::MatcherBuilder::default().build()?,
            name_index: Default::default(),
            typo_tables: Default::default(),
            listed_typos: Default::default(),
        };
        for pack in packs {
            set.packs.push(pack.info);
            set.data.extend(pack.data);
        }
        set.matcher = set.compile()?;
        Ok(set)
    }

    fn compile(&self) -> Result<Matcher, CompileError> {
        let mut b = matcher::MatcherBuilder::with_capacity(
            self.typos.len() + 4 * self.entities.len() + 4096,
        );
        for (i, country) in self.countries.iter().enumerate() {
            for (language, name) in country.names.iter() {
                b.literal(name, language, Target::CountryName(i), false);
            }
            let forms = [
                (
                    &country.demonyms_ar_masculine,
                    DemonymForm::Masculine,
                    Language::Ar,
                ),
                (
                    &country.demonyms_ar_feminine,
                    DemonymForm::Feminine,
                    Language::Ar,
                ),
                (
                    &country.demonyms_ar_plural,
                    DemonymForm::Plural,
                    Language::Ar,
                ),
                (&country.demonyms_en, DemonymForm::English, Language::En),
            ];
            for (list, form, language) in forms {
                for demonym in list {
                    b.literal(
                        demonym,
                        language,
                        Target::Demonym { country: i, form },
                        false,
                    );
                }
            }
        }
        for (list, make) in [
            (&self.months, Target::Month as fn(usize) -> Target),
            (&self.hijri_months, Target::HijriMonth),
            (&self.weekdays, Target::Weekday),
        ] {
            for (i, entry) in list.iter().enumerate() {
                for (language, name) in entry.names.iter() {
                    b.literal(name, language, make(i), false);
                }
            }
        }
        for (i, marker) in self.markers.iter().enumerate() {
            for (language, name) in marker.names.iter() {
                b.literal(name, language, Target::Marker(i), false);
            }
        }
        for (i, verb) in self.verbs.iter().enumerate() {
            b.literal(
                &verb.masculine,
                Language::Ar,
                Target::Verb {
                    index: i,
                    feminine: false,
                },
                false,
            );
            b.literal(
                &verb.feminine,
                Language::Ar,
                Target::Verb {
                    index: i,
                    feminine: true,
                },
                false,
            );
        }
        for (i, rank) in self.ranks.iter().enumerate() {
            for (language, name) in rank.names.iter() {
                b.literal(name, language, Target::Rank(i), false);
            }
        }
        for (i, entity) in self.entities.iter().enumerate() {
            for (language, name) in entity.names.iter() {
                b.literal(name, language, Target::EntityName(i), false);
                if language == Language::Ar {
                    for variant in compound_name_variants(name) {
                        b.literal(&variant, language, Target::EntityName(i), false);
                    }
                }
            }
            for (r, role) in entity.roles.iter().enumerate() {
                for (language, title) in role.title.iter() {
                    b.literal(
                        title,
                        language,
                        Target::RoleTitle {
                            entity: u32::try_from(i).expect("fewer than 2^32 entities"),
                            role: u32::try_from(r).expect("fewer than 2^32 roles"),
                        },
                        false,
                    );
                }
            }
        }
        for (i, event) in self.events.iter().enumerate() {
            for (language, name) in event.names.iter() {
                b.literal(name, language, Target::EventName(i), false);
            }
        }
        for (i, counter) in self.counters.iter().enumerate() {
            for (language, pattern) in &counter.patterns {
                b.regex(pattern, *language, Target::Counter(i));
            }
        }
        for (i, typo) in self.eager_typos() {
            if typo.regex {
                b.regex(&typo.find, typo.language, Target::Typo(i));
            } else if RuleSet::typo_table_of(&typo.find).is_none() {
                b.literal(&typo.find, typo.language, Target::Typo(i), true);
            }
        }
        b.build()
    }

    /// Which typo table a typo literal belongs to (0 when its normalised
    /// form starts with an ASCII letter, else 1), and that form; `None`
    /// when it must go into the matcher's own literals (see
    /// [`matcher::fits_word_table`]). An ASCII literal's normalised form
    /// is the literal trimmed and lower-cased, so it is only built for the
    /// table (about 95,000 allocations saved when no table is needed).
    pub(crate) fn typo_table_of(find: &str) -> Option<usize> {
        let trimmed = find.trim();
        let which = |form: &str| {
            matcher::fits_word_table(form)
                .then(|| usize::from(!form.starts_with(|c: char| c.is_ascii_alphabetic())))
        };
        if trimmed.is_ascii() {
            which(trimmed)
        } else {
            which(&normalize_pattern(trimmed))
        }
    }

    /// The typo table `which` (see [`RuleSet::typo_tables`]), built on
    /// first use, with the rows of the deferred lists that feed it.
    fn typo_table(&self, which: usize) -> &matcher::WordTable {
        self.typo_tables[which].get_or_init(|| {
            // Room for every row that may feed it: growing the index as it
            // fills rehashed a hundred thousand keys several times over.
            let rows = self.typos.len()
                + self
                    .deferred_typos
                    .iter()
                    .filter(|d| d.tables[which] && d.compiled.is_none())
                    .map(|d| d.rows.len())
                    .sum::<usize>();
            let mut table = matcher::WordTable::with_capacity(rows);
            for (i, typo) in self.eager_typos() {
                if typo.regex || RuleSet::typo_table_of(&typo.find) != Some(which) {
                    continue;
                }
                let normalized = normalize_pattern(&typo.find);
                table.normalized_literal(
                    &typo.find,
                    normalized,
                    typo.language,
                    Target::Typo(i),
                    true,
                );
            }
            let mut before = 0;
            for deferred in &self.deferred_typos {
                let start = deferred.at + before;
                before += deferred.rows.len();
                if !deferred.tables[which] {
                    continue;
                }
                if let Some(compiled) = deferred.compiled {
                    table.compiled_list(compiled, start, deferred.language);
                    continue;
                }
                for row in 0..deferred.rows.len() {
                    let find = deferred.find(row);
                    if RuleSet::typo_table_of(find) == Some(which) {
                        table.literal(find, deferred.language, Target::Typo(start + row), true);
                    }
                }
            }
            table
        })
    }

    /// Each entry of [`PackData::typos`] with the `Target::Typo` index it
    /// goes by: its place once the deferred lists' rows are counted in.
    fn eager_typos(&self) -> impl Iterator<Item = (usize, &Typo)> {
        let mut lists = self.deferred_typos.iter().peekable();
        let mut shift = 0;
        self.typos.iter().enumerate().map(move |(e, typo)| {
            while let Some(list) = lists.next_if(|list| list.at <= e) {
                shift += list.rows.len();
            }
            (e + shift, typo)
        })
    }

    /// The typo that `Target::Typo(i)` names: an entry of
    /// [`PackData::typos`], or a row of a deferred list, read the first
    /// time it is asked for.
    pub fn typo(&self, i: usize) -> &Typo {
        let mut before = 0;
        let mut cell = 0;
        for deferred in &self.deferred_typos {
            let start = deferred.at + before;
            if i < start {
                break;
            }
            if i < start + deferred.rows.len() {
                let row = i - start;
                let cells = self.listed_typos.get_or_init(|| {
                    let rows = self.deferred_typos.iter().map(|d| d.rows.len()).sum();
                    (0..rows).map(|_| std::sync::OnceLock::new()).collect()
                });
                return cells[cell + row].get_or_init(|| {
                    let line = deferred.rows[row].1 as usize;
                    let typo = validate::deferred_row(deferred, deferred.row(row), line)
                        .expect("bundled typo lists are valid (tested)");
                    Box::new(typo)
                });
            }
            before += deferred.rows.len();
            cell += deferred.rows.len();
        }
        &self.typos[i - before]
    }

    /// The words of every entity name of two or more words, per language,
    /// indexed by word, for near-miss search (`typo/name`). Built once, on
    /// first use.
    pub fn name_index(&self, language: Language) -> &NameIndex {
        let cell = match language {
            Language::Ar => &self.name_index[0],
            Language::En => &self.name_index[1],
        };
        cell.get_or_init(|| NameIndex::new(self, language))
    }

    /// Every mention of every rule in the article, in one pass.
    pub fn find(&self, article: &Article) -> Vec<Mention> {
        self.find_for(article, true)
    }

    /// Every mention in the article; the typo lists' literals only when
    /// `typos` is set (a check that reads typo mentions is enabled). The
    /// typo tables the article's letters could match are built on first
    /// use.
    pub fn find_for(&self, article: &Article, typos: bool) -> Vec<Mention> {
        let tokens = crate::text::tokens::tokenize(&article.normalized, &article.text);
        self.find_in(article, typos, 0..article.normalized.text.len(), &tokens)
    }

    /// Like [`RuleSet::find_for`], over the words that start in `window`, a
    /// range of the normalised text ([`crate::checks::window::windows`]),
    /// whose `tokens` the caller has made and the checks read too.
    pub fn find_in(
        &self,
        article: &Article,
        typos: bool,
        window: Range<usize>,
        tokens: &[crate::text::tokens::Token],
    ) -> Vec<Mention> {
        if !typos {
            return self.matcher.find_in(article, &[], window, tokens);
        }
        let normalized = &article.normalized;
        let mut need = [false; 2];
        let window_start = normalized.original_offset(window.start);
        let first = article
            .sections
            .partition_point(|s| s.range.end <= window_start);
        for section in &article.sections[first..] {
            let start = normalized
                .normalized_offset(section.range.start)
                .max(window.start);
            let end = normalized
                .normalized_offset(section.range.end)
                .min(window.end);
            if start >= window.end || need == [true; 2] {
                break;
            }
            let section = &normalized.text.as_bytes()[start.min(end)..end];
            need[0] = need[0] || section.iter().any(u8::is_ascii_alphabetic);
            need[1] = need[1]
                || section
                    .iter()
                    .any(|&b| b >= 0x80 || b.is_ascii_digit() || b == b'_');
        }
        let tables: Vec<&matcher::WordTable> = (0..2)
            .filter(|&which| need[which])
            .map(|which| self.typo_table(which))
            .filter(|table| !table.is_empty())
            .collect();
        self.matcher.find_in(article, &tables, window, tokens)
    }

    /// How many distinct literals and regexes the matcher holds.
    pub fn pattern_counts(&self) -> (usize, usize) {
        self.matcher.pattern_counts()
    }

    /// Bytes of memory the matcher's literal index uses, about.
    pub fn literal_memory(&self) -> usize {
        self.matcher.literal_memory()
    }

    /// The loaded id nearest to a `disable:` id that names nothing, for
    /// "did you mean": the id written without its pack (`recieve` →
    /// `typos-en.recieve`), a misspelt pack (`typo-en.recieve`), or a
    /// misspelt id within its pack (`typos-en.recieev`).
    pub fn nearest_rule_id(&self, wanted: &str) -> Option<String> {
        let wanted = wanted.trim();
        // Disabled entries count: a second, misspelt line for an entry
        // already disabled should point at it.
        let mut entries = self.data.entries();
        entries.extend(self.disabled.iter().cloned());
        // The id alone, without its pack.
        if let Some((_, rule)) = entries.iter().find(|(_, r)| &*r.id == wanted) {
            return Some(rule.qualified_id());
        }
        let packs: Vec<String> = self.packs.iter().map(|p| p.name.clone()).collect();
        let (pack, id) = match packs
            .iter()
            .filter(|p| wanted.len() > p.len() && wanted.starts_with(p.as_str()))
            .find(|p| wanted[p.len()..].starts_with('.'))
        {
            Some(pack) => (pack.clone(), &wanted[pack.len() + 1..]),
            None => {
                let (pack, id) = wanted.split_once('.').unwrap_or(("", wanted));
                match crate::diagnostic::nearest(pack, &packs) {
                    Some(pack) => (pack.to_string(), id),
                    None => {
                        let all: Vec<String> =
                            entries.iter().map(|(_, r)| r.qualified_id()).collect();
                        return crate::diagnostic::nearest(wanted, &all).map(str::to_string);
                    }
                }
            }
        };
        let ids: Vec<String> = entries
            .iter()
            .filter(|(_, r)| *r.pack == *pack)
            .map(|(_, r)| r.id.to_string())
            .collect();
        if ids.iter().any(|i| i == id) {
            return Some(format!("{pack}.{id}"));
        }
        crate::diagnostic::nearest(id, &ids).map(|id| format!("{pack}.{id}"))
    }

    /// The marker with this id, if a pack defines one.
    pub fn marker_index(&self, id: &str) -> Option<usize> {
        self.markers.iter().position(|m| m.id == id)
    }
}

/// Pack files under `path` (a folder, walked with `.gitignore` honoured, or
/// one file), sorted so that loading order is stable.
pub fn discover(path: &Path) -> Result<Vec<PathBuf>, Box<PackError>> {
    if !path.exists() {
        return Err(Box::new(
            PackError::file(
                PackErrorKind::Io,
                &path.display().to_string(),
                "no such file or folder",
            )
            .with_help("--rules takes a folder of .yaml/.yml packs or a single pack file"),
        ));
    }
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    collect_yaml(path, &mut files)?;
    files.sort();
    Ok(files)
}

/// The `.yaml`/`.yml` files under `folder`, skipping hidden entries (`.git`,
/// editor backups), so that a pack folder can live inside a repository.
fn collect_yaml(folder: &Path, files: &mut Vec<PathBuf>) -> Result<(), Box<PackError>> {
    let entries = std::fs::read_dir(folder).map_err(|e| {
        Box::new(PackError::file(
            PackErrorKind::Io,
            &folder.display().to_string(),
            format!("cannot read the folder: {e}"),
        ))
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_yaml(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads and validates one pack file from disk, through the pack cache
/// under `cache` when one is given (see [`pack_cache`]).
pub fn read_pack(file: &Path, cache: Option<&Path>) -> Result<Pack, Vec<PackError>> {
    let name = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|e| {
        vec![PackError::file(
            PackErrorKind::Io,
            &name,
            format!("cannot read: {e}"),
        )]
    })?;
    match cache {
        Some(cache) => pack_cache::parse_cached(cache, &name, Arc::from(text)),
        None => load::parse_pack(&name, Arc::from(text), false),
    }
}

#[cfg(test)]
mod compound_name_tests {
    use super::compound_name_variants;

    #[test]
    fn joined_and_spaced_compound_names() {
        assert_eq!(
            compound_name_variants("عبد الفتاح السيسي"),
            vec!["عبدالفتاح السيسي".to_string()]
        );
        assert_eq!(
            compound_name_variants("سلمان بن عبدالعزيز"),
            vec!["سلمان بن عبد العزيز".to_string()]
        );
        assert!(compound_name_variants("عبده خال").is_empty());
    }
}

#[cfg(test)]
mod typo_table_tests {
    use super::*;
    use crate::article::LoadOptions;

    fn rules(yaml: &str) -> RuleSet {
        let pack = load::parse_pack("t.yaml", Arc::from(yaml), false).expect("valid pack");
        RuleSet::from_packs(vec![pack]).expect("patterns compile")
    }

    /// The typo mentions of the word tables, and of a matcher holding
    /// every typo literal among its own (as before the tables), on the
    /// same text.
    fn both_ways(rules: &RuleSet, text: &str) -> (Vec<Mention>, Vec<Mention>) {
        let article = Article::from_text("t.txt", text, &LoadOptions::default());
        let mut b = matcher::MatcherBuilder::default();
        for (i, typo) in rules.typos.iter().enumerate() {
            b.literal(&typo.find, typo.language, Target::Typo(i), true);
        }
        let typo = |m: &Mention| matches!(m.target, Target::Typo(_));
        let mut tables = rules.find_for(&article, true);
        tables.retain(typo);
        (tables, b.build().expect("compiles").find(&article))
    }

    #[test]
    fn typo_literals_are_found_by_word_as_the_matcher_finds_them() {
        let rules = rules(
            "typos:\n  - { find: doens't, replace: doesn't }\n  - { find: recieve, replace: receive }\n  - { find: هولاء, replace: هؤلاء }\n  - { find: الامانه, replace: الأمانة }\n  - { find: سلاح الجوي, replace: سلاح الجو }\n",
        );
        for text in [
            "It doens't Recieve; recieved, recieve",
            "قال وهولاء وهؤلاء للامانه والامانه الامانهم سلاح الجوي 2015الامانه",
        ] {
            let (tables, matcher) = both_ways(&rules, text);
            assert!(!tables.is_empty(), "{text}");
            assert_eq!(tables, matcher, "{text}");
        }
        let article = Article::from_text("t.txt", "recieve سلاح الجوي", &LoadOptions::default());
        // With no check that reads typos, only the matcher's own literals.
        let found: Vec<String> = rules
            .find_for(&article, false)
            .into_iter()
            .map(|m| article.text[m.range].to_string())
            .collect();
        assert_eq!(found, vec!["سلاح الجوي"]);
    }
}

#[cfg(test)]
mod disable_tests {
    use super::*;

    fn with_house(disable: &[&str]) -> Loaded {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("house.yaml"),
            "pack: house\ntypos:\n  - { find: Qatr, replace: Qatar }\n  - { id: gov, find: goverment, replace: government }\nexamples:\n  - { text: 'Qatr', expect: [typo/substitution] }\n  - { id: gov-example, text: 'goverment', expect: [typo/substitution] }\n",
        )
        .unwrap();
        RuleSet::load(&RuleSources {
            no_defaults: true,
            paths: vec![dir.path().to_path_buf()],
            disable: disable.iter().map(|s| s.to_string()).collect(),
            ..RuleSources::default()
        })
    }

    #[test]
    fn disabled_entries_never_reach_the_rule_set() {
        let loaded = with_house(&["house.Qatr", "house.example-1"]);
        assert!(loaded.errors.is_empty() && loaded.unknown_disabled.is_empty());
        let typos: Vec<&str> = loaded.rules.typos.iter().map(|t| t.find.as_str()).collect();
        assert_eq!(typos, vec!["goverment"]);
        assert_eq!(loaded.rules.examples.len(), 1);
        assert_eq!(&*loaded.rules.examples[0].origin.id, "gov-example");
        let off: Vec<(&str, String)> = loaded
            .rules
            .disabled
            .iter()
            .map(|(kind, r)| (*kind, r.qualified_id()))
            .collect();
        assert_eq!(
            off,
            vec![
                ("typo", "house.Qatr".to_string()),
                ("example", "house.example-1".to_string())
            ]
        );
        // The matcher was built without it.
        let article = Article::from_text(
            "t.txt",
            "Qatr goverment",
            &crate::article::LoadOptions::default(),
        );
        assert_eq!(loaded.rules.find(&article).len(), 1);
    }

    #[test]
    fn unknown_ids_are_returned_with_the_nearest() {
        let loaded = with_house(&["house.gov", "house.gvo", "goverment", "hose.Qatr"]);
        assert_eq!(
            loaded.unknown_disabled,
            vec!["house.gvo", "goverment", "hose.Qatr"]
        );
        let rules = &loaded.rules;
        assert_eq!(
            rules.nearest_rule_id("house.gvo").as_deref(),
            Some("house.gov")
        );
        assert_eq!(rules.nearest_rule_id("Qatr").as_deref(), Some("house.Qatr"));
        assert_eq!(
            rules.nearest_rule_id("hose.Qatr").as_deref(),
            Some("house.Qatr")
        );
        assert_eq!(rules.nearest_rule_id("zzzz.zzzzzzzz"), None);
    }

    #[test]
    fn qualified_ids_compare_whole() {
        let rule = crate::finding::RuleRef {
            pack: Arc::from("a.b"),
            id: "c.d".into(),
            file: Arc::from("x.yaml"),
            line: 1,
        };
        assert_eq!(rule.qualified_id(), "a.b.c.d");
        assert!(rule.is_named("a.b.c.d"));
        assert!(!rule.is_named("a.b.c"));
        assert!(!rule.is_named("a.bxc.d"));
    }
}

#[cfg(test)]
mod deferred_typo_tests {
    use std::borrow::Cow;

    use super::*;
    use crate::article::LoadOptions;

    const CSV: &str = "typo,correction\nrecieve,receive\nteh,the,tech\ngoverment,government\n";

    /// A pack with a CSV list, read as a bundled pack (the list deferred)
    /// or as a user's (parsed at once), followed by another pack.
    fn rules(bundled: bool) -> RuleSet {
        let yaml = "pack: house\ntypos:\n  - { find: hte, replace: the }\ntypo_lists:\n  - { file: list.csv, lang: en, message: a misspelling }\n";
        let read = |_: &str| {
            let text = if bundled {
                Cow::Borrowed(CSV)
            } else {
                Cow::Owned(CSV.to_string())
            };
            Ok(("list.csv".to_string(), text))
        };
        let pack = load::parse_pack_with("house.yaml", Arc::from(yaml), bundled, &read)
            .expect("valid pack");
        let after = "typos:\n  - { find: recieve, replace: receive }\n  - { find: co operate, replace: cooperate }\n";
        let other = load::parse_pack("after.yaml", Arc::from(after), false).expect("valid pack");
        RuleSet::from_packs(vec![pack, other]).expect("patterns compile")
    }

    /// `disable:` takes rows out of a deferred list, and a disabled typo
    /// before the list moves the list's rows down with it.
    #[test]
    fn disabled_rows_and_typos_leave_a_deferred_list_consistent() {
        let yaml = "pack: house\ntypos:\n  - { find: hte, replace: the }\ntypo_lists:\n  - { file: list.csv, lang: en, message: a misspelling }\n";
        let read = |_: &str| Ok(("list.csv".to_string(), Cow::Borrowed(CSV)));
        let off = ["house.hte", "house.teh"];
        let mut packs = Vec::new();
        for bundled in [true, false] {
            let mut pack = load::parse_pack_with("house.yaml", Arc::from(yaml), bundled, &read)
                .expect("valid pack");
            let removed = pack
                .data
                .remove_entries(&mut |r| off.contains(&r.qualified_id().as_str()));
            assert_eq!(removed.len(), 2);
            packs.push(RuleSet::from_packs(vec![pack]).expect("patterns compile"));
        }
        let (deferred, parsed) = (&packs[0], &packs[1]);
        assert_eq!(deferred.deferred_typos[0].at, 0);
        let article = Article::from_text(
            "t.txt",
            "Teh goverment will recieve hte report.",
            &LoadOptions::default(),
        );
        let finds = |rules: &RuleSet| -> Vec<String> {
            rules
                .find_for(&article, true)
                .iter()
                .filter_map(|m| match m.target {
                    Target::Typo(i) => Some(rules.typo(i).find.clone()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(finds(deferred), ["goverment", "recieve"]);
        assert_eq!(finds(deferred), finds(parsed));
    }

    #[test]
    fn deferred_lists_find_what_parsed_lists_found() {
        let (deferred, parsed) = (rules(true), rules(false));
        assert_eq!(deferred.deferred_typos.len(), 1);
        assert!(parsed.deferred_typos.is_empty());
        assert_eq!(deferred.packs[0].counts, parsed.packs[0].counts);
        let article = Article::from_text(
            "t.txt",
            "Teh goverment will recieve hte report and co operate.",
            &LoadOptions::default(),
        );
        let found = deferred.find_for(&article, true);
        assert_eq!(found, parsed.find_for(&article, true));
        let mut typos = 0;
        for mention in &found {
            if let Target::Typo(i) = mention.target {
                typos += 1;
                let (a, b) = (deferred.typo(i), parsed.typo(i));
                assert_eq!(format!("{a:?}"), format!("{b:?}"));
            }
        }
        assert_eq!(typos, 6, "{found:?}");
        for i in 0..6 {
            let (a, b) = (deferred.typo(i), parsed.typo(i));
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
    }

    /// Every row of the bundled deferred lists reads, one by one, as the
    /// whole list parses (without a mistake), and goes to the typo table
    /// its pack said.
    #[test]
    fn bundled_deferred_rows_read_as_the_whole_list() {
        let rules = RuleSet::bundled().expect("bundled packs are valid");
        assert!(!rules.deferred_typos.is_empty());
        let mut before = 0;
        for deferred in &rules.deferred_typos {
            let (typos, errors) = load::parse_deferred(deferred);
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(typos.len(), deferred.rows.len());
            let start = deferred.at + before;
            for (row, typo) in typos.iter().enumerate() {
                assert_eq!(
                    format!("{:?}", rules.typo(start + row)),
                    format!("{typo:?}")
                );
                assert!(deferred.tables[RuleSet::typo_table_of(&typo.find).expect("fits")]);
            }
            before += deferred.rows.len();
        }
    }
}
