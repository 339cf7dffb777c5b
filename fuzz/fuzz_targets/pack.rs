//! Any text as a rule pack: parsing and validation return a pack or
//! located errors, never panic; a valid pack compiles or says why.
#![no_main]

use std::borrow::Cow;
use std::sync::Arc;

use factlint::rules::RuleSet;
use factlint::rules::load::parse_pack_with;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let no_files = |name: &str| -> Result<(String, Cow<'static, str>), String> {
        Err(format!("cannot read {name}"))
    };
    if let Ok(pack) = parse_pack_with("fuzz.yaml", Arc::from(text), false, &no_files) {
        let _ = RuleSet::from_packs(vec![pack]);
    }
});
