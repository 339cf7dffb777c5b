//! `date/future`: an event told in the past tense and dated after the
//! article.

use crate::checks::Context;
use crate::dates::parse::{Calendar, DateKind};
use crate::dates::reference::full_date;
use crate::finding::{CodeInfo, Finding, Severity};

/// The code `date/future`: its default severity, fix safety and the
/// documentation `factlint explain date/future` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "date/future",
    summary: "a past event dated after the article",
    severity: Severity::Error,
    fix: None,
    doc: "\
## What it checks
Finds a date after the article's reference date told as a past event: a
past-tense event verb from the lexicon (`past-verb` markers: `وقّع`,
`اختتم`, \"signed\", \"met\" …; reporting verbs such as `قال` or \"said\"
are not among them, since speech may tell the future) stands in the same
clause as the date (no comma, colon or bracket between, at most eight words
away), and the sentence has no future marker (`سوف`, `المقبل`, `حتى`,
\"will\", \"next\", \"until\" …). Dates at month or year precision count from
their first day.

## Why it matters
A past event dated in the future is a wrong year or month, often a
January story still writing last year.

## Example
On an article of 2023-02-24, `وقّع الوزير الاتفاق في 3 مارس 2023` is
flagged; `سيوقع الوزير الاتفاق في 3 مارس 2023` is not.

## Fix safety
No fix.
",
};

/// The sentences holding a marker with this id, found in one pass over the
/// tokens' annotations (a lookup per date would make long articles
/// quadratic).
fn sentences_with_marker(context: &Context<'_>, id: &str) -> std::collections::HashSet<u32> {
    (0..context.tokens.len())
        .filter(|&i| context.marker_at(i, id))
        .filter_map(|i| context.sentences.get(i).copied())
        .collect()
}

/// How far, in tokens, an event verb may stand from its date.
const CLAUSE_REACH: usize = 8;

/// Whether a past-tense event verb stands in the same clause as the date
/// spanning `tokens`, at most [`CLAUSE_REACH`] tokens away. Only the tokens
/// within reach are looked at.
fn past_verb_in_clause(context: &Context<'_>, tokens: &std::ops::Range<usize>) -> bool {
    let from = tokens.start.saturating_sub(CLAUSE_REACH);
    let to = (tokens.end + CLAUSE_REACH).min(context.tokens.len());
    (from..to).any(|at| {
        if !context.marker_at(at, "past-verb") || tokens.contains(&at) {
            return false;
        }
        let between = if at < tokens.start {
            at..tokens.start
        } else {
            tokens.end..at
        };
        // Dates are in text order: the first one starting after `between`.
        let next_date = context
            .dates
            .partition_point(|d| d.tokens.start <= between.start);
        between.len() <= CLAUSE_REACH
            && context.tokens[between.clone()]
                .iter()
                .all(|t| !t.is_separator() && !t.ends_sentence())
            && !context.dates[next_date..]
                .iter()
                .take_while(|d| d.tokens.start < between.end)
                .any(|d| d.tokens.end <= between.end)
    })
}

/// Reports past events dated after the reference date.
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Built at the first date that could be flagged: most articles have
    // none, and the set costs a pass over every token.
    let future = std::cell::OnceCell::new();
    for expr in context.dates {
        let first_day = match expr.kind {
            DateKind::Full { .. } => full_date(expr),
            DateKind::MonthYear {
                calendar: Calendar::Gregorian,
                year,
                month,
            } => chrono::NaiveDate::from_ymd_opt(year, month, 1),
            DateKind::Year {
                calendar: Calendar::Gregorian,
                year,
            } => chrono::NaiveDate::from_ymd_opt(year, 1, 1),
            _ => None,
        };
        let Some(first_day) = first_day else { continue };
        // A date on or before a known reference is never flagged: that
        // cheap test first.
        if context.reference.is_some_and(|r| first_day <= r.date) {
            continue;
        }
        let Some(sentence) = context.sentence_at(expr.range.start) else {
            continue;
        };
        if !past_verb_in_clause(context, &expr.tokens)
            || future
                .get_or_init(|| sentences_with_marker(context, "future"))
                .contains(&sentence)
        {
            continue;
        }
        let Some(reference) = context.reference_date(&CODE) else {
            continue;
        };
        if first_day <= reference {
            continue;
        }
        findings.push(
            Finding::new(&CODE, expr.range.clone(),
                format!(
                    "«{}» is after the article's date ({reference}), but the sentence tells it as past",
                    context.text(&expr.range)
                ),
            )
            .with_help(format!("check the year; the article's date is {}", context.reference_description())),
        );
    }
    findings
}
