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
    regex_automata::meta::Regex::builder()
        .configure(regex_automata::meta::Config::new().nfa_size_limit(Some(NFA_SIZE_LIMIT)))
        .syntax(regex_automata::util::syntax::Config::new().case_insensitive(true))
        .build(&normalized)
        .map_err(|e| {
            if e.size_limit().is_some() {
                RegexProblem {
                    message: format!(
                        "regex too large: its automaton needs more than {} KiB",
                        NFA_SIZE_LIMIT / 1024
                    ),
                    help: "use smaller repetition counts (`{1,4}` rather than `{100000}`) or split the rule".to_string(),
                }
            } else {
                RegexProblem::invalid(e)
            }
        })?;
    Ok(())
}

/// The most memory one pack regex's automaton may take. Rules match a few
/// words of context; a pattern past this (`a{100000}`) would slow every
/// article down, so it is refused when the pack is validated.
pub const NFA_SIZE_LIMIT: usize = 512 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_sized_regexes_pass_and_huge_ones_are_refused() {
        for ok in [
            r"إسرائيل في حالة حرب\s*-\s*(?<span>اليوم\s+(?<day>\d+))",
            r"Israel at war\s*-\s*(?<span>Day\s+(?<day>\d+))",
            r"(\w+) \w+ \w+",
            r"بعد (قطاعات|أجزاء|مناطق)",
        ] {
            assert_eq!(check_regex(ok), Ok(()), "{ok}");
        }
        let problem = check_regex("a{100000}").unwrap_err();
        assert!(
            problem.message.starts_with("regex too large"),
            "{problem:?}"
        );
        assert!(check_regex(r"\bword").is_err());
    }
}
