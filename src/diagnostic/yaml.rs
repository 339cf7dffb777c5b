//! serde-saphyr errors as located diagnostics with help: the one cleaning
//! of YAML messages for packs, the configuration and front matter.

use std::sync::Arc;

use super::{Domain, ErrorKind, SourceError, nearest};

/// The message of a serde-saphyr error without its own location prefix
/// and snippet ("error: line 2 column 1: unknown field …" becomes "unknown
/// field …"): factlint reports the location itself.
pub fn yaml_message(err: &serde_saphyr::Error) -> String {
    let rendered = err.to_string();
    let first = rendered.lines().next().unwrap_or(&rendered);
    let first = first.trim_start_matches("error: ");
    first
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(": "))
        .map_or(first, |(_, m)| m)
        .to_string()
}

/// Turns a serde-saphyr error into a located pack error with help.
pub fn yaml_error<D: Domain>(
    file: &str,
    text: &Arc<str>,
    err: &serde_saphyr::Error,
) -> SourceError<D> {
    let (offset, len) = err
        .location()
        .and_then(|l| {
            Some((
                l.span().byte_offset()? as usize,
                l.span().byte_len().unwrap_or(1) as usize,
            ))
        })
        .unwrap_or((0, 0));
    let message = yaml_message(err);
    let (kind, help) = if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or_default();
        let expected = expected_list(&message);
        let help = match nearest(unknown, &expected) {
            Some(best) => format!(
                "did you mean `{best}`? valid keys here: {}",
                expected.join(", ")
            ),
            None => format!("valid keys here: {}", expected.join(", ")),
        };
        (ErrorKind::UnknownKey, Some(help))
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        let unknown = rest.split('`').next().unwrap_or_default();
        let expected = expected_list(&message);
        let help = match nearest(unknown, &expected) {
            Some(best) => format!(
                "did you mean `{best}`? allowed values: {}",
                expected.join(", ")
            ),
            None => format!("allowed values: {}", expected.join(", ")),
        };
        (ErrorKind::InvalidValue, Some(help))
    } else if message.contains("expected") || message.contains("invalid type") {
        (
            ErrorKind::WrongType,
            Some("see the rule-pack reference in the README for each key's type".to_string()),
        )
    } else if message.contains("missing field") {
        (ErrorKind::WrongType, None)
    } else {
        (ErrorKind::Syntax, None)
    };
    let mut error = SourceError::at(kind, file, text, offset, len, message);
    if let Some(help) = help {
        error = error.with_help(help);
    }
    error
}

/// The names listed after "expected one of" (or "expected") in a serde message.
fn expected_list(message: &str) -> Vec<String> {
    let Some((_, list)) = message
        .split_once("expected one of ")
        .or_else(|| message.split_once("expected "))
    else {
        return Vec::new();
    };
    list.split([',', ' '])
        .map(|s| s.trim().trim_matches('`'))
        .filter(|s| !s.is_empty() && *s != "or")
        .map(String::from)
        .collect()
}
