//! `fact/event-date`: an event from a pack dated differently in the text.

use crate::checks::Context;
use crate::dates::PartialDate;
use crate::dates::parse::{Calendar, DateKind};
use crate::finding::{CodeInfo, Finding, Severity};
use crate::rules::Target;

/// The code `fact/event-date`: its default severity, fix safety and the
/// documentation `factlint explain fact/event-date` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "fact/event-date",
    summary: "an event dated differently from the pack",
    severity: Severity::Error,
    fix: None,
    doc: "\
## What it checks
For each mention of an event from a pack (`events:`), takes the nearest
date in its sentence (at most twelve words away) and compares them at the
precision both have: the year, then the month, then the day.

## Why it matters
The dates of known events (an agreement, an election, a war's start) are
the easiest facts to check and the most embarrassing to get wrong.

## Example
With the memorandum in a pack at 2021-11-24, `في نوفمبر 2021، وقّع ... مذكرة
تفاهم` is silent and `في نوفمبر 2020، وقّع ... مذكرة تفاهم` is flagged.

## Fix safety
No fix: the pack may be the stale one.
",
};

/// What a date expression says, as a partial date.
fn partial(kind: DateKind) -> Option<PartialDate> {
    let (year, month, day) = match kind {
        DateKind::Full {
            calendar: Calendar::Gregorian,
            year,
            month,
            day,
        } => (year, Some(month), Some(day)),
        DateKind::MonthYear {
            calendar: Calendar::Gregorian,
            year,
            month,
        } => (year, Some(month), None),
        DateKind::Year {
            calendar: Calendar::Gregorian,
            year,
        } => (year, None, None),
        _ => return None,
    };
    Some(PartialDate { year, month, day })
}

/// Whether two partial dates disagree at the precision both have.
fn contradicts(text: PartialDate, pack: PartialDate) -> bool {
    text.year != pack.year
        || matches!((text.month, pack.month), (Some(a), Some(b)) if a != b)
        || matches!((text.day, pack.day), (Some(a), Some(b)) if a != b)
}

/// Reports events dated against their pack.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for mention in context.mentions {
        let Target::EventName(i) = mention.target else {
            continue;
        };
        let event = &context.rules.events[i];
        let Some(sentence) = context.sentence_at(mention.range.start) else {
            continue;
        };
        let at = context.token_at(mention.range.start);
        let nearest = context
            .dates
            .iter()
            .filter(|d| context.sentence_at(d.range.start) == Some(sentence))
            .filter_map(|d| Some((d, partial(d.kind)?)))
            .map(|(d, p)| {
                (
                    d.tokens.start.abs_diff(at).min(d.tokens.end.abs_diff(at)),
                    d,
                    p,
                )
            })
            .filter(|(distance, _, _)| *distance <= 12)
            .min_by_key(|(distance, _, _)| *distance);
        let Some((_, date, stated)) = nearest else {
            continue;
        };
        if !contradicts(stated, event.date) {
            continue;
        }
        findings.push(
            Finding::new(&CODE, date.range.clone(),
                format!(
                    "«{}» dates «{}» to {stated}, but the pack dates it {}",
                    context.text(&date.range),
                    context.text(&mention.range),
                    event.date
                ),
            )
            .with_label(
                mention.range.clone(),
                format!("{} ({})", event.id, event.date),
            )
            .with_help("check the date against the source, or update the pack")
            .with_rule(event.origin.clone()),
        );
    }
    findings
}
