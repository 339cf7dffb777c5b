//! From YAML text to a validated [`Pack`], collecting every mistake with
//! its file, line and column.

use std::sync::Arc;

use super::error::{PackError, PackErrorKind};
use super::model::*;
use super::raw::RawPack;
use super::validate::Validator;
use crate::diagnostic::yaml::yaml_error;

/// Parses and validates one pack file. All mistakes are returned, not just
/// the first, so that one run of `factlint rules validate` shows them all.
pub fn parse_pack(file: &str, text: Arc<str>, bundled: bool) -> Result<Pack, Vec<PackError>> {
    let dir = std::path::Path::new(file)
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let read = move |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path)
            .map(|text| (path.display().to_string(), text))
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    parse_pack_with(file, text, bundled, &read)
}

/// Reads a file that a pack names (a CSV typo list), relative to the pack:
/// returns the name to report it under and its text.
pub type SiblingReader<'a> = dyn Fn(&str) -> Result<(String, String), String> + 'a;

/// Like [`parse_pack`], with the way to read files the pack names (bundled
/// packs read them from the binary).
pub fn parse_pack_with(
    file: &str,
    text: Arc<str>,
    bundled: bool,
    read_sibling: &SiblingReader<'_>,
) -> Result<Pack, Vec<PackError>> {
    let raw: RawPack =
        serde_saphyr::from_str(&text).map_err(|err| vec![yaml_error(file, &text, &err)])?;
    let mut v = Validator {
        file,
        text: &text,
        errors: Vec::new(),
        pack_name: Arc::from(""),
        file_name: Arc::from(file),
    };
    let name = match &raw.pack {
        Some(name) if name.value.trim().is_empty() => {
            v.error(PackErrorKind::InvalidValue, name, "the pack name is empty");
            String::new()
        }
        Some(name) => name.value.trim().to_string(),
        None => std::path::Path::new(file)
            .file_stem()
            .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned()),
    };
    v.pack_name = Arc::from(name.as_str());
    let mut info = PackInfo {
        name,
        file: file.to_string(),
        description: raw.description,
        source: raw.source,
        license: raw.license,
        bundled,
        counts: Vec::new(),
    };
    let lexicon = raw.lexicon.unwrap_or_default();
    let mut data = PackData {
        countries: v.countries(lexicon.countries),
        ranks: v.ranks(lexicon.ranks),
        months: v.months(lexicon.months, "month"),
        hijri_months: v.months(lexicon.hijri_months, "Hijri month"),
        weekdays: v.weekdays(lexicon.weekdays),
        markers: v.markers(lexicon.markers),
        attributions: v.attributions(lexicon.attributions),
        verbs: v.verbs(lexicon.verbs),
        entities: v.entities(raw.entities),
        events: v.events(raw.events),
        counters: v.counters(raw.counters),
        typos: v.typos(raw.typos),
        examples: Vec::new(),
        accept: v.accept(raw.accept),
    };
    for list in raw.typo_lists {
        let listed = v.typo_list(list, read_sibling);
        data.typos.extend(listed);
    }
    data.examples = v.examples(raw.examples);
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    info.counts = data.counts();
    Ok(Pack { info, data })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    fn errors(yaml: &str) -> Vec<PackError> {
        parse_pack("t.yaml", Arc::from(yaml), false).expect_err("pack should be rejected")
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let e = &errors("pack: t\nentites: []\n")[0];
        assert_eq!(e.kind, PackErrorKind::UnknownKey);
        assert_eq!((e.line, e.column), (2, 1));
        assert!(
            e.help
                .as_deref()
                .unwrap()
                .contains("did you mean `entities`"),
            "{:?}",
            e.help
        );
    }

    #[test]
    fn impossible_date_is_located() {
        let e = &errors("events:\n  - id: x\n    names: { en: [X] }\n    date: 2023-02-30\n")[0];
        assert_eq!(e.kind, PackErrorKind::InvalidDate);
        assert_eq!((e.line, e.column), (4, 11));
    }

    #[test]
    fn word_boundaries_are_rejected_with_help() {
        let e = &errors("typos:\n  - { find: '\\bteh\\b', regex: true, replace: the }\n")[0];
        assert_eq!(e.kind, PackErrorKind::InvalidRegex);
        assert!(e.help.as_deref().unwrap().contains("word boundary"));
    }

    #[test]
    fn duplicate_ids_point_at_both() {
        let e = &errors(
            "events:\n  - { id: a, names: { en: [A] }, date: 2020 }\n  - { id: a, names: { en: [B] }, date: 2021 }\n",
        )[0];
        assert_eq!(e.kind, PackErrorKind::DuplicateId);
        assert_eq!(e.line, 3);
        assert_eq!(e.related.len(), 1);
    }

    #[test]
    fn all_mistakes_are_collected() {
        let errs = errors(
            "events:\n  - { id: a, names: { en: [A] }, date: 2020-13 }\ntypos:\n  - { find: '(', regex: true, replace: x }\n",
        );
        assert_eq!(errs.len(), 2);
    }

    #[test]
    fn valid_pack_loads() {
        let pack = parse_pack(
            "t.yaml",
            Arc::from("pack: demo\ntypos:\n  - { find: سلاح الجوي, replace: سلاح الجو }\n"),
            false,
        )
        .unwrap();
        assert_eq!(pack.info.name, "demo");
        assert_eq!(pack.typos[0].language, Language::Ar);
        assert_eq!(pack.typos[0].origin.line, 3);
    }
}
