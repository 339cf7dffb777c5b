//! Inline suppressions: an editor who has checked a finding says so in the
//! article.
//!
//! In Markdown and HTML, comments:
//!
//! ```text
//! <!-- factlint-disable typo/name -->   … <!-- factlint-enable typo/name -->
//! <!-- factlint-disable-next-line date/weekday -->
//! The general said the the talks… <!-- factlint-disable-line typo -->
//! ```
//!
//! In plain text, a line of its own: `factlint-disable-next-line CODE`
//! (and `factlint-disable` / `factlint-enable`), or `factlint-disable-line
//! CODE` at the end of the line. Codes are prefixes (`typo` covers
//! `typo/name`), several may be given, separated by spaces or commas, and
//! none means every code. Suppressed findings are counted; a suppression
//! that suppresses nothing is reported as `suppression/unused`, so stale
//! ones do not pile up, and one that cannot work (an unknown directive, a
//! code that matches nothing) as `suppression/invalid`.

use crate::article::Article;
use crate::article::directive::{Directive, Kind, Parsed, directives};
use crate::finding::{CodeInfo, Finding, Severity};

/// The info finding for a suppression that suppresses nothing, so that
/// stale suppressions do not pile up and hide the next real finding.
pub static UNUSED: CodeInfo = CodeInfo {
    code: "suppression/unused",
    summary: "an inline suppression that suppresses nothing",
    severity: Severity::Info,
    fix: None,
    doc: "\
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
",
};

/// The warning for a suppression that cannot work: silently ignoring it
/// would leave the finding it was meant for in every report.
pub static INVALID: CodeInfo = CodeInfo {
    code: "suppression/invalid",
    summary: "a suppression comment that names no directive or no code",
    severity: Severity::Warning,
    fix: None,
    doc: "\
## What it checks
Reported, as a warning, for a comment (Markdown, HTML) or line (plain text)
that starts with `factlint-` but names no directive, such as
`factlint-disable-lines` or `factlint-ignore`, and for a directive that names
a code matching no finding code, such as `factlint-disable-line typ`.

## Why it matters
Such a comment suppresses nothing, and the editor who wrote it believes the
finding is handled.

## Example
`<!-- factlint-ignore date/weekday -->` gets this finding (did you mean
`factlint-disable-next-line`?); `<!-- factlint-disable-next-line
date/weekday -->` does not.

## Fix safety
No fix: correct the directive or the code; the message suggests the nearest.
",
};

/// Whether `directive` switches `code` off: it names no code (all), or a
/// prefix of it.
fn covers(directive: &Directive, code: &str) -> bool {
    directive.codes.is_empty()
        || directive
            .codes
            .iter()
            .any(|p| crate::checks::codes::prefix_matches(p, code))
}

/// Removes suppressed findings; returns how many were suppressed, and adds
/// a `suppression/unused` info finding for each directive that suppressed
/// nothing.
pub fn apply(article: &Article, findings: &mut Vec<Finding>) -> usize {
    let parsed = directives(article);
    if parsed.is_empty() {
        return 0;
    }
    let mut directives: Vec<Directive> = Vec::new();
    let mut invalid: Vec<Finding> = Vec::new();
    for item in parsed {
        match item {
            Parsed::Directive(d) => {
                let unknown: Vec<&String> = d
                    .codes
                    .iter()
                    .filter(|c| !crate::checks::codes::is_known_prefix(c))
                    .collect();
                for code in &unknown {
                    let mut finding = Finding::new(
                        &INVALID,
                        d.range.clone(),
                        format!("this suppression names `{code}`, which matches no finding code"),
                    );
                    finding = match crate::checks::codes::suggest(code) {
                        Some(best) => finding.with_help(format!("did you mean `{best}`?")),
                        None => finding.with_help("`factlint explain` lists every code"),
                    };
                    invalid.push(finding);
                }
                if unknown.is_empty() {
                    directives.push(d);
                }
            }
            Parsed::Unknown { name, range } => {
                let names = [
                    "factlint-disable-next-line",
                    "factlint-disable-line",
                    "factlint-disable",
                    "factlint-enable",
                ]
                .map(String::from);
                let help = match crate::diagnostic::nearest(&name, &names) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("the directives are {}", names.join(", ")),
                };
                invalid.push(
                    Finding::new(
                        &INVALID,
                        range,
                        format!("`{name}` is not a factlint directive, so it suppresses nothing"),
                    )
                    .with_help(help),
                );
            }
        }
    }
    let line_of = |offset: usize| article.position(offset).0;
    // The next line with text after a directive.
    let next_line = |d: &Directive| {
        let after = d.range.end;
        let rest = &article.text[after..];
        let skip = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        line_of(after + skip)
    };
    let mut used = vec![false; directives.len()];
    let before = findings.len();
    findings.retain(|finding| {
        let line = line_of(finding.range.start);
        for (i, d) in directives.iter().enumerate() {
            if !covers(d, finding.code()) {
                continue;
            }
            let suppressed = match d.kind {
                Kind::DisableNextLine => next_line(d) == line && d.range.end <= finding.range.start,
                Kind::DisableLine => line_of(d.range.start) == line,
                Kind::Disable => {
                    let end = directives[i + 1..]
                        .iter()
                        .find(|e| {
                            e.kind == Kind::Enable && (e.codes.is_empty() || e.codes == d.codes)
                        })
                        .map_or(article.text.len(), |e| e.range.start);
                    d.range.end <= finding.range.start && finding.range.start < end
                }
                Kind::Enable => false,
            };
            if suppressed {
                used[i] = true;
                return false;
            }
        }
        true
    });
    let suppressed = before - findings.len();
    for (d, used) in directives.iter().zip(used) {
        if d.kind != Kind::Enable && !used {
            let what = if d.codes.is_empty() {
                "any code".to_string()
            } else {
                d.codes.join(", ")
            };
            findings.push(
                Finding::new(
                    &UNUSED,
                    d.range.clone(),
                    format!("this suppression of {what} suppresses nothing"),
                )
                .with_help("remove it, or correct the code it names"),
            );
        }
    }
    findings.extend(invalid);
    suppressed
}
