//! Date expressions, read over tokens annotated with the month, weekday and
//! marker mentions of the one-pass matcher.
//!
//! The words come from the lexicon packs (`rules/lexicon/calendar.yaml` for
//! month and weekday names in every Arabic locale and in English,
//! `rules/lexicon/dates.yaml` for markers); the orders are here:
//!
//! | form | example |
//! |---|---|
//! | day month \[,\] year \[era\] | `22 فبراير، 2023`, `22 شباط 2023`, `22 Feb. 2023`, `2015م` |
//! | month day\[,\] year | `February 22, 2023` |
//! | day month / month day | `22 فبراير`, `Feb 22` (year from the reference date) |
//! | numeric | `22/2/2023` (day first in Arabic; month first in English by default), `2023-02-22` |
//! | month \[,\] year | `نوفمبر 2021`, `November 2021` |
//! | year | `عام 2000`, `in 2000`, `2000م` |
//! | month alone | `في يوليو`, `in July` (the nearest such month not after the reference date) |
//! | ordinal day | `السابع عشر من شباط 2013`, `الخامس عشر من شهر رمضان 1436هـ`, `the 5th of March 2024`, `7th March`, `March 7th, 2024` |
//! | weekday | `الأربعاء`, `يوم الجمعة`, `Wednesday,`, `Thu.,` before any of the above (also through `الموافق` or in brackets: `يوم الأربعاء (13 فبراير 2013)`), or alone |
//! | weekday after | `13 فبراير 2013، الموافق يوم الخميس`, `13 فبراير 2013 يوم الخميس`, `2024-03-12 (Monday)` |
//! | Hijri | `3 شعبان 1444 هـ`, `شعبان 1444هـ` |
//! | duration | `بعد 20 عاما`, `20 years later`, `منذ ثلاث سنوات`, `three years ago`, `عامين` |
//!
//! Duckling (crates.io `duckling` 0.4) was evaluated as the design notes ask:
//! it has no Hijri calendar and none of the Levantine and Maghrebi month
//! names, and its spans are over its own input, not the normalised text
//! with clitics; the tokens here carry exact spans by construction.

use std::ops::Range;

use crate::article::Language;
use crate::rules::annotate::TokenMentions;
use crate::rules::{CalendarName, RuleSet, Target};
use crate::text::tokens::{Token, TokenKind};

/// Which calendar a date is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    /// Gregorian.
    Gregorian,
    /// Hijri (compared through Umm al-Qura).
    Hijri,
}

/// A duration's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Years.
    Year,
    /// Months.
    Month,
    /// Weeks.
    Week,
    /// Days.
    Day,
}

/// Which way a duration points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `بعد 20 عاما`, "after 20 years", "20 years later": forward from an
    /// earlier point.
    Later,
    /// `منذ ثلاث سنوات`, "three years ago": back from the reference date.
    Ago,
    /// A bare amount ("for 20 years"): no arithmetic is checked.
    Bare,
}

/// What a date expression says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A day, month and year (the day may not exist: `31 يونيو 2023`).
    Full {
        /// The calendar.
        calendar: Calendar,
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u32,
        /// The day of the month as written.
        day: u32,
    },
    /// A day and month without a year.
    DayMonth {
        /// The calendar.
        calendar: Calendar,
        /// The month, 1–12.
        month: u32,
        /// The day of the month as written.
        day: u32,
    },
    /// A month of a year.
    MonthYear {
        /// The calendar.
        calendar: Calendar,
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u32,
    },
    /// A Gregorian month without a year, introduced by "in"/`في`.
    Month {
        /// The month, 1–12.
        month: u32,
    },
    /// A year.
    Year {
        /// The calendar (a Hijri year carries `هـ`).
        calendar: Calendar,
        /// The year.
        year: i32,
    },
    /// A weekday on its own.
    Weekday,
    /// A span of time.
    Duration {
        /// How many units.
        amount: u32,
        /// Which unit.
        unit: Unit,
        /// Which way.
        direction: Direction,
    },
}

/// A weekday named in the text (0 = Sunday … 6 = Saturday).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekdayName {
    /// The weekday.
    pub weekday: u32,
    /// Where it is written.
    pub range: Range<usize>,
}

/// One date expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// What it says.
    pub kind: DateKind,
    /// Where it is written (original byte range).
    pub range: Range<usize>,
    /// The tokens it covers.
    pub tokens: Range<usize>,
    /// A weekday written with it (`الأربعاء 22 فبراير`), or the weekday
    /// itself for [`DateKind::Weekday`].
    pub weekday: Option<WeekdayName>,
}

/// Reads date expressions from tokens.
pub struct DateParser<'a> {
    tokens: &'a [Token],
    rules: &'a RuleSet,
    language: Language,
    /// Mentions laid over the tokens.
    annotations: &'a TokenMentions,
    /// Month first in numeric English dates (`2/22/2023`), as US wires write.
    month_first: bool,
    /// Whether each marker (by index in the rule set) may start a date
    /// expression ([`starts_an_expression`]): 0 until first met, then
    /// 1 for no, 2 for yes.
    marker_starts: Vec<std::cell::Cell<u8>>,
}

/// Whether a lexicon marker is one an expression may start with: the
/// markers the readers below look for at an expression's first token. A
/// reader that starts at another marker needs it here too; the tests
/// compare the parse with one that tries the readers at every token.
fn starts_an_expression(id: &str) -> bool {
    matches!(
        id,
        "day-word" | "definite-article" | "year-prefix" | "month-prefix" | "after" | "ago"
    ) || ["ordinal-", "unit-", "number-"]
        .iter()
        .any(|prefix| id.starts_with(prefix))
}

impl<'a> DateParser<'a> {
    /// Prepares a parser over an article's tokens and their mentions.
    pub fn new(
        tokens: &'a [Token],
        annotations: &'a TokenMentions,
        rules: &'a RuleSet,
        language: Language,
    ) -> Self {
        DateParser {
            tokens,
            rules,
            language,
            annotations,
            month_first: true,
            marker_starts: vec![std::cell::Cell::new(0); rules.markers.len()],
        }
    }

    /// Reads numeric English dates day first (`22/2/2023`) instead of month
    /// first.
    pub fn day_first_in_english(mut self, day_first: bool) -> Self {
        self.month_first = !day_first;
        self
    }

    fn marker(&self, i: usize, id: &str) -> Option<usize> {
        self.annotations.at(i).iter().find_map(|a| match a.target {
            Target::Marker(m) if self.rules.markers[m].id == id => Some(a.end()),
            _ => None,
        })
    }

    #[inline]
    fn marker_with_prefix(&self, i: usize, prefix: &str) -> Option<(&'a str, usize)> {
        self.annotations.at(i).iter().find_map(|a| match a.target {
            Target::Marker(m) if self.rules.markers[m].id.starts_with(prefix) => {
                Some((self.rules.markers[m].id.as_str(), a.end()))
            }
            _ => None,
        })
    }

    /// The number of the calendar name (month, Hijri month or weekday)
    /// that starts at token `i`, and the token after it.
    fn named(
        &self,
        i: usize,
        list: &[CalendarName],
        index: fn(Target) -> Option<usize>,
    ) -> Option<(u32, usize)> {
        self.annotations
            .at(i)
            .iter()
            .find_map(|a| Some((list[index(a.target)?].number, a.end())))
    }

    fn month(&self, i: usize) -> Option<(u32, usize)> {
        self.named(i, &self.rules.months, |t| match t {
            Target::Month(m) => Some(m),
            _ => None,
        })
    }

    fn hijri_month(&self, i: usize) -> Option<(u32, usize)> {
        self.named(i, &self.rules.hijri_months, |t| match t {
            Target::HijriMonth(m) => Some(m),
            _ => None,
        })
    }

    fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        self.named(i, &self.rules.weekdays, |t| match t {
            Target::Weekday(w) => Some(w),
            _ => None,
        })
    }

    /// The ordinal day word starting at token `i` (the longest: `الثالث
    /// عشر`, not `الثالث`): its day, whether it is an Arabic feminine form,
    /// and the token after it. Read from the `ordinal-N` and
    /// `ordinal-N-feminine` markers of the lexicon.
    fn ordinal(&self, i: usize) -> Option<(u32, bool, usize)> {
        self.annotations
            .at(i)
            .iter()
            .filter_map(|a| match a.target {
                Target::Marker(m) => {
                    let rest = self.rules.markers[m].id.strip_prefix("ordinal-")?;
                    let (number, feminine) = match rest.strip_suffix("-feminine") {
                        Some(number) => (number, true),
                        None => (rest, false),
                    };
                    let day: u32 = number.parse().ok()?;
                    (1..=31).contains(&day).then_some((day, feminine, a.end()))
                }
                _ => None,
            })
            .max_by_key(|&(_, _, end)| end)
    }

    /// Whether a mention of the kind `is_kind` ends exactly at token `i`
    /// (mentions are at most a few tokens long).
    fn ends_at(&self, i: usize, is_kind: impl Fn(Target) -> bool) -> bool {
        (i.saturating_sub(3)..i).any(|j| {
            self.annotations
                .at(j)
                .iter()
                .any(|a| a.end() == i && is_kind(a.target))
        })
    }

    /// Whether an Arabic ordinal at token `i` names a day of the month. It
    /// does at the start of the text, after punctuation, a weekday, «يوم»,
    /// «الموافق» or a `day-prefix` word (`في`, `منذ`, `مساء` …). After any
    /// other word it counts something else (`الأسبوع الأول من مارس`), and a
    /// feminine 1–5 right after a weekday counts weeks: `الجمعة الثانية من
    /// رمضان` is the second Friday of Ramadan.
    fn ordinal_names_a_day(&self, i: usize, day: u32, feminine: bool) -> bool {
        let Some(previous) = i.checked_sub(1).and_then(|p| self.tokens.get(p)) else {
            return true;
        };
        if let TokenKind::Punct(_) = previous.kind {
            return true;
        }
        if self.ends_at(i, |t| matches!(t, Target::Weekday(_))) {
            return !(feminine && day <= 5);
        }
        self.ends_at(i, |t| match t {
            Target::Marker(m) => matches!(
                self.rules.markers[m].id.as_str(),
                "day-word" | "corresponds" | "day-prefix"
            ),
            _ => false,
        })
    }

    /// `السابع عشر من شباط 2013`, `الخامس عشر من شهر رمضان 1436هـ`, `the
    /// 5th of March 2024`, `7th March`: an ordinal day, «من»/"of" and
    /// «شهر» optional, then a month name. An English word ordinal needs
    /// "the" before it (`the fifth of March`); a suffixed number (`7th`)
    /// does not.
    fn ordinal_date_at(&self, i: usize) -> Option<DateExpr> {
        let (start, at) = match self.marker(i, "definite-article") {
            Some(end) => (i, end),
            None => (i, i),
        };
        let (day, feminine, end) = self.ordinal(at)?;
        let suffixed = self.number(at).is_some();
        let context = match self.language {
            Language::En => suffixed || start < at,
            Language::Ar => suffixed || self.ordinal_names_a_day(at, day, feminine),
        };
        if !context {
            return None;
        }
        let mut m = self.marker(end, "day-of").unwrap_or(end);
        m = self.marker(m, "month-word").unwrap_or(m);
        if let Some((month, month_end)) = self.month(m) {
            return Some(self.after_day_month(
                start,
                day,
                month,
                self.alias(month_end),
                Calendar::Gregorian,
            ));
        }
        let (month, month_end) = self.hijri_month(m)?;
        Some(self.after_day_month(start, day, month, month_end, Calendar::Hijri))
    }

    /// The token after a day number at `i`: after its ordinal suffix when
    /// it has one (`7th`), else `i + 1`.
    fn day_end(&self, i: usize) -> usize {
        match self.ordinal(i) {
            Some((_, _, end)) if self.number(i).is_some() => end,
            _ => i + 1,
        }
    }

    /// Whether the weekday name over `tokens` is an abbreviation (`Thu`,
    /// `Tues`), which may carry a full stop (`Thu., March 6`).
    fn abbreviated(&self, weekday: u32, tokens: Range<usize>) -> bool {
        let longest = self
            .rules
            .weekdays
            .iter()
            .filter(|w| w.number == weekday)
            .flat_map(|w| w.names.get(self.language))
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0);
        let written =
            self.tokens[tokens.end - 1].norm().end - self.tokens[tokens.start].norm().start;
        written < longest
    }

    /// The date a weekday ending before token `end` introduces: after an
    /// optional full stop (for an abbreviation), comma, opening bracket and
    /// «الموافق» (`يوم السبت الموافق 12 أغسطس 2015`, `يوم الأربعاء (13
    /// فبراير 2013)`, `Thu., March 6, 2024`). A closing bracket after the
    /// date is taken into its tokens.
    fn date_after_weekday(&self, end: usize, abbreviated: bool) -> Option<DateExpr> {
        let mut next = if abbreviated {
            self.skip(end, &['.'])
        } else {
            end
        };
        next = self.skip(next, &[',', '،']);
        let bracket = self.punct(next, &['(']);
        if bracket {
            next += 1;
        }
        next = self.marker(next, "corresponds").unwrap_or(next);
        let mut date = self.core_at(next)?;
        if bracket && self.punct(date.tokens.end, &[')']) {
            date.tokens.end += 1;
        }
        Some(date)
    }

    /// A weekday written after the date whose tokens end before `end`:
    /// after a comma or an opening bracket, «الموافق» and «يوم», when it
    /// does not itself introduce the next date (`13 فبراير 2013، الموافق
    /// يوم الخميس`, `13 فبراير 2013 يوم الخميس`, `2024-03-12 (Monday)`).
    /// Returns the weekday and the token after it (and after a closing
    /// bracket).
    fn weekday_after_date(&self, end: usize) -> Option<(WeekdayName, usize)> {
        let mut after = self.skip(end, &[',', '،']);
        let bracket = self.punct(after, &['(']);
        if bracket {
            after += 1;
        }
        after = self.marker(after, "corresponds").unwrap_or(after);
        after = self.marker(after, "day-word").unwrap_or(after);
        let (weekday, weekday_end) = self.weekday(after)?;
        let range = self.tokens[after].orig().start..self.tokens[weekday_end - 1].orig().end;
        if self
            .date_after_weekday(weekday_end, self.abbreviated(weekday, after..weekday_end))
            .is_some()
        {
            return None;
        }
        let mut last = weekday_end;
        if bracket && self.punct(last, &[')']) {
            last += 1;
        }
        Some((WeekdayName { weekday, range }, last))
    }

    fn number(&self, i: usize) -> Option<(u32, usize)> {
        let token = self.tokens.get(i)?;
        Some((token.number()?, token.norm().len()))
    }

    fn day(&self, i: usize) -> Option<u32> {
        self.number(i)
            .filter(|&(n, digits)| digits <= 2 && (1..=99).contains(&n))
            .map(|(n, _)| n)
    }

    fn year(&self, i: usize, calendar: Calendar) -> Option<i32> {
        let (n, digits) = self.number(i)?;
        let plausible = match calendar {
            Calendar::Gregorian => (1000..=2999).contains(&n),
            Calendar::Hijri => (1..=1999).contains(&n),
        };
        (digits >= 3 && plausible).then_some(n as i32)
    }

    fn punct(&self, i: usize, options: &[char]) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| options.iter().any(|&c| t.is_punct(c)))
    }

    /// Skips an optional punctuation token.
    fn skip(&self, i: usize, options: &[char]) -> usize {
        if self.punct(i, options) { i + 1 } else { i }
    }

    /// Skips a month name's alias after it (`مارس (آذار)`, `آذار/مارس`):
    /// Levantine and Egyptian names are often written in pairs.
    fn alias(&self, end: usize) -> usize {
        if self.punct(end, &['('])
            && let Some((_, after)) = self.month(end + 1)
            && self.punct(after, &[')'])
        {
            return after + 1;
        }
        if self.punct(end, &['/'])
            && let Some((_, after)) = self.month(end + 1)
        {
            return after;
        }
        end
    }

    /// Skips an optional era mark after a year.
    fn era(&self, i: usize, calendar: Calendar) -> usize {
        let id = match calendar {
            Calendar::Gregorian => "era-gregorian",
            Calendar::Hijri => "era-hijri",
        };
        self.marker(i, id).unwrap_or(i)
    }

    /// Every date expression, in text order, not overlapping.
    pub fn parse(&self) -> Vec<DateExpr> {
        self.parse_from(|i| self.may_start(i))
    }

    /// [`DateParser::parse`], trying the readers at the tokens where
    /// `may_start` says an expression may start.
    fn parse_from(&self, may_start: impl Fn(usize) -> bool) -> Vec<DateExpr> {
        let mut exprs = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            if !may_start(i) {
                i += 1;
                continue;
            }
            match self.expression_at(i) {
                Some(expr) => {
                    i = expr.tokens.end.max(i + 1);
                    exprs.push(expr);
                }
                None => i += 1,
            }
        }
        exprs
    }

    fn make(&self, kind: DateKind, tokens: Range<usize>, weekday: Option<WeekdayName>) -> DateExpr {
        let range = self.tokens[tokens.start].orig().start..self.tokens[tokens.end - 1].orig().end;
        DateExpr {
            kind,
            range,
            tokens,
            weekday,
        }
    }

    /// Whether an expression may start at token `i`: every one starts at a
    /// number, a calendar name (month, Hijri month, weekday) or one of the
    /// markers the readers look for first («يوم», "after", an ordinal …).
    /// Most words are none of these, and each reader would look at them in
    /// turn; many carry other markers (a name's stop word, a verb).
    fn may_start(&self, i: usize) -> bool {
        self.number(i).is_some()
            || self.annotations.at(i).iter().any(|a| match a.target {
                Target::Month(_) | Target::HijriMonth(_) | Target::Weekday(_) => true,
                Target::Marker(m) => {
                    let known = &self.marker_starts[m];
                    if known.get() == 0 {
                        let starts = starts_an_expression(&self.rules.markers[m].id);
                        known.set(if starts { 2 } else { 1 });
                    }
                    known.get() == 2
                }
                _ => false,
            })
    }

    fn expression_at(&self, i: usize) -> Option<DateExpr> {
        // A weekday, possibly after «يوم», possibly before a date.
        let (weekday_start, after_day_word) = match self.marker(i, "day-word") {
            Some(end) if self.weekday(end).is_some() => (i, end),
            _ => (i, i),
        };
        if let Some((weekday, end)) = self.weekday(after_day_word) {
            let name = WeekdayName {
                weekday,
                range: self.tokens[after_day_word].orig().start..self.tokens[end - 1].orig().end,
            };
            let abbreviated = self.abbreviated(weekday, after_day_word..end);
            if let Some(mut date) = self.date_after_weekday(end, abbreviated) {
                date.range.start = self.tokens[weekday_start].orig().start;
                date.tokens.start = weekday_start;
                date.weekday = Some(name);
                return Some(date);
            }
            return Some(self.make(DateKind::Weekday, weekday_start..end, Some(name)));
        }
        if let Some(mut date) = self.core_at(i) {
            // A weekday written after the date: its tokens join the
            // expression (so it is not read again alone), its range stays
            // the date's.
            if let Some((name, end)) = self.weekday_after_date(date.tokens.end) {
                date.weekday = Some(name);
                date.tokens.end = end;
            }
            return Some(date);
        }
        self.year_at(i)
            .or_else(|| self.month_alone_at(i))
            .or_else(|| self.duration_at(i))
    }

    /// Full dates, day-month, month-year, numeric and Hijri dates.
    fn core_at(&self, i: usize) -> Option<DateExpr> {
        use Calendar::{Gregorian, Hijri};
        if let Some(date) = self.ordinal_date_at(i) {
            return Some(date);
        }
        // day month [,] year
        if let Some(day) = self.day(i) {
            let m = self.skip(i + 1, &['.']);
            if let Some((month, end)) = self.month(m) {
                return Some(self.after_day_month(i, day, month, self.alias(end), Gregorian));
            }
            if let Some((month, end)) = self.hijri_month(m) {
                return Some(self.after_day_month(i, day, month, end, Hijri));
            }
            if let Some(date) = self.numeric_at(i) {
                return Some(date);
            }
        }
        if self.number(i).is_some_and(|(_, digits)| digits == 4)
            && let Some(date) = self.numeric_at(i)
        {
            return Some(date);
        }
        // month day[,] year | month day | month [,] year
        if let Some((month, end)) = self.month(i) {
            let end = self.alias(end);
            let d = self.skip(end, &['.']);
            if let Some(day) = self.day(d).filter(|&d| d <= 31) {
                let day_end = self.day_end(d);
                let y = self.skip(day_end, &[',', '،']);
                if let Some(year) = self.year(y, Gregorian) {
                    let end = self.era(y + 1, Gregorian);
                    return Some(self.make(
                        DateKind::Full {
                            calendar: Gregorian,
                            year,
                            month,
                            day,
                        },
                        i..end,
                        None,
                    ));
                }
                // «Feb 22» in English; in Arabic a number after a month is
                // rarely its day, so only English reads it so.
                if self.language == Language::En {
                    return Some(self.make(
                        DateKind::DayMonth {
                            calendar: Gregorian,
                            month,
                            day,
                        },
                        i..day_end,
                        None,
                    ));
                }
            }
            let y = self.skip(d, &[',', '،']);
            if let Some(year) = self.year(y, Gregorian) {
                let end = self.era(y + 1, Gregorian);
                return Some(self.make(
                    DateKind::MonthYear {
                        calendar: Gregorian,
                        year,
                        month,
                    },
                    i..end,
                    None,
                ));
            }
        }
        if let Some((month, end)) = self.hijri_month(i) {
            let y = self.skip(end, &[',', '،']);
            if let Some(year) = self.year(y, Hijri) {
                let after = self.era(y + 1, Hijri);
                // A Hijri month name is an ordinary word too (`رجب`): only a
                // year with an era mark makes it a date.
                if after > y + 1 {
                    return Some(self.make(
                        DateKind::MonthYear {
                            calendar: Hijri,
                            year,
                            month,
                        },
                        i..after,
                        None,
                    ));
                }
            }
        }
        None
    }

    /// A date from `start` whose day and month are read (the month's last
    /// token ends before `end`): with a year (`22 فبراير، 2023م`), a full
    /// date; without, a day and month.
    fn after_day_month(
        &self,
        start: usize,
        day: u32,
        month: u32,
        end: usize,
        calendar: Calendar,
    ) -> DateExpr {
        let mut y = self.skip(self.skip(end, &['.']), &[',', '،']);
        // «التاسع من شوال عام 1436 هـ», «10 أغسطس سنة 2015».
        if self.language == Language::Ar
            && let Some(after) = self.marker(y, "year-prefix")
            && self.year(after, calendar).is_some()
        {
            y = after;
        }
        if let Some(year) = self.year(y, calendar) {
            let end = self.era(y + 1, calendar);
            return self.make(
                DateKind::Full {
                    calendar,
                    year,
                    month,
                    day,
                },
                start..end,
                None,
            );
        }
        self.make(
            DateKind::DayMonth {
                calendar,
                month,
                day,
            },
            start..end,
            None,
        )
    }

    /// `22/2/2023`, `22-02-2023`, `2023-02-22`, `22.2.2023`.
    fn numeric_at(&self, i: usize) -> Option<DateExpr> {
        let (a, a_digits) = self.number(i)?;
        let sep = match self.tokens.get(i + 1)?.kind {
            TokenKind::Punct(c @ ('/' | '-' | '.')) => c,
            _ => return None,
        };
        let (b, b_digits) = self.number(i + 2)?;
        if !self.punct(i + 3, &[sep]) {
            return None;
        }
        let (c, c_digits) = self.number(i + 4)?;
        if b_digits > 2 {
            return None;
        }
        let (year, month, day) = if a_digits == 4 && c_digits <= 2 {
            (a as i32, b, c)
        } else if c_digits == 4 && a_digits <= 2 {
            if self.language == Language::En && self.month_first {
                (c as i32, a, b)
            } else {
                (c as i32, b, a)
            }
        } else {
            return None;
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1000..=2999).contains(&year)
        {
            return None;
        }
        // `4/10/1436`: a year in the Hijri range, or a Hijri era mark, makes
        // a numeric date Hijri (no news story writes Gregorian years
        // 1300–1500 numerically).
        let hijri_end = self.marker(i + 5, "era-hijri");
        if hijri_end.is_some() || (1300..=1500).contains(&year) {
            let end = hijri_end.unwrap_or(i + 5);
            return Some(self.make(
                DateKind::Full {
                    calendar: Calendar::Hijri,
                    year,
                    month,
                    day,
                },
                i..end,
                None,
            ));
        }
        let end = self.era(i + 5, Calendar::Gregorian);
        Some(self.make(
            DateKind::Full {
                calendar: Calendar::Gregorian,
                year,
                month,
                day,
            },
            i..end,
            None,
        ))
    }

    /// `عام 2000`, `in 2000`, `2000م`, `1436هـ`, `عام 1436 هـ`.
    fn year_at(&self, i: usize) -> Option<DateExpr> {
        let (number_at, start) = match self.marker(i, "year-prefix") {
            Some(end) => (end, i),
            None => (i, i),
        };
        let (n, digits) = self.number(number_at)?;
        if digits != 4 {
            return None;
        }
        if let Some(end) = self.marker(number_at + 1, "era-hijri") {
            let kind = DateKind::Year {
                calendar: Calendar::Hijri,
                year: n as i32,
            };
            return Some(self.make(kind, start..end, None));
        }
        // `العام 1440` in Arabic news is a Hijri year: Gregorian years of the
        // fourteenth and fifteenth centuries are rare there, Hijri ones common.
        if self.language == Language::Ar
            && (1300..=1500).contains(&n)
            && self.marker(number_at + 1, "era-gregorian").is_none()
        {
            let kind = DateKind::Year {
                calendar: Calendar::Hijri,
                year: n as i32,
            };
            return Some(self.make(kind, start..number_at + 1, None));
        }
        let year = self.year(number_at, Calendar::Gregorian)?;
        let era = self.era(number_at + 1, Calendar::Gregorian);
        // A bare four-digit number is only a year with a prefix or an era.
        if start == number_at && era == number_at + 1 {
            return None;
        }
        let kind = DateKind::Year {
            calendar: Calendar::Gregorian,
            year,
        };
        Some(self.make(kind, start..era, None))
    }

    /// `في يوليو`, `in July`: a month with no day or year.
    fn month_alone_at(&self, i: usize) -> Option<DateExpr> {
        let end = self.marker(i, "month-prefix")?;
        let (month, month_end) = self.month(end)?;
        if self.number(month_end).is_some()
            || self
                .number(self.skip(month_end, &[',', '،', '.']))
                .is_some()
        {
            return None;
        }
        Some(self.make(DateKind::Month { month }, i..month_end, None))
    }

    /// The amount and unit of a duration at `i`: `20 عاما`, `ثلاث سنوات`,
    /// `عامين`, `three years`.
    fn amount_at(&self, i: usize) -> Option<(u32, Unit, usize)> {
        let unit_of = |id: &str| match id.trim_end_matches("-dual") {
            "unit-year" => Some(Unit::Year),
            "unit-month" => Some(Unit::Month),
            "unit-week" => Some(Unit::Week),
            "unit-day" => Some(Unit::Day),
            _ => None,
        };
        if let Some((id, end)) = self.marker_with_prefix(i, "unit-")
            && id.ends_with("-dual")
        {
            return Some((2, unit_of(id)?, end));
        }
        let (amount, after) = if let Some((n, _)) = self.number(i) {
            (n, i + 1)
        } else {
            let (id, end) = self.marker_with_prefix(i, "number-")?;
            (id.trim_start_matches("number-").parse().ok()?, end)
        };
        let (id, end) = self.marker_with_prefix(after, "unit-")?;
        if id.ends_with("-dual") {
            return None;
        }
        Some((amount, unit_of(id)?, end))
    }

    /// `بعد 20 عاما`, `20 years later`, `منذ ثلاث سنوات`, `three years ago`.
    fn duration_at(&self, i: usize) -> Option<DateExpr> {
        let duration = |amount, unit, direction, tokens: Range<usize>| {
            self.make(
                DateKind::Duration {
                    amount,
                    unit,
                    direction,
                },
                tokens,
                None,
            )
        };
        if let Some(end) = self.marker(i, "after")
            && let Some((amount, unit, after)) = self.amount_at(end)
        {
            return Some(duration(amount, unit, Direction::Later, i..after));
        }
        if let Some(end) = self.marker(i, "ago")
            && self.language == Language::Ar
            && let Some((amount, unit, after)) = self.amount_at(end)
        {
            return Some(duration(amount, unit, Direction::Ago, i..after));
        }
        let (amount, unit, after) = self.amount_at(i)?;
        if let Some(end) = self.marker(after, "later") {
            return Some(duration(amount, unit, Direction::Later, i..end));
        }
        if let Some(end) = self.marker(after, "ago") {
            return Some(duration(amount, unit, Direction::Ago, i..end));
        }
        // A bare number of years is only a duration with a digit or a dual:
        // number words alone («one», «a») are too common.
        (self.number(i).is_some() || self.marker_with_prefix(i, "unit-").is_some())
            .then(|| duration(amount, unit, Direction::Bare, i..after))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, LoadOptions};
    use crate::text::tokens::tokenize;
    use std::sync::OnceLock;

    fn rules() -> &'static RuleSet {
        static RULES: OnceLock<RuleSet> = OnceLock::new();
        RULES.get_or_init(|| RuleSet::bundled().expect("bundled packs are valid"))
    }

    /// The date expressions of `text`, as (kind, written text, weekday).
    fn dates(text: &str) -> Vec<(DateKind, String, Option<u32>)> {
        let article = Article::from_text("t.txt", text, &LoadOptions::default());
        let mentions = rules().find(&article);
        let tokens = tokenize(&article.normalized, &article.text);
        let annotations = TokenMentions::new(&tokens, &mentions);
        let parser = DateParser::new(&tokens, &annotations, rules(), article.language);
        let found = parser.parse();
        // Every test sentence also checks that trying the readers only
        // where an expression may start misses none.
        assert_eq!(found, parser.parse_from(|_| true), "{text}");
        found
            .into_iter()
            .map(|d| {
                (
                    d.kind,
                    article.text[d.range.clone()].to_string(),
                    d.weekday.map(|w| w.weekday),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (DateKind, String, Option<u32>) {
        let found = dates(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    const G: Calendar = Calendar::Gregorian;

    fn full(year: i32, month: u32, day: u32) -> DateKind {
        DateKind::Full {
            calendar: G,
            year,
            month,
            day,
        }
    }

    #[test]
    fn arabic_orders_and_separators() {
        assert_eq!(
            one("التقى به في 22 فبراير، 2023 في الرباط.").0,
            full(2023, 2, 22)
        );
        assert_eq!(
            one("التقى به في 22 شباط 2023 في الرباط.").0,
            full(2023, 2, 22)
        );
        assert_eq!(one("التقى به في 22/2/2023 في الرباط.").0, full(2023, 2, 22));
        assert_eq!(
            one("التقى به في 2023-02-22 في الرباط.").0,
            full(2023, 2, 22)
        );
        assert_eq!(
            one("التقى به في 22-02-2023 في الرباط.").0,
            full(2023, 2, 22)
        );
        assert_eq!(
            one("التقى به في ٢٢ فبراير ٢٠٢٣ في الرباط.").0,
            full(2023, 2, 22)
        );
        assert_eq!(
            one("التقى به في ۲۲ فبراير ۲۰۲۳ في الرباط.").0,
            full(2023, 2, 22)
        );
        assert_eq!(one("وصل في 10 اغسطس 2015م إلى جدة.").1, "10 اغسطس 2015م");
        assert_eq!(one("وصل في 10 اغسطس 2015 م إلى جدة.").1, "10 اغسطس 2015 م");
    }

    #[test]
    fn weekdays_with_dates() {
        let (kind, text, weekday) = one("وصل يوم الأربعاء 22/2/2023 إلى الرباط.");
        assert_eq!(
            (kind, text.as_str(), weekday),
            (full(2023, 2, 22), "يوم الأربعاء 22/2/2023", Some(3))
        );
        assert_eq!(one("وصل الأربعاء، 22 فبراير 2023 إلى الرباط.").2, Some(3));
        let (kind, _, weekday) = one("He arrived on Wednesday, Feb 22 in Rabat.");
        assert_eq!(
            (kind, weekday),
            (
                DateKind::DayMonth {
                    calendar: G,
                    month: 2,
                    day: 22
                },
                Some(3)
            )
        );
        assert_eq!(one("وصل يوم الجمعة إلى الرباط.").0, DateKind::Weekday);
        assert_eq!(one("وصل الجمعة إلى الرباط.").0, DateKind::Weekday);
    }

    #[test]
    fn english_orders() {
        assert_eq!(
            one("They met on February 22, 2023 in Rabat.").0,
            full(2023, 2, 22)
        );
        assert_eq!(
            one("They met on 22 Feb. 2023 in Rabat.").0,
            full(2023, 2, 22)
        );
        assert_eq!(
            one("They met on Feb. 22, 2023 in Rabat.").0,
            full(2023, 2, 22)
        );
        assert_eq!(one("They met on 2/22/2023 in Rabat.").0, full(2023, 2, 22));
        assert_eq!(
            one("They met in November 2021 in Rabat.").0,
            DateKind::MonthYear {
                calendar: G,
                year: 2021,
                month: 11
            }
        );
        assert_eq!(
            one("The uprising began in 2000, officials said.").0,
            DateKind::Year {
                calendar: G,
                year: 2000
            }
        );
        assert_eq!(
            one("Kochavi visited in July, officials said.").0,
            DateKind::Month { month: 7 }
        );
    }

    #[test]
    fn month_names_in_every_arabic_system() {
        let months = [
            (1, ["يناير", "كانون الثاني", "جانفي"]),
            (2, ["فبراير", "شباط", "فيفري"]),
            (3, ["مارس", "آذار", "مارس"]),
            (4, ["أبريل", "نيسان", "أفريل"]),
            (5, ["مايو", "أيار", "ماي"]),
            (6, ["يونيو", "حزيران", "جوان"]),
            (7, ["يوليو", "تموز", "جويلية"]),
            (8, ["أغسطس", "آب", "أوت"]),
            (9, ["سبتمبر", "أيلول", "سبتمبر"]),
            (10, ["أكتوبر", "تشرين الأول", "أكتوبر"]),
            (11, ["نوفمبر", "تشرين الثاني", "نوفمبر"]),
            (12, ["ديسمبر", "كانون الأول", "ديسمبر"]),
        ];
        for (month, names) in months {
            for name in names {
                assert_eq!(
                    one(&format!("وقع الاتفاق في 3 {name} 2020 في الرباط.")).0,
                    full(2020, month, 3),
                    "{name}"
                );
            }
        }
        for (name, month) in [("يونيه", 6), ("يوليوز", 7), ("غشت", 8), ("يوليه", 7)]
        {
            assert_eq!(
                one(&format!("وقع الاتفاق في 3 {name} 2020 في الرباط.")).0,
                full(2020, month, 3),
                "{name}"
            );
        }
    }

    #[test]
    fn month_year_year_and_month_alone_in_arabic() {
        assert_eq!(
            one("في نوفمبر 2021، وقع الوزير المذكرة.").0,
            DateKind::MonthYear {
                calendar: G,
                year: 2021,
                month: 11
            }
        );
        assert_eq!(
            one("اندلعت الانتفاضة عام 2000 في القدس.").0,
            DateKind::Year {
                calendar: G,
                year: 2000
            }
        );
        assert_eq!(
            one("اندلعت الانتفاضة في 2000م في القدس.").0,
            DateKind::Year {
                calendar: G,
                year: 2000
            }
        );
        assert_eq!(
            one("وفي يوليو، أجرى الوزير زيارة.").0,
            DateKind::Month { month: 7 }
        );
    }

    #[test]
    fn hijri_dates() {
        let h = Calendar::Hijri;
        assert_eq!(
            one("وصل في 3 شعبان 1444 هـ إلى جدة.").0,
            DateKind::Full {
                calendar: h,
                year: 1444,
                month: 8,
                day: 3
            }
        );
        assert_eq!(
            one("وصل في 25 شوال 1436هـ إلى جدة.").0,
            DateKind::Full {
                calendar: h,
                year: 1436,
                month: 10,
                day: 25
            }
        );
        assert_eq!(
            one("تأسست عام 1436هـ في جدة.").0,
            DateKind::Year {
                calendar: h,
                year: 1436
            }
        );
        let pair = dates("جدة 12 رمضان 1436 هـ الموافق 29 يونيو 2015 م واس");
        assert_eq!(pair.len(), 2, "{pair:?}");
        assert_eq!(pair[1].0, full(2015, 6, 29));
    }

    #[test]
    fn numeric_hijri_dates_and_paired_month_names() {
        let h = Calendar::Hijri;
        assert_eq!(
            one("صباح يوم الجمعة 4/8/1436 إلى القطيف").0,
            DateKind::Full {
                calendar: h,
                year: 1436,
                month: 8,
                day: 4
            }
        );
        assert_eq!(
            one("اعتبارا من يوم الأربعاء 6 / 10 / 1436هـ ولمدة").0,
            DateKind::Full {
                calendar: h,
                year: 1436,
                month: 10,
                day: 6
            }
        );
        assert_eq!(
            one("يوم الثلاثاء 28 مارس (آذار) 1978 هو الأهم").0,
            full(1978, 3, 28)
        );
        assert_eq!(one("في 28 آذار/مارس 1978 وقع الاتفاق").0, full(1978, 3, 28));
    }

    #[test]
    fn durations() {
        let later = |amount| DateKind::Duration {
            amount,
            unit: Unit::Year,
            direction: Direction::Later,
        };
        let ago = |amount| DateKind::Duration {
            amount,
            unit: Unit::Year,
            direction: Direction::Ago,
        };
        assert_eq!(one("وحدث انفراج بعد 20 عاما من ذلك.").0, later(20));
        assert_eq!(
            one("Relations thawed 20 years later, officials said.").0,
            later(20)
        );
        assert_eq!(
            one("Relations thawed three years ago, officials said.").0,
            ago(3)
        );
        assert_eq!(one("بدأت العلاقات منذ ثلاث سنوات في الرباط.").0, ago(3));
        assert_eq!(one("وحدث انفراج بعد عامين من ذلك.").0, later(2));
    }

    /// Every Arabic ordinal day word, masculine and feminine, as editors
    /// write them (written out here, not read from the lexicon, so that a
    /// form dropped from the lexicon fails).
    const ARABIC_ORDINALS: [(u32, &str, &str); 31] = [
        (1, "الأول", "الأولى"),
        (2, "الثاني", "الثانية"),
        (3, "الثالث", "الثالثة"),
        (4, "الرابع", "الرابعة"),
        (5, "الخامس", "الخامسة"),
        (6, "السادس", "السادسة"),
        (7, "السابع", "السابعة"),
        (8, "الثامن", "الثامنة"),
        (9, "التاسع", "التاسعة"),
        (10, "العاشر", "العاشرة"),
        (11, "الحادي عشر", "الحادية عشرة"),
        (12, "الثاني عشر", "الثانية عشرة"),
        (13, "الثالث عشر", "الثالثة عشرة"),
        (14, "الرابع عشر", "الرابعة عشرة"),
        (15, "الخامس عشر", "الخامسة عشرة"),
        (16, "السادس عشر", "السادسة عشرة"),
        (17, "السابع عشر", "السابعة عشرة"),
        (18, "الثامن عشر", "الثامنة عشرة"),
        (19, "التاسع عشر", "التاسعة عشرة"),
        (20, "العشرين", "العشرون"),
        (21, "الحادي والعشرين", "الحادية والعشرين"),
        (22, "الثاني والعشرين", "الثانية والعشرين"),
        (23, "الثالث والعشرين", "الثالثة والعشرين"),
        (24, "الرابع والعشرين", "الرابعة والعشرين"),
        (25, "الخامس والعشرين", "الخامسة والعشرين"),
        (26, "السادس والعشرين", "السادسة والعشرين"),
        (27, "السابع والعشرين", "السابعة والعشرين"),
        (28, "الثامن والعشرين", "الثامنة والعشرين"),
        (29, "التاسع والعشرين", "التاسعة والعشرين"),
        (30, "الثلاثين", "الثلاثون"),
        (31, "الحادي والثلاثين", "الحادية والثلاثين"),
    ];

    const ENGLISH_ORDINALS: [&str; 31] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-first",
    ];

    fn hijri(year: i32, month: u32, day: u32) -> DateKind {
        DateKind::Full {
            calendar: Calendar::Hijri,
            year,
            month,
            day,
        }
    }

    #[test]
    fn every_arabic_ordinal_in_both_genders() {
        for (day, masculine, feminine) in ARABIC_ORDINALS {
            for word in [masculine, feminine] {
                assert_eq!(
                    one(&format!("وقع الاتفاق في {word} من مارس 2020 في الرباط.")).0,
                    full(2020, 3, day),
                    "{word}"
                );
                let after_weekday = dates(&format!(
                    "وصل يوم الخميس {word} من شهر رمضان 1436هـ إلى جدة."
                ));
                if word == feminine && day <= 5 {
                    // «الخميس الأولى من رمضان»: the first Thursday of
                    // Ramadan, which has no day to check.
                    assert!(
                        after_weekday
                            .iter()
                            .all(|d| !matches!(d.0, DateKind::Full { .. })),
                        "{word}: {after_weekday:?}"
                    );
                } else {
                    assert_eq!(
                        after_weekday.iter().map(|d| d.0).collect::<Vec<_>>(),
                        vec![hijri(1436, 9, day)],
                        "{word}"
                    );
                }
                let (kind, text, weekday) =
                    one(&format!("اجتمعوا يوم الاثنين، {word} شباط 2013 في دمشق."));
                assert_eq!(
                    (kind, weekday),
                    (full(2013, 2, day), Some(1)),
                    "{word}: {text}"
                );
            }
        }
        // The mixed forms copy writes for 11–19, and the nominative tens.
        for (word, day) in [
            ("الثالثة عشر", 13),
            ("الثالث عشرة", 13),
            ("الحادي والعشرون", 21),
            ("الحادية والثلاثون", 31),
        ] {
            assert_eq!(
                one(&format!("في {word} من مارس 2020 وقع الاتفاق.")).0,
                full(2020, 3, day),
                "{word}"
            );
        }
    }

    #[test]
    fn every_english_ordinal_in_words_and_digits() {
        for (n, word) in (1..).zip(ENGLISH_ORDINALS) {
            let suffix = match n {
                11..=13 => "th",
                _ => ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n as usize % 10],
            };
            for form in [
                format!("the {word} of"),
                format!("the {n}{suffix} of"),
                format!("{n}{suffix}"),
            ] {
                assert_eq!(
                    one(&format!("They met on {form} March 2024 in Rabat.")).0,
                    full(2024, 3, n),
                    "{form}"
                );
            }
            assert_eq!(
                one(&format!("They met on March {n}{suffix}, 2024 in Rabat.")).0,
                full(2024, 3, n)
            );
        }
        assert_eq!(
            one("Talks resumed on Thursday, the 15th of Ramadan 1436 AH.").0,
            hijri(1436, 9, 15)
        );
    }

    #[test]
    fn ordinals_that_count_something_else_are_not_days() {
        // The first week, the second half: a noun before the ordinal.
        assert_eq!(
            dates("تبدأ المرحلة في الأسبوع الأول من مارس 2015 في جدة.")
                .iter()
                .map(|d| d.0)
                .collect::<Vec<_>>(),
            vec![DateKind::MonthYear {
                calendar: G,
                year: 2015,
                month: 3
            }]
        );
        // The second Friday of Ramadan, not its second day.
        let found = dates("وقع التفجير في الجمعة الثانية من رمضان 1436هـ في الكويت.");
        assert!(
            found.iter().all(|d| !matches!(d.0, DateKind::Full { .. })),
            "{found:?}"
        );
        // An English word ordinal needs "the"; "first" alone is not a day.
        assert!(
            dates("First March 2024 brought rain.")
                .iter()
                .all(|d| !matches!(d.0, DateKind::Full { .. }))
        );
    }

    #[test]
    fn weekday_after_the_date() {
        let (kind, text, weekday) = one("وصل في 13 فبراير 2013، الموافق يوم الخميس إلى جدة.");
        assert_eq!(
            (kind, text.as_str(), weekday),
            (full(2013, 2, 13), "13 فبراير 2013", Some(4))
        );
        assert_eq!(one("وصل في 13 فبراير 2013 يوم الخميس إلى جدة.").2, Some(4));
        assert_eq!(one("They met on 2024-03-12 (Tuesday) in Rabat.").2, Some(2));
        // A weekday that introduces the next date belongs to it.
        let found = dates("وصل في 13 فبراير 2013، الخميس 14 فبراير 2013 إلى جدة.");
        assert_eq!(
            found.iter().map(|d| d.2).collect::<Vec<_>>(),
            vec![None, Some(4)]
        );
    }

    #[test]
    fn date_after_the_weekday_through_brackets_and_corresponds() {
        let (kind, text, weekday) = one("وصل يوم السبت الموافق 12 أغسطس 2015 إلى جدة.");
        assert_eq!(
            (kind, text.as_str(), weekday),
            (
                full(2015, 8, 12),
                "يوم السبت الموافق 12 أغسطس 2015",
                Some(6)
            )
        );
        assert_eq!(one("وصل يوم الأربعاء (13 فبراير 2013) إلى جدة.").2, Some(3));
        let (kind, _, weekday) = one("On Monday (March 12) ministers met in Rabat.");
        assert_eq!(
            (kind, weekday),
            (
                DateKind::DayMonth {
                    calendar: G,
                    month: 3,
                    day: 12
                },
                Some(1)
            )
        );
        assert_eq!(one("They met on Thu., March 6, 2024 in Rabat.").2, Some(4));
        let (kind, _, weekday) = one("They met on Tues., Sept. 10, 2024 in Rabat.");
        assert_eq!((kind, weekday), (full(2024, 9, 10), Some(2)));
        assert_eq!(one("They met on Thurs. March 6, 2024 in Rabat.").2, Some(4));
    }

    #[test]
    fn glued_years_and_year_words() {
        let (kind, _, weekday) = one("وصل الخميس 31 يوليو2015 إلى جدة.");
        assert_eq!((kind, weekday), (full(2015, 7, 31), Some(4)));
        assert_eq!(
            one("غادر يوم السبت التاسع من شهر شوال عام 1436 هـ إلى الرباط.").0,
            hijri(1436, 10, 9)
        );
    }

    #[test]
    fn impossible_dates_are_still_read() {
        assert_eq!(one("وصل في 31 يونيو 2023 إلى جدة.").0, full(2023, 6, 31));
        assert_eq!(
            one("He arrived on February 30, 2023 in Jeddah.").0,
            full(2023, 2, 30)
        );
    }

    /// Trying the readers only where an expression may start
    /// ([`DateParser::may_start`]) finds what trying them at every token
    /// finds, on every fixture article.
    #[test]
    fn starts_skip_no_expression() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut found = 0;
        for entry in std::fs::read_dir(fixtures).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.to_string_lossy().ends_with(".expect.yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a fixture reads");
            let Ok(article) = Article::load(&path.to_string_lossy(), text, &LoadOptions::default())
            else {
                continue;
            };
            let mentions = rules().find(&article);
            let tokens = tokenize(&article.normalized, &article.text);
            let annotations = TokenMentions::new(&tokens, &mentions);
            let parser = DateParser::new(&tokens, &annotations, rules(), article.language);
            let dates = parser.parse();
            assert_eq!(dates, parser.parse_from(|_| true), "{}", path.display());
            found += dates.len();
        }
        assert!(found > 100, "the fixtures hold dates: {found}");
    }
}
