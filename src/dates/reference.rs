//! The date an article speaks from, when neither front matter nor `--date`
//! gives it: a dateline, else an inference from the dates the text names.

use chrono::{Datelike, NaiveDate};

use super::hijri;
use super::parse::{Calendar, DateExpr, DateKind};
use crate::article::{DateSource, ReferenceDate};

/// The Gregorian date a full date expression names, if it exists.
pub fn full_date(expr: &DateExpr) -> Option<NaiveDate> {
    match expr.kind {
        DateKind::Full {
            calendar: Calendar::Gregorian,
            year,
            month,
            day,
        } => NaiveDate::from_ymd_opt(year, month, day),
        DateKind::Full {
            calendar: Calendar::Hijri,
            year,
            month,
            day,
        } => hijri::to_gregorian(year, month, day),
        _ => None,
    }
}

/// The day with weekday `weekday` (0 = Sunday) nearest `date`, later on a
/// tie; a bare weekday in a news story names a day of the week around it.
pub fn nearest_weekday(date: NaiveDate, weekday: u32) -> NaiveDate {
    let current = date.weekday().num_days_from_sunday();
    let forward = (weekday + 7 - current) % 7;
    let offset = if forward <= 3 {
        i64::from(forward)
    } else {
        i64::from(forward) - 7
    };
    date + chrono::Duration::days(offset)
}

/// A dateline: a full date among the first tokens of the first body
/// paragraph (`بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس`,
/// `CAIRO, Feb. 24, 2023 -`).
pub fn dateline(
    dates: &[DateExpr],
    body_first_token: Option<usize>,
    describe: impl Fn(usize) -> String,
) -> Option<ReferenceDate> {
    let first = body_first_token?;
    dates
        .iter()
        .filter(|d| d.tokens.start >= first && d.tokens.start < first + 8)
        .find_map(|d| {
            let date = full_date(d)?;
            // A Hijri dateline usually carries its Gregorian twin: prefer it.
            let date = dates
                .iter()
                .filter(|g| g.tokens.start >= d.tokens.end && g.tokens.start <= d.tokens.end + 3)
                .find_map(|g| match g.kind {
                    DateKind::Full {
                        calendar: Calendar::Gregorian,
                        ..
                    } => full_date(g),
                    _ => None,
                })
                .unwrap_or(date);
            Some(ReferenceDate {
                date,
                source: DateSource::Dateline,
                reason: format!("dateline at {}", describe(d.range.start)),
            })
        })
}

/// Infers the reference date: the latest full date the text names, moved
/// forward to any weekday named on its own that falls after it (each bare
/// weekday is taken as the day of that name nearest the latest full date).
pub fn infer(dates: &[DateExpr], describe: impl Fn(usize) -> String) -> Option<ReferenceDate> {
    let (latest, at) = dates
        .iter()
        .filter_map(|d| Some((full_date(d)?, d.range.start)))
        .max_by_key(|&(date, _)| date)?;
    let mut reference = latest;
    let mut reason = format!(
        "inferred from the latest full date, {latest} at {}",
        describe(at)
    );
    for expr in dates.iter().filter(|d| d.kind == DateKind::Weekday) {
        let Some(name) = &expr.weekday else { continue };
        let day = nearest_weekday(latest, name.weekday);
        if day > reference {
            reference = day;
            reason.push_str(&format!(
                ", and the weekday at {} taken as {day}, the nearest such day",
                describe(name.range.start)
            ));
        }
    }
    Some(ReferenceDate {
        date: reference,
        source: DateSource::Inferred,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_weekday_looks_both_ways() {
        let wed = NaiveDate::from_ymd_opt(2023, 2, 22).unwrap();
        assert_eq!(nearest_weekday(wed, 5).to_string(), "2023-02-24"); // Friday
        assert_eq!(nearest_weekday(wed, 2).to_string(), "2023-02-21"); // Tuesday
        assert_eq!(nearest_weekday(wed, 3).to_string(), "2023-02-22"); // Wednesday
        assert_eq!(nearest_weekday(wed, 6).to_string(), "2023-02-25"); // Saturday (+3)
        assert_eq!(nearest_weekday(wed, 0).to_string(), "2023-02-19"); // Sunday (-3)
    }
}
