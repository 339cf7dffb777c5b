//! The `fact` family: what the article says against what the packs know.

super::family!(nationality, rank, role, tenure, age, event_date);

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::article::Language;
use crate::checks::Context;
use crate::dates::parse::{Calendar, DateKind};
use crate::dates::reference::{full_date, nearest_year};
use crate::facts::{Attribution, Value};
use crate::rules::{DemonymForm, Entity};
use crate::text::normalize_pattern;

/// The entity an attribution is about, if it is a pack entity.
pub fn entity_of<'a>(context: &'a Context<'_>, attribution: &Attribution) -> Option<&'a Entity> {
    match attribution.person.who {
        crate::facts::Who::Entity(e) => context.rules.entities.get(e),
        crate::facts::Who::Name(_) => None,
    }
}

/// The person's name as written, for messages.
pub fn person_label(context: &Context<'_>, attribution: &Attribution) -> String {
    format!("«{}»", context.text(&attribution.person.range))
}

/// A nationality for messages: the English demonym and the Arabic one
/// ("Moroccan (مغربي)").
pub fn nationality_label(context: &Context<'_>, country: usize) -> String {
    let c = &context.rules.countries[country];
    let english = c
        .demonyms_en
        .first()
        .cloned()
        .or_else(|| c.names.en.first().cloned())
        .unwrap_or_else(|| c.code.clone());
    match c.demonyms_ar_masculine.first() {
        Some(arabic) => format!("{english} ({arabic})"),
        None => english,
    }
}

/// A rank for messages: its name in English words (from its id:
/// `major-general` is "major general") and its Arabic form.
pub fn rank_label(context: &Context<'_>, rank: usize) -> String {
    let r = &context.rules.ranks[rank];
    let english = r.id.replace('-', " ");
    match r.names.ar.first() {
        Some(arabic) => format!("{english} ({arabic})"),
        None => english,
    }
}

/// A value for messages.
pub fn value_label(context: &Context<'_>, value: &Value) -> String {
    match value {
        Value::Nationality { country, .. } => nationality_label(context, *country),
        Value::Rank(r) => rank_label(context, *r),
        Value::Title { roles, office, .. } => roles
            .first()
            .and_then(|(e, r)| {
                context.rules.entities[*e].roles[*r]
                    .title
                    .first(context.article.language)
            })
            .or_else(|| {
                office.and_then(|o| {
                    context.rules.markers[o]
                        .names
                        .first(context.article.language)
                })
            })
            .unwrap_or("a post")
            .to_string(),
        Value::Age(n) => format!("{n} years old"),
    }
}

/// The roles of `entity` (its index `e`) that a title names: the roles
/// whose pack title the words match, and the roles whose title names the
/// same office of the lexicon («وزير الخارجية» for a pack's "Secretary of
/// State").
pub fn own_roles(
    context: &Context<'_>,
    e: usize,
    roles: &[(usize, usize)],
    office: Option<usize>,
) -> Vec<usize> {
    let entity = &context.rules.entities[e];
    let mut own: Vec<usize> = roles
        .iter()
        .filter(|(holder, _)| *holder == e)
        .map(|(_, r)| *r)
        .collect();
    if let Some(office) = office {
        for (r, role) in entity.roles.iter().enumerate() {
            let same = role
                .title
                .iter()
                .any(|(_, t)| crate::facts::office_of_title(context.rules, t) == Some(office));
            if same && !own.contains(&r) {
                own.push(r);
            }
        }
    }
    own
}

/// The country index of an ISO code.
pub fn country_index(context: &Context<'_>, code: &str) -> Option<usize> {
    context.rules.countries.iter().position(|c| c.code == code)
}

/// The rank ids an entity's pack `rank` forms name, through the lexicon.
pub fn entity_ranks(context: &Context<'_>, entity: &Entity) -> Vec<usize> {
    let Some(forms) = &entity.rank else {
        return Vec::new();
    };
    let wanted: Vec<String> = forms.iter().map(|(_, f)| normalize_pattern(f)).collect();
    let mut ranks: Vec<usize> = context
        .rules
        .ranks
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.names.iter().any(|(_, name)| {
                let name = normalize_pattern(name);
                let bare = name.strip_prefix("ال").unwrap_or(&name).to_string();
                wanted.iter().any(|w| {
                    *w == name || *w == bare || w.strip_prefix("ال") == Some(bare.as_str())
                })
            })
        })
        .map(|(i, _)| i)
        .collect();
    ranks.dedup();
    ranks
}

/// The demonym that replaces a wrong nationality in the same form.
pub fn demonym_in_form(
    context: &Context<'_>,
    country: usize,
    form: Option<DemonymForm>,
    language: Language,
) -> Option<String> {
    let c = &context.rules.countries[country];
    let list = match (language, form) {
        (Language::En, _) | (_, Some(DemonymForm::English)) => &c.demonyms_en,
        (Language::Ar, Some(DemonymForm::Feminine)) => &c.demonyms_ar_feminine,
        (Language::Ar, Some(DemonymForm::Plural)) => &c.demonyms_ar_plural,
        (Language::Ar, _) => &c.demonyms_ar_masculine,
    };
    list.first().cloned()
}

/// The period a sentence dates its event to: the nearest date expression
/// in the attribution's sentence that is not after the reference date, as a
/// first and last day, with its span ("by 2026" in a sentence speaks of
/// the future, not of when the facts held). A month without a year is the
/// nearest such month not after the reference date; a day and month
/// without a year is in the year that puts it nearest the reference date.
pub fn sentence_period(
    context: &Context<'_>,
    attribution: &Attribution,
) -> Option<(NaiveDate, NaiveDate, Range<usize>)> {
    sentence_periods(context, attribution, CLAUSE_REACH, true)
        .min_by_key(|(distance, ..)| *distance)
        .map(|(_, first, last, range)| (first, last, range))
}

/// Every period the dates of the attribution's sentence name, in its own
/// clause (see `in_own_clause`; `strict` or not) and at most `reach`
/// tokens from it, not after the reference date (a bare weekday only when
/// not `strict`: it can show a post was held, never state a claim's date): (distance in tokens,
/// first day, last day, span). A long list that opens with its date («وفي
/// 29 يناير، أمر ملكي: … ولي العهد …») has it far from most of its
/// titles, with other people's names between.
pub fn sentence_periods<'c>(
    context: &'c Context<'_>,
    attribution: &'c Attribution,
    reach: usize,
    strict: bool,
) -> impl Iterator<Item = (usize, NaiveDate, NaiveDate, Range<usize>)> + 'c {
    let at = attribution.tokens.start;
    let sentence = context.sentences.get(at).copied();
    context
        .dates
        .iter()
        .filter(move |d| {
            sentence.is_some() && context.sentences.get(d.tokens.start).copied() == sentence
        })
        .filter(move |d| in_own_clause(context, attribution, &d.tokens, strict))
        .filter(move |d| gap(&d.tokens, &attribution.tokens) <= reach)
        .filter_map(move |d| {
            let (first, last) = match d.kind {
                DateKind::Full { .. } => {
                    let day = full_date(d)?;
                    (day, day)
                }
                DateKind::MonthYear {
                    calendar: Calendar::Gregorian,
                    year,
                    month,
                } => month_bounds(year, month)?,
                DateKind::Year {
                    calendar: Calendar::Gregorian,
                    year,
                } => (
                    NaiveDate::from_ymd_opt(year, 1, 1)?,
                    NaiveDate::from_ymd_opt(year, 12, 31)?,
                ),
                // «في 5 مايو» in an article of July 2015 is 5 May 2015: the
                // year that puts the day nearest the reference date, as
                // weekdays read it.
                DateKind::DayMonth {
                    calendar: Calendar::Gregorian,
                    month,
                    day,
                } => {
                    let reference = context.reference_date(&tenure::CODE)?;
                    let day = nearest_year(reference, month, day)?;
                    (day, day)
                }
                DateKind::Month { month } => {
                    let reference = context.reference_date(&tenure::CODE)?;
                    let year = if month <= reference.month() {
                        reference.year()
                    } else {
                        reference.year() - 1
                    };
                    month_bounds(year, month)?
                }
                // A weekday alone («يوم الجمعة», "last Friday") never states
                // the date of a claim: which week it falls in is a guess.
                // Read loosely, as the latest such day not after the
                // reference date, it may still show that the post was held
                // then (the departure "last Friday" of a chief of staff who
                // left that Friday needs no "then").
                DateKind::Weekday if !strict => {
                    let reference = context.reference_date(&tenure::CODE)?;
                    let day = latest_weekday(reference, d.weekday.as_ref()?.weekday)?;
                    (day, day)
                }
                _ => return None,
            };
            Some((d.tokens.start.abs_diff(at), first, last, d.range.clone()))
        })
        .filter(move |(_, first, ..)| context.reference.is_none_or(|r| *first <= r.date))
}

/// How many tokens away from a title a date may be and still date it:
/// «في نوفمبر 2021، وقّع وزير الدفاع» is three; a date a dozen words
/// further on belongs to another part of the sentence.
const CLAUSE_REACH: usize = 10;

/// The number of tokens between two token ranges (0 when they touch or
/// overlap).
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Whether a date at `date` tokens is in the clause of the attribution's
/// title: not after a relative pronoun that follows the attribution («…
/// الذي تطوع عام 1956», "who joined in 1980"); and, when `strict`, not
/// inside a relative clause that ends at the attribution and not across
/// another person's name (that person's clause). Not strict, a relative
/// clause between a date and the title after it is an aside on the date
/// («في 23 يناير، وهو اليوم الذي تسلم فيه …، أصدر أوامر بإعفاء رئيس
/// الديوان X»).
fn in_own_clause(
    context: &Context<'_>,
    attribution: &Attribution,
    date: &Range<usize>,
    strict: bool,
) -> bool {
    let own = attribution.tokens.clone();
    let between = if date.start >= own.end {
        own.end..date.start
    } else if date.end <= own.start {
        date.end..own.start
    } else {
        return true;
    };
    for i in between {
        for a in context.annotations.at(i) {
            match a.target {
                crate::rules::Target::Marker(m)
                    if context.rules.markers[m].id == "relative"
                        && (strict || date.start >= own.end) =>
                {
                    return false;
                }
                crate::rules::Target::EntityName(e)
                    if strict && attribution.person.who != crate::facts::Who::Entity(e) =>
                {
                    return false;
                }
                _ => {}
            }
        }
    }
    true
}

/// The latest day not after `reference` that falls on `weekday` (0 =
/// Sunday … 6 = Saturday).
fn latest_weekday(reference: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    let today = reference.weekday().num_days_from_sunday();
    let back = (today + 7 - weekday % 7) % 7;
    reference.checked_sub_days(chrono::Days::new(u64::from(back)))
}

fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_weekday_is_the_latest_such_day_not_after_the_reference() {
        // 1987-03-04 was a Wednesday: "last Friday" is 27 February.
        assert_eq!(latest_weekday(day(1987, 3, 4), 5), Some(day(1987, 2, 27)));
        // The reference's own weekday is the reference day itself.
        assert_eq!(latest_weekday(day(1987, 3, 4), 3), Some(day(1987, 3, 4)));
        // Sunday (0) before a Monday reference is the day before.
        assert_eq!(latest_weekday(day(2021, 7, 5), 0), Some(day(2021, 7, 4)));
    }
}
