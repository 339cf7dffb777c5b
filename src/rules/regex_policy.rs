//! What a pack regex may use. Patterns run over the normalised text in one
//! multi-pattern regex; constructs that would take it off its fast path are
//! refused at validation time, with the reason.

use crate::text::normalize::normalize_regex_source;

/// Why a pack regex is refused, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct RegexProblem {
    /// What is wrong with the regex.
    pub message: String,
    /// What to write instead.
    pub help: String,
}

impl RegexProblem {
    fn invalid(detail: impl std::fmt::Display) -> RegexProblem {
        RegexProblem {
            message: format!("invalid regex: {detail}"),
            help: "regexes use the syntax of the Rust regex crate".to_string(),
        }
    }
}

/// Checks a pack regex: it must parse, compile, and not use a word-boundary
/// assertion (Unicode `\b` drops the regex engine off its fast path on
/// Arabic text, and factlint checks word boundaries itself after each match).
pub fn check_regex(source: &str) -> Result<(), RegexProblem> {
    let normalized = normalize_regex_source(source);
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(&normalized)
        .map_err(|e| {
            RegexProblem::invalid(e.to_string().lines().last().unwrap_or_default().trim())
        })?;
    if hir.properties().look_set().contains_word() {
        return Err(RegexProblem {
            message: "regex uses a word-boundary assertion (`\\b` or `\\B`)".to_string(),
            help: "remove it: factlint already requires every match to start and end on a word boundary (Arabic clitics allowed)".to_string(),
        });
    }
    regex_automata::meta::Regex::new(&normalized).map_err(RegexProblem::invalid)?;
    Ok(())
}
