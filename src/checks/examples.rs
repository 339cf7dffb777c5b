//! Rule tests: every pack's `examples:` run through the checks, each with
//! the codes it must and must not produce (`factlint rules test`).

use crate::article::{Article, LoadOptions};
use crate::checks::{CheckOptions, codes, run_all};
use crate::finding::RuleRef;
use crate::rules::{Example, RuleSet};

/// One example that did not behave as its pack says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Where the example is.
    pub origin: RuleRef,
    /// The example's text.
    pub text: String,
    /// What went wrong.
    pub problem: String,
}

/// Runs one example; returns what went wrong, if anything.
pub fn run_example(example: &Example, rules: &RuleSet) -> Option<Failure> {
    let fail = |problem: String| {
        Some(Failure {
            origin: example.origin.clone(),
            text: example.text.clone(),
            problem,
        })
    };
    for code in example.expect.iter().chain(&example.expect_not) {
        if codes::lookup(code).is_none() {
            return fail(format!("`{code}` is not a finding code"));
        }
    }
    let options = LoadOptions {
        language: example.language,
        ..LoadOptions::default()
    };
    let mut article = Article::from_text("<example>", &format!("{}\n", example.text), &options);
    let found: Vec<&str> = run_all(&mut article, rules, &CheckOptions::default())
        .iter()
        .map(|f| f.code())
        .collect();
    let missing: Vec<&str> = example
        .expect
        .iter()
        .map(String::as_str)
        .filter(|c| !found.contains(c))
        .collect();
    let unwanted: Vec<&str> = example
        .expect_not
        .iter()
        .map(String::as_str)
        .filter(|c| found.contains(c))
        .collect();
    if missing.is_empty() && unwanted.is_empty() {
        return None;
    }
    let mut problems = Vec::new();
    if !missing.is_empty() {
        problems.push(format!("expected {}", missing.join(", ")));
    }
    if !unwanted.is_empty() {
        problems.push(format!("did not expect {}", unwanted.join(", ")));
    }
    let mut shown = found.clone();
    shown.dedup();
    fail(format!(
        "{}; found [{}]",
        problems.join(" and "),
        shown.join(", ")
    ))
}

/// Runs every example of every loaded pack; returns how many ran and the
/// failures.
pub fn run_examples(rules: &RuleSet) -> (usize, Vec<Failure>) {
    let failures = rules
        .examples
        .iter()
        .filter_map(|e| run_example(e, rules))
        .collect();
    (rules.examples.len(), failures)
}
