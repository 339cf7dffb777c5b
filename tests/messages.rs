//! Every message catalogue has every message: each English id (for a
//! count, its `other` form), each finding code's line and each section's
//! name, with the same `{arguments}` as English.

use std::collections::BTreeSet;

use factlint::messages::{self, Catalogue};

/// The id a count's plural form belongs to (`report.files.one` →
/// `report.files`), or `None` for a plain id.
fn count_base(id: &str) -> Option<&str> {
    let (base, form) = id.rsplit_once('.')?;
    matches!(form, "zero" | "one" | "two" | "few" | "many" | "other").then_some(base)
}

fn arguments(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

fn catalogues() -> Vec<&'static Catalogue> {
    messages::languages()
        .map(|code| messages::catalogue(code).expect("a listed catalogue loads"))
        .collect()
}

#[test]
fn english_and_arabic_are_compiled_in() {
    let codes: Vec<&str> = messages::languages().collect();
    assert!(codes.contains(&"en") && codes.contains(&"ar"), "{codes:?}");
}

#[test]
fn every_catalogue_has_every_english_id() {
    let english = messages::english();
    let mut missing = Vec::new();
    for catalogue in catalogues() {
        for id in english.ids() {
            let needed = match count_base(id) {
                Some(base) => format!("{base}.other"),
                None => id.to_string(),
            };
            if !catalogue.has(&needed) {
                missing.push(format!("{}: {needed}", catalogue.code()));
            } else if count_base(id).is_none()
                && arguments(catalogue.text(id)) != arguments(english.text(id))
            {
                missing.push(format!(
                    "{}: {id} has arguments {:?}, English {:?}",
                    catalogue.code(),
                    arguments(catalogue.text(id)),
                    arguments(english.text(id))
                ));
            }
        }
        for id in catalogue.ids() {
            let known = english.has(id)
                || count_base(id).is_some_and(|base| english.has(&format!("{base}.other")));
            if !known {
                missing.push(format!("{}: {id} is not an English id", catalogue.code()));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn every_code_and_section_has_a_message() {
    let mut ids: Vec<String> = factlint::checks::codes::all()
        .map(|info| format!("code.{}", info.code))
        .collect();
    for kind in [
        "banner",
        "headline",
        "standfirst",
        "caption",
        "credit",
        "body",
        "chrome",
    ] {
        ids.push(format!("section.{kind}"));
    }
    let mut missing = Vec::new();
    for catalogue in catalogues() {
        for id in &ids {
            if !catalogue.has(id) {
                missing.push(format!("{}: {id}", catalogue.code()));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    // The English lines are the codes' own summaries.
    for info in factlint::checks::codes::all() {
        assert_eq!(
            messages::english().text(&format!("code.{}", info.code)),
            info.summary,
            "messages/en.yaml code.{} differs from its CodeInfo summary",
            info.code
        );
    }
}
