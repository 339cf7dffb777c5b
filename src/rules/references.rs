//! References between packs, checked once every pack is loaded: a fact
//! pack's `nationality: XX` must name a country some pack defines (the
//! bundled countries lexicon, or the newsroom's own), and an attribution
//! pattern's `marker:ID` a marker some pack defines. Each pack validates
//! alone, so a typo in such a reference would otherwise load silently and
//! make the fact or the pattern match nothing.

use std::collections::HashSet;

use super::{Pack, PackError, PackErrorKind};
use crate::finding::RuleRef;
use crate::rules::model::ElementKind;

/// An error at a rule's line.
fn at(origin: &RuleRef, message: String, help: String) -> PackError {
    let mut error =
        PackError::file(PackErrorKind::InvalidValue, &origin.file, message).with_help(help);
    error.line = origin.line;
    error
}

/// "did you mean" among `known`, or the list when it is short.
fn hint(value: &str, known: &HashSet<&str>, what: &str) -> String {
    let mut candidates: Vec<String> = known.iter().map(|s| s.to_string()).collect();
    candidates.sort();
    match crate::diagnostic::nearest(value, &candidates) {
        Some(best) => format!(
            "did you mean `{best}`? `factlint rules list` shows the packs that define {what}"
        ),
        None => format!("`factlint rules list` shows the packs that define {what}"),
    }
}

/// The references of `packs` that name nothing any pack defines.
pub fn check(packs: &[Pack]) -> Vec<PackError> {
    let countries: HashSet<&str> = packs
        .iter()
        .flat_map(|p| p.countries.iter().map(|c| c.code.as_str()))
        .collect();
    let markers: HashSet<&str> = packs
        .iter()
        .flat_map(|p| p.markers.iter().map(|m| m.id.as_str()))
        .collect();
    let mut errors = Vec::new();
    for pack in packs {
        // Without any country list (--no-default-rules and no lexicon of
        // one's own) nationality codes cannot be checked, nor used.
        if !countries.is_empty() {
            for entity in &pack.entities {
                if let Some(code) = &entity.nationality
                    && !countries.contains(code.as_str())
                {
                    errors.push(at(
                        &entity.origin,
                        format!(
                            "`{}` has nationality `{code}`, which no loaded pack defines as a country",
                            entity.id
                        ),
                        hint(code, &countries, "countries"),
                    ));
                }
            }
        }
        for pattern in &pack.attributions {
            for element in &pattern.elements {
                if let ElementKind::Marker(id) = &element.kind
                    && !markers.contains(id.as_str())
                {
                    errors.push(at(
                        &pattern.origin,
                        format!(
                            "attribution pattern `{}` uses `marker:{id}`, which no loaded pack defines",
                            pattern.id
                        ),
                        hint(id, &markers, "markers"),
                    ));
                }
            }
        }
    }
    errors
}
