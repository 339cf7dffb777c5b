//! The one registry of finding codes. Codes are `family/check`, readable
//! without a table, and are never renamed or reused: a renamed check keeps
//! a redirect here. `factlint explain CODE` and the machine formats read
//! their documentation from this registry.

use super::Context;
use crate::finding::{Finding, Severity};

/// A check as a function.
pub type CheckFn = fn(&Context<'_>) -> Vec<Finding>;

/// Where a code stands in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Implemented and reported.
    Stable,
    /// Reserved by the design; the check is not written yet, so it never
    /// reports. `explain` says so rather than pretend.
    Planned,
    /// Reported by the check runner itself, not by one check.
    Runner,
}

/// The code of the one info finding a file gets when checks needed a
/// reference date and none was found.
pub const NO_REFERENCE_DATE: &str = "date/no-reference-date";

/// The documentation of [`NO_REFERENCE_DATE`].
const NO_REFERENCE_DATE_DOC: &str = "\
## What it checks
Reported once per file, as info, when a check needs the article's reference
date (counters, \"then\" and \"former\", ages, months without a year,
future events) and none could be found: no front matter `date`, no
`--date`, no dateline and no full date in the text. The checks that needed
it are named; they did not run rather than guess.

## Why it matters
A silent skip looks like a clean article.

## Example
An article with no dates at all and a counter banner gets this finding.

## Fix safety
No fix: add a date to the front matter or pass `--date`.
";

const fn stable(
    code: &'static str,
    summary: &'static str,
    doc: &'static str,
    severity: Severity,
    check: CheckFn,
) -> CodeInfo {
    CodeInfo {
        code,
        summary,
        doc,
        severity,
        status: Status::Stable,
        check: Some(check),
    }
}

/// Everything factlint knows about one code.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    /// The stable code.
    pub code: &'static str,
    /// One line: what the check reports.
    pub summary: &'static str,
    /// The full documentation (`## What it checks`, `## Why it matters`,
    /// `## Example`, `## Fix safety`), empty for planned codes.
    pub doc: &'static str,
    /// The severity findings get unless configured otherwise.
    pub severity: Severity,
    /// Whether the check exists yet.
    pub status: Status,
    /// The check, when it exists.
    pub check: Option<CheckFn>,
}

/// The documentation of [`super::suppress::UNUSED`].
const UNUSED_SUPPRESSION_DOC: &str = "\
## What it checks
Reported, as info, for a `factlint-disable`, `factlint-disable-next-line`
comment (Markdown, HTML) or line (plain text) that suppressed no finding: the
code it names did not fire there, or is misspelt.

## Why it matters
Suppressions outlive the findings they were written for; a stale one hides
the next real finding at that place.

## Example
`<!-- factlint-disable-next-line date/weekday -->` above a line whose
weekday is right gets this finding.

## Fix safety
No fix: delete the comment, or correct its code.
";

/// Every code, in family order.
pub static REGISTRY: &[CodeInfo] = &[
    stable(
        "fact/nationality",
        "a nationality the pack contradicts",
        super::fact::nationality::DOC,
        Severity::Error,
        super::fact::nationality::check,
    ),
    stable(
        "fact/rank",
        "a rank the pack contradicts",
        super::fact::rank::DOC,
        Severity::Error,
        super::fact::rank::check,
    ),
    stable(
        "fact/role",
        "a title the pack gives to someone else",
        super::fact::role::DOC,
        Severity::Error,
        super::fact::role::check,
    ),
    stable(
        "fact/tenure",
        "a title used when the person did not hold it, or a wrong or missing \"then\"/\"former\"",
        super::fact::tenure::DOC,
        Severity::Error,
        super::fact::tenure::check,
    ),
    stable(
        "fact/age",
        "an age that does not fit the date of birth",
        super::fact::age::DOC,
        Severity::Error,
        super::fact::age::check,
    ),
    stable(
        "fact/event-date",
        "an event dated differently from the pack",
        super::fact::event_date::DOC,
        Severity::Error,
        super::fact::event_date::check,
    ),
    stable(
        "consistency/attribute",
        "one person given two ranks or nationalities in one article",
        super::consistency::attribute::DOC,
        Severity::Error,
        super::consistency::attribute::check,
    ),
    stable(
        "consistency/spelling",
        "one name or phrase spelled two ways",
        super::consistency::spelling::DOC,
        Severity::Warning,
        super::consistency::spelling::check,
    ),
    stable(
        "typo/substitution",
        "a known misspelling, with its correction",
        super::typo::substitution::DOC,
        Severity::Error,
        super::typo::substitution::check,
    ),
    stable(
        "typo/confusable",
        "a word confused with a similar one, recognised by its context",
        super::typo::confusable::DOC,
        Severity::Error,
        super::typo::confusable::check,
    ),
    stable(
        "typo/spelling",
        "an Arabic non-word one confusion edit from a common word",
        super::typo::spelling::DOC,
        Severity::Warning,
        super::typo::spelling::check,
    ),
    stable(
        "typo/repeated-word",
        "the same word twice in a row",
        super::typo::repeated_word::DOC,
        Severity::Warning,
        super::typo::repeated_word::check,
    ),
    stable(
        "typo/name",
        "a near miss of a known name",
        super::typo::name::DOC,
        Severity::Warning,
        super::typo::name::check,
    ),
    stable(
        "grammar/agreement",
        "a verb whose gender disagrees with the country it governs, or a country name for a nationality",
        super::grammar::agreement::DOC,
        Severity::Warning,
        super::grammar::agreement::check,
    ),
    stable(
        "date/weekday",
        "a weekday that does not match its date",
        super::date::weekday::DOC,
        Severity::Error,
        super::date::weekday::check,
    ),
    stable(
        "date/hijri",
        "a Hijri date that does not match its Gregorian twin",
        super::date::hijri::DOC,
        Severity::Error,
        super::date::hijri::check,
    ),
    stable(
        "date/counter",
        "a day counter that does not fit the article's date",
        super::date::counter::DOC,
        Severity::Error,
        super::date::counter::check,
    ),
    stable(
        "date/duration",
        "\"N years later\" arithmetic that does not add up",
        super::date::duration::DOC,
        Severity::Warning,
        super::date::duration::check,
    ),
    stable(
        "date/future",
        "a past event dated after the article",
        super::date::future::DOC,
        Severity::Error,
        super::date::future::check,
    ),
    stable(
        "date/invalid",
        "a date that does not exist",
        super::date::invalid::DOC,
        Severity::Error,
        super::date::invalid::check,
    ),
    CodeInfo {
        code: super::suppress::UNUSED,
        summary: "an inline suppression that suppresses nothing",
        doc: UNUSED_SUPPRESSION_DOC,
        severity: Severity::Info,
        status: Status::Runner,
        check: None,
    },
    CodeInfo {
        code: NO_REFERENCE_DATE,
        summary: "checks that needed the article's date could not run",
        doc: NO_REFERENCE_DATE_DOC,
        severity: Severity::Info,
        status: Status::Runner,
        check: None,
    },
];

/// Whether code prefix `prefix` covers `code`, by whole path segments:
/// `typo` covers `typo/name`, not `typos/x`. The one rule for `--select`,
/// `--ignore`, severity overrides and suppressions.
pub fn prefix_matches(prefix: &str, code: &str) -> bool {
    code == prefix
        || code
            .strip_prefix(prefix)
            .is_some_and(|r| r.starts_with('/'))
}

/// Whether `prefix` covers at least one registered code.
pub fn is_known_prefix(prefix: &str) -> bool {
    REGISTRY
        .iter()
        .any(|info| prefix_matches(prefix, info.code))
}

/// Looks a code up.
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    REGISTRY.iter().find(|info| info.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for info in REGISTRY {
            assert!(seen.insert(info.code), "duplicate code {}", info.code);
            let (family, name) = info.code.split_once('/').expect("family/name");
            assert!(!family.is_empty() && !name.is_empty());
            assert_eq!(
                info.status == Status::Stable,
                info.check.is_some(),
                "{}",
                info.code
            );
        }
    }

    #[test]
    fn stable_checks_are_documented() {
        for info in REGISTRY.iter().filter(|i| i.status != Status::Planned) {
            for section in [
                "## What it checks",
                "## Why it matters",
                "## Example",
                "## Fix safety",
            ] {
                assert!(info.doc.contains(section), "{} lacks {section}", info.code);
            }
        }
    }
}
