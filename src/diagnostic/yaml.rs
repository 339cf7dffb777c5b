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

/// Where in `text` a serde-saphyr error is, as a byte offset and length.
/// Errors of the scanner (a tab where YAML wants spaces, an unclosed
/// quote) carry a line and column but no byte offset: those are found
/// from the line and column, so that the error does not point at 1:1.
pub fn error_place(err: &serde_saphyr::Error, text: &str) -> Option<(usize, usize)> {
    let location = err.location()?;
    let span = location.span();
    if let Some(offset) = span.byte_offset() {
        return Some((offset as usize, span.byte_len().unwrap_or(1) as usize));
    }
    let (line, column) = (location.line() as usize, location.column() as usize);
    let lines = crate::text::LineIndex::new(text);
    if line == 0 || line > lines.line_of(text.len()) {
        return None;
    }
    let line_range = lines.line_range(text, line);
    let line_text = &text[line_range.clone()];
    let offset = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_range.end, |(i, _)| line_range.start + i);
    let len = text[offset..].chars().next().map_or(0, char::len_utf8);
    Some((offset, len))
}

/// Turns a serde-saphyr error into a located pack error with help.
pub fn yaml_error<D: Domain>(
    file: &str,
    text: &Arc<str>,
    err: &serde_saphyr::Error,
) -> SourceError<D> {
    let (offset, len) = error_place(err, text).unwrap_or((0, 0));
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
    } else if message.contains("found a tab") {
        (
            ErrorKind::Syntax,
            Some("YAML indents with spaces: replace the tab on or after this line".to_string()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scanner_error_is_placed_by_its_line_and_column() {
        // A tab where YAML wants spaces: the scanner's error has a line and
        // column but no byte offset.
        let text = "pack: x\nentities:\n  - id: أ\n\tnames: {}\n";
        let err = serde_saphyr::from_str::<serde_json::Value>(text).unwrap_err();
        assert_eq!(err.location().unwrap().span().byte_offset(), None);
        let (offset, len) = error_place(&err, text).expect("a place");
        let line = text[..offset].matches('\n').count() + 1;
        let column = text[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
        let location = err.location().unwrap();
        assert_eq!(
            (line as u64, column as u64),
            (location.line(), location.column())
        );
        assert!(line >= 3, "placed on line {line}: {err}");
        assert_eq!(len, text[offset..].chars().next().unwrap().len_utf8());
    }

    #[test]
    fn an_error_at_the_end_of_the_text_is_placed_there() {
        // An unclosed quote: the scanner stops on the line after the last.
        let text = "pack: x\ndescription: \"open\n";
        let err = serde_saphyr::from_str::<serde_json::Value>(text).unwrap_err();
        let (offset, _) = error_place(&err, text).expect("a place");
        assert!(offset >= "pack: x\n".len(), "placed at {offset}: {err}");
    }
}
