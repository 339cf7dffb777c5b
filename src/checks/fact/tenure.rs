//! `fact/tenure`: a title used when the person did not hold it, or a
//! wrong or missing "then"/"former".

use chrono::NaiveDate;

use super::{entity_of, own_roles, person_label, sentence_period, sentence_periods};
use crate::checks::Context;
use crate::dates::PartialDate;
use crate::facts::Value;
use crate::finding::{CodeInfo, Finding, Severity};
use crate::rules::Role;

/// The code `fact/tenure`: its default severity, fix safety and the
/// documentation `factlint explain fact/tenure` prints.
pub static CODE: CodeInfo = CodeInfo {
    code: "fact/tenure",
    summary: "a title used when the person did not hold it, or a wrong or missing \"then\"/\"former\"",
    severity: Severity::Error,
    fix: None,
    doc: "\
## What it checks
For a post the text gives a person of a pack, compares the post's `from`
and `to` dates with the date the sentence speaks of (its nearest date
expression: «في نوفمبر 2021», \"in July\" as the nearest July not after the
article's date, «في 5 مايو» in the year that puts it nearest the article's
date), or else with the article's reference date:

- the person did not hold the post then: an error;
- «آنذاك», «السابق», \"then-\" or \"former\" for someone who still holds the
  post at the reference date: an error;
- no such word for someone who no longer holds the post, in a sentence that
  gives no date at which they did: a warning (house styles differ; the
  severity is configurable). A king's title is his style for life
  («الملك عبدالله» after his death, «مركز الملك عبدالله»): it needs no
  \"then\".

Not reported: the post a sentence has the person leave («بإعفاء X وزير
العمل من منصبه», \"after the dismissal of Interior Minister X\"), the post
that names an era («في عهد الرئيس X»), a title whose word says the post is
over («المخلوع», «الراحل», \"deposed\", \"late\"), a post that ended more than
ten years before the article's date when the sentence gives no date
(history: «الرئيس السادات»), and the title of a president-elect
congratulated on winning the post («بمناسبة فوزه», \"on his election\").

## Why it matters
\"Then\" and \"former\" are facts: a minister still in office called former,
or a former chief of staff given his old title without one, misinforms.

## Example
With Gantz defence minister from 2020-05-17 to 2022-12-29, on an article of
2023-02-24: `في نوفمبر 2021، وقّع وزير الدفاع آنذاك بيني غانتس` is right;
`وقّع وزير الدفاع بيني غانتس` (no date, no «آنذاك») gets the warning.

## Fix safety
No fix: the right wording depends on the sentence.
",
};

/// Whether `role` was held at some day of `first..=last`.
pub(super) fn held_during(role: &Role, first: NaiveDate, last: NaiveDate) -> bool {
    role.from.is_none_or(|from| from.first_day() <= last)
        && role.to.is_none_or(|to| to.last_day() >= first)
}

/// Offices whose title stays the holder's style for life: a king who died
/// or gave up the throne is still «الملك عبدالله», "King Juan Carlos", and
/// institutions are named so («مركز الملك عبدالله»). Such a title needs
/// neither "then" nor a date once the reign is over; calling a reigning
/// king "former" is still an error.
const STYLES_FOR_LIFE: &[&str] = &["office:king"];

/// Whether the title names an office held as a style for life, by its own
/// words or by the pack role's title.
fn style_for_life(context: &Context<'_>, office: Option<usize>, role: &Role) -> bool {
    office
        .into_iter()
        .chain(
            role.title
                .iter()
                .filter_map(|(_, t)| crate::facts::office_of_title(context.rules, t)),
        )
        .any(|o| STYLES_FOR_LIFE.contains(&context.rules.markers[o].id.as_str()))
}

/// Years after which a title without "then" reads as history, not as a
/// claim that the person still holds it: «الرئيس السادات» in a memoir,
/// "President Eisenhower" decades on. Recent changes of office are the
/// ones a reader can be misled by.
const HISTORY_YEARS: i32 = 10;

/// Whether token `t` starts one of the lexicon's markers `ids`
/// (`rules/lexicon/attribution.yaml`: `leaving-post`, `era`, `from-post`,
/// `taking-post`).
fn marker_at(context: &Context<'_>, t: usize, ids: &[&str]) -> bool {
    ids.iter().any(|id| context.marker_at(t, id))
}

/// Up to `n` word tokens from token `from` on, backwards when `back`
/// (nearest first), stopping at the sentence's punctuation.
fn words_near(context: &Context<'_>, from: usize, n: usize, back: bool) -> Vec<usize> {
    use crate::text::tokens::TokenKind;
    let order: Box<dyn Iterator<Item = usize>> = if back {
        Box::new((0..from).rev())
    } else {
        Box::new(from..context.tokens.len())
    };
    let mut out = Vec::new();
    for t in order {
        match context.tokens[t].kind {
            TokenKind::Word => out.push(t),
            TokenKind::Number(_) => {}
            TokenKind::Punct(c) => {
                if ".،,؛;:!?؟".contains(c) {
                    break;
                }
            }
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// Whether the title is the post the sentence has the person leave, or the
/// post that names an era: a `leaving-post` or `era` marker among the three
/// words before the match, or `from-post` right after it.
fn left_or_era(context: &Context<'_>, attribution: &crate::facts::Attribution) -> bool {
    words_near(context, attribution.tokens.start, 3, true)
        .into_iter()
        .any(|t| marker_at(context, t, &["leaving-post", "era"]))
        || marker_at(context, attribution.tokens.end, &["from-post"])
}

/// Whether a `taking-post` marker is among the five words after the match,
/// before the sentence's punctuation.
fn taking_up(context: &Context<'_>, attribution: &crate::facts::Attribution) -> bool {
    words_near(context, attribution.tokens.end, 5, false)
        .into_iter()
        .any(|t| marker_at(context, t, &["taking-post"]))
}

/// Whether the post ended more than [`HISTORY_YEARS`] before `reference`.
fn long_past(role: &Role, reference: NaiveDate) -> bool {
    use chrono::Datelike;
    role.to
        .is_some_and(|to| to.last_day().year() + HISTORY_YEARS < reference.year())
}

/// Whether `role` is held on `day`.
fn held_on(role: &Role, day: NaiveDate) -> bool {
    held_during(role, day, day)
}

fn period(role: &Role) -> String {
    let show = |d: Option<PartialDate>| d.map_or("?".to_string(), |d| d.to_string());
    match role.to {
        Some(_) => format!("from {} to {}", show(role.from), show(role.to)),
        None => format!("since {}", show(role.from)),
    }
}

/// Reports titles out of their tenure and wrong or missing "then".
pub fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for attribution in context.attributions() {
        let Value::Title {
            roles,
            office,
            then,
            former,
        } = &attribution.value
        else {
            continue;
        };
        let crate::facts::Who::Entity(e) = attribution.person.who else {
            continue;
        };
        let Some(entity) = entity_of(context, attribution) else {
            continue;
        };
        let own: Vec<&Role> = own_roles(context, e, roles, *office)
            .into_iter()
            .map(|r| &entity.roles[r])
            .collect();
        if own.is_empty() {
            continue;
        }
        let Some(reference) = context.reference_date(&CODE) else {
            continue;
        };
        // A title in apposition after the name («X، ولي العهد») describes
        // the person as the article is written, whatever the sentence's
        // date; a title before the name is dated by its clause.
        let appositive = context.rules.attributions[attribution.pattern]
            .elements
            .first()
            .is_some_and(|e| e.kind == crate::rules::ElementKind::Person);
        let stated = if appositive {
            None
        } else {
            sentence_period(context, attribution)
        };
        let (first, last) = stated
            .as_ref()
            .map_or((reference, reference), |(f, l, _)| (*f, *l));
        let title = context.text(&attribution.range).to_string();
        let person = person_label(context, attribution);
        let role = own
            .iter()
            .find(|r| held_during(r, first, last))
            .copied()
            .unwrap_or(own[0]);
        let base = |severity, message: String| {
            Finding::new(&CODE, attribution.range.clone(), message)
                .with_severity(severity)
                .with_label(
                    attribution.person.range.clone(),
                    format!("{}: {title} {}", entity.id, period(role)),
                )
                .with_rule(entity.origin.clone())
        };
        // Without a date in the sentence, a post held before the reference
        // date is a question of "then" (below), not of tenure.
        let ended_before = stated.is_none()
            && role.from.is_none_or(|from| from.first_day() <= reference)
            && role.to.is_some_and(|to| to.last_day() < reference);
        // A style for life holds from the accession on.
        let lifelong = style_for_life(context, *office, role);
        let held = held_during(role, first, last)
            || (lifelong && role.from.is_none_or(|from| from.first_day() <= last));
        // «في عهد الرئيس X»: the era of the post, whatever other clause
        // the sentence's date belongs to.
        let era = left_or_era(context, attribution);
        // A date before the post began, with the post's winning named
        // after the person: the president-elect.
        let elect = role.from.is_some_and(|from| last < from.first_day())
            && taking_up(context, attribution);
        if !held && !ended_before && !era && !elect {
            let when = match &stated {
                Some((_, _, range)) => format!("«{}»", context.text(range)),
                None => format!("the article's date, {reference}"),
            };
            let mut finding = base(
                Severity::Error,
                format!(
                    "{person} did not hold «{title}» at {when}: the pack has the post {}",
                    period(role)
                ),
            )
            .with_help("check the date or the title");
            if let Some((_, _, range)) = &stated {
                finding = finding.with_label(range.clone(), "the sentence's date".to_string());
            }
            findings.push(finding);
            continue;
        }
        let marker = then.as_ref().or(former.as_ref());
        if let Some(marker) = marker {
            if held_on(role, reference) {
                findings.push(
                    base(
                        Severity::Error,
                        format!(
                            "«{}» says {person} no longer holds «{title}», but the pack has the post {} and the article's date is {reference}",
                            context.text(marker),
                            period(role)
                        ),
                    )
                    .with_label(marker.clone(), "says the post is past".to_string())
                    .with_help(format!("drop «{}»", context.text(marker))),
                );
            }
            continue;
        }
        // A date anywhere in the sentence at which the post was held
        // dates the title too: a long list opens with its date («وفي 29
        // أبريل، أمر ملكي: … إعفاء X وزير العمل من منصبه»).
        let dated = || {
            sentence_periods(context, attribution, usize::MAX, false)
                .any(|(_, first, last, _)| held_during(role, first, last))
        };
        if !held_on(role, reference)
            && stated.is_none()
            && !lifelong
            && !era
            && !long_past(role, reference)
            && !dated()
        {
            findings.push(
                base(
                    context.options.missing_then_severity,
                    format!(
                        "{person} no longer held «{title}» on the article's date ({reference}; the post ran {}), and the sentence gives no date",
                        period(role)
                    ),
                )
                .with_help("write «آنذاك» or «السابق» (\"then\", \"former\"), or date the sentence"),
            );
        }
    }
    findings
}
