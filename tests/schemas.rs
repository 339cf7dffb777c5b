//! The committed JSON Schemas (`schemas/`) equal the ones derived from the
//! types that read configurations and packs; `FACTLINT_UPDATE_SCHEMAS=1
//! cargo test --test schemas` rewrites them. Every bundled pack and the
//! starter configuration validate against them.

mod common;

use common::root;

#[test]
fn committed_schemas_are_current() {
    let update = std::env::var_os("FACTLINT_UPDATE_SCHEMAS").is_some();
    for (path, current) in factlint::schema::files() {
        let file = root().join(path);
        if update {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &current).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            committed == current,
            "{path} is out of date with the types that read it: run FACTLINT_UPDATE_SCHEMAS=1 cargo test --test schemas and commit it"
        );
    }
}

/// A YAML document as JSON. serde-saphyr reads a bare `on` or `yes` in a
/// list into a JSON boolean (YAML 1.1), where factlint's typed reader and
/// YAML 1.2 editors read a string (the bundled date markers list the
/// English word "on"), so booleans inside lists are turned back into
/// strings; no pack or configuration key takes a list of booleans.
fn yaml(text: &str) -> serde_json::Value {
    use serde_json::Value;
    fn strings(value: Value, in_list: bool) -> Value {
        match value {
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|v| strings(v, true)).collect())
            }
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| (k, strings(v, false)))
                    .collect(),
            ),
            Value::Bool(b) if in_list => Value::String(if b { "on" } else { "off" }.to_string()),
            other => other,
        }
    }
    strings(serde_saphyr::from_str(text).expect("valid YAML"), false)
}

#[test]
fn bundled_packs_and_the_starter_configuration_validate() {
    let pack =
        jsonschema::validator_for(&factlint::schema::pack()).expect("the pack schema compiles");
    for (path, text) in factlint::rules::bundled::BUNDLED_PACKS {
        let errors: Vec<String> = pack
            .iter_errors(&yaml(text))
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:#?}");
    }
    let config =
        jsonschema::validator_for(&factlint::schema::config()).expect("the config schema compiles");
    assert!(config.is_valid(&yaml(factlint::config::STARTER)));
    assert!(
        !config.is_valid(&yaml("selcet: [typo]\n")),
        "unknown keys are refused"
    );
    assert!(!config.is_valid(&yaml("fail_on: sometimes\n")));
}
