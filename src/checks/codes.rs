//! The one registry of finding codes. Codes are `family/check`, readable
//! without a table, and are never renamed or reused: a renamed check keeps
//! a redirect here. Each check declares its [`CodeInfo`] beside its code
//! and registers in its family's `family!` list; `factlint explain CODE` and
//! the machine formats read the documentation from here.

use super::Context;
use crate::finding::{CodeInfo, Finding, Severity};

/// A check as a function.
pub type CheckFn = fn(&Context<'_>) -> Vec<Finding>;

/// The one info finding a file gets when checks needed a reference date
/// and none was found: a silent skip would look like a clean article.
pub static NO_REFERENCE_DATE: CodeInfo = CodeInfo {
    code: "date/no-reference-date",
    summary: "checks that needed the article's date could not run",
    severity: Severity::Info,
    fix: None,
    doc: "\
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
",
};

/// One check: its code and the function that reports it.
#[derive(Debug)]
pub struct Check {
    /// The code the check reports under.
    pub info: &'static CodeInfo,
    /// The check.
    pub run: CheckFn,
}

/// The checks of every family, in the order `factlint explain` lists them.
/// A new family is one line here; a new check is one name in its family's
/// `family!` list (see [`super::family`]).
static FAMILIES: &[&[Check]] = &[
    super::fact::CHECKS,
    super::consistency::CHECKS,
    super::typo::CHECKS,
    super::grammar::CHECKS,
    super::date::CHECKS,
];

/// Codes the check runner reports itself rather than one check.
static RUNNER: &[&CodeInfo] = &[
    &super::suppress::UNUSED,
    &super::suppress::INVALID,
    &NO_REFERENCE_DATE,
];

/// Every check, in registry order.
pub fn checks() -> impl Iterator<Item = &'static Check> {
    FAMILIES.iter().flat_map(|family| family.iter())
}

/// Every code: the checks' codes, then the runner's.
pub fn all() -> impl Iterator<Item = &'static CodeInfo> {
    checks()
        .map(|check| check.info)
        .chain(RUNNER.iter().copied())
}

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
    all().any(|info| prefix_matches(prefix, info.code))
}

/// The code or family nearest to an unknown prefix, for "did you mean":
/// `typ` → `typo`, `date/weekdya` → `date/weekday`.
pub fn suggest(prefix: &str) -> Option<String> {
    let mut candidates: Vec<String> = all().map(|info| info.code.to_string()).collect();
    for info in all() {
        if let Some((family, _)) = info.code.split_once('/')
            && !candidates.iter().any(|c| c == family)
        {
            candidates.push(family.to_string());
        }
    }
    crate::diagnostic::nearest(prefix, &candidates).map(str::to_string)
}

/// Fails on the first prefix that covers no code, with a message that
/// suggests the nearest one: every front end refuses `--select typ` alike.
pub fn check_prefixes<'a>(prefixes: impl IntoIterator<Item = &'a String>) -> Result<(), String> {
    match prefixes.into_iter().find(|p| !is_known_prefix(p)) {
        None => Ok(()),
        Some(prefix) => {
            let hint = suggest(prefix)
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            Err(format!(
                "`{prefix}` matches no finding code{hint}; `factlint explain` lists them"
            ))
        }
    }
}

/// Looks a code up.
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    all().find(|info| info.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_cover_families_and_codes() {
        assert_eq!(suggest("typ").as_deref(), Some("typo"));
        assert_eq!(suggest("date/weekdya").as_deref(), Some("date/weekday"));
        assert_eq!(suggest("zzzzzzzz"), None);
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for info in all() {
            assert!(seen.insert(info.code), "duplicate code {}", info.code);
            let (family, name) = info.code.split_once('/').expect("family/name");
            assert!(!family.is_empty() && !name.is_empty());
        }
    }

    #[test]
    fn stable_checks_are_documented() {
        for info in all() {
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
