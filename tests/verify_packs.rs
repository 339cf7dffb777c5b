//! The bundled packs are the ones in `rules/`, they load without error, and
//! their data is canonical (no duplicates, no contradictions).

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use factlint::rules::bundled::BUNDLED_PACKS;
use factlint::rules::{RuleSet, RuleSources};

fn yaml_files(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.insert(
                path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap()
                    .display()
                    .to_string(),
            );
        }
    }
}

#[test]
fn every_pack_in_rules_is_bundled_except_examples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut on_disk = BTreeSet::new();
    yaml_files(&root.join("rules"), &mut on_disk);
    on_disk.retain(|p| !p.starts_with("rules/examples/"));
    let bundled: BTreeSet<String> = BUNDLED_PACKS.iter().map(|(p, _)| p.to_string()).collect();
    assert_eq!(on_disk, bundled, "list new packs in src/rules/bundled.rs");
}

#[test]
fn bundled_packs_load_and_are_canonical() {
    let loaded = RuleSet::load(&RuleSources::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let rules = loaded.rules;
    assert!(rules.countries.len() >= 198);
    let mut codes = BTreeSet::new();
    let mut owner: HashMap<String, String> = HashMap::new();
    for country in &rules.countries {
        assert!(
            codes.insert(country.code.clone()),
            "country {} twice",
            country.code
        );
        assert!(
            !country.names.ar.is_empty() && !country.names.en.is_empty(),
            "{}",
            country.code
        );
        assert!(
            !country.demonyms_ar_masculine.is_empty(),
            "{} has no Arabic demonym",
            country.code
        );
        for form in country
            .demonyms_ar_masculine
            .iter()
            .chain(&country.demonyms_ar_feminine)
            .chain(&country.demonyms_ar_plural)
        {
            assert!(
                !form.starts_with("ال"),
                "{}: demonym {form} carries the article",
                country.code
            );
            let normalized = factlint::text::normalize_pattern(form);
            if let Some(other) = owner.insert(normalized.clone(), country.code.clone()) {
                assert_eq!(
                    other, country.code,
                    "demonym {form} belongs to two countries"
                );
            }
        }
    }
    for required in [
        "MA", "IL", "AE", "PS", "XK", "TW", "EH", "VA", "EG", "SA", "US",
    ] {
        assert!(
            codes.contains(required),
            "{required} missing from the lexicon"
        );
    }
}

#[test]
fn example_packs_load() {
    let loaded = RuleSet::load(&RuleSources {
        no_defaults: false,
        paths: vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/examples")],
        ..Default::default()
    });
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
}

/// `disable: [pack.id]` in factlint.yaml names an example by its id; a
/// bundled example named by its place would change name when another is
/// added above it, and a newsroom's `disable:` would then turn off the
/// wrong one.
#[test]
fn bundled_examples_have_their_own_ids() {
    for (path, text) in factlint::rules::bundled::BUNDLED_PACKS {
        let raw: factlint::rules::raw::RawPack = serde_saphyr::from_str(text).unwrap();
        for example in &raw.examples {
            assert!(
                example.id.is_some(),
                "{path}: the example «{}» needs an `id:`",
                example.text.value
            );
        }
    }
}

/// `disable: [pack.id]` turns off every entry of the pack with that id: an
/// example named like one of its pack's typos would take the typo with it.
#[test]
fn bundled_ids_name_one_kind_of_entry() {
    let rules = RuleSet::bundled().expect("bundled packs load");
    let mut kinds: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for (kind, rule) in rules.data.entries() {
        if let Some(other) = kinds.insert(rule.qualified_id(), kind) {
            assert_eq!(
                other,
                kind,
                "`{}` names a {other} and a {kind}",
                rule.qualified_id()
            );
        }
    }
}
