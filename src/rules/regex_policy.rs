//! What a pack regex may use. Patterns run over the normalised text in one
//! multi-pattern regex; constructs that would take it off its fast path are
//! refused at validation time, with the reason.

use crate::text::normalize::normalize_regex_source;

/// Whether a regex source uses a word-boundary assertion, which factlint
/// forbids: Unicode `\b` drops the regex engine off its fast path on Arabic
/// text, and factlint checks word boundaries itself after each match.
pub fn check_regex(source: &str) -> Result<(), (String, String)> {
    let normalized = normalize_regex_source(source);
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(&normalized)
        .map_err(|e| {
            (
                format!(
                    "invalid regex: {}",
                    e.to_string().lines().last().unwrap_or_default().trim()
                ),
                "regexes use the syntax of the Rust regex crate".to_string(),
            )
        })?;
    if hir.properties().look_set().contains_word() {
        return Err((
            "regex uses a word-boundary assertion (`\\b` or `\\B`)".to_string(),
            "remove it: factlint already requires every match to start and end on a word boundary (Arabic clitics allowed)".to_string(),
        ));
    }
    regex_automata::meta::Regex::new(&normalized).map_err(|e| {
        (
            format!("invalid regex: {e}"),
            "regexes use the syntax of the Rust regex crate".to_string(),
        )
    })?;
    Ok(())
}
