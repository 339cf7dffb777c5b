//! `date/hijri`: a Hijri date and its Gregorian twin that disagree.

use crate::checks::Context;
use crate::dates::parse::{Calendar, DateExpr, DateKind};
use crate::dates::reference::full_date;
use crate::finding::{CodeInfo, Finding, Severity};

/// The code `date/hijri`: its default severity, fix safety and the
/// documentation `factlint explain date/hijri` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "date/hijri",
    summary: "a Hijri date that does not match its Gregorian twin",
    severity: Severity::Error,
    fix: None,
    doc: "\
## What it checks
Finds a Hijri date given with a Gregorian date (`25 شوال 1436 هـ الموافق
10 اغسطس 2015 م`, `corresponding to`, or one in brackets after the other)
that the Umm al-Qura calendar does not pair with it. A difference within
the tolerance (one day by default: months begin by moon sighting, and
announcements differ from the table) is accepted.

## Why it matters
A Hijri date a day or a month off its twin tells the reader two different
days; one of them is wrong.

## Example
`3 شعبان 1444 هـ الموافق 23 فبراير 2023` is silent (Umm al-Qura pairs them);
`3 شعبان 1444 هـ الموافق 23 مارس 2023` is flagged.

## Fix safety
No fix: either date may be the wrong one.
",
};

/// Whether two date expressions are written as twins: adjacent, or joined
/// by a «الموافق»/"corresponding to" marker or a bracket.
fn twins<'a>(context: &Context<'_>, dates: &'a [DateExpr]) -> Vec<(&'a DateExpr, &'a DateExpr)> {
    let mut pairs = Vec::new();
    for (i, first) in dates.iter().enumerate() {
        let Some(second) = dates.get(i + 1) else {
            break;
        };
        let calendars = (calendar(first), calendar(second));
        let (hijri, gregorian) = match calendars {
            (Some(Calendar::Hijri), Some(Calendar::Gregorian)) => (first, second),
            (Some(Calendar::Gregorian), Some(Calendar::Hijri)) => (second, first),
            _ => continue,
        };
        let between = first.tokens.end..second.tokens.start;
        if between.len() > 4 {
            continue;
        }
        // Tokens a «الموافق» / "corresponding to" marker covers.
        let mut corresponds = vec![false; between.len()];
        for t in between.clone() {
            for a in context.annotations.at(t) {
                if matches!(a.target, crate::rules::Target::Marker(k) if context.rules.markers[k].id == "corresponds")
                {
                    let end = a.end().min(between.end);
                    corresponds[t - between.start..end - between.start].fill(true);
                }
            }
        }
        let joined = context.tokens[between.clone()]
            .iter()
            .zip(&corresponds)
            .all(|(t, &marker)| {
                marker
                    || t.is_punct('(')
                    || t.is_punct(',')
                    || t.is_punct('،')
                    || t.is_punct('-')
                    || t.is_punct('/')
            });
        if joined {
            pairs.push((hijri, gregorian));
        }
    }
    pairs
}

fn calendar(expr: &DateExpr) -> Option<Calendar> {
    match expr.kind {
        DateKind::Full { calendar, .. } => Some(calendar),
        _ => None,
    }
}

/// Reports Hijri and Gregorian twins that disagree.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let tolerance = context.options.hijri_tolerance_days;
    twins(context, context.dates)
        .into_iter()
        .filter_map(|(hijri, gregorian)| {
            let converted = full_date(hijri)?;
            let stated = full_date(gregorian)?;
            let off = (stated - converted).num_days();
            if off.abs() <= tolerance {
                return None;
            }
            Some(
                Finding::new(&CODE, hijri.range.clone(),
                    format!(
                        "«{}» is {converted} by the Umm al-Qura calendar, but the text pairs it with {stated} ({} day{} off; tolerance {tolerance})",
                        context.text(&hijri.range),
                        off.abs(),
                        if off.abs() == 1 { "" } else { "s" },
                    ),
                )
                .with_label(gregorian.range.clone(), format!("the Gregorian twin says {stated}"))
                .with_help("check both dates against the source; the tolerance is set with hijri_tolerance_days"),
            )
        })
        .collect()
}
