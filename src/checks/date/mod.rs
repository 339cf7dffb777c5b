//! The `date` family: dates that do not exist, weekdays and Hijri twins
//! that disagree with their dates, counters, durations and past events
//! dated after the article.

super::family!(weekday, hijri, counter, duration, future, invalid);

use chrono::{Datelike, NaiveDate};

use crate::article::Language;
use crate::checks::Context;

/// The English name of weekday `n` (0 = Sunday), from the lexicon, with
/// the Arabic name in brackets in Arabic articles ("Wednesday (الأربعاء)").
pub fn weekday_label(context: &Context<'_>, n: u32) -> String {
    let entry = context.rules.weekdays.iter().find(|w| w.number == n);
    let english = entry
        .and_then(|w| w.names.en.iter().max_by_key(|s| s.len()))
        .cloned()
        .unwrap_or_else(|| format!("weekday {n}"));
    match (
        context.article.language,
        entry.and_then(|w| w.names.ar.first()),
    ) {
        (Language::Ar, Some(arabic)) => format!("{english} ({arabic})"),
        _ => english,
    }
}

/// The weekday of a date, 0 = Sunday.
pub fn weekday_of(date: NaiveDate) -> u32 {
    date.weekday().num_days_from_sunday()
}
