//! Hijri dates through the Umm al-Qura calendar of `icu_calendar`.

use chrono::NaiveDate;
use icu_calendar::Date;
use icu_calendar::cal::{Hijri, Iso};

/// The Gregorian date of a Hijri (Umm al-Qura) date, or `None` when the
/// date does not exist (day 30 of a 29-day month) or is out of range.
pub fn to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let month = u8::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    let hijri =
        Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    let iso = hijri.to_calendar(Iso);
    NaiveDate::from_ymd_opt(
        iso.era_year().year,
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Known pairs from the published Umm al-Qura calendar. Feast days
    /// announced by moon sighting may differ by a day (Eid al-Adha 1436 fell
    /// on 2015-09-24, the table says 10 Dhu al-Hijjah = 2015-09-23): that is
    /// why `date/hijri` has a tolerance.
    #[test]
    fn umm_al_qura_pairs() {
        let pairs = [
            ((1436, 10, 1), ymd(2015, 7, 17)), // 1 Shawwal 1436, Eid al-Fitr 2015
            ((1436, 1, 1), ymd(2014, 10, 25)), // Hijri new year 1436
            ((1436, 9, 1), ymd(2015, 6, 18)),  // 1 Ramadan 1436
            ((1436, 12, 10), ymd(2015, 9, 23)), // 10 Dhu al-Hijjah 1436 by the table
            ((1437, 1, 1), ymd(2015, 10, 14)), // Hijri new year 1437
            ((1437, 9, 1), ymd(2016, 6, 6)),   // 1 Ramadan 1437
            ((1440, 9, 1), ymd(2019, 5, 6)),   // 1 Ramadan 1440
            ((1441, 1, 1), ymd(2019, 8, 31)),  // Hijri new year 1441
            ((1442, 9, 1), ymd(2021, 4, 13)),  // 1 Ramadan 1442
            ((1443, 10, 1), ymd(2022, 5, 2)),  // Eid al-Fitr 1443
            ((1444, 8, 3), ymd(2023, 2, 23)),  // 3 Shaban 1444
            ((1444, 9, 1), ymd(2023, 3, 23)),  // 1 Ramadan 1444
            ((1445, 1, 1), ymd(2023, 7, 19)),  // Hijri new year 1445
            ((1445, 12, 10), ymd(2024, 6, 16)), // Eid al-Adha 1445
        ];
        for ((y, m, d), gregorian) in pairs {
            assert_eq!(to_gregorian(y, m, d), Some(gregorian), "{y}-{m}-{d}");
        }
    }

    #[test]
    fn impossible_dates() {
        assert_eq!(to_gregorian(1444, 13, 1), None);
        assert_eq!(to_gregorian(1444, 1, 31), None);
    }
}
