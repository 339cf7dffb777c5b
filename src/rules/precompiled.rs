//! The bundled packs as validated data, compiled at development time, so
//! that a run does not parse their YAML: parsing and validating the
//! countries lexicon alone took about a fifth of a one-article run.
//!
//! `rules/compiled/packs.json` holds, one line for each bundled pack that
//! can be compiled, the [`Pack`] that [`super::load::parse_pack_with`] makes of it,
//! with a fingerprint of the YAML it was made from. A pack whose YAML no
//! longer matches its fingerprint, or that is not in the file, is parsed
//! from its YAML as before: a stale file costs time, never a wrong answer.
//! The test `compiled_packs_are_current` checks the file against a fresh
//! parse of every bundled pack, and rewrites it when run with
//! `FACTLINT_UPDATE_PACKS=1`:
//!
//! ```text
//! FACTLINT_UPDATE_PACKS=1 cargo test --lib compiled_packs_are_current
//! ```
//!
//! A pack with a CSV typo list is not compiled: its list is read from the
//! binary when an article needs it (see [`super::model::DeferredTypoList`]).

use std::hash::Hasher;

use super::model::Pack;

/// The compiled packs, as the test writes them.
const COMPILED: &str = include_str!("../../rules/compiled/packs.json");

/// A fingerprint of a pack's YAML: its length and a hash of its bytes
/// (FxHash, which has no random seed).
fn fingerprint(text: &str) -> String {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text.as_bytes());
    format!("{}-{:016x}", text.len(), hasher.finish())
}

/// How the line of the pack at `path`, made from YAML `text`, begins: the
/// pack's JSON object up to its `pack` value. The writer and the reader
/// both build lines from it, so the two cannot disagree.
fn line_head(path: &str, text: &str) -> String {
    format!(
        "{{\"path\":{},\"fingerprint\":{},\"pack\":",
        serde_json::Value::from(path),
        serde_json::Value::from(fingerprint(text))
    )
}

/// The compiled form of the bundled pack at `path` (its path in the
/// repository), if the file has one made from exactly `text`. The file
/// holds one pack per line, each line starting with its path and
/// fingerprint, so that only the line asked for is parsed: a date-only run
/// never reads the countries.
pub fn pack(path: &str, text: &str) -> Option<Pack> {
    let head = line_head(path, text);
    let line = COMPILED.lines().find_map(|line| line.strip_prefix(&head))?;
    let body = line.strip_suffix(',').unwrap_or(line).strip_suffix('}')?;
    let mut pack: Pack = serde_json::from_str(body).ok()?;
    pack.info.counts = pack.data.counts();
    Some(pack)
}

/// Whether a freshly parsed pack can be compiled (see the module
/// documentation).
#[cfg(test)]
fn compilable(pack: &Pack) -> bool {
    pack.data.deferred_typos.is_empty()
}

/// The file's text for the given bundled packs (path, YAML, parsed pack):
/// one compact pack per line, so that a start reads half the bytes it
/// would read pretty-printed, and a change shows as the packs it touched.
#[cfg(test)]
fn write(packs: &[(&str, &str, Pack)]) -> String {
    let lines: Vec<String> = packs
        .iter()
        .filter(|(_, _, pack)| compilable(pack))
        .map(|(path, text, pack)| {
            let json = serde_json::to_string(pack).expect("packs serialise");
            format!("{}{json}}}", line_head(path, text))
        })
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::rules::bundled::{self, BUNDLED_PACKS};
    use crate::rules::load::parse_pack_with;

    fn parsed() -> Vec<(&'static str, &'static str, Pack)> {
        BUNDLED_PACKS
            .iter()
            .map(|(path, text)| {
                let read = |name: &str| bundled::read_sibling(path, name);
                let pack =
                    parse_pack_with(&bundled::display_name(path), Arc::from(*text), true, &read)
                        .unwrap_or_else(|e| panic!("{path}: {e:?}"));
                (*path, *text, pack)
            })
            .collect()
    }

    #[test]
    fn compiled_packs_are_current() {
        let packs = parsed();
        let expected = write(&packs);
        let file =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/compiled/packs.json");
        if std::env::var_os("FACTLINT_UPDATE_PACKS").is_some() {
            std::fs::write(&file, &expected).expect("rules/compiled/packs.json is written");
            return;
        }
        assert!(
            COMPILED == expected,
            "rules/compiled/packs.json is stale: run FACTLINT_UPDATE_PACKS=1 cargo test --lib compiled_packs_are_current"
        );
    }

    #[test]
    fn a_compiled_pack_is_the_parsed_pack() {
        let mut compiled = 0;
        for (path, text, fresh) in parsed() {
            let Some(pack) = pack(path, text) else {
                assert!(!compilable(&fresh), "{path} is compilable but not compiled");
                continue;
            };
            compiled += 1;
            assert_eq!(
                serde_json::to_string(&pack).unwrap(),
                serde_json::to_string(&fresh).unwrap(),
                "{path}"
            );
            assert_eq!(pack.info.counts, fresh.info.counts, "{path}");
        }
        assert!(compiled >= 8, "only {compiled} packs are compiled");
    }

    #[test]
    fn changed_yaml_is_parsed_again() {
        let (path, text) = BUNDLED_PACKS[0];
        assert!(pack(path, text).is_some());
        assert!(pack(path, &format!("{text}\n")).is_none());
        assert!(pack("rules/none.yaml", text).is_none());
    }
}
