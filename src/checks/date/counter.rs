//! `date/counter`: a day counter ("day 428 of the war") that does not fit
//! the article's date.

use chrono::Duration;

use crate::checks::Context;
use crate::finding::{CodeInfo, Finding, Severity};
use crate::rules::Target;

/// The code `date/counter`: its default severity, fix safety and the
/// documentation `factlint explain date/counter` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "date/counter",
    summary: "a day counter that does not fit the article's date",
    severity: Severity::Error,
    fix: None,
    doc: "\
## What it checks
Runs the `counters:` of the loaded packs: a regex with a `day` group
(and optionally a `span` group for the words to underline) and the date of
day 1. The day number dates the page (day 1 + N - 1); a page whose reference
date is further than the tolerance (one day by default) from it is flagged,
and so is a counter on a page dated before day 1.

## Why it matters
Site banners are captured with articles: a banner reading «day 428» over a
story of February 2023 dates the copy to December 2024, before the war it
counts even began. Either the banner or the article date is wrong.

## Example
With `day_one: 2023-10-07`, `إسرائيل في حالة حرب - اليوم 428` on an article
of 2023-02-24 is flagged; on an article of 2024-12-07 it is not.

## Fix safety
No fix: the banner belongs to the page, not to the article.
",
};

/// Reports counters that do not fit the reference date.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for mention in context.mentions {
        let Target::Counter(i) = mention.target else {
            continue;
        };
        let counter = &context.rules.counters[i];
        let Some(day_range) = mention.group("day") else {
            continue;
        };
        let Ok(day) = context
            .article
            .normalized_text_of(&day_range)
            .parse::<i64>()
        else {
            continue;
        };
        let Some(reference) = context.reference_date(&CODE) else {
            continue;
        };
        // A day number past any calendar («اليوم 4294967295») dates nothing.
        let Some(dated) = Duration::try_days(day - 1)
            .and_then(|days| counter.day_one.checked_add_signed(days))
        else {
            continue;
        };
        let off = (reference - dated).num_days();
        if off.abs() <= context.options.counter_tolerance_days {
            continue;
        }
        let span = mention
            .group("span")
            .unwrap_or_else(|| mention.range.clone());
        let before = if reference < counter.day_one {
            format!(", before day 1 ({})", counter.day_one)
        } else {
            String::new()
        };
        findings.push(
            Finding::new(&CODE, span,
                format!(
                    "«{}» counts from {} (day 1), so it dates the page to {dated}, but the article's date is {reference}{before}",
                    context.text(&mention.range),
                    counter.day_one,
                ),
            )
            .with_help(format!(
                "the article's date is {}; if the banner was captured with the page, drop it from the article",
                context.reference_description()
            ))
            .with_rule(counter.origin.clone()),
        );
    }
    findings
}
