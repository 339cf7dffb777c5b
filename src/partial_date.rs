//! Dates as packs state them, often only a year or a month. A leaf: the
//! rule packs (`rules`) and the date parser (`dates`) both need it.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A date known to day, month or year precision (`2020-12-10`, `2021-11`,
/// `2000`). Packs state what they know, no more.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// The month (1–12), when known.
    pub month: Option<u32>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u32>,
}

/// Why a date string is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in `YYYY`, `YYYY-MM` or `YYYY-MM-DD` form.
    Format,
    /// In form, but no such day (`2023-02-30`, month 13).
    Impossible,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, DateError> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| DateError::Format)
            } else {
                Err(DateError::Format)
            }
        };
        let year = number(parts[0], 4)? as i32;
        let month = parts.get(1).map(|m| number(m, 2)).transpose()?;
        let day = parts.get(2).map(|d| number(d, 2)).transpose()?;
        if parts.len() > 3 {
            return Err(DateError::Format);
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(DateError::Impossible);
        }
        if let (Some(m), Some(d)) = (month, day)
            && NaiveDate::from_ymd_opt(year, m, d).is_none()
        {
            return Err(DateError::Impossible);
        }
        Ok(PartialDate { year, month, day })
    }

    /// The full date, when known to the day.
    pub fn to_date(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// The first day the partial date can mean.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .expect("validated at parse time")
    }

    /// The last day the partial date can mean.
    pub fn last_day(self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => NaiveDate::from_ymd_opt(self.year, m, 1)
                .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                .and_then(|d| d.pred_opt()),
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .expect("validated at parse time")
    }

    /// Whether `date` falls within the partial date.
    pub fn contains(self, date: NaiveDate) -> bool {
        date.year() == self.year
            && self.month.is_none_or(|m| date.month() == m)
            && self.day.is_none_or(|d| date.day() == d)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precisions() {
        assert_eq!(PartialDate::parse("2000").unwrap().to_string(), "2000");
        assert_eq!(
            PartialDate::parse("2021-11")
                .unwrap()
                .last_day()
                .to_string(),
            "2021-11-30"
        );
        assert_eq!(
            PartialDate::parse("2024-02")
                .unwrap()
                .last_day()
                .to_string(),
            "2024-02-29"
        );
        assert_eq!(PartialDate::parse("2023-02-30"), Err(DateError::Impossible));
        assert_eq!(PartialDate::parse("2023-13"), Err(DateError::Impossible));
        assert_eq!(PartialDate::parse("23-02-01"), Err(DateError::Format));
        assert_eq!(PartialDate::parse("2023-2-1"), Err(DateError::Format));
    }
}
