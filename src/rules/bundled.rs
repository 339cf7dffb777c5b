//! The packs compiled into the binary, so that `factlint check FILE` needs
//! no configuration. They are plain YAML in `rules/` (reviewable, diffable)
//! and go through the same validator as a user's packs; a test checks that
//! every file under `rules/` outside `rules/examples/` is listed here and
//! loads without error.

/// `(path in the repository, contents)` of every bundled pack.
pub const BUNDLED_PACKS: &[(&str, &str)] = &[(
    "rules/lexicon/countries.yaml",
    include_str!("../../rules/lexicon/countries.yaml"),
)];

/// How a bundled pack's file is named in reports: its repository path,
/// marked so that nobody looks for it on their disk.
pub fn display_name(path: &str) -> String {
    format!("<bundled>/{path}")
}
