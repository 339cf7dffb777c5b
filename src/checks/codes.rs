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

const fn planned(code: &'static str, summary: &'static str, severity: Severity) -> CodeInfo {
    CodeInfo {
        code,
        summary,
        doc: "",
        severity,
        status: Status::Planned,
        check: None,
    }
}

/// Every code, in family order.
pub static REGISTRY: &[CodeInfo] = &[
    planned(
        "fact/nationality",
        "a nationality the pack contradicts",
        Severity::Error,
    ),
    planned("fact/rank", "a rank the pack contradicts", Severity::Error),
    planned("fact/role", "a title the pack contradicts", Severity::Error),
    planned(
        "fact/tenure",
        "a title used when the person did not hold it, or a wrong \"then\"/\"former\"",
        Severity::Error,
    ),
    planned(
        "fact/age",
        "an age that does not fit the date of birth",
        Severity::Error,
    ),
    planned(
        "fact/event-date",
        "an event dated differently from the pack",
        Severity::Error,
    ),
    planned(
        "consistency/attribute",
        "one person given two ranks, nationalities or titles in one article",
        Severity::Error,
    ),
    planned(
        "consistency/spelling",
        "one name or phrase spelled two ways",
        Severity::Warning,
    ),
    CodeInfo {
        code: "typo/substitution",
        summary: "a known misspelling, with its correction",
        doc: super::typo::substitution::DOC,
        severity: Severity::Error,
        status: Status::Stable,
        check: Some(super::typo::substitution::check),
    },
    CodeInfo {
        code: "typo/confusable",
        summary: "a word confused with a similar one, recognised by its context",
        doc: super::typo::confusable::DOC,
        severity: Severity::Error,
        status: Status::Stable,
        check: Some(super::typo::confusable::check),
    },
    planned(
        "typo/repeated-word",
        "the same word twice in a row",
        Severity::Warning,
    ),
    planned(
        "typo/name",
        "a near miss of a known name",
        Severity::Warning,
    ),
    planned(
        "grammar/agreement",
        "a verb or adjective whose gender disagrees with the country it governs",
        Severity::Warning,
    ),
    planned(
        "date/weekday",
        "a weekday that does not match its date",
        Severity::Error,
    ),
    planned(
        "date/hijri",
        "a Hijri date that does not match its Gregorian twin",
        Severity::Error,
    ),
    planned(
        "date/counter",
        "a day counter that does not fit the article's date",
        Severity::Error,
    ),
    planned(
        "date/duration",
        "\"N years later\" arithmetic that does not add up",
        Severity::Error,
    ),
    planned(
        "date/future",
        "a past event dated after the article",
        Severity::Error,
    ),
    planned(
        "date/invalid",
        "a date that does not exist",
        Severity::Error,
    ),
];

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
        for info in REGISTRY.iter().filter(|i| i.status == Status::Stable) {
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
