//! Dates an article declares about itself (front matter `date:`, HTML
//! `<time datetime>` and `article:published_time`), in the forms CMS
//! exports write: ISO 8601 with or without a time, RFC 2822, `2024/05/16`,
//! `16/05/2024` where only one reading is a date, and `16 May 2024` or
//! `May 16, 2024`.
//!
//! A value that could be two dates (`05/06/2024`) or none is not guessed:
//! the article is still checked, without a reference date from it, and the
//! problem is reported at the value (`date/invalid`) so that the editor
//! writes it unambiguously.

use chrono::{DateTime, NaiveDate};

/// What a declared date value turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declared {
    /// One date.
    Date(NaiveDate),
    /// A numeric date both day-first and month-first readings allow.
    Ambiguous {
        /// Read day first (`05/06/2024` as 5 June).
        day_first: NaiveDate,
        /// Read month first (`05/06/2024` as 6 May).
        month_first: NaiveDate,
    },
    /// Not a date in any form factlint reads.
    Unreadable,
}

/// Formats with month names (English, as CMS exports write them).
const NAMED: &[&str] = &[
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
];

/// Reads a declared date value.
pub fn parse(value: &str) -> Declared {
    let value = value.trim();
    if let Some(date) = value
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return Declared::Date(date);
    }
    if let Ok(time) = DateTime::parse_from_rfc2822(value) {
        return Declared::Date(time.date_naive());
    }
    for format in NAMED {
        if let Ok(date) = NaiveDate::parse_from_str(value, format) {
            return Declared::Date(date);
        }
    }
    let parts: Vec<&str> = value.split(['/', '.', '-']).collect();
    let numbers: Option<Vec<u32>> = match parts.as_slice() {
        [a, b, c]
            if [a, b, c]
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) =>
        {
            [a, b, c].iter().map(|p| p.parse().ok()).collect()
        }
        _ => None,
    };
    let Some(numbers) = numbers else {
        return Declared::Unreadable;
    };
    let (a, b, c) = (numbers[0], numbers[1], numbers[2]);
    if parts[0].len() == 4 {
        return NaiveDate::from_ymd_opt(a as i32, b, c)
            .map_or(Declared::Unreadable, Declared::Date);
    }
    if parts[2].len() != 4 {
        return Declared::Unreadable;
    }
    let year = c as i32;
    match (
        NaiveDate::from_ymd_opt(year, b, a),
        NaiveDate::from_ymd_opt(year, a, b),
    ) {
        (Some(day_first), Some(month_first)) if day_first != month_first => Declared::Ambiguous {
            day_first,
            month_first,
        },
        (Some(date), _) | (None, Some(date)) => Declared::Date(date),
        (None, None) => Declared::Unreadable,
    }
}

/// The message and help for a value that is not one date.
pub fn problem(what: &str, value: &str, declared: &Declared) -> (String, String) {
    match declared {
        Declared::Ambiguous {
            day_first,
            month_first,
        } => (
            format!(
                "{what} `{value}` could be {} or {}, so it is not used as the article's date",
                day_first.format("%-d %B %Y"),
                month_first.format("%-d %B %Y")
            ),
            format!(
                "write it as YYYY-MM-DD: `{}` or `{}`",
                day_first.format("%Y-%m-%d"),
                month_first.format("%Y-%m-%d")
            ),
        ),
        _ => (
            format!("{what} `{value}` is not a date, so the article has no date from it"),
            "write the date as YYYY-MM-DD, e.g. 2024-05-16".to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Declared {
        Declared::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn forms_cms_exports_write() {
        assert_eq!(parse("2024-05-16"), date(2024, 5, 16));
        assert_eq!(parse("2024-05-16T09:30:00+03:00"), date(2024, 5, 16));
        assert_eq!(parse("Thu, 16 May 2024 09:30:00 +0300"), date(2024, 5, 16));
        assert_eq!(parse("2024/05/16"), date(2024, 5, 16));
        assert_eq!(parse("16/05/2024"), date(2024, 5, 16));
        assert_eq!(parse("05/16/2024"), date(2024, 5, 16));
        assert_eq!(parse("16.05.2024"), date(2024, 5, 16));
        assert_eq!(parse("16 May 2024"), date(2024, 5, 16));
        assert_eq!(parse("May 16, 2024"), date(2024, 5, 16));
        assert_eq!(parse("5/5/2024"), date(2024, 5, 5));
    }

    #[test]
    fn two_readings_or_none_are_not_guessed() {
        assert!(matches!(parse("05/06/2024"), Declared::Ambiguous { .. }));
        assert_eq!(parse("31/02/2024"), Declared::Unreadable);
        assert_eq!(parse("next Tuesday"), Declared::Unreadable);
        assert_eq!(parse("16/05/24"), Declared::Unreadable);
    }
}
