//! What the terminal allows: its width and whether to colour.

use std::io::IsTerminal;

use super::args::ColorChoice;

/// The width when neither `COLUMNS` nor the terminal says.
const FALLBACK_WIDTH: usize = 100;

/// The report's width: `COLUMNS` when set, else the terminal's width, else 100.
pub(crate) fn width() -> usize {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
    {
        return columns;
    }
    terminal_size::terminal_size().map_or(FALLBACK_WIDTH, |(terminal_size::Width(w), _)| {
        usize::from(w)
    })
}

/// Whether to colour: `--color always|never` as asked; `auto` honours
/// `NO_COLOR` (no colour when set and not empty, <https://no-color.org>),
/// then `FORCE_COLOR` (colour when set, not empty and not `0`), then
/// colours only a terminal.
pub(crate) fn color(choice: ColorChoice, stream: &impl IsTerminal) -> bool {
    let set = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto if set("FORCE_COLOR").is_some_and(|v| v != "0") => true,
        ColorChoice::Auto => stream.is_terminal(),
    }
}
