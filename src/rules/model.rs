//! Validated packs: what checks and the matcher see. Every value has been
//! checked (dates exist, regexes compile, ids are unique) and every rule
//! knows the file and line it came from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::finding::{Applicability, RuleRef};
use crate::language::Language;
use crate::partial_date::PartialDate;

pub use super::raw::Gender;

/// Strings per language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    /// Arabic forms.
    pub ar: Vec<String>,
    /// English forms.
    pub en: Vec<String>,
}

impl Localized {
    /// The forms for one language.
    pub fn get(&self, language: Language) -> &[String] {
        match language {
            Language::Ar => &self.ar,
            Language::En => &self.en,
        }
    }

    /// Every form with its language, Arabic first.
    pub fn iter(&self) -> impl Iterator<Item = (Language, &str)> {
        self.ar
            .iter()
            .map(|s| (Language::Ar, s.as_str()))
            .chain(self.en.iter().map(|s| (Language::En, s.as_str())))
    }

    /// The first form in `language`, else the first form in any language.
    pub fn first(&self, language: Language) -> Option<&str> {
        self.get(language)
            .first()
            .or_else(|| self.ar.first())
            .or_else(|| self.en.first())
            .map(String::as_str)
    }
}

/// Which form of a nationality adjective a text used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DemonymForm {
    /// Arabic masculine singular.
    Masculine,
    /// Arabic feminine singular.
    Feminine,
    /// Arabic plural.
    Plural,
    /// English (English adjectives do not inflect).
    English,
}

/// A country from the lexicon.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Names per language.
    pub names: Localized,
    /// Grammatical gender of the Arabic name.
    pub gender: Gender,
    /// Arabic masculine singular demonyms.
    pub demonyms_ar_masculine: Vec<String>,
    /// Arabic feminine singular demonyms.
    pub demonyms_ar_feminine: Vec<String>,
    /// Arabic plural demonyms.
    pub demonyms_ar_plural: Vec<String>,
    /// English demonyms.
    pub demonyms_en: Vec<String>,
    /// Where the entry is.
    pub origin: RuleRef,
}

/// A rank with its equivalent forms.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rank {
    /// Stable id.
    pub id: String,
    /// Forms per language.
    pub names: Localized,
    /// Where the entry is.
    pub origin: RuleRef,
}

/// A post held over a period.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Role {
    /// The title per language.
    pub title: Localized,
    /// First day in post.
    pub from: Option<PartialDate>,
    /// Last day in post; `None` while held.
    pub to: Option<PartialDate>,
}

/// A person or organisation.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id.
    pub id: String,
    /// Names and aliases.
    pub names: Localized,
    /// ISO code of the nationality.
    pub nationality: Option<String>,
    /// Correct rank forms.
    pub rank: Option<Localized>,
    /// Posts held.
    pub roles: Vec<Role>,
    /// Date of birth.
    pub born: Option<PartialDate>,
    /// Where the entry is.
    pub origin: RuleRef,
}

/// A dated event.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    /// Stable id.
    pub id: String,
    /// Names per language.
    pub names: Localized,
    /// When it happened.
    pub date: PartialDate,
    /// Where the entry is.
    pub origin: RuleRef,
}

/// A day counter.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Counter {
    /// Stable id.
    pub id: String,
    /// Regex per language, as written in the pack.
    pub patterns: Vec<(Language, String)>,
    /// The date that is day 1.
    pub day_one: NaiveDate,
    /// Where the entry is.
    pub origin: RuleRef,
}

/// A known misspelling or confusion (its id is in `origin`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Typo {
    /// The wrong form (literal or regex).
    pub find: String,
    /// The right form.
    pub replace: String,
    /// The language it applies to.
    pub language: Language,
    /// Whether `find` is a regex.
    pub regex: bool,
    /// Other possible corrections: when there are any, the finding lists
    /// them all and proposes no fix (a person must choose).
    pub alternatives: Vec<String>,
    /// Why the form is wrong.
    pub message: Option<String>,
    /// How safe the fix is.
    pub applicability: Applicability,
    /// Where the entry is.
    pub origin: RuleRef,
}

/// A named calendar unit (a Gregorian or Hijri month, 1–12, or a weekday,
/// 0 = Sunday … 6 = Saturday) with its names.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CalendarName {
    /// The month (1–12) or weekday (0 = Sunday).
    pub number: u32,
    /// Names per language.
    pub names: Localized,
    /// Where the entry is.
    pub origin: RuleRef,
}

/// Words with one job in attribution: `counterpart`, `then`, `former`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Marker {
    /// The job (`counterpart`, `then`, `former`, …).
    pub id: String,
    /// Forms per language.
    pub names: Localized,
    /// Where the entry is.
    pub origin: RuleRef,
}

/// What one element of an attribution pattern matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ElementKind {
    /// A person: a pack entity's name, or an unknown name.
    Person,
    /// A demonym or a country name.
    Nationality,
    /// A rank.
    Rank,
    /// A post from a pack's roles.
    Title,
    /// A number in digits.
    Number,
    /// A comma, Arabic comma, colon or dash.
    Sep,
    /// A marker word, by id.
    Marker(String),
}

/// One element of an attribution pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Element {
    /// What it matches.
    pub kind: ElementKind,
    /// Whether it may be absent.
    pub optional: bool,
}

/// A pattern that attaches facts to a person.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AttributionPattern {
    /// Stable id.
    pub id: String,
    /// The language of the text it reads.
    pub language: Language,
    /// Its elements, in order.
    pub elements: Vec<Element>,
    /// Where it is.
    pub origin: RuleRef,
}

/// A verb's masculine and feminine forms.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VerbPair {
    /// Masculine form.
    pub masculine: String,
    /// Feminine form.
    pub feminine: String,
    /// Where it is.
    pub origin: RuleRef,
}

/// A rule test.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Example {
    /// The text to check.
    pub text: String,
    /// Its language, when given.
    pub language: Option<Language>,
    /// Codes it must produce.
    pub expect: Vec<String>,
    /// Codes it must not produce.
    pub expect_not: Vec<String>,
    /// Where the example is.
    pub origin: RuleRef,
}

/// Facts about a pack file as a whole.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PackInfo {
    /// The pack's name.
    pub name: String,
    /// The file it was read from.
    pub file: String,
    /// What it is for.
    pub description: Option<String>,
    /// Where its data comes from.
    pub source: Option<String>,
    /// Its data licence.
    pub license: Option<String>,
    /// Whether it is compiled into the binary.
    pub bundled: bool,
    /// How many entries of each kind it holds (`("countries", 198)` …);
    /// computed from the data, never stored.
    #[serde(skip)]
    pub counts: Vec<(&'static str, usize)>,
}

/// Calls `$m!` with every section of [`PackData`] whose entries are rules
/// (with an `origin`), and the kind each entry is named by, so that
/// listing and disabling entries cannot miss a section.
macro_rules! rule_sections {
    ($m:ident) => {
        $m!(
            countries => "country",
            ranks => "rank",
            months => "month",
            hijri_months => "hijri-month",
            weekdays => "weekday",
            markers => "marker",
            attributions => "attribution",
            verbs => "verb",
            entities => "entity",
            events => "event",
            counters => "counter",
            typos => "typo",
            examples => "example",
        )
    };
}

/// What a pack holds, and what all loaded packs hold together: one type,
/// so that a new pack section is one field here, one validator and one
/// line in the loader.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PackData {
    /// Lexicon countries.
    pub countries: Vec<Country>,
    /// Lexicon ranks.
    pub ranks: Vec<Rank>,
    /// Gregorian month names.
    pub months: Vec<CalendarName>,
    /// Hijri month names.
    pub hijri_months: Vec<CalendarName>,
    /// Weekday names.
    pub weekdays: Vec<CalendarName>,
    /// Attribution markers.
    pub markers: Vec<Marker>,
    /// Attribution patterns.
    pub attributions: Vec<AttributionPattern>,
    /// Verb pairs for agreement.
    pub verbs: Vec<VerbPair>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Events.
    pub events: Vec<Event>,
    /// Counters.
    pub counters: Vec<Counter>,
    /// Typos.
    pub typos: Vec<Typo>,
    /// Bundled CSV typo lists, read only when an article needs them (see
    /// [`DeferredTypoList`]); their entries come after `typos`. They point
    /// into the binary, so a compiled pack (see `rules::precompiled`)
    /// has none.
    #[serde(skip)]
    pub deferred_typos: Vec<DeferredTypoList>,
    /// Rule tests.
    pub examples: Vec<Example>,
    /// Words no typo or spelling check reports (no bundled pack has any).
    #[serde(
        default,
        skip_serializing_if = "crate::spelling::accept::Accept::is_empty"
    )]
    pub accept: crate::spelling::accept::Accept,
}

impl PackData {
    /// Appends another pack's data (indices into the lists shift, which is
    /// why packs are merged before the matcher is built).
    pub fn extend(&mut self, other: PackData) {
        let PackData {
            countries,
            ranks,
            months,
            hijri_months,
            weekdays,
            markers,
            attributions,
            verbs,
            entities,
            events,
            counters,
            typos,
            deferred_typos,
            examples,
            accept,
        } = other;
        self.countries.extend(countries);
        self.ranks.extend(ranks);
        self.months.extend(months);
        self.hijri_months.extend(hijri_months);
        self.weekdays.extend(weekdays);
        self.markers.extend(markers);
        self.attributions.extend(attributions);
        self.verbs.extend(verbs);
        self.entities.extend(entities);
        self.events.extend(events);
        self.counters.extend(counters);
        let shift = self.typos.len();
        self.typos.extend(typos);
        self.deferred_typos
            .extend(deferred_typos.into_iter().map(|d| DeferredTypoList {
                at: d.at + shift,
                ..d
            }));
        self.examples.extend(examples);
        self.accept.extend(&accept);
    }

    /// Every entry with its kind (`typo`, `entity`, `example`…) and its
    /// rule reference, in section order: what `disable:` in factlint.yaml
    /// names (by [`RuleRef::qualified_id`]) and `rules list --ids` prints.
    /// The `accept:` list is no rule and has no ids.
    /// The rows of deferred typo lists come last, as typos.
    pub fn entries(&self) -> Vec<(&'static str, RuleRef)> {
        let mut entries = Vec::new();
        macro_rules! each {
            ($($field:ident => $kind:literal),* $(,)?) => {
                $(entries.extend(self.$field.iter().map(|e| ($kind, e.origin.clone())));)*
            };
        }
        rule_sections!(each);
        for deferred in &self.deferred_typos {
            entries.extend((0..deferred.rows.len()).map(|row| ("typo", deferred.origin(row))));
        }
        entries
    }

    /// Removes every entry `off` names, so that no check and no matcher
    /// sees it; returns the removed entries' kinds and references.
    pub fn remove_entries(
        &mut self,
        off: &mut dyn FnMut(&RuleRef) -> bool,
    ) -> Vec<(&'static str, RuleRef)> {
        let mut removed = Vec::new();
        macro_rules! each {
            ($($field:ident => $kind:literal),* $(,)?) => {
                $(self.$field.retain(|e| {
                    let drop = off(&e.origin);
                    if drop {
                        removed.push(($kind, e.origin.clone()));
                    }
                    !drop
                });)*
            };
        }
        // Decided once per typo, before the sections are filtered: a
        // deferred list keeps its place after the typos that stay.
        let typo_off: Vec<bool> = self.typos.iter().map(|t| off(&t.origin)).collect();
        rule_sections!(each);
        for deferred in &mut self.deferred_typos {
            deferred.at -= typo_off[..deferred.at.min(typo_off.len())]
                .iter()
                .filter(|&&o| o)
                .count();
            let mut kept = Vec::with_capacity(deferred.rows.len());
            for row in 0..deferred.rows.len() {
                let origin = deferred.origin(row);
                if off(&origin) {
                    removed.push(("typo", origin));
                } else {
                    kept.push(deferred.rows[row]);
                }
            }
            if kept.len() != deferred.rows.len() {
                deferred.compiled = None;
            }
            deferred.rows = kept;
        }
        removed
    }

    /// How many entries of each kind it holds, for `rules list`.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        let PackData {
            countries,
            ranks,
            months,
            hijri_months,
            weekdays,
            markers,
            attributions,
            verbs,
            entities,
            events,
            counters,
            typos,
            deferred_typos,
            examples,
            accept,
        } = self;
        vec![
            ("countries", countries.len()),
            ("ranks", ranks.len()),
            ("months", months.len()),
            ("Hijri months", hijri_months.len()),
            ("weekdays", weekdays.len()),
            ("markers", markers.len()),
            ("attribution patterns", attributions.len()),
            ("verb pairs", verbs.len()),
            ("entities", entities.len()),
            ("events", events.len()),
            ("counters", counters.len()),
            (
                "typos",
                typos.len() + deferred_typos.iter().map(|d| d.rows.len()).sum::<usize>(),
            ),
            ("examples", examples.len()),
            ("accepted words", accept.len()),
        ]
    }
}

/// A bundled CSV typo list (the English one has about 88,000 rows) left
/// unparsed: its typo table is built from the rows' first fields when an
/// article needs it, and a row becomes a [`Typo`] only when it matched.
/// Parsing the whole list cost more than all the other packs together;
/// an Arabic article, `--select date` or an article without Latin letters
/// never reads it. Only bundled lists are deferred (a test parses them
/// whole, without error), and only when every typo is one unquoted word
/// without a full stop, so that none belongs in the automaton (see
/// [`super::matcher::fits_word_table`]).
#[derive(Debug, Clone)]
pub struct DeferredTypoList {
    /// The list as the pack names it.
    pub list: super::raw::RawTypoList,
    /// The pack's file.
    pub pack_file: std::sync::Arc<str>,
    /// The pack's YAML text.
    pub pack_text: std::sync::Arc<str>,
    /// The pack's name.
    pub pack_name: std::sync::Arc<str>,
    /// How the CSV file is named in reports.
    pub csv_name: std::sync::Arc<str>,
    /// The CSV text, compiled into the binary.
    pub csv: &'static str,
    /// The list's language.
    pub language: Language,
    /// How safe a fix with one correction is.
    pub applicability: Applicability,
    /// Each row's byte offset in `csv` and line number.
    pub rows: Vec<(u32, u32)>,
    /// How many entries of [`PackData::typos`] come before its rows: the
    /// rows keep the place (and the `Target::Typo` indices) that they had
    /// when the list was parsed with its pack.
    pub at: usize,
    /// Which typo tables its typos go to (see `RuleSet::typo_tables`):
    /// `[ASCII letter first, any other first]`.
    pub tables: [bool; 2],
    /// The list as `build.rs` compiled it, while every row is kept (a
    /// `disable:` that takes rows out renumbers them: the rows are then
    /// hashed at run time).
    pub compiled: Option<&'static super::compiled::CompiledTypoList>,
}

impl DeferredTypoList {
    /// The text of row `row` (without its line end).
    pub fn row(&self, row: usize) -> &'static str {
        let start = self.rows[row].0 as usize;
        let rest = &self.csv[start..];
        let line = rest.split('\n').next().unwrap_or_default();
        line.strip_suffix('\r').unwrap_or(line)
    }

    /// The typo of row `row`: its first field, trimmed.
    pub fn find(&self, row: usize) -> &'static str {
        self.row(row).split(',').next().unwrap_or_default().trim()
    }

    /// Where row `row` comes from, as its parsed typo would say: its id
    /// is the typo, as for every CSV row.
    pub fn origin(&self, row: usize) -> RuleRef {
        RuleRef {
            pack: std::sync::Arc::clone(&self.pack_name),
            id: self.find(row).into(),
            file: std::sync::Arc::clone(&self.csv_name),
            line: self.rows[row].1 as usize,
        }
    }
}

/// One validated pack.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pack {
    /// About the pack.
    pub info: PackInfo,
    /// What it holds.
    pub data: PackData,
}

impl std::ops::Deref for Pack {
    type Target = PackData;

    fn deref(&self) -> &PackData {
        &self.data
    }
}
