//! `date/weekday`: a weekday written with a date it does not fall on.

use chrono::{Datelike, NaiveDate};

use super::{weekday_label, weekday_of};
use crate::checks::Context;
use crate::dates::parse::{Calendar, DateKind};
use crate::dates::reference::{full_date, nearest_year};
use crate::finding::{Applicability, CodeInfo, Finding, Severity};

/// The code `date/weekday`: its default severity, fix safety and the
/// documentation `factlint explain date/weekday` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "date/weekday",
    summary: "a weekday that does not match its date",
    severity: Severity::Error,
    fix: Some(Applicability::Unsafe),
    doc: "\
## What it checks
Finds a weekday written with a date (`الأربعاء 22 فبراير 2023`,
`Wednesday, Feb 22`, `الخميس 22/2/2023`, `يوم الاثنين السابع عشر من شباط
2013`, `Friday, the 7th of March 2024`, `Thu., March 6, 2024`, a Hijri date)
that the date does not fall on. The weekday may also follow the date
(`13 فبراير 2013، الموافق يوم الخميس`, `2024-03-12 (Monday)`), and the date
may follow the weekday in brackets or after «الموافق» (`يوم الأربعاء (13
فبراير 2013)`, `On Monday (March 12)`). A date without a year takes the year
that puts it nearest the reference date (within seven months either way
near the half-year mark, both years are tried). Numeric dates with a year
between 1300 and 1500, or an `هـ`, are Hijri; a Hijri weekday within the
Hijri tolerance is accepted. A weekday on its own is not checked, nor a
feminine ordinal 1–5 right after a weekday (`الجمعة الثانية من رمضان` is the
second Friday of Ramadan).

## Why it matters
A wrong weekday is a sign that the day, the month or the weekday is wrong,
and readers notice it.

## Example
`يوم الخميس 22 فبراير 2023` is flagged (22 February 2023 was a Wednesday);
`يوم الأربعاء 22 فبراير 2023` is not.

## Fix safety
The fix proposes the date's weekday, but it is unsafe: the weekday may be
right and the date wrong.
",
};

/// How far from the reference date a date written without a year may lie,
/// in days (seven months): the nearest year always is, and near the
/// half-year mark the other one too.
const WITHOUT_YEAR_DAYS: i64 = 213;

/// Reports weekdays that do not match their dates.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for expr in context.dates {
        let Some(name) = &expr.weekday else { continue };
        let date = match expr.kind {
            DateKind::Full { .. } => full_date(expr),
            DateKind::DayMonth {
                calendar: Calendar::Gregorian,
                month,
                day,
            } => {
                let Some(reference) = context.reference_date(&CODE) else {
                    continue;
                };
                // Without a year, the date is in the year that puts it
                // nearest the reference date; near the half-year mark
                // (within seven months either way) both years are read.
                let fits = (reference.year() - 1..=reference.year() + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                    .filter(|d| (*d - reference).num_days().abs() <= WITHOUT_YEAR_DAYS)
                    .any(|d| weekday_of(d) == name.weekday);
                if fits {
                    continue;
                }
                nearest_year(reference, month, day)
            }
            _ => continue,
        };
        let Some(date) = date else { continue };
        let actual = weekday_of(date);
        if actual == name.weekday {
            continue;
        }
        // A Hijri date may be off the Umm al-Qura table by the moon-sighting
        // tolerance, and so may its weekday.
        if let DateKind::Full {
            calendar: Calendar::Hijri,
            ..
        } = expr.kind
        {
            // A week covers every weekday; the configuration keeps the
            // tolerance far below that anyway.
            let tolerance = context.options.hijri_tolerance_days.clamp(0, 7);
            let fits = (-tolerance..=tolerance).any(|days| {
                date.checked_add_signed(chrono::Duration::days(days))
                    .is_some_and(|d| weekday_of(d) == name.weekday)
            });
            if fits {
                continue;
            }
        }
        let right = weekday_label(context, actual);
        let replacement = context
            .rules
            .weekdays
            .iter()
            .find(|w| w.number == actual)
            .and_then(|w| w.names.get(context.article.language).first().cloned());
        let mut finding = Finding::new(&CODE, name.range.clone(),
            format!(
                "«{}» does not match the date: {date} was a {right}",
                context.text(&name.range)
            ),
        )
        .with_label(expr.range.clone(), format!("{date} is a {right}"))
        .with_help("check which of the weekday and the date the source gives");
        if let Some(replacement) = replacement {
            finding = finding.with_fix(replacement, Applicability::Unsafe);
        }
        findings.push(finding);
    }
    findings
}

