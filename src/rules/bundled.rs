//! The packs compiled into the binary, so that `factlint check FILE` needs
//! no configuration. They are plain YAML in `rules/` (reviewable, diffable)
//! and go through the same validator as a user's packs; a test checks that
//! every file under `rules/` outside `rules/examples/` is listed here and
//! loads without error.

/// `(path in the repository, contents)` of every bundled pack.
pub const BUNDLED_PACKS: &[(&str, &str)] = &[
    (
        "rules/lexicon/agreement.yaml",
        include_str!("../../rules/lexicon/agreement.yaml"),
    ),
    (
        "rules/lexicon/attribution.yaml",
        include_str!("../../rules/lexicon/attribution.yaml"),
    ),
    (
        "rules/lexicon/calendar.yaml",
        include_str!("../../rules/lexicon/calendar.yaml"),
    ),
    (
        "rules/lexicon/countries.yaml",
        include_str!("../../rules/lexicon/countries.yaml"),
    ),
    (
        "rules/lexicon/dates.yaml",
        include_str!("../../rules/lexicon/dates.yaml"),
    ),
    (
        "rules/lexicon/offices.yaml",
        include_str!("../../rules/lexicon/offices.yaml"),
    ),
    (
        "rules/lexicon/ranks.yaml",
        include_str!("../../rules/lexicon/ranks.yaml"),
    ),
    (
        "rules/lexicon/repetition.yaml",
        include_str!("../../rules/lexicon/repetition.yaml"),
    ),
    (
        "rules/typos/ar-common.yaml",
        include_str!("../../rules/typos/ar-common.yaml"),
    ),
    (
        "rules/typos/en-common.yaml",
        include_str!("../../rules/typos/en-common.yaml"),
    ),
];

/// The bundled packs the date checks read: the calendar and date lexicons.
/// The others (countries, offices, ranks, attribution, agreement,
/// repetition, typos) feed only the fact, consistency, grammar and typo
/// checks, so a run whose codes are all `date/…` loads these two alone and
/// starts in a few milliseconds. Measured: `--select date` gives the same
/// findings, sections and reference dates with every bundled pack and with
/// these two, over the 2,381 corpus articles as Markdown and 800 as plain
/// text (dates inferred from the text).
pub const DATE_PACKS: &[&str] = &["rules/lexicon/calendar.yaml", "rules/lexicon/dates.yaml"];

/// Whether a run that reports only `codes` (code prefixes; `None` for every
/// code) needs the bundled pack at `path`.
pub fn needed_for(path: &str, codes: Option<&[String]>) -> bool {
    let only_dates = codes.is_some_and(|codes| {
        !codes.is_empty()
            && codes.iter().all(|code| {
                let code = code.trim();
                code == "date" || code.starts_with("date/")
            })
    });
    !only_dates || DATE_PACKS.contains(&path)
}

/// `(path in the repository, contents)` of files that bundled packs name.
pub const BUNDLED_FILES: &[(&str, &str)] = &[(
    "rules/typos/en-common.csv",
    include_str!("../../rules/typos/en-common.csv"),
)];

/// Reads a file that a bundled pack names (a CSV typo list) from the
/// binary.
pub fn read_sibling(
    pack: &str,
    name: &str,
) -> Result<(String, std::borrow::Cow<'static, str>), String> {
    let dir = std::path::Path::new(pack)
        .parent()
        .unwrap_or(std::path::Path::new(""));
    let path = dir.join(name).display().to_string();
    BUNDLED_FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(p, text)| (display_name(p), std::borrow::Cow::Borrowed(*text)))
        .ok_or_else(|| format!("{path} is not bundled: list it in BUNDLED_FILES"))
}

/// How a bundled pack's file is named in reports: its repository path,
/// marked so that nobody looks for it on their disk.
pub fn display_name(path: &str) -> String {
    format!("<bundled>/{path}")
}
