//! The serde mirror of a rule-pack file: exactly what YAML may say, no
//! more. Unknown keys are errors (`deny_unknown_fields`), and values that
//! need checking after parsing (ids, dates, regexes) keep their source
//! location so that errors point into the pack.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// A located string.
pub type Located = Spanned<String>;

/// One pack file. Every top-level key is optional.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    /// The pack's name, used in reports (`pack.rule`); defaults to the file stem.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub pack: Option<Located>,
    /// What the pack is for.
    pub description: Option<String>,
    /// Where the pack's data comes from (required for data-derived packs).
    pub source: Option<String>,
    /// The licence of the pack's data.
    pub license: Option<String>,
    /// Language-level knowledge: countries, demonyms, ranks.
    pub lexicon: Option<RawLexicon>,
    /// People and organisations.
    #[serde(default)]
    pub entities: Vec<RawEntity>,
    /// Dated events.
    #[serde(default)]
    pub events: Vec<RawEvent>,
    /// Day counters such as "day N of the war".
    #[serde(default)]
    pub counters: Vec<RawCounter>,
    /// Known misspellings and confusions.
    #[serde(default)]
    pub typos: Vec<RawTypo>,
    /// Long misspelling lists kept as CSV files beside the pack.
    #[serde(default)]
    pub typo_lists: Vec<RawTypoList>,
    /// Rule tests run by `factlint rules test`.
    #[serde(default)]
    pub examples: Vec<RawExample>,
    /// Words (or whole-word regexes) that no typo or spelling check reports.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub accept: Vec<Located>,
}

/// Strings per language.
#[derive(Debug, Deserialize, Default, Clone)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawLocalized {
    /// Arabic forms.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub ar: Vec<Located>,
    /// English forms.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub en: Vec<Located>,
}

/// The lexicon section.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawLexicon {
    /// Countries with names, demonyms and grammatical gender.
    #[serde(default)]
    pub countries: Vec<RawCountry>,
    /// Military and civil ranks, each with its equivalent forms.
    #[serde(default)]
    pub ranks: Vec<RawRank>,
    /// Gregorian month names.
    #[serde(default)]
    pub months: Vec<RawMonth>,
    /// Hijri month names.
    #[serde(default)]
    pub hijri_months: Vec<RawMonth>,
    /// Weekday names.
    #[serde(default)]
    pub weekdays: Vec<RawWeekday>,
    /// Words that mark how a text attaches facts to people ("counterpart",
    /// "then", "former"), by role.
    #[serde(default)]
    pub markers: Vec<RawMarker>,
    /// Patterns that attach a nationality, rank, title or age to a person.
    #[serde(default)]
    pub attributions: Vec<RawAttribution>,
    /// Verbs whose gender must agree with the country they govern.
    #[serde(default)]
    pub verbs: Vec<RawVerb>,
}

/// An attribution pattern.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawAttribution {
    /// Stable id.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub id: Located,
    /// The language of the text it reads.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub lang: Located,
    /// Its elements (`person`, `nationality`, `rank`, `title`, `number`,
    /// `sep`, `marker:ID`; `?` for optional).
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub pattern: Vec<Located>,
}

/// One verb in its masculine and feminine forms (third person singular).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawVerb {
    /// Masculine form (`كان`, `أعلن`).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub masculine: Located,
    /// Feminine form (`كانت`, `أعلنت`).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub feminine: Located,
}

/// The names of one month.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawMonth {
    /// 1–12.
    #[cfg_attr(feature = "schema", schemars(with = "u32"))]
    pub month: Spanned<u32>,
    /// Arabic forms.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub ar: Vec<Located>,
    /// English forms.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub en: Vec<Located>,
}

/// The names of one weekday.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawWeekday {
    /// `sun`, `mon`, … `sat`.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub weekday: Located,
    /// Arabic forms.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub ar: Vec<Located>,
    /// English forms.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub en: Vec<Located>,
}

/// Words with one grammatical job in attribution patterns.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawMarker {
    /// What the words do: `counterpart`, `then`, `former`, `age`.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub id: Located,
    /// Arabic forms.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub ar: Vec<Located>,
    /// English forms.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub en: Vec<Located>,
}

/// Arabic grammatical gender.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Masculine (`أعلن المغرب`).
    Masculine,
    /// Feminine (`أعلنت مصر`).
    Feminine,
}

/// A country.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawCountry {
    /// ISO 3166-1 alpha-2 code.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub code: Located,
    /// Names per language.
    pub names: RawLocalized,
    /// Grammatical gender of the Arabic name.
    pub gender: Gender,
    /// Nationality adjectives.
    pub demonyms: RawDemonyms,
}

/// Nationality adjectives of a country.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDemonyms {
    /// Arabic forms by gender and number.
    #[serde(default)]
    pub ar: RawArabicDemonyms,
    /// English forms.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub en: Vec<Located>,
}

/// Arabic nationality adjectives, without the article (the matcher adds
/// clitics itself).
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawArabicDemonyms {
    /// Masculine singular (`مغربي`).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub masculine: Vec<Located>,
    /// Feminine singular (`مغربية`).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub feminine: Vec<Located>,
    /// Plurals (`مغاربة`, `مغربيون`).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub plural: Vec<Located>,
}

/// A rank and its equivalent forms.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawRank {
    /// Stable id (`major-general`).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub id: Located,
    /// Forms per language; all forms of one rank are the same rank.
    pub names: RawLocalized,
}

/// A person or organisation the newsroom knows.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    /// Stable id (`tomer-bar`).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub id: Located,
    /// Names and aliases per language.
    pub names: RawLocalized,
    /// ISO 3166-1 alpha-2 code of the nationality.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub nationality: Option<Located>,
    /// The rank, in every form the person is correctly given.
    pub rank: Option<RawLocalized>,
    /// Posts held, with dates.
    #[serde(default)]
    pub roles: Vec<RawRole>,
    /// Date of birth (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub born: Option<Located>,
}

/// A post held from one date to another.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    /// The title per language.
    pub title: RawLocalized,
    /// First day in the post.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub from: Option<Located>,
    /// Last day in the post; absent while the post is held.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub to: Option<Located>,
}

/// A dated event.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// Stable id.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub id: Located,
    /// Names per language.
    pub names: RawLocalized,
    /// The date, at day, month or year precision.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub date: Located,
}

/// A day counter printed in banners ("day 428 of the war").
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawCounter {
    /// Stable id.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub id: Located,
    /// A regex per language with a named group `day`.
    pub pattern: RawPatterns,
    /// The date that is day 1.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub day_one: Located,
}

/// One regex per language.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawPatterns {
    /// Arabic pattern.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub ar: Option<Located>,
    /// English pattern.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub en: Option<Located>,
}

/// A known misspelling or confusion.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawTypo {
    /// Optional stable id; defaults to the literal.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub id: Option<Located>,
    /// The wrong form (a literal, or a regex when `regex: true`).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub find: Located,
    /// The right form (`$1`, `${name}` refer to regex groups).
    pub replace: String,
    /// The language the entry applies to; inferred from the script.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub lang: Option<Located>,
    /// Whether `find` is a regex.
    #[serde(default)]
    pub regex: bool,
    /// An explanation of the confusion.
    pub message: Option<String>,
    /// How safe the fix is: `safe` (applied by `--fix`), `unsafe` (shown).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub fix: Option<Located>,
}

/// A CSV list of misspellings (`typo,correction[,correction…]` rows under
/// a `typo,correction` header), for lists too long to review as YAML.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawTypoList {
    /// The CSV file, relative to the pack file.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub file: Located,
    /// The language of the entries.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub lang: Located,
    /// Why the entries are wrong, shown with each finding.
    pub message: Option<String>,
    /// Fix applicability for entries with exactly one correction (`safe` by
    /// default); entries with several corrections are never fixed.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub fix: Option<Located>,
}

/// A rule test.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    /// Stable id, so that `disable: [PACK.ID]` in factlint.yaml can turn
    /// the example off; defaults to `example-N` (its place in the pack).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub id: Option<Located>,
    /// The text to check.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub text: Located,
    /// Its language; detected when absent.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub lang: Option<Located>,
    /// Codes the text must produce.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub expect: Vec<Located>,
    /// Codes the text must not produce.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub expect_not: Vec<Located>,
}
