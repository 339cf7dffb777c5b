//! `date/invalid`: a date that does not exist.

use chrono::NaiveDate;

use crate::checks::Context;
use crate::dates::parse::{Calendar, DateKind};
use crate::finding::{CodeInfo, Finding, Severity};

/// The code `date/invalid`: its default severity, fix safety and the
/// documentation `factlint explain date/invalid` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "date/invalid",
    summary: "a date that does not exist",
    severity: Severity::Error,
    fix: None,
    doc: "\
## What it checks
Finds dates that do not exist: a day past the end of its month
(`31 يونيو`, `February 30`, `29 February 2023`), in Gregorian dates with or
without a year, and day 31 of a Hijri month or a day the Umm al-Qura
calendar does not have.

## Why it matters
An impossible date is always a typo, and usually the day or the month is
wrong in a way that changes the story's chronology.

## Example
`وصل الوفد في 31 يونيو 2023` is flagged; `وصل الوفد في 30 يونيو 2023` is not.

## Fix safety
No fix: the right day or month cannot be known.
",
};

/// Reports dates that do not exist.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for date in context.dates {
        let (calendar, year, month, day) = match date.kind {
            DateKind::Full {
                calendar,
                year,
                month,
                day,
            } => (calendar, Some(year), month, day),
            DateKind::DayMonth {
                calendar,
                month,
                day,
            } => (calendar, None, month, day),
            _ => continue,
        };
        let exists = match (calendar, year) {
            (Calendar::Gregorian, Some(year)) => {
                NaiveDate::from_ymd_opt(year, month, day).is_some()
            }
            // Without a year, 29 February may be right.
            (Calendar::Gregorian, None) => NaiveDate::from_ymd_opt(2024, month, day).is_some(),
            (Calendar::Hijri, Some(year)) => {
                crate::dates::hijri::to_gregorian(year, month, day).is_some()
            }
            (Calendar::Hijri, None) => (1..=30).contains(&day),
        };
        if exists {
            continue;
        }
        let what = match calendar {
            Calendar::Gregorian => "",
            Calendar::Hijri => " (Hijri, Umm al-Qura)",
        };
        let message = match year {
            Some(year) => format!(
                "«{}» does not exist: month {month} of {year}{what} has no day {day}",
                context.text(&date.range)
            ),
            None => format!(
                "«{}» does not exist: month {month}{what} has no day {day}",
                context.text(&date.range)
            ),
        };
        findings.push(
            Finding::new(&CODE, date.range.clone(), message)
                .with_help("check the day and the month against the source"),
        );
    }
    findings
}
