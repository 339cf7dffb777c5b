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

/// The day a date written without a year names: the day and month in the
/// year (the reference date's, the one before or the one after) that puts
/// it nearest the reference date, as a reader takes «في 5 مايو» in an
/// article of July. `None` when that day exists in none of those years.
pub fn nearest_year(reference: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (reference.year() - 1..=reference.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
}

/// A dateline: a full date among the first tokens of the first body
/// paragraph (`جدة 12 رمضان 1436 هـ الموافق 29 يونيو 2015 م واس`,
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

/// Infers the reference date: the latest full date the text names.
///
/// Bare weekdays do not move it. Measured on 427 corpus articles whose
/// date is inferred (`scripts/measure_reference_date.py`), moving the date
/// forward to a weekday named after the latest full date made 33 dates
/// worse and 13 better; a story often names the weekday of an event days
/// before it is published.
pub fn infer(dates: &[DateExpr], describe: impl Fn(usize) -> String) -> Option<ReferenceDate> {
    let (latest, at) = dates
        .iter()
        .filter_map(|d| Some((full_date(d)?, d.range.start)))
        .max_by_key(|&(date, _)| date)?;
    Some(ReferenceDate {
        date: latest,
        source: DateSource::Inferred,
        reason: format!(
            "inferred from the latest full date, {latest} at {}",
            describe(at)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, LoadOptions};
    use crate::dates::parse::DateParser;
    use crate::rules::RuleSet;
    use crate::rules::annotate::TokenMentions;
    use crate::text::tokens::tokenize;

    fn inferred(text: &str) -> Option<NaiveDate> {
        let rules = RuleSet::bundled().expect("bundled packs are valid");
        let article = Article::from_text("t.txt", text, &LoadOptions::default());
        let mentions = rules.find(&article);
        let tokens = tokenize(&article.normalized, &article.text);
        let annotations = TokenMentions::new(&tokens, &mentions);
        let dates = DateParser::new(&tokens, &annotations, &rules, article.language).parse();
        infer(&dates, |_| String::new()).map(|r| r.date)
    }

    #[test]
    fn the_latest_full_date_is_the_reference() {
        let text = "Talks end\n\nThe talks began on March 3, 2024. They ended on March 5, 2024.\n";
        assert_eq!(inferred(text), NaiveDate::from_ymd_opt(2024, 3, 5));
    }

    #[test]
    fn a_bare_weekday_does_not_move_it() {
        // Tuesday 5 March 2024, then "on Thursday": still the 5th.
        let text = "Talks end\n\nThe talks ended on March 5, 2024. The delegation flew home on Thursday.\n";
        assert_eq!(inferred(text), NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(inferred("Talks end\n\nThey flew home on Thursday.\n"), None);
    }
}
