//! From YAML text to a validated [`Pack`], collecting every mistake with
//! its file, line and column.

use std::borrow::Cow;
use std::sync::Arc;

use super::error::{PackError, PackErrorKind};
use super::model::*;
use super::raw::RawPack;
use super::validate::Validator;
use crate::diagnostic::yaml::yaml_error;

/// Parses and validates one pack file. All mistakes are returned, not just
/// the first, so that one run of `factlint rules validate` shows them all.
pub fn parse_pack(file: &str, text: Arc<str>, bundled: bool) -> Result<Pack, Vec<PackError>> {
    parse_pack_with(file, text, bundled, &|name| read_beside(file, name))
}

/// Reads the file `name` that the pack file `pack` names (a CSV typo list),
/// relative to the pack's folder: the name to report it under and its text.
pub fn read_beside(pack: &str, name: &str) -> Result<(String, Cow<'static, str>), String> {
    let path = std::path::Path::new(pack)
        .parent()
        .unwrap_or(std::path::Path::new(""))
        .join(name);
    std::fs::read_to_string(&path)
        .map(|text| (path.display().to_string(), Cow::Owned(text)))
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Reads a file that a pack names (a CSV typo list), relative to the pack:
/// returns the name to report it under and its text, borrowed when it is
/// compiled into the binary (a bundled list may then be parsed later, see
/// [`DeferredTypoList`]).
pub type SiblingReader<'a> = dyn Fn(&str) -> Result<(String, Cow<'static, str>), String> + 'a;

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
        deferred_typos: Vec::new(),
        examples: Vec::new(),
        accept: v.accept(raw.accept),
    };
    for list in raw.typo_lists {
        if bundled && let Some(mut deferred) = defer(&list, read_sibling, &v, &text) {
            deferred.at = data.typos.len();
            data.deferred_typos.push(deferred);
            continue;
        }
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

/// A bundled typo list to read row by row on demand (see
/// [`DeferredTypoList`]), when its text is compiled in, its language and
/// fix applicability are valid, it has the `typo,correction` header, no
/// blank line, and every typo is one unquoted word that belongs in a typo
/// table: a scan of a millisecond or two for the English list, against
/// tens of milliseconds and megabytes to parse it. `None` to parse it now.
fn defer(
    list: &super::raw::RawTypoList,
    read: &SiblingReader<'_>,
    v: &Validator<'_>,
    text: &Arc<str>,
) -> Option<DeferredTypoList> {
    let language = crate::language::Language::from_code(&list.lang.value)?;
    let applicability = match &list.fix {
        None => crate::finding::Applicability::Safe,
        Some(fix) => crate::finding::Applicability::parse(fix.value.trim())?,
    };
    let Ok((csv_name, Cow::Borrowed(csv))) = read(list.file.value.trim()) else {
        return None;
    };
    let deferred = |rows, tables, compiled| DeferredTypoList {
        list: list.clone(),
        pack_file: Arc::clone(&v.file_name),
        pack_text: Arc::clone(text),
        pack_name: Arc::clone(&v.pack_name),
        csv_name: Arc::from(csv_name.as_str()),
        csv,
        language,
        applicability,
        rows,
        at: 0,
        tables,
        compiled,
    };
    if let Some(compiled) = super::compiled::CompiledTypoList::of(&csv_name, csv) {
        return Some(deferred(compiled.rows(), [true, false], Some(compiled)));
    }
    let mut tables = [false; 2];
    let mut rows = Vec::new();
    for (start, line, typo) in super::csv_rows::typo_rows(csv)? {
        tables[super::RuleSet::typo_table_of(typo)?] = true;
        rows.push((start, line));
    }
    Some(deferred(rows, tables, None))
}

/// Parses a deferred typo list whole, as [`parse_pack_with`] would have,
/// with the mistakes found: the tests check that the rows read one by one
/// give the same typos.
#[cfg(test)]
pub(super) fn parse_deferred(deferred: &DeferredTypoList) -> (Vec<Typo>, Vec<PackError>) {
    let mut v = Validator {
        file: &deferred.pack_file,
        text: &deferred.pack_text,
        errors: Vec::new(),
        pack_name: Arc::clone(&deferred.pack_name),
        file_name: Arc::clone(&deferred.pack_file),
    };
    let read = |_: &str| Ok((deferred.csv_name.to_string(), Cow::Borrowed(deferred.csv)));
    let typos = v.typo_list(deferred.list.clone(), &read);
    (typos, v.errors)
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
