//! JSON Schemas of the two files a newsroom writes, `factlint.yaml` and a
//! rule pack, derived from the types that read them so they cannot drift
//! from what factlint accepts. Editors with YAML language support use them
//! to complete keys and flag mistakes as the file is typed; the committed
//! copies in `schemas/` are kept current by `tests/schemas.rs`.

use serde_json::Value;

/// The schema of `factlint.yaml`.
pub fn config() -> Value {
    let mut schema = schemars::schema_for!(crate::config::RawConfig).to_value();
    schema["title"] = "factlint configuration (factlint.yaml)".into();
    schema
}

/// The schema of a rule pack (`*.yaml` in a pack folder).
pub fn pack() -> Value {
    let mut schema = schemars::schema_for!(crate::rules::raw::RawPack).to_value();
    schema["title"] = "factlint rule pack".into();
    schema
}

/// The committed files and their current contents, as `(path in the
/// repository, JSON text)`.
pub fn files() -> [(&'static str, String); 2] {
    let text = |value: Value| {
        let mut text = serde_json::to_string_pretty(&value).expect("a schema serialises");
        text.push('\n');
        text
    };
    [
        ("schemas/factlint.schema.json", text(config())),
        ("schemas/pack.schema.json", text(pack())),
    ]
}
