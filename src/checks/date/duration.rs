//! `date/duration`: "N years after X" where the years do not add up.

use crate::checks::Context;
use crate::dates::parse::{DateExpr, DateKind, Direction, Unit};
use crate::finding::{CodeInfo, Finding, Severity};
use crate::rules::Target;

/// The code `date/duration`: its default severity, fix safety and the
/// documentation `factlint explain date/duration` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "date/duration",
    summary: "\"N years later\" arithmetic that does not add up",
    severity: Severity::Warning,
    fix: None,
    doc: "\
## What it checks
Finds a duration in years that points forward (`بعد 20 عاما`, \"20 years
later\", \"after 20 years\") between two things whose years the text or the
packs give: the starting point is the nearest year or dated event before the
duration, in its sentence or the one before; the end point is a year or a
dated event after it in its sentence. The start plus the duration must give
the end's year.

## Why it matters
\"Twenty years later\" arithmetic is easy to get wrong when a story is
rewritten, and readers check it.

## Example
`اندلعت الانتفاضة الثانية عام 2000. وبعد 20 عاما جاء التطبيع عام 2020.` is
silent; the same with `بعد 15 عاما` is flagged.

## Fix safety
No fix: the duration, the start or the end may be wrong.
",
};

/// A year the text or a pack gives at some place.
struct Anchor {
    year: i32,
    range: std::ops::Range<usize>,
    what: String,
}

fn year_of(expr: &DateExpr) -> Option<i32> {
    match expr.kind {
        DateKind::Year {
            calendar: crate::dates::parse::Calendar::Gregorian,
            year,
        }
        | DateKind::MonthYear {
            calendar: crate::dates::parse::Calendar::Gregorian,
            year,
            ..
        } => Some(year),
        DateKind::Full {
            calendar: crate::dates::parse::Calendar::Gregorian,
            year,
            ..
        } => Some(year),
        _ => None,
    }
}

/// Years stated around a duration, as (position, anchor), from dates and
/// dated events.
fn anchors(context: &Context<'_>) -> Vec<(usize, Anchor)> {
    let mut anchors: Vec<(usize, Anchor)> = context
        .dates
        .iter()
        .filter_map(|d| {
            Some((
                d.range.start,
                Anchor {
                    year: year_of(d)?,
                    range: d.range.clone(),
                    what: format!("«{}»", context.text(&d.range)),
                },
            ))
        })
        .collect();
    for mention in context.mentions {
        if let Target::EventName(i) = mention.target {
            let event = &context.rules.events[i];
            anchors.push((
                mention.range.start,
                Anchor {
                    year: event.date.year,
                    range: mention.range.clone(),
                    what: format!(
                        "«{}» ({} in {}:{})",
                        context.text(&mention.range),
                        event.date,
                        event.origin.file,
                        event.origin.line
                    ),
                },
            ));
        }
    }
    anchors.sort_by_key(|(at, _)| *at);
    anchors
}

/// Reports durations whose years do not add up.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let anchors = anchors(context);
    let mut findings = Vec::new();
    for expr in context.dates {
        let DateKind::Duration {
            amount,
            unit: Unit::Year,
            direction: Direction::Later,
        } = expr.kind
        else {
            continue;
        };
        let Some(sentence) = context.sentence_at(expr.range.start) else {
            continue;
        };
        // Anchors are sorted: look back from the duration through its own
        // sentence and the one before, and forward through its sentence.
        let before = anchors.partition_point(|(at, _)| *at < expr.range.start);
        let start = anchors[..before]
            .iter()
            .rev()
            .map(|anchor| (anchor, context.sentence_at(anchor.0)))
            .take_while(|(_, s)| s.is_none_or(|s| s + 1 >= sentence))
            .find(|(_, s)| s.is_some_and(|s| s + 1 >= sentence && s <= sentence))
            .map(|(anchor, _)| anchor);
        let after = anchors.partition_point(|(at, _)| *at < expr.range.end);
        let end = anchors[after..]
            .iter()
            .map(|anchor| (anchor, context.sentence_at(anchor.0)))
            .take_while(|(_, s)| s.is_none_or(|s| s <= sentence))
            .find(|(_, s)| *s == Some(sentence))
            .map(|(anchor, _)| anchor);
        let (Some((_, start)), Some((_, end))) = (start, end) else {
            continue;
        };
        let Some(expected) = i32::try_from(amount)
            .ok()
            .and_then(|amount| start.year.checked_add(amount))
        else {
            continue;
        };
        if expected == end.year {
            continue;
        }
        findings.push(
            Finding::new(&CODE, expr.range.clone(),
                format!(
                    "«{}» after {} ({}) gives {expected}, but {} is in {}",
                    context.text(&expr.range),
                    start.what,
                    start.year,
                    end.what,
                    end.year
                ),
            )
            .with_label(start.range.clone(), format!("starts in {}", start.year))
            .with_label(end.range.clone(), format!("ends in {}", end.year))
            .with_help(format!(
                "{} years after {} is {expected}",
                amount, start.year
            )),
        );
    }
    findings
}
